"""index_contact: keyed hashes of a contact's entities, replaced on every call, never plaintext."""

import pytest
from django.db import connection

from meldpunt.cases.models import Location, LocationKind, Person, PersonRole
from meldpunt.lib.crypto import blind_index
from meldpunt.linking.models import EntityHash
from meldpunt.linking.services import index_contact
from tests.triage.factories import case_with_contact

pytestmark = pytest.mark.django_db

SUMMARY = "Busje met kenteken 12-KBB-3 haalt de mannen op. Baas belt vanaf 06-12345678."


def test_contact_add_indexes_the_summary(advisor) -> None:
    """A new contact's phone number and plate are stored as blind-index digests."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    stored = set(EntityHash.objects.filter(contact=contact).values_list("kind", "digest"))
    assert stored == {
        ("plate", blind_index("plate", "12KBB3")),
        ("phone", blind_index("phone", "+31612345678")),
    }
    row = EntityHash.objects.filter(contact=contact).first()
    assert row.case_id == case.pk and row.channel == contact.channel
    assert row.seen_at == contact.started_at


def test_index_contact_is_idempotent_and_follows_edits(advisor) -> None:
    """Indexing twice stores each entity once; after an edit the old entity is gone."""
    _, contact = case_with_contact(by=advisor, summary=SUMMARY)
    assert index_contact(contact=contact) == 2
    assert EntityHash.objects.filter(contact=contact).count() == 2
    contact.summary = "Alleen nog het nummer 06-12345678."
    contact.save()
    index_contact(contact=contact)
    assert list(EntityHash.objects.filter(contact=contact).values_list("kind", flat=True)) == [
        "phone"
    ]


def test_details_persons_and_locations_are_indexed(advisor) -> None:
    """Details JSON values and the contact's persons and places are read too."""
    case, contact = case_with_contact(
        by=advisor, summary="", details={"adverts": ["https://www.snelgeld-werk.nl/vacature"]}
    )
    Person.objects.create(
        case=case, contact=contact, role=PersonRole.PERPETRATOR, description="mail: Baas@Example.nl"
    )
    Location.objects.create(
        case=case,
        contact=contact,
        kind=LocationKind.WORKPLACE,
        address="Kerkstraat 12",
        postcode="1234ab",
        kvk_number="12345678",
    )
    index_contact(contact=contact)
    kinds = dict(EntityHash.objects.filter(contact=contact).values_list("digest", "kind"))
    assert kinds == {
        blind_index("domain", "snelgeld-werk.nl"): "domain",
        blind_index("email", "baas@example.nl"): "email",
        blind_index("address", "1234AB 12"): "address",
        blind_index("kvk", "12345678"): "kvk",
    }


def test_no_plate_in_plain_text_in_the_linking_table(advisor) -> None:
    """Every text column of the linking table is read raw: the plate is nowhere in it."""
    case_with_contact(by=advisor, summary=SUMMARY)
    table = EntityHash._meta.db_table
    columns = [f.column for f in EntityHash._meta.concrete_fields]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608 - names from the model
        rows = cursor.fetchall()
    assert rows
    dump = " ".join(str(value) for row in rows for value in row).upper()
    for plain in ("12KBB3", "12-KBB-3", "0612345678", "+31612345678", "612345678"):
        assert plain not in dump


def test_no_plate_in_plain_text_anywhere_in_the_database(advisor) -> None:
    """Every text column of every table (contacts, audit, search tokens) lacks the plate."""
    case_with_contact(by=advisor, summary=SUMMARY)
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            description = connection.introspection.get_table_description(cursor, table)
            cols = ", ".join(connection.ops.quote_name(col.name) for col in description)
            cursor.execute(f"SELECT {cols} FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(str(v) for v in row).upper()
                if "KBB" in text and ("12KBB3" in text or "12-KBB-3" in text):
                    found.append(table)
    assert found == []


def test_people_and_places_added_in_the_same_transaction_are_indexed(
    advisor, django_capture_on_commit_callbacks
) -> None:
    """A caller that adds a place after contact_add in one transaction gets it indexed."""
    from django.db import transaction

    from meldpunt.cases.models import Channel
    from meldpunt.cases.services import case_create, contact_add

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        case = case_create(by=advisor)
        contact = contact_add(case=case, by=advisor, channel=Channel.WEB_REPORT, summary="")
        Location.objects.create(
            case=case, contact=contact, kind=LocationKind.OTHER, address="Dorpsstraat 4, 8321 AB"
        )
    assert list(EntityHash.objects.filter(contact=contact).values_list("digest", flat=True)) == [
        blind_index("address", "8321AB 4")
    ]
