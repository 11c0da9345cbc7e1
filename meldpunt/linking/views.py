"""Staff views of the linking app."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meldpunt.accounts.permissions import COORDINATOR_ROLES, StaffRequest, staff_required
from meldpunt.linking.selectors import signals


@require_GET
@staff_required(*COORDINATOR_ROLES)
def signal_list(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. Entities (by kind, never the value) found in two or more cases."""
    return render(request, "linking/signals.html", {"signals": signals(user=request.user)})
