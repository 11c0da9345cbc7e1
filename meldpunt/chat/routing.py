"""Websocket URLs of the chat (mounted by config.routing)."""

from django.urls import path

from meldpunt.chat import consumers

websocket_urlpatterns = [
    path(
        "ws/chat/<str:chat_id>/",
        consumers.ReporterConsumer.as_asgi(),  # type: ignore[arg-type]  # stubs: views only
    ),
    path(
        "ws/medewerkers/chat/",
        consumers.AdvisorConsumer.as_asgi(),  # type: ignore[arg-type]  # stubs: views only
    ),
]
