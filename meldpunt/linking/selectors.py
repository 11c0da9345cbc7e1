"""Reads of the linking app: related cases and signals across cases.

Both answer only to users who may handle cases (advisors, coordinators); anyone else
gets an empty answer and so learns nothing. A matching value (the plate, the phone
number) is shown only to a user who may open every case it is shown for, and is read
from the encrypted content of contacts, never from the hashes.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django_stubs_ext import StrPromise

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import Case, Channel, Contact
from meldpunt.cases.selectors import openable_case_ids, user_may_handle_cases
from meldpunt.lib.crypto import LEGACY_BLIND_KEY, blind_indexes, keyring
from meldpunt.linking.extract import extract
from meldpunt.linking.models import EntityHash, EntityKind
from meldpunt.linking.services import contact_texts


@dataclass
class Relation:
    """Another case sharing one or more entities with a case: one per other case.

    ``channel`` and ``seen_at`` are of its newest matching contact; ``values`` holds the
    matching values only when the user may open that case, else it is empty.
    """

    case_id: int
    case_number: str
    channel: str
    seen_at: datetime
    kinds: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)

    @property
    def kinds_label(self) -> str:
        return ", ".join(str(EntityKind(kind).label) for kind in self.kinds)

    @property
    def channel_label(self) -> StrPromise:
        return Channel(self.channel).label


def _values_by_digest(contacts: QuerySet[Contact], digests: set[str]) -> dict[str, str]:
    """The plain value behind each of ``digests``, read from these contacts' content.

    Three queries (contacts, their people, their places), whatever the number of contacts.
    """
    if not digests:
        return {}
    values: dict[str, str] = {}
    for contact in contacts.prefetch_related("persons", "locations"):
        texts = contact_texts(contact, contact.persons.all(), contact.locations.all())
        for entity in (e for text in texts for e in extract(text)):
            for digest in blind_indexes(entity.kind, entity.value):
                if digest in digests:
                    values.setdefault(digest, entity.value)
    return values


def under_key(key_id: str, field: str = "digest") -> Q:
    """Rows whose digest (or search token) ``field`` was made with blind key ``key_id``."""
    if key_id == LEGACY_BLIND_KEY:
        return ~Q(**{f"{field}__contains": ":"})
    return Q(**{f"{field}__startswith": f"{key_id}:"})


def under_complete_key() -> Q:
    """Rows whose digest is under the blind key every row has one under. While the blind
    key rotates each entity is stored twice; matching on one key counts it once."""
    return under_key(keyring().blind_complete)


# How many recent rows the signals page reads per signal it shows: an entity seen often
# fills several rows.
ROWS_PER_SIGNAL = 10
# How many rows the related-cases panel reads per case it lists: a case matching on
# several entities or in several contacts fills several rows.
ROWS_PER_RELATED_CASE = 10


def related_cases(*, user: User, case: Case, limit: int = 50) -> list[Relation]:
    """Other cases sharing an entity with ``case`` (the open case), newest contact first.

    One row per other case, naming the kinds that matched (in alphabetical order). The
    matching values are read from ``case``'s own contacts (equal digests are equal
    values), for the other cases the user may open. One query, and three more when a
    value is shown.
    """
    if not user_may_handle_cases(user):
        return []
    own = EntityHash.objects.filter(under_complete_key(), case_id=case.pk).values("digest")
    rows = (
        EntityHash.objects.filter(digest__in=own)
        .exclude(case_id=case.pk)
        .values_list("case_id", "case__number", "kind", "digest", "channel", "seen_at")
        .order_by("-seen_at", "case_id", "kind")[: limit * ROWS_PER_RELATED_CASE]
    )
    relations: dict[int, Relation] = {}
    digests: dict[int, set[str]] = {}
    for case_id, number, kind, digest, channel, seen_at in rows:
        if case_id not in relations:
            if len(relations) == limit:
                continue
            relations[case_id] = Relation(case_id, number, channel, seen_at)
            digests[case_id] = set()
        if kind not in relations[case_id].kinds:
            relations[case_id].kinds.append(kind)
        digests[case_id].add(digest)
    openable = openable_case_ids(user, relations)
    shown = {digest for case_id in openable for digest in digests[case_id]}
    if shown:
        holding = EntityHash.objects.filter(case_id=case.pk, digest__in=shown)
        own_contacts = Contact.objects.filter(pk__in=holding.values("contact_id"))
        values = _values_by_digest(own_contacts, shown)
        for case_id in openable:
            relations[case_id].values = sorted({values[d] for d in digests[case_id] if d in values})
    for relation in relations.values():
        relation.kinds.sort(key=lambda kind: str(EntityKind(kind).label))
    return list(relations.values())


@dataclass
class Signal:
    """An entity that occurs in two or more cases; ``value`` is read from the content of
    a contact the user may open (empty when there is none)."""

    kind: str
    digest: str
    case_count: int
    newest: datetime
    channels: list[str] = field(default_factory=list)
    cases: list[tuple[int, str]] = field(default_factory=list)
    value: str = ""

    @property
    def kind_label(self) -> StrPromise:
        return EntityKind(self.kind).label

    @property
    def channel_labels(self) -> list[StrPromise]:
        return [Channel(c).label for c in self.channels]


def signals(*, user: User, limit: int = 100) -> list[Signal]:
    """Entities in two or more cases with their values, newest contact first.

    Six queries, whatever the size: three for the signals, three for their values (read
    from one contact per entity in a case the user may open).

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
        EntityHash.objects.filter(under_complete_key(), Exists(elsewhere))
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
    rows = list(
        EntityHash.objects.filter(digest__in=digests)
        .values_list("kind", "digest", "channel", "case_id", "case__number", "contact_id")
        .distinct()
        .order_by("case__number")
    )
    openable = openable_case_ids(user, {row[3] for row in rows})
    source: dict[str, int] = {}
    for kind, digest, channel, case_id, number, contact_id in rows:
        signal = by_key.get((kind, digest))
        if signal is None:
            continue
        if channel not in signal.channels:
            signal.channels.append(channel)
        if (case_id, number) not in signal.cases:
            signal.cases.append((case_id, number))
        if case_id in openable:
            source.setdefault(digest, contact_id)
    values = _values_by_digest(Contact.objects.filter(pk__in=source.values()), set(source))
    for signal in by_key.values():
        signal.value = values.get(signal.digest, "")
    if values:
        # The values are case content from several cases, read without opening them.
        audit_record(actor=user, action="linking.signals")
    return sorted(by_key.values(), key=lambda s: s.newest, reverse=True)
