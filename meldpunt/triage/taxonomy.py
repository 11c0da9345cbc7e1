"""The indicator taxonomy: the checklist of signals, read once from data/indicators.toml.

Other apps (phone intake, chat console, case view) render the checklist from here::

    from meldpunt.triage.taxonomy import indicator_choices, taxonomy

    for group in taxonomy().groups:
        group.label, [(ind.id, ind.label) for ind in group.indicators]

Ids are stable; labels follow the active language (``get_language()``).
"""

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from django.utils.translation import get_language

from meldpunt.triage.reading import (
    EN_FUNCTION_WORDS,
    NEGATIONS,
    NL_FUNCTION_WORDS,
    PL_FUNCTION_WORDS,
    RO_FUNCTION_WORDS,
    WORD_RE,
)

DATA_FILE = Path(__file__).parent / "data" / "indicators.toml"

# Words too common to be evidence on their own: a pattern needs at least one other word
# (with the function words of reading.py). "veel mannen" or "moe" alone fired on
# ordinary reports.
WEAK_WORDS = frozenset(
    """
    veel mannen man vrouwen vrouw worden wordt werd moe moet moeten denkt mee laat gaat
    komt werken werkt klanten kind kinderen zoon dochter jongens meisjes geld
    many men man women woman tired clients customers child children son daughter
    money work works working get gets got make makes made go goes take takes
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# Prepositions and conjunctions: no evidence alone either ("mag ... tot" is no restriction
# of movement), for the check of a pattern's readings only (since 2026.12.7).
LINKS = frozenset(
    """
    tot totdat voordat naar aan door over tegen tussen sinds na vanaf of dus
    until till before after into onto from by about over against between since or
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# A reading of common words only this long or shorter is no evidence.
SHORT_READING = 3

FORMS = ("sexual", "labour", "criminal")


def _is_english() -> bool:
    return (get_language() or "nl").startswith("en")


@dataclass(frozen=True)
class Indicator:
    id: str
    group: str
    label_nl: str
    label_en: str
    explanation_nl: str
    explanation_en: str
    weight: float
    patterns_nl: tuple[str, ...]
    patterns_en: tuple[str, ...]
    supporting: bool = False

    @property
    def label(self) -> str:
        return self.label_en if _is_english() else self.label_nl

    @property
    def explanation(self) -> str:
        return self.explanation_en if _is_english() else self.explanation_nl

    @property
    def form(self) -> str | None:
        """The form of exploitation this indicator points to; None for general ones."""
        return self.group if self.group in FORMS else None


@dataclass(frozen=True)
class Group:
    id: str
    label_nl: str
    label_en: str
    indicators: tuple[Indicator, ...]

    @property
    def form(self) -> str | None:
        return self.id if self.id in FORMS else None

    @property
    def label(self) -> str:
        return self.label_en if _is_english() else self.label_nl


@dataclass(frozen=True)
class UrgencyRule:
    id: str
    label_nl: str
    label_en: str
    patterns_nl: tuple[str, ...]
    patterns_en: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.label_en if _is_english() else self.label_nl


@dataclass(frozen=True)
class ContraRule:
    """Words that speak against indicators ("heeft zijn eigen paspoort"): when they occur,
    the indicators in ``cancels`` are dropped; "form" in ``cancels`` means the text rules
    trafficking out, a form's name ("labour") that this form is ruled out, and only this
    one ("geen arbeidsuitbuiting", since 2026.12.12)."""

    id: str
    cancels: tuple[str, ...]
    patterns_nl: tuple[str, ...]
    patterns_en: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    version: str
    groups: tuple[Group, ...]
    urgency: tuple[UrgencyRule, ...]
    contra: tuple[ContraRule, ...] = ()

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(ind for group in self.groups for ind in group.indicators)

    @cached_property
    def _by_id(self) -> dict[str, Indicator]:
        return {ind.id: ind for ind in self.indicators}

    @cached_property
    def order(self) -> dict[str, int]:
        """Position of every indicator and urgency rule id, for a stable display order."""
        ids = [ind.id for ind in self.indicators] + [rule.id for rule in self.urgency]
        return {item: n for n, item in enumerate(ids)}

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id; KeyError when there is none."""
        return self._by_id[indicator_id]

    def is_urgency(self, rule_id: str) -> bool:
        return any(rule.id == rule_id for rule in self.urgency)

    def contra_rule(self, rule_id: str) -> ContraRule:
        for rule in self.contra:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def urgency_rule(self, rule_id: str) -> UrgencyRule:
        for rule in self.urgency:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def _load(path: Path) -> Taxonomy:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    groups = tuple(
        Group(
            id=group["id"],
            label_nl=group["label_nl"],
            label_en=group["label_en"],
            indicators=tuple(
                Indicator(
                    id=ind["id"],
                    group=group["id"],
                    label_nl=ind["label_nl"],
                    label_en=ind["label_en"],
                    explanation_nl=ind["explanation_nl"],
                    explanation_en=ind["explanation_en"],
                    weight=float(ind.get("weight", 1.0)),
                    patterns_nl=tuple(ind.get("nl", ())),
                    patterns_en=tuple(ind.get("en", ())),
                    supporting=bool(ind.get("supporting", False)),
                )
                for ind in group["indicators"]
            ),
        )
        for group in raw["groups"]
    )
    urgency = tuple(
        UrgencyRule(
            id=rule["id"],
            label_nl=rule["label_nl"],
            label_en=rule["label_en"],
            patterns_nl=tuple(rule.get("nl", ())),
            patterns_en=tuple(rule.get("en", ())),
        )
        for rule in raw.get("urgency", ())
    )
    contra = tuple(
        ContraRule(
            id=rule["id"],
            cancels=tuple(rule["cancels"]),
            patterns_nl=tuple(rule.get("nl", ())),
            patterns_en=tuple(rule.get("en", ())),
        )
        for rule in raw.get("contra", ())
    )
    ids = [ind.id for g in groups for ind in g.indicators]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: indicator ids must be unique")
    known = {*ids, *(rule.id for rule in urgency), "form", *FORMS}
    for rule in contra:
        if not set(rule.cancels) <= known:
            raise ValueError(f"{path}: contra rule {rule.id} cancels an unknown id")
    patterned: tuple[Indicator | UrgencyRule, ...] = (
        *(i for g in groups for i in g.indicators),
        *urgency,
    )
    weak = [
        text
        for item in patterned
        for text in (*item.patterns_nl, *item.patterns_en)
        if only_weak_words(text)
    ]
    if weak:
        raise ValueError(f"{path}: patterns of common words only: {weak}")
    return Taxonomy(version=str(raw["version"]), groups=groups, urgency=urgency, contra=contra)


def only_weak_words(pattern: str, extra: frozenset[str] = LINKS) -> bool:
    """True when some short reading of ``pattern`` (up to three words) has no word that
    means something on its own (``extra``: more common words: Dutch and English
    prepositions and conjunctions, or another language's function words). In a "verb &
    object" part "|" separates whole phrases, so "niet naar huis mogen|mag & tot" also
    reads "mag ... tot" and is refused (since 2026.12.7; before, one meaningful word
    anywhere was enough). Four common words or more in a row ("has to go with clients",
    "moet met mannen mee") say something together."""
    common = NL_FUNCTION_WORDS | EN_FUNCTION_WORDS | NEGATIONS | WEAK_WORDS | extra

    def weak(alternative: str) -> bool:
        words = WORD_RE.findall(alternative.lower())
        if alternative.endswith("*") and words and len(words[-1]) >= 4:
            return False
        return all(w in common or w.isdigit() for w in words)

    def shortest_weak(phrase: str) -> int | None:
        """The fewest words of a reading of this phrase with common words only."""
        counts = []
        for raw in phrase.split():
            weak_ones = [a for a in raw.split("|") if weak(a)]
            if not weak_ones:
                return None
            counts.append(min(max(1, len(WORD_RE.findall(a))) for a in weak_ones))
        return sum(counts)

    parts = [pattern] if "&" not in pattern else pattern.split("&")
    total = 0
    for part in parts:
        phrases = [part] if "&" not in pattern else part.split("|")
        found = [n for n in map(shortest_weak, phrases) if n is not None]
        if not found:
            return False
        total += min(found)
    return total <= SHORT_READING


@cache
def taxonomy() -> Taxonomy:
    """The taxonomy, read and checked once per process."""
    return _load(DATA_FILE)


def indicator_choices() -> list[tuple[str, str]]:
    """(id, label) for every indicator, for form fields; labels in the active language."""
    return [(ind.id, ind.label) for ind in taxonomy().indicators]


def grouped_indicator_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices grouped by form, for a checklist with headings (Django's grouped choices)."""
    return [
        (group.label, [(ind.id, ind.label) for ind in group.indicators])
        for group in taxonomy().groups
    ]


# --- Polish and Romanian patterns (issue 17) ----------------------------------------
# data/indicators_pl.toml and data/indicators_ro.toml map ids of indicators, urgency
# rules and counter-signals of indicators.toml to patterns in the same syntax. No
# lemmas: simplemma's Polish dictionary alone adds some 360 MB to a worker, so the
# patterns use prefixes ("paszport*") for the inflected forms.
OWN_FILE_LANGUAGES = ("pl", "ro")


def _load_language(path: Path, tax: Taxonomy) -> dict[str, tuple[str, ...]]:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    patterns = {key: tuple(value) for key, value in raw["patterns"].items()}
    known = {*tax.order, *(rule.id for rule in tax.contra)}
    unknown = sorted(set(patterns) - known)
    if unknown:
        raise ValueError(f"{path}: unknown ids {unknown}")
    common = PL_FUNCTION_WORDS | RO_FUNCTION_WORDS
    weak = [
        text
        for key, texts in patterns.items()
        if key not in {rule.id for rule in tax.contra}
        for text in texts
        if only_weak_words(text, extra=common)
    ]
    if weak:
        raise ValueError(f"{path}: patterns of common words only: {weak}")
    return patterns


@cache
def language_patterns(lang: str) -> dict[str, tuple[str, ...]]:
    """Patterns per id (indicator, urgency or contra) for ``lang`` ("pl" or "ro")."""
    return _load_language(DATA_FILE.with_name(f"indicators_{lang}.toml"), taxonomy())


# --- end of issue 17 ---------------------------------------------------------------
