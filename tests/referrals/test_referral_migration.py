"""Referrals made with the old one-step button become Referral rows (migration 0003)."""

import importlib

import pytest
from django.apps import apps

from meldpunt.cases.models import Note
from meldpunt.lib import clock
from meldpunt.referrals.models import Partner, Referral

pytestmark = pytest.mark.django_db
migration = importlib.import_module("meldpunt.referrals.migrations.0003_referral_notes")


def old_referral(case, by, partner: str) -> Note:  # type: ignore[no-untyped-def]
    """What the removed ``case_refer`` wrote."""
    return Note.objects.create(
        case=case, author=by, created_at=clock.now(), text=f"Doorverwezen naar: {partner}"
    )


def test_old_referral_notes_become_referrals(advisor, make_labour_case):  # type: ignore[no-untyped-def]
    """A known partner is linked; an unknown name goes to the inactive placeholder and stays
    only in the encrypted reason. Other notes are left alone; the notes themselves stay."""
    case = make_labour_case()
    old_referral(case, advisor, "Nederlandse Arbeidsinspectie")
    old_referral(case, advisor, "Buurtteam Noord")
    Note.objects.create(case=case, author=advisor, created_at=clock.now(), text="Gebeld")
    migration.move(apps, None)
    referrals = list(Referral.objects.order_by("reference"))
    assert [r.reference for r in referrals] == [f"{case.number}-D1", f"{case.number}-D2"]
    assert referrals[0].partner.name == "Nederlandse Arbeidsinspectie"
    placeholder = referrals[1].partner
    assert placeholder.name == migration.PLACEHOLDER and not placeholder.active
    assert referrals[1].reason == "Doorverwezen naar: Buurtteam Noord"
    assert not Partner.objects.filter(name__contains="Buurtteam").exists()
    for referral in referrals:
        assert (referral.consent_given, referral.legal_ground) == (False, "not_recorded")
        assert referral.shared == [] and referral.referred_by == advisor
        assert [u.status for u in referral.updates.all()] == ["sent"]
    assert Note.objects.filter(case=case).count() == 3
