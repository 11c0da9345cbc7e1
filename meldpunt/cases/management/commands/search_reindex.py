"""Rebuild the search index of every case; safe to stop and run again."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from meldpunt.cases.models import Case
from meldpunt.cases.search.index import case_reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search tokens of every case from its current content, for example after "
        "search learned to recognise phone numbers and plates. Each case in its own "
        "transaction: it can be stopped and run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = 0
        for case in Case.objects.order_by("pk").iterator(chunk_size=200):
            with transaction.atomic():
                case_reindex(case=case)
            done += 1
        self.stdout.write(f"Search index rebuilt for {done} cases.")
