"""Issue 14, rules 2026.12.4: each general fix of this version, one test each."""

import pytest

from meldpunt.triage.numbers import numeric_signals
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import taxonomy
from tests.triage.found import ids, urgency, words_of


@pytest.mark.parametrize(
    "text",
    [
        # a labour dispute with a referral: wages not paid, but an ordinary employment
        "Hij werkt in een magazijn en heeft 20 overuren die niet zijn uitbetaald. Het is "
        "een arbeidsconflict met zijn teamleider. Doorverwezen naar de vakbond.",
        "She has a dispute with her employer about holiday pay and was not paid in "
        "October. Referred to the union for legal advice.",
        # a licensed sex worker who chooses her own clients
        "Sekswerker werkt zelfstandig vanuit een vergunde werkplek en beslist zelf welke "
        "klanten ze ontvangt. Ze heeft een vraag over registratie.",
        # a question that is not about trafficking, and a worker with his own flat
        "My employer kept my deposit and I was not paid for the last week. I live in my "
        "own flat. Is this the right place to ask?",
    ],
)
def test_two_ordinary_situations_rule_trafficking_out(text: str) -> None:
    """Two different words of an ordinary situation (a dispute, a referral, own choice,
    a licence, a question for the right address, own housing) are counter-signals
    together: no form."""
    result = suggest(text)
    assert result.ruled_out
    assert result.form == "none"


def test_one_ordinary_word_alone_does_not_hide_exploitation() -> None:
    """A single counter-signal ("vakbond") next to real signals leaves the form."""
    text = (
        "Union rep: the boss holds their passports, they sleep in the cabs of their trucks "
        "and they have not been paid for three months. He threatens to send them back."
    )
    assert suggest(text).form == "labour"


@pytest.mark.parametrize(
    "text",
    [
        "Er is geen sprake van dwang.",
        "Het lijkt me geen mensenhandel.",
        "It does not look like trafficking to me.",
        "There was no coercion at all.",
    ],
)
def test_more_ways_to_rule_trafficking_out(text: str) -> None:
    assert suggest(text).ruled_out


def test_own_housing_cancels_employer_housing() -> None:
    """ "Ze huurt zelf een kamer" speaks against housing by the employer."""
    text = "Ze wordt elke ochtend met een busje opgehaald. Ze huurt zelf een kamer in Almere."
    assert "lab.employer_housing" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Als ze terug wil, dreigt hij haar te slaan.",
        "He threatened to beat him up if he told anyone.",
    ],
)
def test_violence_only_threatened_is_a_threat(text: str) -> None:
    """A threat to beat is intimidation, not violence done: no violence indicator or flag."""
    assert "gen.threats" in ids(text)
    assert "gen.violence" not in ids(text)
    assert "violence" not in urgency(text)


def test_violence_done_is_still_violence() -> None:
    assert "gen.violence" in ids("De baas heeft hem gisteren geslagen.")


def test_a_sector_beside_one_signal_at_the_minimum_is_no_form() -> None:
    """A sector (supporting) is the second signal only when the score is above the
    minimum: a greenhouse and a van that picks her up is no labour case (a bakery is
    no sector of the checklist since 2026.12.23)."""
    text = "Ze werkt in een grote kas en wordt elke ochtend door een busje opgehaald."
    result = suggest(text)
    assert {"lab.sector", "lab.employer_housing"} <= ids(text)
    assert result.form == "unknown"


def test_a_sector_still_counts_above_the_minimum() -> None:
    text = "In het restaurant houdt de eigenaar zijn paspoort."
    assert suggest(text).form == "labour"


def test_under_the_minimum_wage_in_dutch() -> None:
    """ "onder het minimumloon" (the old pattern required "dan")."""
    assert words_of("Hij verdient onder het minimumloon.", "gen.wages_withheld") == [
        "minimumloon",
        "onder",
    ]
    assert "gen.wages_withheld" in ids("Ze krijgt minder dan de helft van het afgesproken loon.")


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Ze stak asperges, vaak 13 uur achter elkaar.", "13 uur achter elkaar"),
        ("He drives 14 hours straight.", "14 hours straight"),
    ],
)
def test_hours_without_a_break_are_a_long_day(text: str, hours: str) -> None:
    found = {(kind, text[a:b]) for kind, (a, b) in numeric_signals(text)}
    assert ("gen.excessive_overtime", hours) in found


def test_a_short_stretch_without_a_break_is_nothing() -> None:
    assert numeric_signals("Ik heb 3 uur achter elkaar gelezen.") == []


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("The owner keeps back most of his wages every month.", "gen.wages_withheld"),
        ("Their wages never arrive on those accounts.", "gen.wages_withheld"),
        ("He told him it was just for a holiday.", "gen.deception"),
        ("The job was advertised as a chef position.", "gen.deception"),
        ("The owner said he would make sure he was sent back to Nepal.", "gen.threats"),
        ("She sees ten clients a night.", "sex.forced_sex_work"),
        ("I have to do sex with men every night.", "sex.forced_sex_work"),
        ("The madam collects all the money.", "sex.earnings_handed_over"),
        ("Two girls steal make-up and hand everything to him in the car.", "crim.forced_crime"),
        ("Hij moet elke dag bij de supermarkt bedelen.", "crim.forced_crime"),
        ("He asked to borrow his bank account for a week.", "crim.money_mule"),
        ("Hij werd beroofd en moet nu 2.000 euro terugverdienen.", "crim.street_fine"),
        ("They sleep in their cabs all week.", "lab.employer_housing"),
        ("Hij werkt bij een sloopbedrijf.", "lab.sector"),
        ("He paid an agent 6,000 dollars for the job.", "lab.recruitment"),
    ],
)
def test_wider_wording(text: str, indicator: str) -> None:
    """The issue's English at the Dutch level: the same situations in other words.
    Each sentence is checked for its own indicator (supporting ones only show beside a
    core signal, so those sentences carry one)."""
    if taxonomy().indicator(indicator).supporting:
        text += " De baas houdt zijn paspoort."
    assert indicator in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mall has a new Apple store.",
        "Hij woont in Almere Haven.",
        "He has a stable job and a flower shop.",
    ],
)
def test_sector_words_that_mean_something_else_are_none(text: str) -> None:
    """Brands, places and adjectives are no sector, even next to a core signal."""
    assert "lab.sector" not in ids(text + " The boss keeps his passport.")


def test_schoolgoing_in_english_is_a_minor() -> None:
    assert "minor" in urgency("The student is schoolgoing and lives with his grandmother.")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Two girls, maybe 12 and 13, are dropped off at the mall.", "girls, maybe 12 and 13,"),
        ("Een jongen, ongeveer 15, staat elke dag bij de ingang.", "jongen, ongeveer 15,"),
    ],
)
def test_an_estimated_age_after_a_person_is_a_minor(text: str, age: str) -> None:
    found = {(kind, text[a:b]) for kind, (a, b) in numeric_signals(text)}
    assert ("minor", age) in found


@pytest.mark.parametrize(
    "text",
    [
        "The kids, about 12 of them, were in the hall.",
        "Twee jongens, ongeveer 20 jaar, kwamen binnen.",
        "The girls, around 30 euro each.",
    ],
)
def test_a_count_an_adult_age_or_an_amount_after_a_person_is_no_minor(text: str) -> None:
    assert "minor" not in urgency(text)
