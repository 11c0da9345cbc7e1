"""Keeping ``ContactDay`` exact: the contacts of a day counted again from the contacts.

Every write that makes a contact or changes one of its plain columns calls
``contact_days_recount`` in its own transaction, with the days before and after the
change, so the counts commit (or roll back) together with the contact. Counting a whole
day again, instead of adding one, leaves nothing to get wrong on an edit. On PostgreSQL a
transaction lock per day makes two writers of one day count one after the other, so the
second sees the first's contact; SQLite writes one transaction at a time anyway.

The months of those days (``ContactMonth``) are then added up again from their days, in
the same transaction, under a transaction lock per month taken after the days' locks. All
of them come after the audit chain's head, which every audited write takes.

The purge empties only encrypted content and keeps these columns, so it changes no count.
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractHour, TruncDate
from django.utils import timezone

from meldpunt.audit.chain import lock_chain_head
from meldpunt.cases.models import Contact, ContactDay, ContactFigure, ContactMonth

# The columns of a contact counted per value, each as a figure of its own ("hour" is the
# hour of its start, annotated when counting).
VALUE_FIGURES = {
    ContactFigure.EXPLOITATION: "exploitation",
    ContactFigure.REPORTER_ROLE: "reporter_role",
    ContactFigure.HOW_HEARD: "how_heard",
    ContactFigure.HOUR: "hour",
}
# The key of the transaction lock of a day: this number, and the day's ordinal; of a
# month: the next number, and the ordinal of its first day.
LOCK_CLASS = 1601
MONTH_LOCK_CLASS = 1602
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


def _kept(rows: QuerySet[ContactDay] | QuerySet[ContactMonth], date_field: str) -> Counter[Key]:
    """Kept rows (of ``ContactDay`` or ``ContactMonth``) as keys and counts."""
    found = rows.values_list(date_field, *KEY_COLUMNS, "count")
    return Counter({(when, *key): n for when, *key, n in found})


def _write[Row: (ContactDay, ContactMonth)](
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


def contact_days_recount(*, days: Iterable[date]) -> None:
    """Count ``days`` again from the contacts, and add up their months again, in the
    caller's transaction."""
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


def contact_months_rebuild() -> int:
    """Add up every month again from the rows per day (``ContactDay``), a month per
    transaction; returns the number of rows written. For an install with rows per day
    from before ``ContactMonth``."""
    found = ContactDay.objects.order_by("day").values_list("day", flat=True)
    first, last = found.first(), found.reverse().first()
    if first is None or last is None:
        ContactMonth.objects.all().delete()
        return 0
    month, end = first.replace(day=1), last + timedelta(days=1)
    ContactMonth.objects.exclude(month__gte=month, month__lt=end).delete()
    written = 0
    while month < end:
        with transaction.atomic():
            written += _remonth(month)
        month = _next_month(month)
    return written


def contact_days_rebuild(*, with_months: bool = True) -> int:
    """Count every day again, a month at a time, and add up its month again (unless
    ``with_months`` is off: migration ``cases 0012``, from before ``ContactMonth``);
    returns the number of rows per day written.

    For an install that has contacts from before ``ContactDay``, and as a check: the
    result is the same as the rows kept on write.
    """
    found = Contact.objects.order_by("started_at").values_list("started_at", flat=True)
    first_moment, last_moment = found.first(), found.reverse().first()
    if first_moment is None or last_moment is None:
        ContactDay.objects.all().delete()
        if with_months:
            ContactMonth.objects.all().delete()
        return 0
    month = local_day(first_moment).replace(day=1)
    end = local_day(last_moment) + timedelta(days=1)
    ContactDay.objects.exclude(day__gte=month, day__lt=end).delete()
    if with_months:
        ContactMonth.objects.exclude(month__gte=month, month__lt=end).delete()
    written = 0
    while month < end:
        following = min(_next_month(month), end)
        # A month per transaction: writers wait for one month at most.
        with transaction.atomic():
            written += _recount(month, following)
            if with_months:
                _remonth(month)
        month = following
    return written


@dataclass(frozen=True)
class Differing:
    """The days whose rows are not what counting their contacts gives, and the months
    whose rows are not what adding up those counts gives (first days)."""

    days: list[date]
    months: list[date]

    def __bool__(self) -> bool:
        return bool(self.days or self.months)


def contact_days_differing() -> Differing:
    """The days and months whose kept rows differ from their contacts (none, when every
    writer kept them exact), compared a month at a time."""
    moments = Contact.objects.order_by("started_at").values_list("started_at", flat=True)
    kept_days = ContactDay.objects.order_by("day").values_list("day", flat=True)
    kept_months = ContactMonth.objects.order_by("month").values_list("month", flat=True)
    ends = [local_day(m) for m in (moments.first(), moments.reverse().first()) if m]
    ends += [d for d in (kept_days.first(), kept_days.reverse().first()) if d]
    ends += [d for d in (kept_months.first(), kept_months.reverse().first()) if d]
    if not ends:
        return Differing([], [])
    month, end = min(ends).replace(day=1), max(ends) + timedelta(days=1)
    days: set[date] = set()
    months: set[date] = set()
    while month < end:
        following = _next_month(month)
        kept = _kept(ContactDay.objects.filter(day__gte=month, day__lt=following), "day")
        counted = _count(month, following)
        days |= {key[0] for key in (kept - counted) + (counted - kept)}
        if _kept(ContactMonth.objects.filter(month=month), "month") != _months(counted):
            months.add(month)
        month = following
    return Differing(sorted(days), sorted(months))
