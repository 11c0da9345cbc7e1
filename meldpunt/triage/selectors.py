"""Reads of the triage app: how advisors judged the assistant's suggestions.

Only ids of indicators and forms, counts, versions and days: never text, case or person.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count, Q

from meldpunt.accounts.models import User
from meldpunt.accounts.permissions import is_fully_authenticated
from meldpunt.cases.models import Exploitation
from meldpunt.triage.models import Decision, TriageDecision
from meldpunt.triage.services import FORM_PREFIX
from meldpunt.triage.taxonomy import taxonomy

DECISION_EXPORT_COLUMNS = ("taxonomy_version", "item", "suggested", "decision", "day")


@dataclass(frozen=True)
class ItemStats:
    """Accepts and dismisses of one suggested item under one taxonomy version."""

    version: str
    item: str
    label: str
    accepted: int
    dismissed: int

    @property
    def total(self) -> int:
        return self.accepted + self.dismissed

    @property
    def accepted_share(self) -> int:
        """Accepted as a whole percentage of all decisions on this item."""
        return round(100 * self.accepted / self.total) if self.total else 0


def _label(item: str) -> str:
    if item.startswith(FORM_PREFIX):
        form = item.removeprefix(FORM_PREFIX)
        return str(Exploitation(form).label) if form in Exploitation.values else item
    try:
        return taxonomy().indicator(item).label
    except KeyError:
        return item


def decision_stats(*, user: User) -> list[ItemStats]:
    """Per taxonomy version (newest first) and item: how often a suggestion was accepted
    and dismissed. Coordinators only; anyone else gets an empty list. One query."""
    if not (is_fully_authenticated(user) and user.is_coordinator):
        return []
    rows = (
        TriageDecision.objects.filter(suggested=True)
        .values("taxonomy_version", "item")
        .annotate(
            accepted=Count("id", filter=Q(decision=Decision.ACCEPTED)),
            dismissed=Count("id", filter=Q(decision=Decision.DISMISSED)),
        )
        .order_by("-taxonomy_version", "item")
    )
    stats = [
        ItemStats(
            version=row["taxonomy_version"],
            item=row["item"],
            label=_label(row["item"]),
            accepted=row["accepted"],
            dismissed=row["dismissed"],
        )
        for row in rows
    ]
    # Newest version first; within a version the most dismissed item first (stable sorts).
    stats.sort(key=lambda s: (-s.dismissed, s.item))
    stats.sort(key=lambda s: s.version, reverse=True)
    return stats


def decision_export_rows() -> Iterator[tuple[str, str, int, str, str]]:
    """Every decision as (version, item, suggested 0/1, decision, ISO day), oldest first.

    For ``manage.py triage_evaluate --export-decisions``: no case, contact, person or text.
    """
    rows = TriageDecision.objects.order_by("at", "id").values_list(
        "taxonomy_version", "item", "suggested", "decision", "at"
    )
    for version, item, suggested, decision, at in rows.iterator():
        yield version, item, int(suggested), decision, at.date().isoformat()
