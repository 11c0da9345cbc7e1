"""Bring search tokens and entity hashes to the key ring's blind keys; safe to stop and re-run."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from meldpunt.lib.crypto import keyring
from meldpunt.linking import reindex


class Command(BaseCommand):
    help = (
        "After a change of the blind index key (docs/KEYS.md): index again every case and "
        "contact that has no digest under the current blind key, then delete digests under "
        "keys no longer in the key ring. Works in batches; can be stopped and run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count what is left.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=reindex.DEFAULT_BATCH_SIZE,
            help="Cases or contacts per batch, rows per delete (default %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        ring = keyring()
        self.stdout.write(f"Blind keys: {', '.join(ring.blind)} (current: {ring.blind_current}).")
        if options["dry_run"]:
            left = reindex.count_left()
            self.stdout.write(
                f"Left: {left['cases']} cases and {left['contacts']} contacts to index again, "
                f"{left['tokens_retired']} search tokens and {left['hashes_retired']} entity "
                "hashes under retired keys."
            )
            return
        result = reindex.blind_reindex(
            batch_size=options["batch_size"],
            progress=lambda what, done: self.stdout.write(f"{what}: {done}"),
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed again: {result.cases} cases, {result.contacts} contacts. Deleted "
                f"under retired keys: {result.tokens_deleted} search tokens, "
                f"{result.hashes_deleted} entity hashes."
            )
        )
