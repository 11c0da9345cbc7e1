"""The form of the case search page."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import CaseStatus
from meldpunt.cases.selectors import case_handlers


class CaseSearchForm(forms.Form):
    """The search page: words or a case number, and filters on plain columns."""

    q = forms.CharField(
        label=_("Zaaknummer of woorden"),
        help_text=_(
            "Hele woorden, bijvoorbeeld: kwekerij paspoort. Alle woorden moeten voorkomen. "
            "Een telefoonnummer of kenteken vindt u hoe het ook geschreven is."
        ),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "autofocus": True}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("alle")), *CaseStatus.choices],
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    assignee = forms.ChoiceField(
        label=_("Behandelaar"),
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    created_from = forms.DateField(
        label=_("Aangemaakt vanaf"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}),
    )
    created_to = forms.DateField(
        label=_("Aangemaakt tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}),
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    UNASSIGNED = "none"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["assignee"]).choices = [
            ("", _("iedereen")),
            (self.UNASSIGNED, _("nog niemand")),
            *[(str(user.pk), str(user)) for user in case_handlers()],
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        start, end = data.get("created_from"), data.get("created_to")
        if start and end and start > end:
            self.add_error("created_to", _("Deze datum ligt voor de begindatum."))
        return data
