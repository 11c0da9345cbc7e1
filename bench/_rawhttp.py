"""A minimal HTTP/1.1 client for the timed requests of the benchmarks.

The load generator runs on the same two cores as the server it measures. httpx spent
about 3.4 ms of CPU time per Send and 1.1 ms per baseline request, time the server then
did not have; this client writes the request bytes and reads the answer, and nothing
else (no redirects, no cookie jar, no TLS). Each benchmark prints the client's own CPU
time per request next to the server's.
"""

import asyncio
import contextlib


class HTTPError(Exception):
    pass


class RawHTTP:
    """One connection to host:port; ``keep_alive`` False opens a new one for each request."""

    def __init__(self, host: str, port: int, *, keep_alive: bool = True) -> None:
        self.host = host
        self.port = port
        self.keep_alive = keep_alive
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> tuple[int, bytes]:
        """Send one request; returns the status code and the body."""
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            f"Content-Length: {len(body)}",
            *(f"{name}: {value}" for name, value in (headers or {}).items()),
        ]
        if not self.keep_alive:
            lines.append("Connection: close")
        self._writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        try:
            status, answer, server_closes = await self._read_response(self._reader)
        except (asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            await self.close()
            raise HTTPError(repr(exc)) from exc
        if server_closes or not self.keep_alive:
            await self.close()
        return status, answer

    @staticmethod
    async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
        status = int((await reader.readline()).split(b" ", 2)[1])
        length = None
        chunked = closes = False
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                closes = True
        if chunked:
            parts = []
            while size := int((await reader.readline()).split(b";")[0], 16):
                parts.append(await reader.readexactly(size))
                await reader.readline()
            await reader.readline()
            return status, b"".join(parts), closes
        return status, await reader.readexactly(length or 0), closes

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError):
                await self._writer.wait_closed()
        self._reader = self._writer = None
