"""Reads of the phone intake: today's quick dispositions of one advisor."""

from datetime import datetime, time

from django.db.models import Count
from django.utils import timezone

from meldpunt.accounts.models import User
from meldpunt.cases.models import Contact, Disposition
from meldpunt.lib import clock


def quick_contacts_today(user: User) -> list[tuple[str, int]]:
    """How many quick dispositions ``user`` logged today, per disposition (one query).

    Only plain columns are read: these contacts hold no content.
    """
    start = timezone.make_aware(
        datetime.combine(clock.today(), time.min),
        timezone.get_current_timezone(),
    )
    rows = (
        Contact.objects.filter(case__isnull=True, staff=user, started_at__gte=start)
        .values("disposition")
        .annotate(count=Count("id"))
        .order_by("disposition")
    )
    return [(str(Disposition(row["disposition"]).label), row["count"]) for row in rows]
