"""The session table: a keyed hash of each session key and the session's data encrypted."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.lib.fields import EncryptedTextField


class StoredSession(models.Model):
    """One session as ``meldpunt.lib.sessions`` stores it.

    The cookie holds the session key; this table holds only its keyed hash, so a database
    dump gives no cookie that opens a session, and the data (who is logged in, a reporter's
    chat token) only as ciphertext.
    """

    key_hash = models.CharField(max_length=64, primary_key=True)
    session_data = EncryptedTextField()
    expire_date = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "session"
        verbose_name_plural = "sessions"

    def __str__(self) -> str:
        return self.key_hash[:8]


class JobRun(models.Model):
    """The last successful and the last failed run of one scheduled job (meldpunt/lib/jobs.py).

    Times, a duration and short outcomes with counts only: never content.
    """

    name = models.CharField(_("taak"), max_length=40, primary_key=True)
    last_success_at = models.DateTimeField(_("laatst gelukt"), null=True, blank=True)
    last_duration_seconds = models.FloatField(_("duur (seconden)"), null=True, blank=True)
    last_outcome = models.CharField(_("uitkomst"), max_length=200, blank=True)
    last_failure_at = models.DateTimeField(_("laatst mislukt"), null=True, blank=True)
    last_failure = models.CharField(_("wat mislukte"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("geplande taak")
        verbose_name_plural = _("geplande taken")

    def __str__(self) -> str:
        return self.name
