"""Forms of the case page, the inbox and the audit log. Validation of input only."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from meldpunt.accounts.models import User
from meldpunt.cases.models import AssessmentConclusion, CaseKind, ClosingReason, Outcome
from meldpunt.cases.selectors import case_handlers
from meldpunt.cases.services import SHORT_TEXT_LENGTH, check_due_date
from meldpunt.lib.languages import ReporterLanguage

TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}


class PageForm(forms.Form):
    """A form on a staff page: the server checks the input and explains mistakes in Dutch.

    No ``required`` attribute, so an empty field is not shown as wrong before anyone typed.
    """

    use_required_attribute = False
    # Several forms share the case page: a prefix of their own keeps their ids apart.
    id_prefix = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if self.id_prefix:
            kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class HandlerChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj} ({obj.get_role_display()})"


class AssignForm(PageForm):
    """A coordinator gives the case to a colleague."""

    advisor = HandlerChoiceField(
        label=_("Toewijzen aan"), queryset=User.objects.none(), widget=forms.Select(attrs=SELECT)
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(HandlerChoiceField, self.fields["advisor"]).queryset = case_handlers()


class KindForm(PageForm):
    id_prefix = "kind"

    kind = forms.ChoiceField(
        label=_("Soort zaak"), choices=CaseKind.choices, widget=forms.Select(attrs=SELECT)
    )
    reason = forms.CharField(
        label=_("Waarom verandert de soort?"),
        help_text=_("Komt als interne notitie bij de zaak."),
        max_length=2000,
        error_messages={"required": _("Schrijf op waarom de soort verandert.")},
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 2}),
    )


def short_text_field(label: StrPromise, *, missing: StrPromise) -> forms.CharField:
    """A required short text of a workflow step, as long as the service allows."""
    return forms.CharField(
        label=label,
        max_length=SHORT_TEXT_LENGTH,
        error_messages={
            "required": missing,
            "max_length": _("Gebruik hoogstens %(limit_value)d tekens."),
        },
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )


class AssessmentForm(PageForm):
    """The conclusion of the safety assessment, needed before the case leaves assessment."""

    id_prefix = "assessment"

    conclusion = forms.ChoiceField(
        label=_("Conclusie van de beoordeling"),
        choices=[("", _("Kies een conclusie")), *AssessmentConclusion.choices],
        error_messages={"required": _("Kies een conclusie.")},
        widget=forms.Select(attrs=SELECT),
    )
    note = short_text_field(_("Korte toelichting"), missing=_("Schrijf kort op waarom."))


class CloseRefuseForm(PageForm):
    """A coordinator turns down a request to close and tells the advisor why."""

    id_prefix = "refuse"

    reason = short_text_field(
        _("Waarom wijst u het verzoek af?"),
        missing=_("Schrijf op waarom u het verzoek afwijst."),
    )


class CloseForm(PageForm):
    reason = forms.ChoiceField(
        label=_("Reden van sluiten"),
        choices=[("", _("Kies een reden")), *ClosingReason.choices],
        error_messages={"required": _("Kies een reden om te sluiten.")},
        widget=forms.Select(attrs=SELECT),
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[("", _("Kies een uitkomst")), *Outcome.choices],
        error_messages={"required": _("Kies een uitkomst.")},
        widget=forms.Select(attrs=SELECT),
    )
    note = forms.CharField(
        label=_("Toelichting (mag leeg blijven)"),
        required=False,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
    )
    confirm_open_tasks = forms.BooleanField(
        label=_("Ik weet dat er nog taken open staan en wil de zaak toch sluiten"),
        required=False,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )


class NoteForm(PageForm):
    text = forms.CharField(
        label=_("Nieuwe interne notitie"),
        error_messages={"required": _("Schrijf eerst een notitie.")},
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class TaskForm(PageForm):
    description = forms.CharField(
        label=_("Taak"),
        max_length=500,
        error_messages={"required": _("Beschrijf de taak.")},
        widget=forms.TextInput(attrs=TEXTBOX),
    )
    due_date = forms.DateField(
        label=_("Uiterlijk op"),
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026."),
        },
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={**TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
    )
    assignee = HandlerChoiceField(
        label=_("Voor wie"),
        required=False,
        empty_label=_("Nog niemand"),
        queryset=User.objects.none(),
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(HandlerChoiceField, self.fields["assignee"]).queryset = case_handlers()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        due_date: date | None = cleaned.get("due_date")
        if due_date is not None:
            check_due_date(due_date)  # the service's own rule, shown at the field
        return cleaned


class AuditFilterForm(PageForm):
    actor = forms.ModelChoiceField(
        label=_("Medewerker"),
        required=False,
        empty_label=_("Iedereen"),
        queryset=User.objects.order_by("username"),
        widget=forms.Select(attrs=SELECT),
    )
    case_number = forms.CharField(
        label=_("Zaaknummer"),
        required=False,
        max_length=16,
        help_text=_("Bijvoorbeeld 2026-00042."),
        widget=forms.TextInput(attrs=TEXTBOX),
    )


class InboxFilterForm(PageForm):
    taal = forms.ChoiceField(
        label=_("Taal van de melder"),
        required=False,
        choices=[("", _("Alle talen")), *ReporterLanguage.choices],
        widget=forms.Select(attrs=SELECT),
    )
