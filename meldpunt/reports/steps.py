"""The order of the web report's steps, shared by the views and the check page."""

from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.reports.forms import (
    ContactForm,
    FilesForm,
    IdentifyForm,
    PeopleForm,
    WhatForm,
    WhereWhenForm,
    WhoForm,
)

FILES = "bijlagen"


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    form: type[forms.Form]


STEPS = (
    Step("wie", _("Wie bent u?"), WhoForm),
    Step("wat", _("Wat is er aan de hand?"), WhatForm),
    Step("waar", _("Waar en wanneer?"), WhereWhenForm),
    Step("personen", _("Wie zijn erbij betrokken?"), PeopleForm),
    Step("kenmerken", _("Wat kan helpen om het te herkennen?"), IdentifyForm),
    Step(FILES, _("Foto's of documenten"), FilesForm),
    Step("contact", _("Contact"), ContactForm),
)
BY_SLUG = {step.slug: step for step in STEPS}
FORM_STEPS = tuple(step for step in STEPS if step.slug != FILES)


def neighbours(slug: str) -> tuple[Step | None, Step | None]:
    index = [step.slug for step in STEPS].index(slug)
    before = STEPS[index - 1] if index > 0 else None
    after = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return before, after
