"""The production ASGI application with pauses in a web report's Send, for the drill in
tests/drills/test_worker_killed.py.

A report whose description begins with a pause's name and a colon stops there until the
worker is killed: ``before`` (the Send has begun, nothing written), ``inside`` (inside the
submit's transaction: case, contact, mailbox and files written, not committed) or
``after`` (committed; the answer with the receipt code not yet sent). On reaching it, the
request leaves a file with the pause's name in ``MELDPUNT_DRILL_PAUSES``.
"""

import os
import time
from pathlib import Path
from typing import Any

from config.asgi import application
from meldpunt.cases.models import Case
from meldpunt.reports import services

__all__ = ["application"]

PAUSES = Path(os.environ["MELDPUNT_DRILL_PAUSES"])
# Far longer than the drill waits: the kill ends the pause.
PAUSE_SECONDS = 300

_report_submit = services.report_submit
_case_number_assign = services.case_number_assign


def _pause(where: str, text: str) -> None:
    if text.startswith(f"{where}:"):
        (PAUSES / where).touch()
        time.sleep(PAUSE_SECONDS)


def report_submit(**arguments: Any) -> services.Submitted:
    _pause("before", arguments["answers"]["description"])
    submitted = _report_submit(**arguments)
    _pause("after", arguments["answers"]["description"])
    return submitted


def case_number_assign(case: Case) -> None:
    # Before the number: the counter's lock would hold up the other Sends.
    _pause("inside", case.title)
    _case_number_assign(case)


services.report_submit = report_submit
services.case_number_assign = case_number_assign
