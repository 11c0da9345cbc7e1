"""Issue 14, 2026.12.18: an age given as the answer to the advisor's question in a chat
("Mag ik vragen hoe oud je bent?" - "15.") is a minor (development set 32). Written
before the rule."""

import pytest

from tests.triage.found import urgency


@pytest.mark.parametrize(
    "text",
    [
        "[chat 15:02] Medewerker: Mag ik vragen hoe oud je bent?\n[chat 15:03] Bezoeker: 15. er"
        " is een jongen waarmee ik link",
        "[chat] Staff: How old are you, if I may ask?\n[chat] Visitor: 14\n[chat] Visitor: he "
        "says I must go tonight",
        "Medewerker: Hoe oud ben je?\nBezoeker: 16 jaar\nBezoeker: mijn vriend zegt dat",
        "[chat 20:11] Medewerker: Wat is je leeftijd?\n[chat 20:12] Bezoeker: 13!",
    ],
)
def test_an_age_that_answers_the_advisor_s_question_is_a_minor(text) -> None:
    assert "minor" in urgency(text)


@pytest.mark.parametrize(
    "text",
    [
        # an adult's answer
        "[chat] Medewerker: Hoe oud ben je?\n[chat] Bezoeker: 19. ik woon in Almere",
        # a number that answers another question
        "[chat] Medewerker: Hoeveel mannen wonen er?\n[chat] Bezoeker: 15. allemaal Polen",
        "[chat] Medewerker: How many hours do you work?\n[chat] Visitor: 14\n[chat] Visitor: "
        "every day",
        # the age question answered with a time
        "[chat] Medewerker: Hoe oud ben je en wanneer kun je bellen?\n[chat] Bezoeker: 15:30 "
        "kan ik bellen, ik ben 25",
    ],
)
def test_other_answers_are_no_minor(text) -> None:
    assert "minor" not in urgency(text)
