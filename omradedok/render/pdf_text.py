"""User text in the PDF: line breaking with hyphenation, fallback fonts, right-to-left lines.

One rule for every text the PDF and its charts lay out (``split_lines``):
- lines break at spaces, never at a no-break space («60 000 kr» stays whole);
- a word that does not fit the rest of a line is hyphenated (pyphen's nb_NO/nn_NO patterns)
  when a hyphenation point fits, so narrow columns never cut a word without a hyphen;
- a word wider than a whole line (an address, a code, a 30 000-letter string) breaks after
  «/ . _ @» or else by letter with a hyphen, in one linear pass.

``TextBlock`` is the flowable for all user text (paragraphs, bullets, table cells, headings):
plain text, never markup (a ``Paragraph`` per cell parsed XML and was most of the render time),
lines cached per width, characters set in the style's fallback chain (``pdf_fonts``), lines of
Arabic or Hebrew reordered for display (``pdf_script``), and split across pages at any line,
so a table cell taller than a page continues on the next one.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import lru_cache
from xml.sax.saxutils import escape

import pyphen
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from ..model.passages import has_marks, passages, plain
from .font_files import is_mark
from .pdf_fonts import FontChain, chain_of
from .pdf_script import display, prepare, starts_rtl
from .pdf_tags import Node, marked, recorder

_BREAKABLE = re.compile(r"[^\S\u00a0\u202f\u2007\u2028]+")
"""Whitespace where a line may break: any but the no-break spaces and the line separator."""
LINE_BREAK = "\u2028"
"""A line break inside a paragraph (U+2028 LINE SEPARATOR): kept by :func:`collapse`, every
line after it starts a new line (a paragraph's «\\n» in the view)."""
_BREAK_AFTER = frozenset("/._@&?=\u00a0\u202f")
"""A word wider than a whole line may break after these without a hyphen (addresses, paths;
an amount wider than its column at its no-break spaces rather than between digits)."""
_CODE = re.compile(r"[/@]|\w\.\w")
"""Addresses, e-mail, file names: broken after their punctuation, never hyphenated."""
_LONG = 80
"""Words longer than this are not looked up in the hyphenation patterns."""


_BOUND = re.compile(
    r"(?<=\d) (?=\d{3}(?!\d))|(?<=\d) (?=(?:kr|mill\.|mrd\.|%|NOK)(?!\w))|(?<=mill\.) (?=kr(?!\w))|(?<=mrd\.) (?=kr(?!\w))"
)
"""Spaces inside an amount as users type them («60 000 kr», «7,3 mill. kr»): never a line end."""


def collapse(text: str) -> str:
    """Runs of breakable whitespace (line breaks included) become one space; NBSPs stay, and
    the spaces of amounts typed with plain spaces become no-break spaces."""
    text = _BREAKABLE.sub(" ", text).strip()
    if LINE_BREAK in text:
        text = re.sub(f" ?{LINE_BREAK} ?", LINE_BREAK, text)
    if any(c.isdigit() for c in text):
        text = _BOUND.sub("\u00a0", text)
    return text


@lru_cache(maxsize=4)
def _dictionary(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang, left=2, right=2)


@lru_cache(maxsize=20000)
def _points(word: str, lang: str) -> tuple[tuple[int, bool], ...]:
    """Where ``word`` may break: (index, needs a hyphen), ascending."""
    found: dict[int, bool] = {}
    code = _CODE.search(word) is not None
    after = "-/\u2013" + ("._@&?=" if code else "")
    for i in range(2, len(word) - 1):
        if word[i - 1] in after and word[i].isalnum():
            found[i] = False
    if len(word) <= _LONG and lang and not code:
        for m in re.finditer(r"[^\W\d_]{5,}", word):
            part = m.group()
            for p in _dictionary(lang).positions(part):
                if 2 <= p <= len(part) - 3:  # at least two letters before, three after
                    found.setdefault(m.start() + p, True)
    return tuple(sorted(found.items()))


Measure = Callable[[str], float]
"""Width of a string in points, for one font chain and size."""


def measure_for(chain: FontChain, size: float, text: str) -> Measure:
    """A width function for the words of ``text``: one C call per word when the main font
    sets all of it (the common case), else run by run through the fallback fonts."""
    if chain.covers(text):
        main = chain.main
        return lambda s: float(stringWidth(s, main, size))
    return lambda s: chain.width(s, size)


def _hyphenate(word: str, room: float, width: Measure, lang: str) -> tuple[str, str] | None:
    """The longest head of ``word`` (with its hyphen) that fits ``room``, and the rest."""
    for i, hyphen in reversed(_points(word, lang)):
        head = word[:i] + ("-" if hyphen else "")
        if width(head) <= room:
            return head, word[i:]
    return None


def _break_long(word: str, width: float, measure: Measure, first: float | None = None) -> list[str]:
    """``word`` in pieces of at most ``width`` (the first at most ``first``; all but the last
    end in a hyphen or a break character). One pass over the letters: linear in its length."""
    cache: dict[str, float] = {}

    def w(ch: str) -> float:
        value = cache.get(ch)
        if value is None:
            value = cache[ch] = measure(ch)
        return value

    hyphen = w("-")
    pieces: list[str] = []
    start, used, after = 0, 0.0, -1
    i, n = 0, len(word)
    limit = width if first is None else first
    while i < n:
        ch = word[i]
        cw = w(ch)
        if i > start and not is_mark(ch) and used + cw + hyphen > limit:
            limit = width
            if after > start:
                pieces.append(word[start:after])
                start = after
                used = sum(w(c) for c in word[start:i])
            else:
                pieces.append(word[start:i] + "-")
                start, used = i, 0.0
            after = -1
            continue
        used += cw
        i += 1
        if ch in _BREAK_AFTER and i < n:
            after = i
    pieces.append(word[start:])
    return pieces


def split_lines(
    text: str,
    font: str | FontChain,
    size: float,
    width: float,
    space_shrinkage: float = 0.0,
    lang: str = "nb_NO",
    indent: float = 0.0,
    foreign: frozenset[str] = frozenset(),
) -> list[str]:
    """Greedy lines of at most ``width`` points (logical order; ``text`` already collapsed),
    the first one ``indent`` shorter.

    Like ``Paragraph``, a line may overrun by ``space_shrinkage`` of a space per word gap.
    Words in ``foreign`` (a passage in another language) are not hyphenated by ``lang``'s
    patterns; they still break at their own hyphens, or by letter when wider than a line."""
    chain = font if isinstance(font, FontChain) else chain_of(font)
    measure = measure_for(chain, size, text)
    full = width
    width = full - indent
    space = measure(" ")
    lines: list[str] = []
    current, used, gaps = "", 0.0, 0
    for word in text.split(" "):
        if not word:
            continue
        word_width = measure(word)
        if not current and word_width <= width:
            current, used, gaps = word, word_width, 0
            continue
        if current and used + space + word_width <= width + space * space_shrinkage * (gaps + 1):
            current, used, gaps = f"{current} {word}", used + space + word_width, gaps + 1
            continue
        room = width - used - (space if current else 0.0)
        word_lang = "" if foreign and word in foreign else lang
        head = _hyphenate(word, room, measure, word_lang) if room > 2 * space else None
        if head is not None:
            lines.append(f"{current} {head[0]}" if current else head[0])
            width = full
            word = head[1]
            word_width = measure(word)
        elif current:
            lines.append(current)
            width = full
        while word_width > width and (head := _hyphenate(word, width, measure, word_lang)):
            lines.append(head[0])
            width = full
            word = head[1]
            word_width = measure(word)
        if word_width > width:
            *pieces, word = _break_long(word, full, measure, first=width)
            lines += pieces
            width = full
            word_width = measure(word)
        current, used, gaps = word, word_width, 0
    if current:
        lines.append(current)
    return lines


def _put(
    text: PDFTextObject,
    x: float,
    y: float,
    line: str,
    chain: FontChain,
    size: float,
    rtl: bool,
    font: list[str],
) -> None:
    """One line into a text object; ``font`` holds the font set last (set again only when a
    run needs another)."""
    visual = display(line, rtl)
    text.setTextOrigin(x, y)
    for name, run in chain.runs(visual):
        if font[0] != name:
            text.setFont(name, size)
            font[0] = name
        text.textOut(run)


def draw_line(
    canv: Canvas, x: float, y: float, line: str, chain: FontChain, size: float, rtl: bool = False
) -> None:
    """Draw one laid-out line (logical order) starting at ``x``."""
    text = canv.beginText(x, y)
    _put(text, x, y, line, chain, size, rtl, [""])
    canv.drawText(text)


def draw_string(
    canv: Canvas, x: float, y: float, value: str, font: str, size: float, anchor: str = "start"
) -> None:
    """``canvas.drawString`` for user text: fallback fonts, Arabic joined, bidi order."""
    chain = chain_of(font)
    line = prepare(plain(value))
    width = chain.width(line, size)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    draw_line(canv, x, y, line, chain, size, starts_rtl(line))


def lines_markup(value: str, font: str, size: float, width: float) -> str:
    """User text as ``Paragraph`` markup for places that need one (contents entries with
    links): lines broken here, joined by ``<br/>``, each run in its fallback font."""
    chain = chain_of(font)
    text = prepare(collapse(plain(value)))
    rtl = starts_rtl(text)
    out = []
    for line in split_lines(text, chain, size, width):
        runs = chain.runs(display(line, rtl))
        out.append(
            "".join(
                escape(run) if name == chain.main else f'<font face="{name}">{escape(run)}</font>'
                for name, run in runs
            )
        )
    return "<br/>".join(out)


_PASSAGE_OPEN = 0xE100
"""Private-use characters that carry a passage's start (one per passage, its index above
this) and end through ``collapse``/``prepare``, which change the text's length."""
_PASSAGE_CLOSE = "\ue0ff"


def passage_text(value: str) -> tuple[str, list[int], tuple[str, ...]]:
    """A marked text («Huset [se: Searvvušvisti]») collapsed and prepared as ``TextBlock``
    lays it out, without markers; the passage index of every character (-1: the document's
    language) and each passage's language tag."""
    langs: list[str] = []
    marked = []
    for piece in passages(value):
        if piece.lang is None:
            marked.append(piece.text)
        else:
            marked.append(f"{chr(_PASSAGE_OPEN + len(langs))}{piece.text}{_PASSAGE_CLOSE}")
            langs.append(piece.lang)
    laid = prepare(collapse("".join(marked)))
    chars: list[str] = []
    owner: list[int] = []
    current = -1
    for ch in laid:
        code = ord(ch)
        if _PASSAGE_OPEN <= code < _PASSAGE_OPEN + len(langs):
            current = code - _PASSAGE_OPEN
        elif ch == _PASSAGE_CLOSE:
            current = -1
        elif ch == " " and (not chars or chars[-1] == " "):
            continue  # a space the markers kept apart from its neighbour
        else:
            chars.append(ch)
            owner.append(current)
    while chars and chars[-1] == " ":
        chars.pop()
        owner.pop()
    return "".join(chars), owner, tuple(langs)


def _line_owners(text: str, owner: list[int], lines: list[str]) -> list[list[int]]:
    """The passage index of every character of each laid-out line (lines are the text's words
    with a hyphen added where a word was broken)."""
    out: list[list[int]] = []
    pos, n = 0, len(text)
    for line in lines:
        if line and pos < n and text[pos] in (" ", LINE_BREAK) and line[0] != " ":
            pos += 1
        owners = []
        for ch in line:
            if pos < n and text[pos] == ch:
                owners.append(owner[pos])
                pos += 1
            else:  # the hyphen of a broken word belongs to the word
                owners.append(owner[pos - 1] if pos else -1)
        out.append(owners)
    return out


def _passage_words(text: str, owner: list[int]) -> frozenset[str]:
    """The words of ``text`` written wholly inside a passage."""
    words = set()
    start = 0
    for end in [*(i for i, ch in enumerate(text) if ch == " "), len(text)]:
        if end > start and all(o >= 0 for o in owner[start:end]):
            words.add(text[start:end])
        start = end + 1
    return frozenset(words)


def _segments(owners: list[int]) -> list[tuple[int, int, int]]:
    """(start, end, passage index) of the runs of one line."""
    out: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(owners) + 1):
        if i == len(owners) or owners[i] != owners[start]:
            out.append((start, i, owners[start]))
            start = i
    return out


class TextBlock(Flowable):  # type: ignore[misc]
    """User text laid out in ``style`` (font, size, leading, colour, indents, alignment,
    spaceBefore/After, ``hyphenationLang``); an optional bullet on the first line."""

    continued = False
    """True for the second part of a block split across pages."""
    lead_cell = False
    """True for a table row's first cell: a row split across pages repeats it, marked."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        bullet: str | None = None,
        lines: list[str] | None = None,
        width: float | None = None,
        role: str = "P",
        lang: str | None = None,
    ) -> None:
        super().__init__()
        self.passage_langs: tuple[str, ...] = ()
        """The languages of the text's passages in another language («[se: …]»), in order."""
        self._owner: list[int] = []
        self._owners: list[list[int]] = []
        self._spans: dict[int, Node] = {}
        self._foreign: frozenset[str] = frozenset()
        """Words of the passages: never hyphenated by the document language's patterns."""
        laid = False
        if lines is None and "[" in text and has_marks(text):
            text, owner, langs = passage_text(text)
            laid = True
            if langs and set(owner) == {0} and len(langs) == 1:
                lang = langs[0]  # the whole text is in that language: its element says so
            elif langs:
                self.passage_langs, self._owner = langs, owner
            self._foreign = _passage_words(text, owner)
        elif lines is not None and any(has_marks(line) for line in lines):
            lines = [plain(line) for line in lines]
        self.tag: Node | None = Node(role, lang=lang)
        """The structure element the text belongs to (a table sets its cell; a split keeps
        it; None: an artifact, such as a continued row's repeated first cell)."""
        if bullet is not None:
            self.tag = Node("LI", lang=lang)
            self.tag.child("Lbl")
            self.tag.child("LBody")
        self.text = text if lines is not None or laid else prepare(collapse(text))
        self.style = style
        self.bullet = bullet
        self.rtl = starts_rtl(self.text)
        self.chain = chain_of(style.fontName)
        self.simple = self.chain.covers(self.text.replace(LINE_BREAK, " "))
        """All of it in the main font, no right-to-left run: drawn line by line as is."""
        self._lines: list[str] = lines or []
        self._for_width: float | None = width if lines is not None else None
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter

    def lines_for(self, avail_width: float) -> list[str]:
        if avail_width != self._for_width:
            s = self.style
            room = avail_width - s.leftIndent - s.rightIndent
            lang = getattr(s, "hyphenationLang", "") or ""
            parts = self.text.split(LINE_BREAK)
            self._lines = [
                line
                for part in parts
                for line in split_lines(
                    part,
                    self.chain,
                    s.fontSize,
                    room,
                    s.spaceShrinkage or 0.0,
                    lang,
                    foreign=self._foreign,
                )
                or ([""] if len(parts) > 1 else [])
            ]
            self._for_width = avail_width
            if self._owner:
                self._owners = _line_owners(self.text, self._owner, self._lines)
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.lines_for(avail_width)) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """At a line: the lines that fit here, and the rest (a cell splits the same way)."""
        width = self._for_width if self._for_width is not None else avail_width
        lines = self.lines_for(width)
        fit = int((avail_height + 1e-6) // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        first, rest = self._part(lines[:fit]), self._part(lines[fit:])
        if self._owners:
            first._owners, rest._owners = self._owners[:fit], self._owners[fit:]
        first.spaceAfter = 0
        rest.spaceBefore = 0
        rest.bullet = None
        rest.continued = True
        return [first, rest]

    def _part(self, lines: list[str]) -> TextBlock:
        part = copy.copy(self)
        for attribute in ("_postponed", "_frame", "canv"):
            part.__dict__.pop(attribute, None)
        part._lines = lines
        return part

    def continuation(self, label: str) -> TextBlock:
        """What a split row's first cell says on the next page: its first line, «(forts.)»."""
        first = self._lines[0] if self._lines else self.text
        style = self.style
        room = (self._for_width or 0.0) - style.leftIndent - style.rightIndent
        label_width = self.chain.width(label, style.fontSize)
        if room > 0 and label_width > room:  # a narrow number column: the marker shrinks
            factor = max(room / label_width, 0.6)
            style = ParagraphStyle(
                f"{style.name}-cont",
                parent=style,
                fontSize=style.fontSize * factor,
                leading=style.leading * factor,
            )
        repeat = TextBlock(f"{first} {label}", style)
        repeat.tag = None  # the text is in the row on the page before: not read twice
        return repeat

    def draw(self) -> None:
        if not self._lines:
            return
        tag = self.tag
        if tag is not None and tag.role == "LI":
            self._draw_item(tag)
            return
        if self._tags_passages(tag):
            assert tag is not None
            self._draw(passages_of=tag)
            return
        with marked(self.canv, tag, continued=self.continued):
            self._draw()

    def _draw_item(self, item: Node) -> None:
        label, body = item.kids[0], item.kids[1]
        if self.bullet:
            with marked(self.canv, label):
                self._draw(bullet_only=True)
        if self._tags_passages(body):
            self._draw(text_only=True, passages_of=body)
            return
        with marked(self.canv, body, continued=self.continued):
            self._draw(text_only=True)

    def _tags_passages(self, node: Node | None) -> bool:
        """Whether the text's passages are drawn as Span elements of ``node`` (not when the
        block is an artifact, such as a split table's repeated header)."""
        if not self._owners or node is None:
            return False
        tags = recorder(self.canv)
        if tags is None or tags.artifact_depth:
            return False
        return self.continued or not tags.repeated(self.canv, node)

    def _span(self, node: Node, index: int) -> Node:
        """The Span element (with /Lang) of passage ``index``: one per passage, shared by
        the lines and page parts it is drawn on."""
        span = self._spans.get(index)
        if span is None or span.parent is not node:
            span = self._spans[index] = node.child("Span", lang=self.passage_langs[index])
        return span

    def _draw_passages(
        self, node: Node, line_index: int, line: str, x: float, y: float, font: list[str]
    ) -> None:
        """One line in runs: the document's language marked as ``node``, each passage as its
        Span, each run its own text object (marked content may not cross BT/ET)."""
        s = self.style
        canv = self.canv
        runs = _segments(self._owners[line_index])
        if self.rtl:
            runs.reverse()
        for start, end, index in runs:
            piece = line[start:end]
            with marked(canv, node if index < 0 else self._span(node, index), continued=True):
                text = canv.beginText()
                font[0] = ""
                _put(text, x, y, piece, self.chain, s.fontSize, self.rtl, font)
                canv.drawText(text)
            x += self.chain.width(piece, s.fontSize)

    def _draw(
        self, *, bullet_only: bool = False, text_only: bool = False, passages_of: Node | None = None
    ) -> None:
        s = self.style
        canv = self.canv
        canv.setFillColor(s.textColor)
        y = self.height - s.fontSize
        align = s.alignment
        if self.rtl and align not in (TA_RIGHT, TA_CENTER):
            align = TA_RIGHT
        left, right = s.leftIndent, s.rightIndent
        if self.bullet and not text_only:
            bullet_font = s.bulletFontName or s.fontName
            if self.rtl:  # a right-to-left list item: bullet and indent on the right
                bullet_x = self.width - s.bulletIndent
                draw_string(canv, bullet_x, y, self.bullet, bullet_font, s.fontSize, "end")
                left, right = s.rightIndent, s.leftIndent
            else:
                draw_string(canv, s.bulletIndent, y, self.bullet, bullet_font, s.fontSize)
        if bullet_only:
            return
        if text_only and self.bullet and self.rtl:
            left, right = s.rightIndent, s.leftIndent
        text = canv.beginText()
        font = [""]
        room = self.width - left - right
        for line_index, line in enumerate(self._lines):
            if align in (TA_RIGHT, TA_CENTER):
                line_width = (
                    stringWidth(line, self.chain.main, s.fontSize)
                    if self.simple
                    else self.chain.width(line, s.fontSize)
                )
                x = left + (room - line_width) / (1 if align == TA_RIGHT else 2)
            else:
                x = left
            if passages_of is not None:
                self._draw_passages(passages_of, line_index, line, x, y, font)
            elif self.simple:
                if not font[0]:
                    text.setFont(self.chain.main, s.fontSize)
                    font[0] = self.chain.main
                text.setTextOrigin(x, y)
                text.textOut(line)
            else:
                _put(text, x, y, line, self.chain, s.fontSize, self.rtl, font)
            y -= s.leading
        if passages_of is None:
            canv.drawText(text)


def draw_lines(
    canv: Canvas,
    node: Node,
    value: str,
    lines: list[str],
    font: str,
    size: float,
    leading: float,
    x: float,
    y: float,
    color: object,
) -> None:
    """Lines the caller laid out from ``value`` (the cover's title) drawn from baseline ``y``
    down, as the structure element ``node``, with a marked text's passages as Span elements
    (``/Lang``) – for text drawn straight on the canvas."""
    style = ParagraphStyle("drawn", fontName=font, fontSize=size, leading=leading, textColor=color)
    block = TextBlock(value, style)
    own = block.tag
    if own is not None and own.lang and not node.lang:
        node.lang = own.lang
    block.tag = node
    block._lines = list(lines)
    block._for_width = -1.0
    if block._owner:
        block._owners = _line_owners(block.text, block._owner, block._lines)
    block.width = 0.0
    block.height = len(lines) * leading
    block.drawOn(canv, x, y - (block.height - size))


PlainCell = TextBlock
"""The name table code used before ``TextBlock`` laid out all user text."""
