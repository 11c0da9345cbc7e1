"""Fixtures for the referrals tests: a labour exploitation case with a workplace, a victim
and a reporter, being assessed; and the labour inspectorate from the seeded directory."""

from collections.abc import Callable
from datetime import datetime
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps

from meldpunt.accounts.models import User
from meldpunt.cases.models import (
    AssessmentConclusion,
    Case,
    CaseKind,
    Channel,
    Exploitation,
    Location,
    LocationKind,
    Person,
    PersonRole,
)
from meldpunt.cases.services import (
    case_create,
    case_record_assessment,
    case_start_assessment,
    contact_add,
)
from meldpunt.lib import clock
from meldpunt.referrals.models import Partner
from meldpunt.referrals.services import Consent

SUMMARY = "Zes arbeiders slapen in de loods en werken zeven dagen per week in de kassen."
COMPANY = "Kwekerij De Groene Kas"
ADDRESS = "Kerkweg 12"
VICTIM_NAME = "Piotr Kowalski"
REPORTER_PHONE = "06 12345678"
CARE_NEEDS = "Onderdak en een arts; spreekt Pools."


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Freeze ``clock.now()`` at a given moment (an aware datetime)."""

    def freeze(moment: datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: moment)

    return freeze


def seed_partners() -> None:
    """Run the data migration's seed again: a browser test elsewhere (transactional) may
    have emptied the tables since the migrations ran. It adds nothing twice."""
    import_module("meldpunt.referrals.migrations.0002_seed_partners").seed(apps, None)


@pytest.fixture(autouse=True)
def _partners(db: None) -> None:
    seed_partners()


@pytest.fixture
def inspectorate(db: None) -> Partner:
    """Seeded by the data migration."""
    return Partner.objects.get(name="Nederlandse Arbeidsinspectie")


def labour_case_for(by: User, *, assess: bool = True) -> Case:
    """A labour exploitation melding with a workplace, a victim and a reporter."""
    case = case_create(by=by, kind=CaseKind.REPORT, exploitation=Exploitation.LABOUR)
    contact = contact_add(
        case=case,
        by=by,
        channel=Channel.PHONE,
        summary=SUMMARY,
        callback_allowed=True,
        callback_details=REPORTER_PHONE,
    )
    Location.objects.create(
        case=case,
        contact=contact,
        kind=LocationKind.WORKPLACE,
        address=ADDRESS,
        place="Dronten",
        company_name=COMPANY,
    )
    Person.objects.create(
        case=case,
        contact=contact,
        role=PersonRole.VICTIM,
        name=VICTIM_NAME,
        age="34",
        age_group="24+",
        gender="male",
        nationality="Pools",
    )
    Person.objects.create(case=case, contact=contact, role=PersonRole.REPORTER, name="Els")
    if assess:
        case_start_assessment(case=case, by=by)
        case_record_assessment(
            case=case, by=by, conclusion=AssessmentConclusion.REFERRED, note="Naar de inspectie."
        )
    return case


@pytest.fixture
def make_labour_case(advisor: User) -> Callable[..., Case]:
    def make(*, assess: bool = True, by: User | None = None) -> Case:
        return labour_case_for(by or advisor, assess=assess)

    return make


@pytest.fixture
def labour_case(make_labour_case: Callable[..., Case]) -> Case:
    return make_labour_case()


def keys(case: Case, *names: str) -> list[str]:
    """Share keys by short name: "workplace.address", "workplace.company", "summary"."""
    location = case.locations.get()
    contact = case.contacts.get()
    known = {
        "workplace.address": f"location.{location.pk}.address",
        "workplace.company": f"location.{location.pk}.company",
        "summary": f"contact.{contact.pk}.summary",
        "callback": f"contact.{contact.pk}.callback",
        "victim.name": f"person.{case.persons.get(role=PersonRole.VICTIM).pk}.name",
    }
    return [known[name] for name in names]


def spoken_consent(**overrides: Any) -> Consent:
    fields: dict[str, Any] = {
        "given": True,
        "by": "victim",
        "how": "phone",
        "at": clock.now(),
    }
    return Consent(**{**fields, **overrides})
