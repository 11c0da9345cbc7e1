"""Protocol routing: plain HTTP to Django, websockets to the chat consumers."""

from collections.abc import Awaitable, Callable

from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from channels.sessions import CookieMiddleware, SessionMiddleware

from meldpunt.chat.routing import websocket_urlpatterns as chat_websocket_urlpatterns

websocket_urlpatterns = [*chat_websocket_urlpatterns]


def build_application(http_app: Callable[..., Awaitable[None]]) -> ProtocolTypeRouter:
    return ProtocolTypeRouter(
        {
            "http": http_app,
            "websocket": AllowedHostsOriginValidator(
                CookieMiddleware(
                    SessionMiddleware(
                        URLRouter(websocket_urlpatterns)  # type: ignore[arg-type]  # invariant list in stub
                    )
                )
            ),
        }
    )
