"""The attachments step: files checked by content, metadata stripped, limits kept."""

import io
import struct
import threading
import zlib

import pytest
from django.test import Client, override_settings
from PIL import Image, ImageFile
from pypdf import PdfReader

from meldpunt.lib.crypto import decrypt_bytes
from meldpunt.reports.models import Attachment
from meldpunt.reports.services import ATTACHMENT_PURPOSE
from tests.reports.conftest import heic_with_exif, jpeg_with_gps, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def _post(client: Client, *files) -> str:  # type: ignore[no-untyped-def]
    response = client.post("/melden/stap/bijlagen/", {"files": list(files), "action": "next"})
    return response.content.decode() if response.status_code == 200 else ""


def test_gps_and_camera_serial_are_stripped_and_file_stored_encrypted(reporter: Client) -> None:
    """A JPEG with GPS coordinates and a serial number is stored without any EXIF, encrypted."""
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    _post(reporter, upload("foto.jpg", original))
    stored = Attachment.objects.get()
    assert b"SERIAL-998877" not in bytes(stored.data)
    plain = decrypt_bytes(bytes(stored.data), purpose=ATTACHMENT_PURPOSE)
    assert b"SERIAL-998877" not in plain
    assert b"Exif" not in plain
    image = Image.open(io.BytesIO(plain))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(0x8825) == {}
    assert stored.content_type == "image/jpeg"


def test_text_file_named_jpg_is_refused_with_its_name(reporter: Client) -> None:
    """The type comes from the content: a text file called .jpg is refused and named."""
    html = _post(reporter, upload("vakantie.jpg", b"just some text, not a picture"))
    assert "vakantie.jpg is geen foto" in html
    assert not Attachment.objects.exists()


def test_png_and_pdf_are_accepted(reporter: Client) -> None:
    _post(reporter, upload("a.png", png_bytes(), "image/png"), upload("b.pdf", pdf_bytes()))
    assert sorted(Attachment.objects.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]


def test_heic_photo_is_stored_as_jpeg_without_metadata(reporter: Client) -> None:
    """An iPhone photo (HEIC) is accepted, re-encoded as JPEG, its EXIF serial gone."""
    original = heic_with_exif()
    assert b"SERIAL-HEIC-4455" in original
    _post(reporter, upload("IMG_0001.HEIC", original, "image/heic"))
    stored = Attachment.objects.get()
    plain = decrypt_bytes(bytes(stored.data), purpose=ATTACHMENT_PURPOSE)
    assert b"SERIAL-HEIC-4455" not in plain
    assert Image.open(io.BytesIO(plain)).format == "JPEG"
    assert (stored.content_type, stored.name) == ("image/jpeg", "IMG_0001.jpg")


def test_pdf_is_stored_without_author_and_software(reporter: Client) -> None:
    """A PDF keeps its pages but loses the document information (author, producer)."""
    original = pdf_bytes()
    assert b"Jan Jansen" in original
    _post(reporter, upload("brief.pdf", original, "application/pdf"))
    plain = decrypt_bytes(bytes(Attachment.objects.get().data), purpose=ATTACHMENT_PURPOSE)
    assert b"Jan Jansen" not in plain
    assert b"SERIAL-556677" not in plain
    assert len(PdfReader(io.BytesIO(plain)).pages) == 1


def test_good_files_are_kept_when_another_is_refused(reporter: Client) -> None:
    """One bad file does not lose the good ones sent with it."""
    html = _post(reporter, upload("goed.png", png_bytes()), upload("fout.jpg", b"nope"))
    assert "fout.jpg" in html
    assert Attachment.objects.count() == 1
    assert "goed.png" in reporter.get("/melden/stap/bijlagen/").content.decode()


@override_settings(MELDPUNT_ATTACHMENT_MAX_BYTES=1000)
def test_too_large_file_is_refused(reporter: Client) -> None:
    html = _post(reporter, upload("groot.pdf", pdf_bytes() + b" " * 2000))
    assert "groot.pdf is te groot" in html
    assert not Attachment.objects.exists()


@override_settings(MELDPUNT_ATTACHMENT_MAX_FILES=2)
def test_no_more_than_the_maximum_number_of_files(reporter: Client) -> None:
    html = _post(reporter, *[upload(f"{i}.png", png_bytes()) for i in range(3)])
    assert "hoogstens 2 bestanden" in html
    assert Attachment.objects.count() == 2


def test_added_file_can_be_removed(reporter: Client) -> None:
    _post(reporter, upload("weg.png", png_bytes()))
    attachment = Attachment.objects.get()
    reporter.post("/melden/stap/bijlagen/", {"remove": [attachment.pk], "action": "next"})
    assert not Attachment.objects.exists()


def _png_of_zeros(width: int, height: int) -> bytes:
    """A grey PNG of width x height black pixels, written by hand: a few dozen kilobytes
    that decode to width x height bytes, like a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    packer = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter type 0, then the pixels
    compressed = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[int, int]]]:
    """Every image Pillow decodes: the thread it is decoded on, and its size."""
    seen: list[tuple[str, tuple[int, int]]] = []
    loaded: list[ImageFile.ImageFile] = []  # held, so no two of them share an id
    load = ImageFile.ImageFile.load

    def watched(image: ImageFile.ImageFile):  # type: ignore[no-untyped-def]
        # Pillow calls load() again before each operation; the first call decodes.
        if all(image is not other for other in loaded):
            loaded.append(image)
            seen.append((threading.current_thread().name, image.size))
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", watched)
    return seen


def test_image_with_too_many_pixels_is_refused_before_decoding(
    reporter: Client, decoded: list[tuple[str, tuple[int, int]]]
) -> None:
    """A small PNG of 7,700 x 7,700 pixels (59 million, the limit is 25 million) is refused
    with a message that says why, and not one pixel of it is decoded."""
    bomb = _png_of_zeros(7700, 7700)
    assert len(bomb) < 100_000
    html = _post(reporter, *[upload(f"bom{i}.png", bomb, "image/png") for i in range(5)])
    assert "bom0.png is te groot: de foto heeft te veel beeldpunten" in html
    assert "hoogstens 25 miljoen beeldpunten" in html
    assert "bom4.png is te groot" in html
    assert decoded == []
    assert not Attachment.objects.exists()


def test_images_are_decoded_on_the_image_thread(
    reporter: Client, decoded: list[tuple[str, tuple[int, int]]]
) -> None:
    """A photo is decoded on the process's image thread, never on a request thread."""
    _post(reporter, upload("foto.jpg", jpeg_with_gps()))
    assert Attachment.objects.count() == 1
    assert [name.rsplit("_", 1)[0] for name, _size in decoded] == ["image"]


@override_settings(MELDPUNT_IMAGE_MAX_PIXELS=10_000)
def test_large_photo_is_decoded_at_a_smaller_size(
    reporter: Client, decoded: list[tuple[str, tuple[int, int]]]
) -> None:
    """A (baseline) JPEG over the limit is decoded at half its size, which fits, and is
    stored at that size."""
    _post(reporter, upload("groot.jpg", jpeg_with_gps(size=(200, 150))))
    plain = decrypt_bytes(bytes(Attachment.objects.get().data), purpose=ATTACHMENT_PURPOSE)
    assert Image.open(io.BytesIO(plain)).size == (100, 75)
    assert [size for _name, size in decoded] == [(100, 75)]


@override_settings(MELDPUNT_IMAGE_MAX_PIXELS=10_000)
def test_large_progressive_photo_is_refused(reporter: Client) -> None:
    """A progressive JPEG cannot be decoded at a smaller size without its full size in
    memory first: over the limit, it is refused."""
    out = io.BytesIO()
    Image.new("RGB", (200, 150), (1, 2, 3)).save(out, format="JPEG", progressive=True)
    html = _post(reporter, upload("groot.jpg", out.getvalue()))
    assert "groot.jpg is te groot: de foto heeft te veel beeldpunten" in html
    assert not Attachment.objects.exists()


@override_settings(MELDPUNT_ATTACHMENT_MAX_FILES=2)
def test_one_draft_cannot_be_refilled_without_end(reporter: Client) -> None:
    """Removing the files and adding new ones again and again would make the server check
    files without end on one draft: after twice the maximum (here 4) nothing more is
    checked, with a message that says why; the files ticked to go still go."""
    _post(reporter, upload("1.png", png_bytes()), upload("2.png", png_bytes()))
    for round_ in range(2):
        ids = list(Attachment.objects.values_list("pk", flat=True))
        files = [upload(f"{round_}-{i}.png", png_bytes()) for i in range(2)]
        response = reporter.post(
            "/melden/stap/bijlagen/", {"remove": ids, "files": files, "action": "next"}
        )
    html = response.content.decode()
    assert "1-0.png is niet toegevoegd: u heeft voor deze melding al te veel bestanden" in html
    assert "1-1.png is niet toegevoegd" in html
    assert not Attachment.objects.exists()


def test_files_of_another_draft_cannot_be_removed(reporter: Client) -> None:
    other = Client()
    _post(other, upload("van-een-ander.png", png_bytes()))
    theirs = Attachment.objects.get()
    reporter.post("/melden/stap/bijlagen/", {"remove": [theirs.pk], "action": "next"})
    assert Attachment.objects.filter(pk=theirs.pk).exists()
