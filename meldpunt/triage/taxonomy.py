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

DATA_FILE = Path(__file__).parent / "data" / "indicators.toml"

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
class Taxonomy:
    version: str
    groups: tuple[Group, ...]
    urgency: tuple[UrgencyRule, ...]

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
    ids = [ind.id for g in groups for ind in g.indicators]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: indicator ids must be unique")
    return Taxonomy(version=str(raw["version"]), groups=groups, urgency=urgency)


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
