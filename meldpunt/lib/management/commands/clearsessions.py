"""Remove expired sessions: Django's ``clearsessions`` as a scheduled job (daily).

It replaces Django's own command of that name (meldpunt.lib comes before
django.contrib.sessions in INSTALLED_APPS), which records nothing: like the other jobs,
one run at a time (a second run at the same time does nothing and exits cleanly), and a
successful run is recorded for the admin and /metrics (``JobRun``), by count only."""

from typing import Any

from django.core.management.base import BaseCommand

from meldpunt.lib.jobs import run_job
from meldpunt.lib.sessions import expired_sessions_delete

JOB_NAME = "clearsessions"


class Command(BaseCommand):
    help = "Remove the sessions past their expiry (a scheduled job; each run is recorded)."

    def handle(self, *args: Any, **options: Any) -> None:
        run_job(JOB_NAME, _clear, self.stdout.write)


def _clear() -> str:
    return f"{expired_sessions_delete()} expired session(s) removed"
