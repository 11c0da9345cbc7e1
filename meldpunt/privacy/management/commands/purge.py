"""Remove what has passed its retention period (docs/RETENTION.md). Run it at least daily
(the timer and the scheduler run it hourly); a successful run is recorded for the admin."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from meldpunt.lib import clock
from meldpunt.lib.jobs import job_started, job_succeeded
from meldpunt.privacy.models import RetentionCategory
from meldpunt.privacy.purge import BATCH_SIZE, JOB_NAME, PurgeBusy, purge, purge_plan
from meldpunt.privacy.rules import retention_periods


class Command(BaseCommand):
    help = (
        "Remove content past its retention period; cases keep only their statistics "
        "columns. Safe to stop and run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list per category what would go."
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        periods = retention_periods()
        now = clock.now()
        labels = dict(RetentionCategory.choices)
        if options["dry_run"]:
            plan = purge_plan(periods, now)
            self.stdout.write("Would remove (dry run, nothing changed):")
            for category, count in plan.counts.items():
                self.stdout.write(f"  {labels[category]}: {count}")
            self.stdout.write("With those cases:")
            for name, count in plan.case_rows.items():
                self.stdout.write(f"  {name}: {count}")
            return
        timer = job_started()
        try:
            done = purge(periods=periods, now=now, batch_size=options["batch_size"])
        except PurgeBusy:
            self.stdout.write("Another purge is running; nothing done.")
            return
        for category, count in done.items():
            self.stdout.write(f"{labels[category]}: {count} removed")
        job_succeeded(JOB_NAME, timer, f"{sum(done.values())} removed")
