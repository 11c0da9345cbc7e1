"""End chats whose reporter left longer than the resume window ago (10 minutes).

Every open advisor console does this every few seconds; the command is for the hours when
no console is open (cron, every few minutes)."""

from typing import Any

from django.core.management.base import BaseCommand

from meldpunt.chat.services import chats_expire


class Command(BaseCommand):
    help = "End chats whose reporter has been gone longer than MELDPUNT_CHAT_RESUME_SECONDS."

    def handle(self, *args: Any, **options: Any) -> None:
        ended = chats_expire()
        self.stdout.write(f"{ended} chat(s) ended.")
