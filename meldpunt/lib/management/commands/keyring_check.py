"""Can the key ring read what the database holds? (after a restore, before removing a key)"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from meldpunt.lib import crypto, rotation


class Command(BaseCommand):
    help = (
        "Count, per encrypted field, the stored values under a key that is not in the key "
        "ring. Exits with status 1 when there are any: that content cannot be read."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ring = crypto.keyring()
        self.stdout.write(f"Content keys in the ring: {', '.join(ring.keys)}.")
        missing = 0
        for column in rotation.encrypted_columns():
            if count := rotation.count_unreadable(column):
                self.stderr.write(f"{column.label}: {count} values under a key not in the ring")
                missing += count
        if missing:
            raise CommandError(f"{missing} stored values cannot be read with this key ring.")
        self.stdout.write(self.style.SUCCESS("Every stored value is under a key in the ring."))
