"""A long table laid out a page at a time, so that its cost grows linearly with its rows.

reportlab splits a table by building the rest of it as a new table: every page copies the
remaining rows and style commands and measures every remaining row again, which makes a
table of n rows cost n² (an aktivitetsplan with 20 000 activities). ``LongTable`` hands the
frame a table of only the header rows and the next rows that more than fill the space left
(a *window*); what reportlab splits off is that window, and the rows after it stay plain
data until the next page. The pages look exactly as with the whole table: the window's part
that fits is the part the whole table's split would have drawn, and the next page starts
again with the repeated header rows and the next row (or the rest of a row split across the
pages, carried over as reportlab made it).

Only tables longer than ``LONG`` body rows go this way; shorter ones stay one table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

LONG = 200
"""Body rows from which a table is laid out window by window."""

_FIRST_WINDOW = 64
"""Body rows of the first window tried; doubled until the window is taller than the space."""

Command = tuple[Any, ...]


class _Commands:
    """A table's style commands by the rows they apply to: commands over a range of rows
    (kept in full) and commands of one row (looked up by that row)."""

    def __init__(self, commands: Sequence[Command], rows: int) -> None:
        self.ranges: list[tuple[int, Command, int, int]] = []
        self.by_row: dict[int, list[tuple[int, Command]]] = {}
        for order, command in enumerate(commands):
            (_, first), (_, last) = command[1], command[2]
            first, last = first % rows if first < 0 else first, last % rows if last < 0 else last
            if first == last:
                self.by_row.setdefault(first, []).append((order, command))
            else:
                self.ranges.append((order, command, first, last))

    def window(
        self, rows: Sequence[int], extra: Sequence[tuple[float, Command]] = ()
    ) -> list[Command]:
        """The commands for a table made of the source rows ``rows`` (in that order, as
        contiguous runs), re-indexed to the window's rows; ``extra`` are one-row commands
        (source row, place among the commands) of this window only."""
        out: list[tuple[float, Command]] = []
        runs: list[tuple[int, int, int]] = []  # (first source row, last source row, window row)
        for index, row in enumerate(rows):
            if runs and runs[-1][1] == row - 1:
                runs[-1] = (runs[-1][0], row, runs[-1][2])
            else:
                runs.append((row, row, index))
        for order, command, first, last in self.ranges:
            for start, stop, at in runs:
                lo, hi = max(first, start), min(last, stop)
                if lo <= hi:
                    out.append((order, _moved(command, lo - start + at, hi - start + at)))
        for index, row in enumerate(rows):
            for order, command in self.by_row.get(row, ()):
                out.append((order, _moved(command, index, index)))
            for place, command in extra:
                if command[1][1] == row:
                    out.append((place, _moved(command, index, index)))
        out.sort(key=lambda item: item[0])
        return [command for _, command in out]


def _moved(command: Command, first: int, last: int) -> Command:
    (c0, _), (c1, _) = command[1], command[2]
    return (command[0], (c0, first), (c1, last), *command[3:])


class LongTable(Flowable):  # type: ignore[misc]
    """The rows of a long table, ``heads`` header rows first, laid out window by window
    (see the module). ``make(data, repeat_rows)`` builds one table of the given rows with
    the table's widths and alignment; ``commands`` are the whole table's style commands."""

    def __init__(
        self,
        data: list[list[Any]],
        heads: int,
        repeat: bool,
        commands: Sequence[Command],
        make: Callable[[list[list[Any]], int], Table],
        *,
        start: int | None = None,
        carried: list[Any] | None = None,
        continued: bool = False,
        opening: Sequence[tuple[float, Command]] = (),
        _index: _Commands | None = None,
    ) -> None:
        super().__init__()
        self.data = data
        self.heads = heads
        self.repeat = repeat
        self.commands = commands
        self.make = make
        self.start = heads if start is None else start
        """The next source row not yet laid out."""
        self.carried = carried
        """The rest of the row ``start - 1`` split at the end of the page before."""
        self.continued = continued
        self.opening = opening
        """One-row commands of this part only (``_opening``)."""
        self.index = _index if _index is not None else _Commands(commands, len(data))
        self.hAlign = "LEFT"
        self._window: tuple[tuple[float, float, int], Table] | None = None
        self._drawn: Table | None = None

    def _rows(self, count: int) -> list[int]:
        """The source rows of a window of ``count`` new body rows."""
        head = list(range(self.heads)) if self.repeat or not self.continued else []
        carried = [self.start - 1] if self.carried is not None else []
        return head + carried + list(range(self.start, min(self.start + count, len(self.data))))

    def _build(self, rows: list[int]) -> Table:
        data = [self.data[r] for r in rows]
        if self.carried is not None:
            data[rows.index(self.start - 1)] = self.carried
        heads = sum(1 for r in rows if r < self.heads)
        table = self.make(data, heads if self.repeat else 0)
        table.setStyle(TableStyle(self.index.window(rows, self.opening)))
        if self.continued:
            table._continued = True
        return table

    def _table(self, width: float, height: float) -> tuple[Table, int]:
        """The window for this space: a table taller than ``height`` (or all the rest)."""
        count = _FIRST_WINDOW
        while True:
            key = (width, height, count)
            if self._window is not None and self._window[0] == key:
                table = self._window[1]
            else:
                table = self._build(self._rows(count))
                self._window = (key, table)
            table._frame = getattr(self, "_frame", None)
            _, tall = table.wrap(width, height)
            if tall > height or self.start + count >= len(self.data):
                return table, count
            count *= 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        table, _ = self._table(availWidth, availHeight)
        self._drawn = table
        self.width, self.height = table._width, table._height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        table, count = self._table(availWidth, availHeight)
        if self.start + count >= len(self.data) and table._height <= availHeight:
            return [table]
        parts: list[Any] = table.split(availWidth, availHeight)
        if not parts:
            return []
        first = parts[0]
        repeated = self.heads if self.repeat or not self.continued else 0
        drawn = len(first._cellvalues) - repeated - (1 if self.carried is not None else 0)
        if len(parts) == 1:  # the whole window fits after all
            return parts if self.start + count >= len(self.data) else [first, self._next(drawn)]
        rest = parts[1]
        window = len(table._cellvalues) - repeated - (1 if self.carried is not None else 0)
        head = self.heads if self.repeat else 0
        left = len(rest._cellvalues) - head
        if left == window - drawn:  # split between rows
            return [first, self._next(drawn)]
        # split inside the last row drawn: its rest opens the next page
        return [first, self._next(drawn, carried=rest._cellvalues[head])]

    def _opening(self, row: int) -> list[tuple[float, Command]]:
        """What reportlab adds where a table is split before source row ``row``: a rule
        below rows on both sides of the split is drawn above the first row of the rest
        (not when the split is inside a row: its rest opens the next page without it)."""
        out: list[tuple[float, Command]] = []
        for order, command, first, last in self.index.ranges:
            if command[0] == "LINEBELOW" and first < row and last >= row - 1:
                (c0, _), (c1, _) = command[1], command[2]
                out.append((order - 0.5, ("LINEABOVE", (c0, row), (c1, row), *command[3:])))
        return out

    def _next(self, drawn: int, carried: list[Any] | None = None) -> LongTable:
        """The rows after the ``drawn`` new rows of this page, with the rest of the last of
        them when it was split (then that row, ``start - 1``, opens the next page)."""
        return LongTable(
            self.data,
            self.heads,
            self.repeat,
            self.commands,
            self.make,
            start=self.start + drawn,
            carried=carried,
            continued=True,
            opening=self._opening(self.start + drawn) if carried is None else (),
            _index=self.index,
        )

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        assert self._drawn is not None, "drawn before wrapped"
        self._drawn.drawOn(canvas, x, y, _sW)
