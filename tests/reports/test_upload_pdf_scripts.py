"""An uploaded PDF reaches staff with its pages' content and nothing that can act.

Each hostile PDF is made here with pypdf: JavaScript and other actions at document, page,
annotation and form-field level, links that run scripts or programs, the JavaScript and
embedded-files name trees, an XFA form, rich media, a file attachment, and scripts
hidden in the page's resources. After cleaning, every object of the output is walked:
none of those keys, kinds or strings is left, and the page's text still reads.
"""

import io
from collections.abc import Callable, Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from meldpunt.reports.uploads import clean_upload

PAGE_TEXT = "Loonstrook maart 2026"
SCRIPT = "app.alert('meldpunt')"
# Written out here, not taken from the code under test: keys that would make the cleaned
# file act, carry a file or keep an interactive form, and the kinds of such objects.
SCRIPT_KEYS = {"/JS", "/JavaScript", "/AA", "/OpenAction", "/A"}
FILE_KEYS = {"/Names", "/EmbeddedFiles", "/EF", "/RichMediaContent", "/RichMediaSettings"}
FORM_KEYS = {"/AcroForm", "/XFA", "/Annots", "/Outlines"}
FORBIDDEN_KEYS = SCRIPT_KEYS | FILE_KEYS | FORM_KEYS
ACTION_KINDS = {"/JavaScript", "/Launch", "/URI", "/SubmitForm", "/Action"}
OBJECT_KINDS = {"/RichMedia", "/EmbeddedFile", "/Filespec", "/FileAttachment", "/Link", "/Widget"}
FORBIDDEN_NAMES = ACTION_KINDS | OBJECT_KINDS
FORBIDDEN_TEXT = [SCRIPT.encode(), b"calc.exe", b"evil.exe", b"MZ-payload", b"evil.example"]


def _name(value: str) -> NameObject:
    return NameObject(value)


def _dict(**entries: PdfObject) -> DictionaryObject:
    return DictionaryObject({_name(f"/{key}"): value for key, value in entries.items()})


def _stream(writer: PdfWriter, data: bytes, **entries: PdfObject) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.update({_name(f"/{key}"): value for key, value in entries.items()})
    stream.set_data(data)
    return writer._add_object(stream)


def _rect(*values: float) -> ArrayObject:
    return ArrayObject([FloatObject(v) for v in values])


def _script(writer: PdfWriter) -> IndirectObject:
    return writer._add_object(
        _dict(Type=_name("/Action"), S=_name("/JavaScript"), JS=TextStringObject(SCRIPT))
    )


def _font(writer: PdfWriter) -> DictionaryObject:
    helvetica = _dict(Type=_name("/Font"), Subtype=_name("/Type1"), BaseFont=_name("/Helvetica"))
    return _dict(F1=writer._add_object(helvetica))


def _text(text: str, x: int = 20, y: int = 200) -> bytes:
    return f"BT /F1 12 Tf {x} {y} Td ({text}) Tj ET".encode()


def _appearance(writer: PdfWriter, text: str) -> DictionaryObject:
    """An appearance stream that shows ``text``, as a filled-in field or a stamp has."""
    form = _stream(
        writer,
        _text(text, 2, 6),
        Type=_name("/XObject"),
        Subtype=_name("/Form"),
        BBox=_rect(0, 0, 120, 20),
        Resources=_dict(Font=_font(writer)),
    )
    return _dict(N=form)


def _annotate(writer: PdfWriter, page: PageObject, annotation: DictionaryObject) -> None:
    annotation.update({_name("/Type"): _name("/Annot")})
    annotation.setdefault(_name("/Rect"), _rect(20, 100, 140, 120))
    annots = page.setdefault(_name("/Annots"), ArrayObject())
    annots.append(writer._add_object(annotation))


def open_action(writer: PdfWriter, page: PageObject) -> None:
    writer._root_object[_name("/OpenAction")] = _script(writer)


def document_aa(writer: PdfWriter, page: PageObject) -> None:
    writer._root_object[_name("/AA")] = _dict(WC=_script(writer), DP=_script(writer))


def names_javascript(writer: PdfWriter, page: PageObject) -> None:
    tree = _dict(Names=ArrayObject([TextStringObject("start"), _script(writer)]))
    writer._root_object[_name("/Names")] = _dict(JavaScript=writer._add_object(tree))


def names_embedded_files(writer: PdfWriter, page: PageObject) -> None:
    payload = _stream(writer, b"MZ-payload", Type=_name("/EmbeddedFile"))
    spec = _dict(Type=_name("/Filespec"), F=TextStringObject("evil.exe"), EF=_dict(F=payload))
    tree = _dict(Names=ArrayObject([TextStringObject("evil.exe"), writer._add_object(spec)]))
    writer._root_object[_name("/Names")] = _dict(EmbeddedFiles=writer._add_object(tree))


def outline_script(writer: PdfWriter, page: PageObject) -> None:
    item = writer._add_object(_dict(Title=TextStringObject("Begin"), A=_script(writer)))
    writer._root_object[_name("/Outlines")] = writer._add_object(
        _dict(Type=_name("/Outlines"), First=item, Last=item, Count=NumberObject(1))
    )


def page_aa(writer: PdfWriter, page: PageObject) -> None:
    page[_name("/AA")] = _dict(O=_script(writer), C=_script(writer))


def link_script(writer: PdfWriter, page: PageObject) -> None:
    _annotate(writer, page, _dict(Subtype=_name("/Link"), A=_script(writer)))


def link_launch(writer: PdfWriter, page: PageObject) -> None:
    launch = _dict(
        S=_name("/Launch"),
        F=TextStringObject("calc.exe"),
        Win=_dict(F=TextStringObject("calc.exe")),
    )
    _annotate(writer, page, _dict(Subtype=_name("/Link"), A=launch))


def link_uri(writer: PdfWriter, page: PageObject) -> None:
    uri = _dict(S=_name("/URI"), URI=TextStringObject("https://evil.example/track"))
    _annotate(writer, page, _dict(Subtype=_name("/Link"), A=uri))


def annotation_aa(writer: PdfWriter, page: PageObject) -> None:
    stamp = _dict(Subtype=_name("/Stamp"), AA=_dict(E=_script(writer), X=_script(writer)))
    stamp[_name("/AP")] = _appearance(writer, "ONTVANGEN")
    _annotate(writer, page, stamp)


def form_field_scripts(writer: PdfWriter, page: PageObject) -> None:
    field = _dict(
        Subtype=_name("/Widget"),
        FT=_name("/Tx"),
        T=TextStringObject("naam"),
        V=TextStringObject("INGEVULD"),
        AA=_dict(K=_script(writer), F=_script(writer), V=_script(writer), C=_script(writer)),
        A=_dict(S=_name("/SubmitForm"), F=TextStringObject("https://evil.example/")),
    )
    field[_name("/AP")] = _appearance(writer, "INGEVULD")
    _annotate(writer, page, field)
    xfa = _stream(writer, f"<xdp:xdp><script>{SCRIPT}</script></xdp:xdp>".encode())
    writer._root_object[_name("/AcroForm")] = _dict(
        Fields=ArrayObject([page["/Annots"][-1]]), XFA=xfa, NeedAppearances=NumberObject(1)
    )


def rich_media(writer: PdfWriter, page: PageObject) -> None:
    asset = _stream(writer, b"MZ-payload", Type=_name("/EmbeddedFile"))
    content = _dict(
        Type=_name("/RichMediaContent"),
        Assets=_dict(Names=ArrayObject([TextStringObject("evil.exe"), asset])),
    )
    settings = _dict(Type=_name("/RichMediaSettings"))
    _annotate(
        writer,
        page,
        _dict(Subtype=_name("/RichMedia"), RichMediaContent=content, RichMediaSettings=settings),
    )


def file_attachment(writer: PdfWriter, page: PageObject) -> None:
    payload = _stream(writer, b"MZ-payload", Type=_name("/EmbeddedFile"))
    spec = _dict(Type=_name("/Filespec"), F=TextStringObject("evil.exe"), EF=_dict(F=payload))
    _annotate(writer, page, _dict(Subtype=_name("/FileAttachment"), FS=writer._add_object(spec)))


def hidden_in_resources(writer: PdfWriter, page: PageObject) -> None:
    """A form XObject the page draws, with actions and a file tucked into its dictionary."""
    payload = _stream(writer, b"MZ-payload", Type=_name("/EmbeddedFile"))
    spec = _dict(Type=_name("/Filespec"), F=TextStringObject("evil.exe"), EF=_dict(F=payload))
    form = _stream(
        writer,
        _text("Stempel", 0, 0),
        Type=_name("/XObject"),
        Subtype=_name("/Form"),
        BBox=_rect(0, 0, 100, 20),
        Resources=_dict(Font=_font(writer)),
        AA=_dict(O=_script(writer)),
        OpenAction=_script(writer),
        Attached=writer._add_object(spec),
    )
    resources = page["/Resources"]
    resources[_name("/XObject")] = _dict(X0=form)
    content = page["/Contents"].get_object()
    content.set_data(content.get_data() + b" q 1 0 0 1 20 150 cm /X0 Do Q")


HOSTILE: list[Callable[[PdfWriter, PageObject], None]] = [
    open_action,
    document_aa,
    names_javascript,
    names_embedded_files,
    outline_script,
    page_aa,
    link_script,
    link_launch,
    link_uri,
    annotation_aa,
    form_field_scripts,
    rich_media,
    file_attachment,
    hidden_in_resources,
]


def hostile_pdf(*features: Callable[[PdfWriter, PageObject], None]) -> bytes:
    """A one-page PDF with readable text and the given hostile parts."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=300)
    page[_name("/Resources")] = _dict(Font=_font(writer))
    page[_name("/Contents")] = _stream(writer, _text(PAGE_TEXT))
    for feature in features:
        feature(writer, page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _clean(data: bytes) -> bytes:
    return clean_upload(SimpleUploadedFile("brief.pdf", data, "application/pdf")).data


def every_object(data: bytes) -> Iterator[PdfObject]:
    """Every object in the file: the trailer, each numbered object, and all inside them."""
    reader = PdfReader(io.BytesIO(data))
    stack: list[PdfObject] = [reader.trailer]
    for generation, numbers in reader.xref.items():
        stack += [IndirectObject(number, generation, reader) for number in numbers]
    stack += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    seen: set[tuple[int, int]] = set()
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        yield obj
        if isinstance(obj, DictionaryObject):
            stack += list(obj.keys()) + list(obj.values())
        elif isinstance(obj, ArrayObject):
            stack += list(obj)


def assert_inert(data: bytes) -> None:
    for obj in every_object(data):
        if isinstance(obj, DictionaryObject):
            assert not FORBIDDEN_KEYS & set(obj.keys()), obj
        if isinstance(obj, NameObject):
            assert obj not in FORBIDDEN_NAMES, obj
        if isinstance(obj, StreamObject | TextStringObject):
            raw = obj.get_data() if isinstance(obj, StreamObject) else obj.encode()
            assert not [text for text in FORBIDDEN_TEXT if text in raw], raw
    for text in FORBIDDEN_TEXT:
        assert text not in data


@pytest.mark.parametrize("feature", HOSTILE, ids=lambda feature: feature.__name__)
def test_hostile_part_is_gone_and_the_page_still_reads(feature) -> None:  # type: ignore[no-untyped-def]
    """Each hostile part on its own: present before, nowhere after; the text remains."""
    original = hostile_pdf(feature)
    with pytest.raises(AssertionError):
        assert_inert(original)
    cleaned = _clean(original)
    assert_inert(cleaned)
    assert PAGE_TEXT in PdfReader(io.BytesIO(cleaned)).pages[0].extract_text()


def test_all_hostile_parts_at_once() -> None:
    cleaned = _clean(hostile_pdf(*HOSTILE))
    assert_inert(cleaned)
    text = PdfReader(io.BytesIO(cleaned)).pages[0].extract_text()
    assert PAGE_TEXT in text
    assert "Stempel" in text


def test_what_an_annotation_shows_is_drawn_into_the_page() -> None:
    """A filled-in field and a stamp stay readable: their appearance becomes page content."""
    cleaned = _clean(hostile_pdf(form_field_scripts, annotation_aa))
    assert_inert(cleaned)
    text = PdfReader(io.BytesIO(cleaned)).pages[0].extract_text()
    assert "INGEVULD" in text
    assert "ONTVANGEN" in text


def test_hidden_annotations_are_not_drawn() -> None:
    """An annotation flagged hidden shows nothing in a viewer, so nothing is drawn."""

    def hidden_stamp(writer: PdfWriter, page: PageObject) -> None:
        stamp = _dict(Subtype=_name("/Stamp"), F=NumberObject(2))
        stamp[_name("/AP")] = _appearance(writer, "VERBORGEN")
        _annotate(writer, page, stamp)

    cleaned = _clean(hostile_pdf(hidden_stamp))
    assert "VERBORGEN" not in PdfReader(io.BytesIO(cleaned)).pages[0].extract_text()


def test_an_unreadable_annotation_is_left_out_and_the_file_kept() -> None:
    """A broken annotation (odd flags, a three-number rectangle) is dropped like any other;
    the file is not refused for it."""

    def broken_stamp(writer: PdfWriter, page: PageObject) -> None:
        stamp = _dict(Subtype=_name("/Stamp"), F=_name("/Odd"), Rect=_rect(1, 2, 3))
        stamp[_name("/AP")] = _appearance(writer, "KAPOT")
        _annotate(writer, page, stamp)

    cleaned = _clean(hostile_pdf(broken_stamp, link_script))
    assert_inert(cleaned)
    text = PdfReader(io.BytesIO(cleaned)).pages[0].extract_text()
    assert PAGE_TEXT in text
    assert "KAPOT" not in text
