from collections.abc import Callable
from functools import partial

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from meldpunt.lib.metrics import Sample, register_gauge
from meldpunt.lib.startup import startup_problems

JOB_GAUGES = (
    (
        "meldpunt_job_last_success_timestamp_seconds",
        "success",
        "When each scheduled job last succeeded, as Unix time; 0 if it never did.",
    ),
    (
        "meldpunt_job_last_failure_timestamp_seconds",
        "failure",
        "When each scheduled job last failed, as Unix time; 0 if it never did.",
    ),
    (
        "meldpunt_job_last_duration_seconds",
        "duration",
        "How long each scheduled job's last successful run took.",
    ),
)


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
        from meldpunt.lib.jobs import job_samples  # needs the models, loaded only now

        for name, part, help_text in JOB_GAUGES:
            register_gauge(name, help_text, partial(_part, job_samples, part))


def _part(source: Callable[[], dict[str, list[Sample]]], part: str) -> list[Sample]:
    return source()[part]
