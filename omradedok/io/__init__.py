"""Reading and writing input files."""

from .dump import dumps, dumps_json, dumps_yaml, to_data
from .load import INPUT_SUFFIXES, Loaded, load, load_with_report, model_from_data

__all__ = [
    "INPUT_SUFFIXES",
    "Loaded",
    "dumps",
    "dumps_json",
    "dumps_yaml",
    "load",
    "load_with_report",
    "model_from_data",
    "to_data",
]
