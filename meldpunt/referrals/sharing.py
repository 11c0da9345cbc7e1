"""Which fields of a case can be shared with a partner, and what the partner then sees.

Every field is offered on its own and nothing is shared unless chosen. A key names the
record and the field ("location.12.address"), never the content, so the keys can be kept
in a plain column and written to the audit log.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from meldpunt.cases.models import Case, LocationKind, PersonRole
from meldpunt.triage.taxonomy import indicator_choices


@dataclass(frozen=True)
class ShareableField:
    key: str
    group: str
    label: str
    value: str
    identifying: bool = False


def _join(*parts: str, sep: str = ", ") -> str:
    return sep.join(part for part in parts if part)


def _case_fields(case: Case) -> list[ShareableField]:
    group = _("Zaak")
    return [
        ShareableField("case.title", group, _("Korte omschrijving"), case.title),
        ShareableField(
            "case.exploitation", group, _("Vorm van uitbuiting"), case.get_exploitation_display()
        ),
        ShareableField(
            "case.municipality",
            group,
            _("Gemeente"),
            case.get_municipality_display() if case.municipality != "unknown" else "",
        ),
        ShareableField("case.urgency", group, _("Urgentie"), case.get_urgency_display()),
    ]


def _contact_fields(case: Case) -> list[ShareableField]:
    fields = []
    labels = dict(indicator_choices())
    for contact in case.contacts.order_by("started_at", "id"):
        group = _("Contact via %(channel)s op %(date)s") % {
            "channel": contact.get_channel_display(),
            "date": date_format(contact.started_at, "j F Y"),
        }
        prefix = f"contact.{contact.pk}"
        fields += [
            ShareableField(f"{prefix}.summary", group, _("Samenvatting"), contact.summary),
            ShareableField(
                f"{prefix}.indicators",
                group,
                _("Signalen"),
                "; ".join(str(labels.get(code, code)) for code in contact.indicators),
            ),
            ShareableField(
                f"{prefix}.reporter_role",
                group,
                _("Wie nam contact op"),
                contact.get_reporter_role_display() if contact.reporter_role != "unknown" else "",
            ),
            ShareableField(
                f"{prefix}.callback",
                group,
                _("Terugbelgegevens van de melder"),
                contact.callback_details,
                identifying=True,
            ),
        ]
    return fields


def _person_fields(case: Case) -> list[ShareableField]:
    """Per person; a name, and anything about the reporter, identifies someone."""
    fields = []
    counts: dict[str, int] = {}
    for person in case.persons.order_by("id"):
        counts[person.role] = counts.get(person.role, 0) + 1
        group = f"{capfirst(PersonRole(person.role).label)} {counts[person.role]}"
        prefix = f"person.{person.pk}"
        reporter = person.role == PersonRole.REPORTER
        age = person.age or (
            person.get_age_group_display() if person.age_group != "unknown" else ""
        )
        if person.is_minor:
            age = _join(age, _("minderjarig"))
        gender = person.get_gender_display() if person.gender != "unknown" else ""
        for name, label, value, identifying in (
            ("name", _("Naam of bijnaam"), person.name, True),
            ("age", _("Leeftijd"), age, reporter),
            ("gender", _("Gender"), gender, reporter),
            (
                "nationality",
                _("Nationaliteit en taal"),
                _join(person.nationality, person.language),
                reporter,
            ),
            ("vulnerabilities", _("Kwetsbaarheden"), person.vulnerabilities, reporter),
            ("description", _("Omschrijving"), person.description, reporter),
        ):
            fields.append(ShareableField(f"{prefix}.{name}", group, label, value, identifying))
    return fields


def _location_fields(case: Case) -> list[ShareableField]:
    fields = []
    counts: dict[str, int] = {}
    for location in case.locations.order_by("id"):
        counts[location.kind] = counts.get(location.kind, 0) + 1
        group = f"{capfirst(LocationKind(location.kind).label)} {counts[location.kind]}"
        prefix = f"location.{location.pk}"
        fields += [
            ShareableField(
                f"{prefix}.address",
                group,
                _("Adres"),
                _join(location.address, _join(location.postcode, location.place, sep=" ")),
            ),
            ShareableField(
                f"{prefix}.company",
                group,
                _("Bedrijf"),
                _join(
                    location.company_name,
                    _("KvK %s") % location.kvk_number if location.kvk_number else "",
                ),
            ),
            ShareableField(
                f"{prefix}.municipality",
                group,
                _("Gemeente"),
                location.get_municipality_display() if location.municipality != "unknown" else "",
            ),
            ShareableField(f"{prefix}.description", group, _("Omschrijving"), location.description),
        ]
    return fields


def shareable_fields(case: Case) -> list[ShareableField]:
    """Every field of ``case`` that has a value, grouped by record; one query per kind."""
    every = _case_fields(case) + _contact_fields(case) + _person_fields(case)
    every += _location_fields(case)
    return [field for field in every if field.value]


def shared_snapshot(fields: list[ShareableField], keys: list[str]) -> list[dict[str, str]]:
    """What the partner sees: only the chosen fields, in the order of the case."""
    chosen = set(keys)
    return [
        {"group": field.group, "label": field.label, "value": field.value}
        for field in fields
        if field.key in chosen
    ]
