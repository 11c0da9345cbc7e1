"""Benchmark: one request's session work with the hashed, encrypted engine.

Run:  .venv/bin/python bench/session_bench.py [--rounds 2000]

Uses a fresh test database (SQLite by default, PostgreSQL with DATABASE_URL). Each round
does what a staff request does with its session: load it by the cookie's key, change a
value, save it. Baseline in the same run: Django's own database engine
(``django.contrib.sessions.backends.db``) on the same data, which stores the key and the
data in clear. Prints p50 and p99 in milliseconds and the ratio to the baseline.
"""

import argparse
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django

django.setup()

from _common import pct, timings  # noqa: E402
from django.contrib.sessions.backends import db  # noqa: E402
from django.db import connection  # noqa: E402

from meldpunt.lib import sessions  # noqa: E402

# What a logged-in staff session holds (ids, times, the verified device).
STAFF_DATA = {
    "_auth_user_id": "17",
    "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
    "_auth_user_hash": "a" * 64,
    "otp_device_id": "otp_totp.totpdevice/17",
    "staff_started": 1_764_650_000.0,
    "staff_seen": 1_764_650_000.0,
}


def request_cycle(store_class: type, key: str) -> None:
    session = store_class(key)
    session["staff_seen"] = session["staff_seen"] + 60
    session.save()


def measure(store_class: type, rounds: int) -> list[float]:
    session = store_class()
    session.update(STAFF_DATA)
    session.save()
    key = session.session_key
    return timings(lambda: request_cycle(store_class, key), rounds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        measure(sessions.SessionStore, 100)
        baseline = measure(db.SessionStore, args.rounds)
        ours = measure(sessions.SessionStore, args.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"{platform.node()} {connection.vendor}, {args.rounds} rounds of load, change, save")
    for name, values in (("baseline (Django db engine)", baseline), ("hashed+encrypted", ours)):
        print(f"  {name:<28} p50 {pct(values, 50):6.3f} ms  p99 {pct(values, 99):6.3f} ms")
    print(
        f"  ratio p50 {pct(ours, 50) / pct(baseline, 50):.2f}"
        f"  p99 {pct(ours, 99) / pct(baseline, 99):.2f}"
    )


if __name__ == "__main__":
    main()
