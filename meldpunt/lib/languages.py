"""The reporter's languages: what staff call them, and how far each translation is.

The reporter side speaks every language in settings.LANGUAGES (named in itself there); a
report, mailbox message or chat keeps the language of the URL it was made in, and staff see
it by its Dutch name ("Pools"). Each translation's .po file says in its header
``X-Meldpunt-Reviewed: yes|no`` whether a native speaker has checked it.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

REVIEWED_HEADER = "X-Meldpunt-Reviewed"


class ReporterLanguage(models.TextChoices):
    """The language a reporter used, by the name staff know it by."""

    NL = "nl", _("Nederlands")
    EN = "en", _("Engels")
    PL = "pl", _("Pools")
    RO = "ro", _("Roemeens")
    BG = "bg", _("Bulgaars")
    UK = "uk", _("Oekraïens")
    AR = "ar", _("Arabisch")


def language_name(code: str) -> str:
    """The language's name for staff ("Pools"); empty for no language."""
    return str(ReporterLanguage(code).label) if code in ReporterLanguage.values else ""


def reporter_language(code: str | None = None) -> str:
    """The reporter language for ``code`` (default: the active one); Dutch when unknown."""
    code = (code or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in ReporterLanguage.values else settings.LANGUAGE_CODE


def own_name(code: str) -> str:
    """The language's name in itself, as the language menu shows it."""
    return dict(settings.LANGUAGES)[code]


@dataclass(frozen=True)
class CatalogueStatus:
    """How far one language's translation is (from its .po file)."""

    code: str
    name: str
    total: int
    untranslated: int
    reviewed: bool

    @property
    def unreviewed(self) -> int:
        """Strings not checked by a native speaker: all translated ones when not reviewed."""
        return 0 if self.reviewed else self.total - self.untranslated


def _po_path(code: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"


@cache
def catalogue_status(code: str) -> CatalogueStatus:
    """The status of ``code``'s catalogue, read once per process (the .po files ship with
    the code). Dutch is the source language: complete and reviewed by definition. A
    language without a file yet has everything untranslated."""
    name = own_name(code)
    path = _po_path(code)
    if code == settings.LANGUAGE_CODE:
        return CatalogueStatus(code, name, 0, 0, reviewed=True)
    if not path.exists():
        return CatalogueStatus(code, name, 0, 0, reviewed=False)
    po = polib.pofile(str(path))
    entries = [entry for entry in po if not entry.obsolete]
    untranslated = sum(1 for entry in entries if not entry.translated())
    reviewed = po.metadata.get(REVIEWED_HEADER, "").strip().lower() == "yes"
    return CatalogueStatus(code, name, len(entries), untranslated, reviewed)


def all_catalogue_statuses() -> list[CatalogueStatus]:
    """Every reporter language in menu order."""
    return [catalogue_status(code) for code, _name in settings.LANGUAGES]


def is_reviewed(code: str) -> bool:
    """Whether a native speaker has checked ``code``'s translation."""
    return catalogue_status(code).reviewed


def suggested_language(accept_language: str, current: str) -> str | None:
    """The language the browser prefers most of those the reporter side speaks, when it is
    not ``current`` (only ever a suggestion: the URL decides the language)."""
    wishes: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _sep, parameters = part.strip().partition(";")
        quality = 1.0
        parameters = parameters.strip()
        if parameters.startswith("q="):
            try:
                quality = float(parameters[2:])
            except ValueError:
                continue
        code = tag.strip().lower().split("-")[0]
        if code and quality > 0:
            wishes.append((-quality, index, code))
    for _quality, _index, code in sorted(wishes):
        if code in ReporterLanguage.values:
            return None if code == current else code
    return None
