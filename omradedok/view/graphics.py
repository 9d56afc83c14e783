"""Chart specs: what a chart shows, as plain data, for ``render/charts`` to draw.

Why: a chart built straight from the model ties the renderer to one document kind. Here a
document kind (``documents/chart_data``) says *what* to show – bars per category, rows on a
timeline, a tree of boxes – and ``render/charts`` decides *how* (sizes, fonts, patterns,
colours from the brand), the same drawing for PDF (vector) and DOCX (PNG). No model imports:
a test or another tool can make a chart from numbers.

Fills are named by role, not colour (``FillName``): the renderer maps them to the
municipality's colours and to patterns, so a chart still reads in black and white.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = [
    "BarChart",
    "ChartSpec",
    "FillName",
    "LegendEntry",
    "Milestone",
    "Series",
    "Timeline",
    "TimelineItem",
    "Tree",
    "TreeNode",
]

FillName: TypeAlias = Literal["dark", "hatched", "light", "crossed", "planned"]
"""``dark``: the primary colour, plain; ``hatched``: a mid tone with diagonal white lines;
``light``: the secondary colour, light, plain; ``crossed``: white, cross-hatched in grey;
``planned``: a faint tone with diagonal lines (a planned period on a timeline)."""

Language: TypeAlias = Literal["nb", "nn"]
"""The written standard numbers and dates on the chart are formatted in."""


@dataclass(frozen=True)
class Series:
    """One stacked part of every bar (a funding source): its legend label, one value per
    category (kroner; 0 leaves the segment out) and its fill."""

    label: str
    values: tuple[float, ...]
    fill: FillName


@dataclass(frozen=True)
class BarChart:
    """Stacked bars, one per category: ``vertical`` (years across) or ``horizontal``
    (delprogram down, names wrapped beside the bars). Values are kroner, shown in millions
    (``unit``) on the axis, on each segment and as each bar's total."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    orientation: Literal["vertical", "horizontal"] = "vertical"
    language: Language = "nb"
    unit: str = "mill. kr"
    estimated: tuple[bool, ...] = ()
    """Per category: whether its figures are estimates (an «anslag» or a range drawn at its
    middle); the bar's total is then labelled as an estimate. Empty: none is."""

    def __post_init__(self) -> None:
        if self.estimated and len(self.estimated) != len(self.categories):
            raise ValueError("estimated må ha én verdi per kategori")
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"serien «{s.label}» har {len(s.values)} verdier, {len(self.categories)} kategorier"
                )

    def total(self, index: int) -> float:
        return sum(s.values[index] for s in self.series)


@dataclass(frozen=True)
class TimelineItem:
    """A row of a timeline: its label, the periods it is active, an optional planned period
    drawn behind them, or a ``heading`` row (a delprogram) that groups the rows below it."""

    label: str
    periods: tuple[tuple[dt.date, dt.date], ...] = ()
    planned: tuple[dt.date, dt.date] | None = None
    heading: bool = False


@dataclass(frozen=True)
class Milestone:
    """A diamond at ``date`` (where it is drawn); ``when`` is the date as the chart prints
    it – the input's own precision («hausten 2013», «2016») – else ``date`` in full."""

    date: dt.date
    label: str
    when: str = ""


@dataclass(frozen=True)
class LegendEntry:
    label: str
    fill: FillName


@dataclass(frozen=True)
class Timeline:
    """A Gantt chart over whole ``years``: with ``scale="quarters"`` a period fills the
    quarters it touches (the plan's overview), with ``"days"`` it is drawn to the day (one
    year's activities). Milestones are numbered diamonds, listed below the chart under
    ``milestone_title``."""

    years: tuple[int, ...]
    items: tuple[TimelineItem, ...]
    legend: tuple[LegendEntry, ...]
    milestones: tuple[Milestone, ...] = ()
    milestone_title: str = ""
    scale: Literal["quarters", "days"] = "quarters"
    language: Language = "nb"


@dataclass(frozen=True)
class TreeNode:
    """A box: ``number`` (bold, first: «HM1»), ``label``, a ``note`` in italics under it
    (the kind of body) and the boxes under it."""

    label: str
    number: str = ""
    note: str = ""
    children: tuple[TreeNode, ...] = ()


@dataclass(frozen=True)
class Tree:
    """A hierarchy: ``columns`` puts each level in a column left to right with its
    ``level_labels`` on top (goals: hovedmål → delmål → resultatmål); ``chart`` draws an
    organisation chart top-down."""

    roots: tuple[TreeNode, ...]
    layout: Literal["columns", "chart"] = "columns"
    level_labels: tuple[str, ...] = ()


ChartSpec: TypeAlias = BarChart | Timeline | Tree
