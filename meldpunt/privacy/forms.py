"""Forms of the privacy app. Validation of input only; the rules are in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.forms import TEXTAREA, TEXTBOX, PageForm


class ReasonForm(PageForm):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=2000,
        error_messages={"required": _("Geef een reden.")},
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )


class HoldForm(ReasonForm):
    """Putting a case on legal hold (on the case page, beside the other forms)."""

    id_prefix = "hold"


class PersonSearchForm(PageForm):
    """What a person who asks about their data gave us; at least one of them."""

    name = forms.CharField(
        label=_("Naam of bijnaam"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={**TEXTBOX, "autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={**TEXTBOX, "autocomplete": "off", "inputmode": "tel"}),
    )
    email = forms.CharField(
        label=_("E-mailadres"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={**TEXTBOX, "autocomplete": "off", "inputmode": "email"}),
    )
    address = forms.CharField(
        label=_("Adres (postcode en huisnummer, of straat)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={**TEXTBOX, "autocomplete": "off"}),
    )

    def clean(self) -> dict[str, str]:
        data = super().clean() or {}
        if not any(data.get(name) for name in ("name", "phone", "email", "address")):
            raise forms.ValidationError(_("Vul minstens één gegeven van de persoon in."))
        return data


class ErasureForm(PersonSearchForm, ReasonForm):
    """The erasure of one case, with the search it came from (to return to)."""
