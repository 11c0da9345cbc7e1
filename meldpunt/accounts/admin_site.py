"""The admin site at /beheer/: administrators only, and only after both factors.

Login and logout go through the staff login (password, then TOTP), so the admin never
has a password-only door of its own.
"""

from typing import Any

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import forbidden, is_fully_authenticated
from meldpunt.accounts.views import logout_view
from meldpunt.lib.languages import all_catalogue_statuses


class StaffAdminSite(OTPAdminSite):
    site_header = _("Meldpunt – beheer")
    site_title = _("Meldpunt – beheer")
    index_title = _("Beheer")
    # The page on how far each translation of the reporter side is (only on /beheer/).
    shows_translations = True

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def get_urls(self) -> list[URLPattern | URLResolver]:
        urls: list[URLPattern | URLResolver] = super().get_urls()
        if not self.shows_translations:
            return urls
        own = path("vertalingen/", self.admin_view(self.translations_view), name="translations")
        return [own, *urls]

    def each_context(self, request: HttpRequest) -> dict[str, Any]:
        context: dict[str, Any] = super().each_context(request)
        if self.shows_translations and context.get("has_permission"):
            context["translations_url"] = reverse(f"{self.name}:translations")
        return context

    def translations_view(self, request: HttpRequest) -> HttpResponse:
        """Who: administrators. Per language of the reporter side: how many texts are not
        translated yet, and how many are translated but not checked by a native speaker
        (the X-Meldpunt-Reviewed header of its .po file)."""
        context = {
            **self.each_context(request),
            "title": _("Vertalingen van de publieke kant"),
            "statuses": all_catalogue_statuses(),
        }
        return TemplateResponse(request, "admin/translations.html", context)

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
