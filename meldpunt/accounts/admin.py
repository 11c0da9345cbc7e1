"""Administrators manage staff accounts here. There is no self-registration."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts import services
from meldpunt.accounts.models import User
from meldpunt.accounts.permissions import staff_user

# Device secrets and recovery codes stay out of the admin: an administrator resets a user's
# second factor instead of reading or copying it.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persoon"), {"fields": ("first_name", "last_name", "email")}),
        (_("Rol"), {"fields": ("role", "municipality")}),
        (
            _("Toegang"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Data"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "role",
                    "municipality",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    list_display = ("username", "first_name", "last_name", "role", "municipality", "is_active")
    list_filter = ("role", "municipality", "is_active")
    readonly_fields = ("last_login", "date_joined")
    actions = ["unlock", "reset_second_factor"]

    @admin.action(description=_("Blokkade na mislukte inlogpogingen opheffen"))
    def unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.user_unlock(user=user, by=staff_user(request))
        messages.success(request, _("De blokkade is opgeheven."))

    @admin.action(description=_("Tweede factor resetten (nieuwe app koppelen bij volgende inlog)"))
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.second_factor_reset(user=user, by=staff_user(request))
        messages.success(
            request,
            _(
                "De tweede factor is gereset. "
                "Bij de volgende inlog koppelt de medewerker een nieuwe app."
            ),
        )
