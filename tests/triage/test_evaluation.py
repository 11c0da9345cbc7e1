"""The measured quality of the triage rules and entity extraction may not silently drop.

Floors sit a little below the figures in docs/TRIAGE.md (``manage.py triage_evaluate``).
Raise them when the rules get better; never lower them without saying why in TRIAGE.md.
"""

import pytest

from meldpunt.triage.evaluation import evaluate, reports

# set: (form macro precision, form macro recall, indicator precision, indicator recall,
#       entity precision, entity recall)
# Rules 2026.12.1 (issue 14). heldout fell from 0.83 to 0.78 form recall and from 0.80
# to 0.71 indicator recall: it was tuned into the old vocabulary, and the new rules
# were tuned on the development set only (docs/TRIAGE.md).
FLOORS = {
    "development": (0.95, 0.95, 0.77, 0.87, 0.97, 0.97),
    "heldout": (0.95, 0.74, 0.72, 0.68, 0.97, 0.92),
    "blind": (0.95, 0.95, 0.75, 0.73, 0.97, 0.90),
    "blind2": (0.70, 0.45, 0.62, 0.48, 0.97, 0.85),
    "blind3": (0.76, 0.52, 0.65, 0.44, 0.97, 0.92),
}
# blind3, measured once on rules 2026.12.1 and never tuned on: share of trafficking
# reports with a right top form (at least), share of non-trafficking reports given a
# form (at most), precision and recall of the "minor" flag (at least).
BLIND3 = {"form correct": 0.52, "false form": 0.28, "minor P": 0.95, "minor R": 0.65}


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


@pytest.mark.parametrize("split", list(FLOORS))
def test_figures_stay_above_their_floors(split: str) -> None:
    """Form, indicator and entity precision and recall are each at or above the floor."""
    results = evaluate(split)
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


def test_blind3_issue_figures_stay_at_what_was_measured() -> None:
    """The issue's own figures on the frozen blind set do not drop below the measurement."""
    results = evaluate("blind3")
    assert results.overall.trafficking_correct.rate >= BLIND3["form correct"]
    assert results.overall.false_form.rate <= BLIND3["false form"]
    assert results.urgency["minor"].precision >= BLIND3["minor P"]
    assert results.urgency["minor"].recall >= BLIND3["minor R"]
