"""validate checks the profile's logo and fonts as the build will use them: a file that is
not an image or not a TrueType font is a located error before any document is made."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import omradedok
from omradedok.cli import app

STARTER = (Path(omradedok.__file__).parent / "starter.yaml").read_text(encoding="utf-8")
FONT = Path(omradedok.__file__).parent / "fonts" / "DejaVuSans.ttf"


def _plan(tmp_path: Path, attr: str, filename: str) -> Path:
    old = "  # profile:\n  #   logo: kommunevapen.png"
    assert old in STARTER
    path = tmp_path / "plan.yaml"
    path.write_text(STARTER.replace(old, f"  profile:\n    {attr}: {filename}"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("attr", "filename", "content", "message"),
    [
        ("logo", "logo.png", b"not an image at all", "er ikke et bilde omradedok kan lese"),
        (
            "logo",
            "logo.png",
            b"\x89PNG\r\n\x1a\n" + b"\0" * 20,
            "er ikke et bilde omradedok kan lese",
        ),
        ("font", "skrift.ttf", b"not a font", "er ikke en TrueType-skrift"),
        ("font_bold", "fet.ttf", FONT.read_bytes()[:2000], "er ikke en TrueType-skrift"),
    ],
)
def test_unusable_logo_or_font_is_an_error(
    tmp_path: Path, attr: str, filename: str, content: bytes, message: str
) -> None:
    (tmp_path / filename).write_bytes(content)
    plan = _plan(tmp_path, attr, filename)
    result = CliRunner().invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    output = result.output + (result.stderr if hasattr(result, "stderr") else "")
    assert f"plan.yaml:18: municipality.profile.{attr}: «{filename}» {message}" in output
    out = tmp_path / "ut"
    built = CliRunner().invoke(app, ["build", str(plan), "-o", str(out)])
    assert built.exit_code != 0 and not out.exists()
    assert "Traceback" not in built.output


def test_real_logo_and_font_validate(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), "navy").save(tmp_path / "logo.png")
    shutil.copy(FONT, tmp_path / "skrift.ttf")
    plan = _plan(tmp_path, "logo", "logo.png")
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "    logo: logo.png", "    logo: logo.png\n    font: skrift.ttf"
        ),
        encoding="utf-8",
    )
    model = omradedok.load(plan)
    assert model.municipality.profile.logo == (tmp_path / "logo.png").resolve()
