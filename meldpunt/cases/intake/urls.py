"""Staff URLs for the phone intake (under /medewerkers/telefoon/)."""

from django.urls import path

from meldpunt.cases.intake import views as intake_views

app_name = "intake"

urlpatterns = [
    path("nieuw/", intake_views.new, name="new"),
    path("opslaan/", intake_views.save, name="save"),
    path("zaak-zoeken/", intake_views.find_case, name="find_case"),
    path("kort-gesprek/", intake_views.quick, name="quick"),
    path("concept/", intake_views.draft_autosave, name="draft_save"),
    path("concept/<int:draft_id>/weggooien/", intake_views.draft_remove, name="draft_discard"),
    path("zaak-kiezen/", intake_views.case_picker, name="case_picker"),
]
