"""Issue 14, rules 2026.12.3: each general fix of this version, one test each."""

import pytest

from meldpunt.triage.numbers import numeric_signals
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import FORMS
from tests.triage.found import ids, urgency, words_of

# The issue's own example, as an advisor would log it.
POLISH_LABOUR_NL = (
    "Buurman belt: in het huis naast hem wonen veel Poolse mannen. Ze worden elke ochtend "
    "om 5:00 opgehaald met een busje. Ze moesten hun paspoorten afgeven aan de baas. Een "
    "van hen zegt dat hij niet betaald is. Hij is erg moe."
)
POLISH_LABOUR_EN = (
    "Neighbour says many Polish men live in one house. They are picked up by a van at "
    "5:00. They had to hand over their passports to the boss, and one says he was not paid."
)


def numbers(text: str) -> set[tuple[str, str]]:
    return {(kind, text[start:end]) for kind, (start, end) in numeric_signals(text)}


def test_the_issue_labour_case_is_labour_with_its_own_words() -> None:
    """Labour with "paspoort(en) afgeven" and "niet betaald" as evidence, no sexual
    indicator, no "picked" as a sector, in Dutch and in English."""
    result = suggest(POLISH_LABOUR_NL)
    assert result.form == "labour"
    assert words_of(POLISH_LABOUR_NL, "gen.documents_retained") == ["afgeven", "paspoorten"]
    assert words_of(POLISH_LABOUR_NL, "gen.wages_withheld") == ["betaald", "niet"]
    assert not {i for i in ids(POLISH_LABOUR_NL) if i.startswith("sex.")}
    english = suggest(POLISH_LABOUR_EN)
    assert english.form == "labour"
    assert words_of(POLISH_LABOUR_EN, "gen.wages_withheld") == ["not", "paid"]
    assert not {i for i in ids(POLISH_LABOUR_EN) if i.startswith("sex.")}
    assert "lab.sector" not in ids(POLISH_LABOUR_EN)


@pytest.mark.parametrize(
    "text",
    [
        "De werknemer heeft zijn eigen paspoort en kan gewoon weg wanneer hij wil.",
        "The worker keeps his own passport and can leave whenever he wants.",
    ],
)
def test_a_worker_with_his_own_passport_who_can_leave_gets_no_form(text: str) -> None:
    """Own passport and free to leave: no form, in both languages."""
    result = suggest(text)
    assert result.forms == ()
    assert result.form not in FORMS


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Ze kan de huur niet betalen, zegt ze.", "gen.wages_withheld"),
        ("They are paid per parcel and drive a lot.", "gen.wages_withheld"),
        ("A 15-year-old boy told his mentor about school.", "crim.late_secretive"),
        ("Ze werken op 3 hoog zonder lijnen.", "crim.drugs"),
        ("Een jongen uit de buurt picks her up after work.", "lab.sector"),
    ],
)
def test_a_pattern_word_written_inflected_means_that_form_only(text: str, indicator: str) -> None:
    """ "niet betaald" is not "niet kan betalen", "wasn't paid" is not "are paid", "older
    boys" is not "year-old boy", "lijntje" is not "lijnen", "picking" is not "picks"."""
    assert indicator not in ids(text)


def test_a_base_form_reads_every_form_of_the_word() -> None:
    """ "beat" reads "beats", "promise" reads "promised", "owe them" reads "owed them" (the
    phone taken, this test's first example, is no pattern since 2026.12.23)."""
    assert "gen.violence" in ids("Every evening the boss beats her.")
    assert "gen.deception" in ids("They promised her a job in a hotel.")


def test_a_dutch_separable_verb_with_te_is_joined() -> None:
    """ "gedwongen zich uit te kleden terwijl er gefilmd werd" reads "uitkleden"."""
    text = "Ze is gedwongen zich uit te kleden. Het filmpje gaat nu rond via Snapchat."
    assert "sex.online" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "we wash cars from 8 morning to 10 evening, every day",
        "ze is van 11 uur 's ochtends tot 4 uur 's nachts bezig",
        "hij staat er van 9 uur s morgens tot 9 uur s avonds",
        "from 7 in the morning until 9 in the evening",
        "so they can drive 14 or 15 hours",
        "we work 11 hours, 6 days",
    ],
)
def test_working_hours_written_with_day_parts_or_without_per_day(text: str) -> None:
    """Day parts, ranges of hours after a work word, six days after the hours."""
    assert "gen.excessive_overtime" in {kind for kind, _ in numbers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Ik werk 8 uur per dag.",
        "Hij werkt van 9 tot 5.",
        "De vlucht was 12 uur geleden geland, we werken 12 uur later weer.",
        "Ze werkt 11 hours ago niet meer.",
    ],
)
def test_ordinary_hours_are_no_overtime(text: str) -> None:
    """Eight hours, nine to five, and hours ago are no overtime."""
    assert "gen.excessive_overtime" not in {kind for kind, _ in numbers(text)}


def test_overtime_is_also_long_hours_but_counts_once() -> None:
    """ "Werkt elke dag" is excessive overtime and long hours with the same words, but one
    signal: alone it suggests no form."""
    text = "Hij werkt elke dag in de kas."
    found = ids(text)
    assert {"gen.excessive_overtime", "lab.long_hours"} <= found
    assert words_of(text, "lab.long_hours") == words_of(text, "gen.excessive_overtime")
    assert suggest(text).form not in FORMS


@pytest.mark.parametrize(
    "text",
    [
        "One of our boys, 16, runs away almost every weekend.",
        "Kleinzoon 15 jr, woont bij mij.",
        "They look 12 or 13 at most.",
        "Cliënte is 16 en heeft ADHD.",
        "Het gaat om een studente van 17.",
    ],
)
def test_a_minor_written_as_an_age_next_to_a_person(text: str) -> None:
    """Ages after a comma, with "jr", an estimate from how someone looks, students."""
    assert "minor" in urgency(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kinderen 3 jaar geleden verhuisd.",
        "It looks 15 minutes away from the station.",
        "Mijn zoon helpt in de zaak.",
        "Hij woont op nummer 17, 62 jaar oud.",
    ],
)
def test_no_minor_for_a_time_a_house_number_or_zoon_alone(text: str) -> None:
    """ "3 jaar geleden", "15 minutes", "zoon" alone, a house number: no minor."""
    assert "minor" not in urgency(text)


def test_acute_danger_when_112_is_called_not_when_there_is_none() -> None:
    """ "112 gebeld" and "112 called" are acute danger; "geen direct gevaar" is not."""
    assert "acute_danger" in urgency("Jongen zit vast in een garagebox. 112 gebeld.")
    assert "acute_danger" in urgency("She is in the hotel room, we called 112.")
    assert "acute_danger" not in urgency("Volgens melder geen direct gevaar.")


@pytest.mark.parametrize(
    "text",
    [
        "Hij werkt in de kas en woont bij de baas. Er is niets aan de hand.",
        "She works long days in a kitchen. This is not about trafficking.",
    ],
)
def test_a_text_that_rules_trafficking_out_in_other_words(text: str) -> None:
    """ "niets aan de hand", "not about trafficking": the text rules trafficking out."""
    assert suggest(text).ruled_out


def test_a_street_fine_shows_debt_bondage_without_making_it_labour() -> None:
    """A debt to the dealer is the street fine and debt bondage, shown both; the debt
    does not count for labour."""
    text = (
        "Mijn zoon heeft een schuld bij zijn dealer en moet die nu wegrijden: hij brengt "
        "pakketten met drugs naar België."
    )
    result = suggest(text)
    assert {"crim.street_fine", "gen.debt_bondage"} <= {m.id for m in result.indicators}
    assert result.form == "criminal"
    assert "labour" not in {score.form for score in result.scores}
