"""Write an encrypted backup of the PostgreSQL database (docs/KEYS.md)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from meldpunt.lib import backup


class Command(BaseCommand):
    help = (
        "Dump the database with pg_dump and write it encrypted for the backup public key "
        "(MELDPUNT_BACKUP_PUBLIC_KEY). The key ring is never part of it: keep its copy apart."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("output", type=Path, help="The backup file to write (mode 0600).")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("backup needs PostgreSQL (pg_dump); this database is not.")
        public_key = settings.MELDPUNT_BACKUP_PUBLIC_KEY
        if not public_key:
            raise CommandError(
                "MELDPUNT_BACKUP_PUBLIC_KEY is not set; make a key pair with "
                "`python -m meldpunt.lib.backup keygen` (docs/KEYS.md)."
            )
        output: Path = options["output"]
        try:
            size = backup.write_backup(
                settings_dict=connection.settings_dict, public_key=public_key, target=output
            )
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f"No backup written: {exc}") from None
        self.stdout.write(self.style.SUCCESS(f"Backup written: {output} ({size} bytes)."))
