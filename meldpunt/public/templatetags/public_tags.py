"""Template helpers for the public pages."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context: template.Context, language: str) -> str:
    """The current page in ``language``: /wat-is-mensenhandel/ becomes /en/wat-is-mensenhandel/.

    The path is resolved in the page's own language (still active while the page renders),
    so both directions work with an unprefixed default language.
    """
    request = context["request"]
    return translate_url(request.get_full_path(), language)
