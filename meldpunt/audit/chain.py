"""The audit log as a hash chain, and its check (``manage.py audit_verify``).

Each row stores its position ``seq``, the previous row's hash ``prev_hash`` and its own
``hash``: an HMAC over a canonical form of its content, position and ``prev_hash``. The
key is derived from the key ring's index key (``crypto.keyed_digest``): it is never in
the database, and it does not rotate, so the oldest row still verifies. Whoever can write
to the database but has no key ring (the application's database role, a superuser, a
restored backup) cannot make a row that verifies, so a forged, a changed and a missing
row each show up. The chain head (``AuditChainHead``) holds the last position and hash:
rows deleted at the end show up as a head that runs past the last row.
"""

import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.db import transaction

from meldpunt.audit.models import AuditChainAnchor, AuditChainHead, AuditEvent
from meldpunt.lib import crypto

GENESIS = "0" * 64
PURPOSE = "audit-chain-v1"
ANCHOR_PURPOSE = "audit-anchor-v1"
# The database refuses to let rows younger than this (against the newest row) go; the
# audit log's retention rule can only be longer. Kept in step with audit migration 0003.
CUT_MINIMUM_DAYS = 5 * 365
HEAD_PK = 1
# What a row's hash covers: every column but ``id`` (an autoincrement, not content).
CHAIN_FIELDS = (
    "seq",
    "at",
    "actor_id",
    "actor_name",
    "action",
    "case_id",
    "object_type",
    "object_id",
    "detail",
    "prev_hash",
)


def canonical(row: Mapping[str, Any]) -> bytes:
    """The bytes a row's hash is taken over: JSON with sorted keys, time in UTC."""
    content = {name: row[name] for name in CHAIN_FIELDS}
    content["at"] = row["at"].astimezone(UTC).isoformat(timespec="microseconds")
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode()


def row_hash(row: Mapping[str, Any]) -> str:
    return crypto.keyed_digest(PURPOSE, canonical(row)).hex()


def lock_chain_head() -> AuditChainHead:
    """The chain head, locked until the caller's transaction ends.

    Case numbering takes it before the number counter, so the two locks are always taken
    in the same order and two transactions never wait for each other.
    """
    head = AuditChainHead.objects.select_for_update().filter(pk=HEAD_PK).first()
    if head is None:
        # Only after the row was removed (a test run's flush empties every table): go on
        # from the last row rather than refuse every audited action.
        last = AuditEvent.objects.order_by("-seq").values("seq", "hash").first()
        AuditChainHead.objects.get_or_create(pk=HEAD_PK, defaults=last or {"hash": GENESIS})
        head = AuditChainHead.objects.select_for_update().get(pk=HEAD_PK)
    return head


def chain_append(entries: Sequence[Mapping[str, Any]]) -> None:
    """Write rows at the end of the chain, in order.

    Each entry holds the content columns (``at``, ``actor_id`` and so on) with ``detail``
    as it reads back from the database.
    """
    # The head stays locked until the caller's transaction ends, so appends are one at a
    # time in commit order and two writers never link to the same row; SQLite's writers
    # are serialised by its IMMEDIATE transactions anyway.
    with transaction.atomic(savepoint=False):
        head = lock_chain_head()
        seq, prev_hash = head.seq, head.hash
        events = []
        for entry in entries:
            seq += 1
            row = {**entry, "seq": seq, "prev_hash": prev_hash}
            prev_hash = row_hash(row)
            events.append(AuditEvent(**row, hash=prev_hash))
        AuditEvent.objects.bulk_create(events)
        AuditChainHead.objects.filter(pk=HEAD_PK).update(seq=seq, hash=prev_hash)


def anchor_mac(*, seq: int, hash: str, removed_before: datetime, at: datetime) -> str:
    content = {
        "seq": seq,
        "hash": hash,
        "removed_before": removed_before.astimezone(UTC).isoformat(timespec="microseconds"),
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
    return crypto.keyed_digest(ANCHOR_PURPOSE, encoded).hex()


def chain_cut_end(before: datetime, size: int) -> tuple[int, int, str] | None:
    """The oldest rows to remove: at most ``size`` from the start of the chain, all written
    before ``before`` and none after a row that was not. Returns (count, seq, hash) of the
    last one, or None when there is nothing to remove."""
    first_kept = (
        AuditEvent.objects.filter(at__gte=before).order_by("seq").values_list("seq", flat=True)
    ).first()
    rows = AuditEvent.objects.order_by("seq")
    if first_kept is not None:
        rows = rows.filter(seq__lt=first_kept)
    batch = list(rows.values_list("seq", "hash")[:size])
    if not batch:
        return None
    return len(batch), *batch[-1]


def chain_cut(*, seq: int, hash: str, removed_before: datetime, at: datetime) -> int:
    """Remove the rows up to and including ``seq`` and anchor the chain there.

    Run inside the caller's transaction, after its audit entry saying so was appended
    (the trigger compares with the newest row). Returns how many rows went.
    """
    AuditChainAnchor.objects.create(
        seq=seq,
        hash=hash,
        removed_before=removed_before,
        at=at,
        mac=anchor_mac(seq=seq, hash=hash, removed_before=removed_before, at=at),
    )
    removed, _ = AuditEvent.objects.filter(seq__lte=seq).delete()
    return removed


@dataclass
class ChainReport:
    """What ``verify_chain`` found; ``problems`` name the rows, empty when all is well."""

    rows: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)


def _name(row: Mapping[str, Any]) -> str:
    at = row["at"].astimezone(UTC)
    return f"row id {row['id']} (seq {row['seq']}, {at:%Y-%m-%d %H:%M:%S} UTC, {row['action']})"


def _check_row(row: Mapping[str, Any], report: ChainReport) -> None:
    """Check one row against its hash and the row before it; move the end of the chain on.

    A row that verifies but does not follow on means rows before it are gone. A row that
    does not verify but sits where the chain expects it was changed (or forged in that
    place): the rows after it link to its stored hash. A row that neither verifies nor
    follows on was put there past the application: it is skipped.
    """
    expected_seq = report.last_seq + 1
    # As bytes: a forged hash need not be ASCII, which compare_digest refuses for str.
    valid = hmac.compare_digest(row_hash(row).encode(), row["hash"].encode())
    fits = row["seq"] == expected_seq and row["prev_hash"] == report.last_hash
    if valid and not fits:
        if row["seq"] > expected_seq and row["prev_hash"] != report.last_hash:
            report.problems.append(
                f"rows seq {expected_seq} to {row['seq'] - 1} are missing (deleted) "
                f"before {_name(row)}"
            )
        else:
            report.problems.append(
                f"{_name(row)} does not follow on from seq {report.last_seq}: "
                "the chain head was altered"
            )
    elif not valid and not row["hash"]:
        report.problems.append(f"{_name(row)} has no hash: forged, written past the application")
    elif not valid and fits:
        report.problems.append(
            f"{_name(row)} does not match its hash: changed after it was written, or forged"
        )
    elif not valid:
        report.problems.append(
            f"{_name(row)} does not match its hash and does not follow on from seq "
            f"{report.last_seq}: forged, written past the application"
        )
    if valid or fits:
        report.last_seq, report.last_hash = row["seq"], row["hash"]


def verify_chain(*, expect: Iterable[tuple[int, str]] = ()) -> ChainReport:
    """Walk the whole log in chain order and compare its end with the chain head.

    ``expect`` holds (seq, hash) pairs printed by an earlier run and kept elsewhere: if
    rows were deleted at the end *and* the head was set back to match (which only a
    database superuser can do), only such a pair shows it.
    """
    report = ChainReport()
    anchor = AuditChainAnchor.objects.order_by("-seq").first()
    if anchor is not None:
        expected = anchor_mac(
            seq=anchor.seq, hash=anchor.hash, removed_before=anchor.removed_before, at=anchor.at
        )
        if not hmac.compare_digest(expected.encode(), anchor.mac.encode()):
            report.problems.append(
                f"the chain anchor at seq {anchor.seq} does not match its key: written past "
                "the application, to hide rows deleted from the start"
            )
        report.last_seq, report.last_hash = anchor.seq, anchor.hash
    rows = AuditEvent.objects.order_by("seq").values("id", "hash", *CHAIN_FIELDS)
    for row in rows.iterator(chunk_size=2000):
        report.rows += 1
        _check_row(row, report)
    head = AuditChainHead.objects.filter(pk=HEAD_PK).values("seq", "hash").first()
    if head is None:
        if report.rows:
            report.problems.append("the chain head row is missing")
    elif head["seq"] > report.last_seq:
        report.problems.append(
            f"rows seq {report.last_seq + 1} to {head['seq']} are missing (deleted) at the end"
        )
    elif head["seq"] < report.last_seq or head["hash"] != report.last_hash:
        report.problems.append(
            f"the chain head (seq {head['seq']}) does not match the last row "
            f"(seq {report.last_seq}): rows were added past the application, or the head "
            "was altered"
        )
    for seq, digest in expect:
        if anchor is not None and seq <= anchor.seq:
            # Removed by the retention purge; the anchor holds the last removed row.
            if seq == anchor.seq and not hmac.compare_digest(anchor.hash.encode(), digest.encode()):
                report.problems.append(
                    f"the chain anchor at seq {seq} does not match the end recorded earlier"
                )
            continue
        stored = AuditEvent.objects.filter(seq=seq).values_list("hash", flat=True).first()
        if stored is None or not hmac.compare_digest(stored.encode(), digest.encode()):
            report.problems.append(
                f"the row at seq {seq} recorded earlier is gone or different: rows were "
                "deleted and the chain head set back"
            )
    return report
