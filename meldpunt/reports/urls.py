"""Staff URLs of the reports app (under /medewerkers/meldingen/)."""

from django.urls import path

from meldpunt.reports import staff_views

app_name = "reports"

urlpatterns = [
    path(
        "<int:case_id>/postbus/<int:mailbox_id>/antwoord/",
        staff_views.reply,
        name="reply",
    ),
    path(
        "<int:case_id>/bijlagen/<int:attachment_id>/",
        staff_views.attachment_download,
        name="attachment",
    ),
]
