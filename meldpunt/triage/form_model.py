"""The form of exploitation, read by a small learned model (since 2026.12.8, issue 14).

Seven rounds of hand-written rules moved the form on unseen reports by 0 to 4 points
(docs/TRIAGE.md); a linear model over the words, trained on the labelled sets, reads
unseen sets better. It stays explainable: a multinomial logistic regression whose
features are the lemmas of the content words and the pairs of neighbouring content
words in one clause ("paspoort afgeven"), so each form's score is a sum of the weights of
words in the text, and the words that weighed most are shown with the suggestion.

The model is a JSON file in this package (data/form_model.json, written by
``manage.py triage_train``): no download, no numerical library at run time, a few
dictionary lookups per word. Training needs NumPy, a development dependency only.
"""

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from meldpunt.triage.reading import (
    EN_FUNCTION_WORDS,
    MEMO_LIMIT,
    NL_FUNCTION_WORDS,
    PL_FUNCTION_WORDS,
    RO_FUNCTION_WORDS,
    Word,
    tokenize,
)
from meldpunt.triage.taxonomy import LINKS, WEAK_WORDS

MODEL_FILE = Path(__file__).parent / "data" / "form_model.json"
NONE = "none"
# The languages the model was trained on; other texts keep the rules' form.
LANGUAGES = frozenset({"nl", "en", "mixed"})
# A feature counts when it is in at least this many training reports.
MIN_DOCUMENTS = 2
# Strength of the fit against the L2 penalty (scikit-learn's C, on the summed loss).
STRENGTH = 3.0
ITERATIONS = 1500
LEARNING_RATE = 0.05
# Weights are stored with this many decimals (a smaller file, the same figures).
DECIMALS = 4
# How many words are shown as the reasons of a form.
SHOWN_WORDS = 6
# A pair is shown as the text from its first to its second word up to this many words
# ("paspoort moeten afgeven"); longer, as its two words with "…" between them.
SHOWN_WORDS_OF_A_PAIR = 3
# Words of telling and small words the function-word lists lack: a phone note is full of
# "belt", "zegt", "vertelt", and they weigh for whatever form the notes in training had.
SAYING = frozenset(
    """
    zegt zeggen zei zeiden vertelt vertellen vertelde vertelden belt bellen belde gebeld
    dan toen ook nog even eens hier daar keer paar iets iemand alles ander andere meer
    says say said tell tells told call calls called now more most unless off out up
    down just only some any all other then when than too again even ever here which
    would could should will may might
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# Function words and prepositions carry no feature. A negation is kept inside a pair
# ("niet betaald", "no passport") but is no feature alone.
NEGATING = frozenset({"geen", "niet", "nooit", "zonder", "no", "not", "never"})
# Common words ("mannen", "klanten", "geld", "werken") are no feature either: the issue's
# rule that they never make the evidence holds for the model too.
SKIPPED = (
    (NL_FUNCTION_WORDS | EN_FUNCTION_WORDS | PL_FUNCTION_WORDS | RO_FUNCTION_WORDS | LINKS)
    - NEGATING
    | WEAK_WORDS
    | {"in", "into", "nu", "per", "via", "tijdens", "during", "through"}
    | SAYING
)

Span = tuple[int, int]


@lru_cache(maxsize=MEMO_LIMIT)
def canonical(forms: frozenset[str]) -> str:
    """One form per word: the shortest of its forms (its Dutch or English lemma as a
    rule), the alphabetically first of equals, so every process reads it the same."""
    return min(forms, key=lambda form: (len(form), form))


@lru_cache(maxsize=MEMO_LIMIT)
def _content(text: str, forms: frozenset[str]) -> str | None:
    """A word's feature form, or None for a function or common word, or one with a digit
    (times, amounts and house numbers say nothing of the form)."""
    if len(text) < 2 or text.lower() in SKIPPED or any(c.isdigit() for c in text):
        return None
    return canonical(forms)


# A link, a domain or an e-mail address: letters joined by a dot, "@" or "/" without a
# space, with the letters, digits and marks around them. Its words are names and places
# too ("thai-relax-lelystad.nl"), never features.
JOINED_RE = re.compile(r"\w[.@/]\w")
ADDRESS_MARKS = frozenset("._@/:-")


def address_spans(text: str) -> list[Span]:
    """Where ``text`` holds a link, a domain or an e-mail address, in order."""
    spans: list[Span] = []
    for match in JOINED_RE.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        start, end = match.start(), match.end()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ADDRESS_MARKS):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] in ADDRESS_MARKS):
            end += 1
        spans.append((start, end))
    return spans


def features(text: str, words: Sequence[Word]) -> dict[str, list[Span]]:
    """Every feature of ``text`` (read into ``words``) with the spans that make it:
    ``w=<lemma>`` for a content word, ``b=<lemma>_<lemma>`` for two neighbouring content
    words in one clause."""
    addresses = address_spans(text)
    at = 0
    kept = []
    for i, word in enumerate(words):
        while at < len(addresses) and addresses[at][1] <= word.start:
            at += 1
        if at < len(addresses) and addresses[at][0] <= word.start:
            continue  # inside a link or an address
        form = _content(word.text, word.forms)
        if form is not None and not _named(words, i):
            kept.append((form, word))
    found: dict[str, list[Span]] = {}
    for i, (form, word) in enumerate(kept):
        if form not in NEGATING:
            found.setdefault(f"w={form}", []).append((word.start, word.end))
        if i + 1 < len(kept):
            following, after = kept[i + 1]
            # A negation opens a pair ("niet betaald"), never closes one ("zegt ... niet").
            if (
                after.clause == word.clause
                and after.sentence == word.sentence
                and following not in NEGATING
            ):
                found.setdefault(f"b={form}_{following}", []).append((word.start, after.end))
    return found


def _named(words: Sequence[Word], i: int) -> bool:
    """A capitalised word inside a sentence: a name, a place, a nationality ("Lelystad",
    "Poolse", "Thai"). The model never reads those: where someone comes from or lives
    says nothing about what is done to them, and a model that learned it would profile."""
    word = words[i]
    first = i == 0 or words[i - 1].sentence != word.sentence
    return not first and word.text[:1].isupper()


@dataclass(frozen=True)
class Weighed:
    """A feature found in the text and how much it pushed a form."""

    feature: str
    weight: float
    spans: tuple[Span, ...]

    def words(self, text: str) -> str:
        """As the text wrote it: a word, two words, or a pair's two words with "…" for
        the words between them."""
        start, end = self.spans[0]
        parts = text[start:end].split()
        return (
            " ".join(parts) if len(parts) <= SHOWN_WORDS_OF_A_PAIR else f"{parts[0]} … {parts[-1]}"
        )


@dataclass(frozen=True)
class Reading:
    """The model's reading of one text: a probability per class (the forms and "none"),
    and the features it knew, for the reasons of a class when they are shown."""

    probabilities: dict[str, float]
    found: dict[str, list[Span]]
    model: "FormModel"

    @property
    def known(self) -> int:
        """How many of the text's features the model knows: a line or two has too few
        for the chances to mean much (they are mostly the classes' shares in training)."""
        return len(self.found)

    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.probabilities.items(), key=lambda item: (-item[1], item[0]))

    def reasons(self, name: str) -> tuple[Weighed, ...]:
        """The features that pushed class ``name`` most against the others on average,
        heaviest first (worked out only for a class that is shown)."""
        k = self.model.classes.index(name)
        pushed = []
        for feature, spans in self.found.items():
            row = self.model.weights[feature]
            push = row[k] - (sum(row) - row[k]) / (len(row) - 1)
            if push > 0:
                pushed.append(Weighed(feature, round(push, 2), tuple(spans)))
        pushed.sort(key=lambda w: (-w.weight, w.feature))
        return tuple(without_parts(pushed))


@dataclass(frozen=True)
class FormModel:
    version: str
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    trained_on: tuple[str, ...] = ()
    documents: int = 0

    def read(self, text: str, words: Sequence[Word]) -> Reading:
        """The chances of ``text``, read into ``words`` (reading.tokenize)."""
        return self.read_features(features(text, words))

    def read_features(self, everything: dict[str, list[Span]]) -> Reading:
        """The chances of a text whose ``features`` are ``everything`` (suggest reads them
        once for this model and the indicator models)."""
        weights = self.weights
        found = {f: spans for f, spans in everything.items() if f in weights}
        scores = list(self.bias)
        for feature in found:
            for k, weight in enumerate(weights[feature]):
                scores[k] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        probabilities = {c: e / total for c, e in zip(self.classes, exps, strict=True)}
        return Reading(probabilities, found, self)

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "classes": list(self.classes),
            "trained_on": list(self.trained_on),
            "documents": self.documents,
            "bias": list(self.bias),
            "weights": {f: list(w) for f, w in sorted(self.weights.items())},
        }


def without_parts(pushed: Iterable[Weighed]) -> list[Weighed]:
    """The first ``SHOWN_WORDS`` of ``pushed`` (heaviest first), where a word already shown
    inside a heavier pair ("paspoort afgeven") is not shown again, and a common word
    ("moesten" read as "moeten") only when no other word weighed (since 2026.12.11)."""
    shown: list[Weighed] = []
    common: list[Weighed] = []
    pairs: list[Span] = []
    for weighed in pushed:
        if len(shown) == SHOWN_WORDS:
            break
        inside = all(any(start <= s and e <= end for start, end in pairs) for s, e in weighed.spans)
        if weighed.feature.startswith("w=") and inside:
            continue
        if weighed.feature.removeprefix("w=") in WEAK_WORDS:
            common.append(weighed)
            continue
        shown.append(weighed)
        if weighed.feature.startswith("b="):
            pairs.extend(weighed.spans)
    return shown or common[:SHOWN_WORDS]


def from_json(data: dict[str, Any]) -> FormModel:
    return FormModel(
        version=data["version"],
        classes=tuple(data["classes"]),
        bias=tuple(data["bias"]),
        weights={f: tuple(w) for f, w in data["weights"].items()},
        trained_on=tuple(data.get("trained_on", ())),
        documents=data.get("documents", 0),
    )


@cache
def form_model() -> FormModel:
    """The shipped model, read once per process."""
    with MODEL_FILE.open(encoding="utf-8") as handle:
        return from_json(json.load(handle))


def train(
    examples: Sequence[tuple[str, str]],
    classes: Sequence[str],
    version: str,
    trained_on: Sequence[str] = (),
    iterations: int = ITERATIONS,
) -> FormModel:
    """Fit the model on (text, class) pairs: multinomial logistic regression with an L2
    penalty, full-batch Adam from zero weights, so the same data gives the same model."""
    import numpy as np  # a development dependency, needed only to train

    documents, column = vocabulary([text for text, _ in examples])
    rows = np.array([i for i, doc in enumerate(documents) for f in doc if f in column])
    cols = np.array([column[f] for doc in documents for f in doc if f in column])
    n, v, k = len(examples), len(column), len(classes)
    by_report, by_feature = feature_matrices(rows, cols, n, v)
    target = np.zeros((n, k))
    target[np.arange(n), [classes.index(label) for _, label in examples]] = 1.0
    weights, bias = np.zeros((v, k)), np.zeros(k)
    moments = [np.zeros((v, k)), np.zeros((v, k)), np.zeros(k), np.zeros(k)]
    for step in range(1, iterations + 1):
        scores = bias + by_report @ weights
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        error = probabilities - target
        # The gradient of STRENGTH * summed log loss + 0.5 * |weights|^2, over n.
        grad_w = (STRENGTH * (by_feature @ error) + weights) / n
        grad_b = STRENGTH * error.sum(axis=0) / n
        adam_step(
            step,
            LEARNING_RATE,
            (weights, grad_w, moments[0], moments[1]),
            (bias, grad_b, moments[2], moments[3]),
        )
    kept = {f: tuple(round(float(w), DECIMALS) for w in weights[j]) for f, j in column.items()}
    return FormModel(
        version=version,
        classes=tuple(classes),
        bias=tuple(round(float(b), DECIMALS) for b in bias),
        weights=kept,
        trained_on=tuple(trained_on),
        documents=n,
    )


def vocabulary(texts: Sequence[str]) -> tuple[list[set[str]], dict[str, int]]:
    """The features of each text, and a column for each feature in at least
    ``MIN_DOCUMENTS`` of them, in alphabetical order (the same in every process)."""
    documents = _documents(tuple(texts))
    counts = Counter(f for doc in documents for f in doc)
    known = sorted(f for f, n in counts.items() if n >= MIN_DOCUMENTS)
    return documents, {f: j for j, f in enumerate(known)}


def feature_matrices(rows: Any, cols: Any, n: int, v: int) -> tuple[Any, Any]:
    """The (report, feature) pairs as sparse matrices by report and by feature. A product
    with one adds each row's entries one after another in the order of the pairs, as
    ``np.bincount`` and ``np.add.reduceat`` do, so the trained weights are the same to the
    last digit; it is only faster (SciPy, a development dependency, needed only to train)."""
    import numpy as np
    from scipy import sparse

    by_report = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, v))
    return by_report, by_report.T.tocsr()


@lru_cache(maxsize=1)
def _documents(texts: tuple[str, ...]) -> list[set[str]]:
    """The features of each text, read once for both trainings of ``manage.py
    triage_train`` (the form model and the indicator models learn from the same texts);
    the trainings only read them."""
    return [set(features(text, tokenize(text))) for text in texts]


def adam_step(step: int, rate: float, *parameters: tuple[Any, Any, Any, Any]) -> None:
    """Step ``step`` (from 1) of Adam for each (parameter, gradient, first moment, second
    moment) of NumPy arrays, in place."""
    import numpy as np

    for param, grad, first, second in parameters:
        first *= 0.9
        first += 0.1 * grad
        second *= 0.999
        second += 0.001 * grad * grad
        param -= rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
