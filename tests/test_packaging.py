"""The wheel lists its packages by name (templates, schemas and examples are mapped folders), so a
new subpackage that is not listed would be missing from a clerk's installed copy."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_of_omradedok_is_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "omradedok").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages"


def test_package_data_folders_exist() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for package, folder in config["tool"]["setuptools"]["package-dir"].items():
        assert (ROOT / folder).is_dir(), f"{package} maps to a missing folder {folder}"
    fonts = list((ROOT / "omradedok" / "fonts").glob("*.ttf"))
    assert fonts, "the fallback fonts ship as package data (omradedok/fonts/*)"
