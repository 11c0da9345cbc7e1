"""Contacts and cases for the statistics tests, written straight to their plain columns:
the figures read nothing else. The contacts' days are counted again afterwards and the
cases' months kept, as every writer of contacts and cases does."""

from collections import Counter
from datetime import datetime
from itertools import count
from typing import Any

from django.db import transaction
from django.utils import timezone

from meldpunt.cases.case_months import case_months_after, case_months_kept
from meldpunt.cases.contact_days import contact_days_recount, local_day
from meldpunt.cases.models import Area, Case, Contact

_numbers = count(1)


def at(year: int, month: int, day: int = 10, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour))


def make_case(*, when: datetime, municipality: str = Area.ALMERE, **fields: Any) -> Case:
    # One transaction, as every case writer's: the counts lock the audit chain's head,
    # which needs one also where the test runs without (a browser test's live server).
    with transaction.atomic():
        case = Case.objects.create(
            number=f"T-{next(_numbers)}",
            created_at=when,
            updated_at=when,
            municipality=municipality,
            title="Geheime titel Kerkstraat 12",
            **fields,
        )
        case_months_after(case.pk, Counter())
    return case


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
    with case_months_kept(case.pk):
        contacts = Contact.objects.bulk_create(
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
    contact_days_recount(days=[local_day(when)])
    return contacts
