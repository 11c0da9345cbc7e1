"""Issue 14, 2026.12.10: the same rules, the models trained anew with development sets 11
and 12 (144 reports written by two helpers who never read the rules or the models)."""

from meldpunt.triage.evaluation import FROZEN, TRAINING, reports
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model


def test_the_new_sets_are_trained_on_and_no_frozen_set_is() -> None:
    """Both models learned from development sets 11 and 12 and from no frozen set."""
    assert {"dev11", "dev12"} <= set(TRAINING)
    assert not FROZEN & set(TRAINING)
    for model in (form_model(), indicator_model()):
        assert {"dev11", "dev12"} <= set(model.trained_on)
        assert not FROZEN & set(model.trained_on)
    assert len(reports("dev11")) == len(reports("dev12")) == 72
