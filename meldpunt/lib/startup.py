"""The start-up check: what makes every process (server, scheduler, management command)
refuse to start, on top of the missing secrets that config/settings.py refuses already.

- DEBUG on while the site answers to a host name other than this machine's own: DEBUG
  shows settings and stack traces to anyone, so it is for ``make run`` on a laptop only.
- With DEBUG off, the development key ring (``var/dev-keyring.json``, made by ``make
  run`` and left on disk unprotected) given as the key ring, by its file or its content.
- With DEBUG off, a weak key ring: a key used twice (the index key equal to a content key,
  or two content keys alike), or a key with few different bytes (typed by hand, a test
  key, a repeated pattern). 32 random bytes have about 28 different values; fewer than 16
  happens by chance about once in 10^14.

``meldpunt.lib.apps.LibConfig.ready`` runs it; ``MELDPUNT_STARTUP_CHECKS = False``
(config/test_settings.py only, with its fixed test key ring) turns it off.
"""

import os
from pathlib import Path

from django.conf import settings

from meldpunt.lib.crypto import parse_keyring

DEVELOPMENT_KEYRING = "dev-keyring.json"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1", "testserver"})
MIN_DISTINCT_BYTES = 16


def _development_keyring_used() -> bool:
    named = os.environ.get("MELDPUNT_KEYRING_FILE")
    if named and Path(named).name == DEVELOPMENT_KEYRING:
        return True
    development = Path(settings.VAR_DIR) / DEVELOPMENT_KEYRING
    try:
        return (
            development.read_text(encoding="utf-8").strip()
            == (settings.MELDPUNT_KEYRING or "").strip()
        )
    except OSError:
        return False


def _weak_keyring(raw: str) -> str | None:
    ring = parse_keyring(raw)
    keys = [*ring.keys.values(), ring.index_key]
    if len(set(keys)) < len(keys):
        return "a key is used twice (the index key must differ from every content key)"
    for key in keys:
        if len(set(key)) < MIN_DISTINCT_BYTES:
            return "a key is not random (too few different bytes): make a new key ring"
    return None


def startup_problems() -> list[str]:
    """Why this configuration must not run; empty when it may."""
    problems = []
    if settings.DEBUG:
        public = [host for host in settings.ALLOWED_HOSTS if host not in LOCAL_HOSTS]
        if public:
            problems.append(
                f"DEBUG is on while the site answers to {', '.join(public)}: "
                "set DJANGO_DEBUG=0 (DEBUG is for make run on this machine only)."
            )
        return problems
    if _development_keyring_used():
        problems.append(
            "The development key ring (var/dev-keyring.json) is given as the key ring: "
            "create one for this installation (docs/DEPLOYMENT.md, 'Key ring')."
        )
    weak = _weak_keyring(settings.MELDPUNT_KEYRING or "")
    if weak:
        problems.append(f"The key ring is weak: {weak}.")
    return problems
