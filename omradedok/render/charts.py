"""Charts: ONE drawing per chart spec (``view.graphics``), as a reportlab Drawing.

The Drawing goes into the PDF as vector graphics (it is a platypus flowable) and is rasterised
to PNG for the DOCX documents, so both formats show exactly the same chart. Every chart reads
in black and white: funding sources differ in grey level *and* pattern, and values are written
on the chart, never told by colour alone. The drawing has no title; callers print the figure's
caption and use its alt text as the picture's alternative text.

This module draws specs and knows neither the model nor a document kind: what a chart shows
is decided in ``documents/chart_data`` (model → spec), how the brand looks in ``view.Brand``.
API::

    draw(spec, style) -> Drawing;  style_for(brand) -> ChartStyle;  chart_for(figure, style)
    chart.drawing() -> Drawing;  chart.png(dpi=200) -> bytes;  charts_png(charts, dpi) -> [bytes]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..locale import format_date, format_millions, format_number
from ..model.passages import plain
from ..view.blocks import Brand, Figure
from ..view.graphics import BarChart, ChartSpec, FillName, Timeline, Tree, TreeNode
from .pdf_fonts import FontSet, chain_of, fonts_for
from .pdf_script import display, prepare, starts_rtl
from .pdf_text import collapse, split_lines

WIDTH = 470.0
"""Default drawing width in points: the text width of an A4 page with 2.2 cm margins."""

_BLACK = colors.Color(0.1, 0.1, 0.1)
_GRID = colors.Color(0.82, 0.82, 0.82)
_AXIS = colors.Color(0.35, 0.35, 0.35)
_MUTED = colors.Color(0.3, 0.3, 0.3)


# -- the public API ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    """One chart: a key, a Norwegian title and alt text, and its single drawing definition."""

    key: str
    title: str
    alt_text: str
    build: Callable[[], Drawing] = field(repr=False, compare=False)

    def drawing(self) -> Drawing:
        """A fresh vector drawing (a platypus flowable; width ≤ ``WIDTH`` points)."""
        with _trusted_shapes():
            return self.build()

    def png(self, dpi: int = 200) -> bytes:
        """The same drawing as PNG (white background), rendered through PDFium."""
        return charts_png([self], dpi)[0]


def draw(spec: ChartSpec, style: ChartStyle) -> Drawing:
    """The drawing of one chart spec in the brand's style."""
    if isinstance(spec, BarChart):
        if spec.orientation == "horizontal":
            return _horizontal_bars(spec, style)
        return _vertical_bars(spec, style)
    if isinstance(spec, Timeline):
        return _timeline(spec, style)
    if spec.layout == "chart":
        return _org_chart(spec, style)
    return _column_tree(spec, style)


def chart_for(figure: Figure, style: ChartStyle) -> Chart:
    """A figure of a view as a Chart (caption as title), drawn on demand."""
    return Chart(figure.key, figure.caption, figure.alt_text, lambda: draw(figure.chart, style))


def style_for(brand: Brand) -> ChartStyle:
    """The chart style of a brand: its colours and (own or default) fonts."""
    return ChartStyle.of_colors(brand.primary, brand.secondary, fonts_for(brand))


@contextlib.contextmanager
def _trusted_shapes() -> Iterator[None]:
    """reportlab validates every attribute set on a shape (a debugging aid, and half the cost
    of building a chart). The charts are ours and tested, so the check is off while one is
    built; the setting is restored for whatever else the process draws."""
    before = rl_config.shapeChecking
    rl_config.shapeChecking = 0
    try:
        yield
    finally:
        rl_config.shapeChecking = before


_PDFIUM_LOCK = threading.Lock()


def charts_png(charts: Sequence[Chart], dpi: int = 200) -> list[bytes]:
    """Rasterise charts for Word: reportlab draws them as the pages of ONE PDF (fonts are
    embedded once, not per chart), PDFium renders each page, PIL writes PNG."""
    import importlib

    from PIL import Image

    pypdfium2 = importlib.import_module("pypdfium2")  # untyped; loaded only for PNGs

    if not charts:
        return []
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for chart in charts:
        drawing = chart.drawing()
        canvas.setPageSize((drawing.width, drawing.height))
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.showPage()
    canvas.save()
    images: list[Image.Image] = []
    with _PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(buffer.getvalue())
        try:
            for page in document:
                # RGB byte order straight from PDFium: PIL takes the buffer without swapping
                bitmap = page.render(
                    scale=dpi / 72, fill_color=(255, 255, 255, 255), rev_byteorder=True
                )
                image = bitmap.to_pil()
                images.append(image if image.mode == "RGB" else image.convert("RGB"))
        finally:
            document.close()
    out = []
    for image in images:
        data = io.BytesIO()
        # Level 1 is a third faster than the default and, for flat chart colours, no larger.
        image.save(data, format="PNG", dpi=(dpi, dpi), compress_level=1)
        out.append(data.getvalue())
    return out


# -- colours, patterns, text ------------------------------------------------------------------


def _luminance(c: Color) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else float(((v + 0.055) / 1.055) ** 2.4)

    return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)


def _mix(a: Color, b: Color, t: float) -> Color:
    return colors.Color(
        a.red + (b.red - a.red) * t,
        a.green + (b.green - a.green) * t,
        a.blue + (b.blue - a.blue) * t,
    )


def _toward(c: Color, target: float) -> Color:
    """Mix ``c`` with white or black until its luminance (its grey in print) is ``target``."""
    end = colors.white if _luminance(c) < target else colors.black
    lo, hi = 0.0, 1.0
    for _ in range(24):
        mid = (lo + hi) / 2
        above = _luminance(_mix(c, end, mid)) > target
        if above == (end is colors.white):
            hi = mid
        else:
            lo = mid
    return _mix(c, end, (lo + hi) / 2)


def _drawing(width: float, height: float, style: ChartStyle) -> Drawing:
    """A Drawing whose initial font is ours: renderPDF would otherwise select Helvetica."""
    return Drawing(width, height, initialFontName=style.fonts.regular, initialFontSize=8)


def _text_on(fill: Color) -> Color:
    return colors.white if _luminance(fill) < 0.3 else _BLACK


@dataclass(frozen=True)
class _Fill:
    color: Color
    hatch: tuple[tuple[float, float], ...] = ()
    """Directions of hatch lines (dx, dy); two directions make a cross-hatch."""
    hatch_color: Color = _BLACK
    spacing: float = 4.5

    @property
    def text(self) -> Color:
        return _text_on(self.color)


@dataclass(frozen=True)
class ChartStyle:
    """The colours and fonts charts are drawn in (``style_for(brand)``)."""

    fonts: FontSet
    dark: Color
    """The primary colour, darkened where needed so white text on it has contrast."""
    mid: Color
    light: Color
    faint: Color
    accent: Color

    @staticmethod
    def of_colors(primary_color: str, secondary_color: str, fonts: FontSet) -> ChartStyle:
        primary = colors.HexColor(primary_color)
        secondary = colors.HexColor(secondary_color)
        dark = primary if _luminance(primary) <= 0.12 else _toward(primary, 0.1)
        return ChartStyle(
            fonts=fonts,
            dark=dark,
            mid=_toward(primary, 0.36),
            light=_toward(secondary, 0.7),
            faint=_toward(primary, 0.9),
            accent=_toward(secondary, 0.3),
        )

    def fill(self, name: FillName) -> _Fill:
        """Dark plain, mid with diagonal lines, light plain, white crossed; planned: faint
        with diagonal lines."""
        if name == "dark":
            return _Fill(self.dark)
        if name == "hatched":
            return _Fill(self.mid, ((1, 1),), colors.white, 4.0)
        if name == "light":
            return _Fill(self.light)
        if name == "planned":
            return _Fill(self.faint, ((1, 1),), self.mid, 4.0)
        return _Fill(colors.white, ((1, 1), (1, -1)), colors.Color(0.45, 0.45, 0.45), 5.0)


def _clip_line(
    x0: float, y0: float, dx: float, dy: float, box: tuple[float, float, float, float]
) -> tuple[float, float, float, float] | None:
    """Liang–Barsky: the part of the infinite line (x0,y0)+t(dx,dy) inside the box."""
    bx, by, bw, bh = box
    t_lo, t_hi = -1e9, 1e9
    for p, q in ((-dx, x0 - bx), (dx, bx + bw - x0), (-dy, y0 - by), (dy, by + bh - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t_lo = max(t_lo, t)
        else:
            t_hi = min(t_hi, t)
    if t_lo >= t_hi:
        return None
    return (x0 + t_lo * dx, y0 + t_lo * dy, x0 + t_hi * dx, y0 + t_hi * dy)


def _filled_rect(
    x: float, y: float, w: float, h: float, fill: _Fill, stroke: Color | None = _AXIS
) -> Group | Rect:
    if not fill.hatch:  # a plain bar is one node (most bars: fewer groups to build and draw)
        return Rect(x, y, w, h, fillColor=fill.color, strokeColor=stroke, strokeWidth=0.5)
    group = Group()
    group.add(Rect(x, y, w, h, fillColor=fill.color, strokeColor=None))
    # all hatch strokes in one path: one node to build and draw, not one per stroke
    hatch = Path(strokeColor=fill.hatch_color, strokeWidth=0.6, fillColor=None)
    for dx, dy in fill.hatch:
        # lines perpendicular offsets: walk along the normal of the direction
        length = (dx * dx + dy * dy) ** 0.5
        nx, ny = -dy / length, dx / length
        reach = w + h
        steps = int(2 * reach / fill.spacing) + 2
        cx, cy = x + w / 2, y + h / 2
        for i in range(-steps // 2, steps // 2 + 1):
            ox, oy = cx + nx * i * fill.spacing, cy + ny * i * fill.spacing
            seg = _clip_line(ox, oy, dx, dy, (x, y, w, h))
            if seg is not None:
                hatch.moveTo(seg[0], seg[1])
                hatch.lineTo(seg[2], seg[3])
    if hatch.points:
        group.add(hatch)
    if stroke is not None:
        group.add(Rect(x, y, w, h, fillColor=None, strokeColor=stroke, strokeWidth=0.5))
    return group


def _wrap(
    text: str,
    font: str,
    size: float,
    width: float,
    *,
    first_indent: float = 0.0,
    max_lines: int | None = None,
) -> list[str]:
    """The PDF's line-breaking rule (``pdf_text.split_lines``: hyphenation, no-break spaces
    kept, long words broken in one pass); overflow beyond ``max_lines`` ends in «…»."""
    lines = split_lines(prepare(collapse(plain(text))), font, size, width, indent=first_indent) or [
        ""
    ]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and chain_of(font).width(last + "…", size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def _fit(text: str, font: str, size: float, width: float) -> str:
    return _wrap(text, font, size, width, max_lines=1)[0]


def _text(
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    color: Color = _BLACK,
    anchor: str = "start",
) -> String | Group:
    """A label: one ``String`` when its font has every character, else one per fallback-font
    run (Arabic joined, right-to-left runs in display order), placed side by side."""
    chain = chain_of(font)
    line = prepare(plain(text))
    if chain.covers(line):
        return String(x, y, line, fontName=font, fontSize=size, fillColor=color, textAnchor=anchor)
    runs = chain.runs(display(line, starts_rtl(line)))
    widths = [chain.width(run, size) for _, run in runs]
    total = sum(widths)
    left = x - total / 2 if anchor == "middle" else (x - total if anchor == "end" else x)
    group = Group()
    for (name, run), w in zip(runs, widths, strict=True):
        group.add(String(left, y, run, fontName=name, fontSize=size, fillColor=color))
        left += w
    return group


def _label_box(x: float, y: float, text: str, font: str, size: float, anchor: str) -> Group:
    """A value label on a white pad, readable on any fill or pattern."""
    w = stringWidth(text, font, size) + 4
    left = x - w / 2 if anchor == "middle" else (x - w if anchor == "end" else x)
    group = Group()
    group.add(Rect(left, y - 2, w, size + 2.5, fillColor=colors.white, strokeColor=None))
    group.add(_text(x, y, text, font, size, _BLACK, anchor))
    return group


def _segment_label(x: float, y: float, text: str, fill: _Fill, font: str) -> Group | String:
    """A value centred on a bar segment: on a white pad over a pattern, else plain text in
    the colour that reads on the segment's fill."""
    if fill.hatch:
        return _label_box(x, y, text, font, 7.5, "middle")
    return _text(x, y, text, font, 7.5, fill.text, "middle")


def _nice_step(maximum: float, ticks: int = 5) -> float:
    raw = maximum / ticks if maximum > 0 else 1.0
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1.0
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _millions(value: float, language: str) -> str:
    return format_number(value / 1_000_000, language, decimals=1)


def _legend(
    items: Sequence[tuple[str, _Fill]], style: ChartStyle, y_top: float, width: float
) -> tuple[Group, float]:
    """A legend that wraps to new rows; returns the group and its height."""
    group = Group()
    font, size = style.fonts.regular, 8.0
    x, y = 0.0, y_top - 11
    for label, fill in items:
        w = 16 + stringWidth(label, font, size) + 14
        if x > 0 and x + w > width:
            x, y = 0.0, y - 15
        group.add(_filled_rect(x, y - 1, 11, 10, fill))
        group.add(_text(x + 15, y + 1, label, font, size))
        x += w
    return group, y_top - y + 4


def _series_items(spec: BarChart, style: ChartStyle) -> list[tuple[str, _Fill]]:
    return [(s.label, style.fill(s.fill)) for s in spec.series]


# -- stacked bars -----------------------------------------------------------------------------


def _vertical_bars(spec: BarChart, style: ChartStyle) -> Drawing:
    """Budget per year: one stacked column per category, its total on top."""
    lang = spec.language
    fonts = style.fonts
    legend, legend_h = _legend(_series_items(spec, style), style, 0, WIDTH)
    plot_h = 190.0
    bottom = legend_h + 22
    height = bottom + plot_h + 24
    left = 34.0
    plot_w = WIDTH - left - 6
    d = _drawing(WIDTH, height, style)
    legend.translate(left, legend_h)
    d.add(legend)
    totals = [spec.total(i) for i in range(len(spec.categories))]
    peak = max(totals)
    step = _nice_step(peak / 1_000_000) * 1_000_000
    top = step * (int(peak / step) + (1 if peak % step else 0))
    top = max(top, step)
    scale = plot_h / top
    tick = 0.0
    while tick <= top + 1:
        y = bottom + tick * scale
        d.add(
            Line(left, y, left + plot_w, y, strokeColor=_GRID if tick else _AXIS, strokeWidth=0.5)
        )
        d.add(
            _text(
                left - 4,
                y - 3,
                format_number(tick / 1_000_000, lang),
                fonts.regular,
                8,
                _MUTED,
                "end",
            )
        )
        tick += step
    d.add(_text(0, bottom + plot_h + 12, spec.unit, fonts.regular, 8, _MUTED))
    slot = plot_w / len(spec.categories)
    bar_w = min(72.0, slot * 0.55)
    for i, category in enumerate(spec.categories):
        x = left + slot * i + (slot - bar_w) / 2
        y = bottom
        for series in spec.series:
            amount = series.values[i]
            if not amount:
                continue
            h = amount * scale
            fill = style.fill(series.fill)
            d.add(_filled_rect(x, y, bar_w, h, fill))
            if h >= 13:
                label = _millions(amount, lang)
                d.add(_segment_label(x + bar_w / 2, y + h / 2 - 3, label, fill, fonts.regular))
            y += h
        total = format_millions(totals[i], lang)
        d.add(_text(x + bar_w / 2, y + 4, total, fonts.bold, 8.5, _BLACK, "middle"))
        if spec.estimated and spec.estimated[i]:  # «anslag» above the total (nb and nn)
            d.add(_text(x + bar_w / 2, y + 14, "anslag", fonts.regular, 8, _BLACK, "middle"))
        d.add(_text(x + bar_w / 2, bottom - 13, category, fonts.bold, 9, _BLACK, "middle"))
    return d


def _horizontal_bars(spec: BarChart, style: ChartStyle) -> Drawing:
    """Budget per delprogram: one stacked bar per category, its name wrapped beside it."""
    lang = spec.language
    fonts = style.fonts
    label_w = 150.0
    left = label_w + 8
    right_room = 62.0
    plot_w = WIDTH - left - right_room
    row_h = 30.0
    bar_h = 17.0
    legend, legend_h = _legend(_series_items(spec, style), style, 0, WIDTH)
    axis_h = 32.0
    bottom = legend_h + axis_h
    height = bottom + row_h * len(spec.categories) + 6
    d = _drawing(WIDTH, height, style)
    legend.translate(0, legend_h)
    d.add(legend)
    totals = [spec.total(i) for i in range(len(spec.categories))]
    peak = max(totals)
    step = _nice_step(peak / 1_000_000, 4) * 1_000_000
    top = max(step, step * (int(peak / step) + (1 if peak % step else 0)))
    scale = plot_w / top
    tick = 0.0
    while tick <= top + 1:
        x = left + tick * scale
        d.add(Line(x, bottom, x, height - 4, strokeColor=_GRID if tick else _AXIS, strokeWidth=0.5))
        d.add(
            _text(
                x,
                bottom - 11,
                format_number(tick / 1_000_000, lang),
                fonts.regular,
                8,
                _MUTED,
                "middle",
            )
        )
        tick += step
    d.add(_text(left + plot_w, bottom - 23, spec.unit, fonts.regular, 8, _MUTED, "end"))
    for i, name in enumerate(spec.categories):
        y_row = height - 6 - row_h * (i + 1)
        y = y_row + (row_h - bar_h) / 2
        lines = _wrap(name, fonts.regular, 8.5, label_w, max_lines=2)
        base = y + bar_h / 2 + (len(lines) - 1) * 5 - 3
        for j, line in enumerate(lines):
            d.add(_text(label_w, base - j * 10, line, fonts.regular, 8.5, _BLACK, "end"))
        x = left
        for series in spec.series:
            amount = series.values[i]
            if not amount:
                continue
            w = amount * scale
            fill = style.fill(series.fill)
            d.add(_filled_rect(x, y, w, bar_h, fill))
            label = _millions(amount, lang)
            if w >= stringWidth(label, fonts.regular, 7.5) + 6:
                d.add(_segment_label(x + w / 2, y + bar_h / 2 - 2.6, label, fill, fonts.regular))
            x += w
        total = format_millions(totals[i], lang)
        d.add(_text(x + 4, y + bar_h / 2 - 3, total, fonts.bold, 8.5))
    return d


# -- goal hierarchy ---------------------------------------------------------------------------


@dataclass
class _Box:
    ident: str
    title: str
    lines: list[str] = field(default_factory=list)
    height: float = 0.0


def _column_tree(spec: Tree, style: ChartStyle) -> Drawing:
    """Goals: each level in a column (hovedmål → delmål → resultatmål), boxes joined by lines."""
    mains = spec.roots
    n_res = sum(len(s.children) for m in mains for s in m.children)
    heads = spec.level_labels

    fonts = style.fonts
    size, lead, pad, gap_v, gap_main = 7.5, 9.2, 4.0, 5.0, 11.0
    has_results = n_res > 0
    gap_h = 16.0
    cols = (
        (138.0, 168.0, WIDTH - 138 - 168 - 2 * gap_h)
        if has_results
        else (170.0, WIDTH - 170 - gap_h, 0.0)
    )
    xs = (0.0, cols[0] + gap_h, cols[0] + cols[1] + 2 * gap_h)

    def box(ident: str, text: str, width: float) -> _Box:
        indent = stringWidth(ident + " ", fonts.bold, size)
        lines = _wrap(text, fonts.regular, size, width - 2 * pad, first_indent=indent)
        return _Box(ident, text, lines, len(lines) * lead + 2 * pad - 1)

    # measure
    layout = []
    for m in mains:
        mb = box(m.number, m.label, cols[0])
        units = []
        for s in m.children:
            sb = box(s.number, s.label, cols[1])
            rbs = [box(r.number, r.label, cols[2]) for r in s.children] if has_results else []
            res_h = sum(r.height for r in rbs) + gap_v * max(0, len(rbs) - 1)
            units.append((sb, rbs, max(sb.height, res_h)))
        units_h = sum(u[2] for u in units) + gap_v * max(0, len(units) - 1)
        layout.append((mb, units, max(mb.height, units_h)))
    header_h = 16.0
    height = sum(g[2] for g in layout) + gap_main * (len(layout) - 1) + header_h + 2
    d = _drawing(WIDTH, height, style)
    for i in range(min(3 if has_results else 2, len(heads))):
        d.add(_text(xs[i], height - 10, heads[i], fonts.bold, 8.5, style.dark))

    def draw_box(
        b: _Box, x: float, top: float, w: float, h: float, fill: Color, border: Color
    ) -> None:
        d.add(
            Rect(
                x,
                top - h,
                w,
                h,
                fillColor=fill,
                strokeColor=border,
                strokeWidth=0.8,
                rx=2,
                ry=2,
            )
        )
        ink = _text_on(fill)
        y = top - pad - size + 0.5
        d.add(_text(x + pad, y, b.ident, fonts.bold, size, ink))
        indent = stringWidth(b.ident + " ", fonts.bold, size)
        for j, line in enumerate(b.lines):
            d.add(
                _text(
                    x + pad + (indent if j == 0 else 0),
                    y - j * lead,
                    line,
                    fonts.regular,
                    size,
                    ink,
                )
            )

    def connect(x_from: float, y_from: float, x_to: float, ys: list[float]) -> None:
        spine = (x_from + x_to) / 2
        d.add(Line(x_from, y_from, spine, y_from, strokeColor=_AXIS, strokeWidth=0.8))
        low, high = min([*ys, y_from]), max([*ys, y_from])
        d.add(Line(spine, low, spine, high, strokeColor=_AXIS, strokeWidth=0.8))
        for y in ys:
            d.add(Line(spine, y, x_to, y, strokeColor=_AXIS, strokeWidth=0.8))

    top = height - header_h
    for mb, units, group_h in layout:
        draw_box(mb, xs[0], top, cols[0], group_h, style.dark, style.dark)
        sub_mid = []
        y = top
        for sb, rbs, unit_h in units:
            draw_box(sb, xs[1], y, cols[1], unit_h, style.faint, style.dark)
            sub_mid.append(y - unit_h / 2)
            ry, res_mid = y, []
            extra = (unit_h - (sum(r.height for r in rbs) + gap_v * max(0, len(rbs) - 1))) / max(
                1, len(rbs)
            )
            for rb in rbs:
                h = rb.height + extra
                draw_box(rb, xs[2], ry, cols[2], h, colors.white, _AXIS)
                res_mid.append(ry - h / 2)
                ry -= h + gap_v
            if res_mid:
                connect(xs[1] + cols[1], y - unit_h / 2, xs[2], res_mid)
            y -= unit_h + gap_v
        if sub_mid:
            connect(xs[0] + cols[0], top - group_h / 2, xs[1], sub_mid)
        top -= group_h + gap_main
    return d


# -- organisation chart -----------------------------------------------------------------------


def _org_chart(spec: Tree, style: ChartStyle) -> Drawing:
    """Organisation: boxes top-down, each body above the bodies that report to it."""
    # nodes keyed by their place in a depth-first walk: two bodies may carry the same name
    nodes: dict[str, TreeNode] = {}
    children: dict[str | None, list[str]] = {}

    def walk(node: TreeNode, parent: str | None) -> None:
        key = str(len(nodes))
        nodes[key] = node
        children.setdefault(parent, []).append(key)
        for child in node.children:
            walk(child, key)

    for root in spec.roots:
        walk(root, None)
    order = list(nodes)

    def leaves(node: str) -> int:
        kids = children.get(node, [])
        return sum(leaves(k) for k in kids) if kids else 1

    def depth(node: str) -> int:
        kids = children.get(node, [])
        return 1 + (max(depth(k) for k in kids) if kids else 0)

    fonts = style.fonts
    root_ids = children.get(None, [])
    total_leaves = sum(leaves(r) for r in root_ids)
    levels = max(depth(r) for r in root_ids)
    width = max(WIDTH, total_leaves * 84.0)
    slot = width / total_leaves
    pad = 3.5

    def box_w(node: str) -> float:
        return min(160.0, leaves(node) * slot - 6)

    words = [(w, box_w(k)) for k in order for w in nodes[k].label.split()]
    size = 7.5
    while size > 6.0 and any(stringWidth(w, fonts.bold, size) > bw - 2 * pad for w, bw in words):
        size -= 0.25
    lead = size * 1.22

    def content(body_id: str) -> tuple[list[str], str]:
        b = nodes[body_id]
        return _wrap(b.label, fonts.bold, size, box_w(body_id) - 2 * pad, max_lines=4), b.note

    level_of: dict[str, int] = {}

    def assign(node: str, level: int) -> None:
        level_of[node] = level
        for k in children.get(node, []):
            assign(k, level + 1)

    for r in root_ids:
        assign(r, 0)
    box_h = [0.0] * levels
    for node, level in level_of.items():
        text, note = content(node)
        h = len(text) * lead + (lead if note else 0) + 2 * pad + 1
        box_h[level] = max(box_h[level], h)
    gap = 24.0
    height = sum(box_h) + gap * (levels - 1) + 2
    d = _drawing(width, height, style)
    tops = []
    y = height - 1
    for h in box_h:
        tops.append(y)
        y -= h + gap
    centers: dict[str, float] = {}

    def place(node: str, x0: float) -> None:
        span = leaves(node) * slot
        centers[node] = x0 + span / 2
        x = x0
        for k in children.get(node, []):
            place(k, x)
            x += leaves(k) * slot

    x = 0.0
    for r in root_ids:
        place(r, x)
        x += leaves(r) * slot
    for node, level in level_of.items():
        cx, top, h, bw = centers[node], tops[level], box_h[level], box_w(node)
        fill = style.dark if level == 0 else (style.faint if children.get(node) else colors.white)
        d.add(
            Rect(
                cx - bw / 2,
                top - h,
                bw,
                h,
                fillColor=fill,
                strokeColor=style.dark,
                strokeWidth=0.9,
                rx=3,
                ry=3,
            )
        )
        text, note = content(node)
        ink = _text_on(fill)
        block = len(text) * lead + (lead if note else 0)
        ty = top - (h - block) / 2 - size + 0.5
        for j, line in enumerate(text):
            d.add(_text(cx, ty - j * lead, line, fonts.bold, size, ink, "middle"))
        if note:
            d.add(_text(cx, ty - len(text) * lead, note, fonts.italic, size - 0.5, ink, "middle"))
        kids = children.get(node, [])
        if kids:
            bottom = top - h
            mid = bottom - gap / 2
            d.add(Line(cx, bottom, cx, mid, strokeColor=_AXIS, strokeWidth=0.9))
            xs = [centers[k] for k in kids]
            d.add(
                Line(min([*xs, cx]), mid, max([*xs, cx]), mid, strokeColor=_AXIS, strokeWidth=0.9)
            )
            for kx in xs:
                d.add(Line(kx, mid, kx, tops[level + 1], strokeColor=_AXIS, strokeWidth=0.9))
    if width > WIDTH:
        factor = WIDTH / width
        scaled = _drawing(WIDTH, height * factor, style)
        group = Group(*d.contents)
        group.scale(factor, factor)
        scaled.add(group)
        return scaled
    return d


# -- timelines (Gantt by quarter) -------------------------------------------------------------


@dataclass
class _Row:
    label: str
    spans: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    planned: tuple[dt.date, dt.date] | None = None
    heading: bool = False


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3


def _gantt(
    rows: list[_Row],
    years: list[int],
    milestones: list[tuple[dt.date, str, str]],
    style: ChartStyle,
    lang: str,
    *,
    milestone_title: str,
    by_quarter_cells: bool,
    legend_items: Sequence[tuple[str, _Fill]],
) -> Drawing:
    fonts = style.fonts
    label_w = 172.0 if len(years) > 2 else 205.0
    plot_w = WIDTH - label_w - 4
    start = dt.date(years[0], 1, 1)
    end = dt.date(years[-1] + 1, 1, 1)
    total_days = (end - start).days
    row_h = 13.0
    header_h = 26.0
    milestone_lines: list[str] = []
    for i, (day, text, when) in enumerate(milestones, 1):
        milestone_lines.append(f"{i}  {when or format_date(day, lang, style='short')}  {text}")
    legend, legend_h = _legend(legend_items, style, 0, WIDTH)
    lanes: list[int] = []
    lane_end: list[float] = []
    for day, _, _ in milestones:
        x = label_w + plot_w * (min(max(day, start), end) - start).days / total_days
        lane = next((i for i, e in enumerate(lane_end) if x - e >= 13), len(lane_end))
        if lane == len(lane_end):
            lane_end.append(x)
        lane_end[lane] = x
        lanes.append(lane)
    ms_row = (len(lane_end) * 12.0 + 4) if milestones else 0.0
    list_h = len(milestone_lines) * 10 + (6 if milestone_lines else 0)
    bottom = legend_h + list_h + 6
    height = bottom + ms_row + row_h * len(rows) + header_h
    d = _drawing(WIDTH, height, style)
    legend.translate(0, legend_h)
    d.add(legend)

    def x_of(day: dt.date) -> float:
        return label_w + plot_w * (day - start).days / total_days

    plot_top = height - header_h
    plot_bottom = bottom
    # year bands and quarter grid
    for i, year in enumerate(years):
        x0, x1 = x_of(dt.date(year, 1, 1)), x_of(dt.date(year + 1, 1, 1))
        if i % 2 == 0:
            d.add(
                Rect(
                    x0,
                    plot_bottom,
                    x1 - x0,
                    plot_top - plot_bottom,
                    fillColor=colors.Color(0.95, 0.95, 0.95),
                    strokeColor=None,
                )
            )
        d.add(_text((x0 + x1) / 2, height - 10, str(year), fonts.bold, 8.5, _BLACK, "middle"))
        for q in range(4):
            qx0 = x_of(dt.date(year, 3 * q + 1, 1))
            qx1 = x_of(dt.date(year + (q == 3), (3 * q + 3) % 12 + 1, 1))
            label = f"K{q + 1}" if (qx1 - qx0) >= 14 else str(q + 1)
            d.add(_text((qx0 + qx1) / 2, height - 21, label, fonts.regular, 6.5, _MUTED, "middle"))
            if q:
                d.add(Line(qx0, plot_bottom, qx0, plot_top, strokeColor=_GRID, strokeWidth=0.4))
        d.add(Line(x0, plot_bottom, x0, height - 2, strokeColor=_AXIS, strokeWidth=0.6))
    d.add(Line(x_of(end), plot_bottom, x_of(end), height - 2, strokeColor=_AXIS, strokeWidth=0.6))
    d.add(Line(0, plot_top, WIDTH, plot_top, strokeColor=_AXIS, strokeWidth=0.6))
    active = style.fill("dark")
    planned = style.fill("planned")
    y = plot_top
    for row in rows:
        y -= row_h
        if row.heading:
            # a shaded band over the grid: a long delprogram name runs into the plot area,
            # and no grid line may cross its text
            d.add(Rect(0, y, WIDTH, row_h, fillColor=style.faint, strokeColor=None))
            d.add(Line(0, y + row_h, WIDTH, y + row_h, strokeColor=_GRID, strokeWidth=0.5))
            d.add(
                _text(
                    2,
                    y + 3.5,
                    _fit(row.label, fonts.bold, 7.5, WIDTH - 4),
                    fonts.bold,
                    7.5,
                    style.dark,
                )
            )
            continue
        d.add(
            _text(8, y + 3.5, _fit(row.label, fonts.regular, 7.5, label_w - 12), fonts.regular, 7.5)
        )
        if row.planned is not None:
            a, b = row.planned
            d.add(_filled_rect(x_of(a), y + 3.5, x_of(b) - x_of(a), row_h - 7, planned, None))
        for a, b in row.spans:
            a = max(a, start)
            b = min(b, end - dt.timedelta(days=1))
            if b < a:
                continue
            if by_quarter_cells:
                x0 = x_of(dt.date(a.year, 3 * _quarter_of(a) + 1, 1))
                qe = _quarter_of(b)
                x1 = x_of(dt.date(b.year + (qe == 3), (3 * qe + 3) % 12 + 1, 1))
            else:
                x0, x1 = x_of(a), x_of(b + dt.timedelta(days=1))
            d.add(_filled_rect(x0 + 0.4, y + 2.5, max(1.5, x1 - x0 - 0.8), row_h - 5, active, None))
    if milestones:
        y -= ms_row
        d.add(Line(0, y + ms_row, WIDTH, y + ms_row, strokeColor=_AXIS, strokeWidth=0.5))
        d.add(
            _text(
                2,
                y + ms_row - 10,
                milestone_title,
                fonts.bold,
                7.5,
                style.dark,
            )
        )
        for i, ((day, _, _), lane) in enumerate(zip(milestones, lanes, strict=True), 1):
            x = x_of(min(max(day, start), end))
            cy = y + ms_row - 8 - 12 * lane
            d.add(
                Polygon(
                    [x, cy + 6, x + 6, cy, x, cy - 6, x - 6, cy],
                    fillColor=style.accent,
                    strokeColor=_BLACK,
                    strokeWidth=0.5,
                )
            )
            d.add(_text(x, cy - 2.6, str(i), fonts.bold, 6.5, _text_on(style.accent), "middle"))
        ly = bottom - 4
        for line in milestone_lines:
            ly -= 10
            d.add(_text(0, ly + 2, _fit(line, fonts.regular, 7.5, WIDTH), fonts.regular, 7.5))
    return d


def _timeline(spec: Timeline, style: ChartStyle) -> Drawing:
    rows = [_Row(i.label, list(i.periods), i.planned, i.heading) for i in spec.items]
    return _gantt(
        rows,
        list(spec.years),
        [(m.date, m.label, m.when) for m in spec.milestones],
        style,
        spec.language,
        milestone_title=spec.milestone_title,
        by_quarter_cells=spec.scale == "quarters",
        legend_items=[(e.label, style.fill(e.fill)) for e in spec.legend],
    )
