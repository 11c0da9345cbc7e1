"""Issue 14, 2026.12.22: what development sets 40 and 41 showed (signals told by witnesses,
labour in numbers, mixed-language texts and euphemisms), measured before they were read
(docs/TRIAGE.md). Written before the rules."""

import pytest

from meldpunt.triage.numbers import numeric_signals
from tests.triage.found import urgency


def _hours(text: str) -> set[str]:
    return {
        text[start:end].strip()
        for name, (start, end) in numeric_signals(text)
        if name == "lab.long_hours"
    }


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
    assert span in _hours(text)


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
    assert not _hours(text)
