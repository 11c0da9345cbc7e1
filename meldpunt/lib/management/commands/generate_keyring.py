"""Print a new key ring for MELDPUNT_KEYRING (store it outside the database and backups)."""

from django.core.management.base import BaseCommand

from meldpunt.lib.crypto import generate_keyring_json


class Command(BaseCommand):
    help = "Print a new key ring (JSON) for MELDPUNT_KEYRING or MELDPUNT_KEYRING_FILE."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(generate_keyring_json())
