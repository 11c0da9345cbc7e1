"""Encrypted database backups and their restore (``manage.py backup`` and ``restore``).

A backup is ``pg_dump`` (plain SQL, gzip) encrypted for a backup key pair that is not the
key ring: the application holds only the public half (``MELDPUNT_BACKUP_PUBLIC_KEY``), so
the server can write backups but not read them; the private half stays offline with the
people who restore. The key ring is never in a backup: content columns stay ciphertext
inside the dump, so a backup opened with the backup key still shows no content without
the key ring, and the key ring alone opens no backup. docs/KEYS.md has the drills.

File format (``MPB1``)::

    b"MPB1" | 2 bytes length | SealedBox(public key)(stream key) | secretstream header |
    chunks: 4 bytes length | XChaCha20-Poly1305 secretstream chunk (the last tagged FINAL)

A truncated or altered file is refused (every chunk is authenticated, the last one says it
is the last). Key pair, on a trusted machine (needs no settings)::

    python -m meldpunt.lib.backup keygen        # prints private and public key
    python -m meldpunt.lib.backup decrypt PRIVATE_KEY_FILE < backup > dump.sql.gz
"""

import base64
import contextlib
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from nacl import bindings
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

MAGIC = b"MPB1"
CHUNK_BYTES = 1 << 20
_TAG_MESSAGE = bindings.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = bindings.crypto_secretstream_xchacha20poly1305_TAG_FINAL


class BackupError(Exception):
    """A backup could not be written, read or restored; the message says why."""


def generate_keypair() -> tuple[str, str]:
    """A new backup key pair as base64: (private, public)."""
    private = PrivateKey.generate()
    return (
        base64.b64encode(bytes(private)).decode(),
        base64.b64encode(bytes(private.public_key)).decode(),
    )


def _key(raw: str, kind: type[PrivateKey] | type[PublicKey]) -> Any:
    try:
        data = base64.b64decode(raw.strip(), validate=True)
        return kind(data)
    except (ValueError, TypeError) as exc:
        raise BackupError(f"not a backup {kind.__name__}: {exc}") from None


def encrypt_stream(chunks: Iterable[bytes], *, public_key: str) -> Iterator[bytes]:
    """The encrypted file, piece by piece, for plaintext ``chunks`` (any sizes)."""
    stream_key = bindings.crypto_secretstream_xchacha20poly1305_keygen()
    sealed = SealedBox(_key(public_key, PublicKey)).encrypt(stream_key)
    state = bindings.crypto_secretstream_xchacha20poly1305_state()
    header = bindings.crypto_secretstream_xchacha20poly1305_init_push(state, stream_key)
    yield MAGIC + struct.pack(">H", len(sealed)) + sealed + header
    pending = b""
    for chunk in chunks:
        pending += chunk
        while len(pending) >= CHUNK_BYTES:
            piece, pending = pending[:CHUNK_BYTES], pending[CHUNK_BYTES:]
            yield _push(state, piece, _TAG_MESSAGE)
    yield _push(state, pending, _TAG_FINAL)


def _push(state: Any, piece: bytes, tag: int) -> bytes:
    sealed = bindings.crypto_secretstream_xchacha20poly1305_push(state, piece, None, tag)
    return struct.pack(">I", len(sealed)) + sealed


def _read_exactly(source: IO[bytes], size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise BackupError("the backup file is truncated")
    return data


def decrypt_stream(source: IO[bytes], *, private_key: str) -> Iterator[bytes]:
    """The plaintext of an encrypted backup, piece by piece; raises BackupError if the file
    is not a backup, not for this key, truncated or altered."""
    if source.read(len(MAGIC)) != MAGIC:
        raise BackupError("not a Meldpunt backup file")
    (sealed_length,) = struct.unpack(">H", _read_exactly(source, 2))
    try:
        stream_key = SealedBox(_key(private_key, PrivateKey)).decrypt(
            _read_exactly(source, sealed_length)
        )
    except CryptoError:
        raise BackupError("the backup is not for this backup key") from None
    state = bindings.crypto_secretstream_xchacha20poly1305_state()
    header = _read_exactly(source, bindings.crypto_secretstream_xchacha20poly1305_HEADERBYTES)
    bindings.crypto_secretstream_xchacha20poly1305_init_pull(state, header, stream_key)
    while True:
        length_bytes = source.read(4)
        if len(length_bytes) != 4:
            raise BackupError("the backup file is truncated")
        (length,) = struct.unpack(">I", length_bytes)
        try:
            piece, tag = bindings.crypto_secretstream_xchacha20poly1305_pull(
                state, _read_exactly(source, length), None
            )
        except CryptoError:
            raise BackupError("the backup file was altered") from None
        yield piece
        if tag == _TAG_FINAL:
            if source.read(1):
                raise BackupError("the backup file has data after its end")
            return


def gzip_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for chunk in chunks:
        if out := compressor.compress(chunk):
            yield out
    yield compressor.flush()


def gunzip_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    decompressor = zlib.decompressobj(31)
    for chunk in chunks:
        if out := decompressor.decompress(chunk):
            yield out
    yield decompressor.flush()
    if not decompressor.eof:
        raise BackupError("the dump inside the backup is incomplete")


def libpq_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """The environment that points pg_dump and psql at a Django PostgreSQL database, so no
    password is on a command line."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    if sslmode := settings_dict.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = str(sslmode)
    return env


def _tool(name: str) -> str:
    """The full path of a PostgreSQL client program (Debian: postgresql-client)."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt install postgresql-client)")
    return path


def _stream(pipe: IO[bytes] | None) -> IO[bytes]:
    if pipe is None:
        raise BackupError("no pipe to the PostgreSQL client")
    return pipe


def _process_output(process: "subprocess.Popen[bytes]") -> Iterator[bytes]:
    stdout = _stream(process.stdout)
    while chunk := stdout.read(CHUNK_BYTES):
        yield chunk


def write_backup(*, settings_dict: dict[str, Any], public_key: str, target: Path) -> int:
    """Dump the database into ``target`` (mode 0600), encrypted; returns its size in bytes.

    The file is written under a temporary name and renamed only when pg_dump succeeded, so
    a failed run never leaves something that looks like a backup.
    """
    partial = target.with_name(f".{target.name}.partial")
    command = [
        "pg_dump",
        "--format=plain",
        "--no-owner",
        "--no-privileges",
        "--quote-all-identifiers",
    ]
    with subprocess.Popen(  # noqa: S603 (fixed command, no shell)
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=libpq_environment(settings_dict),
    ) as process:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                for piece in encrypt_stream(
                    gzip_chunks(_process_output(process)), public_key=public_key
                ):
                    out.write(piece)
                out.flush()
                os.fsync(out.fileno())
            errors = _stream(process.stderr).read().decode(errors="replace")
            if process.wait() != 0:
                raise BackupError(f"pg_dump failed: {errors.strip()}")
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(target)
    return target.stat().st_size


def database_is_empty(env: dict[str, str]) -> bool:
    result = subprocess.run(  # noqa: S603 (fixed command, no shell)
        [
            _tool("psql"),
            "--no-psqlrc",
            "--tuples-only",
            "--no-align",
            "--command",
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND n.nspname NOT LIKE 'pg_toast%' AND c.relkind IN ('r', 'v', 'S', 'p')",
        ],
        capture_output=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"cannot reach the database: {result.stderr.decode(errors='replace')}")
    return result.stdout.strip() == b"0"


def restore_backup(*, settings_dict: dict[str, Any], private_key: str, source: Path) -> None:
    """Load a backup into the (empty) database of ``settings_dict``, in one transaction:
    it lands completely or not at all."""
    env = libpq_environment(settings_dict)
    if not database_is_empty(env):
        raise BackupError(
            f"the database {settings_dict['NAME']!r} is not empty; restore only into a new one"
        )
    with source.open("rb") as encrypted:
        _decrypt_into_psql(encrypted, private_key=private_key, env=env)


def _decrypt_into_psql(encrypted: IO[bytes], *, private_key: str, env: dict[str, str]) -> None:
    command = [
        _tool("psql"),
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set",
        "ON_ERROR_STOP=1",
    ]
    with subprocess.Popen(  # noqa: S603 (fixed command, no shell)
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        stdin = _stream(process.stdin)
        try:
            for piece in gunzip_chunks(decrypt_stream(encrypted, private_key=private_key)):
                stdin.write(piece)
        except BackupError:
            # psql is stopped before its COMMIT: the single transaction rolls back.
            process.kill()
            raise
        except BrokenPipeError:
            pass  # psql stopped at an error; its message follows below.
        finally:
            with contextlib.suppress(BrokenPipeError):
                stdin.close()
        errors = _stream(process.stderr).read().decode(errors="replace")
        if process.wait() != 0:
            raise BackupError(f"psql failed, nothing was restored: {errors.strip()}")


def main(argv: list[str]) -> int:
    if argv == ["keygen"]:
        private, public = generate_keypair()
        sys.stdout.write(
            f"private (keep offline, never on the server): {private}\n"
            f"public (MELDPUNT_BACKUP_PUBLIC_KEY): {public}\n"
        )
        return 0
    if len(argv) == 2 and argv[0] == "decrypt":
        private = Path(argv[1]).read_text(encoding="utf-8")
        try:
            for piece in decrypt_stream(sys.stdin.buffer, private_key=private):
                sys.stdout.buffer.write(piece)
        except BackupError as exc:
            sys.stderr.write(f"{exc}\n")
            return 1
        return 0
    sys.stderr.write(
        "usage: python -m meldpunt.lib.backup keygen | decrypt PRIVATE_KEY_FILE < in > out\n"
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
