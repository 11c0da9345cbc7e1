"""Issue 14, 2026.12.22: what development sets 40 and 41 showed (signals told by witnesses,
labour in numbers, mixed-language texts and euphemisms), measured before they were read
(docs/TRIAGE.md). Written before the rules."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids, long_hours, urgency


def test_sets_40_and_41_are_learned_and_blind_24_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev40", "dev41"} <= set(trained.trained_on)
    assert "blind24" in FROZEN
    assert not {"dev40", "dev41"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    "text",
    [
        "Eén meisje tekent soms voor de pakketten, ze zegt dat ze 16 is.",
        "Een van hen zei tegen onze beveiliger dat hij 12 is.",
        "De jongste vertelde me met handen en voeten dat ze 16 is en hier niet naar school gaat.",
        "Er doet altijd een jongen open die me vertelde dat hij 15 is.",
        "De buurvrouw denkt dat het meisje pas 14 jaar is.",
    ],
)
def test_an_age_at_the_end_of_a_dutch_clause_is_a_minor(text) -> None:
    """Dutch puts the verb last in a clause after "dat": "dat ze 16 is" (sets 40 and 41)."""
    assert "minor" in urgency(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ze zegt dat ze 19 is en hier al drie jaar woont.",
        "Hij zegt dat hij 15 was toen hij hier kwam, nu is hij 24.",
        "Ze zeggen dat het 16 is, de kamer boven de zaak.",
        "De baas zegt dat ze 16 uur per dag werken.",
        "Ze vertelde dat hij om 12 is vertrokken.",
    ],
)
def test_other_numbers_before_is_are_no_minor(text) -> None:
    assert "minor" not in urgency(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a day named with its hours in the singular
        ("Dus 36 euro voor een dag van 15 uur.", "dag van 15 uur"),
        ("It was a day of 14 hours again.", "day of 14 hours"),
        # an end written with a leading zero is on a 24-hour clock: the next morning
        (
            "a notebook with names and times from 12:00 until 04:00, every day",
            "from 12:00 until 04:00",
        ),
        ("Ze werkt van 10:00 tot 02:00 in de salon.", "van 10:00 tot 02:00"),
        # seven nights after the hours, as six or seven days are
        ("shows on a cam site 10 hours every night, 7 nights", "7 nights"),
        # ten hours or more a day on six or seven days named before them: sixty a week
        ("They work six days, 10 hours a day, and get 1.100 a month.", "six days, 10 hours"),
        ("Ze werken 7 dagen, 10 uur per dag.", "7 dagen, 10 uur"),
    ],
)
def test_long_days_and_weeks_written_otherwise_are_long_hours(text, span) -> None:
    assert span in long_hours(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op de dag van 8 uur werk kreeg hij niets.",
        "Ze werkt van 06:00 tot 08:00 en dan naar school.",
        "from 09:00 until 05:00 pm at the office",
        "They work six days, 8 hours a day.",
        "She slept 7 nights in the shelter.",
        "zes dagen, 9 uur per dag",
    ],
)
def test_ordinary_days_written_so_are_not(text) -> None:
    assert not long_hours(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("He takes 120 every week from salary for this room.", "gen.wages_withheld"),
        ("Het geld wordt meteen van het loon gehaald, zegt hij.", "gen.wages_withheld"),
        ("Ingehouden: huisvesting 113,75 en vervoer 35,00.", "gen.wages_withheld"),
        ("After their deductions he is collecting only about 300 euro.", "gen.wages_withheld"),
        ("In 3 months they paid me one time 200 euro.", "gen.wages_withheld"),
        ("The boss of the agency take our paszport first day.", "gen.documents_retained"),
        ("Since she came, madam collected her passport.", "gen.documents_retained"),
        ("Als ze twijfelt zegt hij dat hij weet waar haar moeder werkt.", "gen.threats"),
        ("I must go back, they know my family in Vietnam.", "gen.threats"),
        ("Als je naar de politie gaat ben jij de sjaak.", "gen.threats"),
        ("Het bureau zegt dat ze dan 1.500 boete moet betalen.", "gen.threats"),
        ("The boss hit my colleague this morning because she asked for money.", "gen.violence"),
        ("Last night he came home with a split lip.", "gen.violence"),
        ("The manager says she must also be nice to guests at night.", "sex.forced_sex_work"),
        ("He brings men to the flat and I must be with them.", "sex.forced_sex_work"),
        (
            "Een vriendin zei dat ze daarvoor bij vrienden van Dex langs moet.",
            "sex.forced_sex_work",
        ),
        ("Ze moest soms met mannen mee voor geld.", "sex.forced_sex_work"),
        ("Ze moet met mannen naar bed. Ze geeft alles aan hem.", "sex.earnings_handed_over"),
        (
            "Er komen steeds andere mannen langs voor seks. Die man vertrekt met een envelop.",
            "sex.earnings_handed_over",
        ),
        (
            "Ze moet met mannen naar bed voor geld. Na elke date moet ze hem een selfie sturen.",
            "sex.always_reachable",
        ),
        (
            "Ze moet met mannen naar bed voor geld. Haar telefoon trilt de hele les.",
            "sex.always_reachable",
        ),
        ("He does not know in which town he sleeps.", "gen.isolation"),
        ("De vrouwen mogen de kamer niet uit.", "gen.movement_restricted"),
        ("Hij werkt van donker tot donker, ook op zaterdag.", "gen.excessive_overtime"),
        ("Vorige week is een man flauwgevallen in de hitte.", "gen.abusive_conditions"),
        ("Er werd geen dokter gebeld.", "gen.abusive_conditions"),
        ("Ze slaapt op de massagetafel.", "lab.employer_housing"),
        ("He sleep in one room above restaurant with 3 other workers.", "lab.employer_housing"),
        (
            "Hij moet drugs rondbrengen. Zijn andere telefoon hebben ze gepakt.",
            "crim.multiple_phones",
        ),
    ],
)
def test_what_sets_40_and_41_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("The boss is nice to guests.", "sex.forced_sex_work"),
        ("Ze weet waar het station is.", "gen.threats"),
        ("She took the money from the salary box at the shop till.", "gen.documents_retained"),
    ],
)
def test_ordinary_words_near_them_are_not(text, indicator) -> None:
    assert indicator not in ids(text)
