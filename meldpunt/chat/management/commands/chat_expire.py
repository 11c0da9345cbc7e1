"""End chats whose reporter left longer than the resume window ago (10 minutes).

Every open advisor console does this every few seconds; the command is for the hours when
no console is open (the timer or the scheduler, every 5 minutes). One run at a time: a
second run at the same time does nothing and exits cleanly. A successful run is recorded
for the admin."""

from typing import Any

from django.core.management.base import BaseCommand

from meldpunt.chat.services import chats_expire
from meldpunt.lib.jobs import run_job

JOB_NAME = "chat_expire"


class Command(BaseCommand):
    help = "End chats whose reporter has been gone longer than MELDPUNT_CHAT_RESUME_SECONDS."

    def handle(self, *args: Any, **options: Any) -> None:
        run_job(JOB_NAME, _expire, self.stdout.write)


def _expire() -> str:
    return f"{chats_expire()} chat(s) ended"
