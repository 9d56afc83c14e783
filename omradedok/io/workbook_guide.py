"""The instructions sheet (Veiledning / Rettleiing) at the front of the input workbook."""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Language
from ..render import xlsx
from .workbook_layout import LISTS_NAME, SHEETS, L, Label
from .workbook_values import in_language

GUIDE_PATH = "docs/brukerveiledning.md"
"""The clerk's guide in the omradedok repository."""

_PARAGRAPHS: tuple[tuple[str, Label], ...] = (
    ("h", L("Slik bruker du arbeidsboken", "Slik bruker du arbeidsboka")),
    (
        "p",
        L(
            "Denne arbeidsboken beskriver én områdesatsing. Fyll ut arkene, sjekk filen og lag "
            "dokumentene (handlingsplan, aktivitetsplaner, avtaler, saksframlegg …) med omradedok.",
            "Denne arbeidsboka skildrar éi områdesatsing. Fyll ut arka, sjekk fila og lag "
            "dokumenta (handlingsplan, aktivitetsplanar, avtalar, saksframlegg …) med omradedok.",
        ),
    ),
    (
        "p",
        L(
            "1. Start med arket Satsing: tittel, kommune, område, periode og dokumentdato er påkrevd.",
            "1. Start med arket Satsing: tittel, kommune, område, periode og dokumentdato er påkravde.",
        ),
    ),
    (
        "p",
        L(
            "2. Fyll ut tabellene, én rad per element. Overskriftene i rad 3 må stå som de er. "
            "Kolonner med «(id)» viser til id-en på et annet ark – velg fra nedtrekkslisten.",
            "2. Fyll ut tabellane, éi rad per element. Overskriftene i rad 3 må stå som dei er. "
            "Kolonnar med «(id)» viser til id-en på eit anna ark – vel frå nedtrekkslista.",
        ),
    ),
    (
        "p",
        L(
            "3. Flere id-er i én celle skilles med komma, f.eks. «DM1.1, DM2.3». "
            "Beløp skrives i hele kroner, datoer som 26.11.2026 (se punkt 7 og 8).",
            "3. Fleire id-ar i éi celle skil du med komma, t.d. «DM1.1, DM2.3». "
            "Beløp skriv du i heile kroner, datoar som 26.11.2026 (sjå punkt 7 og 8).",
        ),
    ),
    (
        "p",
        L(
            "4. Punktlister (ansvar for roller, metoder, kjernebudskap, innstillingen …) føres på "
            "arket Tekstlister, én rad per punkt.",
            "4. Punktlister (ansvar for roller, metodar, kjernebodskap, innstillinga …) blir førte "
            "på arket Tekstlister, éi rad per punkt.",
        ),
    ),
    (
        "p",
        L(
            "5. Tekst som begynner med = + - eller @ lagres som tekst, ikke som formel. Kolonner "
            "merket Sum regnes ut av Excel og leses ikke inn.",
            "5. Tekst som byrjar med = + - eller @ blir lagra som tekst, ikkje som formel. "
            "Kolonnar merkte Sum blir rekna ut av Excel og blir ikkje lesne inn.",
        ),
    ),
    ("h", L("Skriv det kildene sier – ikke mer", "Skriv det kjeldene seier – ikkje meir")),
    (
        "p",
        L(
            "6. La en celle stå tom når kilden ikke sier noe. Ingenting fylles inn for deg: der en "
            "tabell trenger en verdi, står det «ikke fastsatt» (aldri «0 kr» eller «Planlagt»).",
            "6. La ei celle stå tom når kjelda ikkje seier noko. Ingenting blir fylt inn for deg: "
            "der ein tabell treng ein verdi, står det «ikkje fastsett» (aldri «0 kr» eller "
            "«Planlagd»).",
        ),
    ),
    (
        "p",
        L(
            "7. Tidspunkt (start, slutt, vedtak, milepæler, møter) skrives så nøyaktig som kilden: "
            "3.9.2013, «september 2013», «høsten 2013», «3. kvartal 2013» eller bare 2013. "
            "Cellene er tekstceller, så Excel gjør ikke «2013» eller «september 2013» om til en dato.",
            "7. Tidspunkt (start, slutt, vedtak, milepælar, møte) skriv du så nøyaktig som kjelda: "
            "3.9.2013, «september 2013», «hausten 2013», «3. kvartal 2013» eller berre 2013. "
            "Cellene er tekstceller, så Excel gjer ikkje «2013» eller «september 2013» om til ein dato.",
        ),
    ),
    (
        "p",
        L(
            "8. Et beløp som er et anslag eller et spenn skrives som tekst: «anslag 400000», "
            "«4–5 mill. kr». Excel spør om du vil beholde teksten – velg Ja. Sum-kolonnen står da "
            "tom, som den gjør når ingen beløp er fylt ut. Innbyggertall kan skrives «ca. 6000» eller «opp mot 6000».",
            "8. Eit beløp som er eit anslag eller eit spenn, skriv du som tekst: «anslag 400000», "
            "«4–5 mill. kr». Excel spør om du vil halde på teksten – vel Ja. Sum-kolonnen står då "
            "tom, slik han gjer når ingen beløp er fylte ut. Innbyggjartal kan skrivast «ca. 6000» eller «opp mot 6000».",
        ),
    ),
    (
        "p",
        L(
            "9. En aktivitet over flere år får Start og Slutt (f.eks. 2013 og 2020) og kan stå uten "
            "År. Budsjettet per år føres på arket Budsjett per år, bare for de årene det er kjent. "
            "«Bidrar til mål» tar hovedmål (eller andre mål) aktiviteten tjener direkte; «Eiere» "
            "tar partner- eller organ-id-er eller «kommunen» – flere eiere betyr delt eierskap.",
            "9. Ein aktivitet over fleire år får Start og Slutt (t.d. 2013 og 2020) og kan stå utan "
            "År. Budsjettet per år blir ført på arket Budsjett per år, berre for dei åra det er "
            "kjent. «Bidreg til mål» tek hovudmål (eller andre mål) aktiviteten tener direkte; "
            "«Eigarar» tek partnar- eller organ-id-ar eller «kommunen» – fleire eigarar betyr delt "
            "eigarskap.",
        ),
    ),
    (
        "p",
        L(
            "10. Plandokumenter: programplanen, handlingsdeler for en delperiode og revisjoner, "
            "hver med status, dato og vedtak; på arket Satsing velger du hvilket av dem denne "
            "handlingsplanen er. Indikatormålinger: verdier målt år for år. Oppgaver og "
            "Oppgaveroller: oppgaver i rollematrisen (årsrapport, søknader …) med hver parts rolle. "
            "Prosjektenes egne mål føres på Tekstlister («Prosjektmål (prosjekt)»).",
            "10. Plandokument: programplanen, handlingsdelar for ein delperiode og revisjonar, "
            "kvar med status, dato og vedtak; på arket Satsing vel du kva for eitt av dei denne "
            "handlingsplanen er. Indikatormålingar: verdiar målte år for år. Oppgåver og "
            "Oppgåveroller: oppgåver i rollematrisa (årsrapport, søknader …) med rolla til kvar "
            "part. Prosjekta sine eigne mål blir førte på Tekstlister («Prosjektmål (prosjekt)»).",
        ),
    ),
    (
        "p",
        L(
            "11. På arket Satsing velger du hva nivået under programmet heter (delprogram, "
            "satsingsområde, strategi …) og hvem som innstiller i saken (kommunedirektør, "
            "rådmann, byråd …); det brukes i alle overskrifter.",
            "11. På arket Satsing vel du kva nivået under programmet heiter (delprogram, "
            "satsingsområde, strategi …) og kven som innstiller i saka (kommunedirektør, "
            "rådmann, byråd …); det blir brukt i alle overskrifter.",
        ),
    ),
    (
        "p",
        L(
            "12. Saksframlegget: innstillingen føres på Tekstlister («Innstilling (vedtakspunkt)»; "
            "tomt gir punkter ut fra planens status), og likeså tilleggspunkter, høringsinstanser "
            "og vedtakspunktene i et vedtak («Vedtakspunkt (planen)», «Vedtakspunkt "
            "(plandokument)»). Fullmakten til å inngå avtalene og arkiv-id-ene til "
            "arkivmeldingen står på arket Saksframlegg. Avsnitt som står tomme, utelates.",
            "12. Saksframlegget: innstillinga blir ført på Tekstlister («Innstilling "
            "(vedtakspunkt)»; tomt gir punkt ut frå statusen til planen), og likeins "
            "tilleggspunkt, høyringsinstansar og vedtakspunkta i eit vedtak («Vedtakspunkt "
            "(planen)», «Vedtakspunkt (plandokument)»). Fullmakta til å inngå avtalane og "
            "arkiv-id-ane til arkivmeldinga står på arket Saksframlegg. Avsnitt som står tomme, "
            "fell bort.",
        ),
    ),
    (
        "p",
        L(
            "13. Årsrapporten: status og pengebruk per tiltak og år føres på arket Årsrapport per "
            "tiltak, målte verdier på Indikatormålinger, sammendrag og prioriteringer for neste år "
            "på Årsrapporter. Et år med slike data får arsrapport-ÅÅÅÅ.docx og .pdf; den er "
            "vedlegg i saken bare når året står i «Vedlagte årsrapporter (år)» på Saksframlegg.",
            "13. Årsrapporten: status og pengebruk per tiltak og år blir førte på arket Årsrapport "
            "per tiltak, målte verdiar på Indikatormålingar, samandrag og prioriteringar for neste "
            "år på Årsrapportar. Eit år med slike data får arsrapport-ÅÅÅÅ.docx og .pdf; han er "
            "vedlegg i saka berre når året står i «Vedlagde årsrapportar (år)» på Saksframlegg.",
        ),
    ),
    ("h", L("Sjekk og lag dokumentene", "Sjekk og lag dokumenta")),
    ("c", L("omradedok validate satsing.xlsx")),
    (
        "c",
        L("omradedok build satsing.xlsx -o dokumenter", "omradedok build satsing.xlsx -o dokument"),
    ),
    ("c", L("omradedok import satsing.xlsx -o satsing.yaml")),
    (
        "p",
        L(
            "Feilmeldinger sier hvilket ark og hvilken celle som må rettes, f.eks. "
            "«Aktiviteter!D7: … viser til ukjent delmål «M9»». Ingenting lagres før alt er riktig.",
            "Feilmeldingar seier kva ark og kva celle som må rettast, t.d. "
            "«Aktivitetar!D7: … viser til ukjent delmål «M9»». Ingenting blir lagra før alt er rett.",
        ),
    ),
    (
        "p",
        L(
            f"Mer hjelp: brukerveiledningen {GUIDE_PATH} i omradedok.",
            f"Meir hjelp: brukarrettleiinga {GUIDE_PATH} i omradedok.",
        ),
    ),
    ("h", L("Arkene", "Arka")),
)


def write_instructions(ws: Worksheet, language: Language, color: str) -> None:
    """Fill ``ws`` with the instructions and a linked table of contents."""

    def t(label: Label) -> str:
        return in_language(language, label)

    title = xlsx.put(ws.cell(1, 1), t(("Inndata til omradedok", "Inndata til omradedok")))
    title.font = xlsx.TITLE_FONT
    row = 2
    for style, label in _PARAGRAPHS:
        row += 2 if style == "h" else 1
        cell = xlsx.put(ws.cell(row, 1), t(label))
        if style == "h":
            cell.font = Font(name=xlsx.FONT_NAME, bold=True, size=12, color=xlsx.argb(color))
        elif style == "c":
            cell.font = Font(name="Courier New", size=10)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell.alignment = xlsx.WRAP_TOP
    row += 1
    for sheet in SHEETS:
        name = t(sheet.name)
        link = xlsx.put(ws.cell(row, 1), name)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{xlsx.quote_sheet(name)}!A1")
        link.font = Font(name=xlsx.FONT_NAME, color="0563C1", underline="single")
        xlsx.put(ws.cell(row, 2), t(sheet.intro)).alignment = xlsx.WRAP_TOP
        row += 1
    xlsx.put(ws.cell(row, 1), t(LISTS_NAME))
    xlsx.put(ws.cell(row, 2), t(("Verdiene i nedtrekkslistene.", "Verdiane i nedtrekkslistene.")))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 80
    xlsx.fit_row_heights(ws, 1, row)
    xlsx.setup_print(ws, landscape=False, header=("", t(("Veiledning", "Rettleiing")), ""))
