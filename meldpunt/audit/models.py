"""The audit log: who did what when, as an append-only hash chain. Never any content.

The ground floor under every app that audits: it knows of cases only through the lazy
reference ``"cases.Case"`` (an entry may name the case it concerns), never by an import.
"""

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Append-only log of who did what when. Never any content.

    The application has no update or delete path; on PostgreSQL a trigger refuses both,
    and TRUNCATE. The rows form a chain (meldpunt/audit/chain.py): ``seq`` is the
    position, ``hash`` a keyed hash over the row's content and ``prev_hash``, the hash of
    the row before it, so ``manage.py audit_verify`` finds a forged, changed or missing row.
    """

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=40, db_index=True)
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    seq = models.PositiveBigIntegerField(unique=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        # The table kept its name when the model moved here from cases: its rows and its
        # append-only triggers (cases migrations 0002 and 0006) stay as they were.
        db_table = "cases_auditevent"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["actor", "-at"]), models.Index(fields=["case", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor_name} {self.action}"


class AuditChainHead(models.Model):
    """The end of the audit chain: the last row's position and hash (one row).

    Each append locks this row until its transaction ends, so appends are serialised and
    two writers never link to the same row. ``audit_verify`` compares it with the last
    row, so rows deleted at the end are found too (as long as this row was not rewound).
    """

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        db_table = "cases_auditchainhead"

    def __str__(self) -> str:
        return f"audit chain head: {self.seq}"


class AuditChainAnchor(models.Model):
    """Where the chain begins after its oldest rows were removed by the retention purge.

    ``seq`` and ``hash`` are those of the last removed row: the first kept row links to
    them. ``mac`` is a keyed hash over the anchor (meldpunt/audit/chain.py), so an anchor
    written past the application, to hide rows deleted from the start, does not verify.
    The latest anchor counts; earlier ones stay as the history of the purges.
    """

    seq = models.PositiveBigIntegerField(unique=True)
    hash = models.CharField(max_length=64)
    removed_before = models.DateTimeField()
    at = models.DateTimeField()
    mac = models.CharField(max_length=64)

    class Meta:
        ordering = ["-seq"]

    def __str__(self) -> str:
        return f"audit chain anchor: {self.seq}"
