from django import forms
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Area, Exploitation, HowHeard, ReporterRole
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


class ChatContactForm(forms.Form):
    """The same fields as the phone intake, for a chat that becomes a contact."""

    case_number = forms.CharField(
        label=_("Bestaande zaak (zaaknummer)"),
        help_text=_("Laat leeg om een nieuwe zaak te maken. Voorbeeld: 2026-00042."),
        required=False,
        max_length=16,
    )
    reporter_role = forms.ChoiceField(label=_("Wie neemt contact op?"), choices=ReporterRole)
    municipality = forms.ChoiceField(label=_("Gemeente"), choices=Area, initial=Area.UNKNOWN)
    exploitation = forms.ChoiceField(
        label=_("Vorm van uitbuiting"), choices=Exploitation, initial=Exploitation.UNKNOWN
    )
    how_heard = forms.ChoiceField(
        label=_("Hoe kent de persoon ons?"), choices=HowHeard, initial=HowHeard.UNKNOWN
    )
    summary = forms.CharField(label=_("Samenvatting"), widget=forms.Textarea, required=False)
    advice_given = forms.CharField(label=_("Gegeven advies"), widget=forms.Textarea, required=False)
