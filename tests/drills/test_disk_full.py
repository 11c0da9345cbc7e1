"""Failure drill: the disk that takes request bodies (the temporary directory) is full.

A 256 KB tmpfs is mounted as the temporary directory (this needs root; without it the
test skips for the missing service). A report step with a 600 KB upload gets a 503 that
says in plain Dutch that nothing was sent, the view never runs and nothing is stored; a
request that fits in memory still works. A file that fills the disk inside Django (its
upload handler, the database) gets the outage page instead of a bare 500.
"""

import asyncio
import errno
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from asgiref.testing import ApplicationCommunicator
from django.test import Client

from meldpunt.lib.asgi import ThreadPoolASGIHandler
from meldpunt.public import views
from meldpunt.reports.models import Attachment, ReportDraft
from meldpunt.reports.steps import FILES
from tests.lib.test_asgi_request_body import _answer, _scope
from tests.skips import skip_missing_service

pytestmark = pytest.mark.django_db

FULL_NL = "wij kunnen dit nu niet aannemen"


@pytest.fixture
def full_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    mountpoint = tmp_path / "full"
    mountpoint.mkdir()
    mounted = subprocess.run(  # noqa: S603 (fixed arguments)
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mountpoint)],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        skip_missing_service("tmpfs mount", "a small disk to fill needs root")
    monkeypatch.setattr(tempfile, "tempdir", str(mountpoint))
    yield mountpoint
    subprocess.run(["umount", str(mountpoint)], check=False)  # noqa: S603, S607


async def _post(
    path: str, pieces: list[bytes], headers: list[tuple[bytes, bytes]]
) -> tuple[int, bytes]:
    app = ThreadPoolASGIHandler(threads=1)
    communicator = ApplicationCommunicator(app, _scope("POST", headers, url=path))
    for number, piece in enumerate(pieces, start=1):
        more = number < len(pieces)
        await communicator.send_input({"type": "http.request", "body": piece, "more_body": more})
    return await _answer(communicator)


def _run(path: str, pieces: list[bytes], headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    with ThreadPoolExecutor(max_workers=1) as runner:
        return runner.submit(asyncio.run, _post(path, pieces, headers)).result(30)


def test_a_full_temporary_directory_refuses_the_upload_plainly(full_tmpdir: Path) -> None:
    """600 KB of upload into a 256 KB disk: 503 with the Dutch words, no draft, no file."""
    boundary = b"drill"
    headers = [(b"content-type", b"multipart/form-data; boundary=" + boundary)]
    pieces = [b"x" * 60_000 for _ in range(10)]
    status, body = _run(f"/melden/stap/{FILES}/", pieces, headers)
    assert status == 503
    assert FULL_NL in body.decode()
    assert not ReportDraft.objects.exists() and not Attachment.objects.exists()
    assert not list(full_tmpdir.iterdir()), "the partial body was removed"
    assert Client().get("/melden/").status_code == 200, "pages without files still work"


def test_a_full_disk_inside_django_gets_the_outage_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC raised while a request is handled: 503 with plain words, not a bare 500."""

    async def full(*args: object) -> list[str]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(views, "readiness_problems", full)
    response = Client(raise_request_exception=False).get("/readyz")
    assert response.status_code == 503
    assert "Er is even een storing bij ons" in response.content.decode()
