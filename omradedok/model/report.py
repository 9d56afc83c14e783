"""The yearly status report (årsrapport): what a year's report says beyond the activities'
own reports (:class:`~omradedok.model.activities.ActivityReport`) and the indicators'
observations."""

from __future__ import annotations

from .base import Base, Date, Text, Year


class AnnualReport(Base):
    """One year's report: a summary and the priorities for the next year, as written."""

    year: Year
    date: Date | None = None
    """The report's own date; left out, the cover says «ikke fastsatt»."""
    summary: Text = ""
    """Sammendrag of the year, printed as written; left out, the report has none."""
    priorities: Text = ""
    """Prioriteringer for neste år, printed as written; left out, the report says that no
    priorities are given («ikke fastsatt»)."""

    @property
    def has_data(self) -> bool:
        return bool(self.summary.strip() or self.priorities.strip() or self.date)
