"""The live server the browser tests talk to, under requests that come at the same time
(an autosave and a suggestion request of the phone intake do)."""

import http.client
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from meldpunt.accounts.models import Role
from tests.conftest import make_staff
from tests.e2e.test_phone_intake import verified_session_key

pytestmark = pytest.mark.e2e

SESSIONS = 24


def test_requests_at_the_same_time_all_keep_their_staff_session(
    live_server, transactional_db: None
) -> None:  # type: ignore[no-untyped-def]
    """Each first request of a staff session writes the session: many at once must all be
    answered as the logged-in advisor, never with the login page or an error."""
    advisor = make_staff("anna", Role.ADVISOR)
    keys = [verified_session_key(advisor) for _ in range(SESSIONS)]
    address = urlsplit(live_server.url)

    def fetch(key: str) -> str:
        """The status and where it sends to (redirects are not followed)."""
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.request(
            "GET",
            "/medewerkers/telefoon/nieuw/",
            headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={key}"},
        )
        response = connection.getresponse()
        connection.close()
        return f"{response.status} {response.getheader('Location', '')}"

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, keys))
    assert [a for a in answers if not a.startswith("200")] == []
