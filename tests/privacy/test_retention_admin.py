"""Retention rules in the admin: administrators see every category with what it means and
its default, change the period (audited), and cannot add or delete categories."""

from collections.abc import Callable

import pytest
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.privacy.models import RetentionCategory, RetentionRule
from meldpunt.privacy.rules import RULES, retention_periods

pytestmark = pytest.mark.django_db
LIST = "/beheer/privacy/retentionrule/"


def test_the_rules_are_there_with_their_meaning(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    page = verified_client(administrator).get(LIST).content.decode()
    assert RetentionRule.objects.count() == len(RetentionCategory.values)
    for category in RetentionCategory:
        assert str(category.label) in page
    assert "gerekend vanaf het sluiten" in page
    assert "24 uur" in page


def test_an_administrator_changes_a_period_and_it_applies(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    rule = RetentionRule.objects.get(category=RetentionCategory.ADVICE_CLOSED)
    response = verified_client(administrator).post(
        f"{LIST}{rule.pk}/change/", {"period": "180", "unit": "days"}
    )
    assert response.status_code == 302
    assert retention_periods()[RetentionCategory.ADVICE_CLOSED].days == 180
    event = AuditEvent.objects.get(action="retention.rule")
    assert event.detail == {"category": "advice_closed", "period": 180, "unit": "days"}


def test_categories_are_not_added_or_deleted(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    client = verified_client(administrator)
    rule = RetentionRule.objects.first()
    assert rule is not None
    assert client.get(f"{LIST}add/").status_code == 403
    assert client.get(f"{LIST}{rule.pk}/delete/").status_code == 403


@pytest.mark.parametrize("role", ["advisor", "coordinator", "analyst", "municipality_viewer"])
def test_only_administrators_open_the_rules(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    response = verified_client(request.getfixturevalue(role)).get(LIST, follow=True)
    assert response.status_code == 403


def test_a_missing_rule_falls_back_to_its_default() -> None:
    RetentionRule.objects.all().delete()
    assert retention_periods()[RetentionCategory.REPORT_DRAFT].total_seconds() == 24 * 3600
    assert set(retention_periods()) == set(RULES)
