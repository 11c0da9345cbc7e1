"""Widgets and fields of the phone intake screen."""

from typing import Any

from django import forms

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
