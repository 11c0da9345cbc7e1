"""A reader who works out hidden cells from everything shown to them.

The reader is told what each shown figure *is* (a key: the same key in two tables is the
same number, such as a viewer's year total of chats and the chat cell of their
municipality on the public page) and which figures add up to which (every row and every
column of a table with its total). A hidden figure is a number from 1 to 4 ("<5"), from
0 to 4 (a "<5" whose row or column total is "<5" in a table it appears in: zeros there
are hidden too), or at least 5 ("x": zeros are never hidden as "x"). The reader then
solves, exactly, for every hidden figure the lowest and highest value that fits
everything seen: an integer search with bounds propagated through every sum. A hidden
figure is *pinned* when only one value fits.

Values above ``ceiling`` are not tried: that can only make the reader see fewer
solutions, so a cell it finds safe is safe.
"""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from meldpunt.stats.selectors import Cell, Table
from meldpunt.stats.suppression import Grid, Hidden

Key = Hashable
# lowest and highest
Domain = tuple[int, int]


@dataclass
class Reader:
    known: dict[Key, int] = field(default_factory=dict)
    hidden: dict[Key, Hidden] = field(default_factory=dict)
    # "<5" figures that may be 0: beside a "<5" total somewhere.
    maybe_zero: set[Key] = field(default_factory=set)
    # Sums: every key on the left adds up to the key on the right.
    sums: list[tuple[list[Key], Key]] = field(default_factory=list)

    def see(self, key: Key, cell: Cell) -> None:
        if cell.hidden:
            self.hidden.setdefault(key, cell.hidden)
        else:
            assert self.known.get(key, cell.value) == cell.value, key
            self.known[key] = cell.value

    def read(self, table: Table, key: Callable[[str, str], Key]) -> None:
        """A table as shown: ``key(row, column)`` names each figure, with "*" for the
        total of the rows or of the columns."""
        cells = [[*row.cells, row.total] for row in [*table.rows, table.totals]]
        rows = [str(row.label) for row in table.rows]
        self._read(cells, rows, [str(column) for column in table.columns], key)

    def read_grid(
        self, grid: Grid, rows: list[str], columns: list[str], key: Callable[[str, str], Key]
    ) -> None:
        """A protected grid as a table would show it (see ``read``)."""
        cells = [
            [Cell(grid.value(r, c), grid.hidden[r][c]) for c in range(grid.cols + 1)]
            for r in range(grid.rows + 1)
        ]
        self._read(cells, rows, columns, key)

    def _read(
        self,
        cells: list[list[Cell]],
        rows: list[str],
        columns: list[str],
        key: Callable[[str, str], Key],
    ) -> None:
        for line, label in zip(cells, [*rows, "*"], strict=True):
            for cell, column in zip(line, [*columns, "*"], strict=True):
                self.see(key(label, column), cell)
        # A "<5" beside a "<5" total (an inner cell's row or column total; a total's
        # grand total) may be 0.
        small = [[cell.hidden == Hidden.SMALL for cell in line] for line in cells]
        last_r, last_c = len(rows), len(columns)
        for r, label in enumerate([*rows, "*"]):
            for c, column in enumerate([*columns, "*"]):
                totals = [(r, last_c)] if c < last_c else []
                totals += [(last_r, c)] if r < last_r else []
                if small[r][c] and any(small[tr][tc] for tr, tc in totals):
                    self.maybe_zero.add(key(label, column))
        for label in [*rows, "*"]:
            self.sums.append(([key(label, column) for column in columns], key(label, "*")))
        for column in [*columns, "*"]:
            self.sums.append(([key(label, column) for label in rows], key("*", column)))

    def pinned(self, ceiling: int | None = None, *, small_only: bool = False) -> dict[Key, int]:
        """Every hidden figure that has one possible value, with that value (only those
        shown as "<5" with ``small_only``: an "x" is never 1 to 4)."""
        return _Solver(self, ceiling).pinned(small_only=small_only)

    def pinned_small(self, ceiling: int | None = None) -> dict[Key, int]:
        """Hidden figures worked out to be exactly 1, 2, 3 or 4 (a zero hidden beside a "<5"
        total may be worked out: it gives no one away)."""
        return {key: value for key, value in self.pinned(ceiling, small_only=True).items() if value}


class _Infeasible(Exception):
    pass


class _Solver:
    def __init__(self, reader: Reader, ceiling: int | None) -> None:
        unknown = [key for key in reader.hidden if key not in reader.known]
        self.keys = unknown
        index = {key: i for i, key in enumerate(unknown)}
        top = ceiling if ceiling is not None else 1000
        self.small = [reader.hidden[key] == Hidden.SMALL for key in unknown]
        self.start: list[Domain] = [
            (int(key not in reader.maybe_zero), 4) if small else (5, top)
            for key, small in zip(unknown, self.small, strict=True)
        ]
        # Each sum as (terms, constant): sum(sign * x) == constant.
        self.equations: list[tuple[list[tuple[int, int]], int]] = []
        for parts, total in reader.sums:
            terms: dict[int, int] = {}
            constant = 0
            for key, sign in [*((part, 1) for part in parts), (total, -1)]:
                if key in index:
                    terms[index[key]] = terms.get(index[key], 0) + sign
                else:
                    constant -= sign * reader.known[key]
            if terms:
                self.equations.append(([(i, s) for i, s in terms.items() if s], constant))
        self.watch: list[list[int]] = [[] for _key in unknown]
        for number, (equation, _constant) in enumerate(self.equations):
            for i, _sign in equation:
                self.watch[i].append(number)

    @staticmethod
    def _normal(domain: Domain) -> Domain:
        lo, hi = domain
        if lo > hi:
            raise _Infeasible
        return lo, hi

    def _propagate(self, domains: list[Domain], changed: Iterable[int]) -> list[Domain]:
        domains = list(domains)
        queue = {number for i in changed for number in self.watch[i]}
        while queue:
            terms, constant = self.equations[queue.pop()]
            lows = [domains[i][0] if s > 0 else -domains[i][1] for i, s in terms]
            highs = [domains[i][1] if s > 0 else -domains[i][0] for i, s in terms]
            low_sum, high_sum = sum(lows), sum(highs)
            if low_sum > constant or high_sum < constant:
                raise _Infeasible
            for (i, s), low, high in zip(terms, lows, highs, strict=True):
                # s * x_i lies between constant - (others' highest) and constant - (others' lowest)
                least = constant - (high_sum - high)
                most = constant - (low_sum - low)
                lo, hi = domains[i]
                new = (
                    (max(lo, least), min(hi, most)) if s > 0 else (max(lo, -most), min(hi, -least))
                )
                normal = self._normal(new)
                if normal != domains[i]:
                    domains[i] = normal
                    queue.update(self.watch[i])
        return domains

    def _solve(self, domains: list[Domain]) -> list[int] | None:
        """One solution within ``domains`` (already propagated), or None."""
        open_ = [i for i, (lo, hi) in enumerate(domains) if lo < hi]
        if not open_:
            return [lo for lo, _hi in domains]
        i = min(open_, key=lambda j: domains[j][1] - domains[j][0])
        lo, hi = domains[i]
        middle = (lo + hi) // 2
        for part in ((lo, middle), (middle + 1, hi)):
            try:
                trial = list(domains)
                trial[i] = self._normal(part)
                found = self._solve(self._propagate(trial, [i]))
            except _Infeasible:
                continue
            if found is not None:
                return found
        return None

    def _within(self, domains: list[Domain], i: int, lo: int, hi: int) -> list[int] | None:
        try:
            trial = list(domains)
            trial[i] = self._normal((max(lo, domains[i][0]), min(hi, domains[i][1])))
            return self._solve(self._propagate(trial, [i]))
        except _Infeasible:
            return None

    def pinned(self, *, small_only: bool) -> dict[Key, int]:
        domains = self._propagate(self.start, range(len(self.keys)))
        first = self._solve(domains)
        assert first is not None, "what is shown has no solution at all"
        seen = [{value} for value in first]
        for i in range(len(self.keys)):
            if len(seen[i]) > 1 or (small_only and not self.small[i]):
                seen[i].add(-1)  # not asked about
                continue
            value = first[i]
            for lo, hi in ((domains[i][0], value - 1), (value + 1, domains[i][1])):
                other = self._within(domains, i, lo, hi) if lo <= hi else None
                if other is not None:
                    for j, found in enumerate(other):
                        seen[j].add(found)
                    break
        return {
            key: values.pop()
            for key, values in zip(self.keys, seen, strict=True)
            if len(values) == 1
        }


# The dashboard's tables of one population: they share their quarter totals.
POPULATIONS = {
    "channel": "contacts",
    "exploitation": "contacts",
    "reporter-role": "contacts",
    "how-heard": "contacts",
    "municipality": "contacts",
    "advice-report": "cases",
    "urgency": "cases",
}


def viewer_key(slug: str, municipality: str) -> Callable[[str, str], Key]:
    """Keys of a viewer's year table (categories by quarter) of their municipality."""
    population = POPULATIONS.get(slug, slug)

    def key(row: str, column: str) -> Key:
        period = "year" if column == "*" else column
        if row == "*":
            return (population, municipality, period)
        return (slug, row, municipality, period)

    return key


def public_key(slug: str) -> Callable[[str, str], Key]:
    """Keys of a public annual table (categories by municipality): the same numbers as
    the viewers' year totals of each municipality."""

    def key(row: str, column: str) -> Key:
        if row == "*":
            return ("contacts", column, "year")
        return (slug, row, column, "year")

    return key


def viewer_reader(municipality: str, dashboard: Iterable[Table], public: Iterable[Table]) -> Reader:
    """Everything a viewer of ``municipality`` (its name as on the public page) sees of
    one year: their dashboard's tables and the public page of that year."""
    reader = Reader()
    for table in dashboard:
        reader.read(table, viewer_key(table.slug, municipality))
    for table in public:
        reader.read(table, public_key(table.slug))
    return reader
