"""GET /cijfers/ and /cijfers/jaarcijfers.csv: the public annual figures, for anyone.
Whole past years only, contacts per channel and per form by municipality, small numbers
protected, the same figures in the CSV, no JavaScript of its own."""

import csv
import io

import pytest
from django.urls import reverse

from meldpunt.cases.models import Area, Disposition, Exploitation
from meldpunt.lib import clock
from meldpunt.stats.annual import annual_tables
from tests.stats.factories import at, make_contacts

pytestmark = pytest.mark.django_db

PAGE = reverse("stats_public:annual")
CSV = reverse("stats_public:annual_csv")
LAST_YEAR = clock.now().year - 1


@pytest.fixture
def figures() -> None:
    """Last year: Almere 12 labour phone calls and 6 sexual chats; Urk 2 web reports; a
    silent call (not counted). This year: 30 calls in Almere (not yet published)."""
    make_contacts(12, when=at(LAST_YEAR, 2), exploitation=Exploitation.LABOUR)
    make_contacts(6, when=at(LAST_YEAR, 5), channel="chat", exploitation=Exploitation.SEXUAL)
    make_contacts(2, when=at(LAST_YEAR, 8), channel="web_report", municipality=Area.URK)
    make_contacts(1, when=at(LAST_YEAR, 3), disposition=Disposition.SILENT)
    make_contacts(30, when=at(LAST_YEAR + 1, 1))


def shown(tables, slug: str) -> dict[str, list[str]]:
    table = next(t for t in tables if t.slug == slug)
    return {
        str(row.label): [c.shown for c in [*row.cells, row.total]]
        for row in [*table.body, table.total_row]
    }


def test_last_years_contacts_by_channel_and_municipality_with_small_numbers_hidden(figures):
    tables = annual_tables(LAST_YEAR)
    channel = shown(tables, "channel")
    # Columns: Almere, Dronten, Lelystad, Noordoostpolder, Urk, Zeewolde, elsewhere, unknown.
    assert channel["chat"][0] in ("6", "x")
    assert channel["webformulier"][4] == "<5"
    # Urk's total would give its 2 away: hidden too.
    assert channel["Totaal"][4] in ("<5", "x")
    for table in tables:
        values = [value for row in shown(tables, table.slug).values() for value in row]
        assert "2" not in values
    # Exact beneath: 20 contacts counted, the silent call and this year's calls not.
    assert tables[0].totals.total.value == 20


def test_the_page_shows_last_year_for_anyone(client, figures) -> None:
    html = client.get(PAGE).content.decode()
    assert f"Cijfers over {LAST_YEAR}" in html
    assert "&lt;5" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("asked", [str(LAST_YEAR + 1), "1990", "abc"])
def test_this_year_or_an_unknown_year_gives_last_year(client, figures, asked) -> None:
    html = client.get(PAGE, {"jaar": asked}).content.decode()
    assert f"Cijfers over {LAST_YEAR}" in html
    assert ">30<" not in html


def test_the_csv_holds_the_same_figures(client, figures) -> None:
    response = client.get(CSV, {"jaar": LAST_YEAR})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    expected = [["tabel", "rij", "kolom", "aantal"]]
    for table in annual_tables(LAST_YEAR):
        columns = [*table.columns, "Totaal"]
        for label, values in shown([table], table.slug).items():
            expected += [
                [str(table.title), label, c, v] for c, v in zip(columns, values, strict=True)
            ]
    assert rows == expected
    assert not any(value == "2" for r in rows for value in r[3:])


def test_it_sets_no_cookie(client, figures) -> None:
    assert client.get(PAGE).cookies == {}


def test_the_number_of_queries_does_not_grow_with_the_data(
    client, figures, django_assert_max_num_queries
) -> None:
    """Four grouped queries for the year's one protection pass (the viewers' tables are
    part of it), whatever the data; the page's other queries come on top."""
    client.get(PAGE)
    with django_assert_max_num_queries(7):
        client.get(PAGE)
    with django_assert_max_num_queries(4):
        client.get(CSV)
    for area in Area.values:
        make_contacts(3, when=at(LAST_YEAR, 11), channel="mailbox", municipality=area)
    with django_assert_max_num_queries(7):
        client.get(PAGE)
    with django_assert_max_num_queries(4):
        client.get(CSV)
