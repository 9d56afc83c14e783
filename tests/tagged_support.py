"""Reading a tagged PDF back: its structure tree (pikepdf), the text of each marked-content
sequence (pypdf, which reports the BDC/EMC operators and the decoded text in stream order),
and the independent checkers (pikepdf.pdfa, pdfua, outloud)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pypdf import PdfReader


@dataclass
class Element:
    role: str
    attrs: dict[str, Any]
    kids: list[Element | tuple[int, int]] = field(default_factory=list)
    """Child elements and marked-content references (page index, MCID), in order."""

    def walk(self) -> list[Element]:
        out = [self]
        for kid in self.kids:
            if isinstance(kid, Element):
                out += kid.walk()
        return out

    def refs(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for kid in self.kids:
            out += kid.refs() if isinstance(kid, Element) else [kid]
        return out


def structure(data: bytes) -> Element:
    """The document's structure tree (from /StructTreeRoot)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}

        def convert(obj: Any, page: int | None) -> Element:
            pg = obj.get("/Pg")
            if pg is not None:
                page = pages[pg.objgen]
            attrs: dict[str, Any] = {}
            for key in ("/Alt", "/Lang"):
                if key in obj:
                    attrs[key] = str(obj[key])
            a = obj.get("/A")
            if a is not None:
                for entry in a if isinstance(a, pikepdf.Array) else [a]:
                    for key in ("/Scope", "/BBox", "/ColSpan"):
                        if key in entry:
                            value = entry[key]
                            if key == "/Scope":
                                attrs[key] = str(value)
                            elif isinstance(value, pikepdf.Array):
                                attrs[key] = [float(v) for v in value]
                            else:
                                attrs[key] = int(value)
            element = Element(str(obj.S)[1:], attrs)
            kids = obj.get("/K")
            items = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
            for kid in items:
                if isinstance(kid, int):
                    assert page is not None
                    element.kids.append((page, int(kid)))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    element.kids.append((pages[kid.Pg.objgen], int(kid.MCID)))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    continue
                else:
                    element.kids.append(convert(kid, page))
            return element

        return convert(pdf.Root.StructTreeRoot.K, None)


def marked_texts(data: bytes) -> dict[tuple[int, int], str]:
    """(page index, MCID) → the text drawn inside that marked-content sequence."""
    texts: dict[tuple[int, int], str] = {}
    for index, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        _page_texts(page, index, texts)
    return texts


def _page_texts(page: Any, index: int, texts: dict[tuple[int, int], str]) -> None:
    stack: list[int | None] = []

    def before(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op in (b"BDC", b"BMC"):
            props = args[1] if op == b"BDC" and len(args) > 1 else None
            mcid = props.get("/MCID") if hasattr(props, "get") else None
            stack.append(int(mcid) if mcid is not None else None)
        elif op == b"EMC" and stack:
            stack.pop()

    def text(value: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        current = next((m for m in reversed(stack) if m is not None), None)
        if current is not None:
            key = (index, current)
            texts[key] = texts.get(key, "") + value

    page.extract_text(visitor_operand_before=before, visitor_text=text)


def text_of(element: Element, texts: dict[tuple[int, int], str]) -> str:
    return " ".join(" ".join(texts.get(ref, "") for ref in element.refs()).split())


def squeeze(value: str) -> str:
    """Text without spaces and soft line-end hyphens: what survives line breaking."""
    return re.sub(r"[\s\u00a0\u202f-]+", "", value)


def without_ua_identification(data: bytes) -> bytes:
    """The file with its PDF/UA identification taken out of the XMP. pikepdf.pdfa is an
    allowlist that checks no XMP extension schema, so it is shown the PDF/A-2b part alone;
    the UA identification and its extension schema are checked by ``ua_identification``."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        xmp = re.sub(r"<pdfuaid:part>1</pdfuaid:part>\n?", "", xmp)
        xmp = re.sub(r"<pdfaExtension:schemas>.*?</pdfaExtension:schemas>", "", xmp, flags=re.S)
        xmp = re.sub(r' xmlns:(pdfaExtension|pdfaSchema|pdfaProperty)="[^"]*"', "", xmp)
        stream = pdf.make_stream(xmp.encode("utf-8"))
        stream.Type = pikepdf.Name.Metadata
        stream.Subtype = pikepdf.Name.XML
        pdf.Root.Metadata = stream
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def xmp_of(data: bytes) -> str:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return str(pdf.Root.Metadata.read_bytes().decode("utf-8"))
