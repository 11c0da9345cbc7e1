"""Reads about the chat's opening hours and whether a chat can start, used by the contact
block and the chat.

Every public page shows whether the chat is open, so the schedule is kept in the cache
(one round trip instead of two queries) until a change to the opening hours or the next
day; ``forget_chat_schedule`` runs on every save and delete of either model.

Whether a chat can start also depends on the advisors, which only the chat app knows: it
registers its ``chat_availability`` here (``register_chat_availability``), so the contact
block and the chat page answer from the same selector and always agree.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache

from meldpunt.lib import clock
from meldpunt.lib.workdays import holiday_name
from meldpunt.public.models import OpeningException, Weekday, WeeklyOpening

LOOKAHEAD_DAYS = 60
SCHEDULE_CACHE_KEY = "public:chat-schedule"
SCHEDULE_CACHE_SECONDS = 3600


@dataclass(frozen=True)
class ChatSchedule:
    """Opening hours loaded once, so that answering questions needs no more queries.

    ``exceptions`` holds the dated exceptions from ``first`` to LOOKAHEAD_DAYS later.
    """

    first: date
    weekly: dict[int, list[tuple[time, time]]]
    exceptions: dict[date, list[OpeningException]]

    def periods_on(self, day: date) -> list[tuple[time, time]]:
        found = self.exceptions.get(day)
        if found:
            if any(exc.kind == OpeningException.Kind.CLOSED for exc in found):
                return []
            return sorted((exc.opens, exc.closes) for exc in found if exc.opens and exc.closes)
        if holiday_name(day) is not None:
            return []
        return self.weekly.get(day.weekday(), [])

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(_zone())
        return any(
            opens <= local.time() < closes for opens, closes in self.periods_on(local.date())
        )

    def next_opening(self, at: datetime) -> datetime | None:
        """The first moment after ``at`` at which the chat opens, or None if not in sight."""
        zone = _zone()
        local = at.astimezone(zone)
        for offset in range(LOOKAHEAD_DAYS + 1):
            day = local.date() + timedelta(days=offset)
            for opens, _closes in self.periods_on(day):
                start = datetime.combine(day, opens, tzinfo=zone)
                if start > local:
                    return start
        return None

    def weekly_summary(self) -> tuple["WeeklyLine", ...]:
        """The weekly schedule as lines of consecutive days with the same hours."""
        lines: list[WeeklyLine] = []
        for day in range(7):
            periods = tuple(sorted(self.weekly.get(day, [])))
            if not periods:
                continue
            last = lines[-1] if lines else None
            if last and last.last_day == day - 1 and last.periods == periods:
                lines[-1] = WeeklyLine(first_day=last.first_day, last_day=day, periods=periods)
            else:
                lines.append(WeeklyLine(first_day=day, last_day=day, periods=periods))
        return tuple(lines)

    def closes_at(self, at: datetime) -> datetime | None:
        zone = _zone()
        local = at.astimezone(zone)
        for opens, closes in self.periods_on(local.date()):
            if opens <= local.time() < closes:
                return datetime.combine(local.date(), closes, tzinfo=zone)
        return None


@dataclass(frozen=True)
class WeeklyLine:
    """Consecutive weekdays (0 is Monday) on which the chat keeps the same hours."""

    first_day: int
    last_day: int
    periods: tuple[tuple[time, time], ...]

    @property
    def first_day_name(self) -> str:
        return str(Weekday(self.first_day).label)

    @property
    def last_day_name(self) -> str:
        return str(Weekday(self.last_day).label)


@dataclass(frozen=True)
class ChatOpening:
    is_open: bool
    opens_at: datetime | None
    closes_at: datetime | None
    holiday: str | None
    # Calendar days from today until ``opens_at`` (0 today, 1 tomorrow), for "opens Monday".
    opens_in_days: int | None = None
    # The regular weekly hours, for "Monday to Friday, 9:00 to 17:00".
    weekly: tuple[WeeklyLine, ...] = ()


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def chat_schedule(*, around: datetime) -> ChatSchedule:
    first = around.astimezone(_zone()).date()
    cached = cache.get(SCHEDULE_CACHE_KEY)
    if isinstance(cached, ChatSchedule) and cached.first == first:
        return cached
    weekly: dict[int, list[tuple[time, time]]] = {}
    for row in WeeklyOpening.objects.all():
        weekly.setdefault(row.weekday, []).append((row.opens, row.closes))
    exceptions: dict[date, list[OpeningException]] = {}
    for exc in OpeningException.objects.filter(
        date__gte=first, date__lte=first + timedelta(days=LOOKAHEAD_DAYS)
    ):
        exceptions.setdefault(exc.date, []).append(exc)
    schedule = ChatSchedule(first=first, weekly=weekly, exceptions=exceptions)
    cache.set(SCHEDULE_CACHE_KEY, schedule, SCHEDULE_CACHE_SECONDS)
    return schedule


def forget_chat_schedule(**_signal: object) -> None:
    """The opening hours changed: the next page reads them again (signal receiver)."""
    cache.delete(SCHEDULE_CACHE_KEY)


def chat_opening(*, at: datetime | None = None) -> ChatOpening:
    """Whether the chat's opening hours say open at ``at`` (default now), and when that changes."""
    moment = at or clock.now()
    today = moment.astimezone(_zone()).date()
    schedule = chat_schedule(around=moment)
    is_open = schedule.is_open(moment)
    opens_at = None if is_open else schedule.next_opening(moment)
    return ChatOpening(
        is_open=is_open,
        opens_at=opens_at,
        closes_at=schedule.closes_at(moment) if is_open else None,
        holiday=holiday_name(today),
        opens_in_days=(opens_at.date() - today).days if opens_at else None,
        weekly=schedule.weekly_summary(),
    )


class ClosedReason:
    """Why no chat can start now; the contact block and the chat page each say it."""

    HOURS = "hours"
    HOLIDAY = "holiday"
    NO_ADVISOR = "no_advisor"
    QUEUE_FULL = "queue_full"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class ChatAvailability:
    is_open: bool
    reason: str | None
    opens_at: datetime | None
    holiday: str | None
    hours: ChatOpening  # what the opening hours say; the contact block shows them too


def availability_by_hours(opening: ChatOpening) -> ChatAvailability:
    """What the opening hours alone allow: closed outside them, otherwise open."""
    if opening.is_open:
        return ChatAvailability(
            is_open=True, reason=None, opens_at=None, holiday=None, hours=opening
        )
    return ChatAvailability(
        is_open=False,
        reason=ClosedReason.HOLIDAY if opening.holiday else ClosedReason.HOURS,
        opens_at=opening.opens_at,
        holiday=opening.holiday,
        hours=opening,
    )


_availability_source: list[Callable[[], ChatAvailability]] = []


def register_chat_availability(source: Callable[[], ChatAvailability]) -> None:
    """The chat app's selector, which adds the advisors and the queue to the hours."""
    _availability_source[:] = [source]


def chat_availability() -> ChatAvailability:
    """Can a chat start now? The one answer for the contact block and the chat page."""
    if _availability_source:
        return _availability_source[0]()
    return availability_by_hours(chat_opening())
