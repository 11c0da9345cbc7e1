"""Helpers for the web report tests: complete answers, images with GPS data, a filled form."""

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from pypdf import PdfWriter

from meldpunt.reports.steps import FILES, STEPS

# A report that asks for advice and that none of the urgency rules (cases.urgency) marks.
ANSWERS: dict[str, dict[str, str | list[str]]] = {
    "wie": {"reporter_role": "bystander"},
    "wat": {
        "description": "Bij de nagelstudio slapen vrouwen in de kelder en werken elke dag.",
        "exploitation": "labour",
        "wish": "advice",
    },
    "waar": {
        "municipality": "GM0995",
        "place": "Lelystad centrum",
        "address": "Stationsplein 1",
        "workplace": "Nagelstudio Glans",
        "when": "recent",
    },
    "personen": {
        "victim_count": "2-5",
        "minors": "no",
        "victim_age": "ongeveer 20",
        "victim_origin": "Vietnamees",
        "perpetrators": "Een man met een zwarte bestelbus.",
    },
    "kenmerken": {
        "phone_numbers": "06 12345678",
        "licence_plates": "VX-123-B",
        "addresses": "",
        "company_names": "Glans BV",
        "websites": "",
    },
    "contact": {"how_heard": "flyer", "contact_preference": "anonymous"},
}

GPS_LATITUDE = (52.0, 31.0, 5.0)


def jpeg_with_gps(size: tuple[int, int] = (32, 24)) -> bytes:
    """A JPEG carrying EXIF with GPS coordinates and a camera serial number."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make
    exif[0xA431] = "SERIAL-998877"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = GPS_LATITUDE
    gps[3] = "E"
    gps[4] = (5.0, 28.0, 30.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 255, 128)).save(out, format="PNG")
    return out.getvalue()


def pdf_bytes() -> bytes:
    """A one-page PDF whose document information names its author and software."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Jan Jansen", "/Producer": "Scanner SERIAL-556677"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def heic_with_exif() -> bytes:
    """An HEIC photo (as iPhones make them) carrying a camera serial number in EXIF."""
    exif = Image.Exif()
    exif[0xA431] = "SERIAL-HEIC-4455"  # BodySerialNumber
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 120, 10)).save(out, format="HEIF", exif=exif.tobytes())
    return out.getvalue()


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def fill_report(
    client: Client,
    answers: dict[str, dict[str, str | list[str]]] | None = None,
    files: list[SimpleUploadedFile] | None = None,
    prefix: str = "",
) -> None:
    """Walk every step with valid answers (and optional files) up to the check page."""
    answers = answers or ANSWERS
    for step in STEPS:
        url = f"{prefix}/melden/stap/{step.slug}/"
        if step.slug == FILES:
            data: dict[str, Any] = {"action": "next"}
            if files:
                data["files"] = files
            response = client.post(url, data)
        else:
            response = client.post(url, {**answers[step.slug], "action": "next"})
        assert response.status_code == 302, (step.slug, response.content[:2000])


def submit(client: Client, prefix: str = "") -> str:
    """Send the filled report; returns the receipt code (16 digits) read from the page."""
    response = client.post(f"{prefix}/melden/controleren/", {"homepage": ""})
    assert response.status_code == 200
    html = response.content.decode()
    marker = 'data-testid="receipt-code">'
    start = html.index(marker) + len(marker)
    return html[start : html.index("<", start)].replace(" ", "")


@pytest.fixture
def reporter() -> Client:
    """A member of the public: no account, their own browser session."""
    return Client()
