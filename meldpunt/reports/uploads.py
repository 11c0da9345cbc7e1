"""Checking and cleaning uploaded files before they are stored.

The type is decided by the content (magic bytes, then Pillow for images), never by the
file name or the browser's claim. Images are re-encoded from their pixels alone, so
EXIF (GPS position, camera serial number), XMP, ICC profiles and comments are gone.
HEIC is not accepted: Pillow cannot read it without a compiled extra library.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"
# Larger images are refused rather than decoded (decompression bombs).
MAX_PIXELS = 60_000_000

ACCEPT = "image/jpeg,image/png,application/pdf"


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
    if expected == "JPEG":
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
        _("%(name)s is geen foto (JPEG of PNG) of PDF, of het bestand is beschadigd.")
        % {"name": name}
    )
    if data.startswith(JPEG_MAGIC) or data.startswith(PNG_MAGIC):
        kind = "JPEG" if data.startswith(JPEG_MAGIC) else "PNG"
        try:
            cleaned = _strip_image(data, kind)
        except UploadRefused:
            raise refused from None
        extension, content_type = ("jpg", "image/jpeg") if kind == "JPEG" else ("png", "image/png")
        return CleanFile(_safe_name(name, extension), content_type, cleaned)
    if data.startswith(PDF_MAGIC) and b"%%EOF" in data[-2048:]:
        return CleanFile(_safe_name(name, "pdf"), "application/pdf", data)
    raise refused
