"""Legal holds and erasure on request: each checks who acts, changes, and audits in one place."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import Case
from meldpunt.lib import clock
from meldpunt.privacy.models import LegalHold, PurgedCase, PurgeReason
from meldpunt.privacy.purge import case_contents_remove


def _require_coordinator(user: User) -> None:
    if not (user.is_active and user.is_coordinator):
        raise PermissionDenied


def _lock(case: Case) -> Case:
    # The purge locks the same row, so a hold and a purge of one case never interleave.
    return Case.objects.select_for_update().only("id").get(pk=case.pk)


def active_hold(case: Case) -> LegalHold | None:
    return LegalHold.objects.filter(case=case, released_at__isnull=True).first()


def hold_place(*, case: Case, by: User, reason: str) -> LegalHold:
    """Put ``case`` on legal hold: it is then never purged or erased, until released."""
    _require_coordinator(by)
    if not reason.strip():
        raise ValidationError(_("Geef een reden."))
    with transaction.atomic():
        _lock(case)
        if PurgedCase.objects.filter(case=case).exists():
            raise ValidationError(_("De inhoud van deze zaak is al verwijderd."))
        if active_hold(case) is not None:
            raise ValidationError(_("Deze zaak heeft al een juridische bewaarplicht."))
        hold = LegalHold.objects.create(
            case=case, reason=reason.strip(), placed_by=by, placed_at=clock.now()
        )
        audit_record(actor=by, action="case.hold", case=case, obj=hold)
    return hold


def hold_release(*, case: Case, by: User) -> LegalHold:
    """End the legal hold of ``case``: from then on its retention period applies again."""
    _require_coordinator(by)
    with transaction.atomic():
        _lock(case)
        hold = active_hold(case)
        if hold is None:
            raise ValidationError(_("Deze zaak heeft geen juridische bewaarplicht."))
        hold.released_by = by
        hold.released_at = clock.now()
        hold.save(update_fields=["released_by", "released_at"])
        audit_record(actor=by, action="case.hold_release", case=case, obj=hold)
    return hold


def case_erase(*, case: Case, by: User, reason: str) -> None:
    """Erase the content of ``case`` on a person's request (AVG art. 17), as a purge does:
    only the statistics columns stay. Refused while a legal hold applies."""
    _require_coordinator(by)
    if not reason.strip():
        raise ValidationError(_("Geef een reden."))
    with transaction.atomic():
        _lock(case)
        if active_hold(case) is not None:
            raise ValidationError(
                _("Deze zaak heeft een juridische bewaarplicht en kan niet worden gewist.")
            )
        if PurgedCase.objects.filter(case=case).exists():
            raise ValidationError(_("De inhoud van deze zaak is al verwijderd."))
        case_contents_remove([case.pk])
        PurgedCase.objects.create(
            case=case, purged_at=clock.now(), reason=PurgeReason.ERASURE, note=reason.strip()
        )
        # The reason is free text: it is kept encrypted with the record, not in the log.
        audit_record(actor=by, action="case.erase", case=case, obj=case)
