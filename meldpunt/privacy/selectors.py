"""Reads of the privacy app: a case's legal hold, and what is known about a person."""

from dataclasses import dataclass

from meldpunt.cases.models import Case
from meldpunt.privacy.models import LegalHold, PurgedCase


@dataclass(frozen=True)
class HoldState:
    hold: LegalHold | None
    purged: PurgedCase | None


def case_hold_state(case: Case) -> HoldState:
    """The active hold with who placed it, and the purge record: two queries."""
    hold = (
        LegalHold.objects.filter(case=case, released_at__isnull=True)
        .select_related("placed_by")
        .first()
    )
    purged = PurgedCase.objects.filter(case=case).first()
    return HoldState(hold=hold, purged=purged)
