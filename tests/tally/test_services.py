"""The counts: codes, visits, chat waits and refusals."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from meldpunt.tally.models import Campaign, ChatRefusal, ChatWait, LinkVisit
from meldpunt.tally.services import (
    CODE_ALPHABET,
    CODE_LENGTH,
    chat_refusal_record,
    chat_wait_record,
    code_digest,
    link_create,
    link_qr,
    link_url,
    link_visit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    return Campaign.objects.create(
        name="Mupi Almere", medium="mupi", start=date(2025, 4, 1), end=date(2025, 4, 30)
    )


def test_codes_are_long_random_and_stored_with_their_hash(campaign) -> None:
    codes = {link_create(campaign=campaign).code for _ in range(20)}
    assert len(codes) == 20
    for link in campaign.links.all():
        assert len(link.code) == CODE_LENGTH and set(link.code) <= set(CODE_ALPHABET)
        assert link.code_digest == code_digest(link.code)


def test_the_qr_codes_hold_the_short_link(campaign, settings) -> None:
    settings.MELDPUNT_SITE_URL = "https://meldpunt.example"
    link = link_create(campaign=campaign)
    assert link_url(link) == f"https://meldpunt.example/c/{link.code}/"
    svg = link_qr(link, "svg")
    assert svg.startswith(b"<?xml") and b"<svg" in svg and link_url(link).encode() in svg
    assert link_qr(link, "png").startswith(b"\x89PNG")


def test_visits_on_different_days_and_links_count_apart(campaign, monkeypatch) -> None:
    first, second = link_create(campaign=campaign), link_create(campaign=campaign)
    link_visit(code=first.code, client="a")
    link_visit(code=second.code, client="a")
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr("meldpunt.lib.clock.now", lambda: tomorrow)
    link_visit(code=first.code, client="b")
    assert sorted(LinkVisit.objects.values_list("link", "count")) == [
        (first.pk, 1),
        (first.pk, 1),
        (second.pk, 1),
    ]


def test_a_chat_wait_keeps_day_hour_seconds_and_answered_only() -> None:
    started = timezone.make_aware(timezone.datetime(2025, 6, 2, 14, 59, 30))
    chat_wait_record(
        started_at=started, left_queue_at=started + timedelta(seconds=95), answered=True
    )
    wait = ChatWait.objects.get()
    assert (wait.day, wait.hour, wait.waited_seconds, wait.answered) == (
        date(2025, 6, 2),
        14,
        95,
        True,
    )


def test_a_refusal_counts_once_per_client_and_hour() -> None:
    for _ in range(3):
        chat_refusal_record(reason="hours", client="a")
    chat_refusal_record(reason="queue_full", client="b")
    assert sorted(ChatRefusal.objects.values_list("reason", "count")) == [
        ("hours", 1),
        ("queue_full", 1),
    ]
