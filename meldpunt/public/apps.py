from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "meldpunt.public"
    verbose_name = _("Publieke website")

    def ready(self) -> None:
        from meldpunt.public.models import OpeningException, WeeklyOpening
        from meldpunt.public.selectors import forget_chat_schedule

        for model in (WeeklyOpening, OpeningException):
            uid = f"forget-chat-schedule-{model._meta.label}"
            post_save.connect(forget_chat_schedule, sender=model, dispatch_uid=uid)
            post_delete.connect(forget_chat_schedule, sender=model, dispatch_uid=uid)
