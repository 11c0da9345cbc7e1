"""The public annual figures: counted contacts of one whole year per channel and per form
of exploitation, each by municipality. They are cells of the year's one protection pass
(``selectors.year_publication``): a municipality's cell is the year total a viewer of
that municipality sees on their dashboard, hidden in both or shown in both."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Area
from meldpunt.stats.selectors import PUBLIC_TABLES, Cell, Choices, Row, Table, year_publication
from meldpunt.stats.suppression import Grid

TITLES = {
    "channel": _("Contacten per kanaal en gemeente"),
    "exploitation": _("Contacten per vorm van uitbuiting en gemeente"),
}


def _table(slug: str, title: str | Promise, definition: str, choices: Choices, grid: Grid) -> Table:
    def cell(r: int, c: int) -> Cell:
        return Cell(grid.value(r, c), grid.hidden[r][c])

    width = len(Area.values)
    rows = [
        Row(label, [cell(r, c) for c in range(width)], cell(r, width))
        for r, (_v, label) in enumerate(choices)
    ]
    totals = Row(_("Totaal"), [cell(len(rows), c) for c in range(width)], cell(len(rows), width))
    return Table(slug, title, definition, [str(label) for label in Area.labels], rows, totals)


def annual_tables(year: int) -> list[Table]:
    specs, publication = year_publication(year)
    published = [specs[number] for number in PUBLIC_TABLES]
    return [
        _table(spec.slug, TITLES[spec.slug], spec.definition, spec.choices, grid)
        for spec, grid in zip(published, publication.public, strict=True)
    ]


def years_published(this_year: int) -> list[int]:
    """Whole years only: the five before this one."""
    return list(range(this_year - 1, this_year - 6, -1))
