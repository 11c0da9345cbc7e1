from django.contrib import admin

from meldpunt.chat.models import CannedResponse, ChatAgent


@admin.register(CannedResponse)
class CannedResponseAdmin(admin.ModelAdmin[CannedResponse]):
    list_display = ["title", "language", "position"]
    list_filter = ["language"]
    list_editable = ["position"]
    search_fields = ["title"]


@admin.register(ChatAgent)
class ChatAgentAdmin(admin.ModelAdmin[ChatAgent]):
    list_display = ["user", "available", "capacity", "last_seen_at"]
    list_filter = ["available"]
    fields = ["user", "available", "capacity"]
