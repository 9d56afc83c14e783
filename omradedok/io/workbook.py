"""The Excel input workbook, both directions: clerks fill it in instead of writing YAML.

* :func:`template_bytes` – a blank workbook with Norwegian headers, drop-downs and instructions.
* :func:`export_bytes` – the same workbook filled from a model.
* :func:`read_workbook` – the workbook back to plain model data plus ``locate``, which maps a
  model path such as ``('activities', 3, 'budget', 'state')`` to «Aktiviteter!K7»; the loader
  (:func:`omradedok.io.load_with_report`) uses it for every message.

Reading and validating a workbook is :func:`omradedok.io.load_with_report` (what ``omradedok
import`` does), which calls :func:`read_workbook`.

Round trip: ``model → export_bytes → read_workbook → Initiative.model_validate`` gives an
equal model. The layout (which sheet and column holds which field) is declared once in
:mod:`omradedok.io.workbook_layout`.
"""

from __future__ import annotations

import datetime as dt

from ..model import Initiative, Language
from .workbook_read import Locate, read_workbook
from .workbook_write import build_workbook, workbook_bytes


def template_bytes(language: Language | str = Language.NB, date: dt.date | None = None) -> bytes:
    """A blank input workbook (``date`` pins the file's metadata; default today)."""
    return workbook_bytes(None, Language(language), date)


def export_bytes(model: Initiative, language: Language | str | None = None) -> bytes:
    """``model`` as a filled input workbook, in the municipality's language by default."""
    return workbook_bytes(model, Language(language) if language else None)


__all__ = [
    "Locate",
    "build_workbook",
    "export_bytes",
    "read_workbook",
    "template_bytes",
]
