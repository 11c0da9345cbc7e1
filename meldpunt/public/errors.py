"""Error pages for everyone (400, 403, 404, 500 and a failed CSRF check).

Who: anyone. Each page carries the quick exit, the phone number and plain words in the
visitor's language (the language of the address, as on every public page). The page is
rendered without the request's context processors: a 500 asks nothing of the database
and nothing that failed once is tried again. Every error page is no-store.
"""

import errno
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _


def _page(status: int, title: str, message: str) -> HttpResponse:
    context = {
        "organisation": settings.MELDPUNT_ORGANISATION,
        "phone": settings.MELDPUNT_PHONE,
        "phone_e164": settings.MELDPUNT_PHONE_E164,
        "exit_url": settings.MELDPUNT_EXIT_URL,
        "title": title,
        "message": message,
    }
    response = HttpResponse(loader.render_to_string("public/error.html", context), status=status)
    add_never_cache_headers(response)
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(
        400,
        _("Dit ging niet goed"),
        _("Wij konden niet lezen wat uw browser stuurde. Probeer het nog een keer."),
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(403, _("Geen toegang"), _("U mag deze pagina niet bekijken."))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(
        404,
        _("Deze pagina bestaat niet"),
        _("Misschien klopt het adres niet, of is de pagina weggehaald."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    failure = sys.exc_info()[1]
    disk_full = isinstance(failure, OSError) and failure.errno == errno.ENOSPC
    if disk_full or isinstance(failure, OperationalError | InterfaceError):
        # The database restarted, dropped the connection or is full, or a disk is: whatever
        # this request wrote was rolled back, and a web report's draft is still there.
        return _page(
            503,
            _("Er is even een storing bij ons"),
            _(
                "Wat u hebt ingevuld is niet verstuurd, maar ook niet weg. Ga terug met de "
                "knop Vorige van uw browser en probeer het over een minuut opnieuw, of bel ons."
            ),
        )
    return _page(
        500,
        _("Er ging bij ons iets mis"),
        _("Dat ligt niet aan u. Probeer het over een paar minuten opnieuw."),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The form's safety check failed: open too long, or cookies are off in this browser."""
    return _page(
        403,
        _("Dit formulier werkt niet meer"),
        _(
            "Een formulier werkt maar een tijdje, en alleen als uw browser cookies toestaat. "
            "Ga terug, laad de pagina opnieuw en probeer het nog een keer."
        ),
    )
