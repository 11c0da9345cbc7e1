"""Data for the chat browser test, written into the test server's own database.

Run as ``python -m tests.e2e.chat_server_data`` with the server's settings; prints the
advisor's verified session key as JSON.
"""

import json
import sys
from datetime import time, timedelta

import django


def main() -> None:
    django.setup()
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from meldpunt.accounts.models import Role, User
    from meldpunt.chat.models import CannedResponse, ChatAgent
    from meldpunt.lib import clock
    from meldpunt.lib.sessions import SessionStore
    from meldpunt.public.models import OpeningException

    today = clock.today()
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        OpeningException.objects.create(
            date=day, kind=OpeningException.Kind.OPEN, opens=time(0), closes=time(23, 59, 59)
        )
    user = User.objects.create_user(
        "anna", password="correct horse battery staple", role=Role.ADVISOR, first_name="Anna"
    )
    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    ChatAgent.objects.create(user=user, available=False)
    # One canned response in Dutch and one in Polish: the console offers a chat's own first.
    CannedResponse.objects.create(title="Welkom", text="Welkom bij de chat.", language="nl")
    CannedResponse.objects.create(title="Witamy", text="Witamy na czacie.", language="pl")
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    sys.stdout.write(json.dumps({"advisor_session": session.session_key}))


if __name__ == "__main__":
    main()
