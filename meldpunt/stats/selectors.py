"""The dashboard's tables, read from plain columns only (see ``rules``).

Each table is one query grouped by period and category, so the dashboard's number of
queries does not grow with the data. For a municipality viewer the tables are protected
against small numbers (see ``suppression``): the columns are always the quarters of one
year, and the tables of one population protect their quarter totals together.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth, TruncQuarter, TruncWeek
from django.utils import dateformat, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import (
    Area,
    Case,
    CaseKind,
    Channel,
    ClosingReason,
    Contact,
    Exploitation,
    HowHeard,
    ReporterRole,
    Urgency,
)
from meldpunt.stats import rules
from meldpunt.stats.suppression import Grid, Hidden, protect_together

TRUNC = {"week": TruncWeek, "month": TruncMonth, "quarter": TruncQuarter}
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


def _grouped(
    queryset: QuerySet[Any], *, date_field: str, category: str, grain: str
) -> dict[tuple[date, str], int]:
    rows = (
        queryset.annotate(bucket=TRUNC[grain](date_field))
        .values("bucket", category)
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[date, str], int] = {}
    for row in rows:
        key = (_bucket(row["bucket"]), row[category] or "")
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


def _matrix(
    counts: dict[tuple[date, str], int], choices: Choices, periods: list[date]
) -> list[list[int]]:
    return [[counts.get((day, value), 0) for day in periods] for value, _label in choices]


def contacts_in(scope: Scope) -> QuerySet[Contact]:
    start, end = scope.bounds()
    contacts = Contact.objects.filter(started_at__gte=start, started_at__lt=end).exclude(
        rules.NOT_COUNTED
    )
    if scope.municipality:
        contacts = contacts.filter(municipality=scope.municipality)
    if scope.channel:
        contacts = contacts.filter(channel=scope.channel)
    return contacts


def cases_by(scope: Scope, date_field: str) -> QuerySet[Case]:
    start, end = scope.bounds()
    cases = Case.objects.filter(**{f"{date_field}__gte": start, f"{date_field}__lt": end})
    if scope.municipality:
        cases = cases.filter(municipality=scope.municipality)
    return cases


@dataclass(frozen=True)
class Spec:
    slug: str
    title: str | Promise
    definition: str
    choices: Choices
    queryset: QuerySet[Any]
    date_field: str
    category: str


def referral_partner_kinds() -> Choices:
    """The partner kinds, read through the case's relation: referrals is a sibling app."""
    referral: Any = Case._meta.get_field("referrals").related_model
    partner: Any = referral._meta.get_field("partner").related_model
    return list(partner._meta.get_field("kind").choices)


def build_tables(specs: Sequence[Spec], scope: Scope, grain: str) -> list[Table]:
    columns = period_starts(scope, grain)
    matrices = [
        _matrix(
            _grouped(s.queryset, date_field=s.date_field, category=s.category, grain=grain),
            s.choices,
            columns,
        )
        for s in specs
    ]
    grids = protect_together(matrices) if scope.protected else [Grid(m) for m in matrices]
    labels = [period_label(day, grain) for day in columns]
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


def dashboard_tables(scope: Scope) -> list[Table]:
    """Every table of the dashboard, in the order shown: the time line per channel, then
    the other tables with the quarters as columns (their quarter totals are then the same
    figures as the time line's)."""
    contacts = contacts_in(scope).filter(rules.COUNTED_CONTACT)
    timeline_spec = Spec(
        "channel",
        _("Contacten per kanaal"),
        "contact",
        Channel.choices,
        contacts,
        "started_at",
        "channel",
    )
    contact_specs = [
        Spec(
            "exploitation",
            _("Contacten per vorm van uitbuiting"),
            "exploitation",
            Exploitation.choices,
            contacts,
            "started_at",
            "exploitation",
        ),
        Spec(
            "reporter-role",
            _("Contacten per wie contact opnam"),
            "reporter-role",
            ReporterRole.choices,
            contacts,
            "started_at",
            "reporter_role",
        ),
        Spec(
            "how-heard",
            _("Contacten per hoe men ons kent"),
            "how-heard",
            HowHeard.choices,
            contacts,
            "started_at",
            "how_heard",
        ),
    ]
    if not scope.municipality:
        contact_specs.append(
            Spec(
                "municipality",
                _("Contacten per gemeente"),
                "municipality",
                Area.choices,
                contacts,
                "started_at",
                "municipality",
            )
        )
    if scope.protected:
        # One grain for a viewer, so the time line shares its quarter totals with the rest.
        timeline, *by_quarter = build_tables([timeline_spec, *contact_specs], scope, "quarter")
    else:
        timeline = build_tables([timeline_spec], scope, scope.grain)[0]
        by_quarter = build_tables(contact_specs, scope, "quarter")
    timeline.transposed = True
    quick = Spec(
        "short-call",
        _("Korte, stille en verkeerd verbonden gesprekken"),
        "short-call",
        [(d.value, d.label) for d in rules.QUICK_DISPOSITIONS],
        contacts_in(scope).filter(rules.QUICK_CONTACT),
        "started_at",
        "disposition",
    )
    cases = cases_by(scope, "created_at")
    case_specs = [
        Spec(
            "advice-report",
            _("Zaken: advies of melding"),
            "advice-report",
            CaseKind.choices,
            cases,
            "created_at",
            "kind",
        ),
        Spec(
            "urgency",
            _("Zaken per urgentie"),
            "urgency",
            Urgency.choices,
            cases,
            "created_at",
            "urgency",
        ),
    ]
    closed = Spec(
        "outcome",
        _("Gesloten zaken per uitkomst"),
        "outcome",
        ClosingReason.choices,
        cases_by(scope, "closed_at").exclude(closing_reason=""),
        "closed_at",
        "closing_reason",
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
