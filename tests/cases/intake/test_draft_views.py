"""Drafts while typing (intake:draft_save, intake:draft_discard): encrypted, per advisor."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.cases.intake.forms import sign_started
from meldpunt.cases.models import IntakeDraft
from meldpunt.lib import clock

pytestmark = pytest.mark.django_db
SAVE = reverse("intake:draft_save")


@pytest.fixture
def anna(advisor: User, verified_client: Callable[[User], Client]) -> Client:
    return verified_client(advisor)


def test_first_autosave_creates_the_draft_then_updates_it(anna: Client, advisor: User) -> None:
    """The first save returns the new draft's id; later saves with that id update it."""
    started = clock.now().replace(microsecond=0)
    first = anna.post(SAVE, {"summary": "Eerste woorden", "started": sign_started(started)})
    assert first.status_code == 200
    draft_id = first.json()["draft"]
    second = anna.post(SAVE, {"summary": "Eerste woorden en meer", "draft": draft_id})
    assert second.json()["draft"] == draft_id
    draft = IntakeDraft.objects.get()
    assert draft.staff == advisor
    assert draft.started_at == started
    assert draft.data == {"summary": ["Eerste woorden en meer"]}


def test_draft_is_encrypted_at_rest(anna: Client) -> None:
    """The stored draft column holds ciphertext, not the typed words."""
    anna.post(SAVE, {"summary": "Geheime zin over de kwekerij"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM cases_intakedraft")
        (stored,) = cursor.fetchone()
    assert stored.startswith("m1:") and "kwekerij" not in stored


def test_autosave_after_the_call_was_saved_does_not_bring_the_draft_back(anna: Client) -> None:
    """A late autosave for a draft that is gone answers 410 and creates nothing."""
    draft_id = anna.post(SAVE, {"summary": "x"}).json()["draft"]
    IntakeDraft.objects.all().delete()
    response = anna.post(SAVE, {"summary": "x y", "draft": draft_id})
    assert response.status_code == 410
    assert not IntakeDraft.objects.exists()


def test_a_colleagues_draft_cannot_be_written_or_discarded(anna: Client, colleague: User) -> None:
    """Bram's draft is out of Anna's reach: her saves get 410, her discard does nothing."""
    theirs = IntakeDraft.objects.create(
        staff=colleague, started_at=clock.now(), updated_at=clock.now(), data={"summary": ["B"]}
    )
    assert anna.post(SAVE, {"summary": "A", "draft": theirs.pk}).status_code == 410
    anna.post(reverse("intake:draft_discard", args=[theirs.pk]))
    theirs.refresh_from_db()
    assert theirs.data == {"summary": ["B"]}


def test_discard_removes_own_draft(anna: Client, advisor: User) -> None:
    draft = IntakeDraft.objects.create(
        staff=advisor, started_at=clock.now(), updated_at=clock.now(), data={}
    )
    response = anna.post(reverse("intake:draft_discard", args=[draft.pk]))
    assert response.status_code == 302
    assert not IntakeDraft.objects.exists()


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_are_refused(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    """Analysts, municipality viewers and administrators get 403 and no draft is stored."""
    client = verified_client(request.getfixturevalue(role))
    assert client.post(SAVE, {"summary": "x"}).status_code == 403
    assert not IntakeDraft.objects.exists()


def test_anonymous_visitor_goes_to_login(client: Client, db: None) -> None:
    assert client.post(SAVE, {"summary": "x"}).status_code == 302
    assert not IntakeDraft.objects.exists()
