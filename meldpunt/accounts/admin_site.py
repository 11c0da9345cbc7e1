"""The admin site at /beheer/: administrators only, and only after both factors.

Login and logout go through the staff login (password, then TOTP), so the admin never
has a password-only door of its own.
"""

from typing import Any

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import forbidden, is_fully_authenticated
from meldpunt.accounts.views import logout_view


class StaffAdminSite(OTPAdminSite):
    site_header = _("Meldpunt – beheer")
    site_title = _("Meldpunt – beheer")
    index_title = _("Beheer")

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def has_permission(self, request: HttpRequest) -> bool:
        """Administrators (role and staff flag) who passed the second factor; nobody else."""
        user = request.user
        return bool(
            is_fully_authenticated(user) and user.is_staff and user.role == Role.ADMINISTRATOR
        )

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if is_fully_authenticated(request.user):
            return forbidden(request)
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse(
            "admin:index", current_app=self.name
        )
        return redirect_to_login(next_url, login_url="accounts:login")

    def logout(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        return logout_view(request)
