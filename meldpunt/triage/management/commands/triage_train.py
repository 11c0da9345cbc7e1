"""Train the form model (meldpunt/triage/form_model.py) on the labelled training sets.

``manage.py triage_train`` writes data/form_model.json from every set that is not frozen
(``evaluation.TRAINING``). ``--check`` trains anew and compares with the shipped file
instead of writing it (a changed set or feature without a new model fails).
``--cross-validate`` prints, for each larger set, the figures of a model trained without
it. Needs NumPy (a development dependency); the running site only reads the JSON file.
"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from meldpunt.triage.evaluation import cross_validate, render, train_model
from meldpunt.triage.form_model import MODEL_FILE, from_json

# Two trainings may differ in the last digit of a weight (floating point sums in another
# order on another processor); more than this is another model.
TOLERANCE = 0.002


class Command(BaseCommand):
    help = "Train the form model on the labelled training sets (docs/TRIAGE.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="compare a new training with the shipped file"
        )
        parser.add_argument(
            "--cross-validate",
            action="store_true",
            help="figures of each larger set with a model trained without it",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["cross_validate"]:
            for split, results in cross_validate().items():
                self.stdout.write(f"## {split} (left out of training)\n\n{render(results)}\n")
            return
        model = train_model()
        if options["check"]:
            shipped = from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
            differences = _differences(shipped.as_json(), model.as_json())
            if differences:
                raise CommandError(
                    f"{MODEL_FILE.name} is not what the training sets give; run "
                    f"manage.py triage_train. First differences: {'; '.join(differences[:5])}"
                )
            self.stdout.write(f"{MODEL_FILE.name} matches a new training.")
            return
        MODEL_FILE.write_text(
            json.dumps(model.as_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )
        self.stdout.write(
            f"Wrote {MODEL_FILE.name}: {len(model.weights)} features, "
            f"{model.documents} reports from {', '.join(model.trained_on)}."
        )


def _differences(shipped: dict[str, Any], trained: dict[str, Any]) -> list[str]:
    found = [
        f"{key}: {shipped[key]!r} against {trained[key]!r}"
        for key in ("version", "classes", "trained_on", "documents")
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
