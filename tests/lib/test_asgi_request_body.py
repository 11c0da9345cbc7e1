"""Request bodies are read in the event loop, within a size and a time limit, before a
request takes one of the handler's threads.

The first tests drive the handler directly; the others a real uvicorn worker, as in
production, with clients that announce a body and send it slowly or not at all.
"""

import asyncio
import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from asgiref.testing import ApplicationCommunicator
from django.http import HttpRequest, HttpResponse
from django.test import override_settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from meldpunt.lib.asgi import ThreadPoolASGIHandler
from tests.chat.servers import ROOT, Server, copy_database, free_port

TOO_LARGE_NL = "Dit is te veel in één keer"
TOO_SLOW_NL = "Het versturen duurde te lang"

release = threading.Event()


@csrf_exempt
def blocking_view(request: HttpRequest) -> HttpResponse:
    release.wait(timeout=30)
    return HttpResponse("done")


def quick_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("quick")


@csrf_exempt
def digest_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(hashlib.sha256(request.body).hexdigest())


urlpatterns = [
    path("block/", blocking_view),
    path("quick/", quick_view),
    path("digest/", digest_view),
]


def _scope(method: str, headers: list[tuple[bytes, bytes]], url: str = "/block/") -> dict:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": url,
        "raw_path": url.encode(),
        "query_string": b"",
        "headers": [(b"host", b"testserver"), *headers],
        "server": ("testserver", 80),
    }


async def _refusals_while_the_only_thread_is_busy() -> list[tuple[int, bytes]]:
    app = ThreadPoolASGIHandler(threads=1)
    busy = ApplicationCommunicator(app, _scope("GET", []))
    await busy.send_input({"type": "http.request", "body": b"", "more_body": False})
    await asyncio.sleep(0.2)  # the GET now holds the only thread

    answers = []
    declared = ApplicationCommunicator(app, _scope("POST", [(b"content-length", b"5000")]))
    answers.append(await _answer(declared))

    unannounced = ApplicationCommunicator(app, _scope("POST", []))
    for _ in range(3):
        await unannounced.send_input(
            {"type": "http.request", "body": b"x" * 400, "more_body": True}
        )
    answers.append(await _answer(unannounced))

    slow = ApplicationCommunicator(app, _scope("POST", [(b"content-length", b"100")]))
    await slow.send_input({"type": "http.request", "body": b"x", "more_body": True})
    answers.append(await _answer(slow))

    release.set()
    await busy.receive_output(timeout=10)
    await busy.receive_output(timeout=10)
    await busy.wait(timeout=10)
    return answers


async def _answer(communicator: ApplicationCommunicator) -> tuple[int, bytes]:
    start = await communicator.receive_output(timeout=5)
    body = await communicator.receive_output(timeout=5)
    await communicator.wait(timeout=5)
    return int(start["status"]), bytes(body["body"])


@pytest.mark.urls(__name__)
@override_settings(MELDPUNT_MAX_BODY=1000, MELDPUNT_BODY_TIMEOUT=1)
def test_too_large_and_too_slow_bodies_are_refused_without_a_thread() -> None:
    """While the handler's only thread is busy, a body announced as too large, a body that
    grows too large without announcing its length, and a body that stalls get 413, 413
    and 408, in Dutch first: none of them waits for a thread."""
    release.clear()
    with ThreadPoolExecutor(max_workers=1) as runner:
        answers = runner.submit(asyncio.run, _refusals_while_the_only_thread_is_busy()).result(
            timeout=30
        )
    assert [status for status, _body in answers] == [413, 413, 408]
    assert TOO_LARGE_NL in answers[0][1].decode()
    assert TOO_SLOW_NL in answers[2][1].decode()


async def _get_while_two_uploads_wait() -> tuple[int, bytes]:
    app = ThreadPoolASGIHandler(threads=2)
    multipart = [(b"content-type", b"multipart/form-data; boundary=x"), (b"content-length", b"0")]
    uploads = [ApplicationCommunicator(app, _scope("POST", multipart)) for _ in range(2)]
    for upload in uploads:
        await upload.send_input({"type": "http.request", "body": b"", "more_body": False})
    await asyncio.sleep(0.2)
    quick = ApplicationCommunicator(app, _scope("GET", [], url="/quick/"))
    await quick.send_input({"type": "http.request", "body": b"", "more_body": False})
    answer = await _answer(quick)
    release.set()
    for upload in uploads:
        await _answer(upload)
    return answer


@pytest.mark.urls(__name__)
@override_settings(MELDPUNT_IMAGE_CONCURRENCY=1)
def test_requests_with_files_take_one_thread_at_a_time() -> None:
    """Two requests with files on a handler with two threads: the second waits for the
    first without a thread, so a plain request is still answered meanwhile."""
    release.clear()
    with ThreadPoolExecutor(max_workers=1) as runner:
        status, body = runner.submit(asyncio.run, _get_while_two_uploads_wait()).result(30)
    assert (status, body) == (200, b"quick")


async def _post_in_pieces(pieces: list[bytes]) -> tuple[int, bytes]:
    app = ThreadPoolASGIHandler(threads=1)
    communicator = ApplicationCommunicator(app, _scope("POST", [], url="/digest/"))
    for number, piece in enumerate(pieces, start=1):
        more = number < len(pieces)
        await communicator.send_input({"type": "http.request", "body": piece, "more_body": more})
    return await _answer(communicator)


@pytest.mark.urls(__name__)
def test_a_large_body_arrives_whole() -> None:
    """A 300 KB body in pieces (kept on disk past its first 64 KB) reaches the view intact."""
    pieces = [os.urandom(60_000) for _ in range(5)]
    with ThreadPoolExecutor(max_workers=1) as runner:
        status, body = runner.submit(asyncio.run, _post_in_pieces(pieces)).result(30)
    assert (status, body.decode()) == (200, hashlib.sha256(b"".join(pieces)).hexdigest())


# A real worker --------------------------------------------------------------------------


def _server_env(database: Path, port: int, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.test_settings",
            "DATABASE_URL": f"sqlite:///{database}",
            "PYTHONPATH": str(ROOT),
            "MELDPUNT_TEST_LAYER_PREFIX": f"test-body-{port}",
            "MELDPUNT_HTTP_THREADS": "2",
            **extra,
        }
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Path:
    """An SQLite file the servers of this module share, with the tables in place."""
    path = Path(tmp_path_factory.mktemp("bodies")) / "bodies.sqlite3"
    copy_database(migrated_sqlite, path)
    return path


@pytest.fixture(scope="module")
def worker(database: Path) -> Iterator[Server]:
    """One worker with two request threads and a body timeout far beyond the test."""
    port = free_port()
    server = Server(port, _server_env(database, port, MELDPUNT_BODY_TIMEOUT="120")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def strict_worker(database: Path) -> Iterator[Server]:
    """One worker with a small body limit and a short body timeout."""
    port = free_port()
    env = _server_env(database, port, MELDPUNT_MAX_BODY="100000", MELDPUNT_BODY_TIMEOUT="2")
    server = Server(port, env).start()
    yield server
    server.stop()


def _announce(server: Server, length: int, headers: str = "") -> socket.socket:
    """A connection that sends a POST's headers and the first byte of its body."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(
        (
            f"POST /melden/stap/wie/ HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {length}\r\n{headers}\r\nr"
        ).encode()
    )
    return sock


def _answer_on(sock: socket.socket) -> str:
    """Everything the server sends until it closes the connection."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def test_slow_bodies_leave_the_threads_free(worker: Server) -> None:
    """Eight clients trickle their bodies, one byte every 0.2 s, to a worker with two
    request threads: meanwhile /healthz and the report form still answer."""
    slow = [_announce(worker, 10_000) for _ in range(8)]
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(0.2):
            for sock in slow:
                sock.sendall(b"x")

    trickler = threading.Thread(target=trickle)
    trickler.start()
    try:
        time.sleep(0.5)  # every slow request has reached the server
        with httpx.Client(base_url=worker.url, timeout=15) as client:
            health = client.get("/healthz")
            form = client.get("/melden/stap/wie/")
    finally:
        stop.set()
        trickler.join()
        for sock in slow:
            sock.close()
    assert health.status_code == 200
    assert form.status_code == 200
    assert 'name="reporter_role"' in form.text


def test_body_announced_too_large_gets_413(strict_worker: Server) -> None:
    with _announce(strict_worker, 10**9) as sock:
        answer = _answer_on(sock)
    assert answer.startswith("HTTP/1.1 413")
    assert TOO_LARGE_NL in answer


def test_unannounced_body_that_grows_too_large_gets_413(strict_worker: Server) -> None:
    """A chunked body, no length announced, is cut off as soon as it passes the limit."""
    with socket.create_connection(("127.0.0.1", strict_worker.port), timeout=10) as sock:
        sock.sendall(
            b"POST /melden/stap/wie/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        for size in (30_000, 30_000, 30_000, 20_000):
            sock.sendall(b"%x\r\n%s\r\n" % (size, b"x" * size))
            # The server reads each piece before the next: when it answers after the
            # last one, nothing is left unread that would make it reset the connection.
            time.sleep(0.2)
        answer = _answer_on(sock)
    assert answer.startswith("HTTP/1.1 413")


def test_body_that_stalls_gets_408(strict_worker: Server) -> None:
    """A body that is not complete within the read timeout (2 s here) gets 408."""
    with _announce(strict_worker, 1000) as sock:
        answer = _answer_on(sock)
    assert answer.startswith("HTTP/1.1 408")
    assert TOO_SLOW_NL in answer
