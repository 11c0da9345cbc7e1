"""Failure drill: PostgreSQL runs out of disk space while a web report is sent.

A 1 MB tmpfs becomes a tablespace; the mailbox and attachment tables move there, and a
filler table fills it until PostgreSQL answers "could not extend file: No space left on
device" (SQLSTATE 53100). A Send with a photo then gets the page that says in plain Dutch
that the report was not sent and the answers are kept, with the reporter's text still on
it; nothing of the report is stored and the draft keeps its photo. Once the filler is
dropped (space freed), the same Send from the same browser stores the whole report and its
receipt code opens the mailbox.

PostgreSQL on this machine and root (to mount the tmpfs) are needed; without them the
test skips for the missing service.
"""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.test import Client

from meldpunt.cases.models import Case, Contact
from meldpunt.reports.models import Attachment, Mailbox, ReportDraft
from meldpunt.reports.selectors import access_mailbox_for_receipt
from tests.reports.conftest import ANSWERS, fill_report, png_bytes, submit, upload
from tests.skips import requires_postgresql, skip_missing_service

pytestmark = [
    requires_postgresql("a tablespace on a small disk"),
    pytest.mark.django_db(transaction=True),
]

NOT_STORED = 'data-testid="report-not-stored"'
NOT_STORED_NL = "Uw melding is nog niet verstuurd"
MOVED = (Mailbox, Attachment)
# Row sizes for the filler, large to small, so the last rows take the last free page.
FILLER_ROWS = (65536, 8192, 1024, 16)


def _mount_for_postgres(size: str) -> Path:
    """A tmpfs of ``size`` that the local PostgreSQL server (user postgres) may write."""
    if shutil.which("mount") is None or not Path("/var/lib/postgresql").is_dir():
        skip_missing_service("local PostgreSQL", "its tablespace must be on this machine")
    # Not under pytest's own temporary directory, which user postgres may not enter.
    mountpoint = Path(tempfile.mkdtemp(prefix="meldpunt-dbfull-", dir="/var/tmp"))
    owner = Path("/var/lib/postgresql").stat()
    options = f"size={size},mode=0700,uid={owner.st_uid},gid={owner.st_gid}"
    mounted = subprocess.run(  # noqa: S603 (fixed arguments)
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mountpoint)],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        mountpoint.rmdir()
        skip_missing_service("tmpfs mount", "a small disk for PostgreSQL needs root")
    return mountpoint


def _execute(sql: str, *params: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


class SmallDisk:
    """A 1 MB tablespace that holds the report tables, to fill and to free again."""

    def __init__(self, filler: str) -> None:
        self.filler = filler

    def fill(self) -> None:
        _execute(f"CREATE TABLE {self.filler} (data bytea) TABLESPACE {self.filler}")
        _execute(f"ALTER TABLE {self.filler} ALTER COLUMN data SET STORAGE EXTERNAL")
        for size in FILLER_ROWS:
            _fill(self.filler, size)

    def free(self) -> None:
        _execute(f"DROP TABLE IF EXISTS {self.filler}")


@pytest.fixture
def small_disk() -> Iterator[SmallDisk]:
    mountpoint = _mount_for_postgres("1m")
    # One name (per test process, on a shared server) for the tablespace and its filler.
    space = f"meldpunt_full_{os.getpid()}"
    disk = SmallDisk(space)
    try:
        _execute(f"CREATE TABLESPACE {space} LOCATION %s", str(mountpoint))
        for model in MOVED:
            # Empty, but earlier tests' deleted rows still take pages (the test run's
            # flush deletes, tests/db/postgresql/base.py): the small disk gets only what
            # a new installation's tables would take.
            _execute(f"VACUUM FULL {model._meta.db_table}")
            _execute(f"ALTER TABLE {model._meta.db_table} SET TABLESPACE {space}")
        yield disk
    finally:
        disk.free()
        for model in MOVED:
            _execute(f"ALTER TABLE {model._meta.db_table} SET TABLESPACE pg_default")
        _execute(f"DROP TABLESPACE IF EXISTS {space}")
        subprocess.run(["umount", str(mountpoint)], check=False)  # noqa: S603, S607
        mountpoint.rmdir()


def _fill(table: str, size: int) -> None:
    """Rows of ``size`` random (incompressible) bytes until the disk is full."""
    while True:
        try:
            _execute(f"INSERT INTO {table} (data) VALUES (%s)", os.urandom(size))  # noqa: S608
        except DatabaseError as error:
            assert "No space left on device" in str(error), error
            return


def test_a_full_database_disk_keeps_the_report_to_send_again(
    small_disk: SmallDisk, settings: Any
) -> None:
    """No room: a plain Dutch page with the answers, nothing stored. Room again: sent."""
    settings.MELDPUNT_REPORT_SUBMITS_PER_HOUR = 1000
    cache.clear()
    reporter = Client()
    fill_report(reporter, files=[upload("foto.png", png_bytes(), "image/png")])
    small_disk.fill()

    response = reporter.post("/melden/controleren/", {"homepage": ""})
    html = response.content.decode()
    assert response.status_code == 503
    assert NOT_STORED in html and NOT_STORED_NL in html
    assert str(ANSWERS["wat"]["description"]) in html, "the reporter's text is on the page"
    assert not Case.objects.exists() and not Contact.objects.exists()
    assert not Mailbox.objects.exists()
    assert ReportDraft.objects.count() == 1
    assert Attachment.objects.filter(draft__isnull=False).count() == 1

    small_disk.free()
    code = submit(reporter)
    case = Case.objects.get()
    assert Contact.objects.filter(case=case).count() == 1
    assert access_mailbox_for_receipt(code).case == case
    assert Attachment.objects.get().case == case
    assert not ReportDraft.objects.exists()
