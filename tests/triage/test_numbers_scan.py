import re
import sys
from collections.abc import Iterator

import pytest

from meldpunt.triage import numbers
from meldpunt.triage.numbers import CASE_EXCEPTIONS

SCANS = [value for value in vars(numbers).values() if isinstance(value, numbers._AnyCase)]
EVERY_CHARACTER = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
)
# The characters that lower-casing changes: only these can read differently lower-cased
# (a loop in Python over these, not over all 1.1 million).
CHANGED_BY_LOWER = [c for c in EVERY_CHARACTER if c.lower() != c]


def test_only_the_exceptions_lower_case_other_than_an_expression_with_ignorecase() -> None:
    """For every letter of the expressions that scan in any case, (?i) matches exactly the
    characters that str.lower() turns into it, apart from CASE_EXCEPTIONS; and only those
    lower-case into more than one character, so the places in the text stay the same."""
    lowered: dict[str, set[str]] = {}
    for character in CHANGED_BY_LOWER:
        lowered.setdefault(character.lower(), set()).add(character)
    assert [c for c in CHANGED_BY_LOWER if len(c.lower()) != 1] == ["\u0130"]
    # The letters the expressions match (\w, \d, \s are the next test's).
    written = "".join(re.sub(r"\\.", "", scan.lower_case.pattern) for scan in SCANS)
    letters = {c for c in written if c.isalpha()}
    for letter in letters:
        assert letter == letter.lower()
        matched = set(re.findall(re.escape(letter), EVERY_CHARACTER, re.IGNORECASE))
        same = lowered.get(letter, set()) | {letter}
        assert matched - set(CASE_EXCEPTIONS) == same - set(CASE_EXCEPTIONS)


def test_lower_case_keeps_word_characters_digits_and_spaces() -> None:
    r"""\w, \d and \s (and so \b) match a character exactly when they match it lower-cased."""
    for category in (r"\w", r"\d", r"\s"):
        members = set(re.findall(category, EVERY_CHARACTER))
        changed = [
            c
            for c in CHANGED_BY_LOWER
            if len(c.lower()) == 1 and (c in members) != (c.lower() in members)
        ]
        assert changed == [], category


@pytest.mark.parametrize(
    "text",
    [
        "Werkt 12 UUR per dag, Tot 23:00; ZES dagen. Kreeg 3 EURO per uur, 15-Jarige.",
        "Pracuje 12 GODZIN dziennie, 7 DNI w tygodniu; fata are 15 ANI, 3 Euro pe ORĂ.",
        "Long s: ſix hours, dotless ı: untıl 9, capital I with a dot: UNTİL 10, 16 Days",
        "Geboren 03-05-2011, zit in 3 HAVO; Chłopiec (15), MIAŁ 16 LAT, 12 Godzin Dziennie.",
        "Tânără în VÂRSTĂ de 15 ani, 7 ZILE pe săptămână, 12 ore pe zi, 40 EUR / H, po 12 godzin",
    ],
)
def test_scans_find_what_the_ignorecase_expression_finds(text: str) -> None:
    """Every expression that scans in any case finds the same matches, at the same places
    and with the same groups (in lower case), as the same expression with IGNORECASE over
    the text as written."""
    assert len(SCANS) == 10

    def seen(matches: Iterator[re.Match[str]]) -> list[tuple[object, ...]]:
        return [
            (m.span(), m.group().lower(), *(g and g.lower() for g in m.groups())) for m in matches
        ]

    for scan in SCANS:
        expected = seen(scan.any_case.finditer(text))
        assert seen(scan.finditer(text)) == expected
        assert scan.found(text) == bool(expected)
