"""Django's admin app, configured with our site (its own module: apps.py holds one config)."""

from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin with our site: administrators only, two factors required."""

    default_site = "meldpunt.accounts.admin_site.StaffAdminSite"
