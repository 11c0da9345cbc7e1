"""A gate in front of an expensive check, such as a slow hash, kept in the event loop.

Per process at most ``at_once`` checks run at a time and at most ``per_second`` start
each second, so guessing can cost the server only a bounded share of its CPU and of its
HTTP threads (a request takes its thread only once it is through the gate). A request
waits for its turn in the event loop, holding no thread.

Two lanes: a request in the first lane always goes before one in the later lane. The
later lane holds at most ``later_max`` waiting requests; one more is turned away at once
instead of growing the queue without end.
"""

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class CheckGate:
    def __init__(self, *, at_once: int, per_second: float, later_max: int) -> None:
        if at_once < 1 or per_second <= 0:
            raise ValueError("a check gate needs room for at least one check")
        self.at_once = at_once
        self.spacing = 1.0 / per_second
        self.later_max = later_max
        self._loop: asyncio.AbstractEventLoop | None = None

    def _state(self) -> asyncio.AbstractEventLoop:
        # Futures belong to one event loop; tests may run the gate on several.
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._running = 0
            self._next_start = 0.0
            self._first: deque[asyncio.Future[None]] = deque()
            self._later: deque[asyncio.Future[None]] = deque()
        return loop

    def waiting(self) -> tuple[int, int]:
        """How many wait in the first and in the later lane (for tests and benchmarks)."""
        self._state()
        return len(self._first), len(self._later)

    async def _acquire(self, *, first: bool) -> bool:
        loop = self._state()
        free = self._running < self.at_once and not self._first and (first or not self._later)
        if free:
            self._running += 1
        else:
            if not first and len(self._later) >= self.later_max:
                return False
            lane = self._first if first else self._later
            waiter: asyncio.Future[None] = loop.create_future()
            lane.append(waiter)
            try:
                # _release hands its place over: the running count stays as it is.
                await waiter
            except asyncio.CancelledError:
                if not waiter.cancelled():
                    # Its turn had come: pass it on.
                    self._release()
                elif waiter in lane:
                    lane.remove(waiter)
                raise
        now = loop.time()
        start = max(now, self._next_start)
        self._next_start = start + self.spacing
        if start > now:
            try:
                await asyncio.sleep(start - now)
            except asyncio.CancelledError:
                self._release()
                raise
        return True

    def _release(self) -> None:
        for lane in (self._first, self._later):
            while lane:
                waiter = lane.popleft()
                if not waiter.done():
                    waiter.set_result(None)
                    return
        self._running -= 1

    @asynccontextmanager
    async def turn(self, *, first: bool, delay: float = 0.0) -> AsyncIterator[bool]:
        """Wait ``delay`` seconds, then for a place; yields False if the later lane is full."""
        if delay > 0:
            await asyncio.sleep(delay)
        admitted = await self._acquire(first=first)
        try:
            yield admitted
        finally:
            if admitted:
                self._release()
