"""Small-cell protection for what a municipality viewer sees.

A table is a grid of counts with its row totals, column totals and grand total. A count
from 1 to 4 is hidden ("<5", primary). Then, in every line (a row or a column together
with its total), the hidden cells must not be recoverable from what is shown:

- a line hides no cell, or at least two;
- when its total is shown, the hidden cells' sum (total minus the shown cells) must not
  pin them down: not all at their lowest possible value, nor all at 4.

Where a line breaks the rule, the smallest shown non-zero cell of it is hidden too
("x", secondary; a zero only when there is no other), and the check runs again until
every line holds. Tables that show the same totals (the quarters of one population)
hide the same totals: ``protect_together`` repeats until they agree, so one table's
total cannot undo another's protection.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum

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


def _line_safe(grid: Grid, line: list[tuple[int, int]]) -> bool:
    hidden = [(r, c) for r, c in line if grid.hidden[r][c]]
    if not hidden:
        return True
    if len(hidden) == 1:
        return False
    total_r, total_c = line[-1]
    if grid.hidden[total_r][total_c]:
        # Without its total a line gives no equation to solve; two unknowns stay unknown.
        return True
    values = [grid.value(r, c) for r, c in hidden]
    small = [v for (r, c), v in zip(hidden, values, strict=True) if grid.hidden[r][c] == 1]
    others = [v for (r, c), v in zip(hidden, values, strict=True) if grid.hidden[r][c] == 2]
    lowest = len(small) + sum(SMALL_MAX + 1 for v in others if v > SMALL_MAX)
    total = sum(values)
    if total == lowest:
        return False
    return bool(others) or total < SMALL_MAX * len(small)


def _next_to_hide(grid: Grid, line: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The smallest shown non-zero cell of the line, then a zero, then its total."""
    inner = [(r, c) for r, c in line[:-1] if not grid.hidden[r][c]]
    nonzero = sorted((grid.value(r, c), (r, c)) for r, c in inner if grid.value(r, c))
    if nonzero:
        return nonzero[0][1]
    if inner:
        return inner[0]
    total_r, total_c = line[-1]
    return None if grid.hidden[total_r][total_c] else line[-1]


def protect(cells: Sequence[Sequence[int]], *, hidden_col_totals: Sequence[bool] = ()) -> Grid:
    """Hide small cells and what would give them away. ``hidden_col_totals`` (one per
    column, then the grand total) are totals another table had to hide."""
    grid = Grid([list(row) for row in cells])
    grid.hidden = [
        [
            Hidden.SMALL if 0 < grid.value(r, c) <= SMALL_MAX else Hidden.SHOWN
            for c in range(grid.cols + 1)
        ]
        for r in range(grid.rows + 1)
    ]
    for c, hide in enumerate(hidden_col_totals):
        if hide and not grid.hidden[grid.rows][c]:
            grid.hidden[grid.rows][c] = Hidden.SECONDARY
    changed = True
    while changed:
        changed = False
        for line in _lines(grid):
            while not _line_safe(grid, line):
                target = _next_to_hide(grid, line)
                if target is None:
                    break
                grid.hidden[target[0]][target[1]] = Hidden.SECONDARY
                changed = True
            total_r, total_c = line[-1]
            if not grid.hidden[total_r][total_c] and any(grid.hidden[r][c] for r, c in line[:-1]):
                # Rows and columns meet: totals of crossing lines together can pin a cell
                # that each line alone protects, so a line that hides a cell hides its total.
                grid.hidden[total_r][total_c] = Hidden.SECONDARY
                changed = True
    return grid


def hidden_totals(grid: Grid) -> list[bool]:
    """Which column totals (and, last, the grand total) the grid hides."""
    return [bool(grid.hidden[grid.rows][c]) for c in range(grid.cols + 1)]


def protect_together(tables: Sequence[Sequence[Sequence[int]]]) -> list[Grid]:
    """Protect tables that share their column totals (the same population per period), so
    that all of them hide the same totals."""
    width = len(tables[0][0]) + 1 if tables and tables[0] else 0
    shared = [False] * width
    while True:
        grids = [protect(cells, hidden_col_totals=shared) for cells in tables]
        union = [any(column) for column in zip(shared, *map(hidden_totals, grids), strict=True)]
        if union == shared:
            return grids
        shared = union
