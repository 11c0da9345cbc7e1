"""The measured quality of the triage rules and entity extraction may not silently drop.

Floors sit a little below the figures in docs/TRIAGE.md (``manage.py triage_evaluate``).
Raise them when the rules get better; never lower them without saying why in TRIAGE.md.
"""

import pytest

from meldpunt.triage.evaluation import evaluate, reports

# set: (form macro precision, form macro recall, indicator precision, indicator recall,
#       entity precision, entity recall)
FLOORS = {
    "development": (0.88, 0.87, 0.69, 0.76, 0.97, 0.85),
    "heldout": (0.95, 0.83, 0.73, 0.80, 0.97, 0.90),
    "blind": (0.95, 0.85, 0.74, 0.72, 0.97, 0.90),
    "blind2": (0.50, 0.30, 0.45, 0.35, 0.97, 0.85),
}


def test_the_sets_are_big_and_varied_enough() -> None:
    """At least 60 development reports in Dutch, English and mixed, over every form and none."""
    dev = reports("development")
    assert len(dev) >= 60
    assert {r.language for r in dev} == {"nl", "en", "mixed"}
    assert {r.form for r in dev} == {"sexual", "labour", "criminal", "none"}
    ids = [r.id for split in FLOORS for r in reports(split)]
    assert len(ids) == len(set(ids))


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
