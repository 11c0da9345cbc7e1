"""Writing the audit log. Callers pass identifiers and kinds of action, never content."""

from typing import Any

from meldpunt.cases.models import AuditEvent, Case
from meldpunt.lib import clock


def audit_record(
    *,
    actor: Any,
    action: str,
    case: Case | None = None,
    obj: Any = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. ``detail`` holds ids, field names and choices; no free text."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        at=clock.now(),
        actor=actor if is_user else None,
        actor_name=actor.get_username() if is_user else "",
        action=action,
        case=case,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail or {},
    )
