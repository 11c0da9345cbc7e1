"""Staff pages of the referrals app: partner directory, referrals, registration export.

Views stay thin: they reach cases through ``access_case``, referrals through
``access_referral`` and possible victims through ``access_victim``, and write through
services.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meldpunt.accounts.permissions import (
    CASE_ROLES,
    COORDINATOR_ROLES,
    StaffRequest,
    staff_required,
)
from meldpunt.cases.selectors import access_case
from meldpunt.lib import clock
from meldpunt.referrals import services
from meldpunt.referrals.forms import (
    ExportForm,
    FeedbackForm,
    PartnerFilterForm,
    ReferralForm,
    RegistrationForm,
    StatusForm,
)
from meldpunt.referrals.models import Referral
from meldpunt.referrals.registration import registration_export
from meldpunt.referrals.selectors import access_referral, access_victim, partner_directory
from meldpunt.referrals.sharing import shareable_fields
from meldpunt.referrals.summary import referral_preview, referral_summary, summary_pdf


def _no_store(response: HttpResponse) -> HttpResponse:
    """Case content: no copy in any cache."""
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@staff_required(*CASE_ROLES)
def partner_list(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. The partner directory, filtered by form and municipality.

    ``zaak`` (a case id) only adds a link back; the page shows no case content.
    """
    form = PartnerFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    partners = partner_directory(
        exploitation=filters.get("exploitation", ""), municipality=filters.get("municipality", "")
    )
    back = request.GET.get("zaak", "")
    return render(
        request,
        "referrals/partners.html",
        {
            "form": form,
            "partners": partners,
            # ASCII digits only: "²".isdigit() is true too, and would not reverse.
            "back_case": back if back.isascii() and back.isdigit() else "",
        },
    )


def _consent(data: dict[str, Any]) -> services.Consent:
    return services.Consent(
        given=bool(data.get("consent_given")),
        by=data.get("consent_by") or "",
        how=data.get("consent_how") or "",
        at=data.get("consent_at"),
        legal_ground=data.get("legal_ground") or "",
        legal_ground_note=data.get("legal_ground_note") or "",
    )


@require_http_methods(["GET", "POST"])
@staff_required(*CASE_ROLES)
def referral_new(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Refer a case: choose fields, preview, then save.

    The preview button shows exactly what the partner will see, without saving.
    """
    preview = request.method == "POST" and "preview" in request.POST
    if request.method == "POST" and not preview:
        case = access_case(request.user, case_id, audit=None)
        form = ReferralForm(request.POST, offered=shareable_fields(case))
        if form.is_valid():
            data = form.cleaned_data
            try:
                referral = services.referral_create(
                    case=case,
                    by=request.user,
                    partner=data["partner"],
                    reason=data["reason"],
                    urgency=data["urgency"],
                    shared_fields=data["shared_fields"],
                    consent=_consent(data),
                    follow_up=data["follow_up"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Doorverwijzing %(ref)s naar %(partner)s is opgeslagen.")
                    % {"ref": referral.reference, "partner": referral.partner.name},
                )
                return redirect("referrals:detail", referral_id=referral.pk)
    # Showing the form shows the case's content, so it goes through the audited way in.
    case = access_case(request.user, case_id, audit="case.view")
    offered = shareable_fields(case)
    if request.method == "GET":
        form = ReferralForm(
            offered=offered,
            initial={"urgency": case.urgency, "consent_at": timezone.localtime(clock.now())},
        )
    elif preview:
        form = ReferralForm(request.POST, offered=offered)
        form.is_valid()
    chosen = request.POST.getlist("shared_fields") if request.method == "POST" else []
    status = 400 if request.method == "POST" and not preview else 200
    return _no_store(
        render(
            request,
            "referrals/new.html",
            {
                "case": case,
                "form": form,
                "may_refer": services.case_may_be_referred(case),
                "preview": (
                    referral_preview(
                        case=case, data=form.cleaned_data, offered=offered, chosen=chosen
                    )
                    if preview
                    else None
                ),
                "previewed": preview,
            },
            status=status,
        )
    )


def _add_errors(
    form: ReferralForm | StatusForm | FeedbackForm | RegistrationForm | ExportForm,
    error: ValidationError,
) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _render_detail(request: StaffRequest, referral_id: int, **bound: Any) -> HttpResponse:
    referral = access_referral(request.user, referral_id, audit="referral.view")
    context = {
        "referral": referral,
        "case": referral.case,
        "updates": list(referral.updates.select_related("recorded_by")),
        "summary": referral_summary(referral),
        "status_form": StatusForm(initial={"on": clock.today()}),
        "feedback_form": FeedbackForm(initial={"on": clock.today()}),
        "done": referral.status in services.DONE_STATUSES,
        **bound,
    }
    return _no_store(
        render(request, "referrals/detail.html", context, status=400 if bound else 200)
    )


@require_GET
@staff_required(*CASE_ROLES)
def referral_detail(request: StaffRequest, referral_id: int) -> HttpResponse:
    """Who: advisors and coordinators. A referral: what was shared, its status and feedback."""
    return _render_detail(request, referral_id)


def _follow_up(
    request: StaffRequest,
    referral_id: int,
    form: StatusForm | FeedbackForm,
    act: Callable[[Referral, dict[str, Any]], Any],
    message: str,
) -> HttpResponse:
    """Validate ``form``, run ``act``; on bad input show the referral again with the input."""
    referral = access_referral(request.user, referral_id, audit=None)
    if form.is_valid():
        try:
            act(referral, form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, message)
            return redirect("referrals:detail", referral_id=referral.pk)
    name = "status_form" if isinstance(form, StatusForm) else "feedback_form"
    return _render_detail(request, referral_id, **{name: form})


@require_POST
@staff_required(*CASE_ROLES)
def referral_status(request: StaffRequest, referral_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Record that the partner received, accepted or declined."""
    return _follow_up(
        request,
        referral_id,
        StatusForm(request.POST),
        lambda referral, data: services.referral_set_status(
            referral=referral, by=request.user, status=data["status"], on=data["on"]
        ),
        _("De status van de doorverwijzing is opgeslagen."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def referral_feedback(request: StaffRequest, referral_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Keep the partner's feedback (encrypted)."""
    return _follow_up(
        request,
        referral_id,
        FeedbackForm(request.POST),
        lambda referral, data: services.referral_record_feedback(
            referral=referral, by=request.user, text=data["text"], on=data["on"]
        ),
        _("De terugkoppeling is opgeslagen."),
    )


@require_GET
@staff_required(*CASE_ROLES)
def referral_print(request: StaffRequest, referral_id: int) -> HttpResponse:
    """Who: advisors and coordinators. The summary for the partner as a printable page."""
    referral = access_referral(request.user, referral_id, audit="referral.print")
    return _no_store(
        render(
            request,
            "referrals/summary.html",
            {"referral": referral, "summary": referral_summary(referral)},
        )
    )


@require_GET
@staff_required(*CASE_ROLES)
def referral_pdf(request: StaffRequest, referral_id: int) -> HttpResponse:
    """Who: advisors and coordinators. The summary for the partner as a PDF download."""
    referral = access_referral(request.user, referral_id, audit="referral.download")
    response = HttpResponse(summary_pdf(referral_summary(referral)), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="doorverwijzing-{referral.reference}.pdf"'
    )
    return _no_store(response)


@require_http_methods(["GET", "POST"])
@staff_required(*CASE_ROLES)
def registration_edit(request: StaffRequest, person_id: int) -> HttpResponse:
    """Who: advisors and coordinators. The registration record of a possible victim."""
    person = access_victim(request.user, person_id, audit=None)
    existing = getattr(person, "registration", None)
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                services.registration_save(person=person, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("De registratie is opgeslagen."))
                return redirect("cases:detail", case_id=person.case_id)
    elif existing is not None:
        form = RegistrationForm(
            initial={name: getattr(existing, name) for name in RegistrationForm.base_fields}
        )
    else:
        form = RegistrationForm(
            initial={
                "exploitation": person.case.exploitation,
                "identified_on": timezone.localdate(person.case.created_at),
                "consent_on": clock.today(),
            }
        )
    case = access_case(request.user, person.case_id, audit="case.view")
    return _no_store(
        render(
            request,
            "referrals/registration.html",
            {"form": form, "person": person, "case": case, "existing": existing},
            status=400 if request.method == "POST" else 200,
        )
    )


@require_http_methods(["GET", "POST"])
@staff_required(*COORDINATOR_ROLES)
def registration_download(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. The registration records of a period as CSV or JSON; audited.

    The period starts as this month up to today.
    """
    today = clock.today()
    form = ExportForm(
        request.POST or None, initial={"start": today.replace(day=1), "end": today, "fmt": "csv"}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            export = registration_export(
                by=request.user, start=data["start"], end=data["end"], fmt=data["fmt"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            response = HttpResponse(export.content, content_type=export.content_type)
            response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
            return _no_store(response)
    return render(
        request,
        "referrals/export.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
