"""Template helpers for the case pages: readable names for audit actions, signals, durations."""

from django import template

from meldpunt.audit.labels import AUDIT_ACTIONS, OBJECT_TYPES
from meldpunt.cases.checklist import indicator_choices
from meldpunt.cases.intake.forms import EntitiesForm
from meldpunt.cases.models import Channel, Contact

register = template.Library()


@register.filter
def audit_action(action: str) -> str:
    return str(AUDIT_ACTIONS.get(action, action))


@register.filter
def object_type(name: str) -> str:
    return str(OBJECT_TYPES.get(name, name))


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


@register.filter
def contact_entities(contact: Contact) -> list[tuple[str, list[str]]]:
    """The phone numbers, plates, addresses and companies typed for a call or chat, with
    their labels; a web report's answers are shown with the rest of its form."""
    if contact.channel not in {Channel.PHONE, Channel.CHAT}:
        return []
    details = contact.details or {}
    rows = []
    for key in EntitiesForm.ENTITY_KEYS:
        value = details.get(key)
        if isinstance(value, str) and value.strip():
            label = str(EntitiesForm.base_fields[key].label)
            rows.append((label, value.splitlines()))
    return rows
