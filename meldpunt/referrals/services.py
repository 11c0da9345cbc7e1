"""Writes of the referrals app: referrals, their follow-up, and victim registrations.

Each write checks who may make it, makes it and writes the audit entry in one place.
Audit details hold ids, field keys and choice values, never text.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import Case, CaseStatus, Person, PersonRole, Urgency
from meldpunt.cases.services import (
    ALLOWED_TRANSITIONS,
    case_lock,
    case_mark_referred,
    require_case_handler,
    task_add,
)
from meldpunt.lib import clock
from meldpunt.lib.workdays import add_working_days
from meldpunt.referrals.models import (
    ConsentBy,
    ConsentHow,
    LegalGround,
    Partner,
    Referral,
    ReferralStatus,
    ReferralUpdate,
    VictimRegistration,
)
from meldpunt.referrals.sharing import shareable_fields, shared_snapshot

# "Ask the partner for feedback after 10 working days."
FEEDBACK_WORKING_DAYS = 10
# Statuses after which no more feedback is waited for.
DONE_STATUSES = (ReferralStatus.DECLINED, ReferralStatus.FEEDBACK)


def case_may_be_referred(case: Case) -> bool:
    """Open and past the first look: being assessed, in progress, or already referred."""
    return case.status == CaseStatus.REFERRED or CaseStatus.REFERRED in ALLOWED_TRANSITIONS.get(
        case.status, frozenset()
    )


@dataclass(frozen=True)
class Consent:
    """Consent to share (who, how, when), or the legal ground to share without it."""

    given: bool
    by: str = ""
    how: str = ""
    at: datetime | None = None
    legal_ground: str = ""
    legal_ground_note: str = ""

    def check(self) -> None:
        errors = {}
        if self.given:
            if self.by not in ConsentBy.values:
                errors["consent_by"] = _("Kies wie toestemming gaf.")
            if self.how not in ConsentHow.values:
                errors["consent_how"] = _("Kies hoe de toestemming is gegeven.")
            if self.at is None:
                errors["consent_at"] = _("Vul in wanneer de toestemming is gegeven.")
            elif self.at > clock.now():
                errors["consent_at"] = _("De toestemming kan niet in de toekomst liggen.")
        else:
            if self.legal_ground not in LegalGround.values or (
                self.legal_ground == LegalGround.NOT_RECORDED
            ):
                errors["legal_ground"] = _("Kies de grond om zonder toestemming te delen.")
            elif self.legal_ground == LegalGround.OTHER and not self.legal_ground_note.strip():
                errors["legal_ground_note"] = _(
                    "Leg uit op welke grond u zonder toestemming deelt."
                )
        if errors:
            raise ValidationError(errors)


def _next_reference(case: Case) -> str:
    """The case number and a running number per case, e.g. 2026-00042-D2 (under the lock)."""
    return f"{case.number}-D{case.referrals.count() + 1}"


def referral_create(
    *,
    case: Case,
    by: User,
    partner: Partner,
    reason: str,
    urgency: str,
    shared_fields: list[str],
    consent: Consent,
    follow_up: bool = True,
) -> Referral:
    """Refer ``case`` to ``partner``, sharing exactly ``shared_fields``.

    The first referral moves the case to referred. ``follow_up`` adds a task to ask the
    partner for feedback after 10 working days.
    """
    require_case_handler(by)
    errors: dict[str, Any] = {}
    if not partner.active:
        errors["partner"] = _("Deze partner is niet meer actief. Kies een andere.")
    if urgency not in Urgency.values:
        errors["urgency"] = _("Kies de urgentie.")
    if not reason.strip():
        errors["reason"] = _("Schrijf waarom u doorverwijst.")
    try:
        consent.check()
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    now = clock.now()
    # Referral, status move, follow-up task and audit entries are one change.
    with transaction.atomic():
        case_lock(case)
        if not case_may_be_referred(case):
            raise ValidationError(
                _("Een zaak met status ‘%(status)s’ kan niet worden doorverwezen.")
                % {"status": CaseStatus(case.status).label}
            )
        offered = shareable_fields(case)
        unknown = set(shared_fields) - {field.key for field in offered}
        if unknown:
            raise ValidationError({"shared_fields": _("Kies alleen velden van deze zaak.")})
        keys = [field.key for field in offered if field.key in set(shared_fields)]
        feedback_due = add_working_days(timezone.localdate(now), FEEDBACK_WORKING_DAYS)
        referral = Referral.objects.create(
            case=case,
            partner=partner,
            reference=_next_reference(case),
            urgency=urgency,
            reason=reason.strip(),
            shared_fields=keys,
            shared=shared_snapshot(offered, keys),
            consent_given=consent.given,
            consent_by=consent.by if consent.given else "",
            consent_how=consent.how if consent.given else "",
            consent_at=consent.at if consent.given else None,
            legal_ground="" if consent.given else consent.legal_ground,
            legal_ground_note="" if consent.given else consent.legal_ground_note.strip(),
            referred_by=by,
            referred_at=now,
            feedback_due=feedback_due,
        )
        ReferralUpdate.objects.create(
            referral=referral,
            status=ReferralStatus.SENT,
            on=timezone.localdate(now),
            recorded_at=now,
            recorded_by=by,
        )
        audit_record(
            actor=by,
            action="referral.create",
            case=case,
            obj=referral,
            detail={
                "partner": partner.pk,
                # One string: the audit log shows detail values as they are.
                "fields": ", ".join(keys),
                "consent": consent.how if consent.given else consent.legal_ground,
            },
        )
        case_mark_referred(case=case, by=by)
        if follow_up:
            referral.follow_up_task = task_add(
                case=case,
                by=by,
                description=_("Vraag %(partner)s om terugkoppeling op doorverwijzing %(ref)s")
                % {"partner": partner.name, "ref": referral.reference},
                due_date=feedback_due,
                assignee=by,
            )
            referral.save(update_fields=["follow_up_task"])
    return referral


def referral_set_status(*, referral: Referral, by: User, status: str, on: date) -> Referral:
    """Record that the partner received, accepted or declined the referral, and when."""
    require_case_handler(by)
    allowed = {ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}
    if status not in allowed:
        raise ValidationError({"status": _("Kies ontvangen, geaccepteerd of afgewezen.")})
    if referral.status == ReferralStatus.FEEDBACK:
        raise ValidationError(_("De partner heeft al teruggekoppeld; de status blijft zo."))
    _check_date(on, referral)
    # The status, its date and the audit entry are one change.
    with transaction.atomic():
        _update(referral=referral, by=by, status=status, on=on)
    return referral


def referral_record_feedback(*, referral: Referral, by: User, text: str, on: date) -> Referral:
    """Keep the partner's feedback (encrypted); the referral is then done."""
    require_case_handler(by)
    if not text.strip():
        raise ValidationError({"text": _("Schrijf de terugkoppeling van de partner op.")})
    _check_date(on, referral)
    # The feedback, the status and the audit entries are one change.
    with transaction.atomic():
        referral.feedback = text.strip()
        referral.feedback_at = clock.now()
        referral.save(update_fields=["feedback", "feedback_at"])
        _update(referral=referral, by=by, status=ReferralStatus.FEEDBACK, on=on)
        audit_record(actor=by, action="referral.feedback", case=referral.case, obj=referral)
    return referral


def _check_date(on: date, referral: Referral) -> None:
    if on > clock.today():
        raise ValidationError({"on": _("De datum kan niet in de toekomst liggen.")})
    if on < timezone.localdate(referral.referred_at):
        raise ValidationError({"on": _("De datum kan niet voor de doorverwijzing liggen.")})


def _update(*, referral: Referral, by: User, status: str, on: date) -> None:
    previous = referral.status
    referral.status = status
    referral.save(update_fields=["status"])
    ReferralUpdate.objects.create(
        referral=referral, status=status, on=on, recorded_at=clock.now(), recorded_by=by
    )
    audit_record(
        actor=by,
        action="referral.status",
        case=referral.case,
        obj=referral,
        detail={"from": previous, "to": status},
    )


def registration_save(*, person: Person, by: User, **fields: Any) -> VictimRegistration:
    """Record or change the national-registration record of a possible victim, with consent."""
    require_case_handler(by)
    if person.role != PersonRole.VICTIM:
        raise ValidationError(_("Alleen een mogelijk slachtoffer kan worden geregistreerd."))
    if fields["consent_on"] > clock.today():
        raise ValidationError({"consent_on": _("De datum kan niet in de toekomst liggen.")})
    # The record and its audit entry are one change.
    with transaction.atomic():
        registration, created = VictimRegistration.objects.update_or_create(
            person=person, defaults={**fields, "recorded_by": by, "recorded_at": clock.now()}
        )
        audit_record(
            actor=by,
            action="registration.create" if created else "registration.change",
            case=person.case,
            obj=registration,
            detail={"identity": registration.consent_covers_identity},
        )
    return registration


def require_coordinator(user: User) -> None:
    require_case_handler(user)
    if not user.is_coordinator:
        raise PermissionDenied
