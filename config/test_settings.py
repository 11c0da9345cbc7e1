"""Settings for the test run: production settings with test-only secrets filled in."""

import json
import os

os.environ.setdefault("DJANGO_SECRET_KEY", "insecure-test-key-never-used-in-production")
os.environ.setdefault("MELDPUNT_HTTPS", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# A fixed test key ring: two content keys (so rotation can be tested) and an index key.
os.environ.setdefault(
    "MELDPUNT_KEYRING",
    json.dumps(
        {
            "current": "t1",
            "keys": {
                "t1": "dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHQ=",
                "t0": "MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA=",
            },
            "index_key": "aWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWk=",
        }
    ),
)

from config.settings import *  # noqa: F403

# PostgreSQL with one change for transactional tests: their closing flush may empty the
# audit log, whose trigger refuses TRUNCATE (tests/db/postgresql/base.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["ENGINE"] = "tests.db.postgresql"  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SERVESTATIC_USE_FINDERS = True
MIDDLEWARE = [
    "config.test_static.ServeStaticListedOnce"
    if name == "servestatic.middleware.ServeStaticMiddleware"
    else name
    for name in MIDDLEWARE  # noqa: F405
]

# Each pytest-xdist worker gets its own Redis database, so clearing the cache in one
# worker never disturbs another.
if REDIS_URL:  # noqa: F405
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or "0")
    _base, _db = REDIS_URL.rsplit("/", 1)  # noqa: F405
    _redis = f"{_base}/{(int(_db or 0) + _worker) % 16}"
    CACHES["default"]["LOCATION"] = _redis  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["address"] = _redis  # noqa: F405
    # Pub/sub channels are shared by all Redis databases: a prefix per test run and xdist
    # worker (workers inherit the run's part from the controller), which the servers a
    # worker starts inherit through the environment.
    _run = os.environ.setdefault("MELDPUNT_TEST_LAYER_PREFIX", f"test-{os.getpid()}")
    _prefix = f"{_run}-{os.environ.get('PYTEST_XDIST_WORKER', 'gw0')}"
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = _prefix  # noqa: F405

# The fixed test key ring above is weak on purpose (meldpunt/lib/startup.py); the start-up
# check itself is tested with config.settings in its own processes (tests/config).
MELDPUNT_STARTUP_CHECKS = False
