"""The accounts app says when a staff member's access may have changed, and only then."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import update_last_login

from meldpunt.accounts.models import Role, User
from meldpunt.accounts.signals import staff_access_changed


@pytest.fixture
def heard() -> Iterator[list[User]]:
    users: list[User] = []

    def receiver(sender: type, *, user: User, **kwargs: Any) -> None:
        users.append(user)

    staff_access_changed.connect(receiver, dispatch_uid="test-heard")
    yield users
    staff_access_changed.disconnect(dispatch_uid="test-heard")


def test_a_login_is_no_change_of_access(advisor: User, heard: list[User]) -> None:
    """Recording the last login (every login does) tells no open console to look again."""
    update_last_login(User, user=advisor)
    assert heard == []


def test_deactivation_and_a_new_role_are(advisor: User, heard: list[User]) -> None:
    """Saving the account (as the admin does) or a role change reaches the receivers."""
    advisor.is_active = False
    advisor.save()
    advisor.role = Role.ANALYST
    advisor.save(update_fields=["role"])
    assert heard == [advisor, advisor]
