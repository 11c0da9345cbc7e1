"""Staff URLs of the accounts app (under /medewerkers/)."""

from django.urls import path

from meldpunt.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("inloggen/", views.login_view, name="login"),
    path("inloggen/code/", views.verify_view, name="verify"),
    path("inloggen/app-instellen/", views.enrol_view, name="enrol"),
    path("inloggen/herstelcodes/", views.recovery_codes_view, name="recovery_codes"),
    path("uitloggen/", views.logout_view, name="logout"),
]
