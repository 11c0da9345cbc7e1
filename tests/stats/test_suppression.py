"""Small-cell protection: 1 to 4 hidden as "<5", and no total or second table giving a
hidden cell away."""

import random
from itertools import product

from meldpunt.stats.suppression import Hidden, protect, protect_together


def shown(grid) -> list[list[int | None]]:
    """What a reader sees: each value of the full grid (totals last), None where hidden."""
    return [
        [None if grid.hidden[r][c] else grid.value(r, c) for c in range(grid.cols + 1)]
        for r in range(grid.rows + 1)
    ]


def solutions(grid, highest: int = 14) -> dict[tuple[int, int], set[int]]:
    """Every value each hidden inner cell can have, given everything shown (search row by
    row, values 0 to ``highest``): a hidden cell is protected when more than one value fits."""
    seen = shown(grid)
    hidden = [(r, c) for r in range(grid.rows) for c in range(grid.cols) if seen[r][c] is None]
    found: dict[tuple[int, int], set[int]] = {cell: set() for cell in hidden}

    def allowed(cell: tuple[int, int]) -> range | list[int]:
        if grid.hidden[cell[0]][cell[1]] == Hidden.SMALL:
            return range(1, 5)
        return [0, *range(5, highest + 1)]

    def rows_from(r: int, guess: list[list[int]]) -> None:
        if r == grid.rows:
            cols = [sum(col) for col in zip(*guess, strict=True)]
            if all(seen[grid.rows][c] in (None, cols[c]) for c in range(grid.cols)) and seen[
                grid.rows
            ][grid.cols] in (None, sum(cols)):
                for cell in hidden:
                    found[cell].add(guess[cell[0]][cell[1]])
            return
        cells = [cell for cell in hidden if cell[0] == r]
        for values in product(*(allowed(cell) for cell in cells)):
            row = list(grid.cells[r])
            for (_r, c), v in zip(cells, values, strict=True):
                row[c] = v
            if seen[r][grid.cols] in (None, sum(row)):
                rows_from(r + 1, [*guess, row])

    rows_from(0, [])
    return found


def test_counts_from_one_to_four_are_hidden_and_others_shown() -> None:
    grid = protect([[0, 1, 4, 5, 20]])
    assert grid.hidden[0][:5] == [
        Hidden.SHOWN,
        Hidden.SMALL,
        Hidden.SMALL,
        Hidden.SHOWN,
        Hidden.SHOWN,
    ]


def test_a_row_total_would_give_away_a_single_small_cell() -> None:
    """3 beside 10 with total 13: shown alone, 13 - 10 = 3. A second cell is hidden too."""
    grid = protect([[3, 10, 20]])
    assert grid.hidden[0][0] == Hidden.SMALL
    assert grid.hidden[0][1] == Hidden.SECONDARY
    assert all(len(values) > 1 for values in solutions(grid).values())


def test_two_small_cells_at_their_lowest_are_not_enough() -> None:
    """1 and 1 with the others shown: the hidden sum is 2, so both must be 1."""
    grid = protect([[1, 1, 9, 30]])
    assert grid.hidden[0][2] == Hidden.SECONDARY
    assert all(len(values) > 1 for values in solutions(grid).values())


def test_column_totals_cannot_undo_row_protection() -> None:
    """A 2 x 3 table with margins: every hidden cell keeps more than one possible value."""
    grid = protect([[3, 8, 6], [7, 2, 9]])
    found = solutions(grid)
    assert found
    assert all(len(values) > 1 for values in found.values()), found


def test_tables_sharing_their_quarter_totals_hide_the_same_totals() -> None:
    """Two breakdowns of one population: a quarter total hidden in one is hidden in both,
    so the other cannot give it back."""
    first = [[2, 9], [0, 9]]  # quarter 1 total 2: hidden
    second = [[1, 10], [1, 8]]
    one, two = protect_together([first, second])
    assert one.hidden[2][0] and two.hidden[2][0]


def test_exact_figures_are_untouched_without_small_counts() -> None:
    grid = protect([[0, 5, 12], [6, 0, 7]])
    assert not any(any(row) for row in grid.hidden)


def test_no_hidden_cell_can_be_worked_out_in_many_tables() -> None:
    """A hundred and fifty small tables with many small counts (a fixed seed): whatever is shown,
    every hidden cell still has more than one possible value."""
    generator = random.Random(16)
    for _ in range(150):
        height, width = generator.choice([(1, 4), (2, 3), (3, 2)])
        cells = [
            [generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 9]) for _c in range(width)]
            for _r in range(height)
        ]
        grid = protect(cells)
        found = solutions(grid, highest=10)
        assert all(len(values) > 1 for values in found.values()), (cells, shown(grid))
