"""The one place the application asks what time it is, so tests can freeze it."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
