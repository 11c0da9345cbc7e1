"""Staff URLs of the cases app (under /medewerkers/)."""

from django.urls import path  # noqa: F401

app_name = "cases"

urlpatterns: list = []
