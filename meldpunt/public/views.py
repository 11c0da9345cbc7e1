"""Public information pages and the health check. Anyone may call every view here."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from meldpunt.lib.health import health_problems


@require_GET
@never_cache
async def healthz(request: HttpRequest) -> HttpResponse:
    """Who: anyone (load balancers). 200 when database and channel layer answer, 503 if not."""
    problems = await health_problems()
    if problems:
        return JsonResponse({"status": "unavailable", "problems": problems}, status=503)
    return JsonResponse({"status": "ok"})
