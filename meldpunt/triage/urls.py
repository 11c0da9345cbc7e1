"""Staff URLs of the triage app (under /medewerkers/)."""

from django.urls import path  # noqa: F401

app_name = "triage"

urlpatterns: list = []
