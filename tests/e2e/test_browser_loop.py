"""``outside_the_browser_loop`` (tests/e2e/conftest.py): work in a thread of its own hands
its database connection back, so a worker's pool never runs dry over a long run."""

import pytest
from django.conf import settings

from meldpunt.accounts.models import User
from tests.e2e.conftest import outside_the_browser_loop


@pytest.mark.django_db(transaction=True)
def test_more_calls_than_the_pool_has_connections_all_get_one() -> None:
    pool = settings.DATABASES["default"].get("OPTIONS", {}).get("pool", {})
    calls = int(pool.get("max_size", 10)) + 2
    for _ in range(calls):
        assert outside_the_browser_loop(lambda: User.objects.count()) == 0
