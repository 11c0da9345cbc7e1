"""Issue 14, 2026.12.16: what development sets 30 and 31 showed, measured before they were
read (docs/TRIAGE.md). Written before the rules read it."""

import pytest

from meldpunt.triage.evaluation import FROZEN
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from meldpunt.triage.suggest import suggest
from tests.triage.found import ids, words_of


def test_sets_30_and_31_are_learned_and_blind_18_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev30", "dev31"} <= set(trained.trained_on)
    assert "blind18" in FROZEN


HANDED_OVER = (
    "She has to go with men in a flat in Almere and give all the money to her boyfriend, "
    "he says it is for their future. She is 19 and he decides everything."
)


def test_earnings_handed_over_are_also_pay_withheld_with_the_same_words() -> None:
    """The checklist explains "loon ingehouden" as "must hand the pay over"."""
    found = ids(HANDED_OVER)
    assert {"sex.earnings_handed_over", "gen.wages_withheld"} <= found
    assert words_of(HANDED_OVER, "gen.wages_withheld") == words_of(
        HANDED_OVER, "sex.earnings_handed_over"
    )


def test_pay_withheld_read_from_earnings_counts_once_for_the_form() -> None:
    suggestion = suggest(HANDED_OVER)
    assert suggestion.form == "sexual"
    for score in suggestion.scores:
        assert "gen.wages_withheld" not in {r.indicator_id for r in score.reasons}


def test_pay_said_to_be_proper_keeps_pay_withheld_off() -> None:
    """A counter-signal that lifts withheld pay leaves the earnings handed over alone."""
    text = f"{HANDED_OVER} Her salary from the shop is paid on time."
    found = ids(text)
    assert "sex.earnings_handed_over" in found
    assert "gen.wages_withheld" not in found


def test_earnings_that_were_not_found_give_no_pay_withheld() -> None:
    text = "Ze werkt als kapster in Almere en is blij met haar baan. Ze houdt haar eigen geld."
    assert "gen.wages_withheld" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "When I come he say the shop is closed, I must sell hashish on the square for him.",
        "Hij zei: ik moet werken voor Youssef, ik verkoop snuif aan jongens van school.",
        "During the week he has to sell GHB to other men from the boyfriend's flat.",
    ],
)
def test_drugs_by_their_street_names(text) -> None:
    assert "crim.drugs" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "If I don't bring the package he said he will break my legs.",
        "When I said I wanted to stop he wrote 'we know where you sleep'.",
        "I owe him 6k and if I don't drive tonight then they go to my mothers house he said.",
        "Toen mld er iets van zei kreeg ze te horen: bemoei je er niet mee, je hebt ook ramen.",
        "Als hij niet betaalt gaan ze zijn benen breken, zegt zijn broer.",
    ],
)
def test_threats_in_plain_words(text) -> None:
    assert "gen.threats" in ids(text)


def test_promising_work_is_recruitment() -> None:
    """ "promise" in its base form reads every form of the verb."""
    text = "A woman she calls Mummy brought her to Europe promising work in a hair salon."
    assert "lab.recruitment" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The break room has no windows, but the legs of the table are broken.",
        "We promise to call you back tomorrow morning.",
        "Ze kocht nieuwe ramen voor het huis en heeft ook een tuin.",
    ],
)
def test_near_misses_stay_without_threats_or_recruitment(text) -> None:
    assert not {"gen.threats", "lab.recruitment"} & ids(text)
