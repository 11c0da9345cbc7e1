"""Count the statistics' contacts per day (``ContactDay``) again from the contacts, and add
them up per month again (``ContactMonth``)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meldpunt.cases.contact_days import contact_days_differing, contact_days_rebuild


class Command(BaseCommand):
    help = (
        "Count the contacts per day that the statistics read again from the contacts, and "
        "add them up per month again, a month per transaction (safe to stop and run again). "
        "With --check: only compare, and fail naming the days and months that differ."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare only; change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            differing = contact_days_differing()
            if differing:
                days = ", ".join(day.isoformat() for day in differing.days[:20])
                months = ", ".join(f"{month:%Y-%m}" for month in differing.months[:20])
                raise CommandError(
                    f"{len(differing.days)} days differ from their contacts: {days}; "
                    f"{len(differing.months)} months differ from their contacts: {months}"
                )
            self.stdout.write("The contacts per day and per month match the contacts.")
            return
        written = contact_days_rebuild()
        self.stdout.write(
            f"Contacts per day counted again, and added up per month: {written} rows per day."
        )
