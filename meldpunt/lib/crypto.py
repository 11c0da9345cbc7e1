"""Encryption at rest and the blind index.

Keys never live in the database. The key ring comes from ``MELDPUNT_KEYRING`` (or
``MELDPUNT_KEYRING_FILE``) as JSON::

    {"current": "2",
     "keys": {"1": "<base64 of 32 random bytes>", "2": "<...>"},
     "index_key": "<base64 of 32 random bytes>",
     "blind_current": "b1",                                  # optional, see below
     "blind_keys": {"0": "<the index_key>", "b1": "<...>"}}  # optional

Content is encrypted with AES-256-GCM under the current key; older keys stay in the
ring so existing rows can be read until ``manage.py rotate_keys`` has re-encrypted
them.

The ``index_key`` keys the stored form of values nobody can give again (session keys,
receipt codes, recovery codes, the audit chain: ``keyed_digest``); it never rotates.

The blind index (keyed hashes of normalised entities and search words: ``blind_index``)
has keys of its own, ``blind_keys``, by default just ``{"0": index_key}``. A digest
under key ``0`` is 40 hex characters; under any other key it starts with the key id and
a colon (``b1:3f9a...``, 40 characters in all), so a stored digest tells its key. While
the ring holds two blind keys (a rotation, docs/KEYS.md), every writer stores digests
under both and every reader looks for both; ``manage.py blind_reindex`` brings existing
rows to the current one.

A ciphertext as stored is text: ``m1:<key id>:<base64(nonce || ciphertext+tag)>``.
The associated data binds it to its purpose (for a model field: app.Model.field), so
a value copied into another column does not decrypt.
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "m1"
NONCE_BYTES = 12
BINARY_MAGIC = b"MPE1"


class DecryptionError(Exception):
    """A ciphertext could not be decrypted: wrong key, wrong purpose or tampered."""


LEGACY_BLIND_KEY = "0"
MAX_BLIND_KEYS = 2
MAX_KEY_ID_LENGTH = 8
DIGEST_LENGTH = 40


@dataclass(frozen=True)
class KeyRing:
    current: str
    keys: dict[str, bytes]
    index_key: bytes
    blind_current: str = LEGACY_BLIND_KEY
    blind_keys: dict[str, bytes] | None = None

    @property
    def blind(self) -> dict[str, bytes]:
        """The blind index keys, the current one first."""
        keys = self.blind_keys or {LEGACY_BLIND_KEY: self.index_key}
        return {self.blind_current: keys[self.blind_current]} | keys

    @property
    def blind_complete(self) -> str:
        """The blind key every stored row has a digest under: the older one while two are
        in the ring (rows written before the rotation have only that one), else the current."""
        return list(self.blind)[-1]

    def cipher(self, key_id: str) -> AESGCM:
        try:
            return AESGCM(self.keys[key_id])
        except KeyError:
            raise DecryptionError(f"key {key_id!r} is not in the key ring") from None


def generate_keyring_json() -> str:
    """A new key ring with one content key and an index key (for setup and development)."""
    return json.dumps(
        {
            "current": "1",
            "keys": {"1": base64.b64encode(os.urandom(32)).decode()},
            "index_key": base64.b64encode(os.urandom(32)).decode(),
        },
        indent=2,
    )


def parse_keyring(raw: str) -> KeyRing:
    try:
        data = json.loads(raw)
        keys = {str(k): base64.b64decode(v, validate=True) for k, v in data["keys"].items()}
        index_key = base64.b64decode(data["index_key"], validate=True)
        current = str(data["current"])
        blind_keys = None
        if "blind_keys" in data:
            blind_keys = {
                str(k): base64.b64decode(v, validate=True) for k, v in data["blind_keys"].items()
            }
        blind_current = str(data.get("blind_current", LEGACY_BLIND_KEY))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ImproperlyConfigured(
            f"The key ring is not valid JSON of the documented form: {exc}"
        ) from None
    if current not in keys:
        raise ImproperlyConfigured("The key ring's current key is not among its keys.")
    if any(len(key) != 32 for key in keys.values()) or len(index_key) != 32:
        raise ImproperlyConfigured("Every key in the key ring must be 32 bytes.")
    if any(":" in key_id for key_id in keys):
        raise ImproperlyConfigured("Key ids may not contain ':'.")
    _check_blind_keys(blind_current, blind_keys)
    return KeyRing(
        current=current,
        keys=keys,
        index_key=index_key,
        blind_current=blind_current,
        blind_keys=blind_keys,
    )


def _check_blind_keys(current: str, keys: dict[str, bytes] | None) -> None:
    if keys is None:
        if current != LEGACY_BLIND_KEY:
            raise ImproperlyConfigured("blind_current is set, blind_keys is missing.")
        return
    if current not in keys:
        raise ImproperlyConfigured("The key ring's blind_current is not among its blind_keys.")
    if not 1 <= len(keys) <= MAX_BLIND_KEYS:
        raise ImproperlyConfigured(
            "blind_keys holds one key, or two during a rotation: finish one rotation "
            "(manage.py blind_reindex) before starting the next."
        )
    for key_id, key in keys.items():
        if len(key) != 32:
            raise ImproperlyConfigured("Every key in the key ring must be 32 bytes.")
        if not key_id or len(key_id) > MAX_KEY_ID_LENGTH or not key_id.isalnum():
            raise ImproperlyConfigured("Blind key ids are 1 to 8 letters or digits.")


@cache
def keyring() -> KeyRing:
    raw = settings.MELDPUNT_KEYRING
    if not raw:
        raise ImproperlyConfigured("No key ring configured (MELDPUNT_KEYRING or _FILE).")
    return parse_keyring(raw)


def encrypt_text(plaintext: str, *, purpose: str) -> str:
    ring = keyring()
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = ring.cipher(ring.current).encrypt(nonce, plaintext.encode(), purpose.encode())
    return f"{PREFIX}:{ring.current}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt_text(stored: str, *, purpose: str) -> str:
    try:
        prefix, key_id, body = stored.split(":", 2)
        if prefix != PREFIX:
            raise ValueError(prefix)
        blob = base64.b64decode(body, validate=True)
    except ValueError:
        raise DecryptionError("not a Meldpunt ciphertext") from None
    try:
        plain = (
            keyring()
            .cipher(key_id)
            .decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], purpose.encode())
        )
    except Exception as exc:
        raise DecryptionError("authentication failed") from exc
    return plain.decode()


def encrypt_bytes(data: bytes, *, purpose: str) -> bytes:
    """Encrypt a file's content: magic, key id, nonce, then ciphertext with tag."""
    ring = keyring()
    nonce = secrets.token_bytes(NONCE_BYTES)
    key_id = ring.current.encode()
    sealed = ring.cipher(ring.current).encrypt(nonce, data, purpose.encode())
    return BINARY_MAGIC + bytes([len(key_id)]) + key_id + nonce + sealed


def decrypt_bytes(blob: bytes, *, purpose: str) -> bytes:
    if not blob.startswith(BINARY_MAGIC) or len(blob) < len(BINARY_MAGIC) + 1:
        raise DecryptionError("not a Meldpunt encrypted file")
    at = len(BINARY_MAGIC)
    id_len = blob[at]
    key_id = blob[at + 1 : at + 1 + id_len].decode()
    rest = blob[at + 1 + id_len :]
    try:
        return (
            keyring()
            .cipher(key_id)
            .decrypt(rest[:NONCE_BYTES], rest[NONCE_BYTES:], purpose.encode())
        )
    except DecryptionError:
        raise
    except Exception as exc:
        raise DecryptionError("authentication failed") from exc


def blind_digest(key_id: str, key: bytes, kind: str, normalised: str) -> str:
    """The digest of a normalised value under one blind key, as stored."""
    digest = hmac.new(key, f"{kind}\x00{normalised}".encode(), hashlib.sha256).hexdigest()
    if key_id == LEGACY_BLIND_KEY:
        return digest[:DIGEST_LENGTH]
    return f"{key_id}:{digest[: DIGEST_LENGTH - len(key_id) - 1]}"


def blind_index(kind: str, normalised: str) -> str:
    """A keyed hash of a normalised value under the current blind key: equal inputs match,
    the value itself stays hidden."""
    ring = keyring()
    return blind_digest(ring.blind_current, ring.blind[ring.blind_current], kind, normalised)


def blind_indexes(kind: str, normalised: str) -> list[str]:
    """The digests of a normalised value under every blind key in the ring, current first:
    what writers store and readers look for (two during a rotation, otherwise one)."""
    return [blind_digest(key_id, key, kind, normalised) for key_id, key in keyring().blind.items()]


def blind_key_of(digest: str) -> str:
    """The id of the blind key a stored digest was made with."""
    key_id, colon, _rest = digest.rpartition(":")
    return key_id if colon else LEGACY_BLIND_KEY


def keyed_digest(purpose: str, value: bytes) -> bytes:
    """HMAC under a key derived from the index key, for uses other than the blind index."""
    derived = hmac.new(keyring().index_key, f"derive:{purpose}".encode(), hashlib.sha256).digest()
    return hmac.new(derived, value, hashlib.sha256).digest()


def ensure_development_keyring(path: Path) -> str:
    """Create (once) and read the development key ring that ``make run`` uses."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate_keyring_json(), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8")
