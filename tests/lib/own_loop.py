"""Run a coroutine on an event loop of its own, in a thread of its own.

A browser test earlier in the same worker may have left an event loop running in the
test thread (Playwright's sync API), and asyncio.run refuses to start inside one.
"""

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    with ThreadPoolExecutor(max_workers=1) as runner:
        return runner.submit(asyncio.run, coroutine).result(timeout=30)
