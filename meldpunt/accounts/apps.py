from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class AccountsConfig(AppConfig):
    name = "meldpunt.accounts"

    def ready(self) -> None:
        from meldpunt.accounts.models import User
        from meldpunt.accounts.signals import user_changed

        uid = f"staff-access-changed-{User._meta.label}"
        post_save.connect(user_changed, sender=User, dispatch_uid=uid)
        post_delete.connect(user_changed, sender=User, dispatch_uid=uid)
