"""Retention rules, legal holds and the record of purged cases.

The reasoning behind each default period is in docs/RETENTION.md; ``rules.RULES`` holds
the defaults and what each rule means, the table holds what administrators set.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Case
from meldpunt.lib.fields import EncryptedTextField


class RetentionCategory(models.TextChoices):
    ADVICE_CLOSED = "advice_closed", _("gesloten adviezen")
    REPORT_CLOSED = "report_closed", _("gesloten meldingen")
    CHAT_WITHOUT_CASE = "chat_without_case", _("chats zonder zaak")
    MAILBOX_UNUSED = "mailbox_unused", _("ongebruikte postbussen")
    REPORT_DRAFT = "report_draft", _("onafgemaakte webmeldingen")
    INTAKE_DRAFT = "intake_draft", _("concepten telefoongesprek")
    QUICK_CONTACT = "quick_contact", _("korte gesprekken zonder zaak")
    AUDIT_LOG = "audit_log", _("auditlog")


class PeriodUnit(models.TextChoices):
    HOURS = "hours", _("uur")
    DAYS = "days", _("dagen")


class RetentionRule(models.Model):
    """How long one category is kept; one row per category, changed in the admin."""

    category = models.CharField(
        _("categorie"), max_length=20, choices=RetentionCategory, unique=True
    )
    period = models.PositiveIntegerField(_("bewaartermijn"))
    unit = models.CharField(_("eenheid"), max_length=5, choices=PeriodUnit)
    changed_at = models.DateTimeField(_("gewijzigd op"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self) -> str:
        return str(self.get_category_display())


class LegalHold(models.Model):
    """A case that may not be purged or erased, with why, until a coordinator releases it.

    Released holds stay as history; at most one hold per case is active.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="legal_holds")
    reason = EncryptedTextField(_("reden"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField(_("geplaatst op"))
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    released_at = models.DateTimeField(_("opgeheven op"), null=True, blank=True)

    class Meta:
        ordering = ["-placed_at"]
        verbose_name = _("juridische bewaarplicht")
        verbose_name_plural = _("juridische bewaarplichten")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(released_at__isnull=True),
                name="one_active_legal_hold",
            )
        ]

    def __str__(self) -> str:
        return f"{_('bewaarplicht')} {self.case}"


class PurgeReason(models.TextChoices):
    RETENTION = "retention", _("bewaartermijn verstreken")
    ERASURE = "erasure", _("verzoek om verwijdering (AVG)")


class PurgedCase(models.Model):
    """A case whose content is gone; only its statistics columns are left."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="purge")
    purged_at = models.DateTimeField(_("verwijderd op"))
    reason = models.CharField(_("waarom"), max_length=10, choices=PurgeReason)
    # Why a coordinator erased it on request; empty for the retention purge.
    note = EncryptedTextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("opgeschoonde zaak")
        verbose_name_plural = _("opgeschoonde zaken")

    def __str__(self) -> str:
        return f"{self.case} {self.purged_at:%Y-%m-%d}"
