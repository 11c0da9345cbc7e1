"""Staff URLs of the stats app (under /medewerkers/)."""

from django.urls import URLPattern, path  # noqa: F401

app_name = "stats"

urlpatterns: list[URLPattern] = []
