"""Issue 14, rules 2026.12.2: each rule fix of this version, one test each."""

import pytest

from meldpunt.triage.numbers import numeric_signals
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import FORMS
from tests.triage.found import ids, words_of

POLISH_LABOUR = (
    "Buurman belt. In het huis naast hem wonen veel Poolse mannen, hij denkt een man of "
    "tien. Ze worden elke ochtend om 5:00 opgehaald met een busje. Een van hen vertelde dat "
    "ze hun paspoorten moesten afgeven aan de baas. Hij zegt dat hij al twee maanden niet "
    "betaald is. Ze zien er moe uit."
)


def minor_flagged(text: str) -> bool:
    return "minor" in {m.id for m in suggest(text).urgency}


def test_the_issue_labour_example_still_reads_as_labour() -> None:
    """Labour with "paspoort(en) afgeven" and "niet betaald"; no sexual indicator."""
    result = suggest(POLISH_LABOUR)
    assert result.form == "labour"
    assert words_of(POLISH_LABOUR, "gen.documents_retained") == ["afgeven", "paspoorten"]
    assert words_of(POLISH_LABOUR, "gen.wages_withheld") == ["betaald", "niet"]
    assert not {i for i in ids(POLISH_LABOUR) if i.startswith("sex.")}


def test_own_passport_and_free_to_leave_give_no_form() -> None:
    """ "heeft zijn eigen paspoort en kan gewoon weg": two counter-signals, no form."""
    text = "Hij werkt in de kas, heeft zijn eigen paspoort en kan gewoon weg."
    result = suggest(text)
    assert result.forms == ()
    assert result.form not in FORMS
    assert result.ruled_out


def test_two_counter_signals_rule_trafficking_out() -> None:
    """Own passport, own bank account and collective wages: the text rules it out, even
    when the employer deducts rent (an ordinary question from an employer)."""
    text = (
        "Een kweker wil de huur inhouden op het loon van zijn seizoenarbeiders. Iedereen "
        "heeft zijn eigen paspoort en een eigen bankrekening, ze krijgen cao-loon."
    )
    result = suggest(text)
    assert result.ruled_out
    assert result.forms == ()


def test_a_negated_phrase_does_not_reach_over_a_clause() -> None:
    """ "Verder geen zorgen, goed salaris" is not "geen salaris"."""
    assert "gen.wages_withheld" not in ids("Verder geen zorgen, goed salaris.")
    assert "gen.wages_withheld" in ids("Hij krijgt al maanden geen salaris.")


def test_a_sex_worker_who_works_for_herself_gets_no_form() -> None:
    """ "Nobody forces me, I keep all my own money": no earnings handed over, no form."""
    text = (
        "I am a sex worker, self-employed. Nobody forces me, I keep all my own money and "
        "decide my own clients."
    )
    result = suggest(text)
    assert "sex.earnings_handed_over" not in ids(text)
    assert result.forms == ()


def test_a_talk_about_loverboys_is_no_case() -> None:
    """A request for a guest lesson about loverboys is not a loverboy report."""
    text = "Kunnen jullie een gastles geven over loverboys voor de brugklassen?"
    assert suggest(text).forms == ()
    assert suggest("We organise an information evening about loverboys.").forms == ()


def test_men_is_not_the_lemma_of_met_a_man() -> None:
    """ "I met a man on Tinder" and "gift cards" are no forced sex work and no gifts."""
    text = "I met a man on Tinder, he asked for money and I also sent 2 gift cards."
    assert not {"sex.forced_sex_work", "sex.appearance_gifts"} & ids(text)
    assert "sex.forced_sex_work" in ids("She has to meet men in hotels every night.")


@pytest.mark.parametrize(
    "text",
    [
        "Buurjongen (16) heeft ineens 3 telefoons.",
        "Op de kamer zit een meisje, schatting 15 of 16.",
        "Ik zie een jongen, ik schat hem 15 of 16, hij werkt daar elke dag.",
        "We caught two girls, I estimate 12 and 13, with perfume in a bag.",
        "Leerling (17, Dronten) vertelde het aan de mentor.",
    ],
)
def test_a_minor_in_compounds_and_estimates(text: str) -> None:
    """Ages next to "buurjongen", after "schat"/"estimate", and "(17, Dronten)"."""
    assert minor_flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hij komt pas om 4 uur thuis.",
        "I estimate the damage at 15 euro.",
        "Ze heeft lessons (3, 4 en 5) gemist.",
    ],
)
def test_no_minor_from_other_numbers(text: str) -> None:
    """A time, an amount or a list of numbers is no age."""
    assert not minor_flagged(text)


def test_a_minor_is_also_the_vulnerability_indicator() -> None:
    """The ILO indicator "abuse of vulnerability" names minors: the same words show."""
    text = "Mijn dochter van 15 moet van haar vriend met mannen naar hotels."
    found = {m.id: m for m in suggest(text).indicators}
    assert "gen.vulnerability" in found
    assert found["gen.vulnerability"].words(text) == ["dochter van 15"]


def test_hours_as_numbers_are_also_the_labour_item_long_hours() -> None:
    """ "70 uur in de week" is excessive overtime and structurally long days."""
    found = ids("Hij werkt 70 uur in de week in een shoarmazaak, zonder contract.")
    assert {"gen.excessive_overtime", "lab.long_hours"} <= found


def test_a_night_shift_over_midnight_counts() -> None:
    """ "from 4pm until 3am" is eleven hours."""
    assert ("gen.excessive_overtime") in {t for t, _ in numeric_signals("from 4pm until 3am")}
    assert not numeric_signals("from 9am until 5pm")


def test_a_wage_per_hour_written_with_for() -> None:
    """ "5 euro for hour" is a wage far under the minimum."""
    assert "gen.wages_withheld" in {t for t, _ in numeric_signals("we get 5 euro for hour")}


def test_conditional_threats() -> None:
    """ "If I refuse he will ...", "or we post ur pics", "dan weet mijn moeder alles"."""
    assert "gen.threats" in ids("If I refuse he says he will end my contract.")
    assert "gen.threats" in ids("Send the money or we post ur pics to all ur friends.")
    assert "gen.threats" in ids("Hij zegt als ik niet ga dan weet mijn moeder morgen alles.")
    assert "gen.threats" not in ids("She told me about her work.")


def test_fear_alone_is_no_threat() -> None:
    """ "durft niet naar boven" says someone is afraid, not that they were threatened."""
    assert "gen.threats" not in ids("De medewerker durft niet naar boven te gaan.")


def test_someone_else_holds_the_bank_card() -> None:
    """ "De boer heeft zijn bankpas" is no control over one's own card; "pas" as "only"
    is not a card."""
    assert "lab.bank_card_controlled" in ids("De boer heeft zijn bankpas en zijn pincode.")
    assert "lab.bank_card_controlled" not in ids("Hij komt pas om 4 uur 's nachts thuis.")


def test_a_lent_bank_card_next_to_a_money_mule_is_criminal() -> None:
    """The card in someone else's hands is shown, but the form is criminal, not labour."""
    text = (
        "Mijn cliënt heeft zijn bankpas en pincode afgegeven aan een vriend. Op zijn "
        "rekening kwamen bedragen binnen die direct contant zijn opgenomen."
    )
    result = suggest(text)
    assert "crim.money_mule" in ids(text)
    assert result.form == "criminal"
    assert "labour" not in result.forms


def test_a_street_fine_is_not_also_debt_bondage() -> None:
    """A drug debt to a gang is the street fine; debt bondage is not shown beside it."""
    text = "Hij heeft een drugsschuld bij de jongens en moet nu elke dag ritjes doen."
    found = ids(text)
    assert "crim.street_fine" in found
    assert "gen.debt_bondage" not in found


def test_drug_couriers_and_cannabis_grows_in_other_words() -> None:
    """A grow with lamps and plants, a scale with bags of weed, a suitcase to Schiphol."""
    assert "crim.drugs" in ids("Door een kier zag ik lampen en planten, veel planten.")
    assert "crim.drugs" in ids("In zijn tas lagen kleine zakjes met wiet en een weegschaaltje.")
    assert "crim.drugs" in ids("She has to bring a suitcase back and dont open it at Schiphol.")
