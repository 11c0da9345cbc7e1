"""The task form on the case page refuses a due date in the past with a clear message."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from meldpunt.cases.models import Task

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 12, 2, 11, 0, tzinfo=UTC)


def url(case) -> str:  # type: ignore[no-untyped-def]
    return reverse("cases:task_add", args=[case.pk])


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_a_past_date_is_explained_at_the_field_and_the_text_kept(
    role, request, verified_client, make_case, frozen_now
):  # type: ignore[no-untyped-def]
    """1 December on 2 December: 400, the message at the date, the description kept."""
    frozen_now(NOON)
    case = make_case()
    client = verified_client(request.getfixturevalue(role))
    response = client.post(
        url(case), {"description": "Politie AVIM bellen", "due_date": "01-12-2026"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze datum is al voorbij. Kies vandaag of een latere dag." in html
    assert 'id="id_due_date_error"' in html
    assert "Politie AVIM bellen" in html
    assert not Task.objects.exists()
    response = client.post(
        url(case), {"description": "Politie AVIM bellen", "due_date": "2026-12-02"}
    )
    assert response.status_code == 302
    assert Task.objects.get().due_date.isoformat() == "2026-12-02"


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_may_not_add_tasks(role, request, verified_client, make_case):  # type: ignore[no-untyped-def]
    client = verified_client(request.getfixturevalue(role))
    response = client.post(url(make_case()), {"description": "x", "due_date": "2030-01-01"})
    assert response.status_code == 403
    assert not Task.objects.exists()
