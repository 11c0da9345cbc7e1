"""Cases and contacts for the triage and linking tests, made through the real services."""

from datetime import datetime
from typing import Any

from meldpunt.cases.models import Case, Channel, Contact
from meldpunt.cases.services import case_create, contact_add


def case_with_contact(
    *, by: Any, summary: str = "", channel: str = Channel.PHONE, **fields: Any
) -> tuple[Case, Contact]:
    case = case_create(by=by)
    contact = contact_add(case=case, by=by, channel=channel, summary=summary, **fields)
    return case, contact


def at(day: int, hour: int = 10) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime(2026, 11, day, hour, 0))


def verified(user: Any) -> Any:
    """``user`` as the OTP middleware hands it to views: with a passed second factor."""
    user.is_verified = lambda: True
    return user
