"""Contacts and cases for the statistics tests, written straight to their plain columns:
the figures read nothing else."""

from datetime import datetime
from itertools import count
from typing import Any

from django.utils import timezone

from meldpunt.cases.models import Area, Case, Contact

_numbers = count(1)


def at(year: int, month: int, day: int = 10, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour))


def make_case(*, when: datetime, municipality: str = Area.ALMERE, **fields: Any) -> Case:
    return Case.objects.create(
        number=f"T-{next(_numbers)}",
        created_at=when,
        updated_at=when,
        municipality=municipality,
        title="Geheime titel Kerkstraat 12",
        **fields,
    )


def make_contacts(
    n: int,
    *,
    when: datetime,
    channel: str = "phone",
    municipality: str = Area.ALMERE,
    case: Case | None = None,
    **fields: Any,
) -> list[Contact]:
    """``n`` contacts at ``when`` on one case (a new one unless given)."""
    case = case or make_case(when=when, municipality=municipality)
    return Contact.objects.bulk_create(
        Contact(
            case=case,
            channel=channel,
            started_at=when,
            municipality=municipality,
            summary="Geheime samenvatting",
            details={},
            **fields,
        )
        for _ in range(n)
    )
