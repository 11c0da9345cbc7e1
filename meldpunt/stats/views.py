"""The statistics dashboard.

``stats:dashboard`` (GET; analysts, municipality viewers, coordinators): the tables and
charts of the chosen year, protected against small numbers for a municipality viewer,
who sees only their own municipality; the service figures for the other two roles.
``stats:export`` (GET; the same roles): those tables as CSV or XLSX.
``stats:quarter`` and ``stats:quarter_pdf`` (GET; the same roles): the quarterly report
of one municipality (a viewer's own), as a page and a PDF.
``stats:definitions`` (GET; the same roles): what each figure counts.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meldpunt.accounts.models import Municipality, Role
from meldpunt.accounts.permissions import STATS_ROLES, StaffRequest, forbidden, staff_required
from meldpunt.lib.clock import today
from meldpunt.stats.campaigns import (
    campaign_figures,
    campaign_table,
    campaigns_in,
    how_heard_over_time,
    time_chart,
)
from meldpunt.stats.charts import bar_chart
from meldpunt.stats.exports import as_csv, as_xlsx
from meldpunt.stats.forms import FilterForm, ReportForm
from meldpunt.stats.report import quarter_report, report_pdf, report_title
from meldpunt.stats.rules import DEFINITIONS
from meldpunt.stats.selectors import Scope, Table, dashboard_tables
from meldpunt.stats.service import (
    assessed_in_time,
    chat_service,
    first_response,
    hour_of_week,
    workload,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _has_scope(request: StaffRequest) -> bool:
    """A municipality viewer without a municipality sees nothing (an administrator's slip)."""
    return request.user.role != Role.MUNICIPALITY or bool(request.user.municipality)


@require_GET
@staff_required(*STATS_ROLES)
def dashboard(request: StaffRequest) -> HttpResponse:
    """Who: analysts, municipality viewers (own municipality, protected), coordinators."""
    if not _has_scope(request):
        return forbidden(request)
    form = FilterForm(request.GET or None, user=request.user, today=today())
    scope = form.scope()
    tables = dashboard_tables(scope)
    context = {
        "form": form,
        "scope": scope,
        "sections": [(table, bar_chart(table)) for table in tables],
        "municipality": request.user.get_municipality_display() if scope.protected else "",
    }
    if not scope.protected:
        campaigns = campaigns_in(scope)
        over_time = how_heard_over_time(scope)
        context["campaigns"] = {
            "over_time": (over_time, time_chart(over_time, scope, campaigns)),
            "table": campaign_table(campaign_figures(scope, campaigns)),
        }
        hours = hour_of_week(scope)
        context["service"] = {
            "hours": (hours, bar_chart(hours)),
            "chat": chat_service(scope),
            "first_response": first_response(scope),
            "assessed": assessed_in_time(scope),
            "workload": workload(scope, today()),
        }
    return render(request, "stats/dashboard.html", context)


def _export_tables(scope: Scope) -> list[Table]:
    """The dashboard's tables; the campaigns and service tables too for exact figures."""
    tables = dashboard_tables(scope)
    if not scope.protected:
        campaigns = campaigns_in(scope)
        tables += [
            how_heard_over_time(scope),
            campaign_table(campaign_figures(scope, campaigns)),
            hour_of_week(scope),
        ]
    return tables


@require_GET
@staff_required(*STATS_ROLES)
def export(request: StaffRequest, fmt: str) -> HttpResponse:
    """Who: the roles of the dashboard. Every table of the dashboard for the same filters,
    with the same protection, as CSV or XLSX."""
    if not _has_scope(request):
        return forbidden(request)
    scope = FilterForm(request.GET or None, user=request.user, today=today()).scope()
    tables = _export_tables(scope)
    name = f"cijfers-{scope.year}"
    if fmt == "csv":
        response = HttpResponse(as_csv(tables), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(as_xlsx(tables), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
@staff_required(*STATS_ROLES)
def quarter(request: StaffRequest, fmt: str = "html") -> HttpResponse:
    """Who: the roles of the dashboard; a municipality viewer only for their own
    municipality, protected. The quarterly report as a printable page or a PDF."""
    if not _has_scope(request):
        return forbidden(request)
    form = ReportForm(request.GET or None, user=request.user, today=today())
    year, number, municipality = form.choice()
    protected = request.user.role == Role.MUNICIPALITY
    report = quarter_report(
        year=year,
        quarter=number,
        municipality=municipality,
        name=Municipality(municipality).label,
        protected=protected,
    )
    if fmt == "pdf":
        response = HttpResponse(
            report_pdf(report, protected=protected), content_type="application/pdf"
        )
        name = f"cijfers-{municipality}-{year}-k{number}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        "form": form,
        "report": report,
        "title": report_title(report),
        "protected": protected,
    }
    return render(request, "stats/quarter.html", context)


@require_GET
@staff_required(*STATS_ROLES)
def definitions(request: StaffRequest) -> HttpResponse:
    """Who: the roles of the dashboard. The counting rules, one anchor per figure."""
    return render(request, "stats/definitions.html", {"definitions": DEFINITIONS})
