"""Issue 12 items 3 and 4 in the aktivitetsplan: an activity that serves a hovedmål directly,
is owned jointly (the state agency and «kommunen»), and has the municipality and a body as
partners prints exactly that – by name – in the DOCX, the PDF and the XLSX, nb and nn."""

from __future__ import annotations

import re

import pytest
from document_text import docx_text, pdf_text, xlsx_text
from docx_support import NORDBYEN, model

import omradedok
from omradedok.model import Initiative, Language


def _shared(language: str) -> tuple[Initiative, str]:
    m = model(NORDBYEN)
    first = m.activities[0]
    year = first.years[0]
    husbanken = next(p for p in m.partners if "Husbanken" in p.name)
    body = m.organisation.bodies[0]
    changed = first.model_copy(
        update={
            "goal_ids": ["HM1"],
            "owner_ids": [husbanken.id, "kommunen"],
            "partner_ids": ["kommunen", body.id],
        }
    )
    municipality = m.municipality.model_copy(update={"language": Language(language)})
    return (
        m.model_copy(
            update={"activities": [changed, *m.activities[1:]], "municipality": municipality}
        ),
        str(year),
    )


@pytest.mark.parametrize(
    ("language", "owners", "goals_head"),
    [("nb", "Eiere: Husbanken og Fjordvik kommune", "Resultatmål (mål)"),
     ("nn", "Eigarar: Husbanken og Fjordvik kommune", "Resultatmål (mål)")],
)
def test_owners_partners_and_hovedmal_by_name_in_every_format(
    language: str, owners: str, goals_head: str
) -> None:
    m, year = _shared(language)
    body = m.organisation.bodies[0]
    texts = {
        fmt: " ".join(
            extract(omradedok.render(m, "aktivitetsplan", year=int(year), format=fmt)).split()
        )
        for fmt, extract in (("docx", docx_text), ("pdf", pdf_text), ("xlsx", xlsx_text))
    }
    # the PDF hyphenates the narrow column («Hus- banken»): join the broken words
    texts["pdf"] = re.sub(r"(\w)- (\w)", r"\1\2", texts["pdf"])
    for fmt, text in texts.items():
        assert owners.replace("Fjordvik kommune", m.municipality.name) in text, fmt
        assert body.name in text, fmt  # the body partner by its name, not its id
        assert f", {body.id}" not in text and "kommunen," not in text, fmt
        assert "HM1" in text, fmt
    for fmt in ("docx", "pdf"):
        assert goals_head in texts[fmt], fmt
    assert ("Bidrar til mål" if language == "nb" else "Bidreg til mål") in texts["xlsx"]


def test_without_direct_goals_the_column_still_says_delmal() -> None:
    m = model(NORDBYEN)
    year = m.activities[0].years[0]
    assert not any(a.goal_ids for a in m.activities_in(year))
    text = " ".join(docx_text(omradedok.render(m, "aktivitetsplan", year=year)).split())
    assert "Resultatmål (delmål)" in text and "Resultatmål (mål)" not in text
    assert "Eier:" not in text and "Eiere:" not in text
