"""`omradedok templates check DIR` and building with a municipality's own templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx_support import NORDBYEN, blocks, model, open_docx

import omradedok
from omradedok.cli import main
from omradedok.model import Language
from omradedok.render.docx_styles import TemplateKit
from omradedok.resources import templates_dir


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_builtin_templates_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _run(capsys, "templates", "check", str(templates_dir()))
    assert code == 0, output
    # the handlingsplan has no template of its own any more: it is the plan's one view through
    # the house template dokument.docx, as its PDF (issue 13)
    assert not (templates_dir() / "handlingsplan.docx").exists()
    # nor have the kommunikasjonsplan and evalueringsplan: they are the handlingsplan's
    # chapters through dokument.docx
    for name in ("kommunikasjonsplan.docx", "evalueringsplan.docx", "parts"):
        assert not (templates_dir() / name).exists()
        assert name not in output
    for name in ("saksframlegg.docx", "dokument.docx"):
        assert f"{name}: i orden" in output


def test_unknown_and_missing_fields_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = TemplateKit(title="Egen mal", header_footer=False)
    kit.paragraph("{{ case.title }} {{ saksnummer }} {{ t.finnes_ikke }}")
    kit.save(tmp_path / "saksframlegg.docx")
    code, output = _run(capsys, "templates", "check", str(tmp_path))
    assert code == 1
    assert "saksframlegg.docx: bruker feltet «saksnummer», som dokumentet ikke har" in output
    assert "mangler det påkrevde feltet «status_banner»" in output
    assert "«t.finnes_ikke», som ikke finnes i labels.yaml" in output


def test_broken_and_hostile_templates_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = TemplateKit(title="Ødelagt")
    kit.tag("{%p if case %}")
    kit.paragraph("{{ case.title }}")
    kit.save(tmp_path / "saksframlegg.docx")
    code, output = _run(capsys, "templates", "check", str(tmp_path))
    assert code == 1 and "endif" in output
    (tmp_path / "saksframlegg.docx").write_bytes(b"ikke en docx")
    code, output = _run(capsys, "templates", "check", str(tmp_path))
    assert code == 1 and "ikke en gyldig Word-fil" in output


def test_municipality_letterhead_is_used_in_build(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    kit = TemplateKit(title="Brevmal", header_footer=False)
    kit.paragraph("{{ t.letterhead }}: {{ municipality }}")
    kit.paragraph("{{ status_banner }}")
    kit.paragraph("{{ case.title }}")
    kit.save(folder / "saksframlegg.docx")
    (folder / "labels.yaml").write_text(
        "letterhead: {nb: Brevhode, nn: Brevhovud}\n"
        "evaluation_plan: {nb: Evalueringsplan for Nordbyen, nn: Evalueringsplan for Nordbyen}\n",
        encoding="utf-8",
    )
    result = omradedok.build(
        model(NORDBYEN), tmp_path / "ut", only=["saksframlegg", "evalueringsplan"],
        template_dir=folder,
    )
    paths = {p.name: p for p in result.paths}
    texts = [b.text for b in blocks(open_docx(paths["saksframlegg.docx"].read_bytes()))]
    assert texts[0] == "Brevhode: Fjordvik kommune"
    assert texts[1].startswith("TIL POLITISK BEHANDLING")
    # the evalueringsplan goes through the house template; the folder's labels.yaml applies
    evaluation = [b.text for b in blocks(open_docx(paths["evalueringsplan.docx"].read_bytes()))]
    assert "Evalueringsplan for Nordbyen" in evaluation
    assert "Indikatorer" in evaluation


def test_an_old_communication_template_is_reported_as_unused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = TemplateKit(title="Gammel mal")
    kit.paragraph("{{ municipality }} {{p body }}")
    kit.save(tmp_path / "kommunikasjonsplan.docx")
    code, output = _run(capsys, "templates", "check", str(tmp_path))
    assert code == 0, output
    assert "kommunikasjonsplan.docx: ukjent mal, brukes ikke" in output
    result = omradedok.build(
        model(NORDBYEN), tmp_path / "ut", only=["kommunikasjonsplan"], template_dir=tmp_path
    )
    texts = [b.text for b in blocks(open_docx(result.paths[0].read_bytes()))]
    assert "Gammel mal" not in " ".join(texts) and "Kommunikasjon" in texts


def test_hostile_template_in_build_is_stopped(tmp_path: Path) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    kit = TemplateKit(title="Ond")
    kit.paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    kit.save(folder / "saksframlegg.docx")
    with pytest.raises(omradedok.TemplateError, match=r"saksframlegg\.docx"):
        omradedok.build(
            model(NORDBYEN), tmp_path / "ut", only=["saksframlegg"], template_dir=folder
        )
    assert not (tmp_path / "ut" / "saksframlegg.docx").exists()


def test_committed_templates_match_the_generator() -> None:
    import importlib.util

    script = templates_dir() / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run: python templates/build_templates.py"


def test_every_shipped_template_is_known_and_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "check", str(templates_dir())]) == 0
    out = capsys.readouterr().out
    assert "ukjent mal" not in out
    # the aktivitetsplan has no template of its own: its DOCX is its view in dokument.docx
    for name in ("dokument.docx", "samarbeidsavtale/samarbeidsavtale.docx"):
        assert f"{name}: i orden" in out
    assert "aktivitetsplan" not in out


def test_declared_keys_match_the_views(large_model: omradedok.Initiative) -> None:
    from omradedok.documents import samarbeidsavtale

    agreement = large_model.agreements[0]
    view = samarbeidsavtale.agreement_view(large_model, agreement, Language.NB)
    assert set(view) == samarbeidsavtale.VIEW_KEYS


def test_a_template_that_fails_on_real_data_is_not_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Static checks pass ({{ 1 // 0 }} uses no unknown field); the trial render does not."""
    kit = TemplateKit(title="Egen mal", header_footer=False)
    kit.paragraph("{{ status_banner }} {{ case.title }} {{ 1 // 0 }}")
    kit.save(tmp_path / "saksframlegg.docx")
    shutil.copy(templates_dir() / "dokument.docx", tmp_path / "dokument.docx")
    code, output = _run(capsys, "templates", "check", str(tmp_path))
    assert code == 1
    assert "saksframlegg.docx: i orden" not in output
    assert "saksframlegg.docx: prøvebygging av saksframlegg.docx med eksempelet" in output
    assert "deling på null" in output and "«{{ status_banner }} … {{ case.title }} … {{ 1 // 0 }}»" in output
    assert "dokument.docx: i orden" in output
    with pytest.raises(omradedok.TemplateError, match="deling på null"):
        omradedok.build(model(NORDBYEN), tmp_path / "ut", only="saksframlegg", template_dir=tmp_path)


def test_bundled_examples_are_the_user_facing_ones_and_ship_in_the_wheel() -> None:
    import tomllib

    from omradedok.render.template_trial import example_files
    from omradedok.resources import examples_dir

    root = Path(__file__).resolve().parent.parent
    # One copy: the wheel maps examples/ into omradedok.examples. CI installs the wheel (not
    # editable), so the shipped files are compared by content with the checkout's, not by path.
    checkout = {p.name: p.read_bytes() for p in (root / "examples").glob("*.yaml")}
    shipped = {p.name: p.read_bytes() for p in examples_dir().glob("*.yaml")}
    assert shipped == checkout
    assert {p.name for p in example_files()} == {p.name for p in (root / "examples").glob("*")}
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    setuptools = config["setuptools"]
    assert "omradedok.examples" in setuptools["packages"]
    assert setuptools["package-dir"]["omradedok.examples"] == "examples"
    assert setuptools["package-data"]["omradedok.examples"] == ["*.yaml"]


def test_an_old_handlingsplan_template_is_reported_as_unused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a municipality's folder from before issue 13 may hold its own handlingsplan.docx: the
    # check says it is not used (the plan goes through dokument.docx), it does not fail
    shutil.copy(templates_dir() / "saksframlegg.docx", tmp_path / "handlingsplan.docx")
    code, output = _run(capsys, "templates", "check", str(tmp_path))
    assert code == 0, output
    assert "handlingsplan.docx: ukjent mal, brukes ikke" in output
    assert "dokument.docx" in output.split("handlingsplan.docx: ukjent mal", 1)[1]
