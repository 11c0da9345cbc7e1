"""Keeping ``CaseMonth`` exact: a case's rows before a write lose one, its rows after gain one.

Every write that makes a case or changes a column the case figures read (municipality,
kind, urgency, the closing, the assessment, the first response, a web-report contact)
reads the case's rows with ``case_months_before`` first, under the case's row lock, and
calls ``case_months_after`` once the case is saved, in the same transaction; the counts
then commit or roll back with the case. The row lock makes two writers of one case
take their turns, so each moves the rows the other left; the rows themselves change after
the audit chain's head is locked, which every case writer takes anyway, so two writers
of one month never wait for each other in a circle. SQLite writes one transaction at a
time anyway.

Which rows a case has is ``case_rows``: one function, so the counts on write, the
rebuild and the check agree. The purge keeps every column read here, so it changes no
row.
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from itertools import batched
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone

from meldpunt.audit.chain import lock_chain_head
from meldpunt.cases.models import (
    Case,
    CaseFigure,
    CaseKind,
    CaseMonth,
    Channel,
    Contact,
)
from meldpunt.lib.workdays import add_working_days

# A report is assessed in time when its conclusion is dated at most this many working days
# after the day it was made (docs/STATISTICS.md, "assessed-in-time").
ASSESSMENT_WORKING_DAYS = 5
# The values of ``CaseFigure.ASSESSMENT``.
IN_TIME, LATE, PENDING = "in_time", "late", "pending"
# A row's key: month, municipality, figure, value.
Key = tuple[date, str, str, str]
# A case numbered last in its transaction (a web report) has a provisional number until
# then, and counts from when it is numbered (``cases.services.case_number_assign``).
PROVISIONAL_NUMBER_PREFIX = "~"
COLUMNS = (
    "number",
    "created_at",
    "closed_at",
    "municipality",
    "kind",
    "urgency",
    "closing_reason",
    "assessed_at",
    "responded_at",
)


def _month(moment: datetime) -> date:
    return timezone.localtime(moment).date().replace(day=1)


def response_hours(wait: timedelta) -> float:
    """A wait in hours, rounded to a tenth as the dashboard shows it. Rounding keeps the
    order, so the median of the rounded waits is the rounded median."""
    return round(wait / timedelta(hours=1), 1)


def assessment_value(created_at: datetime, assessed_at: datetime | None) -> str:
    if assessed_at is None:
        return PENDING
    made = timezone.localtime(created_at).date()
    deadline = add_working_days(made, ASSESSMENT_WORKING_DAYS)
    return IN_TIME if timezone.localtime(assessed_at).date() <= deadline else LATE


def case_rows(row: dict[str, Any] | None) -> Counter[Key]:
    """The rows a case counts in, from its ``COLUMNS`` and ``web_report`` (whether it has
    a web-report contact); none for no case or one with a provisional number."""
    if row is None or row["number"].startswith(PROVISIONAL_NUMBER_PREFIX):
        return Counter()
    area = row["municipality"]
    made = _month(row["created_at"])
    rows: Counter[Key] = Counter(
        {
            (made, area, CaseFigure.KIND, row["kind"]): 1,
            (made, area, CaseFigure.URGENCY, row["urgency"]): 1,
        }
    )
    if row["closed_at"] is not None and row["closing_reason"]:
        rows[(_month(row["closed_at"]), area, CaseFigure.OUTCOME, row["closing_reason"])] += 1
    if row["kind"] == CaseKind.REPORT:
        value = assessment_value(row["created_at"], row["assessed_at"])
        rows[(made, area, CaseFigure.ASSESSMENT, value)] += 1
    if row["web_report"]:
        responded = row["responded_at"]
        hours = "" if responded is None else str(response_hours(responded - row["created_at"]))
        rows[(made, area, CaseFigure.RESPONSE, hours)] += 1
    return rows


def _with_columns(cases: QuerySet[Case]) -> QuerySet[Case, dict[str, Any]]:
    web_report = Contact.objects.filter(case=OuterRef("pk"), channel=Channel.WEB_REPORT)
    rows: QuerySet[Case, dict[str, Any]] = cases.annotate(web_report=Exists(web_report)).values(
        *COLUMNS, "web_report"
    )
    return rows


def case_months_before(case_id: int) -> Counter[Key]:
    """The case's rows now, read under its row lock (held until the caller's commit)."""
    return case_rows(_with_columns(Case.objects.select_for_update().filter(pk=case_id)).first())


def case_months_after(case_id: int, before: Counter[Key]) -> None:
    """Move the case's counts from its rows ``before`` to its rows now, in the order of
    their keys, additions and subtractions alike."""
    after = case_rows(_with_columns(Case.objects.filter(pk=case_id)).first())
    if after == before:
        return
    # Every case writer is audited: the chain's head first, as case numbering takes it
    # before its counter, so no writer holds a row here while it waits for the head.
    lock_chain_head()
    for key in sorted(set(before) | set(after)):
        change = after[key] - before[key]
        if change > 0:
            _add(key, change)
        elif change < 0:
            _take(key, -change)


def _add(key: Key, n: int) -> None:
    table = connection.ops.quote_name(CaseMonth._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (month, municipality, figure, value, count) "  # noqa: S608 - the model's table
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (figure, month, municipality, value) "
            f"DO UPDATE SET count = {table}.count + excluded.count",
            [*key, n],
        )


def _take(key: Key, n: int) -> None:
    month, municipality, figure, value = key
    found = CaseMonth.objects.filter(
        month=month, municipality=municipality, figure=figure, value=value
    )
    # The last ones go with their row; otherwise the count goes down.
    if not found.filter(count=n).delete()[0]:
        found.update(count=F("count") - n)


def case_months_counted(cases: QuerySet[Case]) -> Counter[Key]:
    """The rows of ``cases``, counted from the cases."""
    counts: Counter[Key] = Counter()
    for row in _with_columns(cases.order_by()).iterator(chunk_size=2000):
        counts.update(case_rows(row))
    return counts


def _kept() -> Counter[Key]:
    found = CaseMonth.objects.values_list("month", "municipality", "figure", "value", "count")
    return Counter({(month, area, figure, value): n for month, area, figure, value, n in found})


def case_months_rebuild() -> int:
    """Count every case again into ``CaseMonth`` in one transaction; returns the number of
    rows written. For an install with cases from before the table."""
    with transaction.atomic():
        # Writers wait at the chain's head before they change a row (``case_months_after``),
        # so none changes one while the cases are counted.
        lock_chain_head()
        CaseMonth.objects.all().delete()
        counts = case_months_counted(Case.objects.all())
        rows = (
            CaseMonth(month=month, municipality=area, figure=figure, value=value, count=n)
            for (month, area, figure, value), n in counts.items()
        )
        written = 0
        for batch in batched(rows, 5000):
            written += len(CaseMonth.objects.bulk_create(batch))
    return written


def case_months_differing() -> list[Key]:
    """The kept rows that differ from counting the cases again (none, when every writer
    kept them exact)."""
    kept, counted = _kept(), case_months_counted(Case.objects.all())
    return sorted(set((kept - counted) + (counted - kept)))


@contextmanager
def case_months_kept(case_id: int) -> Iterator[None]:
    """Around a write of the case's columns, in the writer's transaction: its counts move
    from its rows before to its rows after."""
    # The counts move in the write's transaction, or not at all.
    with transaction.atomic(savepoint=False):
        before = case_months_before(case_id)
        yield
        case_months_after(case_id, before)
