"""Keeping ``ContactDay`` exact: the contacts of a day counted again from the contacts.

Every write that makes a contact or changes one of its plain columns calls
``contact_days_recount`` in its own transaction, with the days before and after the
change, so the counts commit (or roll back) together with the contact. Counting a whole
day again, instead of adding one, leaves nothing to get wrong on an edit. On PostgreSQL a
transaction lock per day makes two writers of one day count one after the other, so the
second sees the first's contact; SQLite writes one transaction at a time anyway.

The months of those days (``ContactMonth``) are then added up again from their days, in
the same transaction, under a transaction lock per month taken after the days' locks, and
then their weeks (``ContactWeek``, a week split where a quarter begins), under a lock per
week after the months'. All of them come after the audit chain's head, which every
audited write takes.

The purge empties only encrypted content and keeps these columns, so it changes no count.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractHour, TruncDate
from django.utils import timezone

from meldpunt.audit.chain import lock_chain_head
from meldpunt.cases.models import (
    WEEK_FIGURES,
    Contact,
    ContactDay,
    ContactFigure,
    ContactMonth,
    ContactWeek,
)

# The columns of a contact counted per value, each as a figure of its own ("hour" is the
# hour of its start, annotated when counting).
VALUE_FIGURES = {
    ContactFigure.EXPLOITATION: "exploitation",
    ContactFigure.REPORTER_ROLE: "reporter_role",
    ContactFigure.HOW_HEARD: "how_heard",
    ContactFigure.HOUR: "hour",
}
# The key of the transaction lock of a day: this number, and the day's ordinal; of a
# month: the next number, and the ordinal of its first day; of a week: the one after.
LOCK_CLASS = 1601
MONTH_LOCK_CLASS = 1602
WEEK_LOCK_CLASS = 1603
# A row's key: day or month, municipality, channel, disposition, figure, value.
Key = tuple[date, str, str, str, str, str]
KEY_COLUMNS = ("municipality", "channel", "disposition", "figure", "value")


def local_day(moment: datetime) -> date:
    """The day of a contact's start in the meldpunt's time zone, as ``ContactDay`` keeps it."""
    return timezone.localtime(moment).date()


def _bounds(first: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(first, datetime.min.time(), zone),
        datetime.combine(end, datetime.min.time(), zone),
    )


def _ranges(days: Iterable[date]) -> Iterator[tuple[date, date]]:
    """Runs of consecutive days as (first, day after the last)."""
    run: list[date] = []
    for day in sorted(set(days)):
        if run and day != run[-1] + timedelta(days=1):
            yield run[0], run[-1] + timedelta(days=1)
            run = []
        run.append(day)
    if run:
        yield run[0], run[-1] + timedelta(days=1)


def _count(first: date, end: date) -> Counter[Key]:
    """The rows of the days from ``first`` to before ``end``, counted from the contacts."""
    start, stop = _bounds(first, end)
    grouped = (
        Contact.objects.filter(started_at__gte=start, started_at__lt=stop)
        .annotate(day=TruncDate("started_at"), hour=ExtractHour("started_at"))
        .values_list("day", "municipality", "channel", "disposition", *VALUE_FIGURES.values())
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: Counter[Key] = Counter()
    for day, municipality, channel, disposition, *values, n in grouped:
        key = (day, municipality, channel, disposition)
        counts[(*key, ContactFigure.CONTACT, "")] += n
        for figure, value in zip(VALUE_FIGURES, values, strict=True):
            counts[(*key, figure, str(value))] += n
    return counts


def _kept(
    rows: QuerySet[ContactDay] | QuerySet[ContactWeek] | QuerySet[ContactMonth], date_field: str
) -> Counter[Key]:
    """Kept rows (of ``ContactDay``, ``ContactWeek`` or ``ContactMonth``) as keys and counts."""
    found = rows.values_list(date_field, *KEY_COLUMNS, "count")
    return Counter({(when, *key): n for when, *key, n in found})


def _write[Row: (ContactDay, ContactWeek, ContactMonth)](
    model: type[Row], date_field: str, counts: Counter[Key]
) -> int:
    """Write ``counts`` as rows of ``model``; returns the number written."""
    rows: list[Row] = [
        model(**{date_field: when}, **dict(zip(KEY_COLUMNS, key, strict=True)), count=n)
        for (when, *key), n in counts.items()
    ]
    return len(model.objects.bulk_create(rows, batch_size=5000))


def _lock(lock_class: int, ordinals: Iterable[int]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for ordinal in ordinals:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [lock_class, ordinal])


def _recount(first: date, end: date) -> int:
    _lock(LOCK_CLASS, range(first.toordinal(), end.toordinal()))
    ContactDay.objects.filter(day__gte=first, day__lt=end).delete()
    return _write(ContactDay, "day", _count(first, end))


def _next_month(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


def _months(days: Counter[Key]) -> Counter[Key]:
    """Rows per day added up per month, the hour as the hour of the week."""
    months: Counter[Key] = Counter()
    for (day, municipality, channel, disposition, figure, value), n in days.items():
        if figure == ContactFigure.HOUR:
            figure, value = ContactFigure.WEEK_HOUR, f"{day.isoweekday()}-{value}"
        months[(day.replace(day=1), municipality, channel, disposition, figure, value)] += n
    return months


def _remonth(month: date) -> int:
    """Add the month's rows up again from its days; returns the number of rows written."""
    _lock(MONTH_LOCK_CLASS, [month.toordinal()])
    ContactMonth.objects.filter(month=month).delete()
    days = ContactDay.objects.filter(day__gte=month, day__lt=_next_month(month))
    return _write(ContactMonth, "month", _months(_kept(days, "day")))


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def week_part(day: date) -> date:
    """The first day of the part of ``day``'s week in its quarter (``ContactWeek.week``):
    its Monday, or the first day of the quarter when the week began in the one before."""
    return max(day - timedelta(days=day.weekday()), _quarter_start(day))


def _week_part_end(part: date) -> date:
    """The day after the part of the week that begins on ``part``."""
    following_quarter = _quarter_start(_quarter_start(part) + timedelta(days=93))
    return min(part - timedelta(days=part.weekday()) + timedelta(days=7), following_quarter)


def _weeks(days: Counter[Key]) -> Counter[Key]:
    """Rows per day of the week figures added up per part of a week (``week_part``)."""
    weeks: Counter[Key] = Counter()
    for (day, municipality, channel, disposition, figure, value), n in days.items():
        if figure in WEEK_FIGURES:
            weeks[(week_part(day), municipality, channel, disposition, figure, value)] += n
    return weeks


def _reweek(part: date) -> int:
    """Add the part of a week up again from its days; returns the number of rows written."""
    _lock(WEEK_LOCK_CLASS, [part.toordinal()])
    ContactWeek.objects.filter(week=part).delete()
    days = ContactDay.objects.filter(
        day__gte=part, day__lt=_week_part_end(part), figure__in=WEEK_FIGURES
    )
    return _write(ContactWeek, "week", _weeks(_kept(days, "day")))


def contact_days_recount(*, days: Iterable[date]) -> None:
    """Count ``days`` again from the contacts, and add up their months and weeks again, in
    the caller's transaction."""
    counted = set(days)
    # The old rows go and the new ones come in the caller's transaction, or neither.
    with transaction.atomic(savepoint=False):
        # The audit chain's head first, as every audited transaction takes it (a new case
        # for its number): a writer that counted a day before its audit entry would
        # otherwise hold the day another writer wants while waiting for that one's head.
        lock_chain_head()
        for first, end in _ranges(counted):
            _recount(first, end)
        for month in sorted({day.replace(day=1) for day in counted}):
            _remonth(month)
        for part in sorted({week_part(day) for day in counted}):
            _reweek(part)


def _add_up_again(
    model: type[ContactWeek] | type[ContactMonth],
    date_field: str,
    start_of: Callable[[date], date],
    following: Callable[[date], date],
    add_up: Callable[[date], int],
) -> int:
    """Add up every month or part of a week (``model``) again from the rows per day, one
    per transaction, and drop those without days; returns the number of rows written."""
    found = ContactDay.objects.order_by("day").values_list("day", flat=True)
    first, last = found.first(), found.reverse().first()
    if first is None or last is None:
        model.objects.all().delete()
        return 0
    period, end = start_of(first), last + timedelta(days=1)
    model.objects.exclude(**{f"{date_field}__gte": period, f"{date_field}__lt": end}).delete()
    written = 0
    while period < end:
        with transaction.atomic():
            written += add_up(period)
        period = following(period)
    return written


def contact_weeks_rebuild() -> int:
    """Add up every week again from the rows per day (``ContactDay``), a part of a week
    per transaction; returns the number of rows written. For an install with rows per day
    from before ``ContactWeek``."""
    return _add_up_again(ContactWeek, "week", week_part, _week_part_end, _reweek)


def contact_months_rebuild() -> int:
    """Add up every month again from the rows per day (``ContactDay``), a month per
    transaction; returns the number of rows written. For an install with rows per day
    from before ``ContactMonth``."""
    return _add_up_again(
        ContactMonth, "month", lambda day: day.replace(day=1), _next_month, _remonth
    )


def contact_days_rebuild(*, with_sums: bool = True) -> int:
    """Count every day again, a month at a time, and add up its month again, then every
    week (unless ``with_sums`` is off: migration ``cases 0012``, from before
    ``ContactMonth`` and ``ContactWeek``); returns the number of rows per day written.

    For an install that has contacts from before ``ContactDay``, and as a check: the
    result is the same as the rows kept on write.
    """
    found = Contact.objects.order_by("started_at").values_list("started_at", flat=True)
    first_moment, last_moment = found.first(), found.reverse().first()
    if first_moment is None or last_moment is None:
        ContactDay.objects.all().delete()
        if with_sums:
            ContactMonth.objects.all().delete()
            ContactWeek.objects.all().delete()
        return 0
    month = local_day(first_moment).replace(day=1)
    end = local_day(last_moment) + timedelta(days=1)
    ContactDay.objects.exclude(day__gte=month, day__lt=end).delete()
    if with_sums:
        ContactMonth.objects.exclude(month__gte=month, month__lt=end).delete()
    written = 0
    while month < end:
        following = min(_next_month(month), end)
        # A month per transaction: writers wait for one month at most.
        with transaction.atomic():
            written += _recount(month, following)
            if with_sums:
                _remonth(month)
        month = following
    if with_sums:
        contact_weeks_rebuild()
    return written


@dataclass(frozen=True)
class Differing:
    """The days whose rows are not what counting their contacts gives, and the months and
    parts of weeks whose rows are not what adding up those counts gives (first days)."""

    days: list[date]
    months: list[date]
    weeks: list[date]

    def __bool__(self) -> bool:
        return bool(self.days or self.months or self.weeks)


def contact_days_differing() -> Differing:
    """The days, months and weeks whose kept rows differ from their contacts (none, when
    every writer kept them exact), compared a month at a time."""
    moments = Contact.objects.order_by("started_at").values_list("started_at", flat=True)
    kept_days = ContactDay.objects.order_by("day").values_list("day", flat=True)
    kept_months = ContactMonth.objects.order_by("month").values_list("month", flat=True)
    kept_parts = ContactWeek.objects.order_by("week").values_list("week", flat=True)
    ends = [local_day(m) for m in (moments.first(), moments.reverse().first()) if m]
    for kept_rows in (kept_days, kept_months, kept_parts):
        ends += [d for d in (kept_rows.first(), kept_rows.reverse().first()) if d]
    if not ends:
        return Differing([], [], [])
    month, end = min(ends).replace(day=1), max(ends) + timedelta(days=1)
    days: set[date] = set()
    months: set[date] = set()
    weeks: set[date] = set()
    # A part of a week can run into the next month but never into the next quarter: the
    # weeks are compared a quarter at a time.
    counted_weeks: Counter[Key] = Counter()
    while month < end:
        following = _next_month(month)
        kept = _kept(ContactDay.objects.filter(day__gte=month, day__lt=following), "day")
        counted = _count(month, following)
        days |= {key[0] for key in (kept - counted) + (counted - kept)}
        if _kept(ContactMonth.objects.filter(month=month), "month") != _months(counted):
            months.add(month)
        counted_weeks.update(_weeks(counted))
        if following == _quarter_start(following) or following >= end:
            parts = ContactWeek.objects.filter(week__gte=_quarter_start(month), week__lt=following)
            kept_weeks = _kept(parts, "week")
            weeks |= {key[0] for key in (kept_weeks - counted_weeks) + (counted_weeks - kept_weeks)}
            counted_weeks = Counter()
        month = following
    return Differing(sorted(days), sorted(months), sorted(weeks))
