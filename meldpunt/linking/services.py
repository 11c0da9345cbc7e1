"""Writes of the linking app: the blind index of a contact's entities."""

from collections.abc import Iterable

from django.db import transaction

from meldpunt.cases.models import Contact, Location, Person, text_values, texts_of
from meldpunt.lib import clock
from meldpunt.lib.crypto import blind_indexes
from meldpunt.linking.extract import extract
from meldpunt.linking.models import EntityHash


def contact_texts(
    contact: Contact, persons: Iterable[Person], locations: Iterable[Location]
) -> list[str]:
    """All encrypted text of a contact: summary, advice, details and its persons and places."""
    texts = text_values(contact) + texts_of(contact.details)
    for person in persons:
        texts += text_values(person)
    for location in locations:
        texts += text_values(location)
        if location.kvk_number:
            texts.append(f"KvK {location.kvk_number}")
        if location.postcode and location.address:
            texts.append(f"{location.address}, {location.postcode.upper()}")
    return [text for text in texts if text]


def _entity_hashes(contact: Contact, texts: list[str]) -> list[EntityHash]:
    """One row per entity and blind key: two while the blind key rotates (docs/KEYS.md),
    so lookups under either key find every contact written since the rotation began."""
    entities = {(e.kind, e.value) for text in texts for e in extract(text)}
    now = clock.now()
    return [
        EntityHash(
            case_id=contact.case_id,
            contact=contact,
            kind=kind,
            digest=digest,
            channel=contact.channel,
            seen_at=contact.started_at,
            created_at=now,
        )
        for kind, value in sorted(entities)
        for digest in blind_indexes(kind, value)
    ]


def index_contact(*, contact: Contact) -> int:
    """Replace the contact's entity hashes with those of its current content.

    Idempotent: calling it again after an edit gives the new set, nothing twice.
    Returns the number of hashes stored.
    """
    persons = Person.objects.filter(contact=contact)
    locations = Location.objects.filter(contact=contact)
    rows = _entity_hashes(contact, contact_texts(contact, persons, locations))
    # Old and new hashes are swapped at once, so a lookup never sees half a contact.
    with transaction.atomic(savepoint=False):
        EntityHash.objects.filter(contact=contact).delete()
        EntityHash.objects.bulk_create(rows)
    return len(rows)


def index_new_contact(
    *, contact: Contact, persons: Iterable[Person], locations: Iterable[Location]
) -> int:
    """The entity hashes of a contact made in this transaction, with its people and places.

    Gives what ``index_contact`` would, without reading anything back: a new contact has
    no hashes yet and no other people or places. Returns the number of hashes stored.
    """
    rows = _entity_hashes(contact, contact_texts(contact, persons, locations))
    EntityHash.objects.bulk_create(rows)
    return len(rows)
