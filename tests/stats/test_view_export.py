"""GET /medewerkers/cijfers/export.csv and .xlsx: every dashboard table, with the same
protection as the dashboard for a municipality viewer."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from meldpunt.cases.models import Area
from tests.stats.factories import at, make_contacts

pytestmark = pytest.mark.django_db

URLS = [reverse("stats:export_csv"), reverse("stats:export_xlsx")]


@pytest.fixture
def figures() -> None:
    make_contacts(12, when=at(2025, 2))
    make_contacts(3, when=at(2025, 5), channel="chat")
    make_contacts(2, when=at(2025, 8), channel="web_report", municipality=Area.URK)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("role_fixture", ["advisor", "administrator"])
def test_other_roles_are_refused(url, role_fixture, request, verified_client) -> None:
    assert verified_client(request.getfixturevalue(role_fixture)).get(url).status_code == 403


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitor_goes_to_login(url, client) -> None:
    assert client.get(url)["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("url", URLS)
def test_viewer_without_municipality_is_refused(url, municipality_viewer, verified_client) -> None:
    municipality_viewer.municipality = ""
    municipality_viewer.save()
    assert verified_client(municipality_viewer).get(url).status_code == 403


def test_analyst_csv_has_exact_figures(analyst, verified_client, figures) -> None:
    rows = csv_rows(verified_client(analyst).get(URLS[0], {"jaar": 2025, "per": "quarter"}))
    assert rows[0] == ["tabel", "rij", "kolom", "aantal"]
    assert ["Contacten per kanaal", "kwartaal 2", "chat", "3"] in rows
    assert ["Contacten per gemeente", "Urk", "Totaal", "2"] in rows


def test_viewer_csv_is_protected_and_own_municipality_only(
    municipality_viewer, verified_client, figures
) -> None:
    response = verified_client(municipality_viewer).get(
        URLS[0], {"jaar": 2025, "gemeente": Area.URK}
    )
    rows = csv_rows(response)
    assert ["Contacten per kanaal", "kwartaal 2", "chat", "<5"] in rows
    assert ["Contacten per kanaal", "Totaal", "Totaal", "x"] in rows
    assert not [row for row in rows if row[0] == "Contacten per gemeente"]
    web = {
        row[1]: row[3]
        for row in rows
        if row[0] == "Contacten per kanaal" and row[2] == "webformulier"
    }
    # Urk's two web reports (third quarter) are not Almere's; the second quarter's zero
    # stands beside its "<5" total, so it is "<5" too.
    assert web["kwartaal 3"] == "0"
    assert web["kwartaal 2"] == "<5"


def test_viewer_xlsx_opens_with_the_same_protection(
    municipality_viewer, verified_client, figures
) -> None:
    response = verified_client(municipality_viewer).get(URLS[1], {"jaar": 2025})
    assert response["Content-Disposition"] == 'attachment; filename="cijfers-2025.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Contacten per kanaal"
    # Beside the second quarter's "<5" total its zeros are "<5" too (see suppression).
    assert ["kwartaal 2", "<5", "<5", "<5", "<5", "<5"] in values
