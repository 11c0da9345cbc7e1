"""The site's URLs plus one protected page, for the permission tests."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from meldpunt.accounts.permissions import CASE_ROLES, staff_required

CASE_CONTENT = "Inhoud van een zaak"


@staff_required(*CASE_ROLES)
def protected(request: HttpRequest) -> HttpResponse:
    """Advisors and coordinators with both factors: a stand-in for case content."""
    return HttpResponse(CASE_CONTENT)


urlpatterns = [path("test/zaak/", protected, name="protected"), *site_urlpatterns]
