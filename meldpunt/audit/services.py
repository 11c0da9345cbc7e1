"""Writing the audit log. Callers pass identifiers and kinds of action, never content."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models, transaction

from meldpunt.audit.chain import chain_append
from meldpunt.lib import clock

# Entries held back by ``audit_deferred`` until its block ends; None outside one.
_deferred: ContextVar[list[dict[str, Any]] | None] = ContextVar("audit_deferred", default=None)


def audit_record(
    *,
    # Django's base user: the audit log sits below the accounts app and never imports it.
    actor: AbstractBaseUser | None,
    action: str,
    case: models.Model | None = None,
    obj: Any = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one event. ``detail`` holds ids, field names and choices; no free text.

    The caller's transaction keeps the end of the audit chain locked until it ends.
    """
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    entry = {
        "at": clock.now(),
        "actor_id": user.pk if user is not None else None,
        "actor_name": user.get_username() if user is not None else "",
        "action": action,
        "case_id": case.pk if case is not None else None,
        "object_type": obj._meta.model_name if obj is not None else "",
        "object_id": str(obj.pk) if obj is not None else "",
        # Hashed as it will read back from the database (tuples become lists).
        "detail": json.loads(json.dumps(detail or {})),
    }
    pending = _deferred.get()
    if pending is None:
        chain_append([entry])
    else:
        pending.append(entry)


@contextmanager
def audit_deferred() -> Iterator[None]:
    """Hold back the audit entries written inside the block and append them at its end.

    For a long transaction (a web report's submit): the end of the audit chain is then
    locked only from the end of the block to the commit, so other audited work does not
    wait for all of it. Put the block at the end of the transaction, around its work; if
    the block raises, its entries go with the rest of the transaction.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_deferred must run inside a transaction")
    pending: list[dict[str, Any]] = []
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    if pending:
        chain_append(pending)
