"""Public URLs of the statistics (language-prefixed, under /cijfers/)."""

from django.urls import path

from meldpunt.stats import public_views

app_name = "stats_public"

urlpatterns = [
    path("", public_views.annual, name="annual"),
    path("jaarcijfers.csv", public_views.annual_csv, name="annual_csv"),
]
