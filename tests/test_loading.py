"""Every class of bad input ends in the exact message a user sees – never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES

import omradedok
from omradedok.errors import InputError

STARTER = (Path(omradedok.__file__).parent / "starter.yaml").read_text(encoding="utf-8")


def _line(needle: str, text: str | None = None) -> int:
    """The line of ``needle`` in the starter file (or ``text``), as messages count lines."""
    source = STARTER if text is None else text
    return source[: source.index(needle)].count("\n") + 1


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _messages(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        omradedok.load(path)
    return [str(p).replace(str(path.parent) + "/", "") for p in info.value.errors]


CASES: list[tuple[str, str | bytes, list[str]]] = [
    (
        "unclosed.yaml",
        'title: "x\nfoo: [1, 2\n',
        [
            "unclosed.yaml:3: ugyldig YAML: filen slutter midt i en tekst (mangler et avsluttende "
            "anførselstegn?) (teksten i anførselstegn som begynner på linje 1); sjekk innrykk, "
            "kolon og anførselstegn"
        ],
    ),
    (
        "indent.yaml",
        "title: x\n  bad: indent\n",
        [
            "indent.yaml:2: ugyldig YAML: et kolon står der det ikke kan stå (mangler det "
            "anførselstegn rundt en tekst med «: »?); sjekk innrykk, kolon og anførselstegn"
        ],
    ),
    ("empty.yaml", "", ["empty.yaml: filen er tom; start med «omradedok new -o plan.yaml»"]),
    ("blank.yaml", "\n  \n", ["blank.yaml: filen er tom; start med «omradedok new -o plan.yaml»"]),
    (
        "comments.yaml",
        "# bare en kommentar\n",
        ["comments.yaml: filen inneholder ingen data; start med «omradedok new -o plan.yaml»"],
    ),
    (
        "garbage.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        [
            "garbage.yaml: filen ser ut til å være binær, ikke tekst; velg YAML-, JSON- eller Excel-filen"
        ],
    ),
    (
        "latin1.yaml",
        "title: Områdeløft\n".encode("latin-1"),
        ["latin1.yaml:1: filen er ikke UTF-8 (byte 0xE5); lagre den på nytt som UTF-8"],
    ),
    (
        "broken.json",
        '{"title": "x",\n "a": }\n',
        ["broken.json:2: ugyldig JSON: mangler en verdi (kolonne 7)"],
    ),
    (
        "list.yaml",
        "- a\n- b\n",
        [
            "list.yaml:1: toppnivået må være en gruppe med felt (title:, municipality:, …), "
            "ikke en liste eller tekst"
        ],
    ),
    (
        "plan.txt",
        "title: x\n",
        ["plan.txt: ukjent filtype «.txt»; bruk .yaml, .yml, .json eller .xlsx"],
    ),
    (
        "unknown-key.yaml",
        STARTER.replace("  county: Eksempel fylke\n", "  county: Eksempel fylke\n  countyy: x\n"),
        [
            "unknown-key.yaml:15: municipality.countyy: ukjent felt «countyy». Mente du «county»? "
            "Gyldige felt her: address, chief_executive, contact, county, language, mayor, name, "
            "number, officer_title, org_number, profile."
        ],
    ),
    (
        "types.yaml",
        STARTER.replace("population: 4200", "population: mange").replace(
            "end_year: 2031", "end_year: 2025"
        ),
        [
            "types.yaml:26: area.population: «mange» kan ikke leses som antall; skriv et tall "
            "(«6000»), eventuelt med «ca.», «opp mot», «over» eller «under» foran",
            "types.yaml:28: period: sluttår 2025 er før startår 2026; bytt om årene",
        ],
    ),
    (
        "date.yaml",
        STARTER.replace("date: 2026-11-26", "date: 26/11/2026"),
        [
            "date.yaml:37: document.date: «26/11/2026» er ikke en gyldig dato; skriv datoen som "
            "26.11.2026"
        ],
    ),
    (
        "enum.yaml",
        STARTER.replace("status: draft ", "status: ferdig "),
        [
            "enum.yaml:35: document.status: «ferdig» er ikke en gyldig verdi; velg en av 'draft', "
            "'consultation', 'for_decision' eller 'adopted'"
        ],
    ),
    (
        "missing.yaml",
        STARTER.replace("title: Områdeløft Eksempelbyen ", "# ingen tittel "),
        ["missing.yaml:1: title: feltet mangler; det er påkrevd – legg det til"],
    ),
    (
        "reference.yaml",
        STARTER.replace("sub_goal_ids: [DM1.1]", "sub_goal_ids: [DM9]"),
        [
            f"reference.yaml:{_line('sub_goal_ids: [DM1.1]')}: activities[0].sub_goal_ids[0]: aktivitet «1.1» (2026) viser til "
            "ukjent delmål «DM9»; kjente id-er: DM1.1"
        ],
    ),
    (
        "orgnr.yaml",
        STARTER.replace('  # org_number: "940155223"', '  org_number: "940155224"'),
        [
            "orgnr.yaml:16: municipality.org_number: organisasjonsnummeret 940155224 har feil "
            "kontrollsiffer (mod 11); sjekk nummeret i Enhetsregisteret"
        ],
    ),
    (
        "control.yaml",
        STARTER.replace("summary: >\n  Kort sammendrag", 'summary: "Kort\\x07"\nx: >\n  Kort'),
        [
            f"control.yaml:{_line('summary: >')}: summary: teksten inneholder det ulovlige kontrolltegnet U+0007 "
            "(posisjon 5); fjern det – ofte kommer det fra kopiering fra et annet program",
            f"control.yaml:{_line('summary: >') + 1}: x: ukjent felt «x». Gyldige felt her: activities, agreements, "
            "anchoring, annual_reports, area, background, budget_frame, communication, council_case, document, "
            "evaluation, goals, knowledge_base, milestones, municipality, organisation, "
            "participation, partners, period, phase, programme, purpose, schema_version, "
            "strategies, summary, tasks, title.",
        ],
    ),
    (
        "adopted.yaml",
        STARTER.replace("status: draft ", "status: adopted "),
        [
            "adopted.yaml:34: document: status «adopted» (vedtatt) krever et vedtak: fyll ut "
            "decision med body, date og case_number"
        ],
    ),
    (
        "logo.yaml",
        STARTER.replace(
            "  # profile:\n  #   logo: kommunevapen.png", "  profile:\n    logo: finnes-ikke.png"
        ),
        [
            "logo.yaml:18: municipality.profile.logo: filen «finnes-ikke.png» finnes ikke; "
            "rett stien (den regnes fra mappen til inndatafilen)"
        ],
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_exact_message(
    tmp_path: Path, name: str, content: str | bytes, expected: list[str]
) -> None:
    path = _write(tmp_path, name, content)
    got = [m.replace(str(tmp_path.resolve()) + "/", "") for m in _messages(path)]
    assert got == expected


def test_missing_file(tmp_path: Path) -> None:
    assert _messages(tmp_path / "nowhere.yaml") == [
        "nowhere.yaml: filen finnes ikke; sjekk navnet og mappen"
    ]


def test_folder_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "mappe.yaml").mkdir()
    assert _messages(tmp_path / "mappe.yaml") == ["mappe.yaml: dette er en mappe, ikke en fil"]


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "dup.yaml", "title: x\ntitle: y\n")
    (message,) = _messages(path)
    assert message == (
        "dup.yaml:2: nøkkelen «title» står to ganger i samme gruppe (første gang på linje 1); "
        "fjern den ene"
    )


def test_warnings_are_separate_from_errors(tmp_path: Path) -> None:
    text = STARTER.replace("end_year: 2031", "end_year: 2027")
    loaded = omradedok.load_with_report(_write(tmp_path, "short.yaml", text))
    assert [str(w).split(": ", 1)[1] for w in loaded.warnings] == [
        "period: perioden 2026–2027 er 2 år; metoden forutsetter en langsiktig innsats over "
        "flere år (minst 3)"
    ]


def test_quarters_are_accepted_as_dates(tmp_path: Path) -> None:
    model = omradedok.load(_write(tmp_path, "q.yaml", STARTER))
    (activity,) = model.activities
    # a quarter is kept as a quarter (it prints «1. kvartal 2026»), spanning its days
    assert (activity.start.key(), activity.end.key()) == ("2026-Q1", "2026-Q4")
    assert activity.span() == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_programme_structure_mismatch_names_both_ends(tmp_path: Path) -> None:
    text = STARTER.replace(
        "      measure_types: [social, cultural]\n",
        "      measure_types: [social, cultural]\n"
        "    - id: DP2\n      name: Bo- og nærmiljø\n      projects:\n"
        "        - id: P2.1\n          name: Møteplasser\n",
    ).replace("    sub_programme_id: DP1\n", "    sub_programme_id: DP1\n    project_id: P2.1\n")
    messages = _messages(_write(tmp_path, "structure.yaml", text))
    assert messages == [
        f"structure.yaml:{_line('project_id: P2.1', text)}: activities[0].project_id: aktivitet «1.1» (2026) hører til delprogram "
        "«DP1», men prosjekt «P2.1» ligger under delprogram «DP2»; rett en av dem"
    ]


def test_reporting_ring_is_an_error(large_model: omradedok.Initiative) -> None:
    model = large_model.model_copy(deep=True)
    bodies = model.organisation.bodies
    top = next(b for b in bodies if b.reports_to is None)
    top.reports_to = next(b.id for b in bodies if b.reports_to == top.id)
    errors = [str(p) for p in omradedok.validate(model).errors]
    assert any("organene rapporterer i ring" in e for e in errors), errors


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_examples_load_without_warnings(path: Path) -> None:
    loaded = omradedok.load_with_report(path)
    assert loaded.warnings == []


def test_large_example_is_rich_enough(large_model: omradedok.Initiative) -> None:
    model = large_model
    assert len(model.programme.sub_programmes) >= 4
    assert len(model.activities) >= 40
    assert len(model.activity_years()) >= 2
    assert len(model.partners) >= 6
    assert len(model.agreements) >= 3
    assert model.communication is not None and model.evaluation is not None
    assert model.council_case is not None and model.council_case.consultation_inputs


def test_nynorsk_and_sami_examples(
    nynorsk_model: omradedok.Initiative, sami_model: omradedok.Initiative
) -> None:
    assert nynorsk_model.municipality.language == "nn"
    text = sami_model.model_dump_json()
    for letter in "áčđŋšŧžÁČĐŊŠŦŽ":
        assert letter in text


def test_models_import_from_package() -> None:
    for name in ("Initiative", "Activity", "Agreement", "CouncilCase", "Indicator", "Partner"):
        assert hasattr(omradedok, name)
        assert name in omradedok.__all__
