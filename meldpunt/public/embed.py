"""What the host organisation's website embeds (docs/EMBEDDING.md): the chat's open or
closed state as a tiny SVG image and as JSON, for pages on other sites.

Both answer anyone, from any origin, without a cookie, a script or credentials: the
answer is the same for everybody. They are cached for a short while only, so a chat that
closes shows as closed within half a minute.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from meldpunt.public.selectors import ChatAvailability

# Seconds a browser or proxy may keep the state.
STATUS_MAX_AGE = 30

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="24" \
viewBox="0 0 {width} 24" role="img" aria-label="{label}"><title>{label}</title>\
<rect width="{width}" height="24" rx="4" fill="{background}"/>\
<circle cx="12" cy="12" r="5" fill="{dot}"/>\
<text x="24" y="16.5" font-family="Arial, Helvetica, sans-serif" font-size="14" \
fill="#ffffff">{label}</text></svg>"""
# Colours with a contrast above 4.5:1 against white text (WCAG 2.2 AA).
OPEN_COLOURS = {"background": "#1d6b35", "dot": "#ffffff"}
CLOSED_COLOURS = {"background": "#5c5c5c", "dot": "#d6d6d6"}


def status_headers(response: HttpResponse) -> HttpResponse:
    """Any origin may read it (no credentials); short caching; loadable as an image on
    another site (the site's own default is Cross-Origin-Resource-Policy: same-origin)."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={STATUS_MAX_AGE}"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def status_label(availability: ChatAvailability) -> str:
    return _("Chat is open") if availability.is_open else _("Chat is gesloten")


def status_svg(availability: ChatAvailability) -> str:
    label = escape(status_label(availability))
    colours = OPEN_COLOURS if availability.is_open else CLOSED_COLOURS
    # About 8 pixels per character of 14 px Arial, plus the dot.
    return SVG.format(width=32 + 8 * len(label), label=label, **colours)


def status_document(request: HttpRequest, availability: ChatAvailability) -> dict[str, object]:
    return {
        "chat": "open" if availability.is_open else "closed",
        "opens_at": availability.opens_at.isoformat() if availability.opens_at else None,
        "phone": settings.MELDPUNT_PHONE,
        "phone_e164": settings.MELDPUNT_PHONE_E164,
        "chat_url": request.build_absolute_uri(reverse("chat_public:chat")),
        "report_url": request.build_absolute_uri(reverse("reports_public:start")),
    }
