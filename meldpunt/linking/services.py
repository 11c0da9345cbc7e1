"""Writes of the linking app: the blind index of a contact's entities."""

from django.db import transaction

from meldpunt.cases.models import Contact, Location, Person
from meldpunt.lib import clock
from meldpunt.lib.crypto import blind_index
from meldpunt.linking.extract import extract, texts_of
from meldpunt.linking.models import EntityHash


def contact_texts(contact: Contact) -> list[str]:
    """All encrypted text of a contact: summary, advice, details and its persons and places."""
    texts = [getattr(contact, name) for name in Contact.TEXT_FIELDS]
    texts += texts_of(contact.details)
    for person in Person.objects.filter(contact=contact):
        texts += [getattr(person, name) for name in Person.TEXT_FIELDS]
    for location in Location.objects.filter(contact=contact):
        texts += [getattr(location, name) for name in Location.TEXT_FIELDS]
        if location.kvk_number:
            texts.append(f"KvK {location.kvk_number}")
        if location.postcode and location.address:
            texts.append(f"{location.address}, {location.postcode.upper()}")
    return [text for text in texts if text]


def index_contact(*, contact: Contact) -> int:
    """Replace the contact's entity hashes with those of its current content.

    Idempotent: calling it again after an edit gives the new set, nothing twice.
    Returns the number of hashes stored.
    """
    entities = {(e.kind, e.value) for text in contact_texts(contact) for e in extract(text)}
    now = clock.now()
    rows = [
        EntityHash(
            case_id=contact.case_id,
            contact=contact,
            kind=kind,
            digest=blind_index(kind, value),
            channel=contact.channel,
            seen_at=contact.started_at,
            created_at=now,
        )
        for kind, value in sorted(entities)
    ]
    # Old and new hashes are swapped at once, so a lookup never sees half a contact.
    with transaction.atomic():
        EntityHash.objects.filter(contact=contact).delete()
        EntityHash.objects.bulk_create(rows)
    return len(rows)
