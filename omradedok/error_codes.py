"""Stable codes for every kind of problem omradedok reports, with a short Norwegian description.

A code names a rule, not a message: the message says the details (which id, which cell),
the code stays the same across versions so other tools and support notes can rely on it.
``E-`` codes are errors (nothing is built), ``W-`` codes warnings. The table in
docs/feilkoder.md is generated from this registry (``python -m omradedok.error_codes``) and a
test keeps the two in sync.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # files
    "E-FIL-001": "Filen finnes ikke, er en mappe eller kan ikke leses",
    "E-FIL-002": "Filen er større enn grensen for inndata",
    "E-FIL-003": "Filen er tom eller inneholder ingen data",
    "E-FIL-004": "Filen er ikke UTF-8-tekst (binær fil eller feil tegnkoding)",
    "E-FIL-005": "Ukjent filtype; bruk .yaml, .yml, .json eller .xlsx",
    "E-FIL-006": "Logo- eller skriftfilen profilen viser til, finnes ikke",
    "E-FIL-007": "Logo- eller skriftfilen kan ikke brukes (ikke et bilde / ikke en TrueType-skrift)",
    # YAML
    "E-YAML-001": "Syntaksfeil i YAML (innrykk, kolon, anførselstegn, ulovlig tegn …)",
    "E-YAML-002": "En verdi kan ikke leses (umulig dato, for stort tall, ugyldig tall/sann-usann)",
    "E-YAML-003": "Filen er for dypt nestet eller aliasene utvides til for mange verdier",
    "E-YAML-004": "Samme nøkkel står to ganger i en gruppe",
    "E-YAML-005": "Feil oppbygning: ukjent merke, flere dokumenter, liste som nøkkel, feil toppnivå",
    # JSON
    "E-JSON-001": "Syntaksfeil i JSON",
    "E-JSON-002": "Samme nøkkel står to ganger i et objekt",
    "E-JSON-003": "En verdi JSON ikke tillater (NaN/Infinity) eller et for stort tall",
    "E-JSON-004": "Filen er for dypt nestet eller toppnivået er ikke et objekt",
    # Excel workbook
    "E-XLSX-001": "En celle har en verdi kolonnen ikke kan bruke (eller en sammenslått celle, en formel uten lagret verdi)",
    "E-XLSX-002": "Arbeidsboken kan ikke åpnes eller er avvist (ikke .xlsx, for stor utpakket, for mange rader)",
    # fields of the model
    "E-FELT-001": "Et påkrevd felt mangler",
    "E-FELT-002": "Ukjent felt (skrivefeil i feltnavnet?)",
    "E-FELT-003": "Feil type eller format (tekst der et tall skal stå, ugyldig dato, ukjent verdi …)",
    "E-FELT-004": "Verdien er utenfor det tillatte (for lang, for stor, for liten, tom liste …)",
    "E-FELT-005": "Verdiene i feltet passer ikke sammen (regel i modellen)",
    # references
    "E-REF-001": "Viser til en id som ikke finnes",
    "E-REF-002": "Samme id er brukt mer enn én gang",
    "E-REF-003": "Id-en er reservert («kommunen»)",
    "E-REF-004": "Avtalen nevner en part som ikke er part i avtalen",
    "E-REF-005": "Aktiviteten ligger i feil del av programhierarkiet (delprogram/prosjekt/delprosjekt)",
    "E-REF-006": "Organene rapporterer i ring",
    # consistency
    "E-KONS-001": "Aktiviteten hører til et år utenfor perioden",
    "W-KONS-001": "Perioden er kortere enn tre år",
    "W-KONS-002": "Aktiviteten går også i år utenfor perioden",
    "W-KONS-003": "Rollen hører verken til et organ eller en partner",
    "W-MAAL-001": "Delmålet har ingen indikator",
    "W-MAAL-002": "Ingen aktivitet bidrar til delmålet",
    "W-BUDS-001": "Aktiviteter et år uten budsjettramme",
    "W-BUDS-002": "Aktivitetene et år koster mer enn rammen",
    "W-AVT-001": "Et bidrag i avtalen ligger utenfor avtaleperioden",
    "W-AVT-002": "Bidraget i avtalen stemmer ikke med aktivitetene",
    "W-AVT-003": "Avtalene lover mer statlig bidrag enn rammen",
    "W-AVT-004": "Avtalen gir en part ingen plikter",
    "W-AVT-005": "En avtalepart mangler organisasjonsnummer",
    "W-AVT-006": "Ingen signerer avtalen for kommunen",
    "W-AVT-007": "Avtalen gir en part samme oppgave to ganger med ulike roller",
    "W-AVT-008": "Avtalen sender tvister til et organ en part ikke sitter i",
    "W-KONS-004": "Et tall i teksten stemmer ikke med listen (for eksempel antall språk)",
    "W-ORG-001": "Et organ eller en organisasjon har to ulike ledere",
    "W-SAK-001": "Saksframlegget er datert etter et møte i saksgangen",
    "W-SAK-002": "Et møte eller vedtaket ligger på feil side av høringsfristen",
    "W-SAK-003": "Et høringsutkast har en innstilling om å vedta planen",
    "W-SAK-004": "Den som signerer for kommunen, har ikke fullmakten innstillingen gir",
    "W-SAK-005": "Saksnummeret har en uvanlig form (det skrives ut som det står)",
    "W-ANSV-001": "Rollematrisen: en oppgave uten ansvarlig eller med flere ansvarlige",
    # input format versions
    "W-MIGR-001": "Filen er skrevet for en eldre versjon av formatet; noe leses eller skrives annerledes",
    # PDF
    "W-PDF-001": "Tegn som ingen PDF-skrift har",
    "W-PDF-002": "Kommunens skrifttype mangler tegn som brukes",
    # templates
    "E-MAL-001": "Malen mangler, er ødelagt eller bruker noe som ikke finnes",
    "E-MAL-002": "Malen feiler på et kjent sted (fil, del, linje, felt)",
}


def describe(code: str) -> str:
    """The short description of ``code`` (KeyError for an unknown code: a bug, not input)."""
    return CODES[code]


def markdown_table() -> str:
    """docs/feilkoder.md: the registry as one table."""
    lines = [
        "# Feilkoder",
        "",
        "Hver feil (`E-`) og advarsel (`W-`) fra omradedok har en fast kode. Koden står i",
        "meldingen (`feil[E-REF-001]: plan.yaml:88: …`), i `validate --format json` og i",
        "`Problem.code` i Python-API-et. Tabellen lages fra `omradedok/error_codes.py` med",
        "`python -m omradedok.error_codes > docs/feilkoder.md`.",
        "",
        "| Kode | Betydning |",
        "| --- | --- |",
    ]
    lines += [f"| `{code}` | {text} |" for code, text in CODES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
