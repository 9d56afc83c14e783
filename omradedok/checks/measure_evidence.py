"""What kind of measure (physical, social, cultural) a delprogram, project or activity is,
when the model does not tag it with ``measure_types``.

The success-criteria check must not call a programme of schools, parks, a bridge and
festivals «without physical, social or cultural measures» only because nothing was tagged.
Untagged items are read by their names and descriptions – a last resort, so every finding
carries its basis (the word that matched, and where) and the check says so – and the
model's participation measures count as social measures (they are its own statement that
residents take part) where the model tags nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Initiative, MeasureType

_LEXICON: dict[MeasureType, re.Pattern[str]] = {
    MeasureType.PHYSICAL: re.compile(
        r"\w*park\w*|\w*(?:bru|bro)(?:a|en|er|ene)?\b|\w*lekeplass\w*|\w*ballbinge\w*"
        r"|\w*uteområd\w*|\w*uterom\w*|\w*turve[ig]\w*|\w*gangve[ig]\w*|\w*sykkelve[ig]\w*"
        r"|\w*torg(?:et)?\b|\w*belysning\w*|\w*fasade\w*|\w*rehabiliter\w*|\w*oppgrader\w*"
        r"|\w*opprust\w*|\w*nærmiljøanlegg\w*|\w*grøntdrag\w*|\w*grøntområd\w*"
        r"|\buniversell utforming\b|\w*ombygg\w*|\w*nybygg\w*",
        re.IGNORECASE,
    ),
    MeasureType.SOCIAL: re.compile(
        r"\w*skole\w*|\w*skule\w*|\w*barnehag\w*|\w*leksehjelp\w*|\w*folkehelse\w*"
        r"|\w*helsestasjon\w*|\w*sommerjobb\w*|\w*praksisplass\w*|\w*arbeidstrening\w*"
        r"|\w*kvalifisering\w*|\w*språkopplæring\w*|\w*norskopplæring\w*|\w*familie\w*"
        r"|\w*nabolag\w*|\w*ungdom\w*|\w*fritid\w*|\w*frivillig\w*|\w*møteplass\w*"
        r"|\w*mentor\w*|\w*hjemmebesøk\w*|\w*inkludering\w*|\w*oppvekst\w*|\w*språkreir\w*",
        re.IGNORECASE,
    ),
    MeasureType.CULTURAL: re.compile(
        r"\w*festival\w*|\w*kultur\w*|\w*konsert\w*|\w*kunst\w*|\w*bibliotek\w*|\w*museum\w*"
        r"|\w*teater\w*|\w*joik\w*|\w*duodji\w*|\w*musikk\w*|\w*utstilling\w*|\w*litteratur\w*"
        r"|\w*dansekurs\w*|\w*kulturarv\w*",
        re.IGNORECASE,
    ),
}


@dataclass(frozen=True)
class Finding:
    """One reason to think an untagged item is a measure of ``kind``."""

    kind: MeasureType
    where: str
    """The item («Elvebrua», «medvirkning»)."""
    word: str
    """The word that matched, or «» for participation measures."""
    source: str
    """«name» (name or description) or «participation»."""


def text_types(text: str) -> dict[MeasureType, str]:
    """The measure kinds a text speaks of, each with the first word that says so."""
    out: dict[MeasureType, str] = {}
    for kind, pattern in _LEXICON.items():
        match = pattern.search(text)
        if match:
            out[kind] = match.group(0)
    return out


def _untagged(model: Initiative) -> Iterator[tuple[str, str]]:
    """(name, name + description) of every delprogram, project, delprosjekt and activity
    that no level above or below tags with measure types."""
    for dp in model.programme.sub_programmes:
        tagged_dp = bool(dp.measure_types)
        if not tagged_dp:
            yield dp.name, f"{dp.name} {dp.description}"
        for proj in dp.projects:
            if not (tagged_dp or proj.measure_types):
                yield proj.name, f"{proj.name} {proj.description}"
            for sub in proj.sub_projects:
                if not (tagged_dp or proj.measure_types or sub.measure_types):
                    yield sub.name, f"{sub.name} {sub.description}"


def inferred_findings(
    model: Initiative, activity_texts: Iterable[tuple[str, str]] = ()
) -> list[Finding]:
    """Findings for the untagged programme items (and the given activity texts), then – in a
    model that tags nothing – one social finding for the participation measures (where
    anything is tagged, the tags are the model's own word on the kinds)."""
    out: list[Finding] = []
    for name, text in [*_untagged(model), *activity_texts]:
        for kind, word in text_types(text).items():
            out.append(Finding(kind, name, word, "name"))
    if not model_has_tags(model) and any(m.strip() for m in model.participation.measures):
        out.append(Finding(MeasureType.SOCIAL, "medvirkning", "", "participation"))
    return out


def model_has_tags(model: Initiative) -> bool:
    """Whether the model tags any delprogram, project or delprosjekt with measure types."""
    return any(
        dp.measure_types
        or any(p.measure_types or any(s.measure_types for s in p.sub_projects) for p in dp.projects)
        for dp in model.programme.sub_programmes
    )
