from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    name = "meldpunt.chat"
    verbose_name = _("Chat")

    def ready(self) -> None:
        from meldpunt.accounts import signals
        from meldpunt.chat import receivers

        signals.staff_logged_out.connect(
            receivers.staff_logged_out, dispatch_uid="chat-staff-logged-out"
        )
        signals.staff_access_changed.connect(
            receivers.staff_access_changed, dispatch_uid="chat-staff-access-changed"
        )

        from meldpunt.chat.services import end_session_chat
        from meldpunt.lib.reporter_session import register_session_end

        register_session_end(end_session_chat)

        from meldpunt.accounts.menu import register_menu_count
        from meldpunt.chat.selectors import waiting_chats

        register_menu_count("chat:console", lambda: waiting_chats().count())

        from meldpunt.chat.selectors import chat_availability
        from meldpunt.public.selectors import register_chat_availability

        register_chat_availability(chat_availability)

        from meldpunt.chat.selectors import queue_metrics
        from meldpunt.lib.metrics import register_gauge

        register_gauge(
            "meldpunt_chat_queue",
            "Chats waiting for an advisor (what=length), and how long the longest has waited "
            "and the mean wait of chats taken in the last hour (seconds).",
            queue_metrics,
        )
