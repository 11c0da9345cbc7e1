"""Staff URLs of the triage app (under /medewerkers/triage/)."""

from django.urls import path

from meldpunt.triage import views

app_name = "triage"

urlpatterns = [
    path("suggesties/", views.suggest_fragment, name="suggest"),
    path("zaak/<int:case_id>/besluit/", views.decide, name="decide"),
    path("besluiten/", views.decision_stats_page, name="decision_stats"),
]
