"""What advisors decided about the triage assistant's suggestions.

The rules suggest; only an advisor changes data. Every accept or dismiss is kept, with
the taxonomy version it was made under, so the rules can be judged and improved.
No text is stored here: only ids of indicators and forms.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Case, Contact


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("overgenomen")
    DISMISSED = "dismissed", _("afgewezen")


class TriageDecision(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="triage_decisions")
    contact = models.ForeignKey(
        Contact,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="triage_decisions",
    )
    item = models.CharField(
        _("signaal of vorm"),
        max_length=40,
        help_text=_("Een signaal-id zoals lab.passport_withheld, of form:labour."),
    )
    suggested = models.BooleanField(_("voorgesteld door de assistent"), default=True)
    decision = models.CharField(_("besluit"), max_length=10, choices=Decision)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        related_name="triage_decisions",
    )
    at = models.DateTimeField(_("op"))
    taxonomy_version = models.CharField(_("versie signalenlijst"), max_length=20)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("besluit over een suggestie")
        verbose_name_plural = _("besluiten over suggesties")
        indexes = [models.Index(fields=["item", "decision"])]

    def __str__(self) -> str:
        return f"{self.item}: {self.decision}"
