"""The case search page (for advisors and coordinators only).

The form is sent with POST, so words from case content never end up in a URL, the
browser history or a server log.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from meldpunt.accounts.permissions import CASE_ROLES, StaffRequest, staff_required
from meldpunt.cases.search.forms import CaseSearchForm
from meldpunt.cases.search.selectors import (
    MAX_RESULTS,
    CaseQuery,
    results_page,
    search_cases_for_user,
)

PAGE_SIZE = 25


@require_http_methods(["GET", "POST"])
@staff_required(*CASE_ROLES)
def search(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. GET shows the newest cases; POST searches."""
    form = CaseSearchForm(request.POST if request.method == "POST" else None)
    query = CaseQuery()
    page_number = 1
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        assignee = data["assignee"]
        query = CaseQuery(
            text=data["q"],
            status=data["status"],
            unassigned=assignee == CaseSearchForm.UNASSIGNED,
            assigned_to_id=int(assignee) if assignee.isdigit() else None,
            created_from=data["created_from"],
            created_to=data["created_to"],
        )
        page_number = data["page"] or 1
    page = None
    if not form.is_bound or form.is_valid():
        found = search_cases_for_user(request.user, query)
        page = results_page(found, page_number, per_page=PAGE_SIZE)
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "page": page, "max_results": MAX_RESULTS}
    return render(request, "cases/search.html", context, status=status)
