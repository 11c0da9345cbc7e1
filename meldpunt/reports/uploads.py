"""Checking and cleaning uploaded files before they are stored.

The type is decided by the content (magic bytes, then Pillow for images), never by the
file name or the browser's claim. Images are re-encoded from their pixels alone, so
EXIF (GPS position, camera serial number), XMP, ICC profiles and comments are gone;
HEIC photos (iPhones) are decoded with pillow-heif and stored as JPEG. PDFs are
rebuilt from their pages' content with pypdf (meldpunt/reports/pdf_clean.py): no
document information (author, creator software, dates), no XMP metadata, and nothing
that acts (JavaScript, actions, links, embedded files, forms, rich media).
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener
from pypdf.errors import PyPdfError

from meldpunt.reports.pdf_clean import rebuild_pdf

register_heif_opener()

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"
# ISO base media "ftyp" brands of HEIF/HEIC images, at bytes 4 to 12.
HEIF_BRANDS = {b"ftypheic", b"ftypheix", b"ftypheim", b"ftypheis", b"ftypmif1", b"ftypmsf1"}
# Larger images are refused rather than decoded (decompression bombs).
MAX_PIXELS = 60_000_000

ACCEPT = "image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf"


class UploadRefused(ValueError):
    """The file is not stored; the message says why in the reporter's language."""


@dataclass(frozen=True)
class CleanFile:
    name: str
    content_type: str
    data: bytes


def _safe_name(original: str, extension: str) -> str:
    stem = PurePath(original.replace("\\", "/")).stem.strip()[:80] or _("bestand")
    return f"{stem}.{extension}"


def _strip_image(data: bytes, expected: str) -> bytes:
    """Decode, check and re-encode an image from its pixels only."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != expected:
                    raise UploadRefused
                if probe.width * probe.height > MAX_PIXELS:
                    raise UploadRefused
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image)
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise UploadRefused from exc
    has_alpha = upright.mode in {"RGBA", "LA", "PA"} or "transparency" in upright.info
    if expected == "PNG" and has_alpha:
        mode = "RGBA"
    elif upright.mode in {"L", "1"}:
        mode = "L"
    else:
        mode = "RGB"
    pixels = upright.convert(mode)
    # A new image built from raw pixel bytes carries no metadata of the original.
    clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    if expected in {"JPEG", "HEIF"}:
        clean.save(out, format="JPEG", quality=90)
    else:
        clean.save(out, format="PNG")
    return out.getvalue()


def clean_upload(upload: UploadedFile) -> CleanFile:
    """The file as it may be stored, or UploadRefused with a message for the reporter."""
    max_bytes = settings.MELDPUNT_ATTACHMENT_MAX_BYTES
    name = upload.name or ""
    if upload.size is None or upload.size > max_bytes:
        raise UploadRefused(
            _("%(name)s is te groot. Een bestand mag hoogstens %(mb)s MB zijn.")
            % {"name": name, "mb": max_bytes // (1024 * 1024)}
        )
    data = b"".join(upload.chunks())
    refused = UploadRefused(
        _("%(name)s is geen foto (JPEG, PNG of HEIC) of PDF, of het bestand is beschadigd.")
        % {"name": name}
    )
    kind = _image_kind(data)
    if kind:
        try:
            cleaned = _strip_image(data, kind)
        except UploadRefused:
            raise refused from None
        extension, content_type = ("png", "image/png") if kind == "PNG" else ("jpg", "image/jpeg")
        return CleanFile(_safe_name(name, extension), content_type, cleaned)
    if data.startswith(PDF_MAGIC) and b"%%EOF" in data[-2048:]:
        try:
            cleaned = _strip_pdf(data)
        except UploadRefused:
            raise refused from None
        return CleanFile(_safe_name(name, "pdf"), "application/pdf", cleaned)
    raise refused


def _image_kind(data: bytes) -> str | None:
    """Pillow's format name for the image types we accept, by their first bytes."""
    if data.startswith(JPEG_MAGIC):
        return "JPEG"
    if data.startswith(PNG_MAGIC):
        return "PNG"
    if data[4:12] in HEIF_BRANDS:
        return "HEIF"
    return None


def _strip_pdf(data: bytes) -> bytes:
    """The pages' content in a new document; refused if pypdf cannot read it."""
    try:
        return rebuild_pdf(data)
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
        RecursionError,
    ) as exc:
        raise UploadRefused from exc
