"""Issue 14, 2026.12.17: what development sets 32 and 33 showed, measured before they were
read (docs/TRIAGE.md)."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids


def test_sets_32_and_33_are_learned_and_blind_21_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev32", "dev33"} <= set(trained.trained_on)
    assert "blind21" in FROZEN
    assert not {"dev32", "dev33"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    "text",
    [
        "The man sits in the lobby of the hotel, men go up to the room and the visitors hand "
        "him money on the way out.",
        "Hij moet elke avond seks hebben met klanten en Dennis geeft hem 30 procent.",
        "She has to do shows on camera for his friends and i never see any of it, it all goes"
        " to his paypal.",
        "Ze moet seks hebben met klanten in de flat en een man haalt 's ochtends de tas met "
        "geld op.",
    ],
)
def test_earnings_handed_over_in_plain_words(text) -> None:
    """A supporting signal: shown beside a core signal of sexual exploitation."""
    assert "sex.earnings_handed_over" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The owner's brother back home promised him a chef's contract with a proper salary.",
        "The agency in Jakarta took 4000 dollar from me for this job in the flower bulbs.",
        "Ik heb 2.000 euro aan het bureau betaald voor dit werk en de baas houdt mijn paspoort.",
    ],
)
def test_recruitment_on_promises_and_fees(text) -> None:
    """A supporting signal: shown beside a core or a general signal."""
    assert "lab.recruitment" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Als ik vraag om geld zegt hij: dan bel ik mensen in Bulgarije, jouw familie.",
        "Als hij wil stoppen: dan zeg ik tegen de IND dat jij zwart werkt.",
    ],
)
def test_threats_with_the_family_or_the_authorities(text) -> None:
    assert "gen.threats" in ids(text)


def test_a_fee_to_an_agency_for_a_course_is_no_recruitment_without_a_job() -> None:
    text = "I paid the language school 300 euro for the course and I am happy with it."
    assert "lab.recruitment" not in ids(text)
