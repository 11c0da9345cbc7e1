"""Writes of the triage app: an advisor accepts or dismisses a suggestion.

The audit entry names the item (an indicator id or form) and the decision, never text.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.contact_days import contact_days_recount, local_day
from meldpunt.cases.models import Case, Contact
from meldpunt.cases.services import require_case_handler
from meldpunt.lib import clock
from meldpunt.triage.models import Decision, TriageDecision
from meldpunt.triage.taxonomy import FORMS, taxonomy

FORM_PREFIX = "form:"


def is_valid_item(item: str) -> bool:
    """An indicator id of the taxonomy, or ``form:<form>`` for a form of exploitation."""
    if item.startswith(FORM_PREFIX):
        return item.removeprefix(FORM_PREFIX) in FORMS
    try:
        taxonomy().indicator(item)
    except KeyError:
        return False
    return True


def triage_decide(
    *,
    case: Case,
    contact: Contact | None,
    item: str,
    accepted: bool,
    by: User,
    suggested: bool = True,
) -> TriageDecision:
    """Keep an advisor's choice about one suggestion.

    Accepting an indicator adds it to the contact's signals; accepting a form sets the
    contact's form of exploitation. Dismissing changes nothing but the record.
    """
    require_case_handler(by)
    if not is_valid_item(item):
        raise ValidationError(_("Dit signaal staat niet in de lijst."))
    if contact is not None and contact.case_id != case.pk:
        raise ValidationError(_("Dit contact hoort niet bij deze zaak."))
    # The decision, the change to the contact and the audit entry are one change.
    with transaction.atomic():
        decision = TriageDecision.objects.create(
            case=case,
            contact=contact,
            item=item,
            suggested=suggested,
            decision=Decision.ACCEPTED if accepted else Decision.DISMISSED,
            by=by,
            at=clock.now(),
            taxonomy_version=taxonomy().version,
        )
        if accepted and contact is not None:
            contact = Contact.objects.select_for_update().get(pk=contact.pk)
            if item.startswith(FORM_PREFIX):
                contact.exploitation = item.removeprefix(FORM_PREFIX)
                contact.save(update_fields=["exploitation"])
                contact_days_recount(days=[local_day(contact.started_at)])
            elif item not in contact.indicators:
                contact.indicators = [*contact.indicators, item]
                contact.save(update_fields=["indicators"])
        audit_record(
            actor=by,
            action="triage.decide",
            case=case,
            obj=decision,
            detail={"item": item, "decision": decision.decision, "suggested": suggested},
        )
    return decision
