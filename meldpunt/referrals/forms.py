"""Forms of the referrals app. Validation of input only; the rules are in services."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from meldpunt.accounts.models import Municipality
from meldpunt.cases.forms import SELECT, TEXTAREA, TEXTBOX, PageForm
from meldpunt.cases.models import Exploitation, Urgency
from meldpunt.referrals.models import (
    ConsentBy,
    ConsentHow,
    IdentifiedBy,
    LegalGround,
    Partner,
    PartnerKind,
    ReferralStatus,
    Sector,
)
from meldpunt.referrals.sharing import ShareableField

DATE_INPUT = forms.DateInput(attrs={**TEXTBOX, "type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {
    "required": _("Vul een datum in."),
    "invalid": _("Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026."),
}
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y"]


def date_field(label: StrPromise) -> forms.DateField:
    """A date typed or picked as day-month-year, explained in Dutch when wrong."""
    return forms.DateField(
        label=label, input_formats=DATE_FORMATS, error_messages=DATE_ERRORS, widget=DATE_INPUT
    )


def choice_field(
    label: StrPromise, choices: Any, *, required: StrPromise | str = ""
) -> forms.ChoiceField:
    """A select with a "Kies" first option; ``required`` is the message when left on it."""
    return forms.ChoiceField(
        label=label,
        required=bool(required),
        choices=[("", _("Kies")), *choices],
        error_messages={"required": required},
        widget=forms.Select(attrs=SELECT),
    )


FORMS_OF_EXPLOITATION = [
    (value, label)
    for value, label in Exploitation.choices
    if value not in {Exploitation.UNKNOWN, Exploitation.NONE}
]


class PartnerFilterForm(PageForm):
    exploitation = forms.ChoiceField(
        label=_("Vorm van uitbuiting"),
        required=False,
        choices=[("", _("Alle vormen")), *FORMS_OF_EXPLOITATION],
        widget=forms.Select(attrs=SELECT),
    )
    municipality = forms.ChoiceField(
        label=_("Gemeente"),
        required=False,
        choices=[("", _("Alle gemeenten")), *Municipality.choices],
        widget=forms.Select(attrs=SELECT),
    )


class PartnerChoiceField(forms.ModelChoiceField[Partner]):
    def label_from_instance(self, obj: Partner) -> str:
        kind = str(PartnerKind(obj.kind).label)
        return obj.name if kind.lower() in obj.name.lower() else f"{obj.name} ({kind})"


class ReferralForm(PageForm):
    """A referral: partner, reason, urgency, the fields to share and the basis for sharing."""

    partner = PartnerChoiceField(
        label=_("Partner"),
        queryset=Partner.objects.none(),
        empty_label=_("Kies een partner"),
        error_messages={"required": _("Kies een partner.")},
        widget=forms.Select(attrs=SELECT),
    )
    reason = forms.CharField(
        label=_("Reden van doorverwijzing"),
        help_text=_("Deze tekst staat op de samenvatting voor de partner."),
        max_length=2000,
        error_messages={"required": _("Schrijf waarom u doorverwijst.")},
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )
    urgency = forms.ChoiceField(
        label=_("Urgentie"), choices=Urgency.choices, widget=forms.Select(attrs=SELECT)
    )
    shared_fields = forms.MultipleChoiceField(
        label=_("Welke gegevens deelt u?"),
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    consent_given = forms.TypedChoiceField(
        label=_("Toestemming"),
        choices=[
            ("yes", _("Er is toestemming om te delen")),
            ("no", _("Er is geen toestemming: ik deel op een wettelijke grond")),
        ],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Geef aan of er toestemming is.")},
        widget=forms.RadioSelect,
    )
    consent_by = choice_field(_("Toestemming gegeven door"), ConsentBy.choices)
    consent_how = choice_field(_("Hoe is de toestemming gegeven?"), ConsentHow.choices)
    consent_at = forms.DateTimeField(
        label=_("Wanneer is de toestemming gegeven?"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
        error_messages={"invalid": _("Vul datum en tijd in, bijvoorbeeld 31-12-2026 14:30.")},
        widget=forms.DateTimeInput(
            attrs={**TEXTBOX, "type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    legal_ground = choice_field(
        _("Grond om zonder toestemming te delen"),
        [(v, label) for v, label in LegalGround.choices if v != LegalGround.NOT_RECORDED],
    )
    legal_ground_note = forms.CharField(
        label=_("Toelichting op de grond"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 2}),
    )
    follow_up = forms.BooleanField(
        label=_("Taak maken: over 10 werkdagen de partner om terugkoppeling vragen"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, offered: list[ShareableField], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offered = offered
        cast(PartnerChoiceField, self.fields["partner"]).queryset = Partner.objects.filter(
            active=True
        ).order_by("name")
        cast(forms.MultipleChoiceField, self.fields["shared_fields"]).choices = [
            (field.key, field.label) for field in offered
        ]

    def groups(self) -> list[tuple[str, list[tuple[ShareableField, bool]]]]:
        """The offered fields by record, each with whether it is ticked now."""
        chosen = set(self["shared_fields"].value() or [])
        groups: list[tuple[str, list[tuple[ShareableField, bool]]]] = []
        for field in self.offered:
            if not groups or groups[-1][0] != field.group:
                groups.append((field.group, []))
            groups[-1][1].append((field, field.key in chosen))
        return groups


class StatusForm(PageForm):
    status = forms.ChoiceField(
        label=_("Wat gebeurde er?"),
        choices=[
            (value, label)
            for value, label in ReferralStatus.choices
            if value in {ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}
        ],
        widget=forms.Select(attrs=SELECT),
    )
    on = date_field(_("Op welke dag?"))


class FeedbackForm(PageForm):
    id_prefix = "feedback"  # beside the status form on the referral's page

    text = forms.CharField(
        label=_("Terugkoppeling van de partner"),
        help_text=_("Wordt versleuteld opgeslagen."),
        error_messages={"required": _("Schrijf de terugkoppeling van de partner op.")},
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    on = date_field(_("Ontvangen op"))


class RegistrationForm(PageForm):
    consent_by = choice_field(
        _("Toestemming gegeven door"), ConsentBy.choices, required=_("Kies wie toestemming gaf.")
    )
    consent_how = choice_field(
        _("Hoe is de toestemming gegeven?"),
        ConsentHow.choices,
        required=_("Kies hoe de toestemming is gegeven."),
    )
    consent_on = date_field(_("Toestemming gegeven op"))
    consent_covers_identity = forms.BooleanField(
        label=_("De toestemming geldt ook voor naam en leeftijd"), required=False
    )
    exploitation = forms.ChoiceField(
        label=_("Vorm van uitbuiting"),
        choices=Exploitation.choices,
        widget=forms.Select(attrs=SELECT),
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=Sector.choices, widget=forms.Select(attrs=SELECT)
    )
    identified_by = forms.ChoiceField(
        label=_("Gesignaleerd door"),
        choices=IdentifiedBy.choices,
        widget=forms.Select(attrs=SELECT),
    )
    identified_on = date_field(_("Datum van signalering"))
    care_needs = forms.CharField(
        label=_("Zorgbehoeften (mag leeg blijven)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )


class ExportForm(PageForm):
    start = forms.DateField(
        label=_("Van"), input_formats=DATE_FORMATS, error_messages=DATE_ERRORS, widget=DATE_INPUT
    )
    end = date_field(_("Tot en met"))
    fmt = forms.ChoiceField(
        label=_("Bestandsformaat"),
        choices=[("csv", "CSV"), ("json", "JSON")],
        widget=forms.Select(attrs=SELECT),
    )
