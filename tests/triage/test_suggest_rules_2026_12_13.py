"""Issue 14, 2026.12.13: the models learned from development sets 23 and 24 (measured once
with 2026.12.12 before they were read); blind set 14 stays frozen."""

from meldpunt.triage import indicator_model
from meldpunt.triage.evaluation import FROZEN, TRAINING, reports
from meldpunt.triage.form_model import form_model
from meldpunt.triage.taxonomy import taxonomy

NEW_SETS = {"dev23", "dev24"}


def test_the_version_is_raised() -> None:
    """Every decision records the rules and models it was made under: this is 2026.12.13."""
    assert taxonomy().version == "2026.12.13"


def test_development_sets_23_and_24_are_trained_on_and_blind_set_14_is_frozen() -> None:
    """Both models learned from the two development sets and from no frozen set."""
    assert set(TRAINING) >= NEW_SETS
    assert "blind14" in FROZEN
    for trained in (form_model(), indicator_model.indicator_model()):
        assert set(trained.trained_on) >= NEW_SETS
        assert not FROZEN & set(trained.trained_on)
    assert {len(reports(split)) for split in NEW_SETS} == {72}
