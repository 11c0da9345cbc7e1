"""Quick dispositions (intake:quick): one button logs a short call as a contact without a
case."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.intake.forms import sign_started
from meldpunt.cases.intake.services import quick_contact_record
from meldpunt.cases.models import (
    Case,
    CaseNumberSequence,
    CaseSearchToken,
    Channel,
    Contact,
    Disposition,
    IntakeDraft,
)
from meldpunt.cases.services import case_create, contact_add
from meldpunt.lib import clock
from meldpunt.linking.models import EntityHash

pytestmark = pytest.mark.django_db
URL = reverse("intake:quick")


@pytest.fixture
def anna(advisor: User, verified_client: Callable[[User], Client]) -> Client:
    return verified_client(advisor)


@pytest.mark.parametrize(
    "disposition",
    [
        Disposition.SILENT,
        Disposition.HANG_UP,
        Disposition.ABUSIVE,
        Disposition.TEST,
        Disposition.WRONG_NUMBER,
    ],
)
def test_each_quick_disposition_logs_a_contact_without_a_case(
    anna: Client, advisor: User, disposition: str
) -> None:
    """The call counts as a phone contact with its plain columns (disposition, start, the
    duration the timer showed) and no case: no case number is used, nothing to search."""
    started = clock.now()
    response = anna.post(
        URL,
        {"disposition": disposition, "started": sign_started(started), "duration_seconds": "9"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:new")
    contact = Contact.objects.get()
    assert (contact.disposition, contact.channel, contact.staff, contact.case) == (
        disposition,
        Channel.PHONE,
        advisor,
        None,
    )
    assert (contact.started_at, contact.duration_seconds) == (started, 9)
    assert not Case.objects.exists()
    assert not CaseNumberSequence.objects.exists()
    assert not CaseSearchToken.objects.exists() and not EntityHash.objects.exists()


def test_the_advisor_sees_a_confirmation_and_todays_count(anna: Client, advisor: User) -> None:
    """After each quick contact the intake page confirms it and counts today's, per kind;
    no case number is mentioned."""
    for disposition in (Disposition.HANG_UP, Disposition.HANG_UP, Disposition.SILENT):
        response = anna.post(URL, {"disposition": disposition}, follow=True)
    html = response.content.decode()
    assert "Vastgelegd: stil, zonder zaak." in html
    assert "Vandaag heeft u 3 korte gesprekken vastgelegd" in html
    assert "opgehangen 2" in html and "stil 1" in html
    assert "zaak 20" not in html


def test_todays_count_leaves_out_yesterday_colleagues_and_cases(
    anna: Client, advisor: User, colleague: User
) -> None:
    """Only the advisor's own quick contacts of today count; a call on a case does not."""
    yesterday = clock.now() - timedelta(days=1)
    quick_contact_record(
        by=advisor, disposition=Disposition.SILENT, started_at=yesterday, duration_seconds=None
    )
    quick_contact_record(
        by=colleague, disposition=Disposition.SILENT, started_at=clock.now(), duration_seconds=3
    )
    contact_add(case=case_create(by=advisor), by=advisor, channel=Channel.PHONE, summary="x")
    html = anna.get(reverse("intake:new")).content.decode()
    assert "korte gesprek" not in html
    quick_contact_record(
        by=advisor, disposition=Disposition.TEST, started_at=clock.now(), duration_seconds=3
    )
    html = anna.get(reverse("intake:new")).content.decode()
    assert "Vandaag heeft u 1 kort gesprek vastgelegd" in html


def test_quick_contacts_are_not_found_by_search_nor_in_the_inbox(
    anna: Client, advisor: User
) -> None:
    """Search and the inbox list cases: a quick contact is in neither."""
    anna.post(URL, {"disposition": Disposition.WRONG_NUMBER}, follow=True)
    for words in ("verkeerd verbonden", "kort gesprek"):
        found = anna.post(reverse("search:cases"), {"q": words})
        assert found.context["page"].paginator.count == 0, words
    inbox = anna.get(reverse("cases:inbox")).content.decode()
    assert "Kort gesprek" not in inbox and "verkeerd verbonden" not in inbox


def test_the_quick_contact_is_audited_without_content(anna: Client, advisor: User) -> None:
    """One audit entry, naming the channel and the disposition only."""
    anna.post(URL, {"disposition": Disposition.ABUSIVE})
    event = AuditEvent.objects.get(action="contact.quick")
    assert (event.actor_id, event.case_id, event.object_type) == (advisor.pk, None, "contact")
    assert event.detail == {"channel": "phone", "disposition": "abusive"}


def test_what_was_typed_stays_a_draft(anna: Client, advisor: User) -> None:
    """If the caller hangs up mid-call, what was typed stays an unfinished call; the quick
    contact itself holds none of it."""
    draft = IntakeDraft.objects.create(
        staff=advisor,
        started_at=clock.now(),
        updated_at=clock.now(),
        data={"summary": ["Beller noemde een adres in Urk"]},
    )
    response = anna.post(
        URL, {"disposition": Disposition.HANG_UP, "draft": str(draft.pk)}, follow=True
    )
    assert Contact.objects.get().summary == ""
    assert IntakeDraft.objects.filter(pk=draft.pk).exists()
    html = response.content.decode()
    assert "Niet afgemaakte gesprekken" in html and "Beller noemde een adres in Urk" in html


def test_an_unknown_disposition_saves_nothing(anna: Client) -> None:
    """Only the five quick dispositions are accepted here."""
    response = anna.post(URL, {"disposition": Disposition.COMPLETED})
    assert response.status_code == 302
    assert not Case.objects.exists()


def test_get_is_not_allowed(anna: Client) -> None:
    assert anna.get(URL).status_code == 405


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_are_refused(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    """Analysts, municipality viewers and administrators get 403 and nothing is saved."""
    client = verified_client(request.getfixturevalue(role))
    assert client.post(URL, {"disposition": Disposition.SILENT}).status_code == 403
    assert not Contact.objects.exists()


def test_anonymous_visitor_goes_to_login(client: Client, db: None) -> None:
    response = client.post(URL, {"disposition": Disposition.SILENT})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
