from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "meldpunt.accounts"
    verbose_name = _("Medewerkers")

    def ready(self) -> None:
        encrypt_totp_keys()
        from meldpunt.accounts.models import User
        from meldpunt.accounts.signals import user_changed

        uid = f"staff-access-changed-{User._meta.label}"
        post_save.connect(user_changed, sender=User, dispatch_uid=uid)
        post_delete.connect(user_changed, sender=User, dispatch_uid=uid)


def encrypt_totp_keys() -> None:
    """django-otp keeps TOTP keys as hex; here they are encrypted with the key ring.

    The field keeps its name, type and migrations, so django-otp's own code (the verify
    flow, ``bin_key``, ``config_url``) works on the plaintext unchanged; ``rotate_keys``
    finds the column like every other encrypted field. Migration 0003 widened the column
    and encrypted the keys that were there.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from meldpunt.lib.fields import EncryptedCharField

    TOTPDevice._meta.get_field("key").__class__ = EncryptedCharField
