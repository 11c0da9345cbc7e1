"""Check the audit chain: every row unchanged, nothing forged, nothing missing.

Also a scheduled job (daily, docs/DEPLOYMENT.md "Scheduled jobs"): each run is recorded
(``JobRun``), and a broken chain is a failed run that the admin, /metrics and one log line
show, by counts only; the problems themselves go to this command's error output.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meldpunt.audit.chain import verify_chain
from meldpunt.lib.jobs import JobBusy, job_failed, job_lock, job_started, job_succeeded

JOB_NAME = "audit_verify"


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
        timer = job_started()
        try:
            with job_lock(JOB_NAME):
                report = verify_chain(expect=options["expect"])
        except JobBusy:
            self.stdout.write("Another audit_verify is running; nothing done.")
            return
        for problem in report.problems:
            self.stderr.write(problem)
        if report.problems:
            job_failed(JOB_NAME, timer, f"{len(report.problems)} problem(s) in the audit chain")
            raise CommandError(f"The audit chain is broken: {len(report.problems)} problem(s).")
        job_succeeded(JOB_NAME, timer, f"{report.rows} rows intact")
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit chain intact: {report.rows} rows. End: {report.last_seq}:{report.last_hash}"
            )
        )
