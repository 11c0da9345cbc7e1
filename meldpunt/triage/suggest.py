"""Suggestions from free text: indicators, a form of exploitation and urgency flags.

Explainable rules over lemmatised words, no network and no learned model:

1. The text is split into words with their character spans; each word gets its
   lemma in Dutch and in English (simplemma).
2. The language is guessed by counting common Dutch and English function words; a
   text with a fair share of both is "mixed" and gets both pattern sets.
3. Every pattern of the taxonomy (see data/indicators.toml for the syntax) is looked
   up from its first word in a dictionary built once per process, then the following
   words are checked in a short window. A match keeps the spans of the words that
   triggered it, so the screen can highlight them.
4. Each form scores the weights of its own indicators. The general ILO indicators are
   forced-labour indicators: they add half their weight to labour, and a quarter to
   another form only when that form has a signal of its own. A form is suggested when
   at least ``MIN_SIGNALS`` different indicators were found, its score reaches
   ``MIN_FORM_SCORE`` and it clearly leads; the reasons are the indicators and weights.

Suggestions never change data; an advisor accepts or dismisses them (services.py).
The text is never logged or stored here.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import product
from typing import NamedTuple

import simplemma

from meldpunt.triage.taxonomy import FORMS, Taxonomy, taxonomy

# A pattern word may be followed by its next word at most this many words later.
WINDOW = 3
# The form score needed before a form is suggested, and how far it must lead the next.
MIN_FORM_SCORE = 2.0
MIN_LEAD = 1.0
# Shares of a general (ILO) indicator's weight: for labour always, for another form only
# when that form already has an indicator of its own (it strengthens, never decides).
LABOUR_SHARE = 0.5
GENERAL_SHARE = 0.25
# One signal alone is never enough for a form: signals are indicators, not proof.
MIN_SIGNALS = 2

# Words seen are remembered (lemmas, candidate patterns) to keep a call fast; the
# memories live in process memory only and are bounded.
MEMO_LIMIT = 65536

WORD_RE = re.compile(r"\w+", re.UNICODE)

NL_FUNCTION_WORDS = frozenset(
    """
    de het een en van ik je jij hij zij ze we wij niet is zijn was heeft hebben met
    op voor dat die dit er maar ook als bij naar om te geen wel uit nog wordt werd
    mag moet kan haar hem hun mijn ons onze zich al wat wie waar hoe omdat dan zo
    heel
    """.split()  # noqa: SIM905 - a word list reads best as text
)
EN_FUNCTION_WORDS = frozenset(
    """
    the a an and of i you he she they we not is are was were has have had with on
    for that this there but also as at to no yes from still be been being her him
    his their my our what who where how because then so very does did do can must
    """.split()  # noqa: SIM905 - a word list reads best as text
)


class Word(NamedTuple):
    text: str
    start: int
    end: int
    forms: frozenset[str]


@dataclass(frozen=True)
class _PatternWord:
    forms: frozenset[str]
    prefix: str | None

    def matches(self, word: Word) -> bool:
        if self.prefix is not None:
            return any(form.startswith(self.prefix) for form in word.forms)
        return not self.forms.isdisjoint(word.forms)


@dataclass(frozen=True)
class _Pattern:
    target: str
    kind: str
    text: str
    words: tuple[_PatternWord, ...]


@dataclass
class Match:
    """One indicator (or urgency flag) found, with the words that triggered it."""

    id: str
    patterns: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def words(self, text: str) -> list[str]:
        return sorted({text[start:end] for start, end in self.spans}, key=str.lower)


@dataclass(frozen=True)
class FormReason:
    indicator_id: str
    weight: float


@dataclass(frozen=True)
class FormScore:
    form: str
    score: float
    reasons: tuple[FormReason, ...]


@dataclass(frozen=True)
class Suggestion:
    """What the rules see in a text. ``form`` is a form id, "unknown" or "none"."""

    language: str
    taxonomy_version: str
    words: tuple[Word, ...]
    indicators: tuple[Match, ...]
    form: str
    scores: tuple[FormScore, ...]
    urgency: tuple[Match, ...]

    @property
    def form_score(self) -> FormScore | None:
        for score in self.scores:
            if score.form == self.form:
                return score
        return None

    def spans(self) -> list[tuple[int, int]]:
        """All triggering spans, sorted and merged, for highlighting."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(s for m in self.indicators for s in m.spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


@lru_cache(maxsize=MEMO_LIMIT)
def _lemma(word: str, lang: str) -> str:
    return simplemma.lemmatize(word, lang=lang).lower()


@lru_cache(maxsize=MEMO_LIMIT)
def _forms(word: str) -> frozenset[str]:
    lower = word.lower()
    return frozenset((lower, _lemma(lower, "nl"), _lemma(lower, "en")))


def tokenize(text: str) -> list[Word]:
    """Words with spans and the forms they can match: as written, Dutch and English lemma."""
    return [Word(m.group(), m.start(), m.end(), _forms(m.group())) for m in WORD_RE.finditer(text)]


def detect_language(words: Iterable[Word]) -> str:
    """ "nl", "en" or "mixed", from the share of Dutch and English function words.

    A text with hardly any function words counts as mixed, so both pattern sets apply.
    """
    nl = en = 0
    for word in words:
        lower = word.text.lower()
        nl += lower in NL_FUNCTION_WORDS
        en += lower in EN_FUNCTION_WORDS
    total = nl + en
    if total < 3:
        return "mixed"
    if nl / total >= 0.8:
        return "nl"
    if en / total >= 0.8:
        return "en"
    return "mixed"


def _compile_word(raw: str, lang: str) -> list[_PatternWord]:
    wildcard = raw.endswith("*")
    parts = WORD_RE.findall(raw.lower())
    compiled = []
    for index, part in enumerate(parts):
        if wildcard and index == len(parts) - 1:
            compiled.append(_PatternWord(forms=frozenset(), prefix=part))
        else:
            compiled.append(_PatternWord(forms=frozenset((part, _lemma(part, lang))), prefix=None))
    return compiled


def _variants(text: str) -> list[str]:
    """ "a|b c|d" stands for "a c", "a d", "b c" and "b d"."""
    return [" ".join(combo) for combo in product(*(raw.split("|") for raw in text.split()))]


def _compile_patterns(target: str, kind: str, text: str, lang: str) -> list[_Pattern]:
    return [
        _Pattern(
            target=target,
            kind=kind,
            text=text,
            words=tuple(pw for raw in variant.split() for pw in _compile_word(raw, lang)),
        )
        for variant in _variants(text)
    ]


@dataclass(frozen=True)
class _Index:
    """Patterns by their first word: exact forms in a dict, prefixes by first 3 letters."""

    exact: dict[str, tuple[_Pattern, ...]]
    prefixed: dict[str, tuple[_Pattern, ...]]
    memo: dict[frozenset[str], tuple[_Pattern, ...]] = field(default_factory=dict)

    def candidates(self, forms: frozenset[str]) -> tuple[_Pattern, ...]:
        """Patterns whose first word matches a word with these forms (remembered)."""
        found = self.memo.get(forms)
        if found is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            probe = Word("", 0, 0, forms)
            seen: dict[int, _Pattern] = {}
            for form in forms:
                for pattern in self.exact.get(form, ()):
                    seen.setdefault(id(pattern), pattern)
                for pattern in self.prefixed.get(form[:3], ()):
                    if pattern.words[0].matches(probe):
                        seen.setdefault(id(pattern), pattern)
            found = self.memo[forms] = tuple(seen.values())
        return found


def _build_index(patterns: list[_Pattern]) -> _Index:
    exact: dict[str, list[_Pattern]] = {}
    prefixed: dict[str, list[_Pattern]] = {}
    for pattern in patterns:
        first = pattern.words[0]
        if first.prefix is not None:
            prefixed.setdefault(first.prefix[:3], []).append(pattern)
        else:
            for form in first.forms:
                exact.setdefault(form, []).append(pattern)
    return _Index(
        exact={k: tuple(v) for k, v in exact.items()},
        prefixed={k: tuple(v) for k, v in prefixed.items()},
    )


@cache
def _indexes(version: str) -> dict[str, _Index]:
    """Compiled pattern indexes per language, built once per taxonomy version."""
    tax = taxonomy()
    by_lang: dict[str, list[_Pattern]] = {"nl": [], "en": []}
    sources = [(ind.id, "indicator", ind.patterns_nl, ind.patterns_en) for ind in tax.indicators]
    sources += [(rule.id, "urgency", rule.patterns_nl, rule.patterns_en) for rule in tax.urgency]
    for target, kind, patterns_nl, patterns_en in sources:
        for text in patterns_nl:
            by_lang["nl"] += _compile_patterns(target, kind, text, "nl")
        for text in patterns_en:
            by_lang["en"] += _compile_patterns(target, kind, text, "en")
    return {
        "nl": _build_index(by_lang["nl"]),
        "en": _build_index(by_lang["en"]),
        "mixed": _build_index(by_lang["nl"] + by_lang["en"]),
    }


def _match_at(pattern: _Pattern, words: list[Word], start: int) -> list[int] | None:
    """Positions of the pattern's words when it matches from ``start``, else None."""
    positions = [start]
    for pattern_word in pattern.words[1:]:
        previous = positions[-1]
        for j in range(previous + 1, min(previous + 1 + WINDOW, len(words))):
            if pattern_word.matches(words[j]):
                positions.append(j)
                break
        else:
            return None
    return positions


def _score_forms(tax: Taxonomy, found: dict[str, Match]) -> list[FormScore]:
    general = [tax.indicator(i) for i in found if tax.indicator(i).form is None]
    scores = []
    for form in FORMS:
        specific = [tax.indicator(i) for i in found if tax.indicator(i).form == form]
        share = LABOUR_SHARE if form == "labour" else GENERAL_SHARE
        if not specific and (form != "labour" or not general):
            continue
        reasons = [FormReason(ind.id, ind.weight) for ind in specific]
        reasons += [FormReason(ind.id, round(ind.weight * share, 2)) for ind in general]
        reasons.sort(key=lambda r: (-r.weight, r.indicator_id))
        scores.append(
            FormScore(
                form=form, score=round(sum(r.weight for r in reasons), 2), reasons=tuple(reasons)
            )
        )
    scores.sort(key=lambda s: (-s.score, s.form))
    return scores


def _choose_form(scores: list[FormScore], found: dict[str, Match]) -> str:
    if not found:
        return "none"
    if len(found) < MIN_SIGNALS or not scores or scores[0].score < MIN_FORM_SCORE:
        return "unknown"
    if len(scores) > 1 and scores[0].score - scores[1].score < MIN_LEAD:
        return "unknown"
    return scores[0].form


def suggest(text: str) -> Suggestion:
    """Indicators, a suggested form with reasons, and urgency flags for ``text``."""
    tax = taxonomy()
    words = tokenize(text)
    language = detect_language(words)
    index = _indexes(tax.version)[language]
    found: dict[str, Match] = {}
    urgent: dict[str, Match] = {}
    for i, word in enumerate(words):
        for pattern in index.candidates(word.forms):
            positions = _match_at(pattern, words, i)
            if positions is None:
                continue
            bucket = found if pattern.kind == "indicator" else urgent
            match = bucket.setdefault(pattern.target, Match(id=pattern.target))
            if pattern.text not in match.patterns:
                match.patterns.append(pattern.text)
            for p in positions:
                span = (words[p].start, words[p].end)
                if span not in match.spans:
                    match.spans.append(span)
    order = tax.order
    scores = _score_forms(tax, found)
    return Suggestion(
        language=language,
        taxonomy_version=tax.version,
        words=tuple(words),
        indicators=tuple(sorted(found.values(), key=lambda m: order[m.id])),
        form=_choose_form(scores, found),
        scores=tuple(scores),
        urgency=tuple(sorted(urgent.values(), key=lambda m: order[m.id])),
    )
