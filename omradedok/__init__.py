"""omradedok: the phase-2 documents of a Norwegian områdesatsing from one typed model.

import omradedok
model = omradedok.load("examples/nordbyen-bokmal.yaml")
result = omradedok.build(model, "dokumenter")
"""

from __future__ import annotations

import logging

from ._version import __version__
from .batch import batch
from .build import BuildResult, BuildStep, build, plan
from .checks import validate
from .checks.criteria import check_criteria
from .errors import (
    InputError,
    LocatedTemplateError,
    OmradedokError,
    OutputError,
    Problem,
    Report,
    TemplateError,
)
from .io import dumps_json, dumps_yaml, load, load_with_report
from .io.loads import from_dict, input_error_from_validation, loads
from .model import *  # noqa: F403
from .model import __all__ as _model_all
from .one_document import render

# A library configures no logging: records go where the application sends them (NullHandler
# keeps Python's last-resort handler from printing them when it sends them nowhere).
logging.getLogger("omradedok").addHandler(logging.NullHandler())

__all__ = [
    "BuildResult",
    "BuildStep",
    "InputError",
    "LocatedTemplateError",
    "OmradedokError",
    "OutputError",
    "Problem",
    "Report",
    "TemplateError",
    "__version__",
    "batch",
    "build",
    "check_criteria",
    "dumps_json",
    "dumps_yaml",
    "from_dict",
    "input_error_from_validation",
    "load",
    "load_with_report",
    "loads",
    "plan",
    "render",
    "validate",
    *_model_all,
]
