"""The library logs what a build does on the «omradedok» logger, and configures no handler."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import SAMI_EXAMPLE

import omradedok

KINDS = "samarbeidsavtale,rollematrise"


def test_only_a_null_handler_is_installed() -> None:
    logger = logging.getLogger("omradedok")
    assert logger.handlers and all(isinstance(h, logging.NullHandler) for h in logger.handlers)
    assert logger.level == logging.NOTSET and logger.propagate


def test_build_logs_documents_times_swap_and_warnings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model = omradedok.load(SAMI_EXAMPLE)
    first_goal = model.goals.main_goals[0].sub_goals[0].id
    activities = [a.model_copy(update={"sub_goal_ids": [first_goal]}) for a in model.activities]
    model = model.model_copy(update={"activities": activities})
    report = omradedok.validate(model)
    assert report.ok and report.warnings
    with caplog.at_level(logging.DEBUG, logger="omradedok"):
        result = omradedok.build(model, tmp_path / "ut", only=KINDS)
    records = [r for r in caplog.records if r.name.startswith("omradedok")]
    messages = [r.getMessage() for r in records]
    total = len(result.artifacts)
    assert any(
        r.levelno == logging.INFO and r.getMessage().startswith(f"lager {total} dokumenter for")
        for r in records
    )
    done = [m for m in messages if m.startswith("laget ") and " av " in m]
    assert sorted(m.split(" ")[1] for m in done) == sorted(a.filename for a in result.artifacts)
    assert all(m.endswith(" s etter start)") for m in done)
    assert any(m.startswith(f"byttet ut dokumentsettet i {tmp_path / 'ut'}: {total} filer") for m in messages)
    warnings = [r for r in records if r.levelno == logging.WARNING]
    assert len(warnings) == len(report.warnings)
    assert "har ingen aktivitet" in warnings[0].getMessage()
