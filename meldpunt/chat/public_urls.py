"""Public URLs of the chat app (language-prefixed, no account needed)."""

from django.urls import path  # noqa: F401

app_name = "chat_public"

urlpatterns: list = []
