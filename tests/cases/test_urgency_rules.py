"""The urgency rules of cases.urgency: every rule, its edges and the reasons it gives."""

import pytest

from meldpunt.cases.models import Urgency
from meldpunt.cases.urgency import Reason, urgency_from_answers, youngest_age


def test_no_answers_is_not_urgent() -> None:
    verdict = urgency_from_answers({})
    assert verdict.urgency == Urgency.NORMAL
    assert verdict.reasons == ()
    assert not verdict.is_urgent


def test_unknown_and_harmless_answers_are_not_urgent() -> None:
    answers = {
        "minors": "unknown",
        "victim_age": "",
        "when": "past",
        "victim_count": "unknown",
        "concerns": [],
    }
    assert urgency_from_answers(answers).urgency == Urgency.NORMAL


def test_children_yes_is_urgent_without_an_age() -> None:
    verdict = urgency_from_answers({"minors": "yes"})
    assert verdict.urgency == Urgency.HIGH
    assert verdict.reasons == (Reason("minor"),)
    assert str(verdict.reasons[0]) == "minderjarige betrokken"


def test_the_sixteen_year_old_is_urgent_with_the_age_as_reason() -> None:
    verdict = urgency_from_answers({"minors": "yes", "victim_age": "16"})
    assert verdict.urgency == Urgency.HIGH
    assert [str(reason) for reason in verdict.reasons] == ["minderjarige (16 jaar) betrokken"]


def test_an_age_under_18_is_urgent_even_when_children_is_answered_no() -> None:
    verdict = urgency_from_answers({"minors": "no", "victim_age": "ongeveer 17 jaar"})
    assert verdict.reasons == (Reason("minor", 17),)


def test_age_18_is_not_a_minor() -> None:
    assert urgency_from_answers({"minors": "no", "victim_age": "18"}).urgency == Urgency.NORMAL
    assert urgency_from_answers({"victim_age": "18 jaar"}).reasons == ()


def test_the_youngest_age_named_counts() -> None:
    verdict = urgency_from_answers({"victim_age": "tussen 15 en 19"})
    assert verdict.reasons == (Reason("minor", 15),)


@pytest.mark.parametrize(
    ("text", "age"),
    [("16", 16), ("ongeveer 20", 20), ("15-17 jaar", 15), ("geen idee", None), ("1000", None)],
)
def test_youngest_age_reads_numbers_in_text(text: str, age: int | None) -> None:
    assert youngest_age(text) == age


def test_happening_now_is_urgent() -> None:
    verdict = urgency_from_answers({"when": "ongoing"})
    assert verdict.reasons == (Reason("ongoing"),)
    assert str(verdict.reasons[0]) == "het gebeurt nu"


def test_recent_or_past_is_not_urgent() -> None:
    assert not urgency_from_answers({"when": "recent"}).is_urgent
    assert not urgency_from_answers({"when": "past"}).is_urgent


def test_danger_is_urgent() -> None:
    verdict = urgency_from_answers({"concerns": ["danger"]})
    assert verdict.reasons == (Reason("danger"),)
    assert str(verdict.reasons[0]) == "iemand is in gevaar"


def test_documents_taken_is_urgent() -> None:
    verdict = urgency_from_answers({"concerns": ["documents"]})
    assert verdict.reasons == (Reason("documents"),)
    assert str(verdict.reasons[0]) == "paspoort of ID-kaart afgepakt"


def test_more_than_five_victims_is_urgent_two_to_five_is_not() -> None:
    assert urgency_from_answers({"victim_count": "6+"}).reasons == (Reason("many_victims"),)
    assert not urgency_from_answers({"victim_count": "2-5"}).is_urgent
    assert not urgency_from_answers({"victim_count": "1"}).is_urgent


def test_every_reason_is_given_in_the_order_of_the_rules() -> None:
    verdict = urgency_from_answers(
        {
            "concerns": ["documents", "danger"],
            "victim_count": "6+",
            "when": "ongoing",
            "minors": "yes",
            "victim_age": "16",
        }
    )
    assert verdict.urgency == Urgency.HIGH
    assert [reason.rule for reason in verdict.reasons] == [
        "minor",
        "ongoing",
        "danger",
        "many_victims",
        "documents",
    ]
