"""Demo data for the embedded default (``make run``). Refuses to run with DEBUG off."""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meldpunt.accounts.models import Role, User

DEMO_USERS = [
    ("demo-adviseur", Role.ADVISOR, "Demi", "Adviseur"),
    ("demo-coordinator", Role.COORDINATOR, "Coby", "Coördinator"),
    ("demo-beheerder", Role.ADMINISTRATOR, "Bert", "Beheerder"),
]


class Command(BaseCommand):
    help = "Create demo staff accounts (DEBUG only) and print how to log in."

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
            user, _created = User.objects.get_or_create(
                username=username, defaults={"role": role, "first_name": first, "last_name": last}
            )
            user.role = role
            user.is_staff = role == Role.ADMINISTRATOR
            user.is_superuser = role == Role.ADMINISTRATOR
            user.set_password(password)
            user.save()
        self.stdout.write(self.style.SUCCESS("Demo staff accounts (development only):"))
        for username, role, _first, _last in DEMO_USERS:
            self.stdout.write(f"  {username:<18} {Role(role).label:<14} password: {password}")
