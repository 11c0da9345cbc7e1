"""A worker loads the triage (pattern indexes, both models, the lemma dictionaries) when it
starts, before it freezes what lives as long as it does: the first advisor after a restart
does not wait for it, and the garbage collector's full collections never walk it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc
import config.asgi
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from meldpunt.triage.suggest import _indexes
loaded = [_indexes.cache_info().currsize, form_model.cache_info().currsize,
          indicator_model.cache_info().currsize]
frozen = gc.get_freeze_count()
tracked = len(gc.get_objects())
print(loaded, frozen > 10 * tracked)
"""


def test_a_worker_loads_the_triage_before_it_freezes() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings"}
    done = subprocess.run(  # noqa: S603 (this interpreter and a fixed script)
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "[1, 1, 1] True"
