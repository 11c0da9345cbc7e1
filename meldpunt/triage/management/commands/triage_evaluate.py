"""Print precision and recall of the triage rules and entity extraction (docs/TRIAGE.md).

``--export-decisions FILE`` (``-`` for standard output) writes the advisors' accept and
dismiss choices as CSV, without any text, case or person: taxonomy version, item,
whether the assistant suggested it, decision and day. Comparing the share of dismissals
per item between taxonomy versions shows whether a change to the rules helped.
"""

import csv
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from meldpunt.triage.evaluation import SETS, available, evaluate, render
from meldpunt.triage.selectors import DECISION_EXPORT_COLUMNS, decision_export_rows


class Command(BaseCommand):
    help = "Measure the form suggestion and entity extraction against the labelled reports."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", choices=[*SETS, "all"], default="all", dest="split")
        parser.add_argument(
            "--export-decisions",
            metavar="FILE",
            help="write the advisors' decisions (no text) as CSV to FILE, '-' for stdout",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["export_decisions"]:
            self._export(options["export_decisions"])
            return
        splits = list(SETS) if options["split"] == "all" else [options["split"]]
        for split in splits:
            if available(split):
                self.stdout.write(f"## {split}\n\n{render(evaluate(split))}\n")

    def _export(self, target: str) -> None:
        if target == "-":
            self._write_csv(self.stdout)
            return
        with Path(target).open("w", newline="", encoding="utf-8") as handle:
            self._write_csv(handle)

    def _write_csv(self, handle: Any) -> None:
        writer = csv.writer(handle)
        writer.writerow(DECISION_EXPORT_COLUMNS)
        writer.writerows(decision_export_rows())
