"""The one place the application asks what time it is, so tests can freeze it."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    """Today in the meldpunt's own time zone: past 23:00 UTC it is tomorrow in Amsterdam."""
    return timezone.localdate(now())
