"""The phone intake screen: log a call while talking, with drafts kept on the server.

Every view here is for advisors and coordinators only (two factors passed); other roles
get 403 and anonymous visitors go to login. Everything works with a plain form POST;
static/js/intake.js adds autosave and keeps Enter from submitting half a call.
"""

from contextlib import suppress
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from meldpunt.accounts.permissions import CASE_ROLES, StaffRequest, staff_required
from meldpunt.cases.intake.forms import (
    QUICK_DISPOSITIONS,
    IntakeForm,
    QuickDispositionForm,
    draft_initial,
    read_started,
    sign_started,
)
from meldpunt.cases.intake.selectors import quick_contacts_today
from meldpunt.cases.intake.services import (
    DraftGone,
    draft_data_from_post,
    draft_discard,
    draft_save,
    intake_save,
    quick_contact_record,
)
from meldpunt.cases.models import Case, Disposition, IntakeDraft
from meldpunt.cases.search.selectors import CaseQuery, search_cases_for_user
from meldpunt.cases.selectors import access_case, access_intake_draft, other_intake_drafts
from meldpunt.lib import clock
from meldpunt.lib.access import AccessDenied

PICKER_SIZE = 8


def _draft_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _picker_cases(request: StaffRequest, query: str, selected: int | None) -> list[Case]:
    """Cases to choose from: the one already chosen first, then matches for ``query``."""
    found: list[Case] = []
    if selected:
        with suppress(AccessDenied):
            found.append(access_case(request.user, selected, audit=None))
    if query.strip():
        matches = search_cases_for_user(request.user, CaseQuery(text=query))
        found.extend(case for case in matches[:PICKER_SIZE] if case.pk != selected)
    return found


def _render(
    request: StaffRequest,
    form: IntakeForm,
    *,
    started_at: Any,
    draft: IntakeDraft | None,
    picker: list[Case],
    selected: int | None,
    status: int = 200,
) -> HttpResponse:
    drafts = other_intake_drafts(request.user, excluding=draft)
    quick_today = quick_contacts_today(request.user)
    context = {
        "form": form,
        "started": sign_started(started_at),
        "started_at": timezone.localtime(started_at),
        "draft": draft,
        "other_drafts": drafts,
        "quick": [(n, d.value, d.label) for n, d in enumerate(QUICK_DISPOSITIONS, start=1)],
        "quick_today": quick_today,
        "quick_today_total": sum(count for _label, count in quick_today),
        "picker": picker,
        "selected": selected,
    }
    return render(request, "cases/intake.html", context, status=status)


def _keep_draft(request: StaffRequest, started_at: Any) -> IntakeDraft:
    """Store what was posted as the draft, so a failed save loses nothing."""
    data = draft_data_from_post(request.POST)
    try:
        return draft_save(
            staff=request.user,
            draft_id=_draft_id(request.POST.get("draft")),
            data=data,
            started_at=started_at,
        )
    except DraftGone:
        return draft_save(staff=request.user, draft_id=None, data=data, started_at=started_at)


@require_GET
@staff_required(*CASE_ROLES)
def new(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. The screen for a new call; ``?concept=`` resumes a draft."""
    draft = None
    initial: dict[str, Any] = {"task_assignee": request.user.pk}
    draft_id = _draft_id(request.GET.get("concept"))
    if draft_id is not None:
        draft = access_intake_draft(request.user, draft_id, audit=None)
        initial = draft_initial(draft.data)
    selected = _draft_id(str(initial.get("existing_case", "")))
    return _render(
        request,
        IntakeForm(initial=initial),
        started_at=draft.started_at if draft else clock.now(),
        draft=draft,
        picker=_picker_cases(request, initial.get("case_query", ""), selected),
        selected=selected,
    )


@require_POST
@staff_required(*CASE_ROLES)
def find_case(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. The "Zoek zaak" button when htmx does not run: keeps
    the call as a draft and shows the screen again with the matching cases to choose from."""
    started_at = read_started(request.POST.get("started"))
    selected = _draft_id(request.POST.get("existing_case"))
    draft = _keep_draft(request, started_at)
    return _render(
        request,
        IntakeForm(initial=draft_initial(draft.data)),
        started_at=started_at,
        draft=draft,
        picker=_picker_cases(request, request.POST.get("case_query", ""), selected),
        selected=selected,
    )


@require_POST
@staff_required(*CASE_ROLES)
def save(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. Saves the call on a new case or the chosen one; bad
    input shows the screen again with the call kept as a draft."""
    started_at = read_started(request.POST.get("started"))
    selected = _draft_id(request.POST.get("existing_case"))
    form = IntakeForm(request.POST)
    case = None
    if form.is_valid() and form.cleaned_data["existing_case"]:
        try:
            case = access_case(request.user, form.cleaned_data["existing_case"], audit=None)
        except AccessDenied:
            form.add_error("case_query", _("Die zaak bestaat niet (meer). Kies een andere."))
    if not form.is_valid():
        form.focus_first_error()
        draft = _keep_draft(request, started_at)
        return _render(
            request,
            form,
            started_at=started_at,
            draft=draft,
            picker=_picker_cases(request, request.POST.get("case_query", ""), selected),
            selected=selected,
            status=400,
        )
    case = intake_save(
        by=request.user,
        contact=form.contact_fields(),
        case=case,
        new_case=form.case_fields(),
        victim=form.victim_fields(),
        location=form.location_fields(),
        task=form.task_fields(),
        started_at=started_at,
        duration_seconds=form.duration(),
        draft_id=_draft_id(request.POST.get("draft")),
    )
    messages.success(
        request, _("Gesprek opgeslagen bij zaak %(number)s.") % {"number": case.number}
    )
    return redirect("cases:detail", case_id=case.pk)


@require_POST
@staff_required(*CASE_ROLES)
def quick(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. One button: log a short call and be ready for the next.

    The call is a contact without a case; a draft of it (text typed before the caller hung
    up) is kept, so nothing typed is lost.
    """
    form = QuickDispositionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een van de knoppen voor een kort gesprek."))
        return redirect("intake:new")
    disposition = form.cleaned_data["disposition"]
    quick_contact_record(
        by=request.user,
        disposition=disposition,
        started_at=read_started(request.POST.get("started")),
        duration_seconds=form.duration(),
    )
    label = Disposition(disposition).label
    if _draft_id(request.POST.get("draft")) is not None:
        messages.success(
            request,
            _(
                "Vastgelegd: %(disposition)s, zonder zaak. Wat u al typte, staat bij "
                "‘Niet afgemaakte gesprekken’."
            )
            % {"disposition": label},
        )
    else:
        messages.success(
            request,
            _("Vastgelegd: %(disposition)s, zonder zaak. Klaar voor het volgende gesprek.")
            % {"disposition": label},
        )
    return redirect("intake:new")


@require_POST
@staff_required(*CASE_ROLES)
def draft_autosave(request: StaffRequest) -> JsonResponse:
    """Who: advisors and coordinators, for their own drafts. Called by intake.js while typing.

    Answers 410 when the draft was saved as a call or discarded meanwhile.
    """
    try:
        draft = draft_save(
            staff=request.user,
            draft_id=_draft_id(request.POST.get("draft")),
            data=draft_data_from_post(request.POST),
            started_at=read_started(request.POST.get("started")),
        )
    except DraftGone:
        return JsonResponse({"gone": True}, status=410)
    saved = timezone.localtime(draft.updated_at).strftime("%H:%M:%S")
    return JsonResponse({"draft": draft.pk, "saved": saved})


@require_POST
@staff_required(*CASE_ROLES)
def draft_remove(request: StaffRequest, draft_id: int) -> HttpResponse:
    """Who: advisors and coordinators, for their own drafts. Throws an unfinished call away."""
    # A draft already gone (saved or thrown away in another tab) is gone all the same.
    with suppress(AccessDenied):
        draft = access_intake_draft(request.user, draft_id, audit=None)
        draft_discard(staff=request.user, draft_id=draft.pk)
    messages.success(request, _("Het concept is weggegooid."))
    return redirect("intake:new")


@require_POST
@staff_required(*CASE_ROLES)
def case_picker(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. The htmx part of the screen that lists cases to pick.

    POST, so the words searched for never end up in a URL or a server log.
    """
    selected = _draft_id(request.POST.get("existing_case"))
    cases = _picker_cases(request, request.POST.get("case_query", ""), selected)
    context = {"picker": cases, "selected": selected, "searched": True}
    return render(request, "cases/intake_case_picker.html", context)
