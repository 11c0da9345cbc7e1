"""The public annual figures: counted contacts of one whole year per channel and per form
of exploitation, each by municipality, with small numbers protected as for a
municipality viewer. The two tables count the same contacts, so they share their
municipality totals and hide the same ones (``protect_together``)."""

from django.db.models import Count
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Area, Channel, Exploitation
from meldpunt.stats import rules
from meldpunt.stats.selectors import Cell, Choices, Row, Scope, Table, contacts_in
from meldpunt.stats.suppression import Grid, Hidden, protect_together


def _matrix(year: int, category: str, choices: Choices) -> list[list[int]]:
    counted = contacts_in(Scope(year=year)).filter(rules.COUNTED_CONTACT)
    found = counted.values(category, "municipality").annotate(n=Count("pk")).order_by()
    counts = {(row[category], row["municipality"]): row["n"] for row in found}
    return [[counts.get((value, area), 0) for area in Area.values] for value, _l in choices]


def _table(slug: str, title: str | Promise, definition: str, choices: Choices, grid: Grid) -> Table:
    def cell(r: int, c: int) -> Cell:
        return Cell(grid.value(r, c), grid.hidden[r][c] if grid.hidden else Hidden.SHOWN)

    width = len(Area.values)
    rows = [
        Row(label, [cell(r, c) for c in range(width)], cell(r, width))
        for r, (_v, label) in enumerate(choices)
    ]
    totals = Row(_("Totaal"), [cell(len(rows), c) for c in range(width)], cell(len(rows), width))
    return Table(slug, title, definition, [str(label) for label in Area.labels], rows, totals)


def annual_tables(year: int) -> list[Table]:
    specs: list[tuple[str, str | Promise, str, Choices]] = [
        ("channel", _("Contacten per kanaal en gemeente"), "contact", Channel.choices),
        (
            "exploitation",
            _("Contacten per vorm van uitbuiting en gemeente"),
            "exploitation",
            Exploitation.choices,
        ),
    ]
    categories = {"channel": "channel", "exploitation": "exploitation"}
    matrices = [_matrix(year, categories[slug], choices) for slug, _t, _d, choices in specs]
    grids = protect_together(matrices)
    return [
        _table(slug, title, definition, choices, grid)
        for (slug, title, definition, choices), grid in zip(specs, grids, strict=True)
    ]


def years_published(this_year: int) -> list[int]:
    """Whole years only: the five before this one."""
    return list(range(this_year - 1, this_year - 6, -1))
