"""A corpus of bad inputs: realistic mistakes and hostile files, in YAML, JSON and XLSX.

    python tests/corpus/make_corpus.py DIR      # writes every case into DIR

Nothing big is committed: each case is made on demand from the starter file (or its JSON
and workbook forms). ``where`` is a regular expression the error output must match: the
file's name with the line («plan.yaml:26») or the cell («Aktiviteter!J4»), or for a
file-level problem the file's name alone.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import omradedok
from corpus.xlsx_mutations import formatted_rows, formula_without_value, merge_cells, zip_bomb
from omradedok.io import dumps_json
from omradedok.io.workbook import export_bytes

STARTER_PATH = Path(omradedok.__file__).parent / "starter.yaml"


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    make: Callable[[], bytes]
    where: str
    """Regex the output must contain: file and line/cell (or only the file)."""


@cache
def starter() -> str:
    return STARTER_PATH.read_text(encoding="utf-8")


@cache
def starter_json() -> str:
    return dumps_json(omradedok.load(STARTER_PATH))


@cache
def workbook() -> bytes:
    return export_bytes(omradedok.load(STARTER_PATH), "nb")


def _yaml(*changes: tuple[str, str]) -> Callable[[], bytes]:
    def make() -> bytes:
        text = starter()
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new, 1)
        return text.encode("utf-8")

    return make


def _json_edit(change: Callable[[dict[str, object]], object]) -> Callable[[], bytes]:
    def make() -> bytes:
        data = json.loads(starter_json())
        change(data)
        return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")

    return make


def _json_text(*changes: tuple[str, str]) -> Callable[[], bytes]:
    def make() -> bytes:
        text = starter_json()
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new, 1)
        return text.encode("utf-8")

    return make


def _raw(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _cell(sheet: str, label: str, row: int = 4) -> str:
    from io import BytesIO

    from openpyxl import load_workbook

    wb = load_workbook(BytesIO(workbook()))
    for cell in wb[sheet][3]:
        if cell.value == label:
            return f"{cell.column_letter}{row}"
    raise KeyError(label)


def _xlsx_set(sheet: str, label: str, value: object, row: int = 4) -> Callable[[], bytes]:
    def make() -> bytes:
        from io import BytesIO

        from openpyxl import load_workbook

        wb = load_workbook(BytesIO(workbook()))
        ws = wb[sheet]
        if label.startswith("form:"):
            wanted = label[5:]
            for cells in ws.iter_rows():
                if cells[0].value == wanted:
                    cells[1].value = value
                    break
            else:
                raise KeyError(wanted)
        else:
            ws[_cell(sheet, label, row)] = value
        out = BytesIO()
        wb.save(out)
        return out.getvalue()

    return make


def _xlsx_drop_sheet(sheet: str) -> Callable[[], bytes]:
    def make() -> bytes:
        from io import BytesIO

        from openpyxl import load_workbook

        wb = load_workbook(BytesIO(workbook()))
        del wb[sheet]
        out = BytesIO()
        wb.save(out)
        return out.getvalue()

    return make


def _alias_bomb() -> bytes:
    text = starter() + "x-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        text += f"  {level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    return text.encode()


def _huge_yaml() -> bytes:
    filler = "# " + "x" * 98 + "\n"
    return (starter() + filler * (21 * 1024 * 1024 // len(filler) + 1)).encode()


def _huge_json() -> bytes:
    data = json.loads(starter_json())
    data["summary"] = "x" * (21 * 1024 * 1024)
    return json.dumps(data).encode()


Y, J, X = r"plan\.yaml:\d+", r"plan\.json:\d+", r"satsing\.xlsx\][A-ZÆØÅa-zæøå]+![A-Z]+\d+"
YF, JF, XF = r"plan\.yaml", r"plan\.json", r"satsing\.xlsx"

_REF = "sub_goal_ids: [DM1.1]"
_POP = "population: 4200"
_DATE = "date: 2026-11-26"
_START = "start_year: 2026"


def yaml_cases() -> list[Case]:
    y = [
        ("empty", _raw(b""), YF),
        ("blank", _raw(b"\n   \n\t\n"), YF),
        ("binary", _raw(b"\x00\x01\x02PK\x03\x04"), YF),
        ("latin1", _raw(starter().replace("Områdeløft", "Omr\xe5del\xf8ft").encode("latin-1", errors="replace")), Y),
        ("only-comment", _raw(b"# bare en kommentar\n"), YF),
        ("top-level-list", _raw(b"- title: x\n- phase: 2\n"), Y),
        ("top-level-text", _raw(b"just some text\n"), Y),
        ("unclosed-quote", _yaml(("title: Områdeløft", 'title: "Områdeløft')), Y),
        ("bad-indent", _yaml((_POP, _POP + "\n    extra: 1\n  bad: 2")), Y),
        ("tab-indent", _yaml(("  name: Eksempel kommune", "\tname: Eksempel kommune")), Y),
        ("colon-in-text", _yaml(("title: Områdeløft Eksempelbyen", "title: Plan: del: to")), Y),
        ("duplicate-key", _yaml((_POP, _POP + "\n  population: 4300")), Y),
        ("duplicate-top-key", _raw((starter() + "title: Igjen\n").encode()), Y),
        ("alias-bomb", _alias_bomb, Y),
        ("undefined-alias", _yaml((_POP, "population: *ingen")), Y),
        ("deep-block", _raw(("title: x\n" + "".join(f"{' ' * i}k:\n" for i in range(5000))).encode()), Y),
        ("deep-flow-lists", _raw(("title: x\nv: " + "[" * 100_000 + "]" * 100_000 + "\n").encode()), Y),
        ("deep-flow-maps", _raw(("title: x\nv: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n").encode()), Y),
        ("two-documents", _raw((starter() + "---\ntitle: to\n").encode()), Y),
        ("unknown-tag", _yaml(("title: Områdeløft", "title: !kommune Områdeløft")), Y),
        ("python-tag", _yaml((_POP, "population: !!python/object:os.system ls")), Y),
        ("binary-tag", _yaml(("title: Områdeløft Eksempelbyen", "title: !!binary aGVp")), Y),
        ("complex-key", _yaml((_POP, _POP + "\n  ? [a, b]\n  : x")), Y),
        ("impossible-date", _yaml((_DATE, "date: 2026-02-31")), Y),
        ("impossible-date-quoted", _yaml((_DATE, "date: '2026-02-30'")), Y),
        ("impossible-datetime", _yaml((_DATE, "date: 2026-13-01 10:00:00")), Y),
        ("impossible-norwegian-date", _yaml((_DATE, "date: 31.04.2026")), Y),
        ("date-with-slashes", _yaml((_DATE, "date: 26/11/2026")), Y),
        ("date-as-number", _yaml((_DATE, "date: 20261126")), Y),
        ("date-bool", _yaml((_DATE, "date: true")), Y),
        ("datetime-not-midnight", _yaml((_DATE, "date: 2026-11-26 10:30:00")), Y),
        ("population-10-100", _yaml((_POP, "population: 1" + "0" * 100)), Y),
        ("population-10-20", _yaml((_POP, "population: 1" + "0" * 20)), Y),
        ("population-5000-digits", _yaml((_POP, "population: " + "9" * 5000)), Y),
        ("population-text", _yaml((_POP, "population: mange")), Y),
        ("population-bool", _yaml((_POP, "population: true")), Y),
        ("population-negative", _yaml((_POP, "population: -5")), Y),
        ("population-decimal", _yaml((_POP, "population: 4200.5")), Y),
        ("population-spaces", _yaml((_POP, "population: 4 200")), Y),
        ("amount-bool", _yaml(("municipal: 150000", "municipal: true")), Y),
        ("amount-text", _yaml(("municipal: 150000", "municipal: mye penger")), Y),
        ("amount-decimal", _yaml(("municipal: 150000", "municipal: 150000.50")), Y),
        ("amount-negative", _yaml(("municipal: 150000", "municipal: -1")), Y),
        ("amount-huge", _yaml(("municipal: 150000", "municipal: 1" + "0" * 25)), Y),
        ("amount-inf", _yaml(("municipal: 150000", "municipal: .inf")), Y),
        ("year-text", _yaml((_START, "start_year: tjuetjueseks")), Y),
        ("year-bool", _yaml((_START, "start_year: false")), Y),
        ("year-1800", _yaml((_START, "start_year: 1800")), Y),
        ("year-order", _yaml((_START, "start_year: 2040")), Y),
        ("phase-9", _yaml(("phase: 2", "phase: 9")), Y),
        ("unknown-field", _yaml((_POP, _POP + "\n  innbyggere: 4200")), Y),
        ("typo-top-field", _yaml(("title: Områdeløft", "titel: Områdeløft")), Y),
        ("unknown-sub-goal", _yaml((_REF, "sub_goal_ids: [DM9]")), Y),
        ("unknown-role", _yaml(("responsible_role_id: R-PL", "responsible_role_id: R-XX")), Y),
        ("field-and-reference", _yaml((_REF, "sub_goal_ids: [DM9]"), (_POP, "population: x")), Y),
        ("wrong-language", _yaml(("language: nb", "language: se")), Y),
        ("bad-status", _yaml(("status: draft ", "status: ferdig ")), Y),
        ("adopted-without-decision", _yaml(("status: draft ", "status: adopted ")), Y),
        ("control-char", _yaml(("title: Områdeløft Eksempelbyen", 'title: "Områdeløft\\x07"')), Y),
        ("raw-control-char", _yaml(("title: Områdeløft Eksempelbyen", "title: Område\x01løft")), Y),
        ("bad-org-number", _yaml(('  # org_number: "940155223"', '  org_number: "940155224"')), Y),
        ("municipality-number", _yaml(('number: "0000"', 'number: "03a1"')), Y),
        ("bad-colour", _yaml(("  # profile:\n  #   logo: kommunevapen.png", "  profile:\n    primary_color: blå")), Y),
        ("missing-title", _yaml(("title: Områdeløft Eksempelbyen", "# title:")), Y),
        ("null-title", _yaml(("title: Områdeløft Eksempelbyen", "title: null")), Y),
        ("id-with-space", _yaml(("- id: DM1.1", "- id: DM 1.1")), Y),
        ("nan-indicator", _yaml(("{value: 48,", "{value: .nan,"),), Y),
        ("logo-missing", _yaml(("  # profile:\n  #   logo: kommunevapen.png", "  profile:\n    logo: finnes-ikke.png")), Y),
        ("huge-file", _huge_yaml, YF),
        ("schema-version", _yaml(('schema_version: "1"', 'schema_version: "7"')), Y),
    ]  # fmt: skip
    return [Case(f"yaml-{n}", "plan.yaml", m, w) for n, m, w in y]


def _set(path: tuple[object, ...], value: object) -> Callable[[dict[str, object]], object]:
    def change(data: dict[str, object]) -> object:
        node: object = data
        for part in path[:-1]:
            node = node[part]  # type: ignore[index]
        node[path[-1]] = value  # type: ignore[index]
        return data

    return change


def json_cases() -> list[Case]:
    j = [
        ("empty", _raw(b""), JF),
        ("broken", _raw(b'{\n  "title": \n}\n'), J),
        ("trailing-comma", _raw(b'{\n  "title": "x",\n}\n'), J),
        ("single-quotes", _raw(b"{\n  'title': 'x'\n}\n"), J),
        ("comment", _raw(b'{\n  // kommentar\n  "title": "x"\n}\n'), J),
        ("extra-data", _raw(b'{"title": "x"}\n{"title": "y"}\n'), J),
        ("top-level-list", _raw(b'[{"title": "x"}]'), J),
        ("duplicate-key", _json_text(('"title": ', '"title": "a",\n  "title": ')), J),
        ("nan", _json_text(('"population": 4200', '"population": NaN')), J),
        ("infinity", _json_text(('"population": 4200', '"population": Infinity')), J),
        ("deep-arrays", _raw(('{"title": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()), JF),
        ("deep-objects", _raw(('{"title": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}").encode()), JF),
        ("5000-digits", _json_text(('"population": 4200', '"population": ' + "9" * 5000)), J),
        ("population-bool", _json_edit(_set(("area", "population"), True)), J),
        ("population-huge", _json_edit(_set(("area", "population"), 10**25)), J),
        ("population-string", _json_edit(_set(("area", "population"), "mange")), J),
        ("amount-bool", _json_edit(_set(("activities", 0, "budget", "municipal"), True)), J),
        ("amount-float", _json_edit(_set(("activities", 0, "budget", "municipal"), 12.5)), J),
        ("impossible-date", _json_edit(_set(("document", "date"), "2026-02-31")), J),
        ("date-number", _json_edit(_set(("document", "date"), 20261126)), J),
        ("unknown-reference", _json_edit(_set(("activities", 0, "sub_goal_ids"), ["DM9"])), J),
        ("wrong-language", _json_edit(_set(("municipality", "language"), "se")), J),
        ("control-char", _json_edit(_set(("title", ), "Tittel\u0007")), J),
        ("unknown-field", _json_edit(_set(("innbyggere",), 4200)), J),
        ("null-list", _json_edit(_set(("activities",), None)), J),
        ("latin1", _raw(starter_json().replace("Områdeløft", "Omr\xe5del\xf8ft").encode("latin-1", errors="replace")), J),
        ("huge-file", _huge_json, JF),
    ]  # fmt: skip
    return [Case(f"json-{n}", "plan.json", m, w) for n, m, w in j]


def xlsx_cases() -> list[Case]:
    act = "Aktiviteter"
    x = [
        ("empty", _raw(b""), XF),
        ("not-a-zip", _raw(b"title,phase\nx,2\n"), XF),
        ("truncated", lambda: workbook()[: len(workbook()) // 2], XF),
        ("zip-bomb", lambda: zip_bomb(workbook(), megabytes=300), XF),
        ("formula-without-value", lambda: formula_without_value(workbook(), act, _cell(act, "Kommunale midler"), "40000*2"), X),
        ("merged-cells", lambda: merge_cells(workbook(), act, f"I4:{_cell(act, 'Kommunale midler')}"), X),
        ("million-rows-and-an-error", lambda: formatted_rows(_xlsx_set(act, "Kommunale midler", "mye")(), act), X),
        ("missing-sheet", _xlsx_drop_sheet("Roller"), XF),
        ("money-text", _xlsx_set(act, "Kommunale midler", "mye penger"), X),
        ("money-decimal", _xlsx_set(act, "Kommunale midler", 1250.5), X),
        ("money-bool", _xlsx_set(act, "Kommunale midler", True), X),
        ("money-huge", _xlsx_set(act, "Kommunale midler", 10**15), X),
        ("bad-date", _xlsx_set(act, "Start", "31.02.2026"), X),
        ("unknown-status", _xlsx_set(act, "Status", "Kanskje"), X),
        ("unknown-sub-goal", _xlsx_set(act, "Bidrar til delmål", "DM9"), X),
        ("unknown-role", _xlsx_set(act, "Ansvarlig (rolle-id)", "R-XX"), X),
        ("control-char", _xlsx_set(act, "Tiltak/aktivitet", "Tiltak_x0007_"), X),
        ("population-text", _xlsx_set("Satsing", "form:Innbyggere", "mange"), X),
        ("population-huge", _xlsx_set("Satsing", "form:Innbyggere", 10**20), X),
        ("wrong-language", _xlsx_set("Satsing", "form:Målform", "Samisk"), X),
        ("bad-municipality-number", _xlsx_set("Satsing", "form:Kommunenummer", "03a1"), X),
    ]  # fmt: skip
    return [Case(f"xlsx-{n}", "satsing.xlsx", m, w) for n, m, w in x]


def other_cases() -> list[Case]:
    return [
        Case("other-unknown-suffix", "plan.txt", _raw(b"title: x\n"), r"plan\.txt"),
        Case("other-csv", "plan.csv", _raw(b"title,phase\n"), r"plan\.csv"),
    ]


def all_cases() -> list[Case]:
    return [*yaml_cases(), *json_cases(), *xlsx_cases(), *other_cases()]


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in all_cases():
        target = folder / case.name
        target.mkdir(exist_ok=True)
        path = target / case.filename
        path.write_bytes(case.make())
        paths.append(path)
    return paths


if __name__ == "__main__":
    written = write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-out"))
    print(f"{len(written)} tilfeller skrevet")
