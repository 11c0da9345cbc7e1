"""Train the form model (meldpunt/triage/form_model.py) and the indicator models
(indicator_model.py) on the labelled training sets.

``manage.py triage_train`` writes data/form_model.json and data/indicator_model.json from
every set that is not frozen (``evaluation.TRAINING``). ``--check`` trains anew and
compares with the shipped files instead of writing them (a changed set or feature
without new models fails).
``--cross-validate`` prints, for each larger set, the figures of a model trained without
it. Needs NumPy (a development dependency); the running site only reads the JSON file.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meldpunt.triage import form_model, indicator_model
from meldpunt.triage.evaluation import (
    cross_validate,
    render,
    train_indicator_model,
    train_model,
)

# Two trainings may differ in the last digit of a weight (floating point sums in another
# order on another processor); more than this is another model.
TOLERANCE = 0.002


class Command(BaseCommand):
    help = "Train the form and indicator models on the labelled training sets (docs/TRIAGE.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="compare a new training with the shipped files"
        )
        parser.add_argument(
            "--cross-validate",
            action="store_true",
            help="figures of each larger set with models trained without it",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["cross_validate"]:
            for split, results in cross_validate().items():
                self.stdout.write(f"## {split} (left out of training)\n\n{render(results)}\n")
            return
        model, learned = train_model(), train_indicator_model()
        trained = (
            (form_model.MODEL_FILE, model.as_json(), "classes"),
            (indicator_model.MODEL_FILE, learned.as_json(), "indicators"),
        )
        if options["check"]:
            for path, data, names in trained:
                shipped = json.loads(path.read_text(encoding="utf-8"))
                differences = _differences(shipped, data, names)
                if differences:
                    raise CommandError(
                        f"{path.name} is not what the training sets give; run manage.py "
                        f"triage_train. First differences: {'; '.join(differences[:5])}"
                    )
                self.stdout.write(f"{path.name} matches a new training.")
            return
        for path, data, _ in trained:
            _write(path, data)
        self.stdout.write(
            f"Wrote {form_model.MODEL_FILE.name} ({len(model.weights)} features) and "
            f"{indicator_model.MODEL_FILE.name} ({len(learned.indicators)} indicators): "
            f"{model.documents} reports from {', '.join(model.trained_on)}."
        )


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


def _differences(shipped: dict[str, Any], trained: dict[str, Any], names: str) -> list[str]:
    """Where two models differ; ``names`` is the key of their classes or indicators."""
    found = [
        f"{key}: {shipped[key]!r} against {trained[key]!r}"
        for key in ("version", names, "trained_on", "documents")
        if shipped[key] != trained[key]
    ]
    pairs = [("bias", shipped["bias"], trained["bias"])]
    weights_a, weights_b = shipped["weights"], trained["weights"]
    found += [f"feature {f} only in one" for f in sorted(set(weights_a) ^ set(weights_b))]
    pairs += [(f, weights_a[f], weights_b[f]) for f in sorted(set(weights_a) & set(weights_b))]
    found += [
        f"{name}: {a} against {b}"
        for name, a, b in pairs
        if any(abs(x - y) > TOLERANCE for x, y in zip(a, b, strict=True))
    ]
    return found
