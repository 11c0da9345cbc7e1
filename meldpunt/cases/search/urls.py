"""Staff URL of the case search (under /medewerkers/telefoon/zoeken/)."""

from django.urls import path

from meldpunt.cases.search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="cases"),
]
