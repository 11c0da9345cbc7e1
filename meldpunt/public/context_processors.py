"""Values every page needs: who runs the meldpunt, how to reach it, and whether chat is open."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from meldpunt.public.selectors import chat_availability


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "organisation": settings.MELDPUNT_ORGANISATION,
        "phone": settings.MELDPUNT_PHONE,
        "phone_e164": settings.MELDPUNT_PHONE_E164,
        "exit_url": settings.MELDPUNT_EXIT_URL,
        # The site's path on its domain ("" on a host name of its own): websocket paths.
        "path_prefix": settings.MELDPUNT_PATH_PREFIX,
        # Lazy: staff pages that never show the contact block pay nothing for it. The chat
        # pages put the availability they decided on here, so the block says the same.
        "chat_availability": SimpleLazyObject(chat_availability),
    }
