"""Public URLs of the chat app (language-prefixed, no account needed)."""

from django.urls import path

from meldpunt.chat import views

app_name = "chat_public"

urlpatterns = [
    path("", views.chat_page, name="chat"),
    path("starten/", views.chat_start, name="start"),
    path("stoppen/", views.chat_end, name="end"),
    path("ontvangstcode/", views.chat_receipt, name="receipt"),
]
