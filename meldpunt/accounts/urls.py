"""Staff URLs of the accounts app (under /medewerkers/)."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog

from meldpunt.accounts import passkeys, views

app_name = "accounts"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("inloggen/", views.login_view, name="login"),
    path("inloggen/code/", views.verify_view, name="verify"),
    path("inloggen/app-instellen/", views.enrol_view, name="enrol"),
    path("inloggen/herstelcodes/", views.recovery_codes_view, name="recovery_codes"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("beveiliging/", views.security_view, name="security"),
    path("ontgrendelen/", views.unlock_view, name="unlock"),
    path(
        "passkey/inloggen/start/",
        passkeys.PasskeyAuthBeginView.as_view(),
        name="passkey_auth_begin",
    ),
    path(
        "passkey/inloggen/klaar/",
        passkeys.PasskeyAuthCompleteView.as_view(),
        name="passkey_auth_complete",
    ),
    path(
        "passkey/toevoegen/start/",
        passkeys.PasskeyRegisterBeginView.as_view(),
        name="passkey_register_begin",
    ),
    path(
        "passkey/toevoegen/klaar/",
        passkeys.PasskeyRegisterCompleteView.as_view(),
        name="passkey_register_complete",
    ),
    path(
        "passkey/vertalingen.js",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="passkey_i18n",
    ),
]
