"""The entity development sets (tests/linking/entity_dev_set.py and
tests/linking/entity_dev_set_writers*.py) are read exactly."""

import pytest

from meldpunt.linking.extract import extract
from tests.linking import entity_dev_set_writers as writers
from tests.linking import entity_dev_set_writers2 as writers2
from tests.linking import entity_dev_set_writers3 as writers3
from tests.linking.entity_dev_set import CASES, DISTRACTORS


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_every_variant_of_the_dev_set_gives_exactly_its_entities(text, expected) -> None:
    assert {(e.kind, e.value) for e in extract(text)} == expected


@pytest.mark.parametrize("text", DISTRACTORS)
def test_times_amounts_dates_rooms_roads_and_references_give_no_entity(text) -> None:
    """Only a phone number may be found (none of these texts holds one on purpose)."""
    assert {e.kind for e in extract(text)} <= {"phone"}


@pytest.mark.parametrize(("text", "expected"), writers.CASES)
def test_plates_handles_and_addresses_as_people_write_them(text, expected) -> None:
    assert {(e.kind, e.value) for e in extract(text)} == expected


@pytest.mark.parametrize("text", writers.DISTRACTORS)
def test_near_misses_as_people_write_them_give_no_entity_at_all(text) -> None:
    """Not even a phone number: 0800 numbers and 112 are services' numbers."""
    assert extract(text) == []


# The sets written for the extractor in 2026.12.11, with the misses each documents.
LATER_SETS = (writers2, writers3)


@pytest.mark.parametrize(
    ("text", "expected", "known"),
    [(t, e, s.KNOWN_MISSES.get(t, set())) for s in LATER_SETS for t, e in s.CASES],
)
def test_every_way_of_writing_in_the_later_sets_gives_its_entities(text, expected, known) -> None:
    """Exactly the entities written, but for the known misses."""
    assert {(e.kind, e.value) for e in extract(text)} == expected - known


@pytest.mark.parametrize("text", [t for s in LATER_SETS for t in s.DISTRACTORS])
def test_the_later_sets_distractors_give_no_entity(text) -> None:
    assert extract(text) == []
