"""The issue's "done means", end to end through the real services and pages.

An advisor logs a call that mentions a phone number and a licence plate; a web report
from the day before mentions the same plate written differently. The call's case shows
the report's case as related, the signals view lists the plate, the plate is nowhere in
plain text in the database, and the triage panel highlights signals and suggests a form.
"""

import pytest
from django.db import connection
from django.urls import reverse

from meldpunt.cases.models import Channel
from tests.triage.factories import at, case_with_contact

pytestmark = pytest.mark.django_db

REPORT = (
    "Ik zie elke ochtend een wit busje met kenteken vgt42j bij het huis naast ons. "
    "Er wonen daar heel veel mannen."
)
CALL = (
    "Beller (buurman) ziet mannen om 5 uur opgehaald worden met busje VGT-42-J. Ze werken "
    "zeven dagen per week in de kassen, de baas heeft hun paspoort afgepakt en ze krijgen "
    "contant betaald. Baas is bereikbaar op 06-12345678."
)


def test_done_means(advisor, coordinator, verified_client) -> None:
    """Related case, signal, no plaintext plate, and triage suggestions, as the issue asks."""
    report, _ = case_with_contact(
        by=advisor, channel=Channel.WEB_REPORT, started_at=at(10), summary=REPORT
    )
    call, _ = case_with_contact(by=advisor, channel=Channel.PHONE, started_at=at(11), summary=CALL)

    page = verified_client(advisor).get(reverse("cases:detail", args=[call.pk]))
    html = page.content.decode()
    related = html[html.index("Gerelateerde zaken") :]
    assert report.number in related and "kenteken" in related and "webformulier" in related.lower()
    assert '<mark class="triage-mark">paspoort</mark>' in html
    assert "Arbeidsuitbuiting" in html

    signals = verified_client(coordinator).get(reverse("linking:signals"))
    assert [(s.kind, s.case_count) for s in signals.context["signals"]] == [("plate", 2)]

    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            text = " ".join(str(v) for row in cursor.fetchall() for v in row).upper()
            assert "VGT42J" not in text and "VGT-42-J" not in text, table


KAMPERSTRAAT_REPORT = (
    "Bij de Kamperstraat worden arbeiders opgehaald met busje vt123b; de chauffeur belt met "
    "+31 6 1234 5678."
)
KAMPERSTRAAT_CALL = (
    "Beller ziet arbeiders in een busje stappen, kenteken VT-123-B. Telefoon van de "
    "chauffeur: 06 12345678."
)


def test_kamperstraat_every_spelling_and_one_related_row(advisor, analyst, verified_client) -> None:
    """Issue 13: every spelling of the plate and phone number finds both cases, the call's
    case page shows the report once with "kenteken, telefoonnummer", and an analyst is
    refused the search."""
    report, _ = case_with_contact(
        by=advisor, channel=Channel.WEB_REPORT, started_at=at(10), summary=KAMPERSTRAAT_REPORT
    )
    call, _ = case_with_contact(
        by=advisor, channel=Channel.PHONE, started_at=at(11), summary=KAMPERSTRAAT_CALL
    )
    client = verified_client(advisor)
    for spelling in (
        "vt123b",
        "VT-123-B",
        "vt 123 b",
        "0612345678",
        "06 12345678",
        "+31 6 1234 5678",
    ):
        html = client.post(reverse("search:cases"), {"q": spelling}).content.decode()
        assert report.number in html and call.number in html, spelling

    html = client.get(reverse("cases:detail", args=[call.pk])).content.decode()
    related = html[html.index("Gerelateerde zaken") :]
    assert related.count('class="linking-relation"') == 1
    assert "zelfde kenteken, telefoonnummer" in related
    assert "+31612345678, VT123B" in related

    assert (
        verified_client(analyst).post(reverse("search:cases"), {"q": "vt123b"}).status_code == 403
    )
