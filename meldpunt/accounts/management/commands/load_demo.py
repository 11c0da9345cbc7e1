"""Demo data for the embedded default (``make run``). Refuses to run with DEBUG off.

Each demo account gets a confirmed TOTP device with a fixed secret (derived from the
username, so every run prints the same one) and a fixed set of recovery codes, so a
developer can log in with an authenticator app or without a phone at all.
"""

import base64
import hashlib
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Municipality, Role, User
from meldpunt.accounts.services import recovery_codes_replace

DEMO_USERS = [
    ("demo-adviseur", Role.ADVISOR, "Demi", "Adviseur"),
    ("demo-coordinator", Role.COORDINATOR, "Coby", "Coördinator"),
    ("demo-analist", Role.ANALYST, "Anna", "Analist"),
    ("demo-gemeente", Role.MUNICIPALITY, "Gert", "Gemeente"),
    ("demo-beheerder", Role.ADMINISTRATOR, "Bert", "Beheerder"),
]
DEMO_RECOVERY_CODES = 5


def demo_totp_key(username: str) -> bytes:
    """A fixed 20-byte secret per demo user: public knowledge, so DEBUG only."""
    return hashlib.sha256(f"meldpunt-demo-totp:{username}".encode()).digest()[:20]


def demo_recovery_codes(username: str) -> list[str]:
    return [
        base64.b32encode(hashlib.sha256(f"meldpunt-demo-code:{username}:{i}".encode()).digest())
        .decode()[:8]
        .lower()
        for i in range(DEMO_RECOVERY_CODES)
    ]


class Command(BaseCommand):
    help = "Create demo staff accounts with two factors (DEBUG only) and print how to log in."

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo data is only for a development instance (DJANGO_DEBUG=1).")
        password_file = settings.VAR_DIR / "demo-password.txt"
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = "-".join(secrets.token_hex(3) for _ in range(3))
            password_file.write_text(password)
            password_file.chmod(0o600)
        for username, role, first, last in DEMO_USERS:
            self._demo_user(username, role, first, last, password)

        self.stdout.write(self.style.SUCCESS("Demo staff accounts (development only):"))
        self.stdout.write(f"  log in at /medewerkers/inloggen/ with password: {password}")
        self.stdout.write(
            "  second step: a code from an authenticator app set up with the secret below,\n"
            "  or one of the recovery codes (each works once; `make run` restores them)."
        )
        for username, role, _first, _last in DEMO_USERS:
            secret = base64.b32encode(demo_totp_key(username)).decode()
            codes = " ".join(demo_recovery_codes(username))
            self.stdout.write(f"  {username:<17} {Role(role).label:<25} TOTP secret: {secret}")
            self.stdout.write(f"  {'':<17} recovery codes: {codes}")

    def _demo_user(self, username: str, role: str, first: str, last: str, password: str) -> None:
        # One demo account with its devices is created whole, or not at all.
        with transaction.atomic():
            user, _created = User.objects.get_or_create(
                username=username, defaults={"role": role, "first_name": first, "last_name": last}
            )
            user.role = role
            user.municipality = Municipality.ALMERE if role == Role.MUNICIPALITY else ""
            user.is_staff = role == Role.ADMINISTRATOR
            user.is_superuser = role == Role.ADMINISTRATOR
            user.login_generation += 1
            user.set_password(password)
            user.save()
            TOTPDevice.objects.filter(user=user).delete()
            TOTPDevice.objects.create(
                user=user, name="Demo", confirmed=True, key=demo_totp_key(username).hex()
            )
            recovery_codes_replace(user=user, codes=demo_recovery_codes(username))
