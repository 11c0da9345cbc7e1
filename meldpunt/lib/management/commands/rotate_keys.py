"""Re-encrypt every stored value under the key ring's current key; safe to stop and re-run."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from meldpunt.lib import crypto, rotation


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field value that is not under the key ring's current key. "
        "Works in batches, each in its own transaction: it can be stopped and run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the values per field that are not under the current key.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=rotation.DEFAULT_BATCH_SIZE,
            help="Rows per transaction (default %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        current = crypto.keyring().current
        columns = rotation.encrypted_columns()
        self.stdout.write(f"Current key: {current}. Encrypted fields: {len(columns)}.")
        total = unreadable = 0
        for column in columns:
            outdated = rotation.count_outdated(column)
            if options["dry_run"] or not outdated:
                if outdated:
                    self.stdout.write(f"{column.label}: {outdated} to re-encrypt")
                total += outdated
                continue

            def progress(result: rotation.ColumnResult, outdated: int = outdated) -> None:
                done = result.rotated + result.skipped_unreadable + result.skipped_changed
                self.stdout.write(f"{result.column.label}: {done}/{outdated}")

            result = rotation.rotate_column(
                column, batch_size=options["batch_size"], progress=progress
            )
            total += result.rotated
            unreadable += result.skipped_unreadable
            if result.skipped_unreadable:
                self.stderr.write(
                    f"{column.label}: {result.skipped_unreadable} values could not be "
                    "decrypted with any key in the ring and were left as they are."
                )
        if options["dry_run"]:
            self.stdout.write(f"Dry run: {total} values are not under key {current}.")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Re-encrypted {total} values under key {current}.")
            )
        if unreadable:
            self.stderr.write(f"{unreadable} values could not be read; see the lines above.")
