"""Edits of a key ring file for the rotation drills (docs/KEYS.md), without settings or database.

    python -m meldpunt.lib.keyring_edit add-content-key < keyring.json > new.json
    python -m meldpunt.lib.keyring_edit add-blind-key   < keyring.json > new.json
    python -m meldpunt.lib.keyring_edit retire-blind-key < keyring.json > new.json

``add-content-key`` adds a content key and makes it current (the old ones stay until
``rotate_keys`` has moved every value). ``add-blind-key`` adds a blind index key and makes
it current, keeping the old one (the implied ``0``, the index key, the first time), so
writers store both and readers look for both until ``blind_reindex`` is done.
``retire-blind-key`` then leaves only the current blind key. Each prints the new ring; the
old file stays as it is until the operator replaces it.
"""

import base64
import json
import secrets
import sys
from typing import Any

from meldpunt.lib.crypto import LEGACY_BLIND_KEY, parse_keyring


def _new_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def _next_id(existing: dict[str, Any], prefix: str) -> str:
    number = 1
    while f"{prefix}{number}" in existing:
        number += 1
    return f"{prefix}{number}"


def add_content_key(raw: str) -> str:
    data = json.loads(raw)
    parse_keyring(raw)
    key_id = _next_id(data["keys"], "k")
    data["keys"][key_id] = _new_key()
    data["current"] = key_id
    return _checked(data)


def add_blind_key(raw: str) -> str:
    data = json.loads(raw)
    ring = parse_keyring(raw)
    if len(ring.blind) > 1:
        raise ValueError(
            "The ring already holds two blind keys: run manage.py blind_reindex and "
            "retire-blind-key first."
        )
    keys = data.get("blind_keys") or {LEGACY_BLIND_KEY: data["index_key"]}
    key_id = _next_id(keys, "b")
    data["blind_keys"] = {**keys, key_id: _new_key()}
    data["blind_current"] = key_id
    return _checked(data)


def retire_blind_key(raw: str) -> str:
    data = json.loads(raw)
    ring = parse_keyring(raw)
    if ring.blind_keys is None:
        raise ValueError("The ring holds no blind key besides the index key.")
    data["blind_keys"] = {ring.blind_current: data["blind_keys"][ring.blind_current]}
    return _checked(data)


def _checked(data: dict[str, Any]) -> str:
    text = json.dumps(data, indent=2)
    parse_keyring(text)
    return text


ACTIONS = {
    "add-content-key": add_content_key,
    "add-blind-key": add_blind_key,
    "retire-blind-key": retire_blind_key,
}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ACTIONS:
        sys.stderr.write(f"usage: python -m meldpunt.lib.keyring_edit {{{','.join(ACTIONS)}}}\n")
        return 2
    try:
        sys.stdout.write(ACTIONS[argv[0]](sys.stdin.read()) + "\n")
    except ValueError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
