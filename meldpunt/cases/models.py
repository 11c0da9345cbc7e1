"""Cases and the contacts that feed them.

Everything identifying or free text is an encrypted field. Plain columns hold only
what statistics need: channel, form, municipality, reporter role, dates, status,
how the person heard of the meldpunt.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import Municipality
from meldpunt.lib.fields import EncryptedJSONField, EncryptedTextField
from meldpunt.lib.languages import ReporterLanguage


def text_values(obj: models.Model) -> list[str]:
    """The values of a model's ``TEXT_FIELDS``: the free text that search and linking read."""
    fields = type(obj).TEXT_FIELDS  # type: ignore[attr-defined]  # declared by each such model
    return [getattr(obj, name) for name in fields]


def texts_of(value: Any) -> list[str]:
    """Every string inside a JSON value (dict values, list items), for indexing details."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_of(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in texts_of(item)]
    return []


class CaseKind(models.TextChoices):
    ADVICE = "advies", _("advies")
    REPORT = "melding", _("melding")


class CaseStatus(models.TextChoices):
    NEW = "new", _("nieuw")
    ASSESSMENT = "assessment", _("beoordeling")
    IN_PROGRESS = "in_progress", _("in behandeling")
    REFERRED = "referred", _("doorverwezen")
    CLOSED = "closed", _("gesloten")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("normaal")
    HIGH = "high", _("hoog")
    ACUTE = "acute", _("acuut")


class Exploitation(models.TextChoices):
    SEXUAL = "sexual", _("seksuele uitbuiting")
    LABOUR = "labour", _("arbeidsuitbuiting")
    CRIMINAL = "criminal", _("criminele uitbuiting")
    UNKNOWN = "unknown", _("onbekend")
    NONE = "none", _("geen mensenhandel")


class Area(models.TextChoices):
    """Where it happens: one of the region's municipalities, elsewhere, or unknown.

    The municipalities are those of accounts.Municipality, by CBS code; a test fails when
    another region replaces that list and not this one.
    """

    ALMERE = Municipality.ALMERE.value, Municipality.ALMERE.label
    DRONTEN = Municipality.DRONTEN.value, Municipality.DRONTEN.label
    LELYSTAD = Municipality.LELYSTAD.value, Municipality.LELYSTAD.label
    NOORDOOSTPOLDER = Municipality.NOORDOOSTPOLDER.value, Municipality.NOORDOOSTPOLDER.label
    URK = Municipality.URK.value, Municipality.URK.label
    ZEEWOLDE = Municipality.ZEEWOLDE.value, Municipality.ZEEWOLDE.label
    ELSEWHERE = "elsewhere", _("elders")
    UNKNOWN = "unknown", _("onbekend")


class Channel(models.TextChoices):
    PHONE = "phone", _("telefoon")
    CHAT = "chat", _("chat")
    WEB_REPORT = "web_report", _("webformulier")
    MAILBOX = "mailbox", _("bericht in postbus")


class Disposition(models.TextChoices):
    """How a contact went. Anything but COMPLETED is a quick disposition."""

    COMPLETED = "completed", _("gesprek gevoerd")
    SILENT = "silent", _("stil")
    HANG_UP = "hang_up", _("opgehangen")
    ABUSIVE = "abusive", _("grof of misbruik")
    TEST = "test", _("test")
    WRONG_NUMBER = "wrong_number", _("verkeerd verbonden")


class ReporterRole(models.TextChoices):
    SELF = "self", _("het gaat over mijzelf")
    BYSTANDER = "bystander", _("inwoner of omstander")
    PROFESSIONAL = "professional", _("professional")
    OTHER = "other", _("anders")
    UNKNOWN = "unknown", _("onbekend")


class HowHeard(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("sociale media")
    FLYER = "flyer", _("flyer")
    BILLBOARD = "billboard", _("reclamebord op straat (mupi)")
    POLICE = "police", _("politie")
    INTERNET_SEARCH = "internet_search", _("zoeken op internet")
    OTHER = "other", _("anders")
    UNKNOWN = "unknown", _("onbekend")


class ClosingReason(models.TextChoices):
    HANDED_OVER = "handed_over", _("overgedragen aan lokaal team of bestaande hulp")
    REFERRED = "referred", _("doorverwezen naar partner")
    ADVICE_GIVEN = "advice_given", _("advies gegeven")
    NO_TRAFFICKING = "no_trafficking", _("geen signalen van mensenhandel")
    NOT_REACHABLE = "not_reachable", _("melder niet bereikbaar")
    OTHER = "other", _("anders")


class Outcome(models.TextChoices):
    CONCERN_CONFIRMED = "confirmed", _("vermoeden bevestigd")
    CONCERN_NOT_CONFIRMED = "not_confirmed", _("vermoeden niet bevestigd")
    UNCLEAR = "unclear", _("onduidelijk")


class AssessmentConclusion(models.TextChoices):
    """What the safety assessment concluded; recorded before the case leaves assessment."""

    ADVICE_GIVEN = "advice_given", _("advies gegeven")
    REPORT_ACCEPTED = "report_accepted", _("melding aangenomen")
    REFERRED = "referred", _("doorverwezen")
    NO_FURTHER_ACTION = "no_action", _("geen verdere actie")


class Case(models.Model):
    """One situation: possible victims, suspects and places, fed by one or more contacts."""

    number = models.CharField(_("zaaknummer"), max_length=16, unique=True)
    kind = models.CharField(_("soort"), max_length=8, choices=CaseKind, default=CaseKind.ADVICE)
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus, default=CaseStatus.NEW, db_index=True
    )
    urgency = models.CharField(_("urgentie"), max_length=8, choices=Urgency, default=Urgency.NORMAL)
    exploitation = models.CharField(
        _("vorm van uitbuiting"), max_length=10, choices=Exploitation, default=Exploitation.UNKNOWN
    )
    municipality = models.CharField(
        _("gemeente"), max_length=10, choices=Area, default=Area.UNKNOWN
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    created_at = models.DateTimeField(_("aangemaakt"), db_index=True)
    updated_at = models.DateTimeField(_("bijgewerkt"))
    assessment_due = models.DateField(_("beoordeling uiterlijk"), null=True, blank=True)
    response_due = models.DateTimeField(_("eerste reactie uiterlijk"), null=True, blank=True)
    responded_at = models.DateTimeField(_("eerste reactie"), null=True, blank=True)
    needs_attention = models.BooleanField(_("nieuw bericht"), default=False)
    # A reporter's mailbox message waits for an answer until this day (cleared by a reply).
    reply_due = models.DateField(_("bericht beantwoorden uiterlijk"), null=True, blank=True)
    assessment_conclusion = models.CharField(
        _("conclusie beoordeling"), max_length=16, choices=AssessmentConclusion, blank=True
    )
    assessed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The statistics count closed cases by the day they closed (case_stats_closed_idx).
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    close_requested_at = models.DateTimeField(_("sluiten aangevraagd op"), null=True, blank=True)
    close_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sluiten aangevraagd door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closing_reason = models.CharField(
        _("reden van sluiten"), max_length=16, choices=ClosingReason, blank=True
    )
    outcome = models.CharField(_("uitkomst"), max_length=16, choices=Outcome, blank=True)
    close_refused_at = models.DateTimeField(_("sluiten afgewezen op"), null=True, blank=True)
    close_refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sluiten afgewezen door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = EncryptedTextField(_("korte omschrijving"), blank=True)
    closing_note = EncryptedTextField(_("toelichting bij sluiten"), blank=True)
    assessment_note = EncryptedTextField(_("toelichting bij de conclusie"), blank=True)
    close_refusal_reason = EncryptedTextField(_("reden van afwijzen"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        indexes = [
            models.Index(fields=["assigned_to", "status"]),
            # Small partial indexes for the inbox sections (see cases.selectors.inbox_sections).
            models.Index(
                fields=["assessment_due"],
                condition=models.Q(status__in=["new", "assessment"]),
                name="case_awaiting_assessment_idx",
            ),
            models.Index(
                fields=["response_due"],
                condition=models.Q(responded_at__isnull=True),
                name="case_awaiting_response_idx",
            ),
            models.Index(
                fields=["reply_due"],
                condition=models.Q(reply_due__isnull=False),
                name="case_awaiting_reply_idx",
            ),
            models.Index(
                fields=["needs_attention"],
                condition=models.Q(needs_attention=True),
                name="case_needs_attention_idx",
            ),
            models.Index(
                fields=["close_requested_at"],
                condition=models.Q(close_requested_at__isnull=False),
                name="case_close_requested_idx",
            ),
            # The closed cases by when they closed: the purge finds those past their
            # period by it. (The dashboard reads its case figures from ``CaseMonth``.)
            models.Index(fields=["closed_at"], name="case_closed_at_idx"),
            # The open cases today, counted from this index alone.
            models.Index(
                fields=["municipality"],
                condition=~models.Q(status="closed"),
                name="case_stats_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class CaseNumberSequence(models.Model):
    """The last case number handed out per year."""

    year = models.PositiveIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Contact(models.Model):
    """One moment of contact: a call, a chat, a web report or a mailbox message.

    A quick disposition (a silent or wrong-number call) belongs to no case and holds no
    content: only its plain columns, for the statistics.
    """

    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    channel = models.CharField(_("kanaal"), max_length=12, choices=Channel)
    disposition = models.CharField(
        _("afloop"), max_length=14, choices=Disposition, default=Disposition.COMPLETED
    )
    started_at = models.DateTimeField(_("begin"), db_index=True)
    duration_seconds = models.PositiveIntegerField(_("duur (seconden)"), null=True, blank=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contacts",
    )
    reporter_role = models.CharField(
        _("wie neemt contact op"), max_length=12, choices=ReporterRole, default=ReporterRole.UNKNOWN
    )
    anonymous = models.BooleanField(_("anoniem"), default=True)
    callback_allowed = models.BooleanField(_("mogen we terugbellen"), default=False)
    how_heard = models.CharField(
        _("hoe kent u ons"), max_length=16, choices=HowHeard, default=HowHeard.UNKNOWN
    )
    municipality = models.CharField(
        _("gemeente"), max_length=10, choices=Area, default=Area.UNKNOWN
    )
    exploitation = models.CharField(
        _("vorm van uitbuiting"), max_length=10, choices=Exploitation, default=Exploitation.UNKNOWN
    )
    indicators = models.JSONField(_("signalen"), default=list, blank=True)
    # The reporter's language: the URL's language for a web report, mailbox message or
    # chat, the language the call was held in for the phone.
    language = models.CharField(
        _("taal"), max_length=2, choices=ReporterLanguage, default=ReporterLanguage.NL
    )
    interpreter = models.BooleanField(_("met tolk"), default=False)
    callback_details = EncryptedTextField(_("hoe terugbellen"), blank=True)
    summary = EncryptedTextField(_("samenvatting"), blank=True)
    advice_given = EncryptedTextField(_("gegeven advies"), blank=True)
    action_taken = EncryptedTextField(_("genomen actie"), blank=True)
    details = EncryptedJSONField[dict[str, str | int], dict[str, str | int]](_("overige gegevens"))

    # The free-text fields that search and linking read (``details`` is walked apart).
    TEXT_FIELDS = ("summary", "advice_given", "action_taken", "callback_details")

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        indexes = [
            # The statistics' first response looks for the cases with a web report: this
            # small index answers that without reading the contacts.
            models.Index(
                fields=["case"],
                condition=models.Q(channel="web_report"),
                name="contact_web_report_case_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.started_at:%Y-%m-%d %H:%M}"


class ContactFigure(models.TextChoices):
    """What a row of ``ContactDay`` counts its contacts by, besides its key columns (never
    shown: the statistics label the values of each figure)."""

    CONTACT = "contact"
    EXPLOITATION = "exploitation"
    REPORTER_ROLE = "reporter_role"
    HOW_HEARD = "how_heard"
    HOUR = "hour"
    # Only in ``ContactMonth``: the hour of the week, "weekday-hour" (Monday 1, hour 0-23).
    WEEK_HOUR = "week_hour"


class ContactCount(models.Model):
    """The key and count columns of ``ContactDay``, ``ContactWeek`` and ``ContactMonth``."""

    municipality = models.CharField(max_length=10, choices=Area)
    channel = models.CharField(max_length=12, choices=Channel)
    disposition = models.CharField(max_length=14, choices=Disposition)
    figure = models.CharField(max_length=16, choices=ContactFigure)
    # The figure's value: a choice of the contact's column, the hour (0-23) or the hour of
    # the week ("weekday-hour"), "" for CONTACT.
    value = models.CharField(max_length=16, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        abstract = True


class ContactDay(ContactCount):
    """How many contacts began on one day (in the meldpunt's time zone), per municipality,
    channel and disposition, and per value of one ``figure``: the statistics read these
    rows instead of a million contacts.

    Kept exact in the transaction that writes a contact (``cases.contact_days``): the
    days it touches are counted again from the contacts. Plain columns only, which the
    purge keeps, so purging content changes no row. ``contact_days_rebuild`` counts
    every day again.
    """

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "day", "municipality", "channel", "disposition", "value"],
                name="unique_contact_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.figure}={self.value}: {self.count}"


class ContactMonth(ContactCount):
    """The rows of ``ContactDay`` added up per month (``month`` is its first day), for the
    month and quarter figures: a year is twelve rows where it was 365. The hour of the
    start is kept as the hour of the week (figure ``WEEK_HOUR``, value "weekday-hour")
    instead of ``HOUR``, as the hours of the week need no day.

    Kept exact with ``ContactDay``, in the same transaction: the months of the days counted
    again are added up again from their days (``cases.contact_days``).
    """

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "month", "municipality", "channel", "disposition", "value"],
                name="unique_contact_month",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.figure}={self.value}: {self.count}"


# The figures kept per week (``ContactWeek``): the time line and how heard over time.
WEEK_FIGURES = (ContactFigure.CONTACT, ContactFigure.HOW_HEARD)


class ContactWeek(ContactCount):
    """The rows of ``ContactDay`` of the time line and how heard (figures ``CONTACT`` and
    ``HOW_HEARD``) added up per week, for the figures per week: a year is 53 rows where it
    was 365. A week that runs into the next quarter is two rows, one per quarter, so that a
    year or a quarter reads exactly its own days: ``week`` is the first day of the part
    (the Monday, or the first day of the quarter).

    Kept exact with ``ContactDay``, in the same transaction (``cases.contact_days``).
    """

    week = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "week", "municipality", "channel", "disposition", "value"],
                name="unique_contact_week",
            )
        ]

    def __str__(self) -> str:
        return f"{self.week} {self.figure}={self.value}: {self.count}"


class CaseFigure(models.TextChoices):
    """What a row of ``CaseMonth`` counts cases by (never shown: the statistics label the
    values of each figure)."""

    # Cases made in the month, by kind and by urgency.
    KIND = "kind"
    URGENCY = "urgency"
    # Cases closed in the month, by closing reason.
    OUTCOME = "outcome"
    # Meldingen made in the month: "in_time", "late" or "pending" (``ASSESSMENT``).
    ASSESSMENT = "assessment"
    # Cases with a web report made in the month: the hours to the first response, rounded
    # to a tenth as the dashboard shows them ("" while none came yet).
    RESPONSE = "response"


class CaseMonth(models.Model):
    """Cases counted per month (``month`` its first day, in Dutch time), municipality and
    figure value, for the dashboard's case figures: a year is a few hundred rows instead
    of tens of thousands of cases.

    Kept exact in the transaction of every write of the columns the figures read: the
    case's rows before the write lose one, its rows after gain one
    (``cases.case_months``).
    """

    month = models.DateField()
    municipality = models.CharField(max_length=10, choices=Area)
    figure = models.CharField(max_length=16, choices=CaseFigure)
    value = models.CharField(max_length=16, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["figure", "month", "municipality", "value"], name="unique_case_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.figure}={self.value}: {self.count}"


class PersonRole(models.TextChoices):
    VICTIM = "victim", _("mogelijk slachtoffer")
    PERPETRATOR = "perpetrator", _("mogelijke dader")
    REPORTER = "reporter", _("melder")
    OTHER = "other", _("anders")


class AgeGroup(models.TextChoices):
    UNDER_12 = "0-11", _("jonger dan 12")
    AGE_12_17 = "12-17", _("12 tot 18")
    AGE_18_23 = "18-23", _("18 tot 24")
    AGE_24_PLUS = "24+", _("24 of ouder")
    UNKNOWN = "unknown", _("onbekend")


class Gender(models.TextChoices):
    FEMALE = "female", _("vrouw")
    MALE = "male", _("man")
    OTHER = "other", _("anders")
    UNKNOWN = "unknown", _("onbekend")


class Person(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="persons")
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="persons"
    )
    role = models.CharField(_("rol"), max_length=12, choices=PersonRole)
    age_group = models.CharField(
        _("leeftijdsgroep"), max_length=8, choices=AgeGroup, default=AgeGroup.UNKNOWN
    )
    is_minor = models.BooleanField(_("minderjarig"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender, default=Gender.UNKNOWN)
    name = EncryptedTextField(_("naam of bijnaam"), blank=True)
    age = EncryptedTextField(_("leeftijd"), blank=True)
    nationality = EncryptedTextField(_("nationaliteit"), blank=True)
    language = EncryptedTextField(_("taal"), blank=True)
    vulnerabilities = EncryptedTextField(_("kwetsbaarheden"), blank=True)
    description = EncryptedTextField(_("omschrijving"), blank=True)

    TEXT_FIELDS = ("name", "age", "nationality", "language", "vulnerabilities", "description")

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.case})"


class LocationKind(models.TextChoices):
    HOME = "home", _("woonadres")
    WORKPLACE = "workplace", _("werkplek of bedrijf")
    OTHER = "other", _("andere plek")


class Location(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="locations")
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="locations"
    )
    kind = models.CharField(_("soort plek"), max_length=10, choices=LocationKind)
    municipality = models.CharField(
        _("gemeente"), max_length=10, choices=Area, default=Area.UNKNOWN
    )
    address = EncryptedTextField(_("adres"), blank=True)
    postcode = EncryptedTextField(_("postcode"), blank=True)
    place = EncryptedTextField(_("plaats"), blank=True)
    company_name = EncryptedTextField(_("bedrijfsnaam"), blank=True)
    kvk_number = EncryptedTextField(_("KvK-nummer"), blank=True)
    description = EncryptedTextField(_("omschrijving"), blank=True)

    TEXT_FIELDS = ("address", "postcode", "place", "company_name", "kvk_number", "description")

    class Meta:
        verbose_name = _("plek")
        verbose_name_plural = _("plekken")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.case})"


class Note(models.Model):
    """An internal note: the reporter never sees it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(_("geschreven"))
    text = EncryptedTextField(_("notitie"))

    TEXT_FIELDS = ("text",)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("interne notitie")
        verbose_name_plural = _("interne notities")

    def __str__(self) -> str:
        return f"{_('notitie')} {self.created_at:%Y-%m-%d %H:%M}"


class Task(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("uiterlijk"), db_index=True)
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"))
    description = EncryptedTextField(_("taak"))

    TEXT_FIELDS = ("description",)

    class Meta:
        ordering = ["due_date"]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")

    def __str__(self) -> str:
        return f"{_('taak')} {self.due_date:%Y-%m-%d}"


class CaseSearchToken(models.Model):
    """A keyed hash of one normalised word of a case's content (see docs/decisions).

    Content is encrypted, so SQL cannot search it; the hashes can be matched without
    revealing the words.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="search_tokens")
    token = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "case"], name="unique_case_search_token")
        ]

    def __str__(self) -> str:
        return self.token


class IntakeDraft(models.Model):
    """What an advisor has typed in the phone intake so far, so a crash loses nothing."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake_drafts"
    )
    started_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    data = EncryptedJSONField[dict[str, list[str]], dict[str, list[str]]]()

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"draft {self.pk}"
