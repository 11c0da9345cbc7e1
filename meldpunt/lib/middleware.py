"""Headers that Django's own middleware does not set, and the reporter's session lifetime."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from meldpunt.lib import reporter_session


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy and Cross-Origin-Resource-Policy to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class ReporterSessionMiddleware:
    """Ends a reporter's session after 30 minutes without a request; a request is activity.

    Staff sessions are left to StaffSessionMiddleware. Goes after AuthenticationMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and reporter_session.is_reporter(request.session)
            and not request.user.is_authenticated
        ):
            if reporter_session.lapsed(request.session):
                reporter_session.end(request)
            else:
                reporter_session.activity(request.session)
        return self.get_response(request)
