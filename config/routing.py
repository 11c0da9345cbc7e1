"""Protocol routing: plain HTTP to Django, websockets to the chat consumers."""

from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from channels.sessions import CookieMiddleware, SessionMiddleware

from meldpunt.chat.routing import websocket_urlpatterns as chat_websocket_urlpatterns

websocket_urlpatterns: list = [*chat_websocket_urlpatterns]


def build_application(http_app):  # type: ignore[no-untyped-def]
    return ProtocolTypeRouter(
        {
            "http": http_app,
            "websocket": AllowedHostsOriginValidator(
                CookieMiddleware(SessionMiddleware(URLRouter(websocket_urlpatterns)))
            ),
        }
    )
