"""Rotating the blind index key: search and linking keep working before, during and after
``blind_reindex``; in the end every digest is under the new key (docs/KEYS.md)."""

from collections.abc import Callable, Iterator
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case, CaseSearchToken
from meldpunt.cases.search.selectors import CaseQuery, case_search
from meldpunt.lib import keyring_edit
from meldpunt.lib.crypto import LEGACY_BLIND_KEY, blind_key_of, keyring
from meldpunt.linking import reindex
from meldpunt.linking.models import EntityHash
from meldpunt.linking.selectors import related_cases, signals
from tests.triage.factories import case_with_contact, verified

pytestmark = pytest.mark.django_db

PHONE = "06-12345678"


def _use_ring(raw: str) -> Callable[[], None]:
    """Puts ``raw`` in force as the key ring (a restart of the workers) until undone."""
    override = override_settings(MELDPUNT_KEYRING=raw)
    override.enable()
    keyring.cache_clear()

    def undo() -> None:
        override.disable()
        keyring.cache_clear()

    return undo


@pytest.fixture
def rings() -> Iterator[list[Callable[[], None]]]:
    undo: list[Callable[[], None]] = []
    yield undo
    for step in reversed(undo):
        step()


def _found(words: str) -> set[int]:
    return set(case_search(CaseQuery(text=words)).values_list("pk", flat=True))


def _related(user: User, case: Case) -> set[int]:
    return {relation.case_id for relation in related_cases(user=user, case=case)}


def _stored_keys() -> set[str]:
    tokens = CaseSearchToken.objects.values_list("token", flat=True)
    digests = EntityHash.objects.values_list("digest", flat=True)
    return {blind_key_of(value) for value in [*tokens, *digests]}


def test_rotation_keeps_search_and_linking_working(
    advisor: User, rings: list[Callable[[], None]]
) -> None:
    """Old key, both keys while re-indexing batch by batch, new key alone: the same cases are
    found by word and by phone number, linked to each other, and signalled once; afterwards
    no digest under the old key is left."""
    user = verified(advisor)
    cases = [
        case_with_contact(by=advisor, summary=f"Kwekerij {n}, baas belt vanaf {PHONE}")[0]
        for n in range(4)
    ]
    everyone = {case.pk for case in cases}
    assert _stored_keys() == {LEGACY_BLIND_KEY}

    def works(expected: set[int]) -> None:
        assert _found("kwekerij") == expected
        assert _found("0612345678") == expected
        assert _related(user, cases[0]) == expected - {cases[0].pk}
        found = signals(user=user)
        assert [signal.case_count for signal in found] == [len(expected)]

    works(everyone)
    with_new = keyring_edit.add_blind_key(settings.MELDPUNT_KEYRING)
    rings.append(_use_ring(with_new))
    works(everyone)
    # Written while the key rotates: stored under both keys, found with the others.
    during, _ = case_with_contact(by=advisor, summary=f"Nog een kwekerij, nummer {PHONE}")
    everyone.add(during.pk)
    works(everyone)

    seen_between_batches: list[str] = []

    def progress(what: str, done: int) -> None:
        works(everyone)
        seen_between_batches.append(what)

    result = reindex.blind_reindex(batch_size=1, progress=progress)
    assert result.cases == 4 and result.contacts == 4
    assert seen_between_batches.count("cases") == 4
    assert reindex.count_left() == {
        "cases": 0,
        "contacts": 0,
        "tokens_retired": 0,
        "hashes_retired": 0,
    }
    assert _stored_keys() == {LEGACY_BLIND_KEY, "b1"}

    rings.append(_use_ring(keyring_edit.retire_blind_key(with_new)))
    works(everyone)
    left = reindex.count_left()
    assert left["cases"] == left["contacts"] == 0
    assert left["tokens_retired"] > 0 and left["hashes_retired"] > 0
    out = StringIO()
    call_command("blind_reindex", stdout=out)
    assert "Indexed again: 0 cases, 0 contacts" in out.getvalue()
    assert _stored_keys() == {"b1"}
    works(everyone)


def test_reindex_rebuilds_a_case_that_missed_the_first_round(
    advisor: User, rings: list[Callable[[], None]]
) -> None:
    """The old key removed without the first blind_reindex: the case is not found by the new
    key, until blind_reindex indexes it again from its content."""
    case, _ = case_with_contact(by=advisor, summary="Schuur achter de boerderij")
    with_new = keyring_edit.add_blind_key(settings.MELDPUNT_KEYRING)
    rings.append(_use_ring(keyring_edit.retire_blind_key(with_new)))
    assert _found("boerderij") == set()
    out = StringIO()
    call_command("blind_reindex", "--dry-run", stdout=out)
    assert "Left: 1 cases and 0 contacts" in out.getvalue()
    call_command("blind_reindex", stdout=StringIO())
    assert _found("boerderij") == {case.pk}
    assert _stored_keys() == {"b1"}


def test_a_second_rotation_waits_for_the_first() -> None:
    """A ring with two blind keys takes no third: finish the re-index first."""
    with_new = keyring_edit.add_blind_key(settings.MELDPUNT_KEYRING)
    with pytest.raises(ValueError, match="blind_reindex"):
        keyring_edit.add_blind_key(with_new)
