"""Reads of the linking app: related cases and signals across cases.

Both answer only to users who may handle cases (advisors, coordinators); anyone else
gets an empty answer and so learns nothing. They never return content of the other
case: only its number, the kind of entity that matched, and channel and date.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Max

from meldpunt.cases.models import Case, Channel
from meldpunt.cases.selectors import user_may_handle_cases
from meldpunt.linking.models import EntityHash, EntityKind


@dataclass(frozen=True)
class Relation:
    """One match between a case and another case: per kind of entity and other contact."""

    case_id: int
    case_number: str
    kind: str
    channel: str
    seen_at: datetime

    @property
    def kind_label(self) -> str:
        return EntityKind(self.kind).label

    @property
    def channel_label(self) -> str:
        return Channel(self.channel).label


def related_cases(*, user: Any, case: Case, limit: int = 100) -> list[Relation]:
    """Other cases sharing an entity with ``case``, newest contact first. One query."""
    if not user_may_handle_cases(user):
        return []
    own = EntityHash.objects.filter(case_id=case.pk).values("digest")
    rows = (
        EntityHash.objects.filter(digest__in=own)
        .exclude(case_id=case.pk)
        .values_list("case_id", "case__number", "kind", "channel", "seen_at")
        .distinct()
        .order_by("-seen_at", "case_id", "kind", "channel")[:limit]
    )
    return [Relation(*row) for row in rows]


@dataclass
class Signal:
    """An entity (known only by kind and digest) that occurs in two or more cases."""

    kind: str
    digest: str
    case_count: int
    newest: datetime
    channels: list[str] = field(default_factory=list)
    cases: list[tuple[int, str]] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return EntityKind(self.kind).label

    @property
    def reference(self) -> str:
        """A short, meaningless reference to tell signals apart on screen."""
        return self.digest[:8]

    @property
    def channel_labels(self) -> list[str]:
        return [Channel(c).label for c in self.channels]


def signals(*, user: Any, limit: int = 100) -> list[Signal]:
    """Entities in two or more cases, newest contact first. Two queries, whatever the size."""
    if not user_may_handle_cases(user):
        return []
    groups = list(
        EntityHash.objects.values("kind", "digest")
        .annotate(case_count=Count("case_id", distinct=True), newest=Max("seen_at"))
        .filter(case_count__gte=2)
        .order_by("-newest", "kind", "digest")[:limit]
    )
    if not groups:
        return []
    by_key = {
        (g["kind"], g["digest"]): Signal(g["kind"], g["digest"], g["case_count"], g["newest"])
        for g in groups
    }
    rows = (
        EntityHash.objects.filter(digest__in=[g["digest"] for g in groups])
        .values_list("kind", "digest", "channel", "case_id", "case__number")
        .distinct()
        .order_by("case__number")
    )
    for kind, digest, channel, case_id, number in rows:
        signal = by_key.get((kind, digest))
        if signal is None:
            continue
        if channel not in signal.channels:
            signal.channels.append(channel)
        if (case_id, number) not in signal.cases:
            signal.cases.append((case_id, number))
    return list(by_key.values())
