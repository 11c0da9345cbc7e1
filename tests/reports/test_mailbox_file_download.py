"""A reporter downloads files of their own mailbox thread, and only while that mailbox is open."""

from datetime import timedelta

import pytest
from django.test import Client

from meldpunt.cases.models import Case, Channel
from meldpunt.cases.services import contact_add
from meldpunt.lib import clock
from meldpunt.lib.crypto import encrypt_bytes
from meldpunt.reports.models import Attachment, MailboxMessage, MailboxSender
from meldpunt.reports.services import ATTACHMENT_PURPOSE, mailbox_open_for_contact, mailbox_reply
from tests.reports.conftest import fill_report, pdf_bytes, png_bytes, submit, upload

pytestmark = pytest.mark.django_db


def _url(attachment: Attachment) -> str:
    return f"/melden/postbus/bijlage/{attachment.pk}/"


def _open(code: str) -> Client:
    """A browser in which the mailbox of ``code`` has just been opened."""
    visitor = Client()
    assert visitor.post("/melden/postbus/", {"code": code}).status_code == 302
    return visitor


def _report_with_message(files: list | None = None) -> tuple[str, Attachment]:  # type: ignore[type-arg]
    """A web report (with a file of its own) whose reporter then sends a photo by mailbox."""
    reporter = Client()
    fill_report(reporter, files=files or [upload("rapport.pdf", pdf_bytes(), "application/pdf")])
    code = submit(reporter)
    visitor = _open(code)
    response = visitor.post(
        "/melden/postbus/bericht/",
        {"text": "Hier is een foto.", "files": [upload("foto.png", png_bytes(), "image/png")]},
    )
    assert response.status_code == 302
    return code, Attachment.objects.filter(message__sender=MailboxSender.REPORTER).latest("id")


@pytest.fixture
def own() -> tuple[str, Attachment]:
    """Sam's report: the receipt code and the photo Sam sent through the mailbox."""
    return _report_with_message()


def test_reporter_downloads_own_upload_as_attachment_not_cached(own) -> None:  # type: ignore[no-untyped-def]
    """Sam, with the mailbox open, gets the stored file as a download that is never cached."""
    code, photo = own
    response = _open(code).get(_url(photo))
    assert response.status_code == 200
    assert response.content.startswith(b"\x89PNG")
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "foto.png" in response.headers["Content-Disposition"]
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_mailbox_page_links_each_file_without_the_code(own) -> None:  # type: ignore[no-untyped-def]
    """The thread shows a plain link per file (works without JavaScript); no code in any URL."""
    code, photo = own
    html = _open(code).get("/melden/postbus/").content.decode()
    assert f'href="{_url(photo)}"' in html
    assert 'data-testid="mailbox-file-hint"' in html
    assert code not in html


def test_reporter_downloads_a_file_staff_attached_to_a_reply(own, advisor) -> None:  # type: ignore[no-untyped-def]
    """A file on a reply from the meldpunt belongs to the thread, so Sam may download it."""
    code, _photo = own
    case = Case.objects.get()
    reply = mailbox_reply(case=case, mailbox=case.mailboxes.get(), by=advisor, text="Zie bijlage.")
    data = pdf_bytes()
    staff_file = Attachment.objects.create(
        case=case,
        message=reply,
        content_type="application/pdf",
        size=len(data),
        created_at=clock.now(),
        name="informatie.pdf",
        data=encrypt_bytes(data, purpose=ATTACHMENT_PURPOSE),
    )
    visitor = _open(code)
    assert f'href="{_url(staff_file)}"' in visitor.get("/melden/postbus/").content.decode()
    response = visitor.get(_url(staff_file))
    assert response.status_code == 200
    assert response.content == data


def test_visitor_without_an_open_mailbox_gets_404_without_content(own) -> None:  # type: ignore[no-untyped-def]
    """Someone who only knows the link, not the code, gets nothing."""
    _code, photo = own
    response = Client().get(_url(photo))
    assert response.status_code == 404
    assert b"PNG" not in response.content
    assert "Content-Disposition" not in response.headers


def test_another_reporter_cannot_download_the_file(own) -> None:  # type: ignore[no-untyped-def]
    """Kim, with her own mailbox open, cannot reach Sam's file by changing the number."""
    _sam_code, sams_photo = own
    kim_code, kims_photo = _report_with_message()
    kim = _open(kim_code)
    assert kim.get(_url(kims_photo)).status_code == 200
    response = kim.get(_url(sams_photo))
    assert response.status_code == 404
    assert b"PNG" not in response.content


def test_other_mailbox_on_the_same_case_cannot_download_the_file(own) -> None:  # type: ignore[no-untyped-def]
    """A second mailbox of the same case (a chat that went on by mail) sees only its own thread."""
    _code, photo = own
    case = Case.objects.get()
    _mailbox, chat_code = mailbox_open_for_contact(
        contact=contact_add(case=case, by=None, channel=Channel.CHAT)
    )
    assert _open(chat_code).get(_url(photo)).status_code == 404


def test_file_sent_with_the_report_itself_is_not_in_the_thread(own) -> None:  # type: ignore[no-untyped-def]
    """Files of the original report are not part of the mailbox thread: 404 for the reporter."""
    code, _photo = own
    report_file = Attachment.objects.get(message__isnull=True)
    assert _open(code).get(_url(report_file)).status_code == 404


def test_after_closing_the_mailbox_the_file_is_gone(own) -> None:  # type: ignore[no-untyped-def]
    """'Postbus sluiten' ends access in this browser at once."""
    code, photo = own
    visitor = _open(code)
    visitor.post("/melden/postbus/sluiten/")
    assert visitor.get(_url(photo)).status_code == 404


def test_idle_mailbox_no_longer_gives_the_file(own, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """After the idle time the mailbox is closed, so the download is refused."""
    code, photo = own
    visitor = _open(code)
    later = clock.now() + timedelta(minutes=16)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert visitor.get(_url(photo)).status_code == 404


def test_code_in_the_url_opens_nothing(own) -> None:  # type: ignore[no-untyped-def]
    """The receipt code in the query string is ignored: still 404."""
    code, photo = own
    assert Client().get(f"{_url(photo)}?code={code}").status_code == 404


def test_download_is_get_only(own) -> None:  # type: ignore[no-untyped-def]
    code, photo = own
    assert _open(code).post(_url(photo)).status_code == 405
    assert MailboxMessage.objects.count() == 1
