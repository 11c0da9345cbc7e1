"""The dashboard's tables, read from plain columns only (see ``rules``).

Each table is one query grouped by period and category, so the dashboard's number of
queries does not grow with the data. Contacts are read as their counts per month
(``ContactMonth``) for months and quarters, per part of a week (``ContactWeek``) for
weeks and per day (``ContactDay``) for the campaigns' periods, all kept exact on every
write, not one by one: a year is a few hundred thousand rows fewer. For a
municipality viewer the tables are protected against small numbers (see ``suppression``):
the columns are always the quarters of one year, and the tables of one population protect
their quarter totals together.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any

from django.db.models import (
    Aggregate,
    Count,
    DateField,
    DateTimeField,
    Expression,
    Model,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models import Case as Choose
from django.db.models.functions import ExtractQuarter, TruncMonth, TruncQuarter, TruncWeek
from django.utils import dateformat, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import Municipality
from meldpunt.cases.models import (
    WEEK_FIGURES,
    Area,
    Case,
    CaseFigure,
    CaseKind,
    CaseMonth,
    Channel,
    ClosingReason,
    ContactDay,
    ContactFigure,
    ContactMonth,
    ContactWeek,
    Exploitation,
    HowHeard,
    ReporterRole,
    Urgency,
)
from meldpunt.stats import rules
from meldpunt.stats.suppression import (
    Grid,
    Hidden,
    Publication,
    protect_publication,
    protect_together,
)

TRUNC = {"week": TruncWeek, "month": TruncMonth, "quarter": TruncQuarter}
# The date column of the contact rows a grain reads: weeks read the rows per part of a
# week, months and quarters the rows per month (see ``contacts_in``).
PERIOD_FIELD = {"week": "week", "month": "month", "quarter": "month"}
# The kept contact counts per day, part of a week and month.
CONTACT_ROWS: dict[str, type[ContactDay] | type[ContactWeek] | type[ContactMonth]] = {
    "day": ContactDay,
    "week": ContactWeek,
    "month": ContactMonth,
}
# What a table adds up: the counts of the contact rows for contacts, rows for the rest.
COUNTS = Sum("count")
# COUNT(*), not of the key: the case statistics are then read from their indexes alone.
ROWS = Count("*")
Choices = Sequence[tuple[str, str | Promise]]


@dataclass(frozen=True)
class Scope:
    """What a dashboard shows: a year (or one of its quarters), grouped by ``grain``, for
    one municipality or all, one channel or all; ``protected`` for a municipality viewer."""

    year: int
    quarter: int | None = None
    grain: str = "quarter"
    municipality: str = ""
    channel: str = ""
    protected: bool = False

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * (self.quarter - 1) + 1 if self.quarter else 1, 1)

    @property
    def end_day(self) -> date:
        """The day after the period."""
        if self.quarter and self.quarter < 4:
            return date(self.year, 3 * self.quarter + 1, 1)
        return date(self.year + 1, 1, 1)

    def bounds(self) -> tuple[datetime, datetime]:
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.first_day, datetime.min.time(), zone),
            datetime.combine(self.end_day, datetime.min.time(), zone),
        )


@dataclass(frozen=True)
class Cell:
    value: int
    hidden: Hidden = Hidden.SHOWN

    @property
    def shown(self) -> str:
        if self.hidden == Hidden.SMALL:
            return "<5"
        if self.hidden == Hidden.SECONDARY:
            return "x"
        return str(self.value)

    @property
    def chart_value(self) -> int | None:
        return None if self.hidden else self.value


@dataclass(frozen=True)
class Row:
    label: str | Promise
    cells: list[Cell]
    total: Cell


@dataclass
class Table:
    """Rows of categories, columns of periods, with totals; ``transposed`` tables show the
    periods as rows (the time line)."""

    slug: str
    title: str | Promise
    definition: str
    columns: list[str]
    rows: list[Row]
    totals: Row
    transposed: bool = False
    # False for a list of things side by side (campaigns), where a sum means nothing.
    with_totals: bool = True

    @property
    def headers(self) -> list[str | Promise]:
        """The column headings of the data table (before its total column)."""
        return [row.label for row in self.rows] if self.transposed else list(self.columns)

    @property
    def body(self) -> list[Row]:
        """The data table's rows, without the totals row."""
        if not self.transposed:
            return self.rows
        return [
            Row(label, [row.cells[index] for row in self.rows], self.totals.cells[index])
            for index, label in enumerate(self.columns)
        ]

    @property
    def total_row(self) -> Row:
        if not self.transposed:
            return self.totals
        return Row(_("Totaal"), [row.total for row in self.rows], self.totals.total)

    @property
    def chart_rows(self) -> list[Row]:
        """What the chart draws: one bar per row of the data table."""
        return self.body


def period_starts(scope: Scope, grain: str) -> list[date]:
    """The first day of every week, month or quarter in the scope's period."""
    start, end = scope.first_day, scope.end_day
    if grain == "week":
        day = start - timedelta(days=start.weekday())
        days = []
        while day < end:
            days.append(day)
            day += timedelta(days=7)
        return days
    step = 3 if grain == "quarter" else 1
    return [
        date(start.year, month, 1)
        for month in range(start.month, 13, step)
        if date(start.year, month, 1) < end
    ]


def period_label(day: date, grain: str) -> str:
    if grain == "week":
        return str(_("week %(week)s") % {"week": day.isocalendar().week})
    if grain == "month":
        return dateformat.format(day, "F")
    return str(_("kwartaal %(quarter)s") % {"quarter": (day.month - 1) // 3 + 1})


def _bucket(value: datetime | date) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _field(model: type[Model], path: str) -> Any:
    """The model field at the end of ``path`` ("referrals__referred_at")."""
    *relations, name = path.split("__")
    found: Any = model
    for relation in relations:
        found = found._meta.get_field(relation).related_model
    return found._meta.get_field(name)


def _period(queryset: QuerySet[Any], date_field: str, grain: str, periods: list[date]) -> Any:
    """The first day of the period each row falls in. A moment (a case's dates) in months
    or quarters is compared with the periods' starts in the meldpunt's time zone, which
    costs PostgreSQL a third of moving every moment into that zone and truncating it; the
    rows are within the scope already."""
    field = _field(queryset.model, date_field)
    if grain == "week" or not isinstance(field, DateTimeField) or len(periods) < 2:
        return TRUNC[grain](date_field)
    zone = timezone.get_current_timezone()
    starts: list[When | Expression] = [
        When(
            **{f"{date_field}__lt": datetime.combine(following, time.min, zone)}, then=Value(start)
        )
        for start, following in pairwise(periods)
    ]
    return Choose(*starts, default=Value(periods[-1]), output_field=DateField())


def _grouped(
    queryset: QuerySet[Any],
    *,
    date_field: str,
    categories: Sequence[str],
    grain: str,
    periods: list[date],
    measure: Aggregate,
) -> list[dict[tuple[date, str], int]]:
    """The counts per period and value of each of ``categories``, from one query grouped
    by all of them (the rows are read once)."""
    rows = (
        queryset.annotate(bucket=_period(queryset, date_field, grain, periods))
        .values("bucket", *categories)
        .annotate(n=measure)
        .order_by()
    )
    counts: list[dict[tuple[date, str], int]] = [{} for _category in categories]
    for row in rows:
        day = _bucket(row["bucket"])
        for found, category in zip(counts, categories, strict=True):
            key = (day, row[category] or "")
            found[key] = found.get(key, 0) + row["n"]
    return counts


def _matrix(
    counts: dict[tuple[date, str], int], choices: Choices, periods: list[date]
) -> list[list[int]]:
    return [[counts.get((day, value), 0) for day in periods] for value, _label in choices]


def contact_days(
    figure: str,
    *,
    first: date,
    end: date,
    municipality: str,
    channel: str,
    per: str = "day",
) -> QuerySet[Any]:
    """Contacts from ``first`` to before ``end``, test calls left out, as counts per day of
    ``figure``'s values (sum their ``count``); all municipalities and channels for "".
    ``per``: "week" for the counts per part of a week (``first`` and ``end`` first days
    of quarters; the figures ``WEEK_FIGURES`` only), "month" per month (first days of
    months)."""
    if per == "week" and figure not in WEEK_FIGURES:
        raise ValueError(f"{figure} is not kept per week")
    rows = CONTACT_ROWS[per].objects.filter(**{f"{per}__gte": first, f"{per}__lt": end})
    days = rows.filter(figure=figure).exclude(rules.NOT_COUNTED)
    if municipality:
        days = days.filter(municipality=municipality)
    if channel:
        days = days.filter(channel=channel)
    return days


def contacts_in(scope: Scope, figure: str, grain: str) -> QuerySet[Any]:
    """The scope's contacts as counts of ``figure``'s values (see ``contact_days``), per
    week or per month as ``grain`` needs; their date column is ``PERIOD_FIELD[grain]``."""
    return contact_days(
        figure,
        first=scope.first_day,
        end=scope.end_day,
        municipality=scope.municipality,
        channel=scope.channel,
        per=PERIOD_FIELD[grain],
    )


def case_months_in(scope: Scope, figure: str) -> QuerySet[CaseMonth]:
    """The scope's cases as counts per month of ``figure``'s values (sum their ``count``;
    see ``CaseFigure`` for the month a figure counts a case in)."""
    rows = CaseMonth.objects.filter(
        figure=figure, month__gte=scope.first_day, month__lt=scope.end_day
    )
    if scope.municipality:
        rows = rows.filter(municipality=scope.municipality)
    return rows


@dataclass(frozen=True)
class Spec:
    slug: str
    title: str | Promise
    definition: str
    choices: Choices
    queryset: QuerySet[Any]
    date_field: str
    category: str
    measure: Aggregate = ROWS


def referral_partner_kinds() -> Choices:
    """The partner kinds, read through the case's relation: referrals is a sibling app."""
    referral: Any = Case._meta.get_field("referrals").related_model
    partner: Any = referral._meta.get_field("partner").related_model
    return list(partner._meta.get_field("kind").choices)


def build_tables(specs: Sequence[Spec], scope: Scope, grain: str) -> list[Table]:
    columns = period_starts(scope, grain)
    # Specs that read the same rows (one queryset, date and measure) share one query.
    together: dict[tuple[int, str, int], list[int]] = {}
    for index, s in enumerate(specs):
        together.setdefault((id(s.queryset), s.date_field, id(s.measure)), []).append(index)
    counts: dict[int, dict[tuple[date, str], int]] = {}
    for indexes in together.values():
        first = specs[indexes[0]]
        found = _grouped(
            first.queryset,
            date_field=first.date_field,
            categories=[specs[index].category for index in indexes],
            grain=grain,
            periods=columns,
            measure=first.measure,
        )
        counts.update(zip(indexes, found, strict=True))
    matrices = [_matrix(counts[index], s.choices, columns) for index, s in enumerate(specs)]
    grids = protect_together(matrices) if scope.protected else [Grid(m) for m in matrices]
    labels = [period_label(day, grain) for day in columns]
    return [_table(spec, grid, labels) for spec, grid in zip(specs, grids, strict=True)]


def _cube(spec: Spec) -> list[list[list[int]]]:
    """The spec's counts per category, area and quarter (one query)."""
    rows = (
        spec.queryset.annotate(quarter=ExtractQuarter(spec.date_field))
        .values(spec.category, "municipality", "quarter")
        .annotate(n=spec.measure)
        .order_by()
    )
    counts = {(row[spec.category], row["municipality"], row["quarter"]): row["n"] for row in rows}
    return [
        [[counts.get((value, area, q), 0) for q in range(1, 5)] for area in Area.values]
        for value, _label in spec.choices
    ]


# The contact tables published by municipality on the public annual page (by their
# place in ``contact_table_specs``): per channel and per form of exploitation.
PUBLIC_TABLES = (0, 1)


def year_publication(year: int) -> tuple[list[Spec], Publication]:
    """A year's contact tables protected as one publication (``protect_publication``):
    every municipality viewer's year and the public annual tables."""
    specs = contact_table_specs(Scope(year=year))
    publication = protect_publication(
        [_cube(spec) for spec in specs],
        public=PUBLIC_TABLES,
        viewers=[Area.values.index(area) for area in Municipality.values],
    )
    return specs, publication


def viewer_tables(scope: Scope) -> list[Table]:
    """A municipality viewer's contact tables: their municipality's quarters of the year's
    publication."""
    specs, publication = year_publication(scope.year)
    grids = publication.viewers[Area.values.index(scope.municipality)]
    labels = [period_label(day, "quarter") for day in period_starts(scope, "quarter")]
    return [_table(spec, grid, labels) for spec, grid in zip(specs, grids, strict=True)]


def _table(spec: Spec, grid: Grid, labels: list[str]) -> Table:
    def cell(r: int, c: int) -> Cell:
        hidden = grid.hidden[r][c] if grid.hidden else Hidden.SHOWN
        return Cell(grid.value(r, c), hidden)

    width = len(labels)
    rows = [
        Row(label, [cell(r, c) for c in range(width)], cell(r, width))
        for r, (_value, label) in enumerate(spec.choices)
    ]
    totals = Row(_("Totaal"), [cell(len(rows), c) for c in range(width)], cell(len(rows), width))
    return Table(spec.slug, spec.title, spec.definition, labels, rows, totals)


def contact_table_specs(scope: Scope, grain: str = "quarter") -> list[Spec]:
    """The tables of counted contacts, all of one population: per channel (the time
    line, read per ``grain``), per form of exploitation, per reporter role, per how heard."""
    contacts = contacts_in(scope, ContactFigure.CONTACT, "quarter").filter(rules.COUNTED_CONTACT)
    timeline_spec = Spec(
        "channel",
        _("Contacten per kanaal"),
        "contact",
        Channel.choices,
        # The same rows as the contacts per municipality when read per month too.
        contacts
        if PERIOD_FIELD[grain] == "month"
        else contacts_in(scope, ContactFigure.CONTACT, grain).filter(rules.COUNTED_CONTACT),
        PERIOD_FIELD[grain],
        "channel",
        COUNTS,
    )
    contact_specs = [
        Spec(
            "exploitation",
            _("Contacten per vorm van uitbuiting"),
            "exploitation",
            Exploitation.choices,
            contacts_in(scope, ContactFigure.EXPLOITATION, "quarter").filter(rules.COUNTED_CONTACT),
            "month",
            "value",
            COUNTS,
        ),
        Spec(
            "reporter-role",
            _("Contacten per wie contact opnam"),
            "reporter-role",
            ReporterRole.choices,
            contacts_in(scope, ContactFigure.REPORTER_ROLE, "quarter").filter(
                rules.COUNTED_CONTACT
            ),
            "month",
            "value",
            COUNTS,
        ),
        Spec(
            "how-heard",
            _("Contacten per hoe men ons kent"),
            "how-heard",
            HowHeard.choices,
            contacts_in(scope, ContactFigure.HOW_HEARD, "quarter").filter(rules.COUNTED_CONTACT),
            "month",
            "value",
            COUNTS,
        ),
    ]
    return [timeline_spec, *contact_specs]


def dashboard_tables(scope: Scope) -> list[Table]:
    """Every table of the dashboard, in the order shown: the time line per channel, then
    the other tables with the quarters as columns (their quarter totals are then the same
    figures as the time line's)."""
    # One grain for a viewer, so the time line shares its quarter totals with the rest.
    grain = "quarter" if scope.protected else scope.grain
    timeline_spec, *contact_specs = contact_table_specs(scope, grain)
    if not scope.municipality:
        # The time line's rows when it reads months too: then one query for both.
        contacts = (
            timeline_spec.queryset
            if timeline_spec.date_field == "month"
            else contacts_in(scope, ContactFigure.CONTACT, "quarter").filter(rules.COUNTED_CONTACT)
        )
        contact_specs.append(
            Spec(
                "municipality",
                _("Contacten per gemeente"),
                "municipality",
                Area.choices,
                contacts,
                "month",
                "municipality",
                COUNTS,
            )
        )
    if scope.protected:
        # One protection pass with the other viewers' years and the public annual figures.
        timeline, *by_quarter = viewer_tables(scope)
    else:
        timeline = build_tables([timeline_spec], scope, scope.grain)[0]
        by_quarter = build_tables(contact_specs, scope, "quarter")
    timeline.transposed = True
    quick = Spec(
        "short-call",
        _("Korte, stille en verkeerd verbonden gesprekken"),
        "short-call",
        [(d.value, d.label) for d in rules.QUICK_DISPOSITIONS],
        contacts_in(scope, ContactFigure.CONTACT, "quarter").filter(rules.QUICK_CONTACT),
        "month",
        "disposition",
        COUNTS,
    )
    case_specs = [
        Spec(
            "advice-report",
            _("Zaken: advies of melding"),
            "advice-report",
            CaseKind.choices,
            case_months_in(scope, CaseFigure.KIND),
            "month",
            "value",
            COUNTS,
        ),
        Spec(
            "urgency",
            _("Zaken per urgentie"),
            "urgency",
            Urgency.choices,
            case_months_in(scope, CaseFigure.URGENCY),
            "month",
            "value",
            COUNTS,
        ),
    ]
    closed = Spec(
        "outcome",
        _("Gesloten zaken per uitkomst"),
        "outcome",
        ClosingReason.choices,
        case_months_in(scope, CaseFigure.OUTCOME),
        "month",
        "value",
        COUNTS,
    )
    referrals = Spec(
        "referral",
        _("Doorverwijzingen per soort partner"),
        "referral",
        referral_partner_kinds(),
        _referrals(scope),
        "referrals__referred_at",
        "referrals__partner__kind",
    )
    return [
        timeline,
        *by_quarter,
        *build_tables([quick], scope, "quarter"),
        *build_tables(case_specs, scope, "quarter"),
        *build_tables([closed], scope, "quarter"),
        *build_tables([referrals], scope, "quarter"),
    ]


def _referrals(scope: Scope) -> QuerySet[Case]:
    """Cases, one row per referral made in the period (counted by the referral's key)."""
    start, end = scope.bounds()
    cases = Case.objects.filter(referrals__referred_at__gte=start, referrals__referred_at__lt=end)
    if scope.municipality:
        cases = cases.filter(municipality=scope.municipality)
    return cases


def years_offered(today: date) -> list[int]:
    """The years offered in the filter: this year and the four before it."""
    return list(range(today.year, today.year - 5, -1))
