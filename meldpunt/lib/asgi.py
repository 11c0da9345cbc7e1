"""Django's ASGI handler with a fixed set of threads for the synchronous views.

Two changes to Django's own handler, both for the CPU time a request costs
(docs/PERFORMANCE.md):

- Django gives every HTTP request a new thread for its synchronous code (middleware,
  views, the ORM). Under load that means as many threads as requests in a process, all
  taking turns on one interpreter lock: with 25 requests per worker, a web report's Send
  cost a third more CPU time than on its own, and now and then throughput halved for
  seconds. Here a process keeps ``threads`` long-lived threads; a request waits in the
  event loop (cheaply) until one is free and then runs all its synchronous code on that
  one thread.
- Django runs the middleware in its asynchronous mode, which hands each request back
  and forth between the event loop and a thread several times. Our views and almost all
  middleware are synchronous, so here the whole middleware chain and the view run in one
  call on the request's thread, as under WSGI; sending the response stays Django's own
  asynchronous code.

The request body is read in the event loop before a thread is taken, with a size limit
(``MELDPUNT_MAX_BODY``) and a time limit (``MELDPUNT_BODY_TIMEOUT``), on disk beyond its
first 64 KB: a client that announces a body and sends it slowly, or sends too much, holds
only a socket, never one of the threads. A body that is too large gets 413 and one that
is too slow 408, without reaching Django. Requests that carry files
(``multipart/form-data``) then wait, again in the event loop, for one of
``MELDPUNT_IMAGE_CONCURRENCY`` upload lanes, so cleaning uploads never takes all the
threads of a process.

Websockets are untouched: the chat consumers keep their own thread.
"""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from tempfile import SpooledTemporaryFile
from typing import IO, Any

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import settings
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler
from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

Receive = Callable[[], Awaitable[dict[str, Any]]]

TOO_LARGE = 413
TOO_SLOW = 408
NO_ROOM = 503
BODY_IN_MEMORY = 64 * 1024


class BodyRefused(Exception):
    """The request body is too large (413), did not arrive in time (408) or found no room
    in the temporary directory (503)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


@dataclass
class BodyRead:
    """The connection's receive callable, with the request body already read from it."""

    receive: Receive
    body: IO[bytes]

    async def __call__(self) -> dict[str, Any]:
        # After the body only a disconnect can come (Django listens for it).
        return await self.receive()


@dataclass
class LoopState:
    """The free threads and the upload lanes: asyncio objects belong to one event loop."""

    loop: asyncio.AbstractEventLoop
    free: asyncio.Queue[ThreadPoolExecutor]
    uploads: asyncio.Semaphore


def _header(scope: dict[str, Any], name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return None


def _declared_length(scope: dict[str, Any]) -> int | None:
    raw = _header(scope, b"content-length")
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def carries_files(scope: dict[str, Any]) -> bool:
    """Whether the request is a form with files (the only forms that have them)."""
    content_type = _header(scope, b"content-type") or b""
    return content_type.lower().startswith(b"multipart/form-data")


def _refusal_text(status: int) -> bytes:
    """The refusal in Dutch, then English: no language has been chosen this early."""
    lines = []
    for language in ("nl", "en"):
        with translation.override(language):
            if status == TOO_LARGE:
                lines.append(
                    gettext("Dit is te veel in één keer. Stuur minder of kleinere bestanden.")
                )
            elif status == NO_ROOM:
                lines.append(
                    gettext(
                        "Er is een storing bij ons: wij kunnen dit nu niet aannemen. Er is "
                        "niets verstuurd. Probeer het later opnieuw of bel ons."
                    )
                )
            else:
                lines.append(gettext("Het versturen duurde te lang. Probeer het opnieuw."))
    return ("\n".join(lines) + "\n").encode()


class ThreadPoolASGIHandler(ASGIHandler):
    def __init__(self, threads: int) -> None:
        super().__init__()
        # The synchronous chain, as a WSGI handler has it (Django's __init__ loads the
        # asynchronous one).
        self.load_middleware(is_async=False)
        if threads < 1:
            raise ValueError("an ASGI handler needs at least one thread")
        self._executors = [
            ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"http-{n}")
            for n in range(threads)
        ]
        self._state: LoopState | None = None

    def _loop_state(self) -> LoopState:
        # Tests may run the handler on several event loops.
        loop = asyncio.get_running_loop()
        if self._state is None or self._state.loop is not loop:
            free: asyncio.Queue[ThreadPoolExecutor] = asyncio.Queue()
            for executor in self._executors:
                free.put_nowait(executor)
            uploads = asyncio.Semaphore(settings.MELDPUNT_IMAGE_CONCURRENCY)
            self._state = LoopState(loop=loop, free=free, uploads=uploads)
        return self._state

    async def run_get_response(self, request: HttpRequest) -> HttpResponseBase:
        """The whole middleware chain and the view in one call on the request's thread."""
        response = await sync_to_async(self.get_response, thread_sensitive=True)(request)
        response._handler_class = self.__class__  # type: ignore[attr-defined]  # as Django's own
        if isinstance(response, FileResponse):
            # The ASGI server chunks the body itself; large blocks mean fewer messages.
            response.block_size = self.chunk_size
        return response

    # The body was read before a thread was taken: the "receive" passed here holds it.
    async def read_body(self, receive: BodyRead) -> IO[bytes]:  # type: ignore[override]
        """The body __call__ read before a thread was taken."""
        return receive.body

    async def _read_bounded_body(self, scope: dict[str, Any], receive: Receive) -> IO[bytes]:
        """The whole body, within the size and time limits; on disk beyond its first 64 KB.

        Every connection's body is read at once now, none waits for a thread first: a
        body keeps at most BODY_IN_MEMORY bytes in memory (Django's read keeps 2.5 MB).
        """
        limit = settings.MELDPUNT_MAX_BODY
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            raise BodyRefused(TOO_LARGE)
        # Closed here on failure, else by __call__ once the response is sent.
        body: SpooledTemporaryFile[bytes] = SpooledTemporaryFile(  # noqa: SIM115
            max_size=BODY_IN_MEMORY, mode="w+b"
        )
        received = 0
        try:
            async with asyncio.timeout(settings.MELDPUNT_BODY_TIMEOUT):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        raise RequestAborted
                    chunk = message.get("body", b"")
                    received += len(chunk)
                    if received > limit:
                        raise BodyRefused(TOO_LARGE)
                    if getattr(body, "_rolled", False):
                        await asyncio.to_thread(body.write, chunk)
                    else:
                        body.write(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            body.close()
            raise BodyRefused(TOO_SLOW) from None
        except OSError:
            # The temporary directory is full (or failing): nothing reached Django, so
            # nothing was stored.
            body.close()
            logger.warning("A request body could not be kept: the temporary directory failed.")
            raise BodyRefused(NO_ROOM) from None
        except BaseException:
            body.close()
            raise
        body.seek(0)
        return body

    async def _refuse(self, status: int, send: Any) -> None:
        logger.warning("Request body refused with status %s", status)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"content-security-policy", b"default-src 'none'"),
                    (b"cache-control", b"no-store"),
                    # The rest of the body is not read: the connection cannot be reused.
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": _refusal_text(status)})

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle HTTP here, not {scope['type']}")
        try:
            body = await self._read_bounded_body(scope, receive)
        except RequestAborted:
            return
        except BodyRefused as refused:
            await self._refuse(refused.status, send)
            return
        state = self._loop_state()
        with contextlib.closing(body):
            async with contextlib.AsyncExitStack() as lanes:
                if carries_files(scope):
                    await lanes.enter_async_context(state.uploads)
                executor = await state.free.get()
                try:
                    # The request's synchronous code, and its database connection, stay
                    # on this thread from the first middleware to request_finished.
                    async with ThreadSensitiveContext(executor=executor):
                        await self.handle(scope, BodyRead(receive, body), send)
                finally:
                    state.free.put_nowait(executor)


ASGIApp = Callable[[dict[str, Any], Receive, Callable[[dict[str, Any]], Awaitable[None]]], Any]


class PathPrefix:
    """The site under a path (``MELDPUNT_PATH_PREFIX``, e.g. /mensenhandel): a request
    whose path starts with it gets it as ``root_path``, so Django (which also has it as
    ``FORCE_SCRIPT_NAME``) and the websocket router both see the path after it.

    The proxy may pass the path whole (``/mensenhandel/chat/``) or without the prefix
    (then uvicorn's ``--root-path`` puts it back in front, or nothing is needed): a path
    without the prefix is served as it is, so a load balancer may ask ``/healthz``.
    """

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(
        self,
        scope: dict[str, Any],
        receive: Receive,
        send: Callable[[dict[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] in ("http", "websocket") and not scope.get("root_path"):
            path = scope["path"]
            if path == self.prefix or path.startswith(f"{self.prefix}/"):
                scope = {**scope, "root_path": self.prefix}
        await self.app(scope, receive, send)
