"""Suggestions from free text: indicators, forms of exploitation and urgency flags.

Explainable rules over lemmatised words and, for the form, a small learned model
(form_model.py, since 2026.12.8); no network:

1. The text is read (reading.py): words with spans and lemmas, sentences and clauses,
   the language of each sentence, negation words, Dutch separable verbs.
2. Every pattern of the taxonomy (see data/indicators.toml for the syntax) is looked up
   from its first words in a dictionary built once per process, in the pattern set of
   the sentence's language. A phrase matches within one sentence, word after word; a
   "verb & object" pattern matches its parts in any order within a few words of one
   sentence. Hours, wages and ages written as numbers are read by numbers.py.
3. A match preceded in its clause by a negation ("geen", "niet", "nooit", "zonder",
   "no", "not", "never", "n't", ...) is dropped, unless the pattern itself holds the
   negation ("geen loon"). A counter-signal ("heeft zijn eigen paspoort", "kan gewoon
   weg") cancels the indicators it names; a sentence that rules trafficking out
   ("geen aanwijzingen voor uitbuiting") stops a weak form suggestion.
4. Each form scores the weights of its own indicators. Supporting indicators (gifts,
   sector, several phones, ...) count for their form only when it has a core signal
   of its own, and are not shown at all when they stand alone. The general ILO
   indicators add half their weight to labour, and a quarter to another form that has
   a core signal. The top form is suggested when at
   least ``MIN_SIGNALS`` indicators were found and its score reaches
   ``MIN_FORM_SCORE``; another form with clear signals of its own and a score of its
   own is shown next to it, so a report with two forms shows both, each with reasons.
5. For Dutch, English and mixed texts the form model reads the whole text too, and the
   form comes from both (``_model_forms``). The indicator models (indicator_model.py,
   since 2026.12.9) add the indicators the rules did not find that they read with
   enough chance (``_learned``); those never count for the form.

Every match keeps the spans of its content words, so the screen shows what caused it.
Suggestions never change data; an advisor accepts or dismisses them (services.py).
The text is never logged or stored here.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from meldpunt.triage.form_model import LANGUAGES as MODEL_LANGUAGES
from meldpunt.triage.form_model import NONE, FormModel, Reading, Weighed, features, form_model
from meldpunt.triage.indicator_model import THRESHOLD, IndicatorModel, indicator_model
from meldpunt.triage.numbers import numeric_signals
from meldpunt.triage.reading import (
    EN_FUNCTION_WORDS,
    LANGUAGE_NEGATIONS,
    MEMO_LIMIT,
    NL_FUNCTION_WORDS,
    PARTICLES,
    PL_FUNCTION_WORDS,
    RO_FUNCTION_WORDS,
    UNREAD_LANGUAGES,
    WORD_RE,
    Sentence,
    Word,
    language_of,
    languages,
    tokenize,
)
from meldpunt.triage.taxonomy import (
    FORMS,
    OWN_FILE_LANGUAGES,
    Taxonomy,
    language_patterns,
    taxonomy,
)

# A phrase's next word comes at most this many words after the previous one.
WINDOW = 3
# The parts of a "verb & object" pattern lie within this many words of each other.
SPAN = 8
# A negation reaches this many words forward within its clause.
NEGATION_REACH = 5
# Matches a negation denied are kept apart; this many different denied indicators and
# none found rule trafficking out.
DENIED = "denied"
DENIED_RULE_OUT = 2
# The negations that negate a separable verb from before its particle.
PARTICLE_NEGATIONS = frozenset({"niet", "nooit"})
# Words that join two clauses a negation reaches over ("geen dwang of uitbuiting").
COORDINATION = frozenset({"of", "or", "noch", "nor"})
# The form score needed before a form is suggested.
MIN_FORM_SCORE = 2.0
# The model names a form the rules do not from this chance on; from NO_FORM_VETO on its
# "no trafficking" overrules a form the rules name (both measured on a set neither had
# learned from, docs/TRIAGE.md).
UNSURE = 0.4
NO_FORM_VETO = 0.7
SECOND_FORM_CHANCE = 0.2
# Where the rules find no signal at all, the model alone names a form only from this
# chance on (since 2026.12.11: on development sets 17 and 18, written after the models were
# trained, a visa question, a romance scam and an undelivered parcel got a form from the
# model alone at 0.4 to 0.8; false forms 0.27 -> 0.18 and 0.14 -> 0.05, one report in a
# hundred lost its right form).
MODEL_ALONE = 0.8
# Another form with a core signal of its own, or any form where the rules' one has none,
# comes first from this chance of the model on (since 2026.12.12: with the models trained
# without each set in turn, 1,022 -> 1,040 of 1,092 trafficking reports got a right top
# form, 4 lost it).
MODEL_PICKS = 0.5
MODEL_MIN_FEATURES = 10
# Another form is shown next to the top one from this share of the top score on, when it
# has this many indicators of its own, or one core indicator of at least this weight.
SECOND_FORM_SHARE = 0.5
SECOND_FORM_SIGNALS = 2
SECOND_FORM_WEIGHT = 2.5
# Shares of a general (ILO) indicator's weight: for labour always, for another form only
# when that form already has a core indicator of its own (it strengthens, never decides).
LABOUR_SHARE = 0.5
GENERAL_SHARE = 0.25
# One signal alone is not enough for a form (signals are indicators, not proof), unless
# it is a strong core indicator found as a phrase of several words.
MIN_SIGNALS = 2
STRONG_WEIGHT = 2.5
# With a sentence that rules trafficking out, a form needs this much more score.
RULED_OUT_FACTOR = 2.0
RULES_OUT = "form"
# This many different counter-signals in one text rule trafficking out as well.
CONTRA_RULE_OUT = 2
# A text that rules trafficking out with this many different counter-signals, or ways of
# saying it ("works for herself", "can stop any time", "her own apartment"; "lesson
# material", "no specific case", "just prevention") needs this factor instead.
CONTRA_STRONG = 3
STRONG_RULED_OUT_FACTOR = 3.0
MINOR = "minor"
# Part of the criminal story told beside it: shown, but not counted for a form. A bank
# card in someone else's hands next to a money-mule signal does not make the text a
# labour case, nor does a debt to a gang or dealer (the street fine) make it debt
# bondage at work.
LENT_OUT = {
    "lab.bank_card_controlled": "crim.money_mule",
    "gen.debt_bondage": "crim.street_fine",
}
# A general indicator found by the same words as its labour twin counts once, as the
# labour one (since 2026.12.5; before, the labour twin was dropped and the general one
# gave labour half its weight): hours are excessive overtime and long hours ("62 uur per
# week", "werkt elke dag"); a wage written as a number far under the minimum is wages
# withheld and "paid far too little" ("3 euro per uur").
# A document kept from a worker is retention of documents and "no access to own
# passport" at once.
SAME_WORDS = {
    "gen.excessive_overtime": "lab.long_hours",
    "gen.wages_withheld": "lab.underpaid_cash",
    "gen.documents_retained": "lab.passport_withheld",
}
# Violence only threatened ("dreigt haar te slaan", "threatens to beat him") is a threat,
# not violence done: these ids skip a match whose clause has a threat word before it.
THREATENED_ONLY = frozenset({"gen.violence", "violence"})
# "Ben je nu in gevaar?", "bij acuut gevaar 112 bellen", "in case of immediate danger":
# the advisor's question or advice, no acute danger (since 2026.12.11).
ACUTE = "acute_danger"
DANGER_WORDS = frozenset({"gevaar", "danger", "nood", "noodgeval", "emergency"})
DANGER_ADJECTIVES = frozenset({"acuut", "acute", "direct", "directe", "immediate", "dreigend"})
IF_DANGER = frozenset({"bij", "indien", "mocht", "als", "if"})
IN_CASE_OF = frozenset({("case", "of"), ("geval", "van")})
THREAT_STEMS = ("dreig", "threat")
TWINS = frozenset(SAME_WORDS.values())
RETELLING_FORMS = frozenset({"sexual", "criminal"})
VULNERABILITY = "gen.vulnerability"
OVERTIME = "gen.excessive_overtime"
LONG_HOURS = "lab.long_hours"
WAGES = "gen.wages_withheld"
UNDERPAID = "lab.underpaid_cash"
EARNINGS = "sex.earnings_handed_over"
# Pay handed over is withheld pay, as the checklist explains "loon ingehouden" ("must hand
# the pay over"): money from clients that goes to someone else is shown as both, with the
# same words, and counts once, as the sexual signal (since 2026.12.16).
HANDED_OVER = {WAGES: EARNINGS}
DOCUMENTS = "gen.documents_retained"
PASSPORT = "lab.passport_withheld"
# Signals that say the text is about work (a labour indicator, or hours or wages).
AT_WORK = frozenset({OVERTIME, WAGES})

# Words that never show as evidence: the function words (negations do show).
FILLER = (NL_FUNCTION_WORDS | EN_FUNCTION_WORDS | PL_FUNCTION_WORDS | RO_FUNCTION_WORDS) - {
    "geen",
    "niet",
    "no",
    "not",
    "nie",
    "nu",
    "bez",
    "fără",
    "fara",
}


@dataclass(frozen=True)
class _PatternWord:
    forms: frozenset[str]
    prefixes: tuple[str, ...]

    def matches(self, word: Word) -> bool:
        if not self.forms.isdisjoint(word.forms):
            return True
        if self.prefixes:
            for form in word.forms:
                if form.startswith(self.prefixes):
                    return True
        return False


Phrase = tuple[_PatternWord, ...]


@dataclass(frozen=True)
class _Pattern:
    """``parts``: each part must occur; a part is one of several phrases (alternatives)."""

    target: str
    kind: str
    text: str
    parts: tuple[tuple[Phrase, ...], ...]
    negated: bool
    # Per part, one pattern word for the first words of all its phrases: a quick test
    # whether a word can start the part at all.
    starts: tuple[_PatternWord, ...] = ()


@dataclass
class Match:
    """One indicator (or urgency flag) found, with the words that triggered it."""

    id: str
    patterns: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    # An indicator read by its model instead of the rules (since 2026.12.9): the chance,
    # and the words that weighed most, which are its evidence.
    chance: float | None = None
    weighed: tuple[Weighed, ...] = ()

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
    """What the rules see in a text.

    ``form`` is the top form id, "unknown" or "none"; ``forms`` every form shown, top
    first (a report can show two).
    """

    language: str
    taxonomy_version: str
    words: tuple[Word, ...]
    indicators: tuple[Match, ...]
    form: str
    forms: tuple[str, ...]
    scores: tuple[FormScore, ...]
    urgency: tuple[Match, ...]
    ruled_out: bool = False
    # The learned model's reading (form_model.py), for Dutch, English and mixed texts.
    reading: Reading | None = None
    # The counter-signals that say in so many words that there is no exploitation ("niets
    # aan de hand", "this is not exploitation"): with one, no indicator is suggested (since
    # 2026.12.15).
    said_out: tuple[Match, ...] = ()

    @property
    def form_score(self) -> FormScore | None:
        for score in self.scores:
            if score.form == self.form:
                return score
        return None

    def spans(self) -> list[tuple[int, int]]:
        """All triggering spans, sorted and merged, for highlighting."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(s for m in (*self.indicators, *self.said_out) for s in m.spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def _compile_word(raw: str) -> _PatternWord:
    """One pattern word: "a|b*" matches a, or anything starting with b.

    A word matches a text word written the same, or one whose lemma it is: the base
    form "betalen" reads "betaalt" and "betaald", "take" reads "took". A pattern word
    written inflected means that form only: "betaald" is not "kan betalen", "older"
    is not "old", "lijntje" is not "lijnen", "schulden" is not "een schuld", and
    "wasn't" is never "be". ("=word", once needed for that, still reads the same.)
    """
    forms: set[str] = set()
    prefixes: list[str] = []
    for alternative in raw.lower().split("|"):
        if alternative.endswith("*"):
            prefixes.append(alternative[:-1])
        else:
            forms.add(alternative.removeprefix("="))
    return _PatternWord(forms=frozenset(forms), prefixes=tuple(prefixes))


def _phrases(text: str) -> tuple[Phrase, ...]:
    """A phrase of pattern words ("a|b c") as its alternatives. Alternatives of one word
    stay one pattern word; one of several words ("id|id-kaart") is a phrase of its own."""
    variants: list[list[str]] = [[]]
    for raw in text.split():
        multi = [a for a in raw.split("|") if len(WORD_RE.findall(a)) > 1]
        single = "|".join(
            ("=" if a.startswith("=") else "")
            + WORD_RE.findall(a)[0]
            + ("*" if a.endswith("*") else "")
            for a in raw.split("|")
            if a not in multi and WORD_RE.findall(a)
        )
        options = ([[single]] if single else []) + [WORD_RE.findall(a) for a in multi]
        variants = [v + option for v in variants for option in options]
    return tuple(tuple(_compile_word(raw) for raw in variant) for variant in variants)


def _compile(target: str, kind: str, text: str, lang: str) -> _Pattern:
    """Without "&" the pattern is one phrase; with "&", "|" in a part separates phrases."""
    negations = {"geen", "niet", "nooit", "zonder", "no", "not", "never", "without", "nothing"}
    negations |= LANGUAGE_NEGATIONS.get(lang, frozenset())
    words = {w.lower() for w in WORD_RE.findall(text)}
    negated = bool(words & negations) or any(w.endswith("n't") for w in words)
    if "&" not in text:
        parts: tuple[tuple[Phrase, ...], ...] = (_phrases(text),)
    else:
        parts = tuple(
            tuple(phrase for alternative in part.split("|") for phrase in _phrases(alternative))
            for part in text.split("&")
        )
    starts = tuple(
        _PatternWord(
            forms=frozenset().union(*(phrase[0].forms for phrase in part)),
            prefixes=tuple(p for phrase in part for p in phrase[0].prefixes),
        )
        for part in parts
    )
    return _Pattern(
        target=target, kind=kind, text=text, parts=parts, negated=negated, starts=starts
    )


# Dutch finite verbs that move to the end of a subordinate clause: "mag niet naar
# buiten" is also "dat ze niet naar buiten mag", "heeft haar paspoort" also "dat de
# baas haar paspoort heeft" (since 2026.12.6).
VERB_SECOND = frozenset(
    {
        "mag",
        "mogen",
        "mocht",
        "mochten",
        "moet",
        "moeten",
        "moest",
        "moesten",
        "kan",
        "kunnen",
        "kon",
        "konden",
        "durft",
        "durven",
        "durfde",
        "hoeft",
        "hoeven",
        "wil",
        "willen",
        "wilde",
        "heeft",
        "hebben",
        "houdt",
        "houden",
        "neemt",
        "nam",
        "pakt",
        "pakte",
    }
)


# A pattern that ends in a preposition or a conjunction ("moet betalen voor", "kan weg
# wanneer") or goes on with a subject ("kan ik ...") is no verb cluster to turn around.
NOT_VERB_LAST = frozenset(
    {"aan", "voor", "bij", "met", "op", "in", "van", "wanneer", "als", "jullie", "ik", "je"}
    | {"jij", "hij", "ze", "zij", "we", "wij", "u"}
)


def _verb_last(text: str) -> str | None:
    """The verb-final reading of a plain Dutch pattern that starts with a finite verb
    and goes on with at least two words ("mag niet weg" -> "niet weg mag"), else None."""
    words = text.split()
    if "&" in text or len(words) < 3 or not set(words[0].split("|")) <= VERB_SECOND:
        return None
    ends = set(words[-1].split("|")) | set(words[1].split("|"))
    if ends & NOT_VERB_LAST:
        return None
    return " ".join([*words[1:], words[0]])


# (pattern, part, phrase, needs): ``needs`` holds, for each other word of the phrase and
# each other part written without a prefix, the forms one of which the sentence must
# have; a sentence without them is skipped before any matching (a fast first test).
Entry = tuple[_Pattern, int, int, tuple[frozenset[str], ...]]


@dataclass(frozen=True)
class _Index:
    """Patterns by the first word of each phrase: exact forms, and prefixes by 3 letters."""

    exact: dict[str, tuple[Entry, ...]]
    prefixed: dict[str, tuple[Entry, ...]]
    # Each pattern's place in the data file (by id of the compiled pattern).
    order: dict[int, int] = field(default_factory=dict)
    memo: dict[frozenset[str], tuple[Entry, ...]] = field(default_factory=dict)

    def candidates(self, forms: frozenset[str]) -> tuple[Entry, ...]:
        """(pattern, part, phrase) whose phrase starts with a word of these forms."""
        found = self.memo.get(forms)
        if found is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            probe = Word("", 0, 0, forms, 0, 0, False)
            seen: dict[tuple[int, int, int], Entry] = {}
            for form in forms:
                for entry in self.exact.get(form, ()):
                    seen.setdefault((id(entry[0]), entry[1], entry[2]), entry)
                for entry in self.prefixed.get(form[:3], ()):
                    pattern, part, phrase, _ = entry
                    if pattern.parts[part][phrase][0].matches(probe):
                        seen.setdefault((id(pattern), part, phrase), entry)
            # In the order of the data file, so the same pattern gives the evidence in
            # every process (the forms are a set, whose order changes with the hash seed).
            found = self.memo[forms] = tuple(
                sorted(seen.values(), key=lambda e: (self.order[id(e[0])], e[1], e[2]))
            )
        return found


def _needs(pattern: _Pattern, number: int, phrase: Phrase) -> tuple[frozenset[str], ...]:
    """The forms a sentence must hold for this phrase to start a match of the pattern."""
    needs = [word.forms for word in phrase[1:] if not word.prefixes]
    needs += [
        start.forms
        for other, start in enumerate(pattern.starts)
        if other != number and not start.prefixes
    ]
    # A function word is in nearly every sentence: a need of one comes last, so the first
    # test (the quick one in _find) is a telling one.
    return tuple(sorted(needs, key=lambda forms: not forms.isdisjoint(FILLER)))


def _build_index(patterns: list[_Pattern]) -> _Index:
    exact: dict[str, list[Entry]] = {}
    prefixed: dict[str, list[Entry]] = {}
    for pattern in patterns:
        for number, part in enumerate(pattern.parts):
            for alternative, phrase in enumerate(part):
                first = phrase[0]
                entry = (pattern, number, alternative, _needs(pattern, number, phrase))
                for prefix in first.prefixes:
                    prefixed.setdefault(prefix[:3], []).append(entry)
                for form in first.forms:
                    exact.setdefault(form, []).append(entry)
    return _Index(
        exact={k: tuple(v) for k, v in exact.items()},
        prefixed={k: tuple(v) for k, v in prefixed.items()},
        order={id(pattern): number for number, pattern in enumerate(patterns)},
    )


@cache
def _indexes(version: str) -> dict[str, _Index]:
    """Compiled pattern indexes per language, built once per taxonomy version."""
    tax = taxonomy()
    by_lang: dict[str, list[_Pattern]] = {"nl": [], "en": []}
    sources = [(ind.id, "indicator", ind.patterns_nl, ind.patterns_en) for ind in tax.indicators]
    sources += [(rule.id, "urgency", rule.patterns_nl, rule.patterns_en) for rule in tax.urgency]
    sources += [(c.id, "contra", c.patterns_nl, c.patterns_en) for c in tax.contra]
    for target, kind, patterns_nl, patterns_en in sources:
        by_lang["nl"] += [_compile(target, kind, text, "nl") for text in patterns_nl]
        by_lang["nl"] += [
            _compile(target, kind, text, "nl") for text in map(_verb_last, patterns_nl) if text
        ]
        by_lang["en"] += [_compile(target, kind, text, "en") for text in patterns_en]
    indexes = {
        "nl": _build_index(by_lang["nl"]),
        "en": _build_index(by_lang["en"]),
        "mixed": _build_index(by_lang["nl"] + by_lang["en"]),
    }
    # Issue 17: Polish and Romanian from their own files; no patterns for the others.
    kinds = {ind.id: "indicator" for ind in tax.indicators}
    kinds |= {rule.id: "urgency" for rule in tax.urgency}
    for lang in OWN_FILE_LANGUAGES:
        indexes[lang] = _build_index(
            [
                _compile(target, kinds.get(target, "contra"), text, lang)
                for target, texts in language_patterns(lang).items()
                for text in texts
            ]
        )
    for lang in UNREAD_LANGUAGES:
        indexes[lang] = _build_index([])
    return indexes


def _phrase_at(
    phrase: Phrase,
    words: list[Word],
    start: int,
    *,
    first_known: bool = False,
    within_clause: bool = False,
) -> list[int] | None:
    """Positions of a phrase's words from ``start`` on, within one sentence, else None.

    ``first_known``: the first word is known to match (the index found it).
    ``within_clause``: the phrase may not reach over a clause ("geen zorgen, goed
    salaris" is not "geen salaris").
    """
    if not first_known and not phrase[0].matches(words[start]):
        return None
    positions = [start]
    sentence = words[start].sentence
    for pattern_word in phrase[1:]:
        previous = positions[-1]
        for j in range(previous + 1, min(previous + 1 + WINDOW, len(words))):
            if words[j].sentence != sentence or (
                within_clause and words[j].clause != words[start].clause
            ):
                return None
            if pattern_word.matches(words[j]):
                positions.append(j)
                break
        else:
            return None
    return positions


def _match(entry: Entry, words: list[Word], start: int, sentence: Sentence) -> list[int] | None:
    """Positions of all the pattern's words when the entry's phrase starts at ``start``
    (in ``sentence``)."""
    pattern, part, phrase, _ = entry
    positions = _phrase_at(
        pattern.parts[part][phrase], words, start, first_known=True, within_clause=pattern.negated
    )
    if positions is None:
        return None
    # The other parts lie within SPAN words, in the same sentence: a range of its words.
    near = range(
        max(sentence.first, start - SPAN), min(sentence.last + 1, positions[-1] + SPAN + 1)
    )
    for other, alternatives in enumerate(pattern.parts):
        if other == part:
            continue
        found = _part_near(alternatives, pattern.starts[other], words, near, positions, pattern)
        if found is None:
            return None
        positions += found
    return sorted(positions)


def _part_near(
    alternatives: tuple[Phrase, ...],
    start_word: _PatternWord,
    words: list[Word],
    near: range,
    taken: list[int],
    pattern: _Pattern,
) -> list[int] | None:
    """Positions of the first of a part's phrases found in ``near``, from the left, that
    starts at a word not ``taken`` yet."""
    for j in near:
        if j in taken or not start_word.matches(words[j]):
            continue
        for alternative in alternatives:
            hit = _phrase_at(alternative, words, j, within_clause=pattern.negated)
            if hit is not None:
                return hit
    return None


def _is_negated(pattern: _Pattern, words: list[Word], positions: list[int]) -> bool:
    """A negation word before a matched word, in its clause and within reach. A clause
    opened by "of", "or", "noch", "nor" is coordinated with the one before it, so the
    negation reaches on: "geen uitbuiting of prostitutie", "not locked in or beaten"."""
    if pattern.negated:
        return False
    matched = set(positions)
    for position in positions:
        clause = words[position].clause
        for j in range(position - 1, max(-1, position - 1 - NEGATION_REACH), -1):
            if words[j].clause != clause:
                if words[j + 1].text.lower() not in COORDINATION:
                    break
                clause = words[j].clause
            if words[j].negation and j not in matched and not _not_only(words, j):
                return True
    return any(_negated_particle(words, p) for p in positions)


def _negated_particle(words: list[Word], position: int) -> bool:
    """Dutch negates a separable verb between its object and the particle that ends the
    clause: "houdt haar paspoort niet in", "neemt zijn paspoort niet af" (since 2026.12.9).
    Only "niet" and "nooit": "houden niets over" is the signal, not its negation."""
    clause = words[position].clause
    last = position
    while last + 1 < len(words) and words[last + 1].clause == clause:
        last += 1
    return (
        last - 1 > position
        and words[last].text.lower() in PARTICLES
        and words[last - 1].text.lower() in PARTICLE_NEGATIONS
        and not _not_only(words, last - 1)
    )


def _only_threatened(pattern: _Pattern, words: list[Word], positions: list[int]) -> bool:
    """A threat word ("dreigt", "threatened") earlier in the clause of the first word."""
    if pattern.target not in THREATENED_ONLY:
        return False
    first = min(positions)
    clause = words[first].clause
    for j in range(first - 1, -1, -1):
        if words[j].clause != clause:
            return False
        if any(form.startswith(THREAT_STEMS) for form in words[j].forms):
            return True
    return False


def _not_only(words: list[Word], j: int) -> bool:
    """ "niet alleen ... maar ook", "not only": no negation of what follows; nor is "not
    enough", "niet genoeg" ("if it is not enough he is angry", since 2026.12.6)."""
    after = {"alleen", "only", "just", "tylko", "doar", "numai", "enough", "genoeg"}
    return j + 1 < len(words) and words[j + 1].text.lower() in after


def _evidence(words: list[Word], positions: list[int]) -> list[tuple[int, int]]:
    """Spans of the matched words that carry meaning (no "met", "van", "moet")."""
    spans = [
        (words[p].start, words[p].end) for p in positions if words[p].text.lower() not in FILLER
    ]
    return spans or [(words[p].start, words[p].end) for p in positions]


def _score_forms(tax: Taxonomy, found: dict[str, Match]) -> list[FormScore]:
    counted = _counted(found)
    indicators = [tax.indicator(i) for i in counted]
    general = [ind for ind in indicators if ind.form is None]
    scores = []
    for form in FORMS:
        core = [ind for ind in indicators if ind.form == form and not ind.supporting]
        support = [ind for ind in indicators if ind.form == form and ind.supporting]
        if not core and (form != "labour" or not general):
            continue
        share = LABOUR_SHARE if form == "labour" else GENERAL_SHARE
        reasons = [FormReason(ind.id, ind.weight) for ind in core]
        if core or form == "labour":
            reasons += [FormReason(ind.id, ind.weight) for ind in support if core]
            reasons += [FormReason(ind.id, round(ind.weight * share, 2)) for ind in general]
        reasons.sort(key=lambda r: (-r.weight, r.indicator_id))
        scores.append(
            FormScore(
                form=form, score=round(sum(r.weight for r in reasons), 2), reasons=tuple(reasons)
            )
        )
    # In a sexual or criminal story whose only labour signs restate general ones (long
    # hours, a passport kept, pay far too low), those signs tell how that exploitation
    # works: labour is shown after that form, never before it (since 2026.12.7).
    cored = set(_form_of(tax, counted, core=True))
    retold = bool(cored & RETELLING_FORMS) and "labour" not in cored
    scores.sort(key=lambda s: (retold and s.form == "labour", -s.score, -len(s.reasons), s.form))
    return scores


def _counted(found: dict[str, Match]) -> list[str]:
    """The indicators that count for a form: of two that tell one story, one."""
    counted = []
    for indicator, match in found.items():
        if indicator in LENT_OUT and LENT_OUT[indicator] in found:
            continue
        twins = (found.get(table.get(indicator, "")) for table in (SAME_WORDS, HANDED_OVER))
        if any(twin is not None and set(match.spans) <= set(twin.spans) for twin in twins):
            continue
        counted.append(indicator)
    return counted


def _enough(tax: Taxonomy, found: dict[str, Match], score: float) -> bool:
    """At least ``MIN_SIGNALS`` indicators, or one strong core indicator found as a phrase
    of several words ("bankpas verhuren"), never as one word alone. A supporting
    indicator (a sector, gifts) is a second signal only when the score is above the
    minimum: "werkt bij een bakkerij" beside one signal that just reaches it is not a form."""
    counted = _counted(found)
    core = [i for i in counted if not tax.indicator(i).supporting]
    if len(core) >= MIN_SIGNALS or (len(counted) >= MIN_SIGNALS and score > MIN_FORM_SCORE):
        return True
    match = found[counted[0]]
    indicator = tax.indicator(match.id)
    return (
        indicator.form is not None
        and not indicator.supporting
        and indicator.weight >= STRONG_WEIGHT
        and len(match.spans) >= 2
    )


def _choose_forms(
    tax: Taxonomy, scores: list[FormScore], found: dict[str, Match], contra: int, ruled_out: bool
) -> tuple[str, tuple[str, ...]]:
    if not found:
        return "none", ()
    factor = 1.0
    if ruled_out:
        factor = STRONG_RULED_OUT_FACTOR if contra >= CONTRA_STRONG else RULED_OUT_FACTOR
    needed = MIN_FORM_SCORE * factor
    if not scores or scores[0].score < needed or not _enough(tax, found, scores[0].score):
        return ("none" if ruled_out else "unknown"), ()
    top = scores[0]
    shown = [top.form]
    for score in scores[1:]:
        own = [tax.indicator(r.indicator_id) for r in score.reasons]
        own = [ind for ind in own if ind.form == score.form]
        strong = len(own) >= SECOND_FORM_SIGNALS or any(
            not ind.supporting and ind.weight >= SECOND_FORM_WEIGHT for ind in own
        )
        if strong and score.score >= max(needed, top.score * SECOND_FORM_SHARE):
            shown.append(score.form)
    return top.form, tuple(shown)


@dataclass(frozen=True)
class RulesRead:
    """What the rules made of a text, for ``_model_forms``: their form and forms shown,
    the forms they found a signal (``own``) or a core signal (``cored``) of their own for,
    and whether the text rules trafficking out, or some forms by name."""

    form: str
    forms: tuple[str, ...]
    own: frozenset[str]
    cored: frozenset[str]
    ruled_out: bool
    named_out: frozenset[str]


def _model_forms(reading: Reading, rules: RulesRead) -> tuple[str, tuple[str, ...]]:
    """The rules' form and the model's reading together (since 2026.12.8).

    - A text that rules trafficking out gets no form.
    - A form the rules name stays, unless the model reads no trafficking with a chance of
      ``NO_FORM_VETO`` or more; or (since 2026.12.12) the model gives another form the
      rules found a core signal of its own for (``cored``) a chance of ``MODEL_PICKS``, or
      the rules' form has no such signal (labour from general signals only) and the model
      gives any other form that chance: then the model's form comes first.
    - Where the rules name no form, the model's top form decides when its chance is at
      least ``UNSURE`` (``MODEL_ALONE`` where the rules found no signal at all); below, the
      rules' answer stands, and their "unknown" turns into "none" only at
      ``NO_FORM_VETO``.
    - Next to the top form every other form is shown that the rules show, or that the
      model gives ``SECOND_FORM_CHANCE`` and the rules found a signal of that form for
      (``own``, not a general one), so each comes with evidence of its own.
    - A form the text rules out by name (``named_out``) is never read.

    Measured on sets that neither the rules nor the model had learned from: the rules'
    form wins more often than the model's where both name one, the model where the rules
    name none (docs/TRIAGE.md); with the models trained without each set in turn, the
    model's choice among the forms with a core signal was right more often (2026.12.12).
    """
    form, forms = rules.form, rules.forms
    chances = reading.probabilities
    ranked = [(c, p) for c, p in reading.ranked() if c not in rules.named_out]
    top, chance = ranked[0]
    if rules.ruled_out:
        return "none", ()
    if form in FORMS:
        if top == NONE and chance >= NO_FORM_VETO:
            return "none", ()
        form = next(
            (
                other
                for other, p in ranked
                if other in FORMS
                and other != form
                and p >= MODEL_PICKS
                and (other in rules.cored or form not in rules.cored)
            ),
            form,
        )
    elif chance >= (MODEL_ALONE if form == "none" and top != NONE else UNSURE):
        if top == NONE:
            # Signals too thin for the rules and a model that leans to "no trafficking"
            # still leave it open, unless the model is as sure as for a veto.
            return ("none", ()) if form == "none" or chance >= NO_FORM_VETO else (form, forms)
        form = top
    else:
        return form, forms
    others = sorted(
        (
            other
            for other in FORMS
            if other != form
            and other not in rules.named_out
            and (other in forms or (chances[other] >= SECOND_FORM_CHANCE and other in rules.own))
        ),
        key=lambda other: (other not in forms, -chances[other]),
    )
    return form, (form, *others)


def _form_of(tax: Taxonomy, ids: Iterable[str], *, core: bool = False) -> Iterator[str]:
    """The forms of the indicators ``ids``; with ``core`` only of a core one that is no
    general one restated (not a sector, not the labour twin of a passport kept): a form's
    signal of its own."""
    for indicator in map(tax.indicator, ids):
        if indicator.form is not None and not (
            core and (indicator.supporting or indicator.id in TWINS)
        ):
            yield indicator.form


def _learned(
    model: IndicatorModel,
    found_features: dict[str, list[tuple[int, int]]],
    found: dict[str, Match],
    cancelled: set[str],
) -> list[Match]:
    """The indicators the rules did not find that ``model`` reads with a chance of at least
    ``THRESHOLD``, each with the words that weighed most as its evidence (since 2026.12.9).
    Never one a counter-signal cancelled ("heeft zijn eigen paspoort"); the caller asks
    for none in a text that rules trafficking out."""
    read = []
    for indicator, chance in model.chances(found_features).items():
        if chance < THRESHOLD or indicator in found or indicator in cancelled:
            continue
        weighed = model.reasons(indicator, found_features)
        spans = sorted({span for w in weighed for span in w.spans})
        read.append(Match(indicator, ["model"], spans, chance=chance, weighed=weighed))
    return read


def _drop_lonely_support(tax: Taxonomy, found: dict[str, Match]) -> None:
    """A supporting indicator alone says little ("werkt in een restaurant"): it stays when
    its form has a core indicator, labour also with a general one, or a second
    supporting indicator of the same form (late nights, two phones, new clothes)."""
    indicators = [tax.indicator(i) for i in found]
    for ind in indicators:
        if not ind.supporting:
            continue
        same = [o for o in indicators if o.form == ind.form and o.id != ind.id]
        core = any(not o.supporting for o in same)
        general = ind.form == "labour" and any(o.form is None for o in indicators)
        if not (core or general or same):
            del found[ind.id]


def _minor_is_vulnerable(found: dict[str, Match], urgent: dict[str, Match]) -> None:
    """A minor is vulnerable by definition (ILO indicator "abuse of vulnerability"): the
    words that flag the minor are also the evidence of vulnerability."""
    minor = urgent.get(MINOR)
    if minor is not None:
        _add(found, VULNERABILITY, "minor", minor.spans)


def _overtime_is_long_hours(found: dict[str, Match]) -> None:
    """Excessive overtime (the ILO signal) is also the labour item "long hours", with the
    same words, however it was written ("62 uur per week", "werkt elke dag")."""
    overtime = found.get(OVERTIME)
    if overtime is not None:
        _add(found, LONG_HOURS, overtime.patterns[0], overtime.spans)


def _low_wage_is_underpaid(found: dict[str, Match], spans: list[tuple[int, int]]) -> None:
    """A wage written as a number far under the minimum ("3 euro per uur", "20 euros a
    day") is also the labour item "paid far too little", with the same words."""
    if spans and WAGES in found:
        _add(found, UNDERPAID, "#", spans)


def _documents_at_work(tax: Taxonomy, found: dict[str, Match]) -> None:
    """Documents kept from someone in a text about work, and not about sex work or crime,
    are also the labour item "no access to own passport", with the same words (however
    the keeper is named: "de man die hem ophaalde hield zijn paspoort")."""
    documents = found.get(DOCUMENTS)
    forms = {tax.indicator(i).form for i in found if not tax.indicator(i).supporting}
    at_work = any(i.startswith("lab.") or i in AT_WORK for i in found)
    if documents is not None and at_work and not forms & {"sexual", "criminal"}:
        _add(found, PASSPORT, documents.patterns[0], documents.spans)


def _earnings_are_wages(found: dict[str, Match], cancelled: set[str]) -> None:
    """Earnings from clients handed over are also pay withheld, with the same words, unless
    a counter-signal lifts withheld pay ("she is paid correctly")."""
    earnings = found.get(EARNINGS)
    if earnings is not None and WAGES not in cancelled:
        _add(found, WAGES, earnings.patterns[0], earnings.spans)


def _add(bucket: dict[str, Match], target: str, label: str, spans: list[tuple[int, int]]) -> None:
    match = bucket.setdefault(target, Match(id=target))
    if label not in match.patterns:
        match.patterns.append(label)
    for span in spans:
        if span not in match.spans:
            match.spans.append(span)


def _about_danger(text: str, words: list[Word], parts: list[Sentence]) -> set[int]:
    """The sentences that ask about danger ("Ben je nu in gevaar?") or say what to do in
    case of it ("bij acuut gevaar 112 bellen", "in case of immediate danger"): they flag
    no acute danger."""
    about = set()
    for k, sentence in enumerate(parts):
        own = words[sentence.first : sentence.last + 1]
        asked = text[own[-1].end :].lstrip(" \t\"'”’»)").startswith("?")
        for j, word in enumerate(own):
            if word.text.lower() not in DANGER_WORDS:
                continue
            before = j - 1
            while before >= 0 and own[before].text.lower() in DANGER_ADJECTIVES:
                before -= 1
            prev = own[before].text.lower() if before >= 0 else ""
            prev2 = own[before - 1].text.lower() if before >= 1 else ""
            if asked or prev in IF_DANGER or (prev2, prev) in IN_CASE_OF:
                about.add(k)
    return about


def _find(
    words: list[Word], parts: list[Sentence], about_danger: set[int]
) -> dict[str, dict[str, Match]]:
    """Matches per kind ("indicator", "urgency", "contra"), sentence by sentence, and the
    indicators a negation denied ("denied": "niet opgesloten", "no debt"); no acute
    danger in a sentence ``about_danger``."""
    indexes = _indexes(taxonomy().version)
    buckets: dict[str, dict[str, Match]] = {
        "indicator": {},
        "urgency": {},
        "contra": {},
        DENIED: {},
    }
    for k, sentence in enumerate(parts):
        index = indexes[sentence.language]
        if sentence.language == "ro":  # "nu" negates in Romanian only (Dutch "now")
            for i in range(sentence.first, sentence.last + 1):
                if words[i].text.lower() == "nu":
                    words[i] = words[i]._replace(negation=True)
        present = frozenset().union(*(w.forms for w in words[sentence.first : sentence.last + 1]))
        for i in range(sentence.first, sentence.last + 1):
            for entry in index.candidates(words[i].forms):
                needs = entry[3]
                # Most entries need one word; the others are tested only when it is there.
                if needs and needs[0].isdisjoint(present):
                    continue
                if len(needs) > 1 and any(map(present.isdisjoint, needs[1:])):
                    continue
                pattern = entry[0]
                if pattern.target == ACUTE and k in about_danger:
                    continue
                known = buckets[pattern.kind].get(pattern.target)
                # A counter-signal keeps every pattern it is found by: how many different
                # ones a text has decides how much it rules out.
                if known is not None and (
                    pattern.kind != "contra" or pattern.text in known.patterns
                ):
                    continue
                positions = _match(entry, words, i, sentence)
                if positions is None or _only_threatened(pattern, words, positions):
                    continue
                if _is_negated(pattern, words, positions):
                    if pattern.kind == "indicator":
                        _add(buckets[DENIED], pattern.target, pattern.text, [])
                    continue
                _add(
                    buckets[pattern.kind], pattern.target, pattern.text, _evidence(words, positions)
                )
    return buckets


def _cancels_only(tax: Taxonomy, rule_id: str, kind: Callable[[str], bool]) -> bool:
    """Whether a counter-signal cancels something, and only things of ``kind``."""
    cancels = tax.contra_rule(rule_id).cancels
    return bool(cancels) and all(map(kind, cancels))


def _is_form(target: str) -> bool:
    return target in FORMS


# "De leerling zegt zelf dat er niets aan de hand is", "she says herself it's fine": the
# person it is about denies it, as victims of lover boys do; that rules nothing out
# (development set 25, since 2026.12.14). The reporter's own "niets aan de hand" does.
OWN_DENIAL_RE = re.compile(
    r"(?i)\b(?:zegt|zei|zeggen|zeiden|vindt|vond|says|said|insists?|insisted)\s+"
    r"(?:zelf|herself|himself|themselves)\b[^.!?\n]*$"
)
# How far back in its sentence a counter-signal's word looks for that denial.
DENIAL_REACH = 200


def _rules_out(tax: Taxonomy, rule_id: str) -> bool:
    """Whether the counter-signal ``rule_id`` rules trafficking out ("niets aan de hand")."""
    return RULES_OUT in tax.contra_rule(rule_id).cancels


def _drop_own_denial(tax: Taxonomy, text: str, contra: dict[str, Match]) -> None:
    """Drop every counter-signal that rules trafficking out whose words all follow, in
    their sentence, the person's own denial."""
    for rule_id, match in list(contra.items()):
        if _rules_out(tax, rule_id) and all(
            OWN_DENIAL_RE.search(text, max(0, at - DENIAL_REACH), at) for at, _ in match.spans
        ):
            del contra[rule_id]


def _forms_named_out(tax: Taxonomy, contra: dict[str, Match]) -> frozenset[str]:
    """The forms a text rules out by name ("criminele uitbuiting, geen arbeidsuitbuiting",
    since 2026.12.12). The general "geen ... uitbuiting" read in the same words is no
    ruling out of every form: it is dropped from ``contra``."""
    named = {
        rule_id: match for rule_id, match in contra.items() if _cancels_only(tax, rule_id, _is_form)
    }
    covered = {span for match in named.values() for span in match.spans}
    for rule_id, match in list(contra.items()):
        if _rules_out(tax, rule_id) and set(match.spans) <= covered:
            del contra[rule_id]
    return frozenset(form for rule_id in named for form in tax.contra_rule(rule_id).cancels)


def suggest(
    text: str, model: FormModel | None = None, learned: IndicatorModel | None = None
) -> Suggestion:
    """Indicators, suggested forms with reasons, and urgency flags for ``text``; the form
    from ``model`` and more indicators from ``learned`` (the shipped ones unless given)
    for the languages they read."""
    tax = taxonomy()
    words = tokenize(text)
    language, parts = languages(words)
    buckets = _find(words, parts, _about_danger(text, words, parts))
    found, urgent = buckets["indicator"], buckets["urgency"]
    low_wages = []
    for target, span in numeric_signals(text):
        _add(urgent if tax.is_urgency(target) else found, target, "#", [span])
        if target == WAGES:
            low_wages.append(span)
    _minor_is_vulnerable(found, urgent)
    _overtime_is_long_hours(found)
    _low_wage_is_underpaid(found, low_wages)
    _documents_at_work(tax, found)
    contra = buckets["contra"]
    _drop_own_denial(tax, text, contra)
    named_out = _forms_named_out(tax, contra)
    # A counter-signal that only lifts an urgency flag ("geen direct gevaar", since
    # 2026.12.6) or rules out one form by name says nothing about whether the text is
    # trafficking.
    telling = {
        rule_id: match
        for rule_id, match in contra.items()
        if not _cancels_only(tax, rule_id, tax.is_urgency)
        and not _cancels_only(tax, rule_id, _is_form)
    }
    # Two or more different counter-signals ("eigen paspoort", "eigen bankrekening",
    # "cao-loon") together rule trafficking out, like "geen aanwijzingen voor uitbuiting".
    ruled_out = len(telling) >= CONTRA_RULE_OUT
    cancelled: set[str] = set()
    said_out = tuple(match for rule_id, match in contra.items() if _rules_out(tax, rule_id))
    ruled_out |= bool(said_out)
    for contra_id in contra:
        cancels = tax.contra_rule(contra_id).cancels
        cancelled.update(cancels)
        for target in cancels:
            found.pop(target, None)
            urgent.pop(target, None)
    # A text that says itself that there is no exploitation names signals only to say
    # they are not what they seem ("I keep all my money"): on every non-frozen set, the
    # ones found there were wrong 3 times in 4 (since 2026.12.15).
    if said_out:
        found.clear()
    _drop_lonely_support(tax, found)
    # After the lonely supporting signals are gone: earnings handed over without a core
    # signal of sexual exploitation give no withheld pay either.
    _earnings_are_wages(found, cancelled)
    # A text that names signals only to deny them ("she is not threatened, never locked in,
    # has no debt") rules trafficking out too: the model, which does not read negation as
    # the rules do, may not give it a form (since 2026.12.9).
    ruled_out |= not found and len(buckets[DENIED].keys() - cancelled) >= DENIED_RULE_OUT
    order = tax.order
    scores = _score_forms(tax, found)
    if named_out:
        scores = [score for score in scores if score.form not in named_out]
        # The form the signals were for is ruled out, and no other has any.
        ruled_out |= not scores
    strength = sum(len(match.patterns) for match in telling.values())
    form, forms = _choose_forms(tax, scores, found, strength, ruled_out)
    reading = None
    read: list[Match] = []
    if language in MODEL_LANGUAGES:
        found_features = features(text, words)
        reading = (model or form_model()).read_features(found_features)
        # A line or two has too few words the model knows for its chances to say much
        # (they are mostly the classes' shares in training): the rules decide alone.
        if reading.known < MODEL_MIN_FEATURES:
            reading = None
        else:
            rules = RulesRead(
                form=form,
                forms=forms,
                own=frozenset(_form_of(tax, found)),
                cored=frozenset(_form_of(tax, found, core=True)),
                ruled_out=ruled_out,
                named_out=named_out,
            )
            form, forms = _model_forms(reading, rules)
            if not ruled_out:
                read = _learned(learned or indicator_model(), found_features, found, cancelled)
    if language in UNREAD_LANGUAGES and form == "none":
        form = "unknown"  # no patterns for this language: not "no signals" but unread
    return Suggestion(
        language=language,
        taxonomy_version=tax.version,
        words=tuple(words),
        indicators=tuple(sorted([*found.values(), *read], key=lambda m: order[m.id])),
        form=form,
        forms=forms,
        scores=tuple(scores),
        urgency=tuple(sorted(urgent.values(), key=lambda m: order[m.id])),
        ruled_out=ruled_out,
        reading=reading,
        said_out=said_out,
    )


def detect_language(words: list[Word]) -> str:
    """The language of a whole text: "nl", "en", "mixed", "pl", "ro", "bg", "uk" or "ar"
    (see reading.language_of)."""
    return language_of(words)


# Dutch and English words, so the first suggestion loads every language's lemmas.
PRELOAD_TEXT = "Hij moet zijn paspoort afgeven. She was not paid and works 70 hours a week."


def preload() -> None:
    """Load what the first suggestion would (the pattern indexes, both models, the lemma
    dictionaries): a worker does it at start, before it freezes what lives as long as
    it does (config/asgi.py), so no advisor waits for it and no full collection walks
    it."""
    form_model()
    indicator_model()
    suggest(PRELOAD_TEXT)
