"""Measuring the triage rules and entity extraction against the labelled reports.

Four sets, see docs/TRIAGE.md: data/evaluation.toml ("development", used to tune the
rules); data/evaluation_heldout.toml ("heldout") and data/evaluation_blind.toml
("blind"), each measured blind once and then used for tuning; and
data/evaluation_blind2.toml ("blind2"), never used for tuning. Run
``manage.py triage_evaluate`` for the figures; tests/test_triage_evaluation.py holds
them above agreed floors.
"""

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from meldpunt.linking.extract import extract
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import FORMS

DATA_DIR = Path(__file__).parent / "data"
SETS = {
    "development": "evaluation.toml",
    "heldout": "evaluation_heldout.toml",
    "blind": "evaluation_blind.toml",
    "blind2": "evaluation_blind2.toml",
}
# A suggestion of "unknown" counts as no form, like "none".
NO_FORM = {"none", "unknown"}


@dataclass(frozen=True)
class Report:
    id: str
    language: str
    form: str
    indicators: frozenset[str]
    entities: frozenset[tuple[str, str]]
    text: str


@cache
def reports(split: str = "development") -> tuple[Report, ...]:
    with (DATA_DIR / SETS[split]).open("rb") as handle:
        raw = tomllib.load(handle)["report"]
    return tuple(
        Report(
            id=r["id"],
            language=r["language"],
            form=r["form"],
            indicators=frozenset(r["indicators"]),
            entities=frozenset(
                (kind, value) for kind, values in r.get("entities", {}).items() for value in values
            ),
            text=r["text"],
        )
        for r in raw
    )


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, expected: set | frozenset, found: set | frozenset) -> None:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)


@dataclass
class Results:
    count: int = 0
    forms: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FORMS})
    form_correct: int = 0
    no_trafficking: Tally = field(default_factory=Tally)
    indicators: Tally = field(default_factory=Tally)
    entities: Tally = field(default_factory=Tally)
    entity_kinds: dict[str, Tally] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def form_accuracy(self) -> float:
        return self.form_correct / self.count

    @property
    def form_macro_precision(self) -> float:
        return sum(t.precision for t in self.forms.values()) / len(self.forms)

    @property
    def form_macro_recall(self) -> float:
        return sum(t.recall for t in self.forms.values()) / len(self.forms)


def _one(report_id: str, yes: bool) -> set[str]:
    return {report_id} if yes else set()


def evaluate(split: str = "development") -> Results:
    results = Results()
    for report in reports(split):
        results.count += 1
        suggestion = suggest(report.text)
        predicted = "none" if suggestion.form in NO_FORM else suggestion.form
        results.confusion[(report.form, predicted)] += 1
        if predicted == report.form:
            results.form_correct += 1
        else:
            results.misses.append(f"{report.id}: expected {report.form}, got {suggestion.form}")
        for form, tally in results.forms.items():
            tally.add(_one(report.id, report.form == form), _one(report.id, predicted == form))
        results.no_trafficking.add(
            _one(report.id, report.form == "none"), _one(report.id, predicted == "none")
        )
        results.indicators.add(report.indicators, {m.id for m in suggestion.indicators})
        found = {(e.kind, e.value) for e in extract(report.text)}
        results.entities.add(report.entities, found)
        for kind in {k for k, _ in report.entities | found}:
            results.entity_kinds.setdefault(kind, Tally()).add(
                {e for e in report.entities if e[0] == kind}, {e for e in found if e[0] == kind}
            )
    return results


def _row(name: str, tally: Tally) -> str:
    return f"| {name} | {tally.precision:.2f} | {tally.recall:.2f} |"


def render(results: Results) -> str:
    """The figures as Markdown, the way docs/TRIAGE.md shows them."""
    lines = [f"Reports: {results.count}", "", "| Form | Precision | Recall |", "|---|---|---|"]
    lines += [_row(form, tally) for form, tally in results.forms.items()]
    macro = f"{results.form_macro_precision:.2f} | {results.form_macro_recall:.2f}"
    indicators = results.indicators
    lines += [
        _row("no trafficking", results.no_trafficking),
        f"| macro (3 forms) | {macro} |",
        "",
        f"Form accuracy over all reports: {results.form_accuracy:.2f}",
        "",
        f"Indicators (micro): precision {indicators.precision:.2f}, recall {indicators.recall:.2f}",
        "",
        "| Entity kind | Precision | Recall |",
        "|---|---|---|",
    ]
    lines += [_row(kind, results.entity_kinds[kind]) for kind in sorted(results.entity_kinds)]
    lines.append(_row("all entities", results.entities))
    if results.misses:
        lines += ["", "Form misses:", *[f"- {miss}" for miss in results.misses]]
    return "\n".join(lines)
