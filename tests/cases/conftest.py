"""Fixtures for the cases tests: a case opened by phone, and a frozen clock."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

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
