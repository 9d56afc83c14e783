"""The PDF reportlab wrote, made tagged PDF/UA-1 and PDF/A-2b (with pikepdf, on qpdf).

reportlab draws the marked content (``pdf_tags``); what it cannot write is added here: the
structure tree (StructTreeRoot, one element per recorded node, ParentTree, StructParents on
pages and links, /Alt and /BBox of figures, Scope of header cells, /Lang of passages in
another language), MarkInfo, tab order, the sRGB output intent and the XMP metadata that
declares PDF/A-2b and PDF/UA-1 (with the extension schema PDF/A requires for ``pdfuaid``).

The output stays reproducible: every value written comes from the document (its title, its
dates as reportlab wrote them), and qpdf derives the file identifier from the content.
"""

from __future__ import annotations

import io
import re
from importlib.resources import files
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .pdf_tags import Node, TagRecorder, in_drawing_order

_STRUCT_ELEM = Name.StructElem
_MCR = Name.MCR
_OBJR = Name.OBJR
_LAYOUT = Name.Layout
_TABLE = Name.Table

_ICC = "sRGB.icc"
"""sRGB IEC61966-2.1 as LittleCMS builds it (Pillow's ``ImageCms.createProfile('sRGB')``;
«No copyright, use freely»), its creation date pinned."""


def finish(data: bytes, tags: TagRecorder, title: str, lang: str) -> bytes:
    """``data`` with its structure tree and PDF/A-2b + PDF/UA-1 identification."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _structure(pdf, tags)
        root = pdf.Root
        root.MarkInfo = Dictionary(Marked=True)
        root.Lang = String(lang)
        prefs = root.get("/ViewerPreferences", Dictionary())
        prefs.DisplayDocTitle = True
        root.ViewerPreferences = prefs
        _output_intent(pdf)
        _metadata(pdf, title, lang)
        out = io.BytesIO()
        # the structure tree's thousands of small objects packed into object streams
        # (PDF 1.5, allowed by PDF/A-2): written faster, and half the file
        pdf.save(
            out,
            deterministic_id=True,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
        return out.getvalue()


def _structure(pdf: pikepdf.Pdf, tags: TagRecorder) -> None:
    pages = [p.obj for p in pdf.pages]
    tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    parents: list[list[pikepdf.Object | None]] = [[None] * len(m) for m in tags.pages]
    while len(parents) < len(pages):
        parents.append([])
    links: list[tuple[pikepdf.Object, pikepdf.Object]] = []

    roles: dict[str, pikepdf.Object] = {}

    def element(node: Node, parent: pikepdf.Object) -> pikepdf.Object:
        # every entry but /K is known before the kids: one dictionary, one assignment after
        fields: dict[str, object] = {"/Type": _STRUCT_ELEM, "/P": parent}
        role = roles.get(node.role)
        if role is None:
            role = roles[node.role] = Name("/" + node.role)
        fields["/S"] = role
        page_of = next((k[0] for k in node.kids if type(k) is tuple and len(k) == 2), None)
        if page_of is not None:
            fields["/Pg"] = pages[page_of]
        attributes = []
        if node.bbox is not None:
            attributes.append(Dictionary(O=_LAYOUT, BBox=Array(list(node.bbox))))
        if node.scope is not None or node.span > 1:
            table = Dictionary(O=_TABLE)
            if node.scope is not None:
                table.Scope = Name("/" + node.scope)
            if node.span > 1:
                table.ColSpan = node.span
            attributes.append(table)
        if attributes:
            fields["/A"] = attributes[0] if len(attributes) == 1 else Array(attributes)
        if node.lang:
            fields["/Lang"] = String(node.lang)
        if node.alt is not None:
            fields["/Alt"] = String(node.alt)
        elem = pdf.make_indirect(Dictionary(fields))
        kids: list[object] = []
        for kid in node.kids:
            if type(kid) is Node:
                kids.append(element(kid, elem))
            elif len(kid) == 2:
                page, mcid = kid
                parents[page][mcid] = elem
                if page == page_of:
                    kids.append(mcid)
                else:
                    kids.append(Dictionary(Type=_MCR, Pg=pages[page], MCID=mcid))
            else:
                _, page, index = kid
                annot = pages[page].Annots[index]
                described = _link_text(annot, tags.titles.get(tags.targets.get((page, index), "")))
                if node.alt is None:
                    elem.Alt = String(described)
                if not str(annot.get("/Contents", "")):
                    annot.Contents = String(described)
                kids.append(Dictionary(Type=_OBJR, Obj=annot, Pg=pages[page]))
                links.append((annot, elem))
        elem.K = Array(kids)
        return elem

    in_drawing_order(tags.root)
    document = element(tags.root, tree)
    nums = Array()
    for index, page in enumerate(pages):
        if "/Trans" in page:
            del page.Trans  # reportlab's empty page transition: nothing for PDF/A to vet
        page.StructParents = index
        page.Tabs = Name.S
        nums.append(index)
        nums.append(pdf.make_indirect(Array(parents[index] if index < len(parents) else [])))
    key = len(pages)
    for annot, elem in links:
        annot.StructParent = key
        annot.F = 4  # printable (PDF/A)
        nums.append(key)
        nums.append(elem)
        key += 1
    tree.K = document
    tree.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree.ParentTreeNextKey = key
    pdf.Root.StructTreeRoot = tree


def _link_text(annot: pikepdf.Object, heading: str | None) -> str:
    """The description a link must carry (PDF/UA): the heading it goes to, or its address."""
    action = annot.get("/A")
    if action is not None and "/URI" in action:
        return str(action.URI)
    return heading or str(annot.get("/Contents", "")) or "Lenke"


def _output_intent(pdf: pikepdf.Pdf) -> None:
    icc = files(__package__).joinpath(_ICC).read_bytes()
    profile = pdf.make_stream(icc)
    profile.N = 3
    pdf.Root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                RegistryName=String("http://www.color.org"),
                Info=String("sRGB IEC61966-2.1"),
                DestOutputProfile=profile,
            )
        ]
    )


def _xmp_date(value: str) -> str:
    """«D:20260115000000+00'00'» → «2026-01-15T00:00:00+00:00» (the same instant in XMP)."""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:Z|([+-])(\d\d)'?(\d\d)'?)?", value)
    if m is None:
        return ""
    y, mo, d, h, mi, s, sign, zh, zm = m.groups()
    zone = f"{sign}{zh}:{zm}" if sign else "Z"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


def _metadata(pdf: pikepdf.Pdf, title: str, lang: str) -> None:
    info = pdf.docinfo

    def field(name: str) -> str:
        value = info.get("/" + name)
        return escape(str(value)) if value is not None else ""

    created = _xmp_date(str(info.get("/CreationDate", "")))
    modified = _xmp_date(str(info.get("/ModDate", ""))) or created
    info.Title = String(title)
    properties = [
        "<dc:format>application/pdf</dc:format>",
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>',
        f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>",
    ]
    if field("Author"):
        properties.append(
            f"<dc:creator><rdf:Seq><rdf:li>{field('Author')}</rdf:li></rdf:Seq></dc:creator>"
        )
    if field("Subject"):
        properties.append(
            f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{field("Subject")}</rdf:li></rdf:Alt></dc:description>'
        )
    if field("Keywords"):
        properties.append(f"<pdf:Keywords>{field('Keywords')}</pdf:Keywords>")
    if field("Producer"):
        properties.append(f"<pdf:Producer>{field('Producer')}</pdf:Producer>")
    if field("Creator"):
        properties.append(f"<xmp:CreatorTool>{field('Creator')}</xmp:CreatorTool>")
    if created:
        properties.append(f"<xmp:CreateDate>{created}</xmp:CreateDate>")
        properties.append(f"<xmp:ModifyDate>{modified}</xmp:ModifyDate>")
        properties.append(f"<xmp:MetadataDate>{modified}</xmp:MetadataDate>")
    properties += [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        _PDFUA_EXTENSION,
    ]
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
        ' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
        ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
        ' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\n'
        + "\n".join(properties)
        + "\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        + '<?xpacket end="w"?>'
    )
    stream = pdf.make_stream(packet.encode("utf-8"))
    stream.Type = Name.Metadata
    stream.Subtype = Name.XML
    pdf.Root.Metadata = stream


_PDFUA_EXTENSION = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>"""
"""PDF/A accepts only XMP properties it knows or that the file declares: this declares
``pdfuaid:part`` (the declaration LibreOffice 7.4 leaves out)."""
