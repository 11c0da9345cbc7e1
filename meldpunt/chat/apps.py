from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "meldpunt.chat"

    def ready(self) -> None:
        from meldpunt.chat.services import end_session_chat
        from meldpunt.lib.reporter_session import register_session_end

        register_session_end(end_session_chat)
