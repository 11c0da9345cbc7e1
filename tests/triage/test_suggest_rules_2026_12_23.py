"""Issue 14, 2026.12.23: what development sets 42 and 43 showed (professionals' notes in
their own jargon, victims who play it down, English of many origins), measured before
they were read (docs/TRIAGE.md). The hours are tested before the rule; the patterns pin
the rules."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids, long_hours


def test_sets_42_and_43_are_learned_and_blind_25_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev42", "dev43"} <= set(trained.trained_on)
    assert "blind25" in FROZEN
    assert not {"dev42", "dev43"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a range of hours after "dag" (development set 43, since 2026.12.23)
        ("Elke dag 6 tot 18 uur, ook zondag als veel werk.", "dag 6 tot 18 uur"),
        # the hours, a comma, and every day (development set 43)
        ("12 hours, every day, because i also need to pay him", "12 hours, every day"),
    ],
)
def test_long_days_of_sets_42_and_43_are_long_hours(text, span) -> None:
    assert span in long_hours(text)


@pytest.mark.parametrize(
    "text",
    [
        "Elke dag 9 tot 17 uur, met pauze.",
        "The trip took 12 hours, a day later he was gone.",
        "8 hours, every day, like everybody.",
    ],
)
def test_ordinary_days_of_sets_42_and_43_are_not(text) -> None:
    assert not long_hours(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "The manager has my passport, he says they need it for the insurance.",
            "gen.documents_retained",
        ),
        (
            "Their passports are in my safe at home, I can show you tomorrow.",
            "gen.documents_retained",
        ),
        ("De baas heeft haar ID-kaart meegenomen en nooit teruggegeven.", "gen.documents_retained"),
        ("Ze werken 7 dagen van licht tot donker.", "gen.excessive_overtime"),
        ("He say if we make problem we sleep on the street.", "gen.threats"),
        ("Wie zeurt staat morgen op straat, zei de coördinator.", "gen.threats"),
        ("He has to pay 500 back, and you know what happens.", "gen.threats"),
        ("Dan mag hij zelf de boetes betalen en wel zal zien.", "gen.threats"),
        ("Whoever talks to us loses the job and the bed the same day.", "gen.threats"),
        ("Agency say no work no money, no sick pay.", "gen.abusive_conditions"),
        ("De wond was al 3 dagen oud, niet eerder behandeld.", "gen.abusive_conditions"),
        ("Het oude hotel is sinds maart logies voor arbeidsmigranten.", "lab.employer_housing"),
        (
            "Hij zegt dat ik met zijn vriend moet slapen omdat ik een pakket kwijt ben.",
            "sex.forced_sex_work",
        ),
        ("Boss say must do extra for customer, sex.", "sex.forced_sex_work"),
        ("Soms moet ik mee naar vrienden van hem, zei ze.", "sex.forced_sex_work"),
        (
            "Hij laat haar mee naar bed met mannen. Hij belt me elke 10 min.",
            "sex.always_reachable",
        ),
        (
            "Boss say must do extra for customer, sex. Customer pay boss 100, I get 20.",
            "sex.earnings_handed_over",
        ),
        (
            "Hij moet met mannen naar bed. 'Vergeet niet mijn deel', schrijft Rick.",
            "sex.earnings_handed_over",
        ),
        (
            "He has my ID card. My husband's cousin brought me here for work in a hotel.",
            "lab.recruitment",
        ),
        ("Valentina can only go out with the woman's boyfriend.", "gen.movement_restricted"),
        ("Ze heeft geen sleutel van de woning.", "gen.movement_restricted"),
    ],
)
def test_what_sets_42_and_43_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("The manager has a new phone.", "gen.documents_retained"),
        ("Ze werken van licht naar donker hout.", "gen.excessive_overtime"),
        ("He slept on the street for a week before he found work.", "gen.threats"),
    ],
)
def test_ordinary_words_near_them_are_not(text, indicator) -> None:
    assert indicator not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "De baas houdt zijn paspoort. Hij werkt in een bakkerij.",
        "The boss keeps her passport. She works as a nanny and does the housework.",
        "De baas houdt haar paspoort. Ze werkt in een kapperszaak.",
    ],
)
def test_work_outside_the_checklist_s_sectors_is_no_sector(text) -> None:
    """The checklist names agriculture, greenhouses, meat processing, construction,
    cleaning, hospitality, nail bars, transport and warehouses: a bakery, a hairdresser or
    domestic work is none of them (every writer's guide says so; on the non-frozen sets
    such readings were wrong 31 times and right 6)."""
    assert "lab.sector" not in ids(text)


def test_work_in_a_sector_of_the_checklist_still_is() -> None:
    assert "lab.sector" in ids("De baas houdt zijn paspoort. Hij werkt in de kas.")


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("I saw the posters about loverboys in the bus.", "sex.lover_boy"),
        ("The boss keeps their ID cards in the office.", "lab.bank_card_controlled"),
        ("She bought the old car in cash.", "lab.underpaid_cash"),
        ("De klant betaalde 40 euro contant voor de reparatie.", "lab.underpaid_cash"),
        ("The teacher takes the phone away during the test.", "gen.isolation"),
        ("Easy money, he wrote under the photo.", "gen.deception"),
        ("They robbed a bank in the film.", "crim.forced_crime"),
        ("Ze was doodsbang voor de hond.", "gen.threats"),
        ("He works the night shift at the hospital.", "lab.long_hours"),
    ],
)
def test_words_that_were_more_often_wrong_than_right_read_nothing(text, indicator) -> None:
    """Patterns that, on every non-frozen set with rules alone, gave a wrong reading far
    more often than a right one (2026.12.23: 34 right, 128 wrong together): the word
    "loverboy", a card someone "has" or "took", "in cash", "paid cash", "contant" with an
    amount, a phone taken, "easy money", "rob", "delivery" as a sector; and a second
    round by the same measure, among them "gucci", "air max", "doodsbang" alone, "night shift",
    "containers", "without papers", "vluchteling", "sleep in the truck"."""
    assert indicator not in ids(text)
