"""Every catalogue of a reporter language (locale/<code>/LC_MESSAGES/django.po for each
language in settings.LANGUAGES but Dutch, the source) has every text of the code and keeps
every placeholder of it.

A text missing from a catalogue shows in Dutch in that language however well the rest is
translated; a dropped or renamed placeholder (%(name)s, {name}, %s) breaks the page or
loses the number it should show. Languages whose file is not there yet (a translation on
its way) are left out; English is always there.
"""

import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
CATALOGUES = {
    code: LOCALE / code / "LC_MESSAGES" / "django.po"
    for code, _name in settings.LANGUAGES
    if code != settings.LANGUAGE_CODE and (LOCALE / code / "LC_MESSAGES" / "django.po").exists()
}
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[sdif]|\{\w*\}")


def placeholders(text: str) -> Counter[str]:
    """The placeholders in ``text`` (a literal %% is none)."""
    return Counter(PLACEHOLDER.findall(text.replace("%%", "")))


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str | None, str]]:
    """Every translatable text in the code and templates now, as `make messages` finds it:
    extracted into a catalogue of its own in a scratch folder (the real ones untouched)."""
    scratch = tmp_path_factory.mktemp("extract")
    for name in ("meldpunt", "templates", "config"):
        (scratch / name).symlink_to(ROOT / name)
    (scratch / "locale").mkdir()
    here = Path.cwd()
    try:
        os.chdir(scratch)
        with override_settings(LOCALE_PATHS=[scratch / "locale"]):
            call_command("makemessages", locale=["xx"], symlinks=True, verbosity=0)
    finally:
        os.chdir(here)
    return {key(entry) for entry in polib.pofile(str(scratch / "locale/xx/LC_MESSAGES/django.po"))}


def catalogue_entries(code: str) -> Iterator[polib.POEntry]:
    for entry in polib.pofile(str(CATALOGUES[code])):
        if not entry.obsolete:
            yield entry


def test_english_and_every_present_language_are_checked() -> None:
    assert "en" in CATALOGUES
    assert set(CATALOGUES) <= {code for code, _name in settings.LANGUAGES}


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_every_text_is_in_the_catalogue(code: str, extracted: set[tuple[str | None, str]]) -> None:
    """Run `make messages` when this fails: it adds the new texts to every catalogue."""
    present = {key(entry) for entry in catalogue_entries(code)}
    assert sorted(extracted - present, key=str) == []


def test_a_missing_text_is_noticed(extracted: set[tuple[str | None, str]]) -> None:
    """Guard for the test above: the extraction finds the texts of a template."""
    assert (
        None,
        "Deze vertaling is nog niet gecontroleerd door een moedertaalspreker.",
    ) in extracted
    assert (None, "Snel weg") in extracted


def placeholder_problems(entry: polib.POEntry) -> list[str]:
    """What a translation drops, renames or adds of the placeholders of its source."""
    if entry.msgid_plural:
        source = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
        named = {p for p in placeholders(entry.msgid_plural) if p.startswith(("%(", "{"))}
        problems = []
        for index, text in sorted(entry.msgstr_plural.items()):
            if not text:
                continue
            found = placeholders(text)
            extra = set(found) - set(source)
            # A singular form may leave the number out ("one file"), never anything else.
            missing = {p for p in named if p not in found and "count" not in p and "n)" not in p}
            if extra or missing:
                problems.append(f"[{index}] {sorted(extra)} {sorted(missing)}")
        return problems
    if entry.msgstr and placeholders(entry.msgstr) != placeholders(entry.msgid):
        return [f"{dict(placeholders(entry.msgid))} -> {dict(placeholders(entry.msgstr))}"]
    return []


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_translations_keep_every_placeholder(code: str) -> None:
    problems = {
        entry.msgid: problem
        for entry in catalogue_entries(code)
        if (problem := placeholder_problems(entry))
    }
    assert problems == {}


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_no_entry_is_fuzzy(code: str) -> None:
    """A fuzzy entry is left out of the compiled catalogue: it silently shows Dutch."""
    assert [entry.msgid for entry in catalogue_entries(code) if entry.fuzzy] == []


@pytest.mark.parametrize(
    ("msgid", "msgstr", "wrong"),
    [
        ("Zaak %(number)s", "Case %(number)s", False),
        ("Zaak %(number)s", "Case", True),
        ("Zaak %(number)s", "Case %(numer)s", True),
        ("{minutes} minuten", "{minutes} minutes", False),
        ("{minutes} minuten", "{minuten} minutes", True),
        ("%s van %s", "%s of %s", False),
        ("%s van %s", "%s", True),
        ("100%% zeker", "100% sure", False),
        ("Klaar", "Done %(x)s", True),
    ],
)
def test_placeholder_check(msgid: str, msgstr: str, wrong: bool) -> None:
    assert bool(placeholder_problems(polib.POEntry(msgid=msgid, msgstr=msgstr))) is wrong


def test_placeholder_check_on_plurals() -> None:
    good = polib.POEntry(
        msgid="één bestand",
        msgid_plural="%(count)s bestanden van %(name)s",
        msgstr_plural={0: "jeden plik %(name)s", 1: "%(count)s pliki %(name)s"},
    )
    bad = polib.POEntry(
        msgid="één bestand",
        msgid_plural="%(count)s bestanden van %(name)s",
        msgstr_plural={0: "jeden plik", 1: "%(count)s pliki %(imie)s"},
    )
    assert placeholder_problems(good) == []
    assert len(placeholder_problems(bad)) == 2
