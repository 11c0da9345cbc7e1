"""Staff URLs of the linking app (under /medewerkers/signalen/)."""

from django.urls import path

from meldpunt.linking import views

app_name = "linking"

urlpatterns = [
    path("", views.signal_list, name="signals"),
]
