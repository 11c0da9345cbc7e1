"""The triage panel on the case page: suggestions per contact summary, with decisions."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from meldpunt.triage.services import triage_decide
from tests.triage.factories import case_with_contact, verified

pytestmark = pytest.mark.django_db

SUMMARY = (
    "Beller ziet elke ochtend een busje 12-KBB-3. De mannen werken zeven dagen per week in de "
    "kassen, krijgen contant betaald en de baas heeft hun paspoort afgepakt."
)


def render(case, user) -> str:
    return Template("{% include 'triage/_case_panel.html' %}").render(
        Context({"case": case, "user": verified(user)})
    )


def test_panel_highlights_and_suggests_the_form(advisor) -> None:
    """The summary comes back with marks, the signals with buttons and labour with reasons."""
    case, _ = case_with_contact(by=advisor, summary=SUMMARY)
    html = render(case, advisor)
    assert '<mark class="triage-mark">paspoort</mark>' in html
    assert "Arbeidsuitbuiting" in html
    assert reverse("triage:decide", args=[case.pk]) in html
    assert 'value="form:labour"' in html


def test_decided_items_show_their_decision(advisor) -> None:
    """An accepted signal shows "Overgenomen" instead of buttons."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    triage_decide(
        case=case, contact=contact, item="gen.documents_retained", accepted=True, by=advisor
    )
    html = render(case, advisor)
    assert "Overgenomen" in html
    assert 'value="gen.documents_retained"' not in html


def test_panel_costs_two_queries(advisor, django_assert_num_queries) -> None:
    """Contacts and decisions: two queries, however many contacts."""
    case, _ = case_with_contact(by=advisor, summary=SUMMARY)
    with django_assert_num_queries(2):
        render(case, advisor)


def test_panel_is_empty_for_analysts(advisor, analyst) -> None:
    """A user without case access gets nothing."""
    case, _ = case_with_contact(by=advisor, summary=SUMMARY)
    assert render(case, analyst).strip() == ""


def test_case_page_shows_both_panels(advisor, verified_client) -> None:
    """On the real case page, the triage panel and the related-cases panel appear."""
    case, _ = case_with_contact(by=advisor, summary=SUMMARY)
    case_with_contact(by=advisor, summary="Kenteken 12kbb3 gezien bij de loods.")
    html = verified_client(advisor).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Triage-assistent" in html
    assert "Gerelateerde zaken" in html
    assert "triage-mark" in html


def test_checklist_lets_an_advisor_add_any_signal(advisor) -> None:
    """Every indicator is on the checklist; an unticked one has an "add" button (not suggested)."""
    case, _ = case_with_contact(by=advisor, summary="")
    html = render(case, advisor)
    assert "Alle signalen (checklist)" in html
    assert html.count('name="item" value="crim.money_mule"') == 1
    assert 'name="suggested"' not in html


def test_signals_ticked_in_the_intake_show_as_accepted(advisor) -> None:
    """An indicator already on the contact shows "Overgenomen", in the suggestions too."""
    case, _ = case_with_contact(by=advisor, summary=SUMMARY, indicators=["gen.documents_retained"])
    html = render(case, advisor)
    assert 'value="gen.documents_retained"' not in html
    assert "Overgenomen" in html
