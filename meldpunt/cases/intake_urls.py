"""Staff URLs for the phone intake and case search (under /medewerkers/telefoon/)."""

from django.urls import path  # noqa: F401

app_name = "intake"

urlpatterns: list = []
