"""End chats whose reporter left more than ten minutes ago. Run every few minutes (cron)."""

from typing import Any

from django.core.management.base import BaseCommand

from meldpunt.chat.services import chats_expire


class Command(BaseCommand):
    help = "End chats whose reporter has been gone longer than the resume window (10 minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        ended = chats_expire()
        self.stdout.write(f"{ended} chat(s) ended.")
