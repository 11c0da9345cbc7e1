"""The English catalogue: every Dutch text has an English translation that is used.

A fuzzy entry is left out of the compiled catalogue, so the English side silently shows
Dutch for it; an empty one does the same.
"""

import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries() -> list[str]:
    """The entries of the catalogue after its header, each as its lines joined."""
    return CATALOGUE.read_text(encoding="utf-8").split("\n\n")[1:]


def test_no_entry_is_fuzzy() -> None:
    fuzzy = [entry for entry in _entries() if "#, fuzzy" in entry]
    assert fuzzy == []


def _has_empty_translation(entry: str) -> bool:
    """Whether a msgstr (or one plural form) is "" with no continuation line."""
    lines = entry.splitlines()
    return any(
        re.fullmatch(r'msgstr(\[\d+\])? ""', line)
        and (index + 1 == len(lines) or not lines[index + 1].startswith('"'))
        for index, line in enumerate(lines)
    )


def test_no_entry_is_untranslated() -> None:
    empty = [entry for entry in _entries() if _has_empty_translation(entry)]
    assert empty == []


def test_an_empty_translation_is_recognised() -> None:
    assert _has_empty_translation('msgid "Ja"\nmsgstr ""')
    assert _has_empty_translation('msgid "één"\nmsgid_plural "twee"\nmsgstr[0] "one"\nmsgstr[1] ""')
    assert not _has_empty_translation('msgid "Lang"\nmsgstr ""\n"Long"')
