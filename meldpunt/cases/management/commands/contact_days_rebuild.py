"""Count the statistics' contacts per day (``ContactDay``) again from the contacts, and add
them up per month (``ContactMonth``) and per week (``ContactWeek``) again."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meldpunt.cases.contact_days import contact_days_differing, contact_days_rebuild


class Command(BaseCommand):
    help = (
        "Count the contacts per day that the statistics read again from the contacts, and "
        "add them up per month and per week again, a month or week per transaction (safe to "
        "stop and run again). With --check: only compare, and fail naming the days, months "
        "and weeks that differ."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare only; change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            differing = contact_days_differing()
            if differing:
                days = ", ".join(day.isoformat() for day in differing.days[:20])
                months = ", ".join(f"{month:%Y-%m}" for month in differing.months[:20])
                weeks = ", ".join(week.isoformat() for week in differing.weeks[:20])
                raise CommandError(
                    f"{len(differing.days)} days differ from their contacts: {days}; "
                    f"{len(differing.months)} months differ from their contacts: {months}; "
                    f"{len(differing.weeks)} weeks differ from their contacts: {weeks}"
                )
            self.stdout.write("The contacts per day, per month and per week match the contacts.")
            return
        written = contact_days_rebuild()
        self.stdout.write(
            f"Contacts per day counted again, and added up per month and per week: "
            f"{written} rows per day."
        )
