"""Headers that Django's own middleware does not set, and the reporter's session lifetime."""

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from meldpunt.lib import metrics, reporter_session
from meldpunt.lib.logging import request_id

request_logger = logging.getLogger("meldpunt.request")


class ObservationMiddleware:
    """Outermost: gives each request an id (in every log line written while it is served
    and in ``X-Request-ID``), writes one log line per request with the view's *name*,
    method, status and duration (no path, no address, no query) and counts it for
    /metrics."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = uuid.uuid4().hex[:16]
        token = request_id.set(rid)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            match = request.resolver_match
            view = match.view_name if match else "unmatched"
            request_logger.info(
                "request",
                extra={
                    "event": "request",
                    "view": view,
                    "method": request.method,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            metrics.observe_request(
                view=view, method=str(request.method), status=response.status_code, seconds=seconds
            )
            response["X-Request-ID"] = rid
            return response
        finally:
            request_id.reset(token)


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
