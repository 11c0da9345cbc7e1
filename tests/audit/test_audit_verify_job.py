"""audit_verify as a scheduled job: a run is recorded; a broken chain is a failed run that
the record, /metrics and one log line show, with counts only."""

import io
import json

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from meldpunt.lib.models import JobRun
from tests.audit.test_audit_chain import _past_the_trigger, _write
from tests.lib.test_security_logging import console_output  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
TOKEN = "audit-verify-metrics-token-0123456789"


def test_audit_verify_is_a_scheduled_job() -> None:
    assert "audit_verify" in django_settings.MELDPUNT_JOBS


def test_an_intact_chain_is_a_successful_run(advisor) -> None:  # type: ignore[no-untyped-def]
    _write(advisor, 3)
    call_command("audit_verify", stdout=io.StringIO())
    run = JobRun.objects.get(name="audit_verify")
    assert run.last_success_at is not None and run.last_failure_at is None
    assert run.last_outcome == "3 rows intact"


def test_a_broken_chain_is_a_failed_run_that_shows(
    advisor,  # type: ignore[no-untyped-def]
    console_output: io.StringIO,  # noqa: F811 (fixture)
    settings,  # type: ignore[no-untyped-def]
) -> None:
    """The record and /metrics give the failure; one log line says it, by counts only."""
    events = _write(advisor, 3)
    _past_the_trigger("DELETE FROM cases_auditevent WHERE id = %s", [events[1].pk])
    with pytest.raises(CommandError):
        call_command("audit_verify", stdout=io.StringIO(), stderr=io.StringIO())

    run = JobRun.objects.get(name="audit_verify")
    assert run.last_failure_at is not None and run.last_success_at is None
    assert run.last_failure == "1 problem(s) in the audit chain"
    # The JSON lines; pytest's own handler writes its lines in between.
    raw = console_output.getvalue().splitlines()
    lines = [json.loads(line) for line in raw if line.startswith("{")]
    failed = [line for line in lines if line.get("event") == "job_failed"]
    assert len(failed) == 1
    assert failed[0]["job"] == "audit_verify" and failed[0]["level"] == "ERROR"
    assert failed[0]["message"] == "scheduled job failed: 1 problem(s) in the audit chain"

    settings.MELDPUNT_METRICS_TOKEN = TOKEN
    body = Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    failure = 'meldpunt_job_last_failure_timestamp_seconds{job="audit_verify"} '
    assert any(
        line.startswith(failure) and float(line.removeprefix(failure)) > 0
        for line in body.splitlines()
    )
