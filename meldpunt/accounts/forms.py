"""Forms of the staff login. They only shape input; the checks live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def password_field(label: StrPromise) -> forms.CharField:
    """The staff member's current password, as typed (never stripped)."""
    return forms.CharField(
        label=label,
        strip=False,
        widget=forms.PasswordInput(
            attrs={
                "class": TEXTBOX + " utrecht-textbox--password",
                "autocomplete": "current-password",
            }
        ),
    )


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "class": TEXTBOX,
                "autocomplete": "username",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )
    password = password_field(_("Wachtwoord"))


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "class": TEXTBOX + " auth__code",
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )


class PasswordConfirmForm(forms.Form):
    """The password once more, before new recovery codes are made."""

    password = password_field(_("Uw wachtwoord"))
