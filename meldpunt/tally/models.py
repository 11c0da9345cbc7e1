"""Plain counts that other apps write and the statistics read: campaign periods, their
short links and the visits through them per day, and the chats' waits and refusals.

Nothing here names a person, a case, a browser or an address: a visit is one more on
its link's count for the day, a refusal one more for its hour and reason, a chat's wait
the day and hour it began and how long it waited. The purge leaves these tables alone
(they hold no content of a case).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Medium(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("sociale media")
    FLYER = "flyer", _("flyer")
    MUPI = "mupi", _("reclamebord op straat (mupi)")
    RADIO = "radio", _("radio")
    OTHER = "other", _("anders")


class Campaign(models.Model):
    """One period in which one medium of the campaign ran, in some municipalities."""

    name = models.CharField(_("naam"), max_length=80)
    medium = models.CharField(_("medium"), max_length=16, choices=Medium)
    # CBS codes of accounts.Municipality; empty means the whole region.
    municipalities = models.JSONField(_("gemeenten"), default=list, blank=True)
    start = models.DateField(_("begin"))
    end = models.DateField(_("einde"))

    class Meta:
        ordering = ["start", "name"]
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="campaign_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_medium_display()})"


class CampaignLink(models.Model):
    """A short link /c/<code>/ printed on the medium (as a QR code). Found by the hash of
    its code, so the lookup does not depend on how much of a guess matches a real code."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campagne"), on_delete=models.CASCADE, related_name="links"
    )
    label = models.CharField(
        _("waar gebruikt"),
        max_length=80,
        blank=True,
        help_text=_("Bijvoorbeeld: flyers in de bibliotheek. Alleen voor uzelf."),
    )
    code = models.CharField(_("code"), max_length=16, unique=True, editable=False)
    code_digest = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("korte link")
        verbose_name_plural = _("korte links")

    def __str__(self) -> str:
        return f"/c/{self.code}/"


class LinkVisit(models.Model):
    """How many visits came through a link on one day (Dutch time). Nothing else."""

    link = models.ForeignKey(CampaignLink, on_delete=models.CASCADE, related_name="visits")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "day"], name="link_visit_one_row_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.count}"


class ChatWait(models.Model):
    """One chat that left the queue: the day and hour it began, how many seconds it
    waited, and whether an advisor answered it (or the person left first)."""

    day = models.DateField(db_index=True)
    hour = models.PositiveSmallIntegerField()
    waited_seconds = models.PositiveIntegerField()
    answered = models.BooleanField()

    class Meta:
        indexes = [
            # The statistics read a period's waits from this index alone.
            models.Index(
                fields=["day"], include=["answered", "waited_seconds"], name="chatwait_stats_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.hour}:00"


class RefusalReason(models.TextChoices):
    HOURS = "hours", _("buiten de openingstijden")
    HOLIDAY = "holiday", _("feestdag")
    NO_ADVISOR = "no_advisor", _("geen adviseur beschikbaar")
    QUEUE_FULL = "queue_full", _("de wachtrij is vol")
    UNAVAILABLE = "unavailable", _("storing")


class ChatRefusal(models.Model):
    """How many times in one hour the chat said no, and why."""

    day = models.DateField()
    hour = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=16, choices=RefusalReason)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "hour", "reason"], name="chat_refusal_one_row_per_hour"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.hour}:00 {self.reason}: {self.count}"
