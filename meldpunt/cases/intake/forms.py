"""Forms of the phone intake screen.

``IntakeForm`` is one form made of parts, one per part of the screen. Field order
follows a call: what is going on, who calls, where, which signals, how urgent, who is
involved, what was advised, may we call back, how they heard of us.
"""

from datetime import datetime
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.checklist import grouped_indicator_choices
from meldpunt.cases.intake.widgets import (
    ChecklistSelect,
    EntityLinesField,
    InlineRadio,
    StaffChoiceField,
)
from meldpunt.cases.models import (
    AgeGroup,
    Area,
    CaseKind,
    Disposition,
    Exploitation,
    Gender,
    HowHeard,
    LocationKind,
    ReporterRole,
    Urgency,
)
from meldpunt.cases.selectors import case_handlers
from meldpunt.cases.services import check_due_date
from meldpunt.lib import clock
from meldpunt.lib.languages import ReporterLanguage

STARTED_SALT = "meldpunt.intake.started"

# Quick dispositions in the order of their keys: Alt+1 .. Alt+5.
QUICK_DISPOSITIONS = (
    Disposition.SILENT,
    Disposition.HANG_UP,
    Disposition.ABUSIVE,
    Disposition.TEST,
    Disposition.WRONG_NUMBER,
)


def sign_started(moment: datetime) -> str:
    """The call's start time for a hidden field; signed so a form cannot move it."""
    return signing.dumps(moment.isoformat(), salt=STARTED_SALT)


def read_started(value: str | None) -> datetime:
    """The signed start time, or now when it is missing or tampered with."""
    try:
        return datetime.fromisoformat(signing.loads(value or "", salt=STARTED_SALT))
    except (signing.BadSignature, ValueError, TypeError):
        return clock.now()


MINOR_CHOICES = [("", _("weet niet")), ("yes", _("ja")), ("no", _("nee"))]


class IntakePart(forms.Form):
    """A part of the intake form; a one-line text field gets the text box style."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.TextInput):
                field.widget.attrs.setdefault("class", "utrecht-textbox")


class CallForm(IntakePart):
    """What the call is about: who calls and where it plays."""

    summary = forms.CharField(
        label=_("Wat is er aan de hand?"),
        help_text=_("Samenvatting van het gesprek, in eigen woorden."),
        widget=forms.Textarea(attrs={"rows": 6, "autofocus": True, "class": "utrecht-textarea"}),
        max_length=20_000,
        error_messages={"required": _("Schrijf kort op waar het gesprek over ging.")},
    )
    reporter_role = forms.ChoiceField(
        label=_("Wie belt?"),
        choices=ReporterRole.choices,
        initial=ReporterRole.UNKNOWN,
        widget=InlineRadio,
    )
    anonymous = forms.BooleanField(
        label=_("Beller blijft anoniem"),
        required=False,
        initial=True,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )
    municipality = forms.ChoiceField(
        label=_("Gemeente waar het speelt"),
        choices=Area.choices,
        initial=Area.UNKNOWN,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )


class SignalsForm(IntakePart):
    """Which form of exploitation, which signals, how urgent: phone intake and chat alike."""

    exploitation = forms.ChoiceField(
        label=_("Vorm van uitbuiting"),
        choices=Exploitation.choices,
        initial=Exploitation.UNKNOWN,
        widget=InlineRadio,
    )
    indicators = forms.MultipleChoiceField(
        label=_("Signalen"),
        choices=grouped_indicator_choices,
        required=False,
        widget=ChecklistSelect,
    )
    urgency = forms.ChoiceField(
        label=_("Urgentie"), choices=Urgency.choices, initial=Urgency.NORMAL, widget=InlineRadio
    )


def _lines(value: str) -> str:
    """One value per line, without blank lines or spaces around them."""
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


class EntitiesForm(IntakePart):
    """Phone numbers, plates, addresses and companies, several each (one per line).

    Stored with the contact under the web report's keys, so linking and search read
    them exactly as they read the web report's answers.
    """

    phone_numbers = EntityLinesField(label=_("Telefoonnummers"))
    licence_plates = EntityLinesField(label=_("Kentekens"))
    addresses = EntityLinesField(label=_("Adressen"), help_text=_("Met postcode en huisnummer."))
    company_names = EntityLinesField(label=_("Bedrijven of werkgevers"))

    ENTITY_KEYS = ("phone_numbers", "licence_plates", "addresses", "company_names")

    def entity_details(self) -> dict[str, str]:
        """The filled-in fields, for the contact's encrypted details."""
        data = self.cleaned_data
        return {key: _lines(data[key]) for key in self.ENTITY_KEYS if _lines(data[key])}


class MinorForm(IntakePart):
    """Whether a minor is involved: yes, no or not known."""

    victim_minor = forms.ChoiceField(
        label=_("Minderjarig?"), choices=MINOR_CHOICES, required=False, widget=InlineRadio
    )

    def minor(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["victim_minor"])


class VictimForm(MinorForm):
    """The possible victim, as far as the caller knows."""

    victim_age_group = forms.ChoiceField(
        label=_("Leeftijd"),
        choices=AgeGroup.choices,
        initial=AgeGroup.UNKNOWN,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    victim_gender = forms.ChoiceField(
        label=_("Gender"),
        choices=Gender.choices,
        initial=Gender.UNKNOWN,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    victim_name = forms.CharField(label=_("Naam of bijnaam"), required=False, max_length=200)
    victim_nationality = forms.CharField(label=_("Nationaliteit"), required=False, max_length=100)
    victim_language = forms.CharField(label=_("Taal"), required=False, max_length=100)

    def victim_fields(self) -> dict[str, Any] | None:
        """The possible victim, or None when nothing about them was filled in."""
        data = self.cleaned_data
        minor = self.minor()
        fields = {
            "age_group": data["victim_age_group"],
            "is_minor": minor,
            "gender": data["victim_gender"],
            "name": data["victim_name"].strip(),
            "nationality": data["victim_nationality"].strip(),
            "language": data["victim_language"].strip(),
        }
        given = (
            fields["age_group"] != AgeGroup.UNKNOWN
            or minor is not None
            or fields["gender"] != Gender.UNKNOWN
            or any(fields[name] for name in ("name", "nationality", "language"))
        )
        return fields if given else None


class LocationForm(IntakePart):
    """The place where it happens: an address or a company."""

    location_kind = forms.ChoiceField(
        label=_("Soort plek"),
        choices=LocationKind.choices,
        initial=LocationKind.OTHER,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    location_address = forms.CharField(label=_("Adres"), required=False, max_length=300)
    location_postcode = forms.CharField(label=_("Postcode"), required=False, max_length=10)
    location_place = forms.CharField(label=_("Plaats"), required=False, max_length=100)
    location_company = forms.CharField(label=_("Bedrijfsnaam"), required=False, max_length=200)
    location_municipality = forms.ChoiceField(
        label=_("Gemeente van deze plek"),
        choices=Area.choices,
        initial=Area.UNKNOWN,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )

    def location_fields(self) -> dict[str, Any] | None:
        """The place, or None when no address, postcode, place or company was given."""
        data = self.cleaned_data
        fields = {
            "kind": data["location_kind"],
            "address": data["location_address"].strip(),
            "postcode": data["location_postcode"].strip().upper(),
            "place": data["location_place"].strip(),
            "company_name": data["location_company"].strip(),
            "municipality": data["location_municipality"],
        }
        given = any(fields[name] for name in ("address", "postcode", "place", "company_name"))
        return fields if given or fields["municipality"] != Area.UNKNOWN else None


class ClosingForm(IntakePart):
    """How the call ended: the advice given, whether we may call back, how they found us,
    and the language it was held in (with an interpreter or not)."""

    advice_given = forms.CharField(
        label=_("Gegeven advies"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}),
    )
    callback_allowed = forms.BooleanField(
        label=_("We mogen terugbellen"),
        required=False,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )
    callback_details = forms.CharField(
        label=_("Hoe en wanneer terugbellen"),
        help_text=_("Bijvoorbeeld: 06-nummer, na 18.00 uur, niet inspreken."),
        required=False,
        max_length=300,
    )
    how_heard = forms.ChoiceField(
        label=_("Hoe kent de beller ons?"),
        choices=HowHeard.choices,
        initial=HowHeard.UNKNOWN,
        widget=InlineRadio,
    )
    # After the call's content: most calls are in Dutch, so the keyboard path skips these.
    language = forms.ChoiceField(
        label=_("Taal van het gesprek"),
        choices=ReporterLanguage.choices,
        initial=ReporterLanguage.NL,
        # Not given (an older form still open): the call was in Dutch.
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    interpreter = forms.BooleanField(
        label=_("Met tolk"),
        required=False,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if data.get("callback_allowed") and not data.get("callback_details", "").strip():
            self.add_error(
                "callback_details", _("Schrijf op hoe en wanneer we kunnen terugbellen.")
            )
        return data


class TaskForm(IntakePart):
    """A follow-up task: something that has to be done, by a date."""

    task_description = forms.CharField(
        label=_("Wat moet er gebeuren?"), required=False, max_length=500
    )
    task_due = forms.DateField(
        label=_("Uiterlijk"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}),
    )
    task_assignee = StaffChoiceField(
        label=_("Wie doet het?"),
        queryset=case_handlers(),
        required=False,
        empty_label=_("nog niemand"),
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if data.get("task_description") and not data.get("task_due"):
            self.add_error("task_due", _("Kies een datum waarop de taak klaar moet zijn."))
        if data.get("task_due") and not data.get("task_description"):
            self.add_error("task_description", _("Schrijf op wat er moet gebeuren."))
        if data.get("task_due"):
            try:
                check_due_date(data["task_due"])  # the service's own rule, shown at the field
            except ValidationError as error:
                self.add_error("task_due", error.message_dict["due_date"])
        return data

    def task_fields(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data["task_description"]:
            return None
        return {
            "description": data["task_description"],
            "due_date": data["task_due"],
            "assignee": data["task_assignee"],
        }


class CaseKindForm(IntakePart):
    """The kind of a new case: advice, or a report whose next steps we take over."""

    kind = forms.ChoiceField(
        label=_("Soort nieuwe zaak"),
        choices=CaseKind.choices,
        initial=CaseKind.ADVICE,
        widget=InlineRadio,
        help_text=_(
            "Melding: wij nemen de volgende stappen over (beoordeling binnen 5 werkdagen)."
        ),
    )


def new_case_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Kind, urgency, form and municipality of a new case, from a form with those parts."""
    return {key: data[key] for key in ("kind", "urgency", "exploitation", "municipality")}


class CaseChoiceForm(CaseKindForm):
    """Where the call is saved: a new case of a kind, or an existing case found by words."""

    case_query = forms.CharField(
        label=_("Zoek de zaak"),
        help_text=_("Zaaknummer of een paar woorden uit de zaak."),
        required=False,
        max_length=200,
        # htmx lists matching cases while typing; without it the "Zoek zaak" button does.
        widget=forms.TextInput(
            attrs={
                "class": "utrecht-textbox",
                "autocomplete": "off",
                "hx-post": reverse_lazy("intake:case_picker"),
                "hx-trigger": "input changed delay:350ms, search",
                "hx-target": "#case-picker-results",
                "hx-swap": "innerHTML",
            }
        ),
    )
    existing_case = forms.IntegerField(required=False, widget=forms.HiddenInput)


# Longer than any call; a larger number from a tampered form is cut back to it.
MAX_CALL_SECONDS = 12 * 60 * 60


class DurationForm(IntakePart):
    """How long the call took, as the advisor saw it.

    With the script, the timer on the screen fills ``duration_seconds`` with the seconds
    it shows; without it the advisor types the minutes.
    """

    duration_minutes = forms.IntegerField(
        label=_("Duur van het gesprek (minuten)"),
        required=False,
        min_value=0,
        max_value=MAX_CALL_SECONDS // 60,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox", "inputmode": "numeric"}),
    )
    duration_seconds = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-intake-duration": True})
    )

    def duration(self) -> int | None:
        """Seconds from the timer, else the minutes typed, else not known (None)."""
        seconds = self.cleaned_data.get("duration_seconds", "").strip()
        if seconds.isdigit():
            return min(int(seconds), MAX_CALL_SECONDS)
        minutes = self.cleaned_data.get("duration_minutes")
        return minutes * 60 if minutes is not None else None


class IntakeForm(
    CallForm,
    SignalsForm,
    EntitiesForm,
    VictimForm,
    LocationForm,
    ClosingForm,
    DurationForm,
    TaskForm,
    CaseChoiceForm,
):
    """Everything an advisor notes during a call."""

    # Django puts the fields of the last base first; the first error to focus follows
    # the order of the screen.
    field_order = [
        *CallForm.base_fields,
        *SignalsForm.base_fields,
        *EntitiesForm.base_fields,
        *VictimForm.base_fields,
        *LocationForm.base_fields,
        *ClosingForm.base_fields,
        *DurationForm.base_fields,
        *TaskForm.base_fields,
        *CaseChoiceForm.base_fields,
    ]

    def focus_first_error(self) -> None:
        """Move the cursor to the first field that needs attention instead of the summary."""
        invalid = [name for name in self.fields if name in self.errors]
        if invalid:
            self.fields["summary"].widget.attrs.pop("autofocus", None)
            self.fields[invalid[0]].widget.attrs["autofocus"] = True

    def contact_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "reporter_role": data["reporter_role"],
            "anonymous": data["anonymous"],
            "callback_allowed": data["callback_allowed"],
            "callback_details": data["callback_details"] if data["callback_allowed"] else "",
            "how_heard": data["how_heard"],
            "language": data["language"] or ReporterLanguage.NL,
            "interpreter": data["interpreter"],
            "municipality": data["municipality"],
            "exploitation": data["exploitation"],
            "indicators": data["indicators"],
            "summary": data["summary"],
            "advice_given": data["advice_given"],
            "details": {"urgency": data["urgency"], **self.entity_details()},
        }

    def case_fields(self) -> dict[str, Any]:
        return new_case_fields(self.cleaned_data)


class QuickDispositionForm(DurationForm):
    disposition = forms.ChoiceField(choices=[(d.value, d.label) for d in QUICK_DISPOSITIONS])


def draft_initial(data: dict[str, list[str]]) -> dict[str, Any]:
    """Form initial values from a stored draft; a checkbox missing from it was unticked."""
    initial: dict[str, Any] = {}
    for name, field in IntakeForm.base_fields.items():
        values = data.get(name, [])
        if isinstance(field, forms.MultipleChoiceField):
            initial[name] = values
        elif isinstance(field, forms.BooleanField):
            initial[name] = bool(values) and values[0] not in {"", "false", "off"}
        elif values:
            initial[name] = values[0]
    return initial
