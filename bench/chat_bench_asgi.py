"""ASGI application for bench/chat_bench.py: the production stack plus an echo baseline.

The echo consumer sits behind the same origin check, cookie and session middleware as
the chat consumers, and is served by the same uvicorn workers; it only sends back what
it receives, so the difference to the chat is what the chat itself costs.
"""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chat_bench_settings")
django_asgi_app = get_asgi_application()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from django.urls import path  # noqa: E402

from config import routing  # noqa: E402


class EchoConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.send(text_data=text_data)


routing.websocket_urlpatterns.append(path("ws/bench/echo/", EchoConsumer.as_asgi()))
application = routing.build_application(django_asgi_app)
gc.freeze()  # as config/asgi.py does
