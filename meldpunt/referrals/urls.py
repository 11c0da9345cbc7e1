"""Staff URLs of the referrals app (under /medewerkers/)."""

from django.urls import path  # noqa: F401

app_name = "referrals"

urlpatterns: list = []
