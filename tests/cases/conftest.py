"""Fixtures for the cases tests: a case opened by phone, and a frozen clock."""

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.db import connection

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case, CaseKind, Channel
from meldpunt.cases.services import case_create, contact_add
from meldpunt.lib import clock

SUMMARY = "Buurvrouw ziet elke nacht busjes met arbeiders bij de loods aan de Kerkweg."


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Freeze ``clock.now()`` at a given moment (an aware datetime)."""

    def freeze(moment: datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: moment)

    return freeze


@pytest.fixture
def make_case(advisor: User) -> Callable[..., Case]:
    """Open a case with one phone contact, as the phone intake does."""

    def make(*, kind: str = CaseKind.ADVICE, by: User | None = None, **fields: Any) -> Case:
        case = case_create(by=by or advisor, kind=kind, **fields)
        contact_add(case=case, by=by or advisor, channel=Channel.PHONE, summary=SUMMARY)
        return case

    return make


def all_at_once(work: Callable[[int], None], writers: int = 8) -> None:
    """``work(n)`` in ``writers`` threads that start together, each on its own database
    connection; fails with the first writer's error."""
    errors: list[BaseException] = []
    start = threading.Barrier(writers)

    def writer(n: int) -> None:
        try:
            start.wait(timeout=10)
            work(n)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
