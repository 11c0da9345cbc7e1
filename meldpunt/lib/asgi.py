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
  call on the request's thread, as under WSGI; reading the request and sending the
  response stay Django's own asynchronous code.

Websockets are untouched: the chat consumers keep their own thread.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase


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
        self._free: asyncio.Queue[ThreadPoolExecutor] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _free_threads(self) -> asyncio.Queue[ThreadPoolExecutor]:
        # A queue belongs to one event loop; tests may run the handler on several.
        loop = asyncio.get_running_loop()
        if self._free is None or self._loop is not loop:
            self._free = asyncio.Queue()
            for executor in self._executors:
                self._free.put_nowait(executor)
            self._loop = loop
        return self._free

    async def run_get_response(self, request: HttpRequest) -> HttpResponseBase:
        """The whole middleware chain and the view in one call on the request's thread."""
        response = await sync_to_async(self.get_response, thread_sensitive=True)(request)
        response._handler_class = self.__class__  # type: ignore[attr-defined]
        if isinstance(response, FileResponse):
            # The ASGI server chunks the body itself; large blocks mean fewer messages.
            response.block_size = self.chunk_size
        return response

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        free = self._free_threads()
        executor = await free.get()
        try:
            # The request's synchronous code, and its database connection, stay on this
            # thread from the first middleware to request_finished.
            async with ThreadSensitiveContext(executor=executor):
                await super().__call__(scope, receive, send)
        finally:
            free.put_nowait(executor)
