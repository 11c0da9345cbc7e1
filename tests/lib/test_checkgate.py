"""The check gate: a bounded number of checks at a time, clients without a wrong code
first, a full later lane turned away at once, and nobody's place lost on a cancel."""

import asyncio

from meldpunt.lib.checkgate import CheckGate
from tests.lib.own_loop import run


def _gate(later_max: int = 10) -> CheckGate:
    # Spacing of a millisecond: the order is what is tested, not the pace.
    return CheckGate(at_once=1, per_second=1000, later_max=later_max)


async def _take(gate: CheckGate, name: str, order: list[str], *, first: bool) -> bool:
    async with gate.turn(first=first) as admitted:
        if admitted:
            order.append(name)
            await asyncio.sleep(0.005)
        return admitted


def test_a_client_without_a_wrong_code_goes_before_the_waiting_guessers() -> None:
    """While a check runs, three guessers queue; a reporter who arrives after them is
    checked next, the guessers after."""

    async def scenario() -> list[str]:
        gate = _gate()
        order: list[str] = []
        running = asyncio.create_task(_take(gate, "busy", order, first=False))
        await asyncio.sleep(0)
        guessers = [
            asyncio.create_task(_take(gate, f"guess-{n}", order, first=False)) for n in range(3)
        ]
        await asyncio.sleep(0)
        reporter = asyncio.create_task(_take(gate, "reporter", order, first=True))
        await asyncio.sleep(0)
        assert gate.waiting() == (1, 3)
        await asyncio.gather(running, reporter, *guessers)
        return order

    assert run(scenario()) == ["busy", "reporter", "guess-0", "guess-1", "guess-2"]


def test_only_one_check_runs_at_a_time() -> None:
    async def scenario() -> int:
        gate = _gate()
        running = 0
        peak = 0

        async def check() -> None:
            nonlocal running, peak
            async with gate.turn(first=True):
                running += 1
                peak = max(peak, running)
                await asyncio.sleep(0.002)
                running -= 1

        await asyncio.gather(*(check() for _ in range(8)))
        return peak

    assert run(scenario()) == 1


def test_a_full_later_lane_turns_the_next_guesser_away_but_never_the_first_lane() -> None:
    async def scenario() -> tuple[bool, bool]:
        gate = _gate(later_max=1)
        order: list[str] = []
        running = asyncio.create_task(_take(gate, "busy", order, first=False))
        await asyncio.sleep(0)
        queued = asyncio.create_task(_take(gate, "queued", order, first=False))
        await asyncio.sleep(0)
        turned_away = await _take(gate, "extra", order, first=False)
        reporter = await asyncio.gather(_take(gate, "reporter", order, first=True), running, queued)
        return turned_away, reporter[0]

    assert run(scenario()) == (False, True)


def test_a_request_that_gives_up_while_waiting_loses_nobody_their_turn() -> None:
    async def scenario() -> list[str]:
        gate = _gate()
        order: list[str] = []
        running = asyncio.create_task(_take(gate, "busy", order, first=False))
        await asyncio.sleep(0)
        quitter = asyncio.create_task(_take(gate, "quitter", order, first=True))
        patient = asyncio.create_task(_take(gate, "patient", order, first=False))
        await asyncio.sleep(0)
        quitter.cancel()
        await asyncio.gather(running, patient)
        assert gate.waiting() == (0, 0)
        return order

    assert run(scenario()) == ["busy", "patient"]
