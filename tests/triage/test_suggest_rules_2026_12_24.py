"""Issue 14, 2026.12.24: what development sets 44 and 45 showed (sexual and criminal
exploitation told by parents, teachers and care workers; labour in every sector in
broken English or Dutch), measured before they were read (docs/TRIAGE.md). The hours are
tested before the rule; the patterns pin the rules."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids, long_hours


def test_sets_44_and_45_are_learned_and_blind_26_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev44", "dev45"} <= set(trained.trained_on)
    assert "blind26" in FROZEN
    assert not {"dev44", "dev45"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("He works nights, 22:00 to 07:00, six nights a week.", "six nights a week"),
        ("Ze werkt zes nachten per week in de kas.", "zes nachten per week"),
    ],
)
def test_six_or_seven_nights_a_week_are_long_hours(text, span) -> None:
    assert span in long_hours(text)


@pytest.mark.parametrize(
    "text",
    ["She works two nights a week in the bar.", "We stayed 6 nights in the hotel last week."],
)
def test_fewer_nights_or_a_stay_are_not(text) -> None:
    assert not long_hours(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Ze slaapt in de bijkeuken naast de wasmachine.", "gen.abusive_conditions"),
        ("Ze worden per kamer betaald, € 2,75.", "lab.underpaid_cash"),
        ("They are paid per room, 3 euro, cash.", "lab.underpaid_cash"),
        ("De baas kwam met een mes naar de container.", "gen.threats"),
        ("Their ID cards are in the office, the agency says.", "gen.documents_retained"),
        ("I found this job in a Facebook group. The boss keeps my passport.", "lab.recruitment"),
        ("Tonight he locked the gate, nobody leaves.", "gen.movement_restricted"),
        ("Zijn salaris wordt gestort op de rekening van die kennis.", "lab.bank_card_controlled"),
        ("Vanavond hotel kamer 214, klant heeft al betaald.", "sex.forced_sex_work"),
        (
            "I can only go to the supermarket together with the other girl.",
            "gen.movement_restricted",
        ),
        ("Hij haalde haar ID-kaart uit zijn binnenzak.", "gen.documents_retained"),
    ],
)
def test_what_sets_44_and_45_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("I feel trapped in this job, but I am paid well.", "crim.drugs"),
        ("The hotel room costs 90 euro per room per night.", "lab.underpaid_cash"),
    ],
)
def test_ordinary_words_near_them_are_not(text, indicator) -> None:
    assert indicator not in ids(text)
