"""Public URLs of the reports app (language-prefixed, no account needed)."""

from django.urls import path  # noqa: F401

app_name = "reports_public"

urlpatterns: list = []
