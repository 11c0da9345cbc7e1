"""Small-cell protection for what a municipality viewer and the public see.

A table is a grid of counts with its row totals, column totals and grand total. A count
from 1 to 4 is hidden ("<5", primary). In a line (a row or a column together with its
total) whose total is "<5", the zeros are "<5" too: otherwise every "<5" says "at least
1", and four "<5" beside a "<5" total are 1 each. Then, in every line, the hidden cells
must not be recoverable by a reader who knows that a "<5" is 1 to 4 (0 to 4 beside a
"<5" total) and an "x" is at least 5:

- a line with a "<5" total hides every cell (above), so none is pinned while the total
  is not (the total is a cell of the totals' line, checked there);
- any other line hides no cell, or cells that its total cannot pin down, even when that
  total is hidden: a hidden total of 5 or more may be shown or narrowed elsewhere (the
  same quarter total in another table of the population, a viewer's year total on the
  public page). Checked exactly for the line: every hidden non-zero cell keeps two or
  more values that fit the sum (a hidden zero may be worked out: it gives no one away);
- a line that hides a non-zero cell hides its total, and a hidden non-zero total hides a
  cell.

Where a line breaks the rule, the smallest shown non-zero cell of it is hidden too
("x", secondary). Beside a total of 5 or more a zero is never hidden, and never as "x":
it would protect nothing beside small counts and spread over every empty line. Tables
that show the same totals (the quarters of one population) hide the same totals
(``protect_together``). A year's viewer tables and the public annual tables are one
publication (``protect_publication``).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache

SMALL_MAX = 4


class Hidden(IntEnum):
    SHOWN = 0
    SMALL = 1  # 1 to 4, shown as "<5"
    SECONDARY = 2  # hidden to protect a small cell elsewhere in its line


@dataclass
class Grid:
    """Counts with their totals: ``cells[r][c]``, ``row_totals[r]``, ``col_totals[c]``.

    In ``hidden`` the totals are the last column (row totals) and the last row (column
    totals and the grand total in the corner).
    """

    cells: list[list[int]]
    hidden: list[list[Hidden]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.cells)

    @property
    def cols(self) -> int:
        return len(self.cells[0]) if self.cells else 0

    def value(self, r: int, c: int) -> int:
        """The count at ``r, c`` of the full grid, totals included."""
        if r < self.rows and c < self.cols:
            return self.cells[r][c]
        if r < self.rows:
            return sum(self.cells[r])
        if c < self.cols:
            return sum(row[c] for row in self.cells)
        return sum(sum(row) for row in self.cells)


def _lines(grid: Grid) -> list[list[tuple[int, int]]]:
    """Every row and column of the full grid, each with its total as the last cell."""
    height, width = grid.rows + 1, grid.cols + 1
    rows = [[(r, c) for c in range(width)] for r in range(height)]
    cols = [[(r, c) for r in range(height)] for c in range(width)]
    return rows + cols


Intervals = list[tuple[int, int]]


def _domain(kind: Hidden, zero: bool, ceiling: int) -> Intervals:
    """What a reader knows of a hidden count: 1 to 4 ("<5"), 0 to 4 (a "<5" in a line whose
    total is "<5", where zeros are hidden too), or at least 5 ("x": never 0, never 1 to 4)."""
    if kind == Hidden.SMALL:
        return [(0 if zero else 1, SMALL_MAX)]
    return [(SMALL_MAX + 1, ceiling)] if ceiling > SMALL_MAX else []


def _add(first: Intervals, second: Intervals, ceiling: int) -> Intervals:
    """Every sum of a value of ``first`` and one of ``second``, up to ``ceiling``."""
    sums = sorted(
        (a + c, min(b + d, ceiling)) for a, b in first for c, d in second if a + c <= ceiling
    )
    merged: Intervals = []
    for lo, hi in sums:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


@lru_cache(maxsize=65536)
def _pinned_by_sum(cells: tuple[tuple[Hidden, bool, int], ...]) -> bool:
    """Whether a reader who knows the sum of these hidden cells (kind, whether a "<5" may
    be 0, value) can pin one of them. The same lines come back in every pass, so the
    answers are kept."""
    total = sum(value for _kind, _zero, value in cells)
    domains = [_domain(kind, zero, total) for kind, zero, _value in cells]
    # What the cells before and after each one can add up to.
    before: list[Intervals] = [[(0, 0)]]
    for domain in domains[:-1]:
        before.append(_add(before[-1], domain, total))
    after: list[Intervals] = [[(0, 0)]]
    for domain in reversed(domains[1:]):
        after.append(_add(after[-1], domain, total))
    after.reverse()
    for domain, left, right, (_kind, _zero, value) in zip(
        domains, before, after, cells, strict=True
    ):
        if not value:
            continue  # a zero hidden beside a "<5" total may be worked out: it is no one
        rest = _add(left, right, total)
        fits = sum(
            max(0, min(hi, total - a) - max(lo, total - b) + 1)
            for lo, hi in domain
            for a, b in rest
        )
        if fits < 2:
            return True
    return False


def _may_be_zero(grid: Grid, r: int, c: int) -> bool:
    """Whether a reader must allow 0 for the "<5" at ``r, c``: its row or column total
    (for a total: the grand total) is "<5", so the zeros of that line are hidden too."""
    rows, cols = grid.rows, grid.cols
    # An inner cell's row and column totals; a total's line total is the grand total.
    totals = [(r, cols)] if c < cols else []
    totals += [(rows, c)] if r < rows else []
    return any(grid.hidden[tr][tc] == Hidden.SMALL for tr, tc in totals)


def _hide_zeros(grid: Grid, line: list[tuple[int, int]]) -> bool:
    """In a line whose total is "<5", zeros are "<5" too: otherwise every "<5" says "at
    least 1", and four of them beside a "<5" total are 1 each. Whether anything changed."""
    total_r, total_c = line[-1]
    if grid.hidden[total_r][total_c] != Hidden.SMALL:
        return False
    zeros = [(r, c) for r, c in line[:-1] if not grid.hidden[r][c] and not grid.value(r, c)]
    for r, c in zeros:
        grid.hidden[r][c] = Hidden.SMALL
    return bool(zeros)


def _line_safe(grid: Grid, line: list[tuple[int, int]]) -> bool:
    """Whether the line's hidden cells stay unknown. A hidden total of at least 5 counts
    as known: it may be shown or narrowed elsewhere (the same quarter total in another
    table of the population, a viewer's year total on the public page). A "<5" total
    leaves every cell of its line "<5" and possibly 0 (``_hide_zeros``), so none is pinned
    while the total itself is not (its own line is checked as the totals' line)."""
    hidden = [(r, c) for r, c in line[:-1] if grid.hidden[r][c]]
    total_r, total_c = line[-1]
    if not hidden:
        # A hidden total with every cell of its line shown is no longer hidden; a zero
        # may be (hiding zeros to hide a zero would spread over every empty line).
        return not grid.hidden[total_r][total_c] or not grid.value(total_r, total_c)
    if grid.hidden[total_r][total_c] == Hidden.SMALL:
        return True
    if len(hidden) == 1:
        return not grid.value(*hidden[0])
    cells = sorted(
        (grid.hidden[r][c], _may_be_zero(grid, r, c), grid.value(r, c)) for r, c in hidden
    )
    return not _pinned_by_sum(tuple(cells))


def _next_to_hide(grid: Grid, line: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The smallest shown non-zero cell of the line, then its total. Never a zero: an "x"
    is at least 5."""
    inner = [(r, c) for r, c in line[:-1] if not grid.hidden[r][c]]
    nonzero = sorted((grid.value(r, c), (r, c)) for r, c in inner if grid.value(r, c))
    if nonzero:
        return nonzero[0][1]
    total_r, total_c = line[-1]
    return None if grid.hidden[total_r][total_c] else line[-1]


def protect(
    cells: Sequence[Sequence[int]],
    *,
    hidden_col_totals: Sequence[bool] = (),
    forced: Iterable[tuple[int, int]] = (),
) -> Grid:
    """Hide small cells and what would give them away. ``hidden_col_totals`` (one per
    column, then the grand total) are totals another table had to hide; ``forced`` are
    other places of the full grid (totals included) that another table hides."""
    grid = Grid([list(row) for row in cells])
    grid.hidden = [
        [
            Hidden.SMALL if 0 < grid.value(r, c) <= SMALL_MAX else Hidden.SHOWN
            for c in range(grid.cols + 1)
        ]
        for r in range(grid.rows + 1)
    ]
    outside = [(grid.rows, c) for c, hide in enumerate(hidden_col_totals) if hide]
    for r, c in [*outside, *forced]:
        # A zero another table hides is a "<5" beside a "<5" total there: shown here, it
        # gives no count away, and an "x" is never 0.
        if not grid.hidden[r][c] and grid.value(r, c):
            grid.hidden[r][c] = Hidden.SECONDARY
    changed = True
    while changed:
        changed = False
        for line in _lines(grid):
            changed |= _hide_zeros(grid, line)
            while not _line_safe(grid, line):
                target = _next_to_hide(grid, line)
                if target is None:
                    break
                grid.hidden[target[0]][target[1]] = Hidden.SECONDARY
                changed = True
            total_r, total_c = line[-1]
            if not grid.hidden[total_r][total_c] and any(
                grid.hidden[r][c] and grid.value(r, c) for r, c in line[:-1]
            ):
                # Rows and columns meet: totals of crossing lines together can pin a cell
                # that each line alone protects, so a line that hides a cell hides its total.
                grid.hidden[total_r][total_c] = Hidden.SECONDARY
                changed = True
    return grid


def hidden_totals(grid: Grid) -> list[bool]:
    """Which column totals (and, last, the grand total) the grid hides."""
    return [bool(grid.hidden[grid.rows][c]) for c in range(grid.cols + 1)]


def protect_together(
    tables: Sequence[Sequence[Sequence[int]]],
    *,
    hidden_col_totals: Sequence[bool] = (),
    forced: Sequence[Iterable[tuple[int, int]]] = (),
) -> list[Grid]:
    """Protect tables that share their column totals (the same population per period), so
    that all of them hide the same totals. ``hidden_col_totals`` and ``forced`` (one per
    table) as for ``protect``."""
    width = len(tables[0][0]) + 1 if tables and tables[0] else 0
    shared = [bool(hide) for hide in hidden_col_totals] or [False] * width
    places = [list(cells) for cells in forced] or [[] for _table in tables]
    while True:
        grids = [
            protect(cells, hidden_col_totals=shared, forced=extra)
            for cells, extra in zip(tables, places, strict=True)
        ]
        union = [any(column) for column in zip(shared, *map(hidden_totals, grids), strict=True)]
        if union == shared:
            return grids
        shared = union


# A count per category (first index), area (second) and quarter (third).
Cube = Sequence[Sequence[Sequence[int]]]


@dataclass
class Publication:
    """The protected year: per area with a viewer, its tables (categories by quarter, one
    per cube); and the public tables (categories by area, the year, one per public cube)."""

    viewers: dict[int, list[Grid]]
    public: list[Grid]


def protect_publication(
    cubes: Sequence[Cube], *, public: Sequence[int], viewers: Sequence[int]
) -> Publication:
    """Protect a year's tables of one population as one publication.

    ``cubes`` count the same contacts by different categories. Each area in ``viewers``
    gets one table per cube, categories by quarter, protected together (they share the
    quarter totals). The cubes numbered in ``public`` are also published for the whole
    year by area, protected together (they share the area totals). A viewer's year total
    of a category is the public cell of that category and area, and their grand total is
    the public area total: a number hidden in one is hidden in the other, and both passes
    run again, with what the other hides, until neither hides anything new. So no public
    figure fills in a viewer's hidden cell and no viewer's figure a public one.
    """
    quarters = len(cubes[0][0][0]) if cubes and cubes[0] and cubes[0][0] else 0
    areas = len(cubes[0][0]) if cubes and cubes[0] else 0
    by_area = {a: [[list(row[a]) for row in cube] for cube in cubes] for a in viewers}
    year = [[[sum(row[a]) for a in range(areas)] for row in cubes[t]] for t in public]
    # What the other side hides: per viewer (quarter totals, then the year) and per
    # public table (its cells and totals).
    viewer_totals = {a: [False] * (quarters + 1) for a in viewers}
    viewer_rows: dict[int, list[set[tuple[int, int]]]] = {
        a: [set() for _c in cubes] for a in viewers
    }
    public_totals = [False] * (areas + 1)
    public_cells: list[set[tuple[int, int]]] = [set() for _t in public]
    while True:
        grids = {
            a: protect_together(
                by_area[a], hidden_col_totals=viewer_totals[a], forced=viewer_rows[a]
            )
            for a in viewers
        }
        published = protect_together(year, hidden_col_totals=public_totals, forced=public_cells)
        changed = False
        for a in viewers:
            # The area's grand total: a viewer's corner, the public column total.
            if grids[a][0].hidden[len(cubes[0])][quarters] and not public_totals[a]:
                public_totals[a] = changed = True
            if hidden_totals(published[0])[a] and not viewer_totals[a][quarters]:
                viewer_totals[a][quarters] = changed = True
            # A category's year in the area: a viewer's row total, the public cell.
            for p, t in enumerate(public):
                for r in range(len(cubes[t])):
                    if grids[a][t].hidden[r][quarters] and (r, a) not in public_cells[p]:
                        public_cells[p].add((r, a))
                        changed = True
                    if published[p].hidden[r][a] and (r, quarters) not in viewer_rows[a][t]:
                        viewer_rows[a][t].add((r, quarters))
                        changed = True
        if not changed:
            return Publication(grids, published)
