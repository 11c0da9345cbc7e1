"""Template helpers for the public pages."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi

from meldpunt.lib.languages import is_reviewed

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context: template.Context, language: str) -> str:
    """The current page in ``language``: /wat-is-mensenhandel/ becomes /en/wat-is-mensenhandel/.

    The path is resolved in the page's own language (still active while the page renders),
    so both directions work with an unprefixed default language.
    """
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@dataclass(frozen=True)
class PageVersion:
    """The current page in one language: for the language menu and the hreflang links."""

    code: str
    name: str
    path: str
    url: str
    direction: str
    current: bool


@register.simple_tag(takes_context=True)
def page_versions(context: template.Context) -> list[PageVersion]:
    """The current page in every language, in menu order: ``path`` keeps the query string
    (the menu), ``url`` is absolute without one (hreflang alternates)."""
    request = context["request"]
    current = get_language()
    return [
        PageVersion(
            code=code,
            name=name,
            path=translate_url(request.get_full_path(), code),
            url=request.build_absolute_uri(translate_url(request.path, code)),
            direction="rtl" if code in settings.LANGUAGES_BIDI else "ltr",
            current=code == current,
        )
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag
def translation_reviewed() -> bool:
    """Whether the page's language has been checked by a native speaker."""
    return is_reviewed(get_language())


@register.simple_tag
def text_direction() -> str:
    """``rtl`` for a language written right to left, else ``ltr``."""
    return "rtl" if get_language_bidi() else "ltr"
