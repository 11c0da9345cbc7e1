"""GET /medewerkers/cijfers/kwartaal/ and kwartaal.pdf: the quarterly report of one
municipality. Analysts and coordinators choose any municipality and see exact figures; a
municipality viewer gets only their own, with small numbers hidden as on the dashboard;
advisors and administrators are refused."""

from datetime import date

import pytest
from django.urls import reverse

from meldpunt.accounts.models import Municipality
from meldpunt.cases.models import Area
from meldpunt.stats.forms import last_quarter
from meldpunt.stats.report import quarter_report
from tests.stats.factories import at, make_contacts

pytestmark = pytest.mark.django_db

PAGE = reverse("stats:quarter")
PDF = reverse("stats:quarter_pdf")


@pytest.fixture
def figures() -> None:
    """Almere (the viewer's municipality) 2025 Q2: 12 phone calls and 3 chats; Urk Q2:
    9 web reports."""
    make_contacts(12, when=at(2025, 5), municipality=Area.ALMERE)
    make_contacts(3, when=at(2025, 5), channel="chat", municipality=Area.ALMERE)
    make_contacts(9, when=at(2025, 5), channel="web_report", municipality=Area.URK)


def channel_lines(report) -> dict[str, str]:
    table = next(t for t in report.tables if t.slug == "channel")
    return {str(line.label): line.cell.shown for line in table.lines} | {
        "Totaal": table.total.shown
    }


def test_the_report_is_one_quarter_of_the_municipality(figures) -> None:
    report = quarter_report(
        year=2025, quarter=2, municipality=Area.ALMERE, name="Almere", protected=False
    )
    assert channel_lines(report) == {
        "telefoon": "12",
        "chat": "3",
        "webformulier": "0",
        "bericht in postbus": "0",
        "Totaal": "15",
    }


def test_the_viewers_report_hides_small_numbers(figures) -> None:
    report = quarter_report(
        year=2025, quarter=2, municipality=Area.ALMERE, name="Almere", protected=True
    )
    lines = channel_lines(report)
    assert lines["chat"] == "<5" and lines["Totaal"] in ("x", "15")
    assert "3" not in lines.values()


@pytest.mark.parametrize("role_fixture", ["analyst", "coordinator"])
def test_analysts_choose_a_municipality(role_fixture, request, verified_client, figures):
    client = verified_client(request.getfixturevalue(role_fixture))
    query = {"jaar": 2025, "kwartaal": 2, "gemeente": Municipality.URK}
    html = client.get(PAGE, query).content.decode()
    assert "Cijfers van Urk, kwartaal 2 van 2025" in html
    pdf = client.get(PDF, query)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_viewer_gets_only_their_own_municipality(
    municipality_viewer, verified_client, figures
) -> None:
    client = verified_client(municipality_viewer)
    query = {"jaar": 2025, "kwartaal": 2, "gemeente": Municipality.URK}
    html = client.get(PAGE, query).content.decode()
    assert "Cijfers van Almere, kwartaal 2 van 2025" in html
    assert "Urk" not in html.split("<main", 1)[1]
    assert 'name="gemeente"' not in html
    assert "&lt;5" in html
    pdf = client.get(PDF, query)
    assert pdf.status_code == 200
    assert b"Urk" not in pdf.content


def test_a_viewer_without_a_municipality_is_refused(municipality_viewer, verified_client) -> None:
    municipality_viewer.municipality = ""
    municipality_viewer.save()
    client = verified_client(municipality_viewer)
    assert client.get(PAGE).status_code == 403
    assert client.get(PDF).status_code == 403


@pytest.mark.parametrize("role_fixture", ["advisor", "administrator"])
def test_other_roles_are_refused(role_fixture, request, verified_client) -> None:
    client = verified_client(request.getfixturevalue(role_fixture))
    assert client.get(PAGE).status_code == 403
    assert client.get(PDF).status_code == 403


def test_anonymous_visitor_goes_to_login(client) -> None:
    for url in (PAGE, PDF):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_the_default_is_the_last_quarter_that_ended() -> None:
    assert last_quarter(date(2026, 2, 1)) == (2025, 4)
    assert last_quarter(date(2026, 12, 2)) == (2026, 3)
