"""Reads of the referrals app. The one way in to a referral is ``access_referral``."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Case, Person, PersonRole
from meldpunt.cases.selectors import granted, require_case_handler
from meldpunt.lib import clock
from meldpunt.referrals.models import Partner, Referral, ReferralStatus

WAITING_STATUSES = (ReferralStatus.SENT, ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED)
# The inbox shows at most this many late referrals.
INBOX_LIMIT = 50


def access_referral(user: User, referral_id: int, *, audit: str | None) -> Referral:
    """The referral, for advisors and coordinators; ``audit`` names the entry to write.

    AccessDenied for anyone else and for an unknown id, as ``access_case``.
    """
    require_case_handler(user)
    referral = (
        Referral.objects.select_related("case", "partner", "referred_by")
        .filter(pk=referral_id)
        .first()
    )
    return granted(user, referral, audit=audit, case=referral.case if referral else None)


def access_victim(user: User, person_id: int, *, audit: str | None) -> Person:
    """A possible victim on a case, for its registration record, for advisors and
    coordinators; AccessDenied for anyone else and for a person who is not a victim. The
    page that shows the record opens the case too, with ``access_case``."""
    require_case_handler(user)
    person = (
        Person.objects.select_related("case").filter(pk=person_id, role=PersonRole.VICTIM).first()
    )
    return granted(user, person, audit=audit, case=person.case if person else None)


def partner_directory(*, exploitation: str = "", municipality: str = "") -> list[Partner]:
    """Active partners serving ``exploitation`` and ``municipality`` (empty: any), those
    that serve just the chosen form or municipality first, then by name.

    A partner with no forms or no municipalities listed serves all of them. The list is
    short (tens of partners), so it is filtered here rather than with JSON lookups that
    differ between databases.
    """
    partners = Partner.objects.filter(active=True).order_by("name")
    found = [
        partner
        for partner in partners
        if (
            not exploitation
            or not partner.exploitation_forms
            or exploitation in partner.exploitation_forms
        )
        and (
            not municipality or not partner.municipalities or municipality in partner.municipalities
        )
    ]
    # Partners for just this form or municipality first: the most likely ones.
    return sorted(
        found,
        key=lambda partner: (
            not (exploitation and partner.exploitation_forms),
            not (municipality and partner.municipalities),
        ),
    )


def case_referrals(case: Case) -> list[Referral]:
    return list(case.referrals.select_related("partner", "referred_by"))


@dataclass(frozen=True)
class TimelineEntry:
    at: Any
    action: str
    actor_name: str


def referral_timelines(case: Case) -> dict[int, list[TimelineEntry]]:
    """Per referral of ``case``, its audit entries oldest first: made, printed, downloaded,
    status and feedback (opening its page is in the audit log only). One query."""
    events = (
        AuditEvent.objects.filter(case=case, object_type="referral")
        .exclude(action="referral.view")
        .order_by("at", "id")
    )
    timelines: dict[int, list[TimelineEntry]] = {}
    for at, action, actor_name, object_id in events.values_list(
        "at", "action", "actor_name", "object_id"
    ):
        timelines.setdefault(int(object_id), []).append(
            TimelineEntry(at=at, action=action, actor_name=actor_name)
        )
    return timelines


def awaiting_feedback() -> QuerySet[Referral]:
    """Referrals whose feedback date has passed without feedback or a refusal, oldest first."""
    today = clock.today()
    return (
        Referral.objects.filter(status__in=WAITING_STATUSES, feedback_due__lt=today)
        .select_related("case", "partner")
        .only("reference", "feedback_due", "status", "case__number", "partner__name")
        .order_by("feedback_due", "id")
    )


def case_victims(case: Case) -> list[Person]:
    return list(
        case.persons.filter(role=PersonRole.VICTIM).select_related("registration").order_by("id")
    )
