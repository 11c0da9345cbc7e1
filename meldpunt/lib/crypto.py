"""Encryption at rest and the blind index.

Keys never live in the database. The key ring comes from ``MELDPUNT_KEYRING`` (or
``MELDPUNT_KEYRING_FILE``) as JSON::

    {"current": "2",
     "keys": {"1": "<base64 of 32 random bytes>", "2": "<...>"},
     "index_key": "<base64 of 32 random bytes>"}

Content is encrypted with AES-256-GCM under the current key; older keys stay in the
ring so existing rows can be read until ``manage.py rotate_keys`` has re-encrypted
them. The ``index_key`` keys the blind index (keyed hashes of normalised entities and
search words); it does not rotate with the content keys, because every stored hash
would have to be recomputed from plaintext.

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


@dataclass(frozen=True)
class KeyRing:
    current: str
    keys: dict[str, bytes]
    index_key: bytes

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
    return KeyRing(current=current, keys=keys, index_key=index_key)


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


def blind_index(kind: str, normalised: str) -> str:
    """A keyed hash of a normalised value: equal inputs match, the value itself stays hidden."""
    message = f"{kind}\x00{normalised}".encode()
    return hmac.new(keyring().index_key, message, hashlib.sha256).hexdigest()[:40]


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
