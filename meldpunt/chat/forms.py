from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.intake.forms import (
    CaseKindForm,
    EntitiesForm,
    MinorForm,
    SignalsForm,
    new_case_fields,
)
from meldpunt.cases.models import Area, HowHeard, ReporterRole
from meldpunt.chat.models import ChatLanguage
from meldpunt.chat.services import MAX_NICKNAME_CHARS


class ChatStartForm(forms.Form):
    nickname = forms.CharField(
        label=_("Bijnaam (mag leeg blijven)"),
        help_text=_("Gebruik niet uw echte naam als u anoniem wilt blijven."),
        max_length=MAX_NICKNAME_CHARS,
        required=False,
    )
    language = forms.ChoiceField(
        label=_("In welke taal wilt u chatten?"),
        choices=ChatLanguage.choices,
        initial=ChatLanguage.DUTCH,
        required=False,
        help_text=_(
            "We doen ons best. Het kan zijn dat de adviseur alleen Nederlands of Engels spreekt."
        ),
    )


class AvailabilityForm(forms.Form):
    available = forms.BooleanField(label=_("Ik ben beschikbaar voor chats"), required=False)
    capacity = forms.IntegerField(
        label=_("Aantal chats tegelijk"), min_value=1, max_value=6, initial=2
    )


class ChatContactForm(SignalsForm, EntitiesForm, MinorForm, CaseKindForm):
    """The phone intake's parts, for a chat that becomes a contact."""

    case_number = forms.CharField(
        label=_("Bestaande zaak (zaaknummer)"),
        help_text=_("Laat leeg om een nieuwe zaak te maken. Voorbeeld: 2026-00042."),
        required=False,
        max_length=16,
    )
    reporter_role = forms.ChoiceField(
        label=_("Wie neemt contact op?"),
        choices=ReporterRole.choices,
        initial=ReporterRole.UNKNOWN,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    municipality = forms.ChoiceField(
        label=_("Gemeente"),
        choices=Area.choices,
        initial=Area.UNKNOWN,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    how_heard = forms.ChoiceField(
        label=_("Hoe kent de persoon ons?"),
        choices=HowHeard.choices,
        initial=HowHeard.UNKNOWN,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    summary = forms.CharField(
        label=_("Samenvatting"),
        widget=forms.Textarea(attrs={"rows": 4, "class": "utrecht-textarea"}),
        required=False,
        max_length=20_000,
    )
    advice_given = forms.CharField(
        label=_("Gegeven advies"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}),
        required=False,
        max_length=10_000,
    )

    field_order = [
        "case_number",
        "kind",
        "reporter_role",
        "municipality",
        *SignalsForm.base_fields,
        *MinorForm.base_fields,
        "summary",
        "advice_given",
        *EntitiesForm.base_fields,
        "how_heard",
    ]

    def record_fields(self) -> dict[str, Any]:
        """What ``chat_to_contact`` records, apart from the chat and the case."""
        data = self.cleaned_data
        return {
            "contact": {
                "reporter_role": data["reporter_role"],
                "municipality": data["municipality"],
                "exploitation": data["exploitation"],
                "how_heard": data["how_heard"],
                "indicators": data["indicators"],
                "summary": data["summary"],
                "advice_given": data["advice_given"],
                "details": {"urgency": data["urgency"], **self.entity_details()},
            },
            "new_case": new_case_fields(data),
            "minor": self.minor(),
        }
