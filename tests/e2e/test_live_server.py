"""The live server the browser tests talk to, under requests that come at the same time
(an autosave and a suggestion request of the phone intake do)."""

import http.client
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Role
from tests.conftest import make_staff

pytestmark = pytest.mark.e2e

SESSIONS = 24


def test_requests_at_the_same_time_all_keep_their_staff_session(
    live_server, transactional_db: None
) -> None:  # type: ignore[no-untyped-def]
    """Each first request of a staff session writes the session: many at once must all be
    answered as the logged-in advisor, never with the login page or an error."""
    advisor = make_staff("anna", Role.ADVISOR)
    device = TOTPDevice.objects.get(user=advisor).persistent_id
    keys = []
    for _ in range(SESSIONS):
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = str(advisor.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = advisor.get_session_auth_hash()
        session[DEVICE_ID_SESSION_KEY] = device
        session.save()
        keys.append(session.session_key)

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
