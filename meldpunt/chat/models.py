"""Live chat: advisors' availability, canned responses, chats and their messages.

Message bodies, nicknames and transfer notes are encrypted at rest. The resume token
that lets a reporter reconnect is stored only as a keyed hash, so a database dump alone
cannot be used to take over a chat.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.lib.fields import EncryptedTextField
from meldpunt.lib.languages import ReporterLanguage


class ChatLanguage(models.TextChoices):
    """Languages an advisor may be able to chat in; the reporter picks one, optionally."""

    DUTCH = "nl", "Nederlands"
    ENGLISH = "en", "English"
    POLISH = "pl", "Polski"
    ROMANIAN = "ro", "Română"
    BULGARIAN = "bg", "Български"
    UKRAINIAN = "uk", "Українська"
    ARABIC = "ar", "العربية"


class ChatAgent(models.Model):
    """An advisor's chat settings: available or away, and how many chats at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_agent"
    )
    available = models.BooleanField(_("beschikbaar voor chat"), default=False)
    capacity = models.PositiveSmallIntegerField(
        _("aantal chats tegelijk"),
        default=2,
        help_text=_("Hoeveel chats deze medewerker tegelijk kan voeren."),
    )
    last_seen_at = models.DateTimeField(_("laatst verbonden"), null=True, blank=True)

    class Meta:
        verbose_name = _("chatmedewerker")
        verbose_name_plural = _("chatmedewerkers")

    def __str__(self) -> str:
        return str(self.user)


class CannedResponse(models.Model):
    """A ready-made answer an advisor can put into a chat and then adjust."""

    title = models.CharField(_("titel"), max_length=80)
    text = models.TextField(_("tekst"))
    language = models.CharField(
        _("taal"), max_length=2, choices=ReporterLanguage, default=ReporterLanguage.NL
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["language", "position", "title"]
        verbose_name = _("standaardantwoord")
        verbose_name_plural = _("standaardantwoorden")

    def __str__(self) -> str:
        return self.title


class ChatState(models.TextChoices):
    WAITING = "waiting", _("wacht op adviseur")
    ACTIVE = "active", _("in gesprek")
    ENDED = "ended", _("beëindigd")


class EndedBy(models.TextChoices):
    REPORTER = "reporter", _("de chatter")
    STAFF = "staff", _("de adviseur")
    TIMEOUT = "timeout", _("verlopen")


class ChatSession(models.Model):
    """One chat with an anonymous reporter, from the queue until it ends."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ChatState, default=ChatState.WAITING, db_index=True
    )
    nickname = EncryptedTextField(_("bijnaam"), blank=True)
    language = models.CharField(_("taal"), max_length=2, choices=ChatLanguage, blank=True)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adviseur"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chats",
    )
    created_at = models.DateTimeField(_("begonnen"), db_index=True)
    accepted_at = models.DateTimeField(_("aangenomen"), null=True, blank=True)
    ended_at = models.DateTimeField(_("beëindigd"), null=True, blank=True)
    ended_by = models.CharField(_("beëindigd door"), max_length=8, choices=EndedBy, blank=True)
    reporter_left_at = models.DateTimeField(null=True, blank=True)
    last_seq = models.PositiveIntegerField(default=0)
    contact = models.ForeignKey(
        "cases.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chat_sessions",
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("chat")
        verbose_name_plural = _("chats")
        indexes = [models.Index(fields=["agent", "status"])]

    def __str__(self) -> str:
        return f"chat {self.pk}"

    @property
    def group_name(self) -> str:
        return f"chat.{self.public_id.hex}"


class ChatSender(models.TextChoices):
    REPORTER = "reporter", _("chatter")
    STAFF = "staff", _("adviseur")
    SYSTEM = "system", _("melding")
    NOTE = "note", _("notitie voor collega")


class ChatMessage(models.Model):
    """One message, numbered per chat. Stored before anyone is told it arrived.

    Notes (a transfer note for the colleague) are never shown to the reporter.
    """

    session = models.ForeignKey(ChatSession, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField()
    sender = models.CharField(max_length=8, choices=ChatSender)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    client_ref = models.CharField(max_length=36, blank=True)
    created_at = models.DateTimeField()
    body = EncryptedTextField()

    class Meta:
        ordering = ["session", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["session", "seq"], name="unique_chat_message_seq"),
            models.UniqueConstraint(
                fields=["session", "sender", "client_ref"],
                condition=~models.Q(client_ref=""),
                name="unique_chat_message_client_ref",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}#{self.seq}"
