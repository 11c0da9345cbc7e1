"""Drafts expire: an old draft is no longer used; ``manage.py purge`` deletes it and its files
(the retention rule "onafgemaakte webmeldingen", 24 hours)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client

from meldpunt.lib import clock
from meldpunt.reports.models import Attachment, ReportDraft
from tests.reports.conftest import ANSWERS, png_bytes, upload

pytestmark = pytest.mark.django_db


def test_expired_draft_is_not_used_and_purge_deletes_it_with_files(
    reporter: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After 24 hours the answers are gone from the form and from the database."""
    reporter.post("/melden/stap/wat/", {**ANSWERS["wat"], "action": "next"})
    reporter.post("/melden/stap/bijlagen/", {"files": [upload("a.png", png_bytes())]})
    later = clock.now() + timedelta(hours=25)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert "nagelstudio" not in reporter.get("/melden/stap/wat/").content.decode()
    call_command("purge", stdout=io.StringIO())
    assert not ReportDraft.objects.exists()
    assert not Attachment.objects.exists()


def test_purge_keeps_drafts_that_have_not_expired(reporter: Client) -> None:
    reporter.post("/melden/stap/wat/", {**ANSWERS["wat"], "action": "next"})
    call_command("purge", stdout=io.StringIO())
    assert ReportDraft.objects.count() == 1
