"""Public URLs of the reports app (language-prefixed, no account needed)."""

from django.urls import path

from meldpunt.reports import views

app_name = "reports_public"

urlpatterns = [
    path("", views.start, name="start"),
    path("stap/<slug:slug>/", views.step, name="step"),
    path("controleren/", views.check, name="check"),
    path("postbus/", views.mailbox, name="mailbox"),
    path("postbus/bericht/", views.mailbox_message, name="mailbox_message"),
    path("postbus/bijlage/<int:attachment_id>/", views.mailbox_file, name="mailbox_file"),
    path("postbus/sluiten/", views.mailbox_leave, name="mailbox_leave"),
    path("postbus/gesloten/", views.mailbox_left, name="mailbox_left"),
]
