"""The measured quality of the triage rules and entity extraction may not silently drop.

Floors sit a little below the figures in docs/TRIAGE.md (``manage.py triage_evaluate``).
Raise them when the rules get better; never lower them without saying why in TRIAGE.md.
"""

from functools import cache

import pytest

from meldpunt.triage.evaluation import Results, evaluate, reports
from meldpunt.triage.indicator_model import IndicatorModel

# Since 2026.12.9 indicator models add what the rules miss; they learned every set below
# that is not frozen (with them, indicator recall there is 0.98 to 1.00), so the floors
# measure the rules' indicators alone, or they would check nothing of the rules. What the
# models add on unseen text is measured apart (docs/TRIAGE.md, "The indicator models").
RULES_ONLY = IndicatorModel(version="rules only", indicators=(), bias=(), weights={})


@cache
def results_of(split: str) -> Results:
    """Each set is measured once per test process; the tests only read the results."""
    return evaluate(split, learned=RULES_ONLY)


# set: (form macro precision, form macro recall, indicator precision, indicator recall,
#       entity precision, entity recall)
# Rules 2026.12.15: a text that says itself there is no exploitation gets no indicators;
# on every non-frozen set that drops 173 wrong readings and 54 right ones (writers who
# ticked the worry that led to the report): heldout indicator recall 0.78 -> 0.77, dev11
# 0.69 -> 0.68.
# Rules 2026.12.7 (issue 14, tuned on blind7 and all development sets; floors raised where
# the measurement rose: blind indicators, blind2 form, blind4 indicator recall, dev8
# indicators, blind7 everything; blind5, frozen, form correct 0.81 -> 0.79 in aggregate).
# Rules 2026.12.6 (issue 14, tuned on blind6 and all development sets; floors raised where
# the measurement rose: indicator recall on heldout, blind, blind2, blind3, blind4, dev8
# to dev10 and blind6; blind5 and pl, not tuned on, rose too).
# Rules 2026.12.4 (issue 14, tuned on the six development sets and dev6; blind2 form
# recall 0.58 -> 0.75, indicator recall 0.62 -> 0.71).
# Rules 2026.12.3 (issue 14, tuned on blind4; blind5 measured once before and once after).
# Rules 2026.12.2 (issue 14, tuned on blind3). Indicator precision on the first four sets
# fell (development 0.81 -> 0.75, heldout 0.76 -> 0.68, blind 0.79 -> 0.69): their labels
# were written by the author of the rules, who never ticks "abuse of vulnerability" for a
# minor nor "long hours" beside "excessive overtime"; the two writers who never read the
# rules (blind3, blind4) do, and the rules now follow them (docs/TRIAGE.md).
# Rules 2026.12.19: development indicator precision 0.720 -> 0.718: someone else holding a
# person's DigiD is read as control of the bank (on every non-frozen set 3 right, 1 wrong:
# the development set's author did not tick it).
FLOORS = {
    "development": (0.95, 0.95, 0.71, 0.90, 0.97, 0.97),
    # 2026.12.5: heldout indicator precision 0.65 -> 0.64; its author never ticks the
    # specific twins ("paid far too little", "no access to own passport") the rules now add.
    # 2026.12.11: heldout indicator recall 0.81 -> 0.79; working "via een bureau" is no
    # longer read as recruitment on false promises (on all training sets 14 false and 4
    # true readings), and its author ticked it.
    "heldout": (0.95, 0.80, 0.63, 0.77, 0.97, 0.97),
    # 2026.12.25: blind indicator recall 0.84 -> 0.83; a car wash is no sector the
    # indicator lists, and "poetsen" went as a sector word (on all training sets 1 true
    # and 4 false readings), and this set's author ticked it once.
    "blind": (0.95, 0.95, 0.71, 0.83, 0.97, 0.97),
    "blind2": (0.95, 0.90, 0.63, 0.76, 0.97, 0.97),
    "blind3": (0.95, 0.83, 0.79, 0.80, 0.97, 0.97),
    "blind4": (0.97, 0.95, 0.72, 0.72, 0.97, 0.97),
    # Rules 2026.12.4: development set 6, the issue's list in words of the rules' author.
    "dev6": (0.95, 0.90, 0.82, 0.82, 0.97, 0.97),
    # Rules 2026.12.5: development set 7, written before any rule changed, then tuned on.
    "dev7": (0.95, 0.95, 0.83, 0.93, 0.97, 0.97),
    # Development set 8, written after the first rules of 2026.12.5, then tuned on.
    "dev8": (0.95, 0.95, 0.80, 0.78, 0.97, 0.97),
    # Development set 9, written after the second round of 2026.12.5, then tuned on.
    "dev9": (0.90, 0.90, 0.82, 0.73, 0.97, 0.97),
    # Development set 10, written after the last round of 2026.12.5, measured once; tuned
    # on from 2026.12.6.
    "dev10": (0.95, 0.85, 0.73, 0.79, 0.97, 0.97),
    # blind5: frozen, never read; measured in aggregate with 2026.12.6 (docs/TRIAGE.md).
    "blind5": (0.86, 0.78, 0.73, 0.56, 0.95, 0.93),
    # blind6: blind for 2026.12.4 and 2026.12.5, read and tuned on from 2026.12.6.
    "blind6": (0.95, 0.90, 0.71, 0.75, 0.97, 0.97),
    # blind7: written by someone who never read the rules; measured blind with 2026.12.5
    # and once with 2026.12.6 (3 December 2026), then read and tuned on from 2026.12.7.
    "blind7": (0.95, 0.88, 0.69, 0.69, 0.97, 0.97),
    # Development sets 11 and 12: written by two helpers who never read the rules, measured
    # once with 2026.12.9, trained on from 2026.12.10; the rules were not tuned on them.
    "dev11": (0.95, 0.95, 0.73, 0.68, 0.97, 0.97),
    "dev12": (0.95, 0.95, 0.77, 0.62, 0.97, 0.95),
    # Development sets 13 and 14: written by two helpers who never read the rules, measured
    # once with 2026.12.10's rules and models, then tuned and trained on (2026.12.11).
    "dev13": (0.87, 0.85, 0.81, 0.60, 0.97, 0.97),
    "dev14": (0.95, 0.95, 0.77, 0.55, 0.97, 0.97),
    # Development sets 15 and 16, the same, written after 2026.12.11's first rules.
    "dev15": (0.92, 0.92, 0.81, 0.65, 0.97, 0.97),
    "dev16": (0.95, 0.95, 0.81, 0.69, 0.97, 0.97),
    # Development sets 17 and 18, the same, written after 2026.12.11's second round.
    "dev17": (0.86, 0.84, 0.75, 0.58, 0.97, 0.97),
    "dev18": (0.84, 0.82, 0.78, 0.60, 0.97, 0.97),
    # Development set 19, written after 2026.12.11 was measured on blind 11; trained on from
    # 2026.12.12.
    "dev19": (0.92, 0.92, 0.75, 0.64, 0.97, 0.97),
    # Development sets 20 to 22, written before 2026.12.12, measured once, then tuned and
    # trained on (2026.12.12).
    "dev20": (0.95, 0.95, 0.77, 0.62, 0.97, 0.97),
    "dev21": (0.95, 0.95, 0.79, 0.60, 0.97, 0.97),
    "dev22": (0.92, 0.92, 0.76, 0.65, 0.97, 0.97),
    # Issue 17: Polish and Romanian. The dev sets are tuned on; pl and ro are frozen,
    # written by someone who never read the rules and measured once (docs/TRIAGE.md).
    "pl_dev": (0.95, 0.95, 0.90, 0.93, 0.97, 0.97),
    "ro_dev": (0.95, 0.95, 0.90, 0.93, 0.97, 0.97),
    "pl": (0.95, 0.48, 0.72, 0.43, 0.97, 0.85),
    "ro": (0.78, 0.50, 0.69, 0.46, 0.97, 0.76),
}
# The issue's own figures (share of trafficking reports with a right top form, at least;
# share of non-trafficking reports given a form, at most; precision and recall of the
# "minor" flag, at least). blind3: tuned on from 2026.12.2. blind4: measured once before
# (2026.12.1) and once after (2026.12.2) the rule changes, tuned on from 2026.12.3.
# blind5: frozen, measured with 2026.12.2 before any rule changed and once with 2026.12.3,
# never read; measured once more with 2026.12.4, 2026.12.5 and 2026.12.6. blind6: frozen,
# measured with 2026.12.3 before any rule changed and once with 2026.12.4 and 2026.12.5,
# never read; read and tuned on from 2026.12.6. blind7: measured with 2026.12.5 before
# any rule changed and once with 2026.12.6 while frozen; read and tuned on from 2026.12.7.
ISSUE_FIGURES = {
    "blind3": {"form correct": 0.83, "false form": 0.05, "minor P": 0.95, "minor R": 0.95},
    "blind4": {"form correct": 0.95, "false form": 0.05, "minor P": 0.95, "minor R": 0.95},
    "blind5": {"form correct": 0.79, "false form": 0.15, "minor P": 0.95, "minor R": 0.85},
    "blind6": {"form correct": 0.90, "false form": 0.05, "minor P": 0.95, "minor R": 0.88},
    "blind7": {"form correct": 0.88, "false form": 0.05, "minor P": 0.95, "minor R": 0.95},
}


def test_the_sets_are_big_and_varied_enough() -> None:
    """At least 60 development reports in Dutch, English and mixed, over every form and
    none; at least 80 in the frozen blind set; no id twice within a set."""
    dev = reports("development")
    assert len(dev) >= 60
    assert {r.language for r in dev} == {"nl", "en", "mixed"}
    assert {r.form for r in dev} == {"sexual", "labour", "criminal", "none"}
    for split in FLOORS:
        ids = [r.id for r in reports(split)]
        assert len(ids) == len(set(ids)), split
    assert len(reports("blind3")) >= 80
    assert len(reports("blind4")) >= 80
    assert len(reports("blind5")) >= 80
    assert len(reports("blind6")) >= 80
    assert len(reports("blind7")) >= 80
    assert len(reports("blind10")) >= 80
    assert len(reports("blind11")) >= 80
    assert len(reports("blind12")) >= 80
    assert len(reports("blind13")) >= 80


@pytest.mark.parametrize("split", list(FLOORS))
def test_figures_stay_above_their_floors(split: str) -> None:
    """Form, indicator and entity precision and recall are each at or above the floor."""
    results = results_of(split)
    measured = (
        results.form_macro_precision,
        results.form_macro_recall,
        results.indicators.precision,
        results.indicators.recall,
        results.entities.precision,
        results.entities.recall,
    )
    for name, value, floor in zip(
        ("form P", "form R", "indicator P", "indicator R", "entity P", "entity R"),
        measured,
        FLOORS[split],
        strict=True,
    ):
        assert value >= floor, f"{split} {name}: {value:.2f} < {floor:.2f}"


@pytest.mark.parametrize("split", list(ISSUE_FIGURES))
def test_issue_figures_stay_at_what_was_measured(split: str) -> None:
    """The issue's own figures on blind3 to blind6 do not drop below the measurement."""
    results = results_of(split)
    floors = ISSUE_FIGURES[split]
    assert results.overall.trafficking_correct.rate >= floors["form correct"]
    assert results.overall.false_form.rate <= floors["false form"]
    assert results.urgency["minor"].precision >= floors["minor P"]
    assert results.urgency["minor"].recall >= floors["minor R"]


def test_the_blind_set_is_frozen() -> None:
    """The command never lists a frozen blind set's misses, so no one tunes on it by
    reading them; blind6 is tuned on from 2026.12.6 and blind7 from 2026.12.7, like
    blind3 and blind4 before them."""
    for split in ("blind5", "blind8", "blind9", "blind10", "blind11", "blind12"):
        results = results_of(split)
        assert results.frozen, split
        assert results.misses == [], split
    assert not results_of("blind6").frozen
    assert not results_of("blind7").frozen


@pytest.mark.parametrize("split", ["pl", "ro"])
def test_the_polish_and_romanian_sets_are_frozen(split: str) -> None:
    """Issue 17: 24 reports each, measured in aggregate only, misses never listed."""
    results = results_of(split)
    assert results.frozen and results.misses == []
    assert len(reports(split)) == 24
    assert {r.language for r in reports(f"{split}_dev")} == {split}
