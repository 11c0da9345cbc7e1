"""The phone intake screen (intake:new, :save, :find_case): who may use it, saving a call,
drafts and bad input."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.intake.forms import sign_started
from meldpunt.cases.models import (
    Case,
    CaseKind,
    Channel,
    Contact,
    Disposition,
    IntakeDraft,
    Location,
    Person,
    Task,
    Urgency,
)
from meldpunt.cases.search.selectors import CaseQuery, case_search
from meldpunt.cases.services import case_create, contact_add
from meldpunt.lib import clock

pytestmark = pytest.mark.django_db
URL = reverse("intake:new")
SAVE_URL = reverse("intake:save")
FIND_URL = reverse("intake:find_case")


def call(**extra: object) -> dict[str, object]:
    """A filled-in form as the browser sends it."""
    data: dict[str, object] = {
        "started": sign_started(clock.now()),
        "draft": "",
        "summary": "Buurman ziet arbeiders die in de loods slapen",
        "reporter_role": "bystander",
        "anonymous": "on",
        "municipality": "GM0303",
        "exploitation": "labour",
        "indicators": ["lab.passport_withheld"],
        "urgency": "normal",
        "victim_age_group": "unknown",
        "victim_minor": "",
        "victim_gender": "unknown",
        "location_kind": "other",
        "location_municipality": "unknown",
        "how_heard": "flyer",
        "kind": "advies",
        "existing_case": "",
        "duration_seconds": "42",
    }
    data.update(extra)
    return data


@pytest.fixture
def anna(advisor: User, verified_client: Callable[[User], Client]) -> Client:
    return verified_client(advisor)


def test_advisor_sees_the_screen_with_summary_focused(anna: Client) -> None:
    """An advisor gets the screen; the summary has autofocus and the quick buttons show keys."""
    response = anna.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="summary"' in html and "autofocus" in html
    assert "Alt+1" in html and 'accesskey="1"' in html


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_are_refused(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    """Analysts, municipality viewers and administrators get 403 on the screen, save and find."""
    client = verified_client(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.post(SAVE_URL, call()).status_code == 403
    assert client.post(FIND_URL, call()).status_code == 403
    assert not IntakeDraft.objects.exists()
    assert not Contact.objects.exists()


def test_the_screen_is_shown_by_get_and_saved_or_searched_by_post(anna: Client) -> None:
    """Each action has its own URL and method; any other method is refused with 405."""
    assert anna.post(URL, call()).status_code == 405
    assert anna.get(SAVE_URL).status_code == 405
    assert anna.get(FIND_URL).status_code == 405
    assert not Contact.objects.exists()


def test_anonymous_visitor_goes_to_login(client: Client, db: None) -> None:
    """Without a login the screen redirects to the login page."""
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_saving_a_call_creates_case_contact_and_goes_to_the_case(
    anna: Client, advisor: User
) -> None:
    """A valid call becomes a contact on a new advies case; the browser goes to the case."""
    response = anna.post(SAVE_URL, call())
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", kwargs={"case_id": case.pk})
    contact = case.contacts.get()
    assert contact.channel == Channel.PHONE
    assert contact.disposition == Disposition.COMPLETED
    assert contact.staff == advisor
    assert contact.how_heard == "flyer"
    assert contact.indicators == ["lab.passport_withheld"]
    assert contact.duration_seconds == 42
    assert case.kind == CaseKind.ADVICE
    assert case.municipality == "GM0303"
    assert case.title == "Buurman ziet arbeiders die in de loods slapen"
    assert list(case_search(CaseQuery(text="loods"))) == [case]


def test_call_records_its_language_and_interpreter(anna: Client) -> None:
    """A call held in Polish through an interpreter says so; without a choice it was Dutch."""
    anna.post(SAVE_URL, call(language="pl", interpreter="on"))
    contact = Case.objects.get().contacts.get()
    assert (contact.language, contact.interpreter) == ("pl", True)


def test_call_without_language_was_in_dutch(anna: Client) -> None:
    anna.post(SAVE_URL, call())
    contact = Case.objects.get().contacts.get()
    assert (contact.language, contact.interpreter) == ("nl", False)


def test_victim_place_and_task_are_saved_and_searchable(anna: Client, advisor: User) -> None:
    """Optional victim, place and follow-up task become rows on the case, all in the index."""
    response = anna.post(
        SAVE_URL,
        call(
            kind="melding",
            victim_minor="yes",
            victim_name="Oksana",
            victim_language="Oekraïens",
            location_kind="workplace",
            location_address="Kasweg 12",
            location_postcode="1234 ab",
            location_company="Tuinderij Zonnig",
            task_description="Terugbellen over adres",
            task_due="2030-01-15",
            task_assignee=str(advisor.pk),
        ),
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.kind == CaseKind.REPORT and case.assessment_due is not None
    person = Person.objects.get()
    assert (person.name, person.is_minor, person.role) == ("Oksana", True, "victim")
    place = Location.objects.get()
    assert (place.postcode, place.company_name) == ("1234 AB", "Tuinderij Zonnig")
    task = Task.objects.get()
    assert (task.assignee, str(task.due_date)) == (advisor, "2030-01-15")
    for words in ("oksana", "tuinderij zonnig", "1234AB", "terugbellen adres"):
        assert list(case_search(CaseQuery(text=words))) == [case]
    actions = set(AuditEvent.objects.filter(case=case).values_list("action", flat=True))
    assert {"case.create", "contact.create", "person.create", "location.create"} <= actions
    assert "task.create" in actions


def test_a_task_due_in_the_past_is_refused_at_its_field_and_nothing_is_lost(
    anna: Client,
) -> None:
    """Same rule as a task added on the case page: today or later, never a day gone by."""
    yesterday = timezone.localdate() - timedelta(days=1)
    response = anna.post(
        SAVE_URL,
        call(task_description="Terugbellen", task_due=yesterday.isoformat()),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze datum is al voorbij. Kies vandaag of een latere dag." in html
    assert "Buurman ziet arbeiders die in de loods slapen" in html
    assert not Case.objects.exists() and not Task.objects.exists()
    assert IntakeDraft.objects.get().data["task_description"] == ["Terugbellen"]


def test_saving_deletes_the_draft(anna: Client, advisor: User) -> None:
    """The draft of this call is gone once the call is saved."""
    draft = IntakeDraft.objects.create(
        staff=advisor, started_at=clock.now(), updated_at=clock.now(), data={"summary": ["x"]}
    )
    anna.post(SAVE_URL, call(draft=str(draft.pk)))
    assert not IntakeDraft.objects.exists()


def test_bad_input_is_explained_and_kept_as_draft(anna: Client) -> None:
    """Callback ticked without details: 400, a message at the field, the text kept and drafted."""
    response = anna.post(SAVE_URL, call(callback_allowed="on", callback_details=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Schrijf op hoe en wanneer we kunnen terugbellen." in html
    assert "Buurman ziet arbeiders die in de loods slapen" in html
    assert not Case.objects.exists()
    draft = IntakeDraft.objects.get()
    assert draft.data["summary"] == ["Buurman ziet arbeiders die in de loods slapen"]


def test_missing_summary_is_refused(anna: Client) -> None:
    """A call needs a summary; quick dispositions are for calls without one."""
    response = anna.post(SAVE_URL, call(summary=""))
    assert response.status_code == 400
    assert "Schrijf kort op waar het gesprek over ging." in response.content.decode()


def test_call_on_an_existing_case_raises_its_urgency(anna: Client, advisor: User) -> None:
    """A contact added to an existing case; a higher urgency is taken over, nothing else."""
    case = case_create(by=advisor, municipality="GM0034")
    response = anna.post(SAVE_URL, call(existing_case=str(case.pk), urgency=Urgency.HIGH))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.contacts.count() == 1
    assert Case.objects.count() == 1
    assert case.urgency == Urgency.HIGH
    assert case.municipality == "GM0034"


def test_an_existing_case_that_is_gone_is_an_error_at_the_field(anna: Client) -> None:
    """Choosing a case that no longer exists explains it; nothing is saved."""
    response = anna.post(SAVE_URL, call(existing_case="999999"))
    assert response.status_code == 400
    assert "Die zaak bestaat niet (meer)." in response.content.decode()
    assert not Contact.objects.exists()


def test_find_without_javascript_lists_cases_and_keeps_the_input(
    anna: Client, advisor: User
) -> None:
    """The "Zoek zaak" button shows matching cases as choices; the typed call stays."""
    case = case_create(by=advisor)
    contact_add(case=case, by=advisor, channel=Channel.PHONE, summary="Kapsalon aan de Markt")
    response = anna.post(FIND_URL, call(case_query="kapsalon"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{case.pk}"' in html and case.number in html
    assert "Buurman ziet arbeiders" in html
    assert IntakeDraft.objects.count() == 1


def test_drafts_are_offered_and_resumed(anna: Client, advisor: User, colleague: User) -> None:
    """Unfinished drafts are listed; resuming fills the form. A colleague's draft is not shown."""
    mine = IntakeDraft.objects.create(
        staff=advisor,
        started_at=clock.now(),
        updated_at=clock.now(),
        data={"summary": ["Onafgemaakt gesprek"], "exploitation": ["sexual"]},
    )
    IntakeDraft.objects.create(
        staff=colleague,
        started_at=clock.now(),
        updated_at=clock.now(),
        data={"summary": ["Van Bram"]},
    )
    html = anna.get(URL).content.decode()
    assert "Onafgemaakt gesprek" in html and "Van Bram" not in html
    resumed = anna.get(URL, {"concept": mine.pk}).content.decode()
    assert "Onafgemaakt gesprek</textarea>" in resumed
    assert 'value="sexual" class="utrecht-radio-button utrecht-radio-button--html-input"' in resumed
    other = IntakeDraft.objects.get(staff=colleague)
    assert anna.get(URL, {"concept": other.pk}).status_code == 404


def test_unticked_checkbox_in_a_draft_stays_unticked(anna: Client, advisor: User) -> None:
    """A draft without "anonymous" (unticked) does not fall back to the ticked default."""
    draft = IntakeDraft.objects.create(
        staff=advisor, started_at=clock.now(), updated_at=clock.now(), data={"summary": ["x"]}
    )
    html = anna.get(URL, {"concept": draft.pk}).content.decode()
    anonymous = re.search(r'<input[^>]*id="id_anonymous"[^>]*>', html)
    assert anonymous is not None
    assert "checked" not in anonymous.group()


def test_without_the_script_the_minutes_typed_are_the_duration(anna: Client) -> None:
    """No timer (no script): the advisor's minutes are saved as the duration."""
    anna.post(SAVE_URL, call(duration_seconds="", duration_minutes="3"))
    assert Contact.objects.get().duration_seconds == 180


def test_no_timer_and_no_minutes_leaves_the_duration_unknown(anna: Client) -> None:
    """Nothing shown, nothing saved: not the time since the form was opened."""
    started = sign_started(clock.now() - timedelta(minutes=10))
    anna.post(SAVE_URL, call(started=started, duration_seconds=""))
    assert Contact.objects.get().duration_seconds is None


def test_the_screen_offers_the_timer_and_the_minutes_field(anna: Client) -> None:
    """The timer (shown by the script, with its keyboard shortcut) and the minutes field
    for when the script does not run."""
    html = anna.get(URL).content.decode()
    assert 'id="intake-timer"' in html and "Alt+T" in html
    assert 'name="duration_minutes"' in html
    assert html.count('name="duration_seconds"') == 2
