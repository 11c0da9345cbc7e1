"""Staff pages for cases: inbox, case page and its actions, team workload, audit log.

Views stay thin: they read through selectors, write through services and redirect.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from meldpunt.accounts.permissions import (
    CASE_ROLES,
    COORDINATOR_ROLES,
    StaffRequest,
    staff_required,
)
from meldpunt.audit.labels import describe_detail, user_ids_in
from meldpunt.cases import services
from meldpunt.cases.forms import (
    AssessmentForm,
    AssignForm,
    AuditFilterForm,
    CloseForm,
    CloseRefuseForm,
    InboxFilterForm,
    KindForm,
    NoteForm,
    TaskForm,
)
from meldpunt.cases.models import Case
from meldpunt.cases.selectors import (
    OPEN_STATUSES,
    access_case,
    audit_events,
    case_detail,
    get_case_task,
    inbox_sections,
    team_workload,
    usernames,
)

AUDIT_PAGE_SIZE = 50


@require_GET
@staff_required(*CASE_ROLES)
def inbox(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. Open cases by what needs doing first, optionally only
    those with a reporter in one language."""
    filter_form = InboxFilterForm(request.GET or None)
    language = filter_form.cleaned_data["taal"] if filter_form.is_valid() else ""
    return render(
        request,
        "cases/inbox.html",
        {
            "sections": inbox_sections(request.user, language=language),
            "filter_form": filter_form,
        },
    )


def _render_case(request: StaffRequest, case: Case, **bound: forms.Form) -> HttpResponse:
    """The case page; forms passed in carry the input and errors of a failed submit."""
    page_forms: dict[str, forms.Form] = {
        "kind_form": KindForm(initial={"kind": case.kind}),
        "close_form": CloseForm(),
        "note_form": NoteForm(),
        "task_form": TaskForm(),
        "assessment_form": AssessmentForm(
            initial={"conclusion": case.assessment_conclusion, "note": case.assessment_note}
        ),
    }
    if request.user.is_coordinator:
        page_forms["assign_form"] = AssignForm(initial={"advisor": case.assigned_to_id})
        page_forms["refuse_form"] = CloseRefuseForm()
    page_forms.update(bound)
    # htmx swaps only successful responses; a plain browser gets the honest status.
    status = 200 if not bound or request.headers.get("HX-Request") else 400
    context = {
        "detail": case_detail(case),
        "case": case,
        "next_statuses": services.ALLOWED_TRANSITIONS[case.status],
        **page_forms,
    }
    response = render(request, "cases/detail.html", context, status=status)
    if bound and request.headers.get("HX-Request"):
        # The address bar keeps the case page, not the POST address (which would be a 405).
        response["HX-Push-Url"] = "false"
    return response


@require_GET
@staff_required(*CASE_ROLES)
def detail(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. The case with everything on it; the view is audited."""
    return _render_case(request, access_case(request.user, case_id, audit="case.view"))


def _done(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("cases:detail", case_id=case.pk)


def _refused(request: HttpRequest, case: Case, error: ValidationError) -> HttpResponse:
    for text in error.messages:
        messages.error(request, text)
    return redirect("cases:detail", case_id=case.pk)


def _with_form(
    request: StaffRequest,
    case_id: int,
    form_class: type[forms.Form],
    name: str,
    act: Callable[[Case, dict[str, Any]], Any],
    message: str,
) -> HttpResponse:
    """Validate ``form_class``, run ``act``; on bad input show the page again with the input."""
    case = access_case(request.user, case_id, audit=None)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(case, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, case, message)
    # Showing the page again shows its content, so it goes through the audited way in.
    return _render_case(
        request, access_case(request.user, case.pk, audit="case.view"), **{name: form}
    )


def _button(
    request: StaffRequest, case_id: int, act: Callable[[Case], Any], message: str
) -> HttpResponse:
    """Run a one-button action; a refused transition comes back as a message on the page."""
    case = access_case(request.user, case_id, audit=None)
    try:
        act(case)
    except ValidationError as error:
        return _refused(request, case, error)
    return _done(request, case, message)


@require_POST
@staff_required(*CASE_ROLES)
def assign_me(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Take the case yourself."""
    return _button(
        request,
        case_id,
        lambda case: services.case_assign(case=case, advisor=request.user, by=request.user),
        _("U bent nu behandelaar van deze zaak."),
    )


@require_POST
@staff_required(*COORDINATOR_ROLES)
def assign(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: coordinators. Give the case to a colleague."""
    return _with_form(
        request,
        case_id,
        AssignForm,
        "assign_form",
        lambda case, data: services.case_assign(
            case=case, advisor=data["advisor"], by=request.user
        ),
        _("De behandelaar is gewijzigd."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def start_assessment(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Start the safety assessment."""
    return _button(
        request,
        case_id,
        lambda case: services.case_start_assessment(case=case, by=request.user),
        _("De beoordeling is gestart."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def record_assessment(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Record the conclusion of the safety assessment."""
    return _with_form(
        request,
        case_id,
        AssessmentForm,
        "assessment_form",
        lambda case, data: services.case_record_assessment(
            case=case, by=request.user, conclusion=data["conclusion"], note=data["note"]
        ),
        _("De conclusie van de beoordeling is opgeslagen."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def progress(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Put the case in progress."""
    return _button(
        request,
        case_id,
        lambda case: services.case_progress(case=case, by=request.user),
        _("De zaak is in behandeling."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def set_kind(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Make the case an advies or a melding, with a reason."""
    return _with_form(
        request,
        case_id,
        KindForm,
        "kind_form",
        lambda case, data: services.case_set_kind(
            case=case, by=request.user, kind=data["kind"], reason=data["reason"]
        ),
        _("De soort zaak is opgeslagen."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def close(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors (as a request to a coordinator) and coordinators (closes at once)."""
    message = (
        _("De zaak is gesloten.")
        if request.user.is_coordinator
        else _("Uw verzoek om te sluiten wacht op een coördinator.")
    )
    return _with_form(
        request,
        case_id,
        CloseForm,
        "close_form",
        lambda case, data: services.case_close(
            case=case,
            by=request.user,
            reason=data["reason"],
            outcome=data["outcome"],
            note=data["note"],
            confirm_open_tasks=data["confirm_open_tasks"],
        ),
        message,
    )


@require_POST
@staff_required(*COORDINATOR_ROLES)
def close_approve(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: coordinators. Approve an advisor's request to close."""
    return _button(
        request,
        case_id,
        lambda case: services.case_close_approve(case=case, by=request.user),
        _("De zaak is gesloten."),
    )


@require_POST
@staff_required(*COORDINATOR_ROLES)
def close_refuse(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: coordinators. Turn down a request to close with a reason; the case stays open."""
    return _with_form(
        request,
        case_id,
        CloseRefuseForm,
        "refuse_form",
        lambda case, data: services.case_close_refuse(
            case=case, by=request.user, reason=data["reason"]
        ),
        _("Het verzoek om te sluiten is afgewezen. De zaak blijft open."),
    )


@require_POST
@staff_required(*COORDINATOR_ROLES)
def reopen(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: coordinators. Reopen a closed case."""
    return _button(
        request,
        case_id,
        lambda case: services.case_reopen(case=case, by=request.user),
        _("De zaak is heropend."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def mark_seen(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Clear the "new message" mark."""
    return _button(
        request,
        case_id,
        lambda case: services.case_mark_seen(case=case, by=request.user),
        _("Gemarkeerd als gelezen."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def note_add(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Add an internal note."""
    return _with_form(
        request,
        case_id,
        NoteForm,
        "note_form",
        lambda case, data: services.note_add(case=case, by=request.user, text=data["text"]),
        _("De notitie is opgeslagen."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def task_add(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Add a follow-up task."""
    return _with_form(
        request,
        case_id,
        TaskForm,
        "task_form",
        lambda case, data: services.task_add(
            case=case,
            by=request.user,
            description=data["description"],
            due_date=data["due_date"],
            assignee=data["assignee"],
        ),
        _("De taak is opgeslagen."),
    )


@require_POST
@staff_required(*CASE_ROLES)
def task_done(request: StaffRequest, case_id: int, task_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Mark a task of this case done."""
    return _button(
        request,
        case_id,
        lambda case: services.task_done(task=get_case_task(case, task_id), by=request.user),
        _("De taak is afgevinkt."),
    )


@require_GET
@staff_required(*COORDINATOR_ROLES)
def workload(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. Open cases per handler and status."""
    return render(
        request,
        "cases/workload.html",
        {"rows": team_workload(), "statuses": OPEN_STATUSES},
    )


@require_GET
@staff_required(*COORDINATOR_ROLES)
def audit(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. The audit log, filtered by staff member and case number."""
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = audit_events(actor=filters.get("actor"), case_number=filters.get("case_number", ""))
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("pagina"))
    names = usernames(set().union(*(user_ids_in(event) for event in page.object_list)))
    rows = [(event, describe_detail(event, names)) for event in page.object_list]
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/audit.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )
