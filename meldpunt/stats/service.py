"""Service figures for analysts and coordinators: when people call and chat, how fast web
reports get a first answer, and the work still open. Plain columns only.

Not shown to municipality viewers: they are about the meldpunt's staffing, not about a
municipality, and counts per hour would be small numbers.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.case_months import IN_TIME, LATE, PENDING
from meldpunt.cases.models import (
    Case,
    CaseFigure,
    CaseStatus,
    ContactFigure,
    Task,
)
from meldpunt.public.models import Weekday
from meldpunt.stats import rules
from meldpunt.stats.selectors import Cell, Row, Scope, Table, case_months_in, contacts_in
from meldpunt.stats.suppression import Grid
from meldpunt.tally.models import ChatRefusal, ChatWait, RefusalReason

WEEKDAYS = Weekday.labels


@dataclass(frozen=True)
class Duration:
    """Median and 90th percentile of a set of waits, in hours; None when there are none."""

    count: int
    median: float | None
    p90: float | None
    waiting: int


@dataclass(frozen=True)
class Workload:
    open_cases: int
    overdue_tasks: int


def hour_of_week(scope: Scope) -> Table:
    """Phone calls and chats per weekday and hour of their start, quick ones included
    (they take a line too); test calls left out. Read per month, as "weekday-hour"."""
    calls = contacts_in(scope, ContactFigure.WEEK_HOUR, "month").filter(
        channel__in=rules.CONVERSATION_CHANNELS
    )
    rows = calls.values_list("value").annotate(n=Sum("count")).order_by()
    cells = [[0] * 24 for _day in WEEKDAYS]
    for value, n in rows:
        weekday, hour = value.split("-")
        cells[int(weekday) - 1][int(hour)] += n
    grid = Grid(cells)
    width = 24
    body = [
        Row(label, [Cell(grid.value(r, c)) for c in range(width)], Cell(grid.value(r, width)))
        for r, label in enumerate(WEEKDAYS)
    ]
    totals = Row(
        _("Totaal"),
        [Cell(grid.value(7, c)) for c in range(width)],
        Cell(grid.value(7, width)),
    )
    return Table(
        "hour-of-week",
        _("Telefoon en chat per uur van de week"),
        "hour-of-week",
        [f"{hour}:00" for hour in range(width)],
        body,
        totals,
    )


def first_response(scope: Scope) -> Duration:
    """Hours from a web report's case being made to the first staff response, counted per
    month as the waits rounded to a tenth of an hour (``CaseFigure.RESPONSE``); rounding
    keeps the order, so their median and 90th percentile are those of the exact waits,
    rounded."""
    rows = (
        case_months_in(scope, CaseFigure.RESPONSE)
        .values_list("value")
        .annotate(n=Sum("count"))
        .order_by()
    )
    waits: dict[float, int] = {}
    waiting = 0
    for value, n in rows:
        if value:
            waits[float(value)] = n
        else:
            waiting = n
    return Duration(
        count=sum(waits.values()),
        median=_weighted_percentile(waits, 0.5),
        p90=_weighted_percentile(waits, 0.9),
        waiting=waiting,
    )


def workload(scope: Scope, today: date) -> Workload:
    """Cases not closed and tasks past their date, today (not for the chosen period)."""
    cases = Case.objects.exclude(status=CaseStatus.CLOSED)
    tasks = Task.objects.filter(done_at__isnull=True, due_date__lt=today)
    if scope.municipality:
        cases = cases.filter(municipality=scope.municipality)
        tasks = tasks.filter(case__municipality=scope.municipality)
    return Workload(open_cases=cases.count(), overdue_tasks=tasks.count())


@dataclass(frozen=True)
class ChatService:
    """Chats that left the queue in the period: how long they waited (minutes), how many
    an advisor answered; and how often the chat said no, closed or full."""

    chats: int
    answered: int
    wait: Duration
    refused_closed: int
    refused_full: int

    @property
    def answered_share(self) -> int | None:
        return round(100 * self.answered / self.chats) if self.chats else None


def _weighted_percentile(counts: dict[float, int], share: float) -> float | None:
    """The nearest-rank percentile of values given as {value: how often}."""
    total = sum(counts.values())
    if not total:
        return None
    rank = max(1, -(-total * share // 1))
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return round(value, 1)
    raise AssertionError("unreachable: the ranks add up to the total")


def chat_service(scope: Scope) -> ChatService:
    """From the plain chat counts (tally): the whole region, every channel's period. The
    waits come as how many chats waited each number of seconds (one row per distinct
    wait, not per chat)."""
    start, end = scope.first_day, scope.end_day
    waits = (
        ChatWait.objects.filter(day__gte=start, day__lt=end)
        .values_list("answered", "waited_seconds")
        .annotate(n=Count("*"))
        .order_by()
    )
    answered: dict[float, int] = {}
    chats = 0
    for was_answered, seconds, n in waits:
        chats += n
        if was_answered:
            answered[seconds / 60] = answered.get(seconds / 60, 0) + n
    refusals = dict(
        ChatRefusal.objects.filter(day__gte=start, day__lt=end)
        .values_list("reason")
        .annotate(n=Sum("count"))
        .order_by()
    )
    count = sum(answered.values())
    return ChatService(
        chats=chats,
        answered=count,
        wait=Duration(
            count=count,
            median=_weighted_percentile(answered, 0.5),
            p90=_weighted_percentile(answered, 0.9),
            waiting=chats - count,
        ),
        refused_closed=sum(refusals.get(reason, 0) for reason in rules.CHAT_CLOSED_REASONS),
        refused_full=refusals.get(RefusalReason.QUEUE_FULL, 0),
    )


@dataclass(frozen=True)
class Assessed:
    """Reports (meldingen) made in the period: assessed within 5 working days, later,
    or not yet."""

    reports: int
    in_time: int
    late: int

    @property
    def pending(self) -> int:
        return self.reports - self.in_time - self.late

    @property
    def in_time_share(self) -> int | None:
        done = self.in_time + self.late
        return round(100 * self.in_time / done) if done else None


def assessed_in_time(scope: Scope) -> Assessed:
    """Reports made in the period by whether their assessment's conclusion came within 5
    working days of the day they were made (``CaseFigure.ASSESSMENT``, worked out when the
    case is written)."""
    counts = dict(
        case_months_in(scope, CaseFigure.ASSESSMENT)
        .values_list("value")
        .annotate(n=Sum("count"))
        .order_by()
    )
    in_time, late = counts.get(IN_TIME, 0), counts.get(LATE, 0)
    return Assessed(reports=in_time + late + counts.get(PENDING, 0), in_time=in_time, late=late)
