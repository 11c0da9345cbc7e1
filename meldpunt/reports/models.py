"""Web report drafts, anonymous mailboxes, their messages and attachments.

Free text and files are encrypted at rest. A mailbox is found only through the keyed,
slow hash of its receipt code (see ``meldpunt.reports.receipts``); the code itself is
never stored.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Case, Contact
from meldpunt.lib.fields import EncryptedJSONField, EncryptedTextField
from meldpunt.lib.languages import ReporterLanguage


class ReportDraft(models.Model):
    """What a reporter has filled in so far, kept on the server instead of in the browser.

    The reporter's session holds the random token; the draft expires after
    ``MELDPUNT_REPORT_DRAFT_HOURS`` and is deleted when the report is sent.
    """

    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    data = EncryptedJSONField[
        dict[str, dict[str, str | list[str]]], dict[str, dict[str, str | list[str]]]
    ]()
    # Files checked for this draft, kept, removed or refused: checking costs time and
    # memory, so one draft may not be reused for it without end.
    files_tried = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("concept van een melding")
        verbose_name_plural = _("concepten van meldingen")

    def __str__(self) -> str:
        return f"draft {self.pk}"


class Mailbox(models.Model):
    """The anonymous two-way mailbox of one web report."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="mailboxes")
    contact = models.OneToOneField(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="mailbox"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_seen = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("postbus")
        verbose_name_plural = _("postbussen")

    def __str__(self) -> str:
        return f"{_('postbus')} {self.pk} ({self.case})"


class MailboxSender(models.TextChoices):
    REPORTER = "reporter", _("melder")
    STAFF = "staff", _("medewerker")


class MailboxMessage(models.Model):
    """One message in a mailbox: from the reporter, or a reply from staff."""

    mailbox = models.ForeignKey(Mailbox, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(_("afzender"), max_length=8, choices=MailboxSender)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField()
    text = EncryptedTextField(_("bericht"), blank=True)
    # The language of the mailbox page the reporter wrote from (empty for staff replies).
    language = models.CharField(_("taal"), max_length=2, choices=ReporterLanguage, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("bericht in postbus")
        verbose_name_plural = _("berichten in postbus")

    def __str__(self) -> str:
        return f"{self.get_sender_display()} {self.created_at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    """A file sent with a report or a mailbox message: checked, stripped, encrypted.

    While the report is still a draft the file hangs on the draft; sending the report
    moves it to the case in the same transaction.
    """

    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="report_attachments"
    )
    draft = models.ForeignKey(
        ReportDraft, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.ForeignKey(
        MailboxMessage,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField()
    name = EncryptedTextField(_("bestandsnaam"), blank=True)
    data = models.BinaryField()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return f"{_('bijlage')} {self.pk}"
