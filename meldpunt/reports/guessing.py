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
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from meldpunt.lib import ratelimit
from meldpunt.lib.checkgate import CheckGate

QUARTER = 15 * 60
MINUTE = 60
ALL = "all"
# In the scope of a code POST that passed the gate: its Standing (the gate counted the
# try), and whether it found the later lane full (answered without a check).
STANDING = "meldpunt.code_standing"
GATE_FULL = "meldpunt.code_gate_full"


def code_limit() -> ratelimit.Limit:
    return ratelimit.Limit("mailbox-code", settings.MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT, QUARTER)


def first_lane_limit() -> ratelimit.Limit:
    """Tries per network that may go first: a burst from one network, sent before its
    first wrong code is known, cannot fill the first lane."""
    return ratelimit.Limit("mailbox-code-first", 3, QUARTER)


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
    first: bool  # no wrong code from its network lately: goes before those who had one
    slowed: bool  # its network had a wrong code, and many come in from everywhere


def arrive(who: str, network: str) -> Standing:
    """Count a try of client ``who`` in ``network`` (its wide key) as it arrives, before
    it waits, so that a burst is counted at once; then say where it stands."""
    within = ratelimit.hit(code_limit(), who)
    first_lane = ratelimit.hit(first_lane_limit(), network)
    failed, everyone = ratelimit.counts((failed_limit(), network), (global_failures(), ALL))
    guessed = failed >= failed_limit().count
    return Standing(
        refused=not within,
        first=first_lane and not guessed,
        slowed=guessed and everyone >= global_failures().count,
    )


def refusal(request: HttpRequest) -> str:
    """Why this code POST is answered without a check: "tries" (the client used up its
    own), "busy" (the gate's later lane was full), or "" (check it). Counts the try
    unless the gate already did."""
    scope = getattr(request, "scope", {})
    found = scope.get(STANDING)
    if found is None:
        within = ratelimit.hit(code_limit(), ratelimit.request_client(request))
        return "" if within else "tries"
    if found.refused:
        return "tries"
    return "busy" if scope.get(GATE_FULL) else ""


def record_failure(network: str) -> None:
    """A wrong code: counts for the client's network and for the global attack watch."""
    ratelimit.hit(global_failures(), ALL)
    ratelimit.hit(failed_limit(), network)


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
        found = await sync_to_async(arrive, thread_sensitive=False)(
            ratelimit.scope_client(scope), ratelimit.scope_client(scope, wide=True)
        )
        scope = {**scope, STANDING: found}
        if found.refused:
            await self.app(scope, receive, send)
            return
        delay = settings.MELDPUNT_MAILBOX_SLOW_SECONDS if found.slowed else 0.0
        async with self.gate.turn(first=found.first, delay=delay) as admitted:
            await self.app(scope if admitted else {**scope, GATE_FULL: True}, receive, send)
