"""Scheduled jobs: one run at a time (a second run at once exits cleanly, on PostgreSQL and
on SQLite), the last successful run recorded, the scheduler runs every job, and only
administrators see the record in the admin."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.lib import clock
from meldpunt.lib.jobs import JobBusy, advisory_key, job_lock, job_overdue
from meldpunt.lib.models import JobRun
from meldpunt.reports.models import ReportDraft

pytestmark = pytest.mark.django_db
LIST = "/beheer/meldpunt_lib/jobrun/"


def run(name: str) -> str:
    out = StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


@contextmanager
def held_elsewhere(name: str) -> Iterator[None]:
    """The job's lock, held by another thread with its own database connection (on
    SQLite: its own file handle) until the block ends: a second run at the same time."""
    taken = threading.Event()
    done = threading.Event()
    failed: list[BaseException] = []

    def hold() -> None:
        try:
            with job_lock(name):
                taken.set()
                done.wait(30)
        except BaseException as exc:  # reported to the test below
            failed.append(exc)
            taken.set()
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(30)
    assert not failed, failed
    try:
        yield
    finally:
        done.set()
        thread.join(30)


@pytest.mark.parametrize("name", sorted(django_settings.MELDPUNT_JOBS))
def test_a_successful_run_is_recorded(name: str) -> None:
    before = clock.now()
    run(name)
    record = JobRun.objects.get(name=name)
    assert record.last_success_at is not None
    assert record.last_success_at >= before
    assert record.last_duration_seconds is not None
    assert record.last_outcome
    assert not job_overdue(record)


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("chat_expire", "Another chat_expire is running; nothing done."),
        ("purge", "Another purge is running; nothing done."),
        ("clearsessions", "Another clearsessions is running; nothing done."),
    ],
)
def test_a_second_run_at_the_same_time_exits_cleanly_and_records_nothing(
    name: str, says: str
) -> None:
    """While one run holds the job's lock (another connection, another file handle), a
    second one says so, changes nothing and is not recorded; afterwards it runs."""
    ReportDraft.objects.create(
        token="old", created_at=clock.now() - timedelta(days=2), expires_at=clock.now()
    )
    with held_elsewhere(name):
        assert says in run(name)
        with pytest.raises(JobBusy), job_lock(name):
            pass
    assert not JobRun.objects.filter(name=name, last_success_at__isnull=False).exists()
    if name == "purge":
        assert ReportDraft.objects.exists()
    run(name)
    assert JobRun.objects.get(name=name).last_success_at is not None
    if name == "purge":
        assert not ReportDraft.objects.exists()


def test_different_jobs_do_not_block_each_other() -> None:
    with held_elsewhere("purge"):
        assert "chat(s) ended" in run("chat_expire")


def test_a_job_s_lock_is_free_again_after_a_run() -> None:
    run("chat_expire")
    with job_lock("chat_expire"):
        pass


def test_the_purge_keeps_its_advisory_lock_key() -> None:
    """'purge' in ASCII, as before the job locks: an old and a new purge exclude each other."""
    assert advisory_key("purge") == 0x7075726765
    assert advisory_key("chat_expire") != advisory_key("clearsessions")


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_runs_every_job_once() -> None:
    """As in production, outside a transaction: it closes stale connections between jobs."""
    out = StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert "chat(s) ended" in out.getvalue()
    recorded = JobRun.objects.filter(last_success_at__isnull=False)
    assert set(recorded.values_list("name", flat=True)) == set(django_settings.MELDPUNT_JOBS)


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_once_fails_when_a_job_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check with ``--once`` (the drills, a compose health check) must see a failed job
    in the exit code: the other jobs still run, then it stops with the failed names."""
    monkeypatch.setattr(
        django_settings, "MELDPUNT_JOBS", {"no_such_job": 60, **django_settings.MELDPUNT_JOBS}
    )
    out = StringIO()
    with pytest.raises(CommandError, match="no_such_job"):
        call_command("scheduler", "--once", stdout=out)
    assert "chat(s) ended" in out.getvalue()


def test_a_job_not_run_for_twice_its_interval_is_overdue() -> None:
    record = JobRun(name="chat_expire")
    assert job_overdue(record)
    record.last_success_at = clock.now() - timedelta(minutes=9)
    assert not job_overdue(record)
    record.last_success_at = clock.now() - timedelta(minutes=11)
    assert job_overdue(record)


def test_administrators_see_the_last_runs(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    run("purge")
    client = verified_client(administrator)
    page = client.get(LIST).content.decode()
    assert "chat_expire" in page
    assert "purge" in page
    assert "removed" in page
    record = JobRun.objects.get(name="purge")
    assert client.get(f"{LIST}add/").status_code == 403
    assert client.post(f"{LIST}{record.pk}/delete/", {"post": "yes"}).status_code == 403
    assert JobRun.objects.filter(name="purge").exists()


@pytest.mark.parametrize("role", ["advisor", "coordinator", "analyst", "municipality_viewer"])
def test_only_administrators_see_the_jobs(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    response = verified_client(request.getfixturevalue(role)).get(LIST, follow=True)
    assert response.status_code == 403


def _metric(body: str, name: str, job: str) -> float | None:
    prefix = f'{name}{{job="{job}"}} '
    for line in body.splitlines():
        if line.startswith(prefix):
            return float(line.removeprefix(prefix))
    return None


def test_the_last_runs_are_in_the_metrics(settings) -> None:  # type: ignore[no-untyped-def]
    """/metrics gives each scheduled job's last success and last failure as Unix time (0
    while there was none) and the last run's duration."""
    settings.MELDPUNT_METRICS_TOKEN = "job-metrics-token-0123456789"
    scrape = Client(HTTP_AUTHORIZATION="Bearer job-metrics-token-0123456789")
    run("purge")
    record = JobRun.objects.get(name="purge")
    assert record.last_success_at is not None
    body = scrape.get("/metrics").content.decode()
    success = _metric(body, "meldpunt_job_last_success_timestamp_seconds", "purge")
    assert success == pytest.approx(record.last_success_at.timestamp(), abs=0.001)
    assert _metric(body, "meldpunt_job_last_failure_timestamp_seconds", "purge") == 0
    assert _metric(body, "meldpunt_job_last_duration_seconds", "purge") is not None
    assert _metric(body, "meldpunt_job_last_success_timestamp_seconds", "clearsessions") == 0
    assert "# TYPE meldpunt_job_last_success_timestamp_seconds gauge" in body
