"""What the triage rules find in a text, for the rule tests: indicator ids, the words that
triggered one, the urgency flags; and what a script prints in processes of other hash
seeds."""

import os
import subprocess
import sys

from meldpunt.triage.numbers import numeric_signals
from meldpunt.triage.suggest import suggest

# Three processes show it when a result follows the order of a set.
SEEDS = 3


def ids(text: str) -> set[str]:
    return {m.id for m in suggest(text).indicators}


def words_of(text: str, indicator: str) -> list[str]:
    match = next(m for m in suggest(text).indicators if m.id == indicator)
    return [w.lower() for w in match.words(text)]


def long_hours(text: str) -> set[str]:
    """The words the number reading takes for long hours ("van 19.00 tot 07.00 uur")."""
    return {
        text[start:end].strip()
        for name, (start, end) in numeric_signals(text)
        if name == "lab.long_hours"
    }


def urgency(text: str) -> set[str]:
    return {m.id for m in suggest(text).urgency}


def printed_under_hash_seeds(script: str) -> set[str]:
    """What ``script`` prints in a new process under each of ``SEEDS`` hash seeds: one
    output when nothing in it depends on the order of a set of strings."""
    return {
        subprocess.run(  # noqa: S603 (this interpreter and a fixed script)
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(SEEDS)
    }
