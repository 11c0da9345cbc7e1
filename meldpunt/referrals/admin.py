"""The partner directory in the admin: administrators in /beheer/, and coordinators (with
administrators) in a partner-only admin at /beheer-partners/ that holds nothing else."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.admin_site import StaffAdminSite
from meldpunt.accounts.models import Municipality, Role
from meldpunt.accounts.permissions import is_fully_authenticated
from meldpunt.referrals.forms import FORMS_OF_EXPLOITATION
from meldpunt.referrals.models import Partner

PARTNER_MANAGERS = {Role.COORDINATOR, Role.ADMINISTRATOR}


def may_manage_partners(request: HttpRequest) -> bool:
    user = request.user
    return bool(is_fully_authenticated(user) and user.role in PARTNER_MANAGERS)


class PartnerAdminSite(StaffAdminSite):
    """Only the partner directory; coordinators and administrators, after both factors."""

    site_header = _("Meldpunt – partners beheren")
    site_title = _("Meldpunt – partners beheren")
    index_title = _("Partners")
    shows_translations = False

    def has_permission(self, request: HttpRequest) -> bool:
        return may_manage_partners(request)


partner_admin_site = PartnerAdminSite(name="partneradmin")


class PartnerAdminForm(forms.ModelForm[Partner]):
    """Forms and municipalities as checkboxes; none ticked means all."""

    exploitation_forms = forms.MultipleChoiceField(
        label=_("Vormen van uitbuiting"),
        required=False,
        choices=FORMS_OF_EXPLOITATION,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: alle vormen."),
    )
    municipalities = forms.MultipleChoiceField(
        label=_("Gemeenten"),
        required=False,
        choices=Municipality.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: alle gemeenten (een landelijke partner)."),
    )

    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "phone",
            "secure_email",
            "hours",
            "exploitation_forms",
            "municipalities",
            "notes_for_advisors",
            "active",
        ]


class PartnerAdmin(admin.ModelAdmin[Partner]):
    form = PartnerAdminForm
    list_display = ["name", "kind", "phone", "hours", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]

    # By role rather than by Django's model permissions: coordinators are not admin staff.
    def has_module_permission(self, request: HttpRequest) -> bool:
        return may_manage_partners(request)

    def has_view_permission(self, request: HttpRequest, obj: Partner | None = None) -> bool:
        return may_manage_partners(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_manage_partners(request)

    def has_change_permission(self, request: HttpRequest, obj: Partner | None = None) -> bool:
        return may_manage_partners(request)

    def has_delete_permission(self, request: HttpRequest, obj: Partner | None = None) -> bool:
        """Referrals keep pointing at their partner: an old partner is switched off instead."""
        return False


admin.site.register(Partner, PartnerAdmin)
partner_admin_site.register(Partner, PartnerAdmin)
