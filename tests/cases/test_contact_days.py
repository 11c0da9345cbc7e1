"""ContactDay: the statistics' contacts per day stay exactly what the contacts give, through
every write, with their sums per month (ContactMonth) and per part of a week
(ContactWeek), and the rebuild command counts them again or checks them."""

import io
import random
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from meldpunt.accounts.models import User
from meldpunt.audit.chain import lock_chain_head
from meldpunt.audit.services import audit_record
from meldpunt.cases.contact_days import (
    contact_days_differing,
    contact_days_rebuild,
    contact_days_recount,
    contact_months_rebuild,
    contact_weeks_rebuild,
    local_day,
)
from meldpunt.cases.intake.services import quick_contact_record
from meldpunt.cases.models import (
    Area,
    Case,
    Channel,
    Contact,
    ContactDay,
    ContactFigure,
    ContactMonth,
    ContactWeek,
    Disposition,
    Exploitation,
    HowHeard,
    ReporterRole,
)
from meldpunt.cases.services import case_create, contact_add
from tests.cases.conftest import all_at_once
from tests.skips import requires_postgresql

pytestmark = pytest.mark.django_db(transaction=False)

START = datetime(2026, 3, 28, 20, 0, tzinfo=UTC)  # the weekend the clocks go forward


def kept() -> dict[tuple[object, ...], int]:
    return {
        (row.day, row.municipality, row.channel, row.disposition, row.figure, row.value): (
            row.count
        )
        for row in ContactDay.objects.all()
    }


def kept_months() -> dict[tuple[object, ...], int]:
    return {
        (row.month, row.municipality, row.channel, row.disposition, row.figure, row.value): (
            row.count
        )
        for row in ContactMonth.objects.all()
    }


def kept_weeks() -> dict[tuple[object, ...], int]:
    return {
        (row.week, row.municipality, row.channel, row.disposition, row.figure, row.value): (
            row.count
        )
        for row in ContactWeek.objects.all()
    }


def _moment(rng: random.Random) -> datetime:
    """Around local midnight, a change of summer time and the end of a month, where days
    and months are easy to get wrong."""
    return START + timedelta(minutes=rng.randrange(0, 5 * 24 * 60, 7))


def _write(rng: random.Random, advisor: User, cases: list[Case]) -> None:
    step = rng.choice(["contact", "contact", "quick", "edit", "fail"])
    if step == "quick" or not cases:
        quick_contact_record(
            by=advisor,
            disposition=rng.choice([Disposition.SILENT, Disposition.TEST, Disposition.HANG_UP]),
            started_at=_moment(rng),
            duration_seconds=None,
        )
    elif step == "contact":
        contact_add(
            case=rng.choice(cases),
            by=advisor,
            channel=rng.choice(Channel.values),
            started_at=_moment(rng),
            disposition=rng.choice(Disposition.values),
            municipality=rng.choice(Area.values),
            exploitation=rng.choice(Exploitation.values),
            reporter_role=rng.choice(ReporterRole.values),
            how_heard=rng.choice(HowHeard.values),
        )
    elif step == "edit":
        contact = rng.choice(list(Contact.objects.all()))
        before = local_day(contact.started_at)
        contact.started_at = _moment(rng)
        contact.how_heard = rng.choice(HowHeard.values)
        contact.save(update_fields=["started_at", "how_heard"])
        contact_days_recount(days=[before, local_day(contact.started_at)])
    else:
        # A write that fails takes its counts back with it.
        with pytest.raises(RuntimeError), transaction.atomic():
            contact_add(case=rng.choice(cases), by=advisor, channel=Channel.CHAT)
            raise RuntimeError


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_run_of_writes_keeps_the_counts_equal_to_the_contacts(seed, advisor) -> None:
    """After creates, quick calls, edits and rolled-back writes in random order, the rows
    and the rows per month are what counting every contact again gives."""
    rng = random.Random(seed)
    cases = [case_create(by=advisor, kind="advies") for _ in range(3)]
    for _ in range(40):
        _write(rng, advisor, cases)
    assert not contact_days_differing()
    written, written_months, written_weeks = kept(), kept_months(), kept_weeks()
    contact_days_rebuild()
    assert kept() == written
    assert kept_months() == written_months
    assert kept_weeks() == written_weeks
    for rows in (written, written_months, written_weeks):
        assert sum(n for key, n in rows.items() if key[4] == ContactFigure.CONTACT) == (
            Contact.objects.count()
        )
    assert {key[0] for key in written_months} == {date(2026, 3, 1), date(2026, 4, 1)}
    # Saturday 28 March is in the week of Monday 23 March; the week of Monday 30 March
    # runs into the second quarter on Wednesday 1 April: two parts.
    assert {key[0] for key in written_weeks} == {
        date(2026, 3, 23),
        date(2026, 3, 30),
        date(2026, 4, 1),
    }
    assert {key[4] for key in written_weeks} == {ContactFigure.CONTACT, ContactFigure.HOW_HEARD}


def test_a_contact_counts_on_its_day_hour_and_month_in_dutch_time(advisor) -> None:
    """A call at 23:30 in the Netherlands on Wednesday 31 December (22:30 UTC) counts on
    that day, in hour 23, and in December on Wednesday hour 23 (the months keep the hour of
    the week instead of the hour), once per figure."""
    case = case_create(by=advisor, kind="advies")
    moment = datetime(2025, 12, 31, 22, 30, tzinfo=UTC)
    contact_add(case=case, by=advisor, channel=Channel.PHONE, started_at=moment, how_heard="flyer")
    days = {(r.figure, r.value): (r.day.isoformat(), r.count) for r in ContactDay.objects.all()}
    months = {
        (r.figure, r.value): (r.month.isoformat(), r.count) for r in ContactMonth.objects.all()
    }
    assert days[(ContactFigure.HOUR, "23")] == ("2025-12-31", 1)
    assert months[(ContactFigure.WEEK_HOUR, "3-23")] == ("2025-12-01", 1)
    for rows, first in ((days, "2025-12-31"), (months, "2025-12-01")):
        assert rows[(ContactFigure.HOW_HEARD, "flyer")] == (first, 1)
        assert rows[(ContactFigure.CONTACT, "")] == (first, 1)
        assert len(rows) == len(ContactFigure.values) - 1
    weeks = {(r.figure, r.value): (r.week.isoformat(), r.count) for r in ContactWeek.objects.all()}
    assert weeks == {
        (ContactFigure.CONTACT, ""): ("2025-12-29", 1),
        (ContactFigure.HOW_HEARD, "flyer"): ("2025-12-29", 1),
    }


def test_the_check_finds_a_change_that_went_around_the_count_and_the_rebuild_mends_it(
    advisor,
) -> None:
    """A bulk update that skipped the recount is named by --check; the rebuild fixes it."""
    case = case_create(by=advisor, kind="advies")
    contact_add(case=case, by=advisor, channel=Channel.PHONE, started_at=START)
    out = io.StringIO()
    call_command("contact_days_rebuild", "--check", stdout=out)
    assert "match" in out.getvalue()

    Contact.objects.update(channel=Channel.CHAT)
    with pytest.raises(CommandError, match="1 days differ from their contacts: 2026-03-28"):
        call_command("contact_days_rebuild", "--check")

    call_command("contact_days_rebuild", stdout=out)
    call_command("contact_days_rebuild", "--check", stdout=out)
    assert ContactDay.objects.get(figure=ContactFigure.CONTACT).channel == Channel.CHAT
    assert ContactMonth.objects.get(figure=ContactFigure.CONTACT).channel == Channel.CHAT


def test_the_check_finds_a_month_that_differs_from_its_days_and_the_rebuild_mends_it(
    advisor,
) -> None:
    """A month row changed behind the writers' back is named by --check, though every day
    is right; the rebuild adds the month up again."""
    case = case_create(by=advisor, kind="advies")
    contact_add(case=case, by=advisor, channel=Channel.PHONE, started_at=START)
    ContactMonth.objects.filter(figure=ContactFigure.CONTACT).update(count=2)
    with pytest.raises(CommandError, match=r"0 days .*; 1 months differ .*: 2026-03"):
        call_command("contact_days_rebuild", "--check")

    call_command("contact_days_rebuild", stdout=io.StringIO())
    assert not contact_days_differing()
    assert ContactMonth.objects.get(figure=ContactFigure.CONTACT).count == 1


def test_the_check_finds_a_week_that_differs_from_its_days_and_the_rebuild_mends_it(
    advisor,
) -> None:
    """A row per week changed behind the writers' back is named by --check."""
    case = case_create(by=advisor, kind="advies")
    contact_add(case=case, by=advisor, channel=Channel.PHONE, started_at=START)
    ContactWeek.objects.filter(figure=ContactFigure.CONTACT).update(count=2)
    with pytest.raises(CommandError, match=r"1 weeks differ .*: 2026-03-23"):
        call_command("contact_days_rebuild", "--check")

    call_command("contact_days_rebuild", stdout=io.StringIO())
    assert not contact_days_differing()
    assert ContactWeek.objects.get(figure=ContactFigure.CONTACT).count == 1


@pytest.mark.parametrize(
    ("model", "rebuild", "stray", "added_up"),
    [
        # Migration ``cases 0014``: the months.
        (
            ContactMonth,
            contact_months_rebuild,
            date(2020, 1, 1),
            [date(2026, 3, 1), date(2026, 5, 1)],
        ),
        # Migration ``cases 0017``: the weeks, the one of 30 March in two parts.
        (
            ContactWeek,
            contact_weeks_rebuild,
            date(2020, 1, 6),
            [date(2026, 3, 23), date(2026, 3, 30), date(2026, 5, 4)],
        ),
    ],
)
def test_the_sums_are_added_up_from_the_days_kept_before_them(
    advisor, model, rebuild, stray: date, added_up: list[date]
) -> None:
    """An install with rows per day from before ``ContactMonth`` or ``ContactWeek``:
    adding up the days gives the rows the writers keep, and drops a month or week without
    days."""
    case = case_create(by=advisor, kind="advies")
    for days in (0, 3, 40):
        contact_add(case=case, by=advisor, channel=Channel.CHAT, started_at=START + timedelta(days))
    field = "month" if model is ContactMonth else "week"
    written = kept_months() if model is ContactMonth else kept_weeks()
    model.objects.all().delete()
    model.objects.create(
        **{field: stray},
        municipality=Area.URK,
        channel=Channel.PHONE,
        disposition=Disposition.COMPLETED,
        figure=ContactFigure.CONTACT,
        count=1,
    )
    assert getattr(contact_days_differing(), f"{field}s") == [stray, *added_up]
    assert rebuild() == len(written)
    assert (kept_months() if model is ContactMonth else kept_weeks()) == written
    assert not contact_days_differing()


def test_a_rebuild_of_nothing_leaves_nothing() -> None:
    """Without contacts the rebuild removes every row and writes none."""
    ContactDay.objects.create(
        day=START.date(),
        municipality=Area.URK,
        channel=Channel.PHONE,
        disposition=Disposition.COMPLETED,
        figure=ContactFigure.CONTACT,
        count=1,
    )
    assert contact_days_differing().days == [START.date()]
    assert contact_days_rebuild() == 0
    assert not ContactDay.objects.exists()
    assert not ContactMonth.objects.exists()
    assert not ContactWeek.objects.exists()


def _eight_writers_at_once(advisor: User, moment: Callable[[int, int], datetime]) -> None:
    """Eight threads each add five contacts, writer ``n``'s ``minute``-th at ``moment(n,
    minute)``, all starting together; fails on any writer's error."""
    case = case_create(by=advisor, kind="advies")

    def writer(n: int) -> None:
        for minute in range(5):
            contact_add(case=case, by=advisor, channel=Channel.PHONE, started_at=moment(n, minute))

    all_at_once(writer)


@pytest.mark.django_db(transaction=True)
@requires_postgresql("concurrent writers")
def test_writers_of_one_day_at_once_all_count(advisor) -> None:
    """Eight writers add contacts on the same day at the same time: every one is counted
    once (each counts the day after the one before it has committed)."""
    _eight_writers_at_once(advisor, lambda n, minute: START + timedelta(minutes=10 * n + minute))
    assert ContactDay.objects.get(figure=ContactFigure.CONTACT).count == 40
    assert not contact_days_differing()


@pytest.mark.django_db(transaction=True)
@requires_postgresql("concurrent writers")
def test_writers_of_one_month_on_different_days_at_once_all_count(advisor) -> None:
    """Eight writers add contacts on eight days of one month at the same time: the month
    counts every one once (each adds the month up after the one before it has committed)."""
    _eight_writers_at_once(
        advisor, lambda n, minute: datetime(2026, 5, 2 + 3 * n, 10, minute, tzinfo=UTC)
    )
    assert ContactMonth.objects.get(figure=ContactFigure.CONTACT).count == 40
    assert not contact_days_differing()


@pytest.mark.django_db(transaction=True)
@requires_postgresql("concurrent writers")
def test_a_contact_on_an_existing_case_and_a_new_case_at_once_never_deadlock(advisor) -> None:
    """A message added to an existing case counts its day, then writes its audit entry;
    a new case takes the audit chain's head first (its number), then counts the day of its
    first contact. Both at once on one day: the count takes the head first too, so the
    second waits for the first instead of each holding what the other wants (PostgreSQL
    would end one of them: "deadlock detected")."""
    counted, head_taken = threading.Event(), threading.Event()

    def writer(n: int) -> None:
        if n == 0:  # contact_add on an existing case: the count, then the audit entry
            with transaction.atomic():
                contact_days_recount(days=[START.date()])
                counted.set()
                # Where the head is free, the other writer takes it meanwhile.
                head_taken.wait(timeout=2)
                audit_record(actor=advisor, action="contact.create")
        else:  # case_create and its first contact: the head, then the count
            counted.wait(timeout=10)
            with transaction.atomic():
                lock_chain_head()
                head_taken.set()
                contact_days_recount(days=[START.date()])

    all_at_once(writer, writers=2)
