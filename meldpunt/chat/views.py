"""Chat pages: the reporter's chat page (anyone) and the advisor console (advisors)."""

from contextlib import suppress

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from meldpunt.accounts.permissions import CASE_ROLES, StaffRequest, staff_required
from meldpunt.cases.models import Case
from meldpunt.cases.selectors import access_case
from meldpunt.chat import selectors, services
from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.forms import AvailabilityForm, ChatContactForm, ChatStartForm
from meldpunt.chat.limits import queue_limit, resume_seconds, start_limit
from meldpunt.lib import clock, ratelimit, reporter_session
from meldpunt.lib.access import AccessDenied
from meldpunt.lib.languages import reporter_language
from meldpunt.public.selectors import ChatAvailability
from meldpunt.reports.receipts import format_code
from meldpunt.tally.services import chat_refusal_record


def _closed(request: HttpRequest, availability: ChatAvailability) -> HttpResponse:
    if availability.reason:
        chat_refusal_record(reason=availability.reason, client=ratelimit.request_client(request))
    context = {"availability": availability, "chat_availability": availability}
    return render(request, "chat/closed.html", context)


def _start_page(
    request: HttpRequest,
    availability: ChatAvailability,
    form: ChatStartForm,
    status: int = 200,
) -> HttpResponse:
    # The contact block shows the very availability this page was decided on.
    context = {"form": form, "chat_availability": availability}
    return render(request, "chat/start.html", context, status=status)


@never_cache
@require_http_methods(["GET"])
def chat_page(request: HttpRequest) -> HttpResponse:
    """Who: anyone. The person's own running chat, the start form, or why chat is closed."""
    with suppress(AccessDenied):
        chat = selectors.access_chat_for_token(request.session.get(SESSION_TOKEN_KEY))
        return render(request, "chat/reporter.html", {"chat": chat})
    availability = selectors.chat_availability()
    if not availability.is_open:
        return _closed(request, availability)
    return _start_page(
        request, availability, ChatStartForm(initial={"language": reporter_language()})
    )


@never_cache
@require_POST
def chat_start(request: HttpRequest) -> HttpResponse:
    """Who: anyone, within the rate limit and only while an advisor can answer."""
    with suppress(AccessDenied):
        selectors.access_chat_for_token(request.session.get(SESSION_TOKEN_KEY))
        return redirect("chat_public:chat")
    availability = selectors.chat_availability()
    if not availability.is_open:
        return _closed(request, availability)
    form = ChatStartForm(request.POST)
    if not form.is_valid():
        return _start_page(request, availability, form, status=400)
    who = ratelimit.request_client(request)
    if not ratelimit.hit(start_limit(), who):
        form.add_error(
            None, _("U bent vaak achter elkaar een chat begonnen. Probeer het later opnieuw.")
        )
        return _start_page(request, availability, form, status=429)
    try:
        _chat, token = services.chat_start(
            nickname=form.cleaned_data["nickname"],
            # Without a choice, the chat is in the language of the page it was started on.
            language=form.cleaned_data["language"] or reporter_language(),
            client=who,
        )
    except services.ChatError as error:
        form.add_error(None, str(error))
        return _start_page(request, availability, form, status=429)
    reporter_session.begin(request)
    # The session cookie goes when the browser closes (SESSION_EXPIRE_AT_BROWSER_CLOSE); the
    # chat itself can be resumed for MELDPUNT_CHAT_RESUME_SECONDS (10 min).
    request.session[SESSION_TOKEN_KEY] = token
    return redirect("chat_public:chat")


@never_cache
@require_POST
def chat_end(request: HttpRequest) -> HttpResponse:
    """Who: the reporter whose session holds the chat (also sent by the quick exit)."""
    services.chat_end_for_reporter(token=request.session.get(SESSION_TOKEN_KEY))
    reporter_session.forget(request, SESSION_TOKEN_KEY)
    if request.POST.get("beacon"):
        return HttpResponse(status=204)
    return redirect("chat_public:chat")


@never_cache
@require_POST
def chat_receipt(request: HttpRequest) -> HttpResponse:
    """Who: the reporter whose session holds the chat. Shows a mailbox receipt code once."""
    try:
        chat = selectors.access_chat_for_token(request.session.get(SESSION_TOKEN_KEY))
    except AccessDenied:
        return redirect("chat_public:chat")
    try:
        code = services.chat_receipt_code(chat=chat)
    except services.ChatError as error:
        return render(request, "chat/receipt.html", {"error": str(error)}, status=409)
    return render(request, "chat/receipt.html", {"code": format_code(code)})


@staff_required(*CASE_ROLES)
@never_cache
def console(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. The live chat console."""
    agent = selectors.agent_settings(request.user)
    canned = selectors.canned_responses()
    return render(
        request,
        "chat/console.html",
        {
            "agent": agent,
            "availability_form": AvailabilityForm(
                initial={"available": agent.available, "capacity": agent.capacity}
            ),
            "canned": canned,
            "canned_texts": [response.text for response in canned],
            "colleagues": selectors.colleagues(of=request.user),
            "queue_limit": queue_limit(),
            "resume_minutes": max(1, resume_seconds() // 60),
        },
    )


@staff_required(*CASE_ROLES)
@require_POST
def availability(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators, for themselves: available or away, and capacity."""
    form = AvailabilityForm(request.POST)
    if form.is_valid():
        services.agent_set_available(
            user=request.user,
            available=form.cleaned_data["available"],
            capacity=form.cleaned_data["capacity"],
        )
        messages.success(
            request,
            _("U bent nu beschikbaar voor chats.")
            if form.cleaned_data["available"]
            else _("U staat nu op afwezig."),
        )
    else:
        messages.error(request, _("Kies een aantal chats tussen 1 en 6."))
    return redirect("chat:console")


@staff_required(*CASE_ROLES)
@never_cache
def chat_to_case(request: StaffRequest, pk: int) -> HttpResponse:
    """Who: the advisor who has (had) the chat, or a coordinator. Records it on a case."""
    chat = selectors.access_chat(request.user, pk, audit=None)
    if chat.contact is not None and chat.contact.staff_id is not None:
        messages.info(request, _("Deze chat is al vastgelegd bij een zaak."))
        return redirect("chat:console")
    form = ChatContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = _existing_case(request, form)
        if not form.errors:
            try:
                contact = services.chat_to_contact(
                    chat=chat, by=request.user, case=case, **form.record_fields()
                )
            except services.ChatError as error:
                form.add_error("case_number", str(error))
            else:
                number = contact.case.number if contact.case else ""
                messages.success(
                    request, _("De chat staat nu bij zaak %(number)s.") % {"number": number}
                )
                return redirect("cases:detail", contact.case_id)
    transcript = selectors.messages_after(chat, 0, for_reporter=False)
    return render(
        request,
        "chat/to_case.html",
        {"chat": chat, "form": form, "transcript": transcript, "now": clock.now()},
    )


def _existing_case(request: StaffRequest, form: ChatContactForm) -> Case | None:
    number = form.cleaned_data["case_number"].strip()
    if not number:
        return None
    case_id = selectors.case_id_for_number(number)
    if case_id is None:
        form.add_error("case_number", _("Er is geen zaak met dit nummer."))
        return None
    try:
        return access_case(request.user, case_id, audit="case.chat_attach")
    except AccessDenied:
        form.add_error("case_number", _("U kunt deze zaak niet openen."))
        return None
