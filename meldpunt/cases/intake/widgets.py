"""Widgets and fields of the phone intake screen."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import User


class StaffChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return str(obj)


class InlineRadio(forms.RadioSelect):
    template_name = "cases/intake_widget_radio.html"

    def __init__(self, attrs: dict[str, Any] | None = None, choices: Any = ()) -> None:
        super().__init__(
            {"class": "utrecht-radio-button utrecht-radio-button--html-input", **(attrs or {})},
            choices,
        )


class ChecklistSelect(forms.CheckboxSelectMultiple):
    """Signals grouped by form; a group with ticked signals starts open."""

    template_name = "cases/intake_widget_checklist.html"

    def __init__(self, attrs: dict[str, Any] | None = None, choices: Any = ()) -> None:
        super().__init__(
            {"class": "utrecht-checkbox utrecht-checkbox--html-input", **(attrs or {})}, choices
        )

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["groups"] = [
            {
                "label": label,
                "options": options,
                "checked": sum(1 for option in options if option["selected"]),
            }
            for label, options, _index in context["widget"]["optgroups"]
        ]
        return context


class EntityLinesField(forms.CharField):
    """A few values of one kind, one per line: quick to type, several at once."""

    def __init__(self, *, help_text: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 2_000)
        kwargs.setdefault(
            "widget",
            forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea", "autocomplete": "off"}),
        )
        super().__init__(help_text=help_text or _("Eén per regel."), **kwargs)
