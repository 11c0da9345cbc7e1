"""A task's due date is today or later; a date in the past is refused by the service."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from meldpunt.cases.models import Task
from meldpunt.cases.services import task_add

pytestmark = pytest.mark.django_db

# Wednesday 2 December 2026, 00:30 in Amsterdam (still 1 December in UTC).
JUST_AFTER_MIDNIGHT = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_yesterday_is_refused_and_today_is_allowed(role, request, make_case, frozen_now):  # type: ignore[no-untyped-def]
    """Today counts in Amsterdam time: just after midnight, 1 December is yesterday."""
    frozen_now(JUST_AFTER_MIDNIGHT)
    user = request.getfixturevalue(role)
    case = make_case()
    with pytest.raises(ValidationError) as refused:
        task_add(case=case, by=user, description="Politie bellen", due_date=date(2026, 12, 1))
    assert refused.value.message_dict == {
        "due_date": ["Deze datum is al voorbij. Kies vandaag of een latere dag."]
    }
    assert not Task.objects.exists()
    task = task_add(case=case, by=user, description="Politie bellen", due_date=date(2026, 12, 2))
    assert task.due_date == date(2026, 12, 2)


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_add_no_task(role, request, make_case, frozen_now):  # type: ignore[no-untyped-def]
    frozen_now(JUST_AFTER_MIDNIGHT)
    with pytest.raises(PermissionDenied):
        task_add(
            case=make_case(),
            by=request.getfixturevalue(role),
            description="x",
            due_date=date(2026, 12, 3),
        )
