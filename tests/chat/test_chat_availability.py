"""Whether the chat is open: opening hours, public holidays and a free advisor."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from meldpunt.chat import services
from meldpunt.chat.selectors import chat_availability
from meldpunt.public.selectors import ClosedReason
from tests.chat.conftest import TUESDAY_10

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SUNDAY_10 = datetime(2026, 11, 29, 10, 0, tzinfo=AMSTERDAM)
KONINGSDAG_10 = datetime(2026, 4, 27, 10, 0, tzinfo=AMSTERDAM)

pytestmark = pytest.mark.django_db


def test_closed_on_sunday_even_with_an_advisor(freeze, office_hours, advisor):
    """On a Sunday the chat is closed and says it opens again on Monday at 9:00."""
    freeze(SUNDAY_10)
    services.agent_set_available(user=advisor, available=True)
    availability = chat_availability()
    assert not availability.is_open
    assert availability.reason == ClosedReason.HOURS
    assert availability.opens_at == datetime(2026, 11, 30, 9, 0, tzinfo=AMSTERDAM)


def test_closed_on_koningsdag(freeze, office_hours, advisor):
    """Koningsdag is a weekday but a public holiday: closed, and it says why."""
    freeze(KONINGSDAG_10)
    services.agent_set_available(user=advisor, available=True)
    availability = chat_availability()
    assert not availability.is_open
    assert availability.reason == ClosedReason.HOLIDAY
    assert availability.holiday == "Koningsdag"


def test_open_on_tuesday_morning_with_an_advisor(freeze, office_hours, advisor):
    """Tuesday 10:00 with an available advisor: open."""
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=True)
    assert chat_availability().is_open


def test_closed_on_tuesday_morning_without_an_advisor(freeze, office_hours, advisor):
    """Within opening hours but nobody available: closed, never a chat nobody answers."""
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=False)
    availability = chat_availability()
    assert not availability.is_open
    assert availability.reason == ClosedReason.NO_ADVISOR


def test_open_when_the_advisor_is_busy_because_waiting_takes_no_capacity(
    freeze, office_hours, advisor
):
    """Capacity 1, one chat in conversation and one waiting: the next person may still
    join the queue (its own limit is in test_chat_queue.py)."""
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=True, capacity=1)
    services.chat_start()
    services.chat_accept_next(user=advisor)
    services.chat_start()
    assert chat_availability().is_open


def test_an_advisor_who_left_without_logging_off_counts_as_away(freeze, office_hours, advisor):
    """An advisor whose console has not been heard from for minutes is not counted."""
    freeze(datetime(2026, 12, 1, 9, 30, tzinfo=AMSTERDAM))
    services.agent_set_available(user=advisor, available=True)
    freeze(TUESDAY_10)
    assert chat_availability().reason == ClosedReason.NO_ADVISOR
