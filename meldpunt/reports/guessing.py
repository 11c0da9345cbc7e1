"""Someone guessing receipt codes: the limits, and the gate in front of the code check.

Checking a code costs a slow keyed scrypt (receipts.py), so guesses could eat the
server's CPU and HTTP threads. Two things keep a correct code working while they try:

- Nobody is refused because others guess. One client (one IPv4 address, one IPv6 /64)
  gets ``MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT`` tries per 15 minutes; beyond that only
  that client is refused, without a check.
- Every POST of a code passes ``MailboxCodeGate`` before it reaches Django: per process a
  bounded number of checks at a time and per second. A client without a wrong code from
  its network (IPv4 /24, IPv6 /48) in the last 15 minutes goes first; while the wrong
  codes from everyone together pass ``MELDPUNT_MAILBOX_FAILURES_GLOBAL`` a minute, a
  client whose network did guess wrong first waits ``MELDPUNT_MAILBOX_SLOW_SECONDS``, in
  the event loop, holding no thread.
"""

from dataclasses import dataclass
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from meldpunt.lib import ratelimit
from meldpunt.lib.checkgate import CheckGate

QUARTER = 15 * 60
MINUTE = 60
ALL = "all"
# Set in the scope of a code POST that found the later lane full: answered without a check.
GATE_FULL = "meldpunt.code_gate_full"


def code_limit() -> ratelimit.Limit:
    return ratelimit.Limit("mailbox-code", settings.MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT, QUARTER)


def failed_limit() -> ratelimit.Limit:
    """One wrong code from a network (an IPv4 /24, an IPv6 /48) puts every client in it
    behind those who have not guessed wrong: an attacker with many addresses in few
    networks cannot keep the first lane for themselves."""
    return ratelimit.Limit("mailbox-code-failed", 1, QUARTER)


def global_failures() -> ratelimit.Limit:
    return ratelimit.Limit("mailbox-code-all", settings.MELDPUNT_MAILBOX_FAILURES_GLOBAL, MINUTE)


@dataclass(frozen=True)
class Standing:
    """Where a client stands before its code is checked."""

    refused: bool  # used up its own tries: answered at once, without a check
    first: bool  # no wrong code lately: goes before those who had one
    slowed: bool  # had a wrong code, and many wrong codes come in from everywhere


def standing(who: str, network: str) -> Standing:
    """Reads the counters of client ``who`` in ``network`` (its wide key); counts nothing."""
    tries, failed, everyone = ratelimit.counts(
        (code_limit(), who), (failed_limit(), network), (global_failures(), ALL)
    )
    first = failed < failed_limit().count
    return Standing(
        refused=tries >= code_limit().count,
        first=first,
        slowed=not first and everyone >= global_failures().count,
    )


def record_failure(network: str) -> None:
    """A wrong code: counts for the client's network and for the global attack watch."""
    ratelimit.hit(global_failures(), ALL)
    ratelimit.hit(failed_limit(), network)


def gate_full(request: Any) -> bool:
    """The request came through the gate without a place: answer without a check."""
    return bool(getattr(request, "scope", {}).get(GATE_FULL))


class MailboxCodeGate:
    """ASGI middleware: a POST of a receipt code waits for its turn before it reaches Django."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.gate = CheckGate(
            at_once=settings.MELDPUNT_MAILBOX_CHECKS_AT_ONCE,
            per_second=settings.MELDPUNT_MAILBOX_CHECKS_PER_SECOND,
            later_max=settings.MELDPUNT_MAILBOX_CHECKS_WAITING,
        )
        self._paths: frozenset[str] | None = None

    def gated(self, scope: dict[str, Any]) -> bool:
        if scope["type"] != "http" or scope.get("method") != "POST":
            return False
        if self._paths is None:
            found = set()
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    found.add(reverse("reports_public:mailbox"))
            self._paths = frozenset(found)
        return scope.get("path") in self._paths

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if not self.gated(scope):
            await self.app(scope, receive, send)
            return
        found = await sync_to_async(standing, thread_sensitive=False)(
            ratelimit.scope_client(scope), ratelimit.scope_client(scope, wide=True)
        )
        if found.refused:
            await self.app(scope, receive, send)
            return
        delay = settings.MELDPUNT_MAILBOX_SLOW_SECONDS if found.slowed else 0.0
        async with self.gate.turn(first=found.first, delay=delay) as admitted:
            await self.app(scope if admitted else {**scope, GATE_FULL: True}, receive, send)
