"""The ASGI handler runs synchronous views on a fixed set of threads per process."""

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.testing import ApplicationCommunicator
from django.http import HttpRequest, HttpResponse
from django.urls import path

from meldpunt.lib.asgi import ThreadPoolASGIHandler


class Tracker:
    """What the slow view saw: the thread names and how many ran at the same time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.running = 0
        self.peak = 0
        self.threads: list[str] = []

    def view(self, request: HttpRequest) -> HttpResponse:
        with self.lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
            self.threads.append(threading.current_thread().name)
        time.sleep(0.05)
        with self.lock:
            self.running -= 1
        return HttpResponse("ok")


tracker = Tracker()
urlpatterns = [path("slow/", tracker.view)]


async def _get(app: ThreadPoolASGIHandler) -> tuple[int, set[bytes]]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/slow/",
        "raw_path": b"/slow/",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
        "server": ("testserver", 80),
    }
    communicator = ApplicationCommunicator(app, scope)
    await communicator.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await communicator.receive_output(timeout=10)
    await communicator.receive_output(timeout=10)
    await communicator.wait(timeout=10)
    return int(start["status"]), {name.lower() for name, _value in start["headers"]}


@pytest.mark.urls(__name__)
def test_no_more_requests_run_at_once_than_there_are_threads() -> None:
    """Six requests at once on a handler with two threads: never more than two in a view,
    always on one of the handler's own threads, and every request answered, through the
    whole middleware chain (its security headers are there)."""
    tracker.reset()
    app = ThreadPoolASGIHandler(threads=2)

    async def six() -> list[tuple[int, set[bytes]]]:
        return list(await asyncio.gather(*(_get(app) for _ in range(6))))

    # An event loop of its own, in a thread of its own: a browser test before this one
    # may have left one running in this thread.
    with ThreadPoolExecutor(max_workers=1) as runner:
        answers = runner.submit(asyncio.run, six()).result(timeout=30)
    assert [status for status, _headers in answers] == [200] * 6
    for _status, headers in answers:
        assert {b"permissions-policy", b"x-frame-options", b"x-content-type-options"} <= headers
    assert tracker.peak == 2
    assert len(tracker.threads) == 6
    assert {name.rsplit("_", 1)[0] for name in tracker.threads} == {"http-0", "http-1"}


def test_a_handler_needs_a_thread() -> None:
    with pytest.raises(ValueError, match="at least one thread"):
        ThreadPoolASGIHandler(threads=0)
