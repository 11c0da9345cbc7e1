"""The referral pages: who may open each, the preview, saving, printing, the PDF, follow-up."""

import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import CaseStatus
from meldpunt.lib import clock
from meldpunt.referrals.models import Referral

from .conftest import ADDRESS, COMPANY, REPORTER_PHONE, SUMMARY, VICTIM_NAME, keys

pytestmark = pytest.mark.django_db
NO_CASE_ACCESS = ["analyst", "municipality_viewer", "administrator"]


def form_data(case, inspectorate, *names: str, **extra: str) -> dict:  # type: ignore[no-untyped-def]
    consent_at = clock.now().astimezone().strftime("%Y-%m-%dT%H:%M")
    return {
        "partner": inspectorate.pk,
        "reason": "Signalen van arbeidsuitbuiting in de kassen.",
        "urgency": "high",
        "shared_fields": keys(case, *names),
        "consent_given": "yes",
        "consent_by": "victim",
        "consent_how": "phone",
        "consent_at": consent_at,
        "follow_up": "on",
        **extra,
    }


@pytest.fixture
def referral(advisor, verified_client, labour_case, inspectorate) -> Referral:  # type: ignore[no-untyped-def]
    verified_client(advisor).post(
        reverse("referrals:new", args=[labour_case.pk]),
        form_data(labour_case, inspectorate, "workplace.address", "workplace.company", "summary"),
    )
    return Referral.objects.get()


def urls(referral: Referral) -> list[tuple[str, str]]:
    case = referral.case
    victim = case.persons.get(role="victim")
    return [
        ("get", reverse("referrals:partners")),
        ("get", reverse("referrals:new", args=[case.pk])),
        ("post", reverse("referrals:new", args=[case.pk])),
        ("get", reverse("referrals:detail", args=[referral.pk])),
        ("post", reverse("referrals:status", args=[referral.pk])),
        ("post", reverse("referrals:feedback", args=[referral.pk])),
        ("get", reverse("referrals:print", args=[referral.pk])),
        ("get", reverse("referrals:pdf", args=[referral.pk])),
        ("get", reverse("referrals:registration", args=[victim.pk])),
        ("post", reverse("referrals:registration", args=[victim.pk])),
    ]


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_advisors_and_coordinators_may_open_every_referral_page(  # type: ignore[no-untyped-def]
    role, request, verified_client, referral
):
    client = verified_client(request.getfixturevalue(role))
    for method, url in urls(referral):
        if method == "get":
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", NO_CASE_ACCESS)
def test_roles_without_case_access_are_refused_everywhere(role, request, verified_client, referral):  # type: ignore[no-untyped-def]
    """Analysts, municipalities and administrators get 403 on every page, GET and POST,
    and no referral content."""
    client = verified_client(request.getfixturevalue(role))
    for method, url in [*urls(referral), ("get", reverse("referrals:export"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
        assert SUMMARY not in response.content.decode()


def test_anonymous_visitors_go_to_the_login(referral):  # type: ignore[no-untyped-def]
    for method, url in urls(referral):
        response = getattr(Client(), method)(url)
        assert response.status_code == 302
        assert "/medewerkers/inloggen/" in response["Location"]


def test_advisor_may_not_export_the_registration(advisor, verified_client):  # type: ignore[no-untyped-def]
    client = verified_client(advisor)
    assert client.get(reverse("referrals:export")).status_code == 403
    assert client.post(reverse("referrals:export"), {}).status_code == 403


def test_preview_shows_only_the_chosen_fields_and_saves_nothing(  # type: ignore[no-untyped-def]
    advisor, verified_client, labour_case, inspectorate
):
    response = verified_client(advisor).post(
        reverse("referrals:new", args=[labour_case.pk]),
        {**form_data(labour_case, inspectorate, "workplace.company", "summary"), "preview": "1"},
    )
    assert response.status_code == 200
    preview = response.content.decode().split('id="voorbeeld"')[1]
    assert COMPANY in preview
    assert SUMMARY in preview
    assert ADDRESS not in preview
    assert VICTIM_NAME not in preview
    assert REPORTER_PHONE not in preview
    assert not Referral.objects.exists()


def test_saving_moves_the_case_and_shows_the_referral(advisor, verified_client, referral):  # type: ignore[no-untyped-def]
    referral.case.refresh_from_db()
    assert referral.case.status == CaseStatus.REFERRED
    page = verified_client(advisor).get(reverse("cases:detail", args=[referral.case.pk]))
    html = page.content.decode()
    assert referral.reference in html
    assert "doorverwijzing gemaakt" in html  # the referral's timeline on the case page
    # The button stays: a second referral is possible.
    assert reverse("referrals:new", args=[referral.case.pk]) in html


def test_bad_input_keeps_what_was_typed(advisor, verified_client, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    data = form_data(labour_case, inspectorate, "summary", consent_how="", reason="Mijn reden")
    response = verified_client(advisor).post(reverse("referrals:new", args=[labour_case.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies hoe de toestemming is gegeven." in html
    assert "Mijn reden" in html
    assert not Referral.objects.exists()


def test_printable_page_and_pdf_hold_only_the_chosen_fields(advisor, verified_client, referral):  # type: ignore[no-untyped-def]
    """Workplace and summary, case number and reference; not the victim nor the reporter."""
    client = verified_client(advisor)
    page = client.get(reverse("referrals:print", args=[referral.pk])).content.decode()
    response = client.get(reverse("referrals:pdf", args=[referral.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    flat = " ".join(text.split())
    for shown in (page, flat):
        assert referral.case.number in shown
        assert referral.reference in shown
        assert COMPANY in shown
        assert ADDRESS in shown
        assert "Zes arbeiders slapen in de loods" in shown
        assert VICTIM_NAME not in shown
        assert REPORTER_PHONE not in shown
        assert "Els" not in shown.replace("Elsewhere", "")
    assert list(
        AuditEvent.objects.filter(
            case=referral.case, action__in=["referral.print", "referral.download"]
        )
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["referral.print", "referral.download"]


def test_pdf_keeps_dutch_letters(advisor, verified_client, labour_case, inspectorate):  # type: ignore[no-untyped-def]
    client = verified_client(advisor)
    client.post(
        reverse("referrals:new", args=[labour_case.pk]),
        form_data(labour_case, inspectorate, reason="Geïnformeerd over ruïne; één café ‘hier’"),
    )
    referral = Referral.objects.get()
    pdf = client.get(reverse("referrals:pdf", args=[referral.pk])).content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Geïnformeerd over ruïne; één café 'hier'" in " ".join(text.split())


def test_feedback_is_recorded_through_the_page(advisor, verified_client, referral):  # type: ignore[no-untyped-def]
    client = verified_client(advisor)
    today = clock.today().isoformat()
    response = client.post(
        reverse("referrals:status", args=[referral.pk]), {"status": "received", "on": today}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("referrals:feedback", args=[referral.pk]),
        {"text": "Controle uitgevoerd, zaak loopt.", "on": today},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "feedback"
    html = client.get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "Controle uitgevoerd, zaak loopt." in html


def test_a_bad_feedback_date_is_explained(advisor, verified_client, referral):  # type: ignore[no-untyped-def]
    tomorrow = (clock.today() + timedelta(days=2)).isoformat()
    response = verified_client(advisor).post(
        reverse("referrals:feedback", args=[referral.pk]), {"text": "Iets", "on": tomorrow}
    )
    assert response.status_code == 400
    assert "De datum kan niet in de toekomst liggen." in response.content.decode()


def test_inbox_lists_referrals_waiting_past_their_date(advisor, verified_client, referral):  # type: ignore[no-untyped-def]
    """Not before the feedback date; after it, with case number and partner (no content)."""
    client = verified_client(advisor)
    link = reverse("referrals:detail", args=[referral.pk])
    assert link not in client.get(reverse("cases:inbox")).content.decode()
    Referral.objects.filter(pk=referral.pk).update(feedback_due=clock.today() - timedelta(days=1))
    html = client.get(reverse("cases:inbox")).content.decode()
    assert link in html
    assert "Nederlandse Arbeidsinspectie" in html
    assert SUMMARY not in html


def test_the_audit_log_shows_the_referral_steps(coordinator, verified_client, referral):  # type: ignore[no-untyped-def]
    """The coordinator's audit log reads the referral's entries (field keys included)."""
    client = verified_client(coordinator)
    client.get(reverse("referrals:pdf", args=[referral.pk]))
    response = client.get(reverse("cases:audit"), {"case_number": referral.case.number})
    assert response.status_code == 200
    html = response.content.decode()
    assert "doorverwijzing gemaakt" in html
    assert "samenvatting doorverwijzing gedownload (pdf)" in html
    assert "gedeelde velden" in html


def test_a_strange_case_number_in_the_directory_link_is_ignored(advisor, verified_client):  # type: ignore[no-untyped-def]
    """Only ASCII digits make a link back ("²" counts as a digit for str.isdigit)."""
    response = verified_client(advisor).get(reverse("referrals:partners"), {"zaak": "²"})
    assert response.status_code == 200
    assert "Terug naar de zaak" not in response.content.decode()


def test_more_referrals_do_not_mean_more_queries_on_the_case_page(  # type: ignore[no-untyped-def]
    advisor, verified_client, referral, inspectorate, django_assert_num_queries
):
    client = verified_client(advisor)
    url = reverse("cases:detail", args=[referral.case.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as baseline:
        client.get(url)
    # Counted now: every request starts a new query log.
    expected = len(baseline)
    for _ in range(3):
        client.post(
            reverse("referrals:new", args=[referral.case.pk]),
            form_data(referral.case, inspectorate, "summary"),
        )
        client.get(reverse("referrals:pdf", args=[Referral.objects.latest("id").pk]))
    assert Referral.objects.count() == 4
    with django_assert_num_queries(expected):
        client.get(url)


def test_preview_of_an_empty_form_explains_and_saves_nothing(advisor, verified_client, labour_case):  # type: ignore[no-untyped-def]
    """No partner, no consent, nothing ticked: the preview still shows, sharing nothing."""
    response = verified_client(advisor).post(
        reverse("referrals:new", args=[labour_case.pk]), {"preview": "1", "consent_given": "yes"}
    )
    assert response.status_code == 200
    preview = response.content.decode().split('id="voorbeeld"')[1]
    assert "nog geen partner gekozen" in preview
    assert "Er zijn geen gegevens van de zaak gedeeld." in preview
    assert not Referral.objects.exists()
