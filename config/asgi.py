"""ASGI entry point: HTTP through Django, websockets through Channels."""

import gc
import os
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup(set_prefix=False)

from django.conf import settings  # noqa: E402 (after setup, like the imports below)

from config.routing import build_application  # noqa: E402
from meldpunt.lib.asgi import PathPrefix, ThreadPoolASGIHandler  # noqa: E402
from meldpunt.reports.guessing import MailboxCodeGate  # noqa: E402
from meldpunt.triage.suggest import preload  # noqa: E402

# Receipt codes wait at their gate before they take an HTTP thread.
django_asgi_app = MailboxCodeGate(ThreadPoolASGIHandler(threads=settings.MELDPUNT_HTTP_THREADS))

application: Any = build_application(django_asgi_app)
if settings.MELDPUNT_PATH_PREFIX:
    # The site under a path of another domain (docs/DEPLOYMENT.md, "Under a path").
    application = PathPrefix(application, settings.MELDPUNT_PATH_PREFIX)

# The triage's pattern indexes and models (1.4 s to load, 210,000 objects), since
# 2026.12.16 loaded here and not by the first advisor who types.
preload()
# Everything loaded so far (Django, the URL conf, the apps, the triage) lives as long as
# the process. Freezing it keeps the garbage collector's full collections from walking it
# again and again; under chat load those collections paused a worker for 50 to 130 ms
# (docs/PERFORMANCE.md), and with the triage loaded after it, 90 to 170 ms.
gc.freeze()
