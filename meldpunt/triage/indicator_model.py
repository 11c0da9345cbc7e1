"""Indicators read by small learned models beside the rules (since 2026.12.9, issue 14).

The hand-written rules find indicators well on the reports they were tuned on and
badly on unseen ones (recall 0.60 to 0.63 on the frozen blind sets). One logistic
regression per indicator, over the same features as the form model (form_model.py: the
lemmas of content words and pairs of neighbouring content words in one clause), finds
part of what the rules miss. Measured on sets neither the rules nor the models had
learned from, the rules together with the models' readings above ``THRESHOLD`` find
more indicators at the same or better precision (docs/TRIAGE.md).

A model-read indicator is shown with its chance and the words that weighed most for
it, like a form the model reads. The weights are a JSON file in this package
(data/indicator_model.json, written by ``manage.py triage_train``); training needs NumPy,
a development dependency only.
"""

import json
import math
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from meldpunt.triage.form_model import (
    Span,
    Weighed,
    adam_step,
    feature_matrices,
    vocabulary,
    without_parts,
)

MODEL_FILE = Path(__file__).parent / "data" / "indicator_model.json"
# An indicator gets a model when at least this many training reports carry it; the
# others are read by the rules only.
MIN_EXAMPLES = 8
# Indicators no model reads, only the rules (since 2026.12.12). Their models' readings were
# wrong more often than right on sets they had not learned from (a model per training
# set, trained on all the others, and development sets 19 to 21 measured before use: 15
# true against 31 false, docs/TRIAGE.md). A sector is a trade the text names or does not:
# "boss" and "live" made the models read one (20 true, 14 false). Since 2026.12.14 also
# recruitment: 3 true against 6 false on development sets 23 to 26, each read by models
# that had not learned from it.
NOT_LEARNED = frozenset(
    {
        "gen.vulnerability",
        "lab.passport_withheld",
        "lab.recruitment",
        "lab.sector",
        "sex.appearance_gifts",
    }
)
# A model reads an indicator the rules did not find from this chance on.
THRESHOLD = 0.7
# Strength of the fit against the L2 penalty, on the summed log loss of each indicator.
STRENGTH = 6.0
ITERATIONS = 400
LEARNING_RATE = 0.1
# Weights are stored with this many decimals.
DECIMALS = 3


@dataclass(frozen=True)
class IndicatorModel:
    """One logistic regression per indicator in ``indicators``: the weights of a feature
    are one number per indicator, in that order."""

    version: str
    indicators: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, "array[float]"]
    trained_on: tuple[str, ...] = ()
    documents: int = 0

    def chances(self, found: Mapping[str, list[Span]]) -> dict[str, float]:
        """The chance of each indicator, for the features ``found`` in a text."""
        weights = self.weights
        rows = [weights[feature] for feature in found if feature in weights]
        # A column per indicator, summed in C (a loop per weight took five times as long).
        columns = zip(*rows, strict=True) if rows else [()] * len(self.bias)
        scores = [sum(column, bias) for bias, column in zip(self.bias, columns, strict=True)]
        return {i: 1 / (1 + math.exp(-s)) for i, s in zip(self.indicators, scores, strict=True)}

    def reasons(self, indicator: str, found: Mapping[str, list[Span]]) -> tuple[Weighed, ...]:
        """The features of the text that pushed ``indicator`` up most, heaviest first; a
        word inside a pair already shown is not shown again."""
        k = self.indicators.index(indicator)
        weights = self.weights
        pushed = sorted(
            (-round(weights[f][k], 2), f) for f in found if f in weights and weights[f][k] > 0
        )
        return tuple(without_parts(Weighed(f, -w, tuple(found[f])) for w, f in pushed))

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "indicators": list(self.indicators),
            "trained_on": list(self.trained_on),
            "documents": self.documents,
            "bias": list(self.bias),
            "weights": {f: list(w) for f, w in sorted(self.weights.items())},
        }


def from_json(data: dict[str, Any]) -> IndicatorModel:
    return IndicatorModel(
        version=data["version"],
        indicators=tuple(data["indicators"]),
        bias=tuple(data["bias"]),
        weights={f: array("d", w) for f, w in data["weights"].items()},
        trained_on=tuple(data.get("trained_on", ())),
        documents=data.get("documents", 0),
    )


@cache
def indicator_model() -> IndicatorModel:
    """The shipped models, read once per process."""
    with MODEL_FILE.open(encoding="utf-8") as handle:
        return from_json(json.load(handle))


def train(
    examples: Sequence[tuple[str, frozenset[str]]],
    version: str,
    trained_on: Sequence[str] = (),
    iterations: int = ITERATIONS,
) -> IndicatorModel:
    """Fit one logistic regression with an L2 penalty per indicator (but ``NOT_LEARNED``)
    that at least ``MIN_EXAMPLES`` of the (text, indicators) pairs carry: full-batch Adam
    from zero weights, sums in a fixed order, so the same data gives the same models."""
    import numpy as np  # a development dependency, needed only to train

    documents, column = vocabulary([text for text, _ in examples])
    carried = Counter(i for _, labels in examples for i in labels)
    indicators = sorted(i for i, n in carried.items() if n >= MIN_EXAMPLES and i not in NOT_LEARNED)
    n, v = len(examples), len(column)
    # The (report, feature) pairs sorted by report: a sum per report and a sum per feature
    # as products with sparse matrices, each adding in the order of the pairs.
    pairs = sorted((i, column[f]) for i, doc in enumerate(documents) for f in doc if f in column)
    rows = np.array([i for i, _ in pairs], dtype=np.intp)
    cols = np.array([j for _, j in pairs], dtype=np.intp)
    by_report, by_feature = feature_matrices(rows, cols, n, v)
    target = np.array([[float(i in labels) for i in indicators] for _, labels in examples])
    weights, bias = np.zeros((v, len(indicators))), np.zeros(len(indicators))
    moments = [np.zeros_like(weights), np.zeros_like(weights)]
    moments += [np.zeros_like(bias), np.zeros_like(bias)]
    for step in range(1, iterations + 1):
        scores = bias + by_report @ weights
        error = 1 / (1 + np.exp(-scores)) - target
        # The gradient of STRENGTH * summed log loss + 0.5 * |weights|^2, over n.
        grad_w = (STRENGTH * (by_feature @ error) + weights) / n
        grad_b = STRENGTH * error.sum(axis=0) / n
        adam_step(
            step,
            LEARNING_RATE,
            (weights, grad_w, moments[0], moments[1]),
            (bias, grad_b, moments[2], moments[3]),
        )
    return IndicatorModel(
        version=version,
        indicators=tuple(indicators),
        bias=tuple(round(float(b), DECIMALS) for b in bias),
        weights={
            f: array("d", (round(float(w), DECIMALS) for w in weights[j]))
            for f, j in column.items()
        },
        trained_on=tuple(trained_on),
        documents=n,
    )
