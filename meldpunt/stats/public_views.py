"""The public annual figures (/cijfers/): what municipalities publish in their annual
reports. Who: anyone. No JavaScript, small numbers protected."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meldpunt.lib.clock import now
from meldpunt.stats.annual import annual_tables, years_published
from meldpunt.stats.exports import as_csv


def _year(request: HttpRequest) -> tuple[int, list[int]]:
    years = years_published(now().year)
    asked = request.GET.get("jaar", "")
    year = int(asked) if asked.isdigit() and int(asked) in years else years[0]
    return year, years


@require_GET
def annual(request: HttpRequest) -> HttpResponse:
    """Who: anyone. Last year's figures by default; the four years before it on request."""
    year, years = _year(request)
    context = {"year": year, "years": years, "tables": annual_tables(year)}
    return render(request, "stats/annual.html", context)


@require_GET
def annual_csv(request: HttpRequest) -> HttpResponse:
    """Who: anyone. The same figures as the page, as CSV."""
    year, _years = _year(request)
    response = HttpResponse(as_csv(annual_tables(year)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="jaarcijfers-{year}.csv"'
    return response
