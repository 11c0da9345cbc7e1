"""Staff URLs of the chat app (under /medewerkers/chat/)."""

from django.urls import path

from meldpunt.chat import views

app_name = "chat"

urlpatterns = [
    path("", views.console, name="console"),
    path("beschikbaarheid/", views.availability, name="availability"),
    path("<int:pk>/zaak/", views.chat_to_case, name="to_case"),
]
