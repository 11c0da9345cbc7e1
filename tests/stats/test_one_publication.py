"""A municipality viewer's year tables and the public annual figures of the same year are
one publication: whatever a viewer of Almere holds together (their dashboard, its export,
and the public page), no hidden cell comes out as exactly 1 to 4."""

import random

import pytest
from django.urls import reverse

from meldpunt.cases.models import Area, Exploitation
from meldpunt.lib import clock
from meldpunt.stats.suppression import protect, protect_publication
from tests.stats.factories import at, make_contacts
from tests.stats.reader import Reader, public_key, viewer_key, viewer_reader

DASHBOARD = reverse("stats:dashboard")
PUBLIC = reverse("stats_public:annual")
LAST_YEAR = clock.now().year - 1


def sections(response) -> list:
    return [table for table, _chart in response.context["sections"]]


def test_the_reader_works_out_a_small_cell_from_a_total() -> None:
    """3 beside 10 with the total 13 shown: the reader finds the 3 (so it is no blind
    reader); with a second cell hidden it cannot."""
    from meldpunt.stats.selectors import Cell, Row, Table
    from meldpunt.stats.suppression import Hidden

    def table(hidden: list[Hidden]) -> Table:
        cells = [Cell(v, h) for v, h in zip([3, 10], hidden, strict=True)]
        row = Row("a", cells, Cell(13))
        return Table("t", "t", "t", ["1", "2"], [row], Row("*", cells, Cell(13)))

    def key(row: str, column: str) -> str:
        return column  # one row: its cells are the column totals too

    leaky = Reader()
    leaky.read(table([Hidden.SMALL, Hidden.SHOWN]), key)
    assert leaky.pinned_small() == {"1": 3}
    grid = protect([[3, 10]])
    safe = Reader()
    safe.read(table([grid.hidden[0][0], grid.hidden[0][1]]), key)
    assert safe.pinned_small() == {}


@pytest.mark.django_db
def test_a_viewers_year_and_the_public_page_together_give_no_small_cell_away(
    client, municipality_viewer, verified_client
) -> None:
    """Almere: 4 chats in the first quarter and 4 in the second, 12 phone calls; Lelystad 9
    chats. The public page alone shows Almere's 8 chats (no small number there); the
    viewer's year hides both 4s, but 8 made of two numbers from 1 to 4 is 4 and 4 unless
    the two tables are protected as one."""
    make_contacts(12, when=at(LAST_YEAR, 2), exploitation=Exploitation.LABOUR)
    make_contacts(4, when=at(LAST_YEAR, 2), channel="chat", exploitation=Exploitation.LABOUR)
    make_contacts(4, when=at(LAST_YEAR, 5), channel="chat", exploitation=Exploitation.LABOUR)
    make_contacts(9, when=at(LAST_YEAR, 5), channel="chat", municipality=Area.LELYSTAD)
    dashboard = verified_client(municipality_viewer).get(DASHBOARD, {"jaar": LAST_YEAR})
    public = client.get(PUBLIC, {"jaar": LAST_YEAR})
    reader = viewer_reader(Area.ALMERE.label, sections(dashboard), public.context["tables"])
    assert reader.pinned_small() == {}


SLUGS = ["channel", "exploitation", "reporter-role", "how-heard"]


def random_year(generator: random.Random, areas: int, contacts: range) -> list:
    """Cubes of one year's counted contacts (per channel, form, role, how heard; by area
    and quarter), each contact in every cube, with the usual skew to the first values."""
    weights = [[8, 4, 2, 1], [6, 2, 1], [5, 3, 1], [4, 1]]
    cubes = [[[[0] * 4 for _a in range(areas)] for _v in w] for w in weights]
    for area in range(areas):
        for _c in range(generator.choice(contacts)):
            quarter = generator.randrange(4)
            for cube, w in zip(cubes, weights, strict=True):
                cube[generator.choices(range(len(w)), w)[0]][area][quarter] += 1
    return cubes


def reader_of(cubes, publication, area: int, *, own: bool = True, public: bool = True) -> Reader:
    """What a viewer of ``area`` reads: their own tables, the public ones, or both."""
    areas = [f"area {a}" for a in range(len(cubes[0][0]))]
    quarters = ["q1", "q2", "q3", "q4"]
    reader = Reader()
    if own:
        for slug, cube, grid in zip(SLUGS, cubes, publication.viewers[area], strict=True):
            rows = [f"{slug} {r}" for r in range(len(cube))]
            reader.read_grid(grid, rows, quarters, viewer_key(slug, areas[area]))
    if public:
        for slug, cube, grid in zip(SLUGS, cubes, publication.public, strict=False):
            rows = [f"{slug} {r}" for r in range(len(cube))]
            reader.read_grid(grid, rows, areas, public_key(slug))
    return reader


def test_a_figure_of_both_publications_is_hidden_in_both_or_in_neither() -> None:
    """A hundred random years, sparse and full: a viewer's year total of a channel or
    form is the public cell of their municipality, and their grand total the public
    municipality total; each is hidden on one side exactly when on the other, unless it
    is 0 (a zero hidden beside a "<5" total on one side gives no one away on the other)."""
    generator = random.Random(16)
    for _ in range(100):
        cubes = random_year(generator, 4, range(0, generator.choice([8, 30, 120])))
        publication = protect_publication(cubes, public=[0, 1], viewers=[0, 1, 2])
        for area, grids in publication.viewers.items():
            for table, public in zip(grids, publication.public, strict=False):
                quarters = table.cols
                figures = [
                    (bool(table.hidden[r][quarters]), bool(public.hidden[r][area]))
                    for r in range(table.rows + 1)
                    if table.value(r, quarters)
                ]
                assert all(viewer == shown for viewer, shown in figures), cubes


@pytest.mark.parametrize("contacts", [range(20, 81), range(0, 31)])
def test_a_viewer_works_out_no_small_cell_in_random_years(contacts: range) -> None:
    """Years of 20 to 80 and of 0 to 30 contacts per municipality (a fixed seed), three
    areas of which two have a viewer: from their own tables and the public page together
    the reader pins no "<5" (before zeros beside a "<5" total were hidden too, four "<5"
    beside a "<5" total gave 1 each in 5 and 10 of 60 such viewer-years)."""
    generator = random.Random(16)
    for _ in range(6):
        cubes = random_year(generator, 3, contacts)
        publication = protect_publication(cubes, public=[0, 1], viewers=[0, 1])
        for area in publication.viewers:
            assert reader_of(cubes, publication, area).pinned_small() == {}, (cubes, area)
