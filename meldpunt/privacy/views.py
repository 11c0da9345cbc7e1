"""Staff pages of the privacy app: legal hold on a case, and a person's access and
erasure requests (AVG). Coordinators only.

Words that identify a person are sent with POST, so they never end up in a URL, the
browser history or a server log.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meldpunt.accounts.permissions import COORDINATOR_ROLES, StaffRequest, staff_required
from meldpunt.cases.selectors import access_case
from meldpunt.lib import clock
from meldpunt.privacy import services
from meldpunt.privacy.export import case_sections, subject_pdf
from meldpunt.privacy.forms import ErasureForm, HoldForm, PersonSearchForm, ReasonForm
from meldpunt.privacy.subject import (
    TERMS,
    Subject,
    SubjectCase,
    access_subject_case,
    access_subject_cases,
)


def _no_store(response: HttpResponse) -> HttpResponse:
    """Personal data: no copy in any cache."""
    response["Cache-Control"] = "no-store"
    return response


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


def _subject(form: PersonSearchForm) -> Subject:
    return Subject(**{term: form.cleaned_data.get(term, "") for term in TERMS})


@require_http_methods(["GET", "POST"])
@staff_required(*COORDINATOR_ROLES)
def subject_request(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. Find a person's cases for an access or erasure request.

    GET shows the form; POST searches and lists every case found with its content.
    """
    form = PersonSearchForm(request.POST if request.method == "POST" else None)
    found = None
    if form.is_bound and form.is_valid():
        found = access_subject_cases(request.user, _subject(form), audit="privacy.view")
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "found": found, "erase_form": ReasonForm()}
    return _no_store(render(request, "privacy/subject.html", context, status=status))


def _export_items(request: StaffRequest) -> list[SubjectCase] | None:
    form = PersonSearchForm(request.POST)
    if not form.is_valid():
        return None
    return access_subject_cases(request.user, _subject(form), audit="privacy.export")


@require_POST
@staff_required(*COORDINATOR_ROLES)
def subject_export(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. The answer to an access request as a printable page."""
    items = _export_items(request)
    if items is None:
        return redirect("privacy:subject")
    sections = [(item, case_sections(item)) for item in items]
    context = {"sections": sections, "made_at": clock.now()}
    return _no_store(render(request, "privacy/subject_export.html", context))


@require_POST
@staff_required(*COORDINATOR_ROLES)
def subject_export_pdf(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. The answer to an access request as a PDF download."""
    items = _export_items(request)
    if items is None:
        return redirect("privacy:subject")
    response = HttpResponse(subject_pdf(items), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="inzageverzoek.pdf"'
    return _no_store(response)


@require_POST
@staff_required(*COORDINATOR_ROLES)
def subject_erase(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: coordinators. Erase the content of one of the person's cases, with a reason;
    refused on legal hold. Shows the search again with what is left."""
    form = ErasureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden om de zaak te wissen."))
        return redirect("privacy:subject")
    subject = _subject(form)
    case = access_subject_case(request.user, case_id, subject)
    try:
        services.case_erase(case=case, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request,
            _("De inhoud van zaak %(number)s is gewist. De cijfers voor de statistiek blijven.")
            % {"number": case.number},
        )
    found = access_subject_cases(request.user, subject, audit="privacy.view")
    context = {"form": PersonSearchForm(request.POST), "found": found, "erase_form": ReasonForm()}
    return _no_store(render(request, "privacy/subject.html", context))
