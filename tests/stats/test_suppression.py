"""Small-cell protection: 1 to 4 hidden as "<5", and no total or second table giving a
hidden cell away."""

import random

from meldpunt.stats.suppression import Hidden, protect, protect_together
from tests.stats.reader import Reader


def shown(grid) -> list[list[int | None]]:
    """What a reader sees: each value of the full grid (totals last), None where hidden."""
    return [
        [None if grid.hidden[r][c] else grid.value(r, c) for c in range(grid.cols + 1)]
        for r in range(grid.rows + 1)
    ]


def pinned(*grids, shared_totals: bool = True) -> dict:
    """What the exact reader (tests/stats/reader.py) works out of the grids as shown: every
    hidden figure, totals included, with only one possible value other than 0 (a zero
    hidden beside a "<5" total may be worked out: it gives no one away). Grids given
    together share their column totals (the quarters of one population)."""
    reader = Reader()
    for number, grid in enumerate(grids):

        def key(row: str, column: str, number: int = number) -> tuple:
            return (column,) if row == "*" and shared_totals else (number, row, column)

        reader.read_grid(
            grid, [f"r{r}" for r in range(grid.rows)], [f"c{c}" for c in range(grid.cols)], key
        )
    return {key: value for key, value in reader.pinned().items() if value}


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
    assert pinned(grid) == {}


def test_two_small_cells_at_their_lowest_are_not_enough() -> None:
    """1 and 1 with the others shown: the hidden sum is 2, so both must be 1."""
    grid = protect([[1, 1, 9, 30]])
    assert grid.hidden[0][2] == Hidden.SECONDARY
    assert pinned(grid) == {}


def test_column_totals_cannot_undo_row_protection() -> None:
    """A 2 x 3 table with margins: every hidden cell keeps more than one possible value."""
    grid = protect([[3, 8, 6], [7, 2, 9]])
    assert pinned(grid) == {}


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
    """Eight hundred small tables with many small counts and zeros, quarters as columns
    (a fixed seed): whatever is shown, the exact reader pins no hidden figure."""
    generator = random.Random(16)
    for _ in range(800):
        height, width = generator.choice([(1, 4), (2, 4), (4, 2), (3, 4), (6, 4), (2, 3)])
        cells = [
            [generator.choice([0, 0, 0, 1, 1, 1, 2, 3, 4, 5, 7]) for _c in range(width)]
            for _r in range(height)
        ]
        grid = protect(cells)
        assert pinned(grid) == {}, (cells, shown(grid))


def test_four_ones_beside_a_small_total_are_not_given_away() -> None:
    """Four contacts in a year, one per quarter: four "<5" with a "<5" total would each
    be 1 (every "<5" at least 1, the total at most 4)."""
    assert pinned(protect([[1, 1, 1, 1]])) == {}
    assert pinned(protect([[1, 1, 1, 1], [0, 0, 0, 0], [9, 6, 7, 5]])) == {}


def test_a_small_total_hides_the_zeros_of_its_line() -> None:
    """Beside a "<5" total a "<5" may be 0: the zeros of that row or column are hidden."""
    grid = protect([[0, 3, 0, 0], [6, 7, 8, 9]])
    assert grid.hidden[0][:5] == [Hidden.SMALL] * 5
    assert pinned(grid) == {}


def test_two_breakdowns_of_four_contacts_give_none_away() -> None:
    """The same four contacts by form (one form, one per quarter) and by channel (two
    channels, two quarters each): the quarter totals are one set of numbers."""
    grids = protect_together([[[1, 1, 1, 1]], [[1, 1, 0, 0], [0, 0, 1, 1]]])
    assert pinned(*grids) == {}
