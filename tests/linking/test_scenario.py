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
