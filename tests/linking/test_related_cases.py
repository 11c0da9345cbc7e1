"""related_cases: other cases sharing an entity, for case handlers only, without content."""

import pytest
from django.template import Context, Template

from meldpunt.cases.models import Channel
from meldpunt.linking.selectors import related_cases
from tests.triage.factories import at, case_with_contact, verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(advisor):
    """A call mentions a plate and a phone; a web report the day before has the same plate."""
    report, _ = case_with_contact(
        by=advisor,
        channel=Channel.WEB_REPORT,
        started_at=at(2),
        summary="Een wit busje, kenteken 12kbb3, haalt elke ochtend mannen op.",
    )
    call, _ = case_with_contact(
        by=advisor,
        started_at=at(3),
        summary="Busje 12-KBB-3 bij de kassen; de baas belt met 06-12345678.",
    )
    unrelated, _ = case_with_contact(by=advisor, summary="Auto 99-XX-99 gezien.")
    return call, report, unrelated


def test_advisor_sees_the_other_case_with_kind_channel_and_date(advisor, linked) -> None:
    """The call's case lists the web report's case: plate, web form, the day before."""
    call, report, _ = linked
    relations = related_cases(user=verified(advisor), case=call)
    assert [(r.case_number, r.kind, r.channel, r.seen_at) for r in relations] == [
        (report.number, "plate", Channel.WEB_REPORT, at(2))
    ]


def test_relation_works_both_ways(coordinator, linked) -> None:
    """The web report's case lists the call's case in return."""
    call, report, _ = linked
    assert [r.case_id for r in related_cases(user=verified(coordinator), case=report)] == [call.pk]


def test_lookup_is_one_query(advisor, linked, django_assert_num_queries) -> None:
    """However many matches, the lookup is one query."""
    call, _, _ = linked
    with django_assert_num_queries(1):
        related_cases(user=verified(advisor), case=call)


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_learn_nothing(who, request, linked) -> None:
    """Analysts, municipalities and administrators get an empty list, without a query."""
    call, _, _ = linked
    assert related_cases(user=verified(request.getfixturevalue(who)), case=call) == []


def test_panel_shows_number_kind_channel_and_never_the_value(advisor, linked, rf) -> None:
    """The case-page panel shows the other case's number and link, not the plate."""
    call, report, _ = linked
    html = Template("{% include 'linking/_related_cases.html' %}").render(
        Context({"case": call, "user": verified(advisor)})
    )
    assert report.number in html
    assert "kenteken" in html and "webformulier" in html.lower()
    assert "12KBB3" not in html.upper().replace("-", "")


def test_panel_is_empty_for_analysts(analyst, linked) -> None:
    """For a user without case access the panel renders nothing."""
    call, _, _ = linked
    html = Template("{% include 'linking/_related_cases.html' %}").render(
        Context({"case": call, "user": verified(analyst)})
    )
    assert html.strip() == ""
