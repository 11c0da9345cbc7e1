"""Staff URLs of the linking app (under /medewerkers/)."""

from django.urls import path  # noqa: F401

app_name = "linking"

urlpatterns: list = []
