"""Partners, referrals to them, and the registration of possible victims.

A referral keeps which fields were shared (their keys: record ids and field names, no
content) in a plain column, and what the partner saw (the values) encrypted.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Case, Exploitation, Person, Task, Urgency
from meldpunt.lib.fields import EncryptedJSONField, EncryptedTextField


class PartnerKind(models.TextChoices):
    POLICE = "police", _("politie")
    AVIM = "avim", _("politie: AVIM (mensenhandel)")
    LABOUR_INSPECTORATE = "labour_inspectorate", _("Nederlandse Arbeidsinspectie")
    CARE_COORDINATOR = "care_coordinator", _("zorgcoördinator mensenhandel van een gemeente")
    COMENSHA = "comensha", _("CoMensha")
    VICTIM_SUPPORT = "victim_support", _("slachtofferhulp (zoals Fier of Slachtofferhulp)")
    ANONYMOUS_TIPS = "anonymous_tips", _("Meld Misdaad Anoniem")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    YOUTH_CARE = "youth_care", _("jeugdzorg")
    SHELTER = "shelter", _("opvang")
    LEGAL_AID = "legal_aid", _("juridische hulp")
    OTHER = "other", _("anders")


class Partner(models.Model):
    """An organisation the meldpunt refers to. Public facts only: no case content."""

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=24, choices=PartnerKind)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    secure_email = models.EmailField(_("beveiligd e-mailadres"), blank=True)
    hours = models.CharField(_("bereikbaar"), max_length=200, blank=True)
    # Empty means every form of exploitation, or every municipality (a national partner).
    exploitation_forms = models.JSONField(_("vormen van uitbuiting"), default=list, blank=True)
    municipalities = models.JSONField(_("gemeenten"), default=list, blank=True)
    notes_for_advisors = models.TextField(_("notities voor adviseurs"), blank=True)
    active = models.BooleanField(
        _("actief"), default=True, help_text=_("Een oude partner zet u uit in plaats van weg.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("verstuurd")
    RECEIVED = "received", _("ontvangen door partner")
    ACCEPTED = "accepted", _("geaccepteerd")
    DECLINED = "declined", _("afgewezen")
    FEEDBACK = "feedback", _("terugkoppeling ontvangen")


class ConsentBy(models.TextChoices):
    VICTIM = "victim", _("het mogelijke slachtoffer")
    REPORTER = "reporter", _("de melder")
    GUARDIAN = "guardian", _("ouder of voogd")
    OTHER = "other", _("iemand anders")


class ConsentHow(models.TextChoices):
    PHONE = "phone", _("mondeling aan de telefoon")
    WRITING = "writing", _("schriftelijk")
    CHAT = "chat", _("in de chat")


class LegalGround(models.TextChoices):
    DANGER_TO_LIFE = "danger_to_life", _("acuut levensgevaar")
    SERIOUS_HARM = "serious_harm", _("dreigend ernstig gevaar voor gezondheid of veiligheid")
    LEGAL_DUTY = "legal_duty", _("wettelijke plicht")
    OTHER = "other", _("andere grond (leg uit)")
    # Only for referrals made before consent was recorded (moved over by a migration).
    NOT_RECORDED = "not_recorded", _("niet vastgelegd (oude doorverwijzing)")


class Referral(models.Model):
    """One referral of a case to a partner: what was shared, on what basis, and what came of it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="referrals")
    reference = models.CharField(_("kenmerk"), max_length=24, unique=True)
    urgency = models.CharField(_("urgentie"), max_length=8, choices=Urgency, default=Urgency.NORMAL)
    reason = EncryptedTextField(_("reden"), blank=True)
    # Keys such as "location.12.address": which fields, never their content.
    shared_fields = models.JSONField(_("gedeelde velden"), default=list, blank=True)
    # What the partner sees: a list of {"group", "label", "value"}, as it was when referred.
    shared = EncryptedJSONField[list[dict[str, str]], list[dict[str, str]]](
        _("gedeelde gegevens"), default=list
    )
    consent_given = models.BooleanField(_("toestemming gegeven"), default=False)
    consent_by = models.CharField(
        _("toestemming gegeven door"), max_length=10, choices=ConsentBy, blank=True
    )
    consent_how = models.CharField(
        _("toestemming gegeven hoe"), max_length=10, choices=ConsentHow, blank=True
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    legal_ground = models.CharField(
        _("grond zonder toestemming"), max_length=16, choices=LegalGround, blank=True
    )
    legal_ground_note = EncryptedTextField(_("toelichting op de grond"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus, default=ReferralStatus.SENT
    )
    # Empty only after the purge, which keeps the referral for the statistics.
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("doorverwezen door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    referred_at = models.DateTimeField(_("doorverwezen op"))
    feedback_due = models.DateField(_("terugkoppeling verwacht uiterlijk"), null=True, blank=True)
    feedback = EncryptedTextField(_("terugkoppeling van de partner"), blank=True)
    feedback_at = models.DateTimeField(_("terugkoppeling vastgelegd op"), null=True, blank=True)
    follow_up_task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-referred_at", "-id"]
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        indexes = [
            # The inbox lists referrals still waiting for feedback past their date.
            models.Index(
                fields=["feedback_due"],
                condition=models.Q(status__in=["sent", "received", "accepted"]),
                name="referral_awaiting_feedback_idx",
            )
        ]

    def __str__(self) -> str:
        return self.reference


class ReferralUpdate(models.Model):
    """A status of a referral and the day it happened, as the advisor recorded it."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=10, choices=ReferralStatus)
    on = models.DateField(_("datum"))
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["on", "recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.referral} {self.status} {self.on}"


class IdentifiedBy(models.TextChoices):
    MELDPUNT = "meldpunt", _("het meldpunt")
    POLICE = "police", _("politie")
    KMAR = "kmar", _("Koninklijke Marechaussee")
    LABOUR_INSPECTORATE = "labour_inspectorate", _("Nederlandse Arbeidsinspectie")
    CARE = "care", _("zorg- of hulpverlener")
    OTHER = "other", _("anders")


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("land- en tuinbouw")
    CONSTRUCTION = "construction", _("bouw")
    LOGISTICS = "logistics", _("logistiek en distributie")
    HOSPITALITY = "hospitality", _("horeca")
    CLEANING = "cleaning", _("schoonmaak")
    FOOD = "food", _("voedselverwerking")
    DOMESTIC = "domestic", _("huishoudelijk werk")
    SEX_WORK = "sex_work", _("prostitutie of seksbranche")
    ONLINE = "online", _("online")
    CRIME = "crime", _("criminele activiteiten")
    OTHER = "other", _("anders")
    UNKNOWN = "unknown", _("onbekend")


class VictimRegistration(models.Model):
    """The record of a possible victim for the national registration, made with consent.

    Name and exact age leave the meldpunt only when ``consent_covers_identity`` is set.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="registration")
    consent_by = models.CharField(_("toestemming gegeven door"), max_length=10, choices=ConsentBy)
    consent_how = models.CharField(_("toestemming gegeven hoe"), max_length=10, choices=ConsentHow)
    consent_on = models.DateField(_("toestemming gegeven op"))
    consent_covers_identity = models.BooleanField(
        _("toestemming geldt ook voor naam en leeftijd"), default=False
    )
    exploitation = models.CharField(_("vorm van uitbuiting"), max_length=10, choices=Exploitation)
    sector = models.CharField(_("sector"), max_length=12, choices=Sector, default=Sector.UNKNOWN)
    identified_by = models.CharField(
        _("gesignaleerd door"), max_length=20, choices=IdentifiedBy, default=IdentifiedBy.MELDPUNT
    )
    identified_on = models.DateField(_("datum van signalering"), db_index=True)
    care_needs = EncryptedTextField(_("zorgbehoeften"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["identified_on", "id"]
        verbose_name = _("registratie mogelijk slachtoffer")
        verbose_name_plural = _("registraties mogelijke slachtoffers")

    def __str__(self) -> str:
        return f"{_('registratie')} {self.identified_on:%Y-%m-%d}"
