"""Retention rules in the admin at /beheer/ (administrators): the period per category,
with what the rule means. Categories are fixed; only their periods change."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.permissions import staff_user
from meldpunt.audit.services import audit_record
from meldpunt.lib import clock
from meldpunt.privacy.models import PeriodUnit, RetentionRule
from meldpunt.privacy.rules import RULES


class RetentionRuleAdmin(admin.ModelAdmin[RetentionRule]):
    list_display = ["category", "period", "unit", "default", "meaning"]
    fields = ["category", "meaning", "default", "period", "unit", "changed_at"]
    readonly_fields = ["category", "meaning", "default", "changed_at"]

    @admin.display(description=_("wat betekent dit"))
    def meaning(self, rule: RetentionRule) -> str:
        return str(RULES[rule.category].meaning)

    @admin.display(description=_("standaard"))
    def default(self, rule: RetentionRule) -> str:
        default = RULES[rule.category]
        return f"{default.period} {PeriodUnit(default.unit).label}"

    # The admin site already lets only administrators in (after both factors); the rows
    # are made by a migration and never added or deleted here.
    def has_view_permission(self, request: HttpRequest, obj: RetentionRule | None = None) -> bool:
        return self.admin_site.has_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: RetentionRule | None = None) -> bool:
        return self.admin_site.has_permission(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.admin_site.has_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: RetentionRule | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: RetentionRule, form: Any, change: bool) -> None:
        obj.changed_at = clock.now()
        super().save_model(request, obj, form, change)
        audit_record(
            actor=staff_user(request),
            action="retention.rule",
            obj=obj,
            detail={"category": obj.category, "period": obj.period, "unit": obj.unit},
        )


admin.site.register(RetentionRule, RetentionRuleAdmin)
