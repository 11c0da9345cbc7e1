"""Public information pages, quick exit, the health checks, the metrics and the chat
status for other sites. Anyone may call every view here but the metrics, which need the
scraper's token."""

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from meldpunt.lib import metrics, reporter_session
from meldpunt.lib.health import readiness_problems
from meldpunt.lib.languages import own_name, suggested_language
from meldpunt.public.embed import status_document, status_headers, status_svg
from meldpunt.public.selectors import chat_availability


@require_GET
@vary_on_headers("Accept-Language")
def home(request: HttpRequest) -> HttpResponse:
    """Who: anyone. The home page; a browser that prefers another language the meldpunt
    speaks gets a link to it, in that language (never a redirect: the URL decides)."""
    suggestion = None
    code = suggested_language(
        request.headers.get("Accept-Language", ""), translation.get_language()
    )
    if code is not None:
        with translation.override(code):
            suggestion = {
                "code": code,
                "name": own_name(code),
                "path": reverse("public:home"),
                "direction": "rtl" if translation.get_language_bidi() else "ltr",
            }
    return TemplateResponse(request, "public/home.html", {"suggestion": suggestion})


# Without a CSRF check: the quick exit must work from a page whose token has gone, and all
# it can do is end the caller's own reporter session (which the link does by GET anyway).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Who: anyone. Snel weg: the reporter's session ends (chat, unfinished report, mailbox)
    and its cookies go. The page's script sends a POST as a beacon and leaves by itself
    (204); the link without JavaScript is a GET that redirects to the neutral site.

    A staff member's session is left alone: they log out in the staff screens.
    """
    if request.method == "POST":
        response: HttpResponse = HttpResponse(status=204)
    else:
        response = HttpResponseRedirect(settings.MELDPUNT_EXIT_URL)
    if not request.user.is_authenticated:
        reporter_session.end(request, response)
    # The neutral site must not learn where the visitor came from, whatever the page said.
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
@never_cache
async def healthz(request: HttpRequest) -> HttpResponse:
    """Who: anyone (supervisors). Liveness: 200 while the process answers at all."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
async def readyz(request: HttpRequest) -> HttpResponse:
    """Who: anyone (load balancers). 200 when database, channel layer, key ring and
    migrations are in order; 503 naming the parts that are not."""
    problems = await readiness_problems()
    if problems:
        return JsonResponse({"status": "unavailable", "problems": problems}, status=503)
    return JsonResponse({"status": "ok"})


# The chat status for the host organisation's website (docs/EMBEDDING.md). Plain GET, no
# session touched, so no cookie is ever set; the CSRF middleware sets none on a GET either.
@require_GET
def chat_status_json(request: HttpRequest) -> HttpResponse:
    """Who: anyone, from any origin. Whether the chat is open, and where to go."""
    document = status_document(request, chat_availability())
    return status_headers(JsonResponse(document))


@require_GET
def chat_status_svg(request: HttpRequest) -> HttpResponse:
    """Who: anyone, from any origin. A small image that says whether the chat is open."""
    svg = status_svg(chat_availability())
    return status_headers(HttpResponse(svg, content_type="image/svg+xml; charset=utf-8"))


@require_GET
@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    """Who: the Prometheus scraper, with ``Authorization: Bearer <MELDPUNT_METRICS_TOKEN>``.
    404 to anyone else, and to everyone while no token is configured."""
    token = settings.MELDPUNT_METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise Http404
    return HttpResponse(
        metrics.exposition(), content_type="text/plain; version=0.0.4; charset=utf-8"
    )
