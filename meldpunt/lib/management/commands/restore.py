"""Restore an encrypted backup into an empty PostgreSQL database (docs/KEYS.md)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from meldpunt.lib import backup
from meldpunt.lib.dburl import database_from_url


class Command(BaseCommand):
    help = (
        "Load a backup written by `manage.py backup` into an empty database, in one "
        "transaction. Needs the backup private key; reading the content afterwards needs "
        "the key ring (check with `manage.py keyring_check`)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", type=Path, help="The backup file.")
        parser.add_argument(
            "--private-key-file",
            type=Path,
            required=True,
            help="File holding the backup private key (base64).",
        )
        parser.add_argument(
            "--database-url",
            help="Restore into this (empty) database instead of the configured one.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["database_url"]:
            target = database_from_url(options["database_url"])
        else:
            target = connection.settings_dict
        if "postgresql" not in target["ENGINE"]:
            raise CommandError("restore needs PostgreSQL (psql).")
        try:
            private_key = options["private_key_file"].read_text(encoding="utf-8")
            backup.restore_backup(
                settings_dict=target, private_key=private_key, source=options["input"]
            )
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f"Nothing restored: {exc}") from None
        self.stdout.write(self.style.SUCCESS(f"Restored into {target['NAME']}."))
