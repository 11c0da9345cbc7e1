"""Settings for Meldpunt.

Everything comes from the environment (see docs/DEPLOYMENT.md for the full list).
With nothing set, the result is a safe production configuration that refuses to
start without a secret key; ``make run`` sets ``DJANGO_DEBUG=1`` for the embedded
default (SQLite, in-memory channel layer, local memory cache).
"""

from pathlib import Path
from typing import Any

import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from meldpunt.lib.dburl import database_from_url
from meldpunt.lib.env import env_bool, env_int, env_list, env_secret, env_str

# Django's generic classes (fields, ModelAdmin, form fields) accept type arguments at run time.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("MELDPUNT_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_secret("DJANGO_SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE) must be set when DEBUG is off."
        )
    SECRET_KEY = "insecure-development-key-only-for-make-run"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin with a site that needs the administrator role and a second factor.
    "meldpunt.accounts.admin_config.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    # Before django.contrib.sessions: its ``clearsessions`` (a scheduled job, recorded)
    # replaces Django's, which records nothing.
    "meldpunt.lib",
    # For its migration, which meldpunt.lib's first one depends on; the sessions themselves
    # live in meldpunt.lib's table.
    "django.contrib.sessions",
    "django.contrib.messages",
    "servestatic",
    "django.contrib.staticfiles",
    "channels",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "meldpunt.audit",
    "meldpunt.public",
    "meldpunt.accounts",
    "meldpunt.cases",
    "meldpunt.reports",
    "meldpunt.chat",
    "meldpunt.triage",
    "meldpunt.linking",
    "meldpunt.referrals",
    "meldpunt.tally",
    "meldpunt.stats",
    "meldpunt.privacy",
]

MIDDLEWARE = [
    "meldpunt.lib.middleware.ObservationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "meldpunt.lib.middleware.SecurityHeadersMiddleware",
    "servestatic.middleware.ServeStaticMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "meldpunt.accounts.middleware.StaffSessionMiddleware",
    "meldpunt.lib.middleware.ReporterSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = None
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "meldpunt.public.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in var/ unless DATABASE_URL names PostgreSQL.
# A secret (the password is in it): DATABASE_URL_FILE works too.
DATABASE_URL = env_secret("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
# PostgreSQL: a connection pool per process (0 turns it off, e.g. behind PgBouncer).
DATABASES = {
    "default": database_from_url(DATABASE_URL, pool_size=env_int("MELDPUNT_DB_POOL_SIZE", 10))
}
# Threads per process for the synchronous part of HTTP requests (meldpunt/lib/asgi.py).
MELDPUNT_HTTP_THREADS = env_int("MELDPUNT_HTTP_THREADS", 2)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL and a busy timeout let the web server and a management command share the file.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    # The statistics' covering indexes (INCLUDE) are for PostgreSQL; SQLite keeps their
    # key column only, which is all the figures need there.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Redis selects the shared channel layer and cache; without it one process keeps both in memory.
REDIS_URL = env_str("REDIS_URL")
CHANNEL_LAYERS: dict[str, dict[str, Any]]
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Pub/sub: no per-process queue that fills up and drops events under load
            # (docs/decisions/0006); delivery is guaranteed by the database, not the layer.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                # A read timeout well above the layer's polling interval; redis-py 8
                # refuses a 101st concurrent connection instead of waiting.
                "hosts": [{"address": REDIS_URL, "socket_timeout": 30, "max_connections": 1000}],
                "prefix": env_str("MELDPUNT_REDIS_PREFIX", "meldpunt"),
                # Chat messages pass through Redis: encrypted there too (Fernet).
                "symmetric_encryption_keys": [
                    env_secret("MELDPUNT_CHANNEL_LAYER_KEY") or SECRET_KEY
                ],
            },
        }
    }
    CACHES = {
        "default": {
            # Falls back to process memory while Redis is down (docs/DEPLOYMENT.md).
            "BACKEND": "meldpunt.lib.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("MELDPUNT_REDIS_PREFIX", "meldpunt"),
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "nl"
# The reporter side speaks all of these; each is named in itself (the language menu shows the
# names as they are). The URL carries the language (/pl/...), Dutch has no prefix; every
# unprefixed page, the staff pages included, is Dutch (LocaleMiddleware with i18n_patterns and
# prefix_default_language=False). Arabic is written right to left (Django's LANGUAGES_BIDI).
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("uk", "Українська"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# The whole site under a path of the host organisation's domain, e.g. /mensenhandel
# (docs/DEPLOYMENT.md, "Under a path"): links, redirects, static files, websockets and
# cookies all carry it. Empty (the default): the site has its own host name.
MELDPUNT_PATH_PREFIX = env_str("MELDPUNT_PATH_PREFIX").rstrip("/")
if MELDPUNT_PATH_PREFIX and not MELDPUNT_PATH_PREFIX.startswith("/"):
    raise ImproperlyConfigured("MELDPUNT_PATH_PREFIX must start with '/', e.g. /mensenhandel")
FORCE_SCRIPT_NAME = MELDPUNT_PATH_PREFIX or None
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = LANGUAGE_COOKIE_PATH = f"{MELDPUNT_PATH_PREFIX}/"

STATIC_URL = f"{MELDPUNT_PATH_PREFIX}/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "servestatic.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
SERVESTATIC_USE_FINDERS = DEBUG
SERVESTATIC_AUTOREFRESH = DEBUG

# Security headers. Production sits behind a TLS-terminating proxy.
SECURE_PRODUCTION = env_bool("MELDPUNT_HTTPS", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_PRODUCTION else None
SECURE_SSL_REDIRECT = SECURE_PRODUCTION and env_bool("MELDPUNT_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = 31_536_000 if SECURE_PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_PRODUCTION
SECURE_HSTS_PRELOAD = SECURE_PRODUCTION
SESSION_COOKIE_SECURE = SECURE_PRODUCTION
CSRF_COOKIE_SECURE = SECURE_PRODUCTION
LANGUAGE_COOKIE_SECURE = SECURE_PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
# The session table holds a keyed hash of each session key and the data encrypted.
SESSION_ENGINE = "meldpunt.lib.sessions"
CSRF_COOKIE_HTTPONLY = True
# The reporter's device keeps nothing: the session and CSRF cookies have no expiry date, so
# they go when the browser closes, and a session not used for 30 minutes is forgotten by
# the store (meldpunt/lib/reporter_session.py). Staff sessions set their own expiry
# (meldpunt/accounts/staff_session.py: 30 minutes idle, 12 hours at most).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 30 * 60
CSRF_COOKIE_AGE = None
# Error pages with quick exit and the phone number (meldpunt/public/errors.py).
CSRF_FAILURE_VIEW = "meldpunt.public.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": with no-referrer browsers send "Origin: null" on POST,
# which fails Django's CSRF origin check; other sites still get no referrer at all.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "manifest-src": [CSP.SELF],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# Logging: no client address, user agent or request content anywhere.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_request": {"()": "meldpunt.lib.logging.DropRequestFilter"}},
    # One JSON object per line, with the request id (meldpunt/lib/logging.py).
    "formatters": {"json": {"()": "meldpunt.lib.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["no_request"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("MELDPUNT_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's request loggers put the path and sometimes the client in the message.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Uvicorn's access log carries client addresses: it is switched off.
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        # Uvicorn logs every websocket handshake with the client address at INFO on this
        # logger, even with --no-access-log; warnings and errors carry no address.
        "uvicorn.error": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Meldpunt's own settings: the organisation running this instance.
MELDPUNT_ORGANISATION = env_str(
    "MELDPUNT_ORGANISATION", "Meld- en Adviespunt Mensenhandel Flevoland"
)
MELDPUNT_PHONE = env_str("MELDPUNT_PHONE", "088 2220500")
MELDPUNT_PHONE_E164 = env_str("MELDPUNT_PHONE_E164", "+31882220500")
MELDPUNT_EXIT_URL = env_str("MELDPUNT_EXIT_URL", "https://www.google.nl/search?q=weerbericht")
MELDPUNT_HOLIDAY_COUNTRY = env_str("MELDPUNT_HOLIDAY_COUNTRY", "NL")
MELDPUNT_RATE_LIMIT_KEY = env_secret("MELDPUNT_RATE_LIMIT_KEY") or SECRET_KEY
MELDPUNT_HEALTH_TIMEOUT = env_int("MELDPUNT_HEALTH_TIMEOUT", 2)
# The public half of the backup key pair (docs/KEYS.md): backups are encrypted for it; the
# private half, which reads them, is never on the server.
MELDPUNT_BACKUP_PUBLIC_KEY = env_str("MELDPUNT_BACKUP_PUBLIC_KEY")
# The bearer token a Prometheus scraper sends to /metrics; without one /metrics is 404.
MELDPUNT_METRICS_TOKEN = env_secret("MELDPUNT_METRICS_TOKEN") or ""
# How often an open chat console looks at its staff session by itself, in seconds: the
# longest a console stays open after its session was ended without a word to it.
MELDPUNT_STAFF_SOCKET_CHECK_SECONDS = env_int("MELDPUNT_STAFF_SOCKET_CHECK_SECONDS", 5)
# The name authenticator apps show next to the staff member's code.
OTP_TOTP_ISSUER = MELDPUNT_ORGANISATION
# Passkeys (django-otp-webauthn) as a second factor only, never instead of the password.
# The relying party ID is the site's domain (never an IP address; by default the first
# allowed host), the origins the exact https:// addresses staff use.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = MELDPUNT_ORGANISATION
OTP_WEBAUTHN_RP_ID = env_str(
    "MELDPUNT_WEBAUTHN_RP_ID", "localhost" if DEBUG else (ALLOWED_HOSTS or [""])[0].lstrip(".")
)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "MELDPUNT_WEBAUTHN_ORIGINS",
    ["http://localhost:8000"] if DEBUG else [f"https://{OTP_WEBAUTHN_RP_ID}"],
)
# The site's own address, for links in e-mails (e.g. https://meldpunt.example.nl). By
# default the first passkey origin, which is the exact address staff use.
MELDPUNT_SITE_URL = (
    env_str("MELDPUNT_SITE_URL") or (OTP_WEBAUTHN_ALLOWED_ORIGINS or [""])[0]
).rstrip("/")

# Key ring for encryption at rest (see meldpunt/lib/crypto.py). Never in the database.
MELDPUNT_KEYRING = env_secret("MELDPUNT_KEYRING")
if not MELDPUNT_KEYRING:
    if not DEBUG:
        raise ImproperlyConfigured(
            "MELDPUNT_KEYRING (or MELDPUNT_KEYRING_FILE) must be set when DEBUG is off. "
            "Create one with: python manage.py generate_keyring"
        )
    from meldpunt.lib.crypto import ensure_development_keyring

    MELDPUNT_KEYRING = ensure_development_keyring(VAR_DIR / "dev-keyring.json")
# How many reverse proxies in front of the app set X-Forwarded-For (0: use REMOTE_ADDR).
MELDPUNT_TRUSTED_PROXY_HOPS = env_int("MELDPUNT_TRUSTED_PROXY_HOPS", 0)

# Web report and anonymous mailbox (meldpunt.reports).
MELDPUNT_FIRST_RESPONSE_DAYS = env_int("MELDPUNT_FIRST_RESPONSE_DAYS", 7)
MELDPUNT_REPORT_DRAFT_HOURS = env_int("MELDPUNT_REPORT_DRAFT_HOURS", 24)
MELDPUNT_ATTACHMENT_MAX_FILES = env_int("MELDPUNT_ATTACHMENT_MAX_FILES", 5)
MELDPUNT_ATTACHMENT_MAX_BYTES = env_int("MELDPUNT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
# Images with more pixels are refused before they are decoded (a large JPEG is decoded
# at a half or a quarter of its size instead, when that fits).
MELDPUNT_IMAGE_MAX_PIXELS = env_int("MELDPUNT_IMAGE_MAX_PIXELS", 25_000_000)
# Requests with files a process handles at once, and so images it decodes at once.
MELDPUNT_IMAGE_CONCURRENCY = env_int("MELDPUNT_IMAGE_CONCURRENCY", 1)
# Request bodies are read before a thread is taken: at most this many bytes (a full set of
# attachments plus the form), within this many seconds; else 413 or 408.
MELDPUNT_MAX_BODY = env_int(
    "MELDPUNT_MAX_BODY",
    MELDPUNT_ATTACHMENT_MAX_FILES * MELDPUNT_ATTACHMENT_MAX_BYTES + 1024 * 1024,
)
MELDPUNT_BODY_TIMEOUT = env_int("MELDPUNT_BODY_TIMEOUT", 60)
# Per client (keyed hash of the address, in the cache only): started drafts and submits per hour.
MELDPUNT_REPORT_DRAFTS_PER_HOUR = env_int("MELDPUNT_REPORT_DRAFTS_PER_HOUR", 30)
MELDPUNT_REPORT_SUBMITS_PER_HOUR = env_int("MELDPUNT_REPORT_SUBMITS_PER_HOUR", 10)
# Mailbox codes (meldpunt/reports/guessing.py): tries per client per 15 minutes; wrong
# codes from everyone per minute above which a client that guessed wrong first waits
# MELDPUNT_MAILBOX_SLOW_SECONDS; per process, code checks at a time, started per second,
# and waiting behind those without a wrong code.
MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT = env_int("MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT", 10)
MELDPUNT_MAILBOX_FAILURES_GLOBAL = env_int("MELDPUNT_MAILBOX_FAILURES_GLOBAL", 300)
MELDPUNT_MAILBOX_SLOW_SECONDS = env_int("MELDPUNT_MAILBOX_SLOW_SECONDS", 2)
MELDPUNT_MAILBOX_CHECKS_AT_ONCE = env_int("MELDPUNT_MAILBOX_CHECKS_AT_ONCE", 1)
MELDPUNT_MAILBOX_CHECKS_PER_SECOND = env_int("MELDPUNT_MAILBOX_CHECKS_PER_SECOND", 10)
MELDPUNT_MAILBOX_CHECKS_WAITING = env_int("MELDPUNT_MAILBOX_CHECKS_WAITING", 200)
MELDPUNT_MAILBOX_IDLE_SECONDS = env_int("MELDPUNT_MAILBOX_IDLE_SECONDS", 15 * 60)

# Chat queue (meldpunt/chat/limits.py): chats that may wait at once, and per client address.
MELDPUNT_CHAT_QUEUE_MAX = env_int("MELDPUNT_CHAT_QUEUE_MAX", 10)
MELDPUNT_CHAT_WAITING_PER_CLIENT = env_int("MELDPUNT_CHAT_WAITING_PER_CLIENT", 2)
# A reporter whose page went away may come back this long; then the chat ends by itself.
MELDPUNT_CHAT_RESUME_SECONDS = env_int("MELDPUNT_CHAT_RESUME_SECONDS", 10 * 60)

# Scheduled jobs (meldpunt/lib/jobs.py): command name and seconds between two runs, for the
# ``scheduler`` command (compose) and the admin's "on time"; the systemd timers in
# deploy/systemd/ use the same intervals. The purge removes unfinished drafts too.
MELDPUNT_JOBS = {
    "chat_expire": env_int("MELDPUNT_JOB_CHAT_EXPIRE_SECONDS", 5 * 60),
    "purge": env_int("MELDPUNT_JOB_PURGE_SECONDS", 60 * 60),
    "clearsessions": env_int("MELDPUNT_JOB_CLEARSESSIONS_SECONDS", 24 * 60 * 60),
    "audit_verify": env_int("MELDPUNT_JOB_AUDIT_VERIFY_SECONDS", 24 * 60 * 60),
}

# E-mail: notifications only ("something new is waiting"), never content.
_EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": (
            {
                "host": env_str("DJANGO_EMAIL_HOST", "localhost"),
                "port": env_int("DJANGO_EMAIL_PORT", 25),
                "username": env_str("DJANGO_EMAIL_HOST_USER"),
                "password": env_secret("DJANGO_EMAIL_HOST_PASSWORD") or "",
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
            }
            if _EMAIL_BACKEND.endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "meldpunt@localhost")
