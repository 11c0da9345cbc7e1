"""The reports app's access functions: staff reach a mailbox and a file within a case they
opened; a reporter reaches a mailbox with its code or their session, and a file only in
that mailbox's thread. Everyone else gets the same AccessDenied as for an unknown id."""

import pytest
from django.conf import settings

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.lib import clock
from meldpunt.lib.access import AccessDenied
from meldpunt.reports.models import Attachment, Mailbox
from meldpunt.reports.selectors import (
    access_attachment,
    access_attachment_for_mailbox,
    access_mailbox,
    access_mailbox_for_receipt,
    access_mailbox_for_session,
)
from meldpunt.reports.services import mailbox_post
from meldpunt.reports.uploads import CleanFile
from tests.reports.conftest import png_bytes
from tests.reports.staff_helpers import make_report
from tests.triage.factories import verified

pytestmark = pytest.mark.django_db


def _photo_in(mailbox: Mailbox) -> Attachment:
    """A photo the reporter sent through ``mailbox``."""
    photo = CleanFile(name="foto.png", content_type="image/png", data=png_bytes())
    message = mailbox_post(mailbox=mailbox, text="Hier is een foto.", files=[photo])
    return message.attachments.get()


def _opened(mailbox: Mailbox, *, seconds_ago: float = 0) -> dict[str, float]:
    """What the reporter's session holds for a mailbox opened ``seconds_ago``."""
    return {"id": mailbox.pk, "seen": clock.now().timestamp() - seconds_ago}


def test_access_mailbox_gives_staff_a_mailbox_of_the_case_only(
    advisor: User, analyst: User
) -> None:
    """Anna gets the mailbox of the case; a mailbox of another case, and Ali (analyst) for
    this one, get AccessDenied."""
    case, mailbox, _code = make_report(with_file=False)
    _other_case, other_mailbox, _other_code = make_report(with_file=False)
    assert access_mailbox(verified(advisor), mailbox.pk, case=case, audit=None) == mailbox
    with pytest.raises(AccessDenied):
        access_mailbox(verified(advisor), other_mailbox.pk, case=case, audit=None)
    with pytest.raises(AccessDenied):
        access_mailbox(verified(analyst), mailbox.pk, case=case, audit=None)


def test_access_attachment_gives_staff_a_file_of_the_case_only(
    coordinator: User, administrator: User
) -> None:
    """Cor (coordinator) gets a file of the case, with the named entry; a file of another
    case, and Ad (administrator) for this one, get AccessDenied."""
    case, _mailbox, _code = make_report()
    other_case, _other_mailbox, _other_code = make_report()
    own = Attachment.objects.get(case=case)
    other = Attachment.objects.get(case=other_case)
    found = access_attachment(verified(coordinator), own.pk, case=case, audit="attachment.download")
    assert found == own
    assert AuditEvent.objects.filter(action="attachment.download", case=case).count() == 1
    with pytest.raises(AccessDenied):
        access_attachment(verified(coordinator), other.pk, case=case, audit=None)
    with pytest.raises(AccessDenied):
        access_attachment(verified(administrator), own.pk, case=case, audit=None)


def test_access_mailbox_for_receipt_opens_with_the_right_code_only() -> None:
    """Sam's code opens Sam's mailbox; a wrong code and a malformed one get AccessDenied."""
    _case, mailbox, code = make_report(with_file=False)
    assert access_mailbox_for_receipt(code) == mailbox
    wrong = str((int(code) + 1) % 10**16).zfill(16)
    for guess in (wrong, "not a code"):
        with pytest.raises(AccessDenied):
            access_mailbox_for_receipt(guess)


def test_access_mailbox_for_session_holds_while_the_mailbox_is_in_use() -> None:
    """Sam's session reaches the mailbox it opened; a session without one, one idle too
    long, and one whose mailbox is gone get AccessDenied."""
    _case, mailbox, _code = make_report(with_file=False)
    assert access_mailbox_for_session(_opened(mailbox)) == mailbox
    idle = settings.MELDPUNT_MAILBOX_IDLE_SECONDS + 1
    gone = {"id": mailbox.pk + 1000, "seen": clock.now().timestamp()}
    for opened in (None, _opened(mailbox, seconds_ago=idle), gone):
        with pytest.raises(AccessDenied):
            access_mailbox_for_session(opened)


def test_access_attachment_for_mailbox_gives_files_of_that_thread_only() -> None:
    """Sam gets the photo in Sam's thread; Kim (another reporter) and a visitor without an
    open mailbox get AccessDenied, as Sam does for a file of the report itself."""
    case, sams, _code = make_report()
    _other_case, kims, _other_code = make_report(with_file=False)
    photo = _photo_in(sams)
    assert access_attachment_for_mailbox(sams, photo.pk) == photo
    report_file = Attachment.objects.get(case=case, message__isnull=True)
    for mailbox, attachment_id in ((kims, photo.pk), (None, photo.pk), (sams, report_file.pk)):
        with pytest.raises(AccessDenied):
            access_attachment_for_mailbox(mailbox, attachment_id)
