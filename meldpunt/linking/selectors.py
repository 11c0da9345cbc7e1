"""Reads of the linking app: related cases and signals across cases.

Both answer only to users who may handle cases (advisors, coordinators); anyone else
gets an empty answer and so learns nothing. They never return content of the other
case: only its number, the kind of entity that matched, and channel and date.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef
from django_stubs_ext import StrPromise

from meldpunt.accounts.models import User
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
    def kind_label(self) -> StrPromise:
        return EntityKind(self.kind).label

    @property
    def channel_label(self) -> StrPromise:
        return Channel(self.channel).label


# How many recent rows the signals page reads per signal it shows: an entity seen often
# fills several rows.
ROWS_PER_SIGNAL = 10


def related_cases(*, user: User, case: Case, limit: int = 100) -> list[Relation]:
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
    def kind_label(self) -> StrPromise:
        return EntityKind(self.kind).label

    @property
    def reference(self) -> str:
        """A short, meaningless reference to tell signals apart on screen."""
        return self.digest[:8]

    @property
    def channel_labels(self) -> list[StrPromise]:
        return [Channel(c).label for c in self.channels]


def signals(*, user: User, limit: int = 100) -> list[Signal]:
    """Entities in two or more cases, newest contact first. Three queries, whatever the size.

    The newest rows whose digest also occurs in another case are read from the
    ``seen_at`` index (each checked with the ``(digest, case)`` index), so the page does
    not aggregate the whole table; then the figures of just those digests are counted.
    """
    if not user_may_handle_cases(user):
        return []
    elsewhere = EntityHash.objects.filter(digest=OuterRef("digest")).exclude(
        case_id=OuterRef("case_id")
    )
    recent = (
        EntityHash.objects.filter(Exists(elsewhere))
        .order_by("-seen_at", "-id")
        .values_list("kind", "digest")[: limit * ROWS_PER_SIGNAL]
    )
    keys = list(dict.fromkeys(recent))[:limit]
    if not keys:
        return []
    digests = [digest for _, digest in keys]
    figures = {
        (g["kind"], g["digest"]): g
        for g in EntityHash.objects.filter(digest__in=digests)
        .values("kind", "digest")
        .annotate(case_count=Count("case_id", distinct=True), newest=Max("seen_at"))
    }
    by_key = {
        key: Signal(key[0], key[1], figures[key]["case_count"], figures[key]["newest"])
        for key in keys
        if key in figures and figures[key]["case_count"] >= 2
    }
    rows = (
        EntityHash.objects.filter(digest__in=digests)
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
    return sorted(by_key.values(), key=lambda s: s.newest, reverse=True)
