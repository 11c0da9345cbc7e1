"""Rebuilding an uploaded PDF from what its pages show, and nothing that can act.

A PDF can carry JavaScript and other actions at every level: the document (/OpenAction,
/AA, the /JavaScript name tree), each page (/AA), each annotation (links with /A, /AA)
and each form field (/AA, XFA forms), plus embedded files and rich media. Staff open
these files, so none of that may survive.

The new document is built from each page's content and resources only (size, rotation,
content streams, fonts, images). Annotations are not copied; what a visible one shows (a
filled-in field, a stamp, a comment box) is drawn into the page from its appearance
stream, so it stays readable but can no longer act. Then every object in the new file is
walked and any action, script, file or rich-media key that came along inside the
resources is removed, and objects nothing points to any more are dropped.
"""

import io
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    StreamObject,
)

# What a page keeps: what it shows and how it is laid out.
PAGE_KEYS = {
    "/Type",
    "/MediaBox",
    "/CropBox",
    "/BleedBox",
    "/TrimBox",
    "/ArtBox",
    "/Rotate",
    "/UserUnit",
    "/Resources",
    "/Contents",
    "/Group",
}
# Keys that make a PDF act, carry files or identify its maker; removed wherever they are.
ACTIVE_KEYS = {
    "/A",
    "/AA",
    "/OpenAction",
    "/JS",
    "/JavaScript",
    "/Names",
    "/EmbeddedFiles",
    "/EF",
    "/AcroForm",
    "/XFA",
    "/RichMediaContent",
    "/RichMediaSettings",
    "/Metadata",
    "/PieceInfo",
}
# A dictionary of one of these kinds is dropped where it is referred to; an action is
# also known by its /S (other dictionaries use /S too: transparency groups, soft masks).
ACTIVE_TYPES = {"/Action", "/Filespec", "/EmbeddedFile", "/RichMediaContent"}
ACTIONS = {
    "/GoTo",
    "/GoToR",
    "/GoToE",
    "/GoTo3DView",
    "/Launch",
    "/Thread",
    "/URI",
    "/Sound",
    "/Movie",
    "/Hide",
    "/Named",
    "/SubmitForm",
    "/ResetForm",
    "/ImportData",
    "/JavaScript",
    "/ECMAScript",
    "/SetOCGState",
    "/Rendition",
    "/Trans",
    "/RichMediaExecute",
}
ACTIVE_SUBTYPES = {"/RichMedia", "/Screen", "/Movie", "/Sound", "/FileAttachment", "/3D"}
# Annotations whose appearance is not drawn: links act, pop-ups only repeat a comment.
NOT_DRAWN = {"/Link", "/Popup", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"}
HIDDEN_FLAGS = 2 | 32  # Hidden, NoView
MAX_WALK_DEPTH = 200


def rebuild_pdf(data: bytes) -> bytes:
    """A new PDF with the pages' content only. Raises pypdf's errors on a broken file."""
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise ValueError("encrypted PDF")
    writer = PdfWriter()
    for source in reader.pages:
        drawn = _appearances(source)
        page = writer.add_page(source, excluded_keys=[k for k in source if k not in PAGE_KEYS])
        if drawn:
            _draw_appearances(writer, page, drawn)
    for number in range(len(writer._objects)):
        obj = writer._objects[number]
        if obj is not None:
            _scrub(obj, depth=0)
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _is_active(value: PdfObject) -> bool:
    obj = value.get_object()
    if not isinstance(obj, DictionaryObject):
        return False
    return (
        obj.get("/S") in ACTIONS
        or obj.get("/Type") in ACTIVE_TYPES
        or obj.get("/Subtype") in ACTIVE_SUBTYPES
    )


def _scrub(obj: PdfObject, *, depth: int) -> None:
    """Remove active keys and references to active dictionaries in ``obj`` and below it.

    Indirect objects are not followed: each is scrubbed on its own from the writer's list.
    """
    if depth > MAX_WALK_DEPTH:
        raise ValueError("PDF nested too deeply")
    if isinstance(obj, DictionaryObject):
        for key in list(obj):
            if key in ACTIVE_KEYS or _is_active(obj[key]):
                del obj[key]
            elif not isinstance(obj[key], IndirectObject):
                _scrub(obj[key], depth=depth + 1)
    elif isinstance(obj, ArrayObject):
        for index, item in enumerate(obj):
            if _is_active(item):
                obj[index] = NullObject()
            elif not isinstance(item, IndirectObject):
                _scrub(item, depth=depth + 1)


def _appearances(page: PageObject) -> list[tuple[StreamObject, list[float]]]:
    """The normal appearance of each visible annotation, with where it goes on the page."""
    drawn = []
    for ref in page.get("/Annots") or []:
        try:
            found = _appearance(ref.get_object())
        except (ValueError, TypeError, AttributeError, KeyError):
            # An annotation that cannot be read is only left out, like every annotation.
            continue
        if found is not None:
            drawn.append(found)
    return drawn


def _appearance(annot: PdfObject) -> tuple[StreamObject, list[float]] | None:
    if not isinstance(annot, DictionaryObject) or annot.get("/Subtype") in NOT_DRAWN:
        return None
    if int(annot.get("/F", 0)) & HIDDEN_FLAGS:
        return None
    normal = cast(DictionaryObject, (annot.get("/AP") or DictionaryObject()).get_object()).get("/N")
    stream = normal.get_object() if normal is not None else None
    if isinstance(stream, DictionaryObject) and not isinstance(stream, StreamObject):
        state = annot.get("/AS")
        stream = stream[state].get_object() if state in stream else None
    if not isinstance(stream, StreamObject) or "/BBox" not in stream:
        return None
    rect = [float(value) for value in cast(ArrayObject, annot["/Rect"])]
    if len(rect) != 4:
        return None
    placement = _placement(stream, rect)
    return (stream, placement) if placement is not None else None


def _placement(stream: StreamObject, rect: list[float]) -> list[float] | None:
    """The matrix that maps the appearance's box onto the annotation's rectangle.

    As PDF 32000 12.5.5: the box transformed by the appearance's own matrix is scaled and
    moved onto the rectangle.
    """
    x0, y0, x1, y1 = (float(v) for v in cast(ArrayObject, stream["/BBox"]))
    a, b, c, d, e, f = (float(v) for v in stream.get("/Matrix", [1, 0, 0, 1, 0, 0]))
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
    left, right = min(x for x, _ in corners), max(x for x, _ in corners)
    bottom, top = min(y for _, y in corners), max(y for _, y in corners)
    rx0, rx1 = sorted(rect[0::2])
    ry0, ry1 = sorted(rect[1::2])
    if right - left <= 0 or top - bottom <= 0:
        return None
    sx, sy = (rx1 - rx0) / (right - left), (ry1 - ry0) / (top - bottom)
    return [sx, 0, 0, sy, rx0 - sx * left, ry0 - sy * bottom]


def _content(writer: PdfWriter, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _draw_appearances(
    writer: PdfWriter, page: PageObject, drawn: list[tuple[StreamObject, list[float]]]
) -> None:
    """Draw each appearance as a form XObject after the page's own content."""
    resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
    xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
    drawing = b""
    for number, (stream, matrix) in enumerate(drawn):
        form = stream.clone(writer)
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        name = f"/MeldpuntAnnot{number}"
        xobjects[NameObject(name)] = form.indirect_reference or writer._add_object(form)
        numbers = " ".join(f"{value:.6f}" for value in matrix)
        drawing += f"q {numbers} cm {name} Do Q\n".encode()
    contents = page.get("/Contents")
    own = contents.get_object() if contents is not None else ArrayObject()
    parts = list(own) if isinstance(own, ArrayObject) else [contents]
    # The page's own content may leave the graphics state changed: q ... Q around it.
    page[NameObject("/Contents")] = ArrayObject(
        [_content(writer, b"q\n"), *parts, _content(writer, b"\nQ\n" + drawing)]
    )
