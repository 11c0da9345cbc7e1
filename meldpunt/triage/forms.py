from django import forms
from django.utils.translation import gettext_lazy as _

from meldpunt.triage.services import is_valid_item

MAX_TEXT = 20_000


class SuggestForm(forms.Form):
    text = forms.CharField(
        label=_("Tekst"),
        required=False,
        strip=False,
        max_length=MAX_TEXT,
        error_messages={"max_length": _("Deze tekst is te lang voor suggesties.")},
    )
    target = forms.RegexField(regex=r"^[A-Za-z][\w-]{0,60}$", required=False)


class DecideForm(forms.Form):
    contact = forms.IntegerField(min_value=1)
    item = forms.CharField(max_length=40)
    decision = forms.ChoiceField(choices=[("accept", _("overnemen")), ("dismiss", _("afwijzen"))])
    suggested = forms.BooleanField(required=False)

    def clean_item(self) -> str:
        item: str = self.cleaned_data["item"]
        if not is_valid_item(item):
            raise forms.ValidationError(_("Dit signaal staat niet in de lijst."))
        return item
