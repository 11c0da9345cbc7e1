"""The mailbox panel on the staff case page (templates/reports/_case_mailbox.html)."""

from typing import Any

from django import template

from meldpunt.cases.models import Channel, Contact
from meldpunt.reports.forms import StaffReplyForm
from meldpunt.reports.review import labelled_details
from meldpunt.reports.selectors import case_mailboxes, case_report_files

register = template.Library()


def _answers(contact: Contact | None) -> list[tuple[str, str]]:
    """Every answer of the web report: the plain columns and the encrypted details. A
    mailbox opened from a chat has none: its chat is on the page as a transcript."""
    if contact is None or contact.channel != Channel.WEB_REPORT:
        return []
    return labelled_details(
        {
            "reporter_role": contact.reporter_role,
            "description": contact.summary,
            "exploitation": contact.exploitation,
            "municipality": contact.municipality,
            "how_heard": contact.how_heard,
            str(contact.details.get("contact_preference", "")): contact.callback_details,
            **contact.details,
        }
    )


@register.inclusion_tag("reports/_case_mailbox_panel.html", takes_context=True)
def case_mailbox_panel(context: template.Context) -> dict[str, Any]:
    """The case's web report answers, files and mailbox threads.

    The case page got ``case`` through ``access_case``, so showing its content here is
    covered by that audited access.
    """
    case = context["case"]
    panels = [
        {
            "mailbox": panel.mailbox,
            "messages": panel.messages,
            "reply_form": StaffReplyForm(auto_id=f"reply-{panel.mailbox.pk}-%s"),
            "answers": _answers(panel.mailbox.contact),
            "from_chat": panel.mailbox.contact is not None
            and panel.mailbox.contact.channel == Channel.CHAT,
        }
        for panel in case_mailboxes(case)
    ]
    return {
        "case": case,
        "panels": panels,
        "web_report": any(panel["answers"] for panel in panels),
        "files": case_report_files(case) if panels else [],
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
