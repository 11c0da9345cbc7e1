"""Count the statistics' cases per month (``CaseMonth``) again from the cases."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meldpunt.cases.case_months import case_months_differing, case_months_rebuild


class Command(BaseCommand):
    help = (
        "Count the cases per month that the statistics read again from the cases, in one "
        "transaction. With --check: only compare, and fail naming the rows that differ."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare only; change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            differing = case_months_differing()
            if differing:
                rows = ", ".join(
                    f"{month:%Y-%m} {area} {figure}={value}"
                    for month, area, figure, value in differing[:20]
                )
                raise CommandError(f"{len(differing)} rows differ from their cases: {rows}")
            self.stdout.write("The cases per month match the cases.")
            return
        written = case_months_rebuild()
        self.stdout.write(f"Cases per month counted again: {written} rows.")
