"""Staff pages of the privacy app: legal hold on a case, and a person's access and
erasure requests (AVG). Coordinators only.

Words that identify a person are sent with POST, so they never end up in a URL, the
browser history or a server log.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meldpunt.accounts.permissions import COORDINATOR_ROLES, StaffRequest, staff_required
from meldpunt.cases.selectors import access_case
from meldpunt.privacy import services
from meldpunt.privacy.forms import HoldForm


def _error(request: StaffRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
@staff_required(*COORDINATOR_ROLES)
def hold_place(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: coordinators. Put the case on legal hold, with a reason."""
    case = access_case(request.user, case_id, audit=None)
    form = HoldForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden voor de bewaarplicht."))
    else:
        try:
            services.hold_place(case=case, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("De zaak heeft nu een juridische bewaarplicht."))
    return redirect("cases:detail", case_id=case.pk)


@require_POST
@staff_required(*COORDINATOR_ROLES)
def hold_release(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: coordinators. End the case's legal hold."""
    case = access_case(request.user, case_id, audit=None)
    try:
        services.hold_release(case=case, by=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("De juridische bewaarplicht is opgeheven."))
    return redirect("cases:detail", case_id=case.pk)
