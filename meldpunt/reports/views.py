"""Public views of the web report and the anonymous mailbox.

Who may call them: anyone, without an account. Every response is no-store, so Back and
the browser cache show nothing; the reporter's session begins at the first save and lasts
only as long as the browser is open and in use (meldpunt/lib/reporter_session.py). The
draft and the open mailbox are known by ids in the session, never in a URL.
"""

import logging
from typing import cast

from django import forms
from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meldpunt.lib import clock, ratelimit, reporter_session
from meldpunt.lib.access import AccessDenied
from meldpunt.lib.languages import reporter_language
from meldpunt.reports import guessing, selectors, services
from meldpunt.reports.downloads import attachment_response
from meldpunt.reports.forms import (
    CheckForm,
    FilesForm,
    MailboxCodeForm,
    MailboxMessageForm,
    ReportStepForm,
)
from meldpunt.reports.models import Mailbox, ReportDraft
from meldpunt.reports.receipts import format_code
from meldpunt.reports.review import collect_answers, review_draft
from meldpunt.reports.session import SESSION_DRAFT, SESSION_MAILBOX, SESSION_SENT
from meldpunt.reports.steps import BY_SLUG, FILES, STEPS, neighbours

logger = logging.getLogger(__name__)

HOUR = 3600


def _draft_limit() -> ratelimit.Limit:
    return ratelimit.Limit("report-draft", settings.MELDPUNT_REPORT_DRAFTS_PER_HOUR, HOUR)


def _submit_limit() -> ratelimit.Limit:
    return ratelimit.Limit("report-submit", settings.MELDPUNT_REPORT_SUBMITS_PER_HOUR, HOUR)


def _current_draft(request: HttpRequest) -> ReportDraft | None:
    return selectors.get_draft(request.session.get(SESSION_DRAFT, ""))


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/too_many.html", status=429)


def _step_url(slug: str) -> str:
    return reverse("reports_public:step", args=[slug])


def _render_step(
    request: HttpRequest, slug: str, form: object, draft: ReportDraft | None
) -> HttpResponse:
    step = BY_SLUG[slug]
    before, _after = neighbours(slug)
    return render(
        request,
        "reports/step.html",
        {
            "step": step,
            "form": form,
            "number": [s.slug for s in STEPS].index(slug) + 1,
            "total": len(STEPS),
            "back_url": _step_url(before.slug) if before else reverse("reports_public:start"),
            "files": selectors.draft_files(draft) if slug == FILES else [],
            "max_files": settings.MELDPUNT_ATTACHMENT_MAX_FILES,
        },
    )


@never_cache
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Anyone: what the form asks, and where to go in danger or to talk instead."""
    return render(request, "reports/start.html", {"first_step": _step_url(STEPS[0].slug)})


@never_cache
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    """Anyone: one step of the form. Back keeps what was typed; Next checks it first."""
    if slug not in BY_SLUG:
        raise Http404
    draft = _current_draft(request)
    if request.method == "GET":
        if slug == FILES:
            form: forms.Form = FilesForm(already=len(selectors.draft_files(draft)))
        else:
            saved = draft.data.get(slug, {}) if draft else {}
            form = BY_SLUG[slug].form(initial=saved)
        return _render_step(request, slug, form, draft)

    if draft is None:
        if not ratelimit.hit(_draft_limit(), ratelimit.request_client(request)):
            return _too_many(request)
        draft = services.draft_start()
        reporter_session.begin(request)
        request.session[SESSION_DRAFT] = draft.token
    before, after = neighbours(slug)
    going_back = request.POST.get("action") == "back"
    if slug == FILES:
        remove = {int(i) for i in request.POST.getlist("remove") if i.isdigit()}
        kept = [f for f in selectors.draft_files(draft) if f.pk not in remove]
        form = FilesForm(
            request.POST,
            request.FILES,
            already=len(kept),
            tries_left=selectors.draft_file_tries_left(draft),
        )
        valid = form.is_valid()
        services.draft_change_files(
            draft=draft, remove_ids=remove, files=form.accepted, tried=form.tried
        )
    else:
        form = cast(ReportStepForm, BY_SLUG[slug].form(request.POST))
        services.draft_save_step(draft=draft, step=slug, raw=form.raw())
        valid = form.is_valid()
    if going_back and (slug != FILES or valid):
        return redirect(_step_url(before.slug) if before else reverse("reports_public:start"))
    if valid:
        return redirect(_step_url(after.slug) if after else reverse("reports_public:check"))
    return _render_step(request, slug, form, draft)


@never_cache
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """Anyone with a draft: everything at a glance, then send. The receipt code shows once."""
    draft = _current_draft(request)
    if draft is None:
        token = request.session.get(SESSION_DRAFT, "")
        code = selectors.sent_report_code(token) if request.method == "POST" else None
        if code is not None:
            # Sent before, but the answer with the code was lost (the worker died after
            # the commit): this browser's session still holds the draft's token.
            return _done(request, code)
        return render(
            request, "reports/no_draft.html", status=200 if request.method == "GET" else 400
        )
    reviews = review_draft(draft)
    form = CheckForm(request.POST or None)

    def check_page(*, not_stored: bool = False) -> HttpResponse:
        files = selectors.draft_files(draft)
        context = {"reviews": reviews, "files": files, "form": form, "not_stored": not_stored}
        return render(request, "reports/check.html", context, status=503 if not_stored else 200)

    if request.method == "GET":
        return check_page()
    for review in reviews:
        if not review.form.is_valid():
            return _render_step(request, review.step.slug, review.form, draft)
    if not form.is_valid():
        return check_page()
    if not ratelimit.hit(_submit_limit(), ratelimit.request_client(request)):
        return _too_many(request)
    try:
        submitted = services.report_submit(
            draft=draft, answers=collect_answers(reviews), language=reporter_language()
        )
    except DatabaseError:
        # The database restarted, lost the connection or is full. The submit is one
        # transaction, so nothing of the report is stored and the draft is still there:
        # the reporter can send it again from this same page.
        logger.warning("A web report could not be stored (database error).")
        return check_page(not_stored=True)
    return _done(request, submitted.code)


def _done(request: HttpRequest, code: str) -> HttpResponse:
    """The receipt code, shown once: the session forgets the draft it was sent from."""
    reporter_session.forget(request, SESSION_DRAFT)
    return render(
        request,
        "reports/done.html",
        {"code": format_code(code), "days": settings.MELDPUNT_FIRST_RESPONSE_DAYS},
    )


def _open_mailbox(request: HttpRequest) -> Mailbox | None:
    """The mailbox opened in this session, unless it has been idle too long."""
    opened = request.session.get(SESSION_MAILBOX)
    try:
        mailbox = selectors.access_mailbox_for_session(opened)
    except AccessDenied:
        if opened:
            reporter_session.forget(request, SESSION_MAILBOX)
        return None
    request.session[SESSION_MAILBOX] = {"id": mailbox.pk, "seen": clock.now().timestamp()}
    return mailbox


def _render_mailbox(
    request: HttpRequest, mailbox: Mailbox, form: MailboxMessageForm, status: int = 200
) -> HttpResponse:
    thread = selectors.reporter_thread(mailbox)
    return render(
        request,
        "reports/mailbox.html",
        {
            "mailbox": mailbox,
            "status_text": selectors.public_status(mailbox.case),
            "from_chat": selectors.mailbox_from_chat(mailbox),
            "thread": thread,
            "has_files": any(message.attachments.all() for message in thread),
            "form": form,
            "sent": request.session.pop(SESSION_SENT, False),
            "idle_minutes": settings.MELDPUNT_MAILBOX_IDLE_SECONDS // 60,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def mailbox(request: HttpRequest) -> HttpResponse:
    """Anyone with a receipt code: POST the code to open the mailbox; GET shows it while open."""
    if request.method == "GET":
        opened = _open_mailbox(request)
        if opened is not None:
            return _render_mailbox(request, opened, MailboxMessageForm())
        return render(request, "reports/mailbox_code.html", {"form": MailboxCodeForm()})

    form = MailboxCodeForm(request.POST)
    # Others guessing never refuse this client (guessing.py): only its own tries, or a
    # gate so full that asking again shortly costs less than waiting in it.
    limited = guessing.refusal(request)
    if limited:
        return render(
            request, "reports/mailbox_code.html", {"form": form, "limited": limited}, status=429
        )
    if form.is_valid():
        try:
            found = selectors.access_mailbox_for_receipt(form.cleaned_data["code"])
        except AccessDenied:
            guessing.record_failure(ratelimit.request_client(request, wide=True))
            form.add_error(
                "code",
                gettext(
                    "Wij kennen deze code niet. Kijk of u alle 16 cijfers goed hebt overgenomen."
                ),
            )
        else:
            # Only now a session: a wrong code (a guess) costs no session row.
            request.session.cycle_key()
            reporter_session.begin(request)
            request.session[SESSION_MAILBOX] = {"id": found.pk, "seen": clock.now().timestamp()}
            services.mailbox_seen(mailbox=found)
            return redirect("reports_public:mailbox")
    return render(request, "reports/mailbox_code.html", {"form": form})


@never_cache
@require_POST
def mailbox_message(request: HttpRequest) -> HttpResponse:
    """A reporter with an open mailbox: send a message and files to the meldpunt."""
    opened = _open_mailbox(request)
    if opened is None:
        return redirect("reports_public:mailbox")
    if not ratelimit.hit(_submit_limit(), ratelimit.request_client(request)):
        return _too_many(request)
    form = MailboxMessageForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_mailbox(request, opened, form)
    services.mailbox_post(
        mailbox=opened,
        text=form.cleaned_data["text"],
        files=form.accepted,
        language=reporter_language(),
    )
    request.session[SESSION_SENT] = True
    return redirect("reports_public:mailbox")


@never_cache
@require_GET
def mailbox_file(request: HttpRequest, attachment_id: int) -> HttpResponse:
    """A reporter with an open mailbox: download a file from that mailbox's thread.

    Anyone else (no mailbox, a closed or idle one, a file of another mailbox) gets 404.
    """
    attachment = selectors.access_attachment_for_mailbox(_open_mailbox(request), attachment_id)
    return attachment_response(attachment)


@never_cache
@require_POST
def mailbox_leave(request: HttpRequest) -> HttpResponse:
    """Anyone: close the mailbox; the whole reporter session is thrown away."""
    response = redirect("reports_public:mailbox_left")
    reporter_session.end(request, response)
    return response


@never_cache
@require_GET
def mailbox_left(request: HttpRequest) -> HttpResponse:
    """Anyone: confirmation that the mailbox is closed in this browser."""
    return render(request, "reports/mailbox_left.html")
