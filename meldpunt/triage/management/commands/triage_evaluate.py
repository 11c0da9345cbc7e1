"""Print precision and recall of the triage rules and entity extraction (docs/TRIAGE.md)."""

from typing import Any

from django.core.management.base import BaseCommand

from meldpunt.triage.evaluation import evaluate, render


class Command(BaseCommand):
    help = "Measure the form suggestion and entity extraction against the labelled reports."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render(evaluate()))
