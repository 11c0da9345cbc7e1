"""Staff URLs of the privacy app (under /medewerkers/privacy/)."""

from django.urls import path

from meldpunt.privacy import views

app_name = "privacy"

urlpatterns = [
    path("zaak/<int:case_id>/bewaarplicht/", views.hold_place, name="hold_place"),
    path("zaak/<int:case_id>/bewaarplicht/opheffen/", views.hold_release, name="hold_release"),
]
