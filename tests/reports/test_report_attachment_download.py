"""Downloading a web report's file: through the case access function, as an attachment."""

import pytest
from django.test import Client

from meldpunt.audit.models import AuditEvent
from meldpunt.reports.models import Attachment
from tests.reports.conftest import pdf_bytes
from tests.reports.staff_helpers import make_report

pytestmark = pytest.mark.django_db


def _url(case_id: int, attachment_id: int) -> str:
    return f"/medewerkers/meldingen/{case_id}/bijlagen/{attachment_id}/"


def test_advisor_downloads_decrypted_file_as_attachment(advisor, verified_client) -> None:  # type: ignore[no-untyped-def]
    """Anna gets the original bytes, never inline, not cached, and the access is audited."""
    case, _mailbox, _code = make_report()
    attachment = Attachment.objects.get()
    response = verified_client(advisor).get(_url(case.pk, attachment.pk))
    assert response.status_code == 200
    assert response.content == pdf_bytes()
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.headers["Cache-Control"]
    assert AuditEvent.objects.filter(action="attachment.download", actor=advisor).exists()
    assert AuditEvent.objects.filter(action="case.attachment", actor=advisor).exists()


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_get_403(who, request, verified_client) -> None:  # type: ignore[no-untyped-def]
    case, _mailbox, _code = make_report()
    user = request.getfixturevalue(who)
    response = verified_client(user).get(_url(case.pk, Attachment.objects.get().pk))
    assert response.status_code == 403


def test_anonymous_goes_to_login() -> None:
    case, _mailbox, _code = make_report()
    response = Client().get(_url(case.pk, Attachment.objects.get().pk))
    assert response.status_code == 302


def test_file_of_another_case_is_not_found(advisor, verified_client) -> None:  # type: ignore[no-untyped-def]
    case, _mailbox, _code = make_report(with_file=False)
    make_report()
    response = verified_client(advisor).get(_url(case.pk, Attachment.objects.get().pk))
    assert response.status_code == 404
