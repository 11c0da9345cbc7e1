from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from meldpunt.lib.startup import startup_problems


class LibConfig(AppConfig):
    name = "meldpunt.lib"
    label = "meldpunt_lib"
    verbose_name = "Meldpunt shared helpers"

    def ready(self) -> None:
        # Every process (server, scheduler, management command) refuses to start with a
        # configuration that must not run (meldpunt/lib/startup.py).
        if getattr(settings, "MELDPUNT_STARTUP_CHECKS", True):
            problems = startup_problems()
            if problems:
                raise ImproperlyConfigured("Refusing to start: " + " ".join(problems))
