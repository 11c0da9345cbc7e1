"""Issue 14, 2026.12.14: ages, acute danger and a model-read indicator from development
sets 25 and 26 (measured once with 2026.12.13 before they were read: minor recall 0.81 on
both); the models learned from them; blind set 15 is frozen. Each table was written
before the rules read it."""

import pytest

from meldpunt.triage import indicator_model
from meldpunt.triage.evaluation import FROZEN
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import NOT_LEARNED
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import FORMS
from tests.triage.found import urgency


def test_sets_25_and_26_are_learned_and_blind_15_is_frozen() -> None:
    for trained in (form_model(), indicator_model.indicator_model()):
        assert {"dev25", "dev26"} <= set(trained.trained_on)
    assert "blind15" in FROZEN


def test_recruitment_is_read_by_the_rules_only() -> None:
    """Its model's readings on development sets 23 to 26 were right 3 times, wrong 6."""
    assert "lab.recruitment" in NOT_LEARNED
    assert "lab.recruitment" not in indicator_model.indicator_model().indicators


MINOR = [
    "TN 16:35 mld = moeder van S. (15), Almere Poort. Wil eerst advies.",
    "Mld = moeder (Almere), zoon J. (15). J. is sinds vanmiddag weg.",
    "Met hem een meisje dat eruitziet als 16 of 17, geen bagage, keek bang.",
    "[chat] Bezoeker: I am worried for my daughter Jasmine, 16 [chat] Medewerker: Goedemiddag",
    "ik zit op de wc van een flat in lelystad. ben 16. ik moest een tas wegbrengen",
    "TN 19:30 mld = vader uit Dronten, dochter 16. Vader maakte zich zorgen.",
]
NOT_MINOR = [
    "TN 16:35 mld = moeder van S. (45), Almere Poort.",
    "Met hem een vrouw die eruitziet als 30, geen bagage.",
    "my daughter Jasmine, 16 hours a week she works there",
    "ben 16 uur per dag bezig in de kas",
    "dochter 16 uur per week bij de bakker",
    "Zoon J. (2012) woont thuis.",
    "Loon komt binnen op een rekening (cliënt 1) en wordt doorgeboekt.",
]


@pytest.mark.parametrize("text", MINOR)
def test_an_age_after_a_name_an_initial_or_alone_in_a_chat_is_a_minor(text: str) -> None:
    assert "minor" in urgency(text)


@pytest.mark.parametrize("text", NOT_MINOR)
def test_an_adult_age_hours_or_a_year_there_are_no_minor(text: str) -> None:
    assert "minor" not in urgency(text)


ACUTE = [
    "TN 05:48 ACUUT. Mld = man, belt met telefoon van de pomphouder, is weggelopen.",
    "23:51 moeder met 112 verbonden, politie heeft video en nummer.",
]
NOT_ACUTE = [
    "TN 10:12 mld = buurvrouw, niet acuut, wil advies over de buren.",
    "Geen acuut gevaar volgens mld.",
]


@pytest.mark.parametrize("text", ACUTE)
def test_an_advisors_acuut_or_a_caller_on_the_line_with_112_is_acute_danger(text: str) -> None:
    assert "acute_danger" in urgency(text)


@pytest.mark.parametrize("text", NOT_ACUTE)
def test_not_acute_stays_no_acute_danger(text: str) -> None:
    assert "acute_danger" not in urgency(text)


# Development set 25 (measured first): a lover boy's victim denies it herself, as victims do.
OWN_DENIAL = (
    "Leerling (meisje, 16) heeft ineens een dure tas en twee telefoons, één is 'voor hem'. "
    "Haar vriend is 21. Klasgenoten vertellen dat ze voor hem pakketjes naar Amsterdam brengt. "
    "Er gaan foto's van haar in lingerie rond op een site. De leerling zegt zelf dat er "
    "niets aan de hand is en dat hij de enige is die haar begrijpt."
)
REPORTER_RULES_OUT = (
    "Leerling (meisje, 16) heeft ineens een dure tas. Na doorvragen: de mentor zegt dat er "
    "niets aan de hand is, het is haar oom en ze werkt bij hem in de winkel."
)


def test_the_person_denying_it_herself_does_not_rule_it_out() -> None:
    assert suggest(OWN_DENIAL).form in FORMS


def test_the_reporter_saying_nothing_is_wrong_still_rules_it_out() -> None:
    assert suggest(REPORTER_RULES_OUT).form == "none"
