"""The export for the national registration of possible victims (CSV or JSON, per period).

Only victims whose consent is recorded are in it; name and exact age only where that
consent covers them. A coordinator makes it, and every export is in the audit log.
"""

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.referrals.models import VictimRegistration
from meldpunt.referrals.services import require_coordinator

FORMATS = ("csv", "json")
COLUMNS = (
    "case_number",
    "identified_on",
    "identified_by",
    "exploitation",
    "sector",
    "age_group",
    "minor",
    "gender",
    "nationality",
    "care_needs",
    "consent_by",
    "consent_how",
    "consent_on",
    "consent_covers_identity",
    "name",
    "age",
)


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    content: bytes
    count: int


def _row(registration: VictimRegistration) -> dict[str, Any]:
    person = registration.person
    identity = registration.consent_covers_identity
    return {
        "case_number": person.case.number,
        "identified_on": registration.identified_on.isoformat(),
        "identified_by": registration.identified_by,
        "exploitation": registration.exploitation,
        "sector": registration.sector,
        "age_group": person.age_group,
        "minor": person.is_minor,
        "gender": person.gender,
        "nationality": person.nationality,
        "care_needs": registration.care_needs,
        "consent_by": registration.consent_by,
        "consent_how": registration.consent_how,
        "consent_on": registration.consent_on.isoformat(),
        "consent_covers_identity": identity,
        "name": person.name if identity else "",
        "age": person.age if identity else "",
    }


def _cell(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula starts with a quote instead."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{value}"
    return value


def registration_export(*, by: User, start: date, end: date, fmt: str) -> Export:
    """The records identified from ``start`` to ``end`` (both included) as CSV or JSON."""
    require_coordinator(by)
    if fmt not in FORMATS:
        raise ValidationError({"fmt": _("Kies CSV of JSON.")})
    if end < start:
        raise ValidationError({"end": _("De einddatum ligt voor de begindatum.")})
    registrations = VictimRegistration.objects.filter(
        identified_on__gte=start, identified_on__lte=end
    ).select_related("person__case")
    rows = [_row(registration) for registration in registrations]
    if fmt == "json":
        content = json.dumps(
            {"period": {"start": start.isoformat(), "end": end.isoformat()}, "records": rows},
            ensure_ascii=False,
            indent=2,
        ).encode()
        content_type = "application/json"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
        content = buffer.getvalue().encode("utf-8-sig")
        content_type = "text/csv; charset=utf-8"
    audit_record(
        actor=by,
        action="registration.export",
        detail={
            "start": start.isoformat(),
            "end": end.isoformat(),
            "format": fmt,
            "count": len(rows),
        },
    )
    return Export(
        filename=f"registratie-mogelijke-slachtoffers-{start:%Y%m%d}-{end:%Y%m%d}.{fmt}",
        content_type=content_type,
        content=content,
        count=len(rows),
    )
