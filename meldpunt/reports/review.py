"""Reading the answers back: validating a draft step by step and showing answers with labels."""

from dataclasses import dataclass
from typing import Any

from django import forms

from meldpunt.reports.models import ReportDraft
from meldpunt.reports.steps import FORM_STEPS, Step


@dataclass(frozen=True)
class StepReview:
    step: Step
    form: forms.Form
    rows: list[tuple[str, str]]


def _display(field: forms.Field, value: Any) -> str:
    if isinstance(field, forms.BooleanField):
        return str(field.label) if value else ""
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if value in choices:
        return str(choices[value])
    return str(value or "")


def _rows(fields: dict[str, forms.Field], values: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for name, field in fields.items():
        shown = _display(field, values.get(name, ""))
        if shown and name != "consent":
            rows.append((str(field.label), shown))
    return rows


def review_draft(draft: ReportDraft) -> list[StepReview]:
    """Every form step bound to what the draft holds, validated, with rows to show."""
    reviews = []
    for step in FORM_STEPS:
        form = step.form(data=draft.data.get(step.slug, {}))
        values = form.cleaned_data if form.is_valid() else draft.data.get(step.slug, {})
        reviews.append(StepReview(step=step, form=form, rows=_rows(form.fields, values)))
    return reviews


def collect_answers(reviews: list[StepReview]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for review in reviews:
        answers.update(review.form.cleaned_data)
    return answers


def labelled_details(details: dict[str, Any]) -> list[tuple[str, str]]:
    """A web report contact's stored answers with the labels the reporter saw."""
    rows = []
    for step in FORM_STEPS:
        # The class's own fields: labels and choices, without building a form per step.
        fields = step.form.base_fields
        rows.extend(_rows(fields, {k: v for k, v in details.items() if k in fields}))
    return rows
