"""Staff views of the reports app: replying in a mailbox and downloading a report's files.

Both go through ``access_case``, so every use is in the audit log and only advisors and
coordinators with two factors get in.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from meldpunt.accounts.permissions import CASE_ROLES, StaffRequest, staff_required
from meldpunt.cases.selectors import access_case
from meldpunt.reports import selectors, services
from meldpunt.reports.downloads import attachment_response
from meldpunt.reports.forms import StaffReplyForm


@require_POST
@staff_required(*CASE_ROLES)
def reply(request: StaffRequest, case_id: int, mailbox_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Write a reply that the reporter reads in the mailbox."""
    case = access_case(request.user, case_id, audit="case.mailbox_reply")
    mailbox = selectors.access_mailbox(request.user, mailbox_id, case=case, audit=None)
    form = StaffReplyForm(request.POST)
    if form.is_valid():
        services.mailbox_reply(
            case=case, mailbox=mailbox, by=request.user, text=form.cleaned_data["text"]
        )
        messages.success(request, _("Uw antwoord staat in de postbus van de melder."))
    else:
        for error in form.errors.get("text", []):
            messages.error(request, str(error))
    return redirect(reverse("cases:detail", args=[case.pk]) + "#mailbox")


@never_cache
@require_GET
@staff_required(*CASE_ROLES)
def attachment_download(request: StaffRequest, case_id: int, attachment_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Download a file of a web report (never shown inline)."""
    case = access_case(request.user, case_id, audit="case.attachment")
    attachment = selectors.access_attachment(
        request.user, attachment_id, case=case, audit="attachment.download"
    )
    return attachment_response(attachment)
