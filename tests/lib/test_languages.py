"""The reporter's languages: names for staff, the browser's suggestion, and how far each
translation is according to its .po file."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client, override_settings

from meldpunt.lib import languages
from meldpunt.lib.languages import (
    all_catalogue_statuses,
    catalogue_status,
    language_name,
    reporter_language,
    suggested_language,
)


@pytest.fixture
def locale_dir(tmp_path: Path) -> Iterator[Path]:
    """A locale folder of its own; the cached statuses are forgotten before and after."""
    catalogue_status.cache_clear()
    with override_settings(LOCALE_PATHS=[tmp_path]):
        yield tmp_path
    catalogue_status.cache_clear()


def write_po(folder: Path, code: str, reviewed: str | None, entries: str) -> None:
    target = folder / code / "LC_MESSAGES"
    target.mkdir(parents=True)
    header = f'"X-Meldpunt-Reviewed: {reviewed}\\n"\n' if reviewed is not None else ""
    (target / "django.po").write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n{header}\n{entries}',
        encoding="utf-8",
    )


ENTRIES = 'msgid "Ja"\nmsgstr "Tak"\n\nmsgid "Nee"\nmsgstr ""\n\nmsgid "Hallo"\nmsgstr "Cześć"\n'


def test_unreviewed_catalogue_counts_untranslated_and_unchecked(locale_dir: Path) -> None:
    write_po(locale_dir, "pl", "no", ENTRIES)
    status = catalogue_status("pl")
    assert (status.name, status.total, status.untranslated, status.unreviewed) == (
        "Polski",
        3,
        1,
        2,
    )
    assert status.reviewed is False


def test_reviewed_catalogue_has_nothing_unchecked(locale_dir: Path) -> None:
    write_po(locale_dir, "ro", "yes", ENTRIES)
    assert catalogue_status("ro").reviewed is True
    assert catalogue_status("ro").unreviewed == 0


def test_without_header_or_file_a_language_counts_as_unreviewed(locale_dir: Path) -> None:
    write_po(locale_dir, "bg", None, ENTRIES)
    assert catalogue_status("bg").reviewed is False
    assert catalogue_status("uk").reviewed is False
    assert catalogue_status("uk").total == 0


def test_dutch_is_the_source_and_always_reviewed(locale_dir: Path) -> None:
    assert catalogue_status("nl").reviewed is True
    assert [status.code for status in all_catalogue_statuses()] == [
        "nl",
        "en",
        "pl",
        "ro",
        "bg",
        "uk",
        "ar",
    ]


def test_staff_names_are_dutch() -> None:
    assert language_name("pl") == "Pools"
    assert language_name("ar") == "Arabisch"
    assert language_name("") == ""


def test_reporter_language_falls_back_to_dutch() -> None:
    assert reporter_language("pl") == "pl"
    assert reporter_language("pt-br") == "nl"


@pytest.mark.parametrize(
    ("header", "current", "suggested"),
    [
        ("pl-PL,pl;q=0.9,en;q=0.8", "nl", "pl"),
        ("fr,ro;q=0.5", "nl", "ro"),
        ("en;q=0.3,uk;q=0.9", "nl", "uk"),
        ("nl-NL,en", "nl", None),
        ("pl", "pl", None),
        ("fr, de", "nl", None),
        ("bg;q=0", "nl", None),
        ("ar;q=abc,bg", "nl", "bg"),
        ("", "nl", None),
    ],
)
def test_suggested_language(header: str, current: str, suggested: str | None) -> None:
    assert suggested_language(header, current) == suggested


@pytest.mark.django_db
def test_note_shows_on_unreviewed_languages_only(client: Client, locale_dir: Path) -> None:
    """The one-line note is there on a page in an unreviewed language, not on a reviewed
    one and never on Dutch."""
    write_po(locale_dir, "pl", "no", ENTRIES)
    write_po(locale_dir, "ro", "yes", ENTRIES)
    assert "translation-note" in client.get("/pl/").content.decode()
    assert "translation-note" not in client.get("/ro/").content.decode()
    assert "translation-note" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_admin_page_lists_each_language(
    administrator, advisor, verified_client, locale_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """Administrators see per language what is untranslated and unchecked; others may not."""
    write_po(locale_dir, "pl", "no", ENTRIES)
    response = verified_client(administrator).get("/beheer/vertalingen/")
    assert response.status_code == 200
    html = response.content.decode()
    row = html[
        html.index('<tr data-language="pl">') : html.index(
            "</tr>", html.index('data-language="pl"')
        )
    ]
    assert "<td>3</td>" in row and "<td>1</td>" in row and "<td>2</td>" in row and "nee" in row
    assert 'data-language="ar"' in html
    assert verified_client(advisor).get("/beheer/vertalingen/").status_code in {302, 403}


def test_the_shipped_catalogues_declare_their_review() -> None:
    """Every catalogue of a reporter language says yes or no in the agreed header."""
    for status in all_catalogue_statuses():
        path = languages._po_path(status.code)
        if status.code == "nl" or not path.exists():
            continue
        header = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if "X-Meldpunt-Reviewed" in line
        ]
        assert header in (['"X-Meldpunt-Reviewed: yes\\n"'], ['"X-Meldpunt-Reviewed: no\\n"']), (
            status.code
        )
