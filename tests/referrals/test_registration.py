"""Registration of possible victims: recorded with consent, exported by a coordinator."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Person, PersonRole
from meldpunt.lib import clock
from meldpunt.referrals.registration import registration_export
from meldpunt.referrals.services import registration_save

from .conftest import CARE_NEEDS, VICTIM_NAME

pytestmark = pytest.mark.django_db
EXPORT = "/medewerkers/partners/registratie/export/"


def record(person: Person, by, *, identity: bool = False, on: date | None = None):  # type: ignore[no-untyped-def]
    today = clock.today()
    return registration_save(
        person=person,
        by=by,
        consent_by="victim",
        consent_how="writing",
        consent_on=today,
        consent_covers_identity=identity,
        exploitation="labour",
        sector="agriculture",
        identified_by="meldpunt",
        identified_on=on or today,
        care_needs=CARE_NEEDS,
    )


def victim(case) -> Person:  # type: ignore[no-untyped-def]
    return case.persons.get(role=PersonRole.VICTIM)


def test_only_a_possible_victim_is_registered(advisor, labour_case):  # type: ignore[no-untyped-def]
    reporter = labour_case.persons.get(role=PersonRole.REPORTER)
    with pytest.raises(ValidationError):
        record(reporter, advisor)


def test_advisor_records_and_coordinator_exports_csv_without_identity(  # type: ignore[no-untyped-def]
    advisor, coordinator, labour_case
):
    """Consent without identity: structured fields, no name, no exact age."""
    record(victim(labour_case), advisor)
    today = clock.today()
    export = registration_export(by=coordinator, start=today, end=today, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert (row["exploitation"], row["sector"], row["age_group"], row["gender"]) == (
        "labour",
        "agriculture",
        "24+",
        "male",
    )
    assert row["nationality"] == "Pools"
    assert row["care_needs"] == CARE_NEEDS
    assert row["name"] == ""
    assert row["age"] == ""
    assert VICTIM_NAME not in export.content.decode("utf-8-sig")


def test_identity_only_where_the_consent_covers_it(advisor, coordinator, labour_case):  # type: ignore[no-untyped-def]
    record(victim(labour_case), advisor, identity=True)
    today = clock.today()
    export = registration_export(by=coordinator, start=today, end=today, fmt="json")
    records = json.loads(export.content)["records"]
    assert (records[0]["name"], records[0]["age"]) == (VICTIM_NAME, "34")


def test_victims_without_consent_or_outside_the_period_are_left_out(  # type: ignore[no-untyped-def]
    advisor, coordinator, make_labour_case
):
    first, second, _unrecorded = make_labour_case(), make_labour_case(), make_labour_case()
    record(victim(first), advisor, on=date(2026, 1, 15))
    record(victim(second), advisor, on=date(2026, 3, 1))
    export = registration_export(
        by=coordinator, start=date(2026, 1, 1), end=date(2026, 1, 31), fmt="json"
    )
    assert [r["case_number"] for r in json.loads(export.content)["records"]] == [first.number]


def test_export_is_audited_and_advisors_may_not_export(advisor, coordinator, labour_case):  # type: ignore[no-untyped-def]
    today = clock.today()
    with pytest.raises(PermissionDenied):
        registration_export(by=advisor, start=today, end=today, fmt="csv")
    registration_export(by=coordinator, start=today, end=today, fmt="csv")
    event = AuditEvent.objects.get(action="registration.export")
    assert event.actor == coordinator
    assert event.detail == {
        "start": today.isoformat(),
        "end": today.isoformat(),
        "format": "csv",
        "count": 0,
    }


def test_spreadsheet_formulas_are_not_run(advisor, coordinator, labour_case):  # type: ignore[no-untyped-def]
    person = victim(labour_case)
    person.nationality = '=HYPERLINK("http://x")'
    person.save()
    record(person, advisor)
    today = clock.today()
    content = registration_export(by=coordinator, start=today, end=today, fmt="csv").content
    assert "'=HYPERLINK" in content.decode("utf-8-sig")


def test_coordinator_downloads_through_the_page(coordinator, verified_client, labour_case):  # type: ignore[no-untyped-def]
    record(victim(labour_case), coordinator)
    client = verified_client(coordinator)
    assert client.get(EXPORT).status_code == 200
    today = clock.today().isoformat()
    response = client.post(EXPORT, {"start": today, "end": today, "fmt": "json"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert json.loads(response.content)["records"][0]["case_number"] == labour_case.number
    bad = client.post(EXPORT, {"start": today, "end": "2000-01-01", "fmt": "csv"})
    assert bad.status_code == 400
    assert "De einddatum ligt voor de begindatum." in bad.content.decode()


def test_registration_page_saves_and_is_audited(advisor, verified_client, labour_case):  # type: ignore[no-untyped-def]
    person = victim(labour_case)
    url = reverse("referrals:registration", args=[person.pk])
    client = verified_client(advisor)
    assert client.get(url).status_code == 200
    today = clock.today().isoformat()
    response = client.post(
        url,
        {
            "consent_by": "victim",
            "consent_how": "phone",
            "consent_on": today,
            "exploitation": "labour",
            "sector": "construction",
            "identified_by": "meldpunt",
            "identified_on": today,
        },
    )
    assert response.status_code == 302
    assert person.registration.sector == "construction"
    assert AuditEvent.objects.filter(case=labour_case, action="registration.create").exists()
    missing = client.post(url, {"exploitation": "labour"})
    assert missing.status_code == 400
    assert "Kies wie toestemming gaf." in missing.content.decode()
