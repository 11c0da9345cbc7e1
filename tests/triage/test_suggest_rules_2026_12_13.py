"""Issue 14, 2026.12.13: the models learned from development sets 23 and 24 (measured once
with 2026.12.12 before they were read); 25 and 26 wait for the next round; blind set 14
stays frozen. (That no model learned from a frozen set: test_suggest_rules_2026_12_12.)"""

from meldpunt.triage import indicator_model
from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.taxonomy import taxonomy


def test_the_version_is_raised() -> None:
    """Every decision records the rules and models it was made under: this is 2026.12.13."""
    assert taxonomy().version == "2026.12.13"


def test_sets_23_and_24_are_learned_25_and_26_wait_and_blind_14_is_frozen() -> None:
    for trained in (form_model(), indicator_model.indicator_model()):
        assert {"dev23", "dev24"} <= set(trained.trained_on)
        assert not NOT_YET_TRAINED & set(trained.trained_on)
    assert {"dev25", "dev26"} == NOT_YET_TRAINED
    assert "blind14" in FROZEN
