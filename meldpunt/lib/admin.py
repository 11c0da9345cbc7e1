"""The scheduled jobs' last successful runs in the admin at /beheer/ (administrators)."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from meldpunt.lib.jobs import job_interval, job_overdue
from meldpunt.lib.models import JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin[JobRun]):
    list_display = [
        "name",
        "last_success_at",
        "on_time",
        "interval",
        "last_duration_seconds",
        "last_outcome",
        "last_failure_at",
        "last_failure",
    ]
    readonly_fields = [
        "name",
        "last_success_at",
        "last_duration_seconds",
        "last_outcome",
        "last_failure_at",
        "last_failure",
    ]

    @admin.display(description=_("op tijd"), boolean=True)
    def on_time(self, run: JobRun) -> bool:
        """False when the last success is older than twice the interval (or never came)."""
        return not job_overdue(run)

    @admin.display(description=_("elke (minuten)"))
    def interval(self, run: JobRun) -> str:
        every = job_interval(run.name)
        return f"{every.total_seconds() / 60:g}" if every else "-"

    # Only administrators reach the admin site (after both factors); the rows are written
    # by the jobs alone, never here.
    def has_view_permission(self, request: HttpRequest, obj: JobRun | None = None) -> bool:
        return self.admin_site.has_permission(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.admin_site.has_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: JobRun | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: JobRun | None = None) -> bool:
        return False
