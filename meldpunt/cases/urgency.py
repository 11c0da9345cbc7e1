"""Urgency from a report's structured answers: the one place where these rules live.

``urgency_from_answers`` reads the answers by the web report's keys and values (also kept
in a web report contact's ``details``) and returns the urgency with the reasons for it.
It reads no free text: the triage app suggests urgency flags from text, staff decide.

The rules; any one of them makes the case urgent (``Urgency.HIGH``):

- a minor is involved: ``minors`` is "yes", or ``victim_age`` names an age under 18
  (the youngest age named is shown; 18 is not a minor);
- it is happening now: ``when`` is "ongoing";
- someone is in danger: "danger" in ``concerns``;
- many victims: ``victim_count`` is "6+" (more than five people);
- documents were taken: "documents" in ``concerns``.

A missing or "don't know" answer never makes a case urgent. An urgent case gets shorter
deadlines: a melding is assessed the next working day
(``cases.services.URGENT_ASSESSMENT_WORKING_DAYS``), a web report is answered within a day
(``reports.services.URGENT_RESPONSE``).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldpunt.cases.models import Urgency

ADULT_AGE = 18
# An age is a number of at most three digits on its own, e.g. "16", "ongeveer 15 of 16 jaar".
_AGE = re.compile(r"(?<!\d)(\d{1,3})(?!\d)")
MANY_VICTIMS = "6+"
ONGOING = "ongoing"
DANGER = "danger"
DOCUMENTS = "documents"


@dataclass(frozen=True)
class Reason:
    """One rule that applied; ``age`` is the youngest age named, for the minor rule."""

    rule: str
    age: int | None = None

    def __str__(self) -> str:
        if self.rule == "minor":
            if self.age is not None:
                return _("minderjarige (%(age)s jaar) betrokken") % {"age": self.age}
            return _("minderjarige betrokken")
        return str(_RULE_LABELS[self.rule])


_RULE_LABELS = {
    "ongoing": gettext_lazy("het gebeurt nu"),
    "danger": gettext_lazy("iemand is in gevaar"),
    "many_victims": gettext_lazy("veel slachtoffers (meer dan 5)"),
    "documents": gettext_lazy("paspoort of ID-kaart afgepakt"),
}


@dataclass(frozen=True)
class UrgencyVerdict:
    urgency: str
    reasons: tuple[Reason, ...]

    @property
    def is_urgent(self) -> bool:
        return self.urgency != Urgency.NORMAL


def youngest_age(text: str) -> int | None:
    """The lowest plausible age (0 to 120) written in ``text``, or None."""
    ages = [int(found) for found in _AGE.findall(text or "") if int(found) <= 120]
    return min(ages) if ages else None


def _concerns(answers: Mapping[str, Any]) -> set[str]:
    value = answers.get("concerns") or []
    return {value} if isinstance(value, str) else set(value)


def urgency_from_answers(answers: Mapping[str, Any]) -> UrgencyVerdict:
    """The urgency the answers call for, with the reasons in the order of the rules."""
    reasons: list[Reason] = []
    age = youngest_age(str(answers.get("victim_age", "")))
    minor_age = age if age is not None and age < ADULT_AGE else None
    if minor_age is not None or answers.get("minors") == "yes":
        reasons.append(Reason("minor", minor_age))
    if answers.get("when") == ONGOING:
        reasons.append(Reason("ongoing"))
    concerns = _concerns(answers)
    if DANGER in concerns:
        reasons.append(Reason("danger"))
    if answers.get("victim_count") == MANY_VICTIMS:
        reasons.append(Reason("many_victims"))
    if DOCUMENTS in concerns:
        reasons.append(Reason("documents"))
    return UrgencyVerdict(
        urgency=Urgency.HIGH if reasons else Urgency.NORMAL, reasons=tuple(reasons)
    )
