"""Staff URLs of the privacy app (under /medewerkers/privacy/)."""

from django.urls import path

from meldpunt.privacy import views

app_name = "privacy"

urlpatterns = [
    path("zaak/<int:case_id>/bewaarplicht/", views.hold_place, name="hold_place"),
    path("zaak/<int:case_id>/bewaarplicht/opheffen/", views.hold_release, name="hold_release"),
    path("verzoek/", views.subject_request, name="subject"),
    path("verzoek/inzage/", views.subject_export, name="subject_export"),
    path("verzoek/inzage.pdf", views.subject_export_pdf, name="subject_pdf"),
    path("verzoek/zaak/<int:case_id>/wissen/", views.subject_erase, name="subject_erase"),
]
