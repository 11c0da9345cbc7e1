"""Reads of cases. The one way in to a case is ``get_case_for_user``."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from meldpunt.accounts.permissions import is_fully_authenticated
from meldpunt.cases.audit import audit_record
from meldpunt.cases.models import Case


def user_may_handle_cases(user: Any) -> bool:
    return is_fully_authenticated(user) and user.handles_cases


def get_case_for_user(user: Any, case_id: int, *, purpose: str = "view") -> Case:
    """The case, if ``user`` may see its content; every call is written to the audit log.

    Raises PermissionDenied for roles without case access (analysts, municipalities,
    administrators) and Http404 for a case that does not exist.
    """
    if not user_may_handle_cases(user):
        raise PermissionDenied
    case = get_object_or_404(Case, pk=case_id)
    audit_record(actor=user, action=f"case.{purpose}", case=case, obj=case)
    return case
