"""Case numbers: year and a running number, never shared, never skipped."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, transaction

from meldpunt.audit.services import audit_deferred
from meldpunt.cases.models import Case, CaseNumberSequence
from meldpunt.cases.services import case_create, case_number_assign
from meldpunt.lib import clock
from tests.skips import requires_postgresql

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_numbers_run_on_within_a_year_and_start_again_in_a_new_one(monkeypatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 31, 23, 0, tzinfo=AMSTERDAM))
    first = case_create(by=None)
    second = case_create(by=None)
    monkeypatch.setattr(clock, "now", lambda: datetime(2027, 1, 2, 9, 0, tzinfo=AMSTERDAM))
    third = case_create(by=None)
    assert [first.number, second.number, third.number] == [
        "2026-00001",
        "2026-00002",
        "2027-00001",
    ]


@pytest.mark.django_db
def test_a_case_numbered_later_gets_the_next_number_at_the_end_of_its_transaction() -> None:
    """In between, others take numbers; the late case gets the next one, with no gap."""
    year = clock.now().year
    with transaction.atomic():
        late = case_create(by=None, number_later=True)
        assert late.number.startswith("~")
        other = case_create(by=None)
        case_number_assign(late)
    late.refresh_from_db()
    assert other.number == f"{year}-00001"
    assert late.number == f"{year}-00002"
    assert not Case.objects.filter(number__startswith="~").exists()


@pytest.mark.django_db(transaction=True)
def test_assigning_a_number_outside_the_creating_transaction_is_refused() -> None:
    late = case_create(by=None, number_later=True)
    with pytest.raises(RuntimeError):
        case_number_assign(late)


@pytest.mark.django_db(transaction=True)
@requires_postgresql("row locks")
def test_a_long_transaction_does_not_hold_up_other_cases() -> None:
    """While a web report's transaction is still busy (numbered later, its audit entries
    held back as report_submit does), another case is created, numbered and committed;
    the busy one then gets the next number."""
    busy_created = threading.Event()
    other_done = threading.Event()
    seen: dict[str, object] = {}

    def busy() -> None:
        try:
            with transaction.atomic(), audit_deferred():
                case = case_create(by=None, number_later=True)
                busy_created.set()
                seen["other_finished_meanwhile"] = other_done.wait(timeout=10)
                case_number_assign(case)
        finally:
            connection.close()

    def other() -> None:
        try:
            busy_created.wait(timeout=10)
            seen["other"] = case_create(by=None).number
            other_done.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=busy), threading.Thread(target=other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    year = clock.now().year
    assert seen["other_finished_meanwhile"] is True
    assert seen["other"] == f"{year}-00001"
    assert sorted(Case.objects.values_list("number", flat=True)) == [
        f"{year}-00001",
        f"{year}-00002",
    ]


@pytest.mark.django_db(transaction=True)
@requires_postgresql("concurrent writers")
def test_concurrent_intakes_never_share_or_skip_a_number() -> None:
    """Eight writers at once, from the year's very first case on: 40 numbers, 1 to 40.
    Half of them number their cases at the end of the transaction, as a web report does."""
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def writer(late: bool) -> None:
        try:
            start.wait(timeout=10)
            for _ in range(5):
                with transaction.atomic():
                    case = case_create(by=None, number_later=late)
                    if late:
                        case_number_assign(case)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n % 2 == 0,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    year = clock.now().year
    numbers = sorted(Case.objects.values_list("number", flat=True))
    assert numbers == [f"{year}-{n:05d}" for n in range(1, 41)]


@pytest.mark.django_db
def test_a_number_past_99999_keeps_all_its_digits() -> None:
    """Five digits is the least, not the most: the 100,000th case is 2026-100000."""
    year = clock.now().year
    case_create(by=None)
    CaseNumberSequence.objects.filter(year=year).update(last=99_999)
    with transaction.atomic():
        late = case_create(by=None, number_later=True)
        case_number_assign(late)
    late.refresh_from_db()
    assert late.number == f"{year}-100000"
