"""Checking and cleaning uploaded files before they are stored.

The type is decided by the content (magic bytes, then Pillow for images), never by the
file name or the browser's claim. Images are re-encoded from their pixels alone, so
EXIF (GPS position, camera serial number), XMP, ICC profiles and comments are gone;
HEIC photos (iPhones) are decoded with pillow-heif and stored as JPEG. PDFs are
rebuilt from their pages' content with pypdf (meldpunt/reports/pdf_clean.py): no
document information (author, creator software, dates), no XMP metadata, and nothing
that acts (JavaScript, actions, links, embedded files, forms, rich media).
"""

import contextlib
import ctypes
import io
import os
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()
_malloc_trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
# Niceness of the image thread: 10 leaves it about a tenth of a processor that other
# work wants.
IMAGE_NICENESS = 10

JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"
# ISO base media "ftyp" brands of HEIF/HEIC images, at bytes 4 to 12.
HEIF_BRANDS = {b"ftypheic", b"ftypheix", b"ftypheim", b"ftypheis", b"ftypmif1", b"ftypmsf1"}
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


class ImageTooLarge(UploadRefused):
    """The image has more pixels than may be decoded."""


def _yield_the_processor() -> None:
    """Lower this thread's scheduling priority, so pages and /healthz go first.

    Decoding runs outside the interpreter lock, so it competes with the request threads
    only for processor time; on Linux the nice value is per thread.
    """
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), IMAGE_NICENESS)


# Images are decoded here, one at a time per process (MELDPUNT_IMAGE_CONCURRENCY), never
# on a request thread: one image's pixels in memory at a time, and the memory the last
# image used is reused by the next instead of lingering in the allocator arenas of many
# threads. (The thread starts with the first image.)
_image_threads = ThreadPoolExecutor(
    max_workers=settings.MELDPUNT_IMAGE_CONCURRENCY,
    thread_name_prefix="image",
    initializer=_yield_the_processor,
)


def _strip_image(data: bytes, expected: str) -> bytes:
    """Decode, check and re-encode an image from its pixels only, on the image thread."""
    return _image_threads.submit(_clean_image_then_free, data, expected).result()


def _clean_image_then_free(data: bytes, expected: str) -> bytes:
    try:
        return _clean_image(data, expected)
    finally:
        # Here, after _clean_image has returned, its pixels have been freed.
        _give_memory_back()


def _decode_scale(image: Image.Image) -> int:
    """1, or the JPEG reduction (2 or 4) that brings the decoded pixels within the limit.

    Only the header has been read: this runs before any pixel is decoded.
    """
    limit = settings.MELDPUNT_IMAGE_MAX_PIXELS
    pixels = image.width * image.height
    if pixels <= limit:
        return 1
    # A baseline JPEG is decoded line by line straight at a half or a quarter of its size;
    # a progressive one needs all its coefficients at full size first.
    if image.format == "JPEG" and not image.info.get("progressive"):
        for scale in (2, 4):
            if pixels <= limit * scale * scale:
                return scale
    raise ImageTooLarge


def _clean_image(data: bytes, expected: str) -> bytes:
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb warning comes at 89 million pixels; the limit here is lower
            # and checked from the header (its error, at twice that, still counts).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != expected:
                    raise UploadRefused
                _decode_scale(probe)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                scale = _decode_scale(image)
                if scale > 1:
                    image.draft(image.mode, (image.width // scale, image.height // scale))
                    if image.width * image.height > settings.MELDPUNT_IMAGE_MAX_PIXELS:
                        raise ImageTooLarge
                image.load()
                clean = _pixels_only(image, expected)
        out = io.BytesIO()
        if expected in {"JPEG", "HEIF"}:
            clean.save(out, format="JPEG", quality=90)
        else:
            clean.save(out, format="PNG")
        return out.getvalue()
    except UploadRefused:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UploadRefused from exc


def _pixels_only(image: Image.Image, expected: str) -> Image.Image:
    """A new image with the (upright) pixels of ``image`` and nothing else.

    Each step lets go of the one before, so at most two copies of the pixels are held.
    """
    ImageOps.exif_transpose(image, in_place=True)
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
    if expected == "PNG" and has_alpha:
        mode = "RGBA"
    elif image.mode in {"L", "1"}:
        mode = "L"
    else:
        mode = "RGB"
    pixels = image.convert(mode)
    image.close()
    # A new image, given only the pixels, carries no metadata of the original.
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    pixels.close()
    return clean


def _give_memory_back() -> None:
    """Return the memory of the freed pixels to the system (glibc keeps it otherwise)."""
    if _malloc_trim is not None:
        _malloc_trim(0)


def clean_upload(upload: UploadedFile[bytes]) -> CleanFile:
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
        except ImageTooLarge:
            raise UploadRefused(
                _(
                    "%(name)s is te groot: de foto heeft te veel beeldpunten (pixels). "
                    "Een foto mag hoogstens %(megapixels)s miljoen beeldpunten hebben. "
                    "Maak de foto kleiner, of stuur een schermafbeelding van de foto."
                )
                % {"name": name, "megapixels": settings.MELDPUNT_IMAGE_MAX_PIXELS // 1_000_000}
            ) from None
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
    # Imported here, not at the top: pypdf costs every new process (each worker, each
    # management command) a noticeable part of its start-up, and few reports hold a PDF.
    from pypdf.errors import PyPdfError

    from meldpunt.reports.pdf_clean import rebuild_pdf

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
