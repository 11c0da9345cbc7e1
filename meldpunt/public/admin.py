from django.contrib import admin

from meldpunt.public.models import OpeningException, WeeklyOpening


@admin.register(WeeklyOpening)
class WeeklyOpeningAdmin(admin.ModelAdmin[WeeklyOpening]):
    list_display = ["weekday", "opens", "closes"]
    list_filter = ["weekday"]


@admin.register(OpeningException)
class OpeningExceptionAdmin(admin.ModelAdmin[OpeningException]):
    list_display = ["date", "kind", "opens", "closes", "reason"]
    list_filter = ["kind"]
    date_hierarchy = "date"
