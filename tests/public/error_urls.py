"""The site's URLs plus three that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def refused(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


def garbled(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("garbled request")


urlpatterns = [
    path("test/403/", refused),
    path("test/500/", broken),
    path("test/400/", garbled),
    *site_urlpatterns,
]
