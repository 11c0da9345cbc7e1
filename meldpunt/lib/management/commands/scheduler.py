"""Run the scheduled jobs at their intervals, for installations without systemd timers
(the ``scheduler`` service of the compose file; docs/DEPLOYMENT.md, "Scheduled jobs").

A long-running loop: every job of ``settings.MELDPUNT_JOBS`` (command name: seconds) runs
once at start and then each interval after its last start. Every job takes its own lock,
so a second scheduler, or a timer on the same database, never runs a job twice at once.
A job that fails is logged by name and tried again at its next turn; the scheduler goes on.
With ``--once`` every job runs once, and a failed one makes the command fail (exit 1).
"""

import logging
import signal
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the scheduled jobs (MELDPUNT_JOBS) at their intervals, without cron."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run every job once and stop (for checks)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        jobs: dict[str, int] = dict(settings.MELDPUNT_JOBS)
        due = dict.fromkeys(jobs, time.monotonic())
        self._stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while not self._stopping:
            failed = []
            for name, seconds in jobs.items():
                if self._stopping or time.monotonic() < due[name]:
                    continue
                due[name] = time.monotonic() + seconds
                if not self._run(name):
                    failed.append(name)
            if options["once"]:
                if failed:
                    # A check must see it in the exit code (the drills, a health check).
                    raise CommandError(f"scheduled job(s) failed: {', '.join(failed)}")
                return
            pause = max(0.0, min(due.values()) - time.monotonic())
            # Wake at least every second to notice a stop signal.
            time.sleep(min(pause, 1.0))

    def _run(self, name: str) -> bool:
        """Run one job; whether it succeeded."""
        close_old_connections()
        try:
            call_command(name, stdout=self.stdout, stderr=self.stderr)
        except Exception:
            # The job's name and the exception type only: messages may quote data.
            logger.exception("scheduled job %s failed", name)
            return False
        finally:
            close_old_connections()
        return True

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True
