"""Tagged PDF while drawing: marked content (BDC … EMC with MCIDs) and the structure it belongs to.

Every flowable that draws content tells the canvas's ``TagRecorder`` which structure element
(a ``Node``: P, H1, TD, Figure, LI …) the content is part of; the recorder writes the
marked-content operators around it and remembers, page by page, which MCID belongs to which
node. Everything else (running head and footer, page numbers, watermark, table backgrounds
and rules, the cover band) is drawn as an artifact, so a screen reader meets only the
document. ``pdf_structure`` turns the recorded nodes into the PDF's structure tree after
reportlab has written the file.

A node is attached to the document the first time content of it is drawn, so the order of
the structure tree is the order of drawing, which is the visual reading order; a block split
across pages keeps its one node (the parts share it), and the header row a table repeats on
the next page is an artifact, not a second header.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

Kid = "Node | tuple[int, int] | tuple[str, int, int]"
"""A child of a node: a node, a marked-content reference (page index, MCID), or an annotation
(«annot», page index, index in the page's /Annots)."""


class Node:
    """One structure element (ISO 32000-1 14.8) as it is being collected."""

    __slots__ = ("alt", "attached", "bbox", "kids", "lang", "parent", "role", "scope", "span")

    def __init__(
        self,
        role: str,
        parent: Node | None = None,
        *,
        alt: str | None = None,
        lang: str | None = None,
    ) -> None:
        self.role = role
        self.parent = parent
        self.kids: list[Any] = []
        self.alt = alt
        self.lang = lang
        self.attached = parent is not None
        self.bbox: tuple[float, float, float, float] | None = None
        self.scope: str | None = None
        """«Column» or «Row» for a TH."""
        self.span = 1
        """ColSpan of a TH/TD merged over the next columns."""
        if parent is not None:
            parent.kids.append(self)

    def child(self, role: str, **kwargs: Any) -> Node:
        return Node(role, self, **kwargs)

    def adopt(self, node: Node) -> Node:
        """Make a node built on its own (a list item) a child of this one."""
        node.parent = self
        node.attached = True
        self.kids.append(node)
        return node

    def drawn_pages(self) -> set[int]:
        return {k[0] for k in self.kids if type(k) is tuple and len(k) == 2}

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.role})"


def heading_role(level: int) -> str:
    """Outline level 0 → H1 … level 5 and deeper → H6."""
    return f"H{min(max(level, 0), 5) + 1}"


class TagRecorder:
    """What one canvas has tagged: the document node and, per page, the node of each MCID."""

    def __init__(self) -> None:
        self.root = Node("Document")
        self.root.attached = True
        self.pages: list[list[Node]] = []
        """Page index → the node of each MCID on it (index = MCID)."""
        self.links: list[list[tuple[int, Node]]] = []
        """Page index → (index in the page's annotations, Link node)."""
        self.open: list[Node] = []
        self.artifact_depth = 0
        self.titles: dict[str, str] = {}
        """Bookmark key → heading text: what a link to it says (its /Alt, its /Contents)."""
        self.targets: dict[tuple[int, int], str] = {}
        """(page index, annotation index) → the bookmark key an internal link goes to."""

    def _page(self, canv: Canvas) -> int:
        index = int(canv.getPageNumber()) - 1
        while len(self.pages) <= index:
            self.pages.append([])
            self.links.append([])
        return index

    def _attach(self, node: Node) -> None:
        top = node
        while top.parent is not None:
            top = top.parent
        if top is not self.root and not top.attached:
            top.attached = True
            top.parent = self.root
            self.root.kids.append(top)

    def begin(self, canv: Canvas, node: Node) -> None:
        page = self._page(canv)
        self._attach(node)
        mcid = len(self.pages[page])
        self.pages[page].append(node)
        node.kids.append((page, mcid))
        self.open.append(node)
        canv.addLiteral(f"/{node.role} <</MCID {mcid}>> BDC")

    def end(self, canv: Canvas) -> None:
        self.open.pop()
        canv.addLiteral("EMC")

    def begin_artifact(self, canv: Canvas, kind: str = "Layout", subtype: str = "") -> None:
        extra = f" /Subtype /{subtype}" if subtype else ""
        self.artifact_depth += 1
        canv.addLiteral(f"/Artifact <</Type /{kind}{extra}>> BDC")

    def end_artifact(self, canv: Canvas) -> None:
        self.artifact_depth -= 1
        canv.addLiteral("EMC")

    def link(self, canv: Canvas, annotation_index: int, target: str = "") -> None:
        """A link annotation was just added: a Link element in the node being drawn."""
        page = self._page(canv)
        if target:
            self.targets[page, annotation_index] = target
        parent = self.open[-1] if self.open else self.root
        node = parent.child("Link")
        node.kids.append(("annot", page, annotation_index))
        self.links[page].append((annotation_index, node))

    def repeated(self, canv: Canvas, node: Node) -> bool:
        """A header cell drawn again on a later page (a split table's repeated header row)."""
        if node.role != "TH" or node.scope != "Column":
            return False
        pages = node.drawn_pages()
        return bool(pages) and self._page(canv) not in pages


def in_drawing_order(node: Node) -> tuple[int, int] | None:
    """Order every node's kids as their content was drawn (a nested list built before its
    item's text was drawn comes after that text); returns the node's first (page, MCID).
    A kid with nothing drawn keeps its place after the kid before it."""
    keyed: list[tuple[tuple[int, int], int, Any]] = []
    last = (-1, -1)
    first: tuple[int, int] | None = None
    moved = False
    for position, kid in enumerate(node.kids):
        if type(kid) is Node:
            key = in_drawing_order(kid)
        elif len(kid) == 2:
            key = kid
        else:
            key = None
        if key is not None:
            if key < last:
                moved = True
            last = key
            first = key if first is None or key < first else first
        keyed.append((last, position, kid))
    if moved:
        keyed.sort(key=lambda item: (item[0], item[1]))
        node.kids = [kid for _, _, kid in keyed]
    return first


def recorder(canv: Canvas | None) -> TagRecorder | None:
    """The canvas's recorder; None on a canvas that does not tag (chart PNGs, tests)."""
    return getattr(canv, "tags", None)


@contextmanager
def marked(canv: Canvas, node: Node | None, *, continued: bool = False) -> Iterator[None]:
    """Content drawn inside belongs to ``node`` (or is an artifact when ``node`` is None or
    a repeated table header)."""
    tags = recorder(canv)
    if tags is None or tags.artifact_depth:
        yield
        return
    if node is None or (not continued and tags.repeated(canv, node)):
        tags.begin_artifact(canv, "Pagination" if node is not None else "Layout")
        try:
            yield
        finally:
            tags.end_artifact(canv)
        return
    tags.begin(canv, node)
    try:
        yield
    finally:
        tags.end(canv)


@contextmanager
def artifact(canv: Canvas, kind: str = "Layout", subtype: str = "") -> Iterator[None]:
    """Content drawn inside is decoration or pagination, not part of the document."""
    tags = recorder(canv)
    if tags is None or tags.artifact_depth:
        yield
        return
    tags.begin_artifact(canv, kind, subtype)
    try:
        yield
    finally:
        tags.end_artifact(canv)


class TaggingCanvas(Canvas):  # type: ignore[misc]
    """A canvas (mixin before the concrete canvas class) that records tags, and a Link
    element for every link annotation it adds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tags = TagRecorder()

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kwargs: Any) -> Any:
        index = len(self._annotationrefs)
        result = super().linkRect(contents, destinationname, *args, **kwargs)
        self._tag_link(index, destinationname)
        return result

    def linkURL(self, *args: Any, **kwargs: Any) -> Any:
        index = len(self._annotationrefs)
        result = super().linkURL(*args, **kwargs)
        self._tag_link(index)
        return result

    def _tag_link(self, index: int, target: str = "") -> None:
        if len(self._annotationrefs) > index:
            self.tags.link(self, index, target)


def tag_table(
    data: Sequence[Sequence[Any]],
    header_rows: int,
    *,
    row_headers: bool = False,
    spans: Sequence[tuple[int, int, int]] = (),
) -> Node:
    """The Table element of a grid of cells: THead with TH (Scope Column) for the first
    ``header_rows`` rows, TBody with TD (or a TH with Scope Row for the first column when
    ``row_headers``); each cell's flowables get their cell as ``tag``. ``spans`` are
    (row, first column, last column) of merged cells."""
    table = Node("Table")
    merged = {(r, c0): c1 - c0 + 1 for r, c0, c1 in spans}
    hidden = {(r, c) for r, c0, c1 in spans for c in range(c0 + 1, c1 + 1)}
    head = table.child("THead") if header_rows else None
    body = table.child("TBody") if len(data) > header_rows else None
    for r, row in enumerate(data):
        group = head if r < header_rows else body
        assert group is not None
        tr = group.child("TR")
        for c, value in enumerate(row):
            if (r, c) in hidden:
                continue
            is_head = r < header_rows or (row_headers and c == 0)
            cell = tr.child("TH" if is_head else "TD")
            if is_head:
                cell.scope = "Column" if r < header_rows else "Row"
            cell.span = merged.get((r, c), 1)
            for flowable in value if isinstance(value, list | tuple) else [value]:
                if hasattr(flowable, "tag"):
                    own = flowable.tag
                    if own is not None and own.lang and not cell.lang:
                        cell.lang = own.lang  # a cell in another language says so
                    flowable.tag = cell
    return table


class TaggedParagraph(Paragraph):  # type: ignore[misc]
    """A platypus ``Paragraph`` (markup: bold, links) drawn as one structure element; its
    parts after a page split stay that element."""

    def __init__(
        self, text: Any, style: Any = None, *args: Any, tag: Node | None = None, **kwargs: Any
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.tag = tag if tag is not None else Node("P")

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        for index, part in enumerate(parts):
            part.tag = self.tag
            part.continued = index > 0
        return parts

    def draw(self) -> None:
        with marked(self.canv, self.tag, continued=getattr(self, "continued", False)):
            super().draw()
