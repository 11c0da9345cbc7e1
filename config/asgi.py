"""ASGI entry point: HTTP through Django, websockets through Channels."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

from config.routing import build_application  # noqa: E402 (needs Django set up first)

application = build_application(django_asgi_app)

# Everything loaded so far (Django, the URL conf, the apps) lives as long as the process.
# Freezing it keeps the garbage collector's full collections from walking it again and
# again; under chat load those collections paused a worker for 50 to 130 ms
# (docs/PERFORMANCE.md).
gc.freeze()
