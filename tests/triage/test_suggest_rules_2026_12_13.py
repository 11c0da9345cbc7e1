"""Issue 14, 2026.12.13: the models learned from development sets 23 and 24 (measured once
with 2026.12.12 before they were read); blind set 14 stays frozen. (That no model learned
from a frozen set: test_suggest_rules_2026_12_12.)"""

from meldpunt.triage import indicator_model
from meldpunt.triage.evaluation import FROZEN
from meldpunt.triage.form_model import form_model


def test_sets_23_and_24_are_learned_and_blind_14_is_frozen() -> None:
    for trained in (form_model(), indicator_model.indicator_model()):
        assert {"dev23", "dev24"} <= set(trained.trained_on)
    assert "blind14" in FROZEN
