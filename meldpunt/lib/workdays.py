"""Working days and public holidays for the country this instance runs in."""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings


@lru_cache(maxsize=64)
def _holidays_for(country: str, year: int) -> dict[date, str]:
    return dict(holidays.country_holidays(country, years=year, language="nl"))


def holiday_name(day: date) -> str | None:
    """The public holiday on ``day`` (in Dutch), or None on an ordinary day."""
    return _holidays_for(settings.MELDPUNT_HOLIDAY_COUNTRY, day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def add_working_days(start: date, count: int) -> date:
    """The date ``count`` working days after ``start`` (weekends and public holidays skipped)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
