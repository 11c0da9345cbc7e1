"""Staff sessions end after 30 minutes idle and after 12 hours at most."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from meldpunt.accounts import staff_session


class StaffSessionMiddleware:
    """Logs out a staff member whose session ran out; anonymous sessions are left alone.

    Goes after AuthenticationMiddleware, OTPMiddleware and MessageMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            reason = staff_session.expiry_reason(request)
            if reason:
                staff_session.end(request, reason=reason)
                messages.info(
                    request,
                    _("U bent automatisch uitgelogd omdat u 30 minuten niets heeft gedaan.")
                    if reason == "idle"
                    else _("U bent automatisch uitgelogd: u was 12 uur ingelogd."),
                )
        return self.get_response(request)
