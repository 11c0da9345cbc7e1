"""Template helpers for the case pages: readable names for audit actions and details."""

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import CaseKind, CaseStatus, Channel, ClosingReason, Outcome
from meldpunt.triage.taxonomy import indicator_choices

register = template.Library()

# Actions written by the cases app; other apps' actions are shown as they are stored.
AUDIT_ACTIONS = {
    "case.create": _("zaak aangemaakt"),
    "case.view": _("zaak bekeken"),
    "case.status": _("status gewijzigd"),
    "case.assign": _("behandelaar gewijzigd"),
    "case.kind": _("soort zaak gewijzigd"),
    "case.refer": _("doorverwezen"),
    "case.close": _("zaak gesloten"),
    "case.close_request": _("sluiten aangevraagd"),
    "case.close_refuse": _("verzoek om te sluiten afgewezen"),
    "case.reopen": _("zaak heropend"),
    "case.seen": _("nieuw bericht gelezen"),
    "contact.create": _("contact toegevoegd"),
    "note.create": _("notitie toegevoegd"),
    "task.create": _("taak toegevoegd"),
    "task.done": _("taak afgevinkt"),
}
DETAIL_NAMES = {
    "from": _("van"),
    "to": _("naar"),
    "kind": _("soort"),
    "reason": _("reden"),
    "outcome": _("uitkomst"),
    "channel": _("kanaal"),
    "assignee": _("voor"),
    "requested_by": _("aangevraagd door"),
}
_STATUS_OR_KIND = {**dict(CaseStatus.choices), **dict(CaseKind.choices)}
# Per detail key, the choices its values come from.
CHOICE_LABELS: dict[str, dict[str, Any]] = {
    "from": _STATUS_OR_KIND,
    "to": _STATUS_OR_KIND,
    "kind": dict(CaseKind.choices),
    "reason": dict(ClosingReason.choices),
    "outcome": dict(Outcome.choices),
    "channel": dict(Channel.choices),
}


@register.filter
def audit_action(action: str) -> str:
    return str(AUDIT_ACTIONS.get(action, action))


@register.filter
def audit_detail(detail: dict[str, Any]) -> list[tuple[str, str]]:
    """Detail pairs with readable names; ids stay ids (user ids appear as numbers)."""
    if not isinstance(detail, dict):
        return []
    return [
        (
            str(DETAIL_NAMES.get(key, key)),
            "–" if value is None else str(CHOICE_LABELS.get(key, {}).get(value, value)),
        )
        for key, value in detail.items()
    ]


@register.filter
def indicator_labels(indicator_ids: list[str]) -> list[str]:
    """Readable names of the signals checked on a contact, in the active language."""
    labels = dict(indicator_choices())
    return [labels.get(indicator_id, indicator_id) for indicator_id in indicator_ids or []]


@register.filter
def duration(seconds: int | None) -> str:
    """A call length as minutes and seconds, e.g. "4 min 05 s"."""
    if not seconds:
        return "–"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


@register.filter
def get_count(counts: dict[str, int], key: str) -> int:
    return counts.get(key, 0)
