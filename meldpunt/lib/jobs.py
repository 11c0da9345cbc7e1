"""Scheduled jobs: one run at a time per job, and the last successful run of each recorded.

The jobs themselves are management commands (``chat_expire``, ``purge_drafts``,
``purge``); systemd timers or the ``scheduler`` command start them (docs/DEPLOYMENT.md,
"Scheduled jobs"). Each job is idempotent, and two runs at the same time are kept apart:

- On PostgreSQL by a session advisory lock, keyed by the job's name. It belongs to the
  database connection, so a run that dies (killed, machine gone) frees it at once.
- On SQLite, which lives on one machine, by an exclusive ``flock`` on a file next to the
  database file; the kernel frees it when the process ends, however it ends.

The second run does not wait: it says so and exits cleanly (status 0), and the next
timer tick runs the job again. The record (``JobRun``) holds times, a duration and
short outcomes with counts only, never content; administrators see it in the admin, and
/metrics gives the last success and failure of each job (``job_samples``).
"""

import fcntl
import hashlib
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection

from meldpunt.lib import clock
from meldpunt.lib.metrics import Sample
from meldpunt.lib.models import JobRun

logger = logging.getLogger(__name__)


class JobBusy(Exception):
    """Another run of the same job holds its lock."""


def advisory_key(name: str) -> int:
    """The job's PostgreSQL advisory lock key: its name in ASCII when it fits in a signed
    64-bit number (so "purge" keeps the key it always had), else a hash of it."""
    raw = name.encode("ascii")
    if len(raw) < 8:
        return int.from_bytes(raw, "big")
    return int.from_bytes(hashlib.sha256(raw).digest()[:8], "big", signed=True)


def _lock_file(name: str) -> Path:
    database = str(connection.settings_dict["NAME"])
    if database == ":memory:" or "mode=memory" in database or database.startswith("file:"):
        # A database in memory is seen by this process only.
        return Path(tempfile.gettempdir()) / f"meldpunt-{os.getpid()}-{name}.lock"
    return Path(f"{database}.job-{name}.lock")


@contextmanager
def job_lock(name: str) -> Iterator[None]:
    """Hold the job's lock for the block; raises ``JobBusy`` at once if another run has it."""
    if connection.vendor == "postgresql":
        key = advisory_key(name)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            if not cursor.fetchone()[0]:
                raise JobBusy(name)
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    path = _lock_file(name)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise JobBusy(name) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class JobTimer:
    """When a run started, for its record."""

    started_at: datetime
    started: float


def job_started() -> JobTimer:
    return JobTimer(started_at=clock.now(), started=time.monotonic())


def job_succeeded(name: str, timer: JobTimer, outcome: str) -> JobRun:
    """Record a successful run of ``name``; ``outcome`` is a short line with counts only."""
    run, _created = JobRun.objects.update_or_create(
        name=name,
        defaults={
            "last_success_at": timer.started_at,
            "last_duration_seconds": round(time.monotonic() - timer.started, 3),
            "last_outcome": outcome[: JobRun._meta.get_field("last_outcome").max_length or 200],
        },
    )
    return run


def job_failed(name: str, timer: JobTimer, outcome: str) -> JobRun:
    """Record a failed run of ``name`` and log it; ``outcome`` is a short line with counts
    only (it goes into the log line too)."""
    outcome = outcome[: JobRun._meta.get_field("last_failure").max_length or 200]
    run, _created = JobRun.objects.update_or_create(
        name=name, defaults={"last_failure_at": timer.started_at, "last_failure": outcome}
    )
    logger.error("scheduled job failed: %s", outcome, extra={"event": "job_failed", "job": name})
    return run


def run_job(name: str, work: Callable[[], str], say: Callable[[str], None]) -> None:
    """Run ``work`` as the job ``name``: under its lock, and recorded with the short line
    (counts only) that ``work`` returns, which ``say`` also shows. A second run at the
    same time says so and does nothing."""
    timer = job_started()
    try:
        with job_lock(name):
            outcome = work()
    except JobBusy:
        say(f"Another {name} is running; nothing done.")
        return
    say(f"{outcome}.")
    job_succeeded(name, timer, outcome)


def _timestamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment else 0.0


def job_samples() -> dict[str, list[Sample]]:
    """Per metric, the (labels, value) pairs of every scheduled job: the last success and
    failure as Unix time (0 while there was none) and the last successful run's duration."""
    runs = {run.name: run for run in JobRun.objects.all()}
    names = sorted(set(settings.MELDPUNT_JOBS) | set(runs))
    found = [(name, runs.get(name) or JobRun(name=name)) for name in names]
    return {
        "success": [({"job": n}, _timestamp(r.last_success_at)) for n, r in found],
        "failure": [({"job": n}, _timestamp(r.last_failure_at)) for n, r in found],
        "duration": [
            ({"job": n}, r.last_duration_seconds)
            for n, r in found
            if r.last_duration_seconds is not None
        ],
    }


def job_interval(name: str) -> timedelta | None:
    """How often the scheduler runs ``name`` (settings.MELDPUNT_JOBS), None if not at all."""
    seconds = settings.MELDPUNT_JOBS.get(name)
    return timedelta(seconds=seconds) if seconds else None


def job_overdue(run: JobRun, *, now: datetime | None = None) -> bool:
    """Whether the last success is older than twice the job's interval (or never came)."""
    interval = job_interval(run.name)
    if interval is None:
        return False
    if run.last_success_at is None:
        return True
    return (now or clock.now()) - run.last_success_at > 2 * interval
