"""related_cases: one row per other case sharing entities, with the kinds that matched and,
for a user who may open that case, the matching values; nothing for other roles."""

import pytest
from django.template import Context, Template

from meldpunt.cases.models import Channel
from meldpunt.linking import selectors
from meldpunt.linking.selectors import related_cases
from tests.triage.factories import at, case_with_contact, verified

pytestmark = pytest.mark.django_db


def _report_then_call(advisor, report: str, call: str):  # type: ignore[no-untyped-def]
    """A web report on day 2, then a call on day 3."""
    report_case, _ = case_with_contact(
        by=advisor, channel=Channel.WEB_REPORT, started_at=at(2), summary=report
    )
    call_case, _ = case_with_contact(by=advisor, started_at=at(3), summary=call)
    return report_case, call_case


@pytest.fixture
def linked(advisor):
    """A call mentions a plate and a phone; a web report the day before has the same plate."""
    report, call = _report_then_call(
        advisor,
        "Een wit busje, kenteken 12kbb3, haalt elke ochtend mannen op.",
        "Busje 12-KBB-3 bij de kassen; de baas belt met 06-12345678.",
    )
    unrelated, _ = case_with_contact(by=advisor, summary="Auto 99-XX-99 gezien.")
    return call, report, unrelated


def test_advisor_sees_the_other_case_with_kind_value_channel_and_date(advisor, linked) -> None:
    """The call's case lists the web report's case: plate 12KBB3, web form, the day before."""
    call, report, _ = linked
    relations = related_cases(user=verified(advisor), case=call)
    assert [(r.case_number, r.kinds, r.values, r.channel, r.seen_at) for r in relations] == [
        (report.number, ["plate"], ["12KBB3"], Channel.WEB_REPORT, at(2))
    ]


def test_one_row_per_case_with_every_kind_that_matched(advisor) -> None:
    """Kamperstraat: a plate and a phone number, each written differently, give one row."""
    report, call = _report_then_call(
        advisor,
        "Busje vt123b bij de Kamperstraat, chauffeur belt met +31 6 1234 5678.",
        "Arbeiders opgehaald met busje VT-123-B, de man belt vanaf 06 12345678.",
    )
    (relation,) = related_cases(user=verified(advisor), case=call)
    assert relation.case_id == report.pk
    assert relation.kinds_label == "kenteken, telefoonnummer"
    assert relation.values == ["+31612345678", "VT123B"]


def test_no_value_for_a_case_the_user_may_not_open(
    advisor, linked, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case the user may not open is listed by number and kind, never with the value."""
    call, report, _ = linked
    monkeypatch.setattr(selectors, "openable_case_ids", lambda user, ids: set())
    (relation,) = related_cases(user=verified(advisor), case=call)
    assert (relation.case_id, relation.kinds, relation.values) == (report.pk, ["plate"], [])
    html = Template("{% include 'linking/_related_cases.html' %}").render(
        Context({"case": call, "user": verified(advisor)})
    )
    assert report.number in html and "12KBB3" not in html.upper().replace("-", "")


def test_relation_works_both_ways(coordinator, linked) -> None:
    """The web report's case lists the call's case in return."""
    call, report, _ = linked
    assert [r.case_id for r in related_cases(user=verified(coordinator), case=report)] == [call.pk]


def test_lookup_is_four_queries(advisor, linked, django_assert_num_queries) -> None:
    """However many matches: the relations, and the open case's contacts, people and places
    that hold the values."""
    call, _, _ = linked
    for day in (4, 5):
        case_with_contact(by=advisor, started_at=at(day), summary="Weer 12-KBB-3 gezien.")
    with django_assert_num_queries(4):
        related_cases(user=verified(advisor), case=call)


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_learn_nothing(who, request, linked) -> None:
    """Analysts, municipalities and administrators get an empty list, without a query."""
    call, _, _ = linked
    assert related_cases(user=verified(request.getfixturevalue(who)), case=call) == []


def test_panel_shows_number_kind_value_and_channel(advisor, linked, rf) -> None:
    """The case-page panel shows the other case's number and link, the kind and the plate."""
    call, report, _ = linked
    html = Template("{% include 'linking/_related_cases.html' %}").render(
        Context({"case": call, "user": verified(advisor)})
    )
    assert report.number in html
    assert "zelfde kenteken" in html and "webformulier" in html.lower()
    assert "12KBB3" in html


def test_panel_is_empty_for_analysts(analyst, linked) -> None:
    """For a user without case access the panel renders nothing."""
    call, _, _ = linked
    html = Template("{% include 'linking/_related_cases.html' %}").render(
        Context({"case": call, "user": verified(analyst)})
    )
    assert html.strip() == ""
