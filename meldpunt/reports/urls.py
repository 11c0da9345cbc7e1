"""Staff URLs of the reports app (under /medewerkers/)."""

from django.urls import path  # noqa: F401

app_name = "reports"

urlpatterns: list = []
