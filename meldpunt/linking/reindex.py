"""Bringing the blind index to the key ring's blind keys (``manage.py blind_reindex``).

Search tokens (``cases.CaseSearchToken``) and entity hashes (``EntityHash``) are keyed
hashes; a stored one names its blind key (``crypto.blind_key_of``). A rotation of the
blind key (docs/KEYS.md) goes in two rounds, each finished by this module:

1. The ring holds the old and the new key, the new one current. Writers store every
   digest under both, readers look for both, so search and linking keep working. Here
   every case without a token under the current key, and every contact without an
   entity hash under it, is indexed again from its (decrypted) content: under both keys.
2. The old key is removed from the ring. Every row now has a digest under the new key
   (round 1), so nothing is lost; here the rows under a key no longer in the ring are
   deleted. A case or contact that still has none under the current key (round 1 was
   skipped) is indexed again first.

Work goes in batches, a case or contact per transaction, a batch of deletes per
transaction: stopping at any moment loses nothing, and the next run finds what is left
(nothing is remembered between runs: what is left is read from the digests).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet

from meldpunt.cases.models import Case, CaseSearchToken, Contact
from meldpunt.cases.search.index import case_reindex
from meldpunt.lib.crypto import keyring
from meldpunt.linking.models import EntityHash
from meldpunt.linking.selectors import under_key
from meldpunt.linking.services import index_contact

DEFAULT_BATCH_SIZE = 200


@dataclass
class ReindexResult:
    cases: int = 0
    contacts: int = 0
    tokens_deleted: int = 0
    hashes_deleted: int = 0


Progress = Callable[[str, int], None]


def _retired(field: str) -> Q:
    """Rows under a blind key that is no longer in the ring."""
    current = Q()
    for key_id in keyring().blind:
        current |= under_key(key_id, field)
    return ~current


def cases_to_reindex() -> QuerySet[Case]:
    """Cases that have search tokens, none of them under the current blind key."""
    tokens = CaseSearchToken.objects.filter(case=OuterRef("pk"))
    current = tokens.filter(under_key(keyring().blind_current, "token"))
    return Case.objects.filter(Exists(tokens), ~Exists(current)).order_by("pk")


def contacts_to_reindex() -> QuerySet[Contact]:
    """Contacts that have entity hashes, none of them under the current blind key."""
    hashes = EntityHash.objects.filter(contact=OuterRef("pk"))
    current = hashes.filter(under_key(keyring().blind_current))
    return Contact.objects.filter(Exists(hashes), ~Exists(current)).order_by("pk")


def count_left() -> dict[str, int]:
    """What a run would do: cases and contacts to index again, rows to delete."""
    return {
        "cases": cases_to_reindex().count(),
        "contacts": contacts_to_reindex().count(),
        "tokens_retired": CaseSearchToken.objects.filter(_retired("token")).count(),
        "hashes_retired": EntityHash.objects.filter(_retired("digest")).count(),
    }


def _delete_batches(
    queryset: QuerySet[CaseSearchToken] | QuerySet[EntityHash], batch_size: int
) -> int:
    deleted = 0
    while True:
        with transaction.atomic():
            batch = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
            if not batch:
                return deleted
            deleted += queryset.model._default_manager.filter(pk__in=batch).delete()[0]


def _index_each[Row: (Case, Contact)](
    rows: QuerySet[Row],
    index: Callable[[Row], object],
    name: str,
    batch_size: int,
    progress: Progress | None,
) -> int:
    """Index every row again, one per transaction, in batches by primary key; the count."""
    done = last = 0
    while batch := list(rows.filter(pk__gt=last)[:batch_size]):
        for row in batch:
            with transaction.atomic():
                index(row)
            done += 1
        last = batch[-1].pk
        if progress:
            progress(name, done)
    return done


def blind_reindex(
    *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None
) -> ReindexResult:
    """Index again what lacks the current blind key, then delete rows under retired keys."""
    result = ReindexResult()
    # One case per transaction: its old and new tokens are swapped at once.
    result.cases = _index_each(
        cases_to_reindex(), lambda case: case_reindex(case=case), "cases", batch_size, progress
    )
    result.contacts = _index_each(
        contacts_to_reindex(),
        lambda contact: index_contact(contact=contact),
        "contacts",
        batch_size,
        progress,
    )
    result.tokens_deleted = _delete_batches(
        CaseSearchToken.objects.filter(_retired("token")), batch_size
    )
    result.hashes_deleted = _delete_batches(
        EntityHash.objects.filter(_retired("digest")), batch_size
    )
    return result
