"""The gate in front of the receipt-code check (meldpunt/reports/guessing.py): who goes
first, who is slowed while many guess, and that waiting holds no HTTP thread."""

from types import SimpleNamespace
from typing import Any

import pytest
from asgiref.testing import ApplicationCommunicator
from django.test import override_settings

from meldpunt.lib import ratelimit
from meldpunt.lib.asgi import ThreadPoolASGIHandler
from meldpunt.lib.checkgate import CheckGate
from meldpunt.reports import guessing
from tests.lib.own_loop import run

GUESSER = "10.2.0.1"
REPORTER = "10.9.0.2"
NEIGHBOUR = "10.2.0.77"
CSRF = "k" * 32


@pytest.fixture(autouse=True)
def one_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """One moment for the counters, so that a test never straddles two windows."""
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))


class RecordingGate(CheckGate):
    """A gate that notes who asked for a turn, and how long they were to wait first."""

    def __init__(self) -> None:
        super().__init__(at_once=1, per_second=1000, later_max=10)
        self.asked: list[tuple[bool, float]] = []

    def turn(self, *, first: bool, delay: float = 0.0) -> Any:
        self.asked.append((first, delay))
        return super().turn(first=first)


def _scope(path: str, *, method: str = "POST", client: str = GUESSER) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"cookie", f"csrftoken={CSRF}".encode()),
        ],
        "client": (client, 40000),
        "server": ("testserver", 80),
    }


async def _call(app: Any, scope: dict[str, Any], body: bytes = b"") -> tuple[int, bytes]:
    communicator = ApplicationCommunicator(app, scope)
    await communicator.send_input({"type": "http.request", "body": body, "more_body": False})
    start = await communicator.receive_output(timeout=10)
    content = b""
    while True:
        part = await communicator.receive_output(timeout=10)
        content += part.get("body", b"")
        if not part.get("more_body"):
            break
    await communicator.wait(timeout=10)
    return int(start["status"]), content


async def _ok(scope: dict[str, Any], receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def _gated_app() -> tuple[guessing.MailboxCodeGate, RecordingGate]:
    app = guessing.MailboxCodeGate(_ok)
    app.gate = RecordingGate()
    return app, app.gate


def test_only_posts_of_a_code_pass_the_gate_in_every_language() -> None:
    app, _gate = _gated_app()
    assert app.gated(_scope("/melden/postbus/"))
    assert app.gated(_scope("/en/melden/postbus/"))
    assert not app.gated(_scope("/melden/postbus/", method="GET"))
    assert not app.gated(_scope("/melden/postbus/bericht/"))
    assert not app.gated(_scope("/healthz"))


@override_settings(MELDPUNT_MAILBOX_FAILURES_GLOBAL=3, MELDPUNT_MAILBOX_SLOW_SECONDS=2)
def test_while_many_guess_a_guesser_waits_and_a_reporter_goes_first_without_delay() -> None:
    """Wrong codes from everywhere pass the global count: the client that guessed wrong,
    and its neighbour in the same /24, wait two seconds and queue behind; a client from a
    network without a wrong code goes first at once."""
    for n in range(3):
        guessing.record_failure(ratelimit.client_key(f"10.3.{n}.1", wide=True))
    guessing.record_failure(ratelimit.client_key(GUESSER, wide=True))
    app, gate = _gated_app()

    async def three() -> None:
        for client in (GUESSER, NEIGHBOUR, REPORTER):
            await _call(app, _scope("/melden/postbus/", client=client))

    # The two seconds are not waited here: the recording gate skips them.
    run(three())
    assert gate.asked == [(False, 2), (False, 2), (True, 0.0)]


@override_settings(MELDPUNT_MAILBOX_FAILURES_GLOBAL=100)
def test_without_an_attack_a_client_that_mistyped_is_not_slowed() -> None:
    guessing.record_failure(ratelimit.client_key(GUESSER, wide=True))
    app, gate = _gated_app()
    run(_call(app, _scope("/melden/postbus/", client=GUESSER)))
    assert gate.asked == [(False, 0.0)]


@override_settings(MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT=2)
def test_a_client_over_its_own_limit_is_not_queued_but_answered_at_once() -> None:
    """Its answer is a refusal without a check, so it takes nobody's place in the gate."""
    for _ in range(2):
        ratelimit.hit(guessing.code_limit(), ratelimit.client_key(GUESSER))
    app, gate = _gated_app()
    assert run(_call(app, _scope("/melden/postbus/", client=GUESSER)))[0] == 204
    assert gate.asked == []


@override_settings(MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT=10)
def test_a_burst_from_one_network_is_counted_as_it_arrives() -> None:
    """Codes sent all at once, before any of them is checked: three go first, the rest
    queue behind, and from the eleventh on the client is refused without waiting."""
    who, network = ratelimit.client_key(GUESSER), ratelimit.client_key(GUESSER, wide=True)
    burst = [guessing.arrive(who, network) for _ in range(12)]
    assert [s.first for s in burst] == [True] * 3 + [False] * 9
    assert [s.refused for s in burst] == [False] * 10 + [True] * 2


@pytest.mark.django_db(transaction=True)
@override_settings(MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT=1)
def test_a_try_through_the_gate_is_counted_once() -> None:
    """With one try allowed, a wrong code through the gate and the view is answered as a
    wrong code (200), not refused as a second try."""
    app = guessing.MailboxCodeGate(ThreadPoolASGIHandler(threads=1))
    body = f"csrfmiddlewaretoken={CSRF}&code=1234123412341234".encode()
    status, content = run(_call(app, _scope("/melden/postbus/", client=REPORTER), body))
    assert status == 200
    assert "Wij kennen deze code niet" in content.decode()


@pytest.mark.django_db(transaction=True)
@override_settings(MELDPUNT_MAILBOX_CHECKS_WAITING=0)
def test_a_guesser_finding_the_gate_full_is_told_to_try_again_without_a_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a check running and no room in the later lane, a client that guessed wrong
    is answered 429 "busy" by the mailbox view, and no code is hashed for it."""
    hashed: list[str] = []
    monkeypatch.setattr(
        "meldpunt.reports.selectors.hash_code", lambda code: hashed.append(code) or ""
    )
    guessing.record_failure(ratelimit.client_key(GUESSER, wide=True))
    app = guessing.MailboxCodeGate(ThreadPoolASGIHandler(threads=1))

    async def while_a_check_runs() -> tuple[int, bytes]:
        async with app.gate.turn(first=True):
            body = f"csrfmiddlewaretoken={CSRF}&code=1234123412341234".encode()
            return await _call(app, _scope("/melden/postbus/", client=GUESSER), body)

    status, content = run(while_a_check_runs())
    assert status == 429
    assert "Het is nu erg druk" in content.decode()
    assert hashed == []
