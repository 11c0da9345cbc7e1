"""Delete web report drafts (and their files) that have expired. Run it every hour."""

from django.core.management.base import BaseCommand

from meldpunt.reports.services import drafts_purge


class Command(BaseCommand):
    help = "Delete expired web report drafts and their files."

    def handle(self, *args: object, **options: object) -> None:
        count = drafts_purge()
        self.stdout.write(f"{count} expired drafts deleted.")
