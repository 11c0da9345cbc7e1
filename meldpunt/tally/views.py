"""The short link of a campaign: /c/<code>/ (wired in config/urls.py)."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from meldpunt.lib import ratelimit
from meldpunt.tally.services import link_visit


@never_cache
@require_GET
def campaign_visit(request: HttpRequest, code: str) -> HttpResponse:
    """Who: anyone. Counts the visit (see services.link_visit) and sends the visitor to
    the home page without any parameter; no cookie, no referrer. An unknown code gets
    the same "not found" page as any other wrong address."""
    if link_visit(code=code[:64], client=ratelimit.request_client(request)) is None:
        raise Http404
    response = HttpResponseRedirect(reverse("public:home"))
    response["Referrer-Policy"] = "no-referrer"
    return response
