import re
import sys

import pytest

from meldpunt.triage.numbers import (
    AGE_ANCHORS,
    CASE_EXCEPTIONS,
    HOURS_ANCHORS,
    PLRO_ANCHORS,
    WAGE_ANCHORS,
)

ANCHORS = (AGE_ANCHORS, HOURS_ANCHORS, PLRO_ANCHORS, WAGE_ANCHORS)
EVERY_CHARACTER = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
)


def test_only_the_exceptions_lower_case_other_than_an_expression_with_ignorecase() -> None:
    """For every letter of the anchor expressions, (?i) matches exactly the characters
    that str.lower() turns into it, apart from CASE_EXCEPTIONS; and only those lower-case
    into more than one character, so the places in the text stay the same."""
    lowered: dict[str, set[str]] = {}
    for character in EVERY_CHARACTER:
        lowered.setdefault(character.lower(), set()).add(character)
    assert [c for c in EVERY_CHARACTER if len(c.lower()) != 1] == ["\u0130"]
    letters = {c for anchors in ANCHORS for c in anchors.lower_case.pattern if c.isalpha()}
    for letter in letters:
        assert letter == letter.lower()
        matched = set(re.findall(re.escape(letter), EVERY_CHARACTER, re.IGNORECASE))
        assert matched - set(CASE_EXCEPTIONS) == lowered[letter] - set(CASE_EXCEPTIONS)


def test_lower_case_keeps_word_characters_digits_and_spaces() -> None:
    r"""\w, \d and \s (and so \b) match a character exactly when they match it lower-cased."""
    for category in (r"\w", r"\d", r"\s"):
        members = set(re.findall(category, EVERY_CHARACTER))
        changed = [
            c
            for c in EVERY_CHARACTER
            if len(c.lower()) == 1 and (c in members) != (c.lower() in members)
        ]
        assert changed == [], category


@pytest.mark.parametrize(
    "text",
    [
        "Werkt 12 UUR per dag, Tot 23:00; ZES dagen. Kreeg 3 EURO per uur, 15-Jarige.",
        "Pracuje 12 GODZIN dziennie, 7 DNI w tygodniu; fata are 15 ANI, 3 Euro pe ORĂ.",
        "Long s: ſix hours, dotless ı: untıl 9, capital I with a dot: UNTİL 10, 16 Days",
    ],
)
def test_anchors_are_found_where_the_ignorecase_expression_finds_them(text: str) -> None:
    """Every anchor expression finds the same matches, at the same places, as the same
    expression with IGNORECASE over the text as written."""
    for anchors in ANCHORS:
        expected = [(m.span(), m.group().lower()) for m in anchors.any_case.finditer(text)]
        found = [(m.span(), m.group().lower()) for m in anchors.finditer(text)]
        assert found == expected
        assert anchors.found(text) == bool(expected)
