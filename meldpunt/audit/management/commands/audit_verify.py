"""Check the audit chain: every row unchanged, nothing forged, nothing missing."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meldpunt.audit.chain import verify_chain


def _seq_and_hash(value: str) -> tuple[int, str]:
    seq, _, digest = value.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise ValueError(value)
    return int(seq), digest


class Command(BaseCommand):
    help = (
        "Walk the whole audit log and check each row's keyed hash and its link to the row "
        "before, and the chain head. Exits with status 1 and names each row that was "
        "forged, changed or is missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--expect",
            action="append",
            default=[],
            type=_seq_and_hash,
            metavar="SEQ:HASH",
            help=(
                "A chain end printed by an earlier run and kept outside the database: that "
                "row must still be there, unchanged. May be given more than once."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain(expect=options["expect"])
        for problem in report.problems:
            self.stderr.write(problem)
        if report.problems:
            raise CommandError(f"The audit chain is broken: {len(report.problems)} problem(s).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit chain intact: {report.rows} rows. End: {report.last_seq}:{report.last_hash}"
            )
        )
