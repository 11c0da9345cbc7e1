"""Print precision and recall of the triage rules and entity extraction (docs/TRIAGE.md)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from meldpunt.triage.evaluation import SETS, evaluate, render


class Command(BaseCommand):
    help = "Measure the form suggestion and entity extraction against the labelled reports."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", choices=[*SETS, "all"], default="all", dest="split")

    def handle(self, *args: Any, **options: Any) -> None:
        splits = list(SETS) if options["split"] == "all" else [options["split"]]
        for split in splits:
            self.stdout.write(f"## {split}\n\n{render(evaluate(split))}\n")
