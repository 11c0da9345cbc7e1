"""meldpunt/triage/indicator_model.py: the reading and the training of the indicator
models (issue 14, since 2026.12.9)."""

import math
from array import array
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from meldpunt.triage import form_model, indicator_model
from meldpunt.triage.form_model import features
from meldpunt.triage.indicator_model import IndicatorModel, train
from meldpunt.triage.reading import tokenize
from meldpunt.triage.taxonomy import taxonomy

PASSPORT = "lab.passport_withheld"
WAGES = "gen.wages_withheld"
MODEL = IndicatorModel(
    version="test",
    indicators=(PASSPORT, WAGES),
    bias=(-2.0, -2.0),
    weights={
        "w=paspoort": array("d", [1.0, -0.5]),
        "w=afgeven": array("d", [0.5, 0.0]),
        "b=paspoort_afgeven": array("d", [2.0, 0.0]),
        "w=eigenaar": array("d", [0.1, 0.3]),
    },
)


def found(text: str) -> dict[str, list[tuple[int, int]]]:
    return features(text, tokenize(text))


def test_a_reading_gives_a_chance_per_indicator_and_the_words_that_pushed_it() -> None:
    """Each indicator's chance is the logistic of its bias and the weights of the text's
    features; its reasons are the features that pushed it up, heaviest first, without a
    word already shown inside a pair, and never one that pushed it down."""
    text = "Ze moesten hun paspoort afgeven aan de eigenaar."
    chances = MODEL.chances(found(text))
    assert chances[PASSPORT] == pytest.approx(1 / (1 + math.exp(2.0 - 3.6)))
    assert chances[WAGES] < 0.5
    assert [w.words(text) for w in MODEL.reasons(PASSPORT, found(text))] == [
        "paspoort afgeven",
        "eigenaar",
    ]
    assert [w.words(text) for w in MODEL.reasons(WAGES, found(text))] == ["eigenaar"]


def test_features_the_models_do_not_know_change_nothing() -> None:
    text = "Ze moesten hun paspoort afgeven aan de eigenaar van de kwekerij."
    assert MODEL.chances(found(text)) == MODEL.chances(found("Paspoort afgeven aan de eigenaar."))


EXAMPLES = [
    ("Hij moest zijn paspoort afgeven op de kwekerij.", frozenset({PASSPORT})),
    ("Zij moest haar paspoort afgeven bij de baas.", frozenset({PASSPORT})),
    ("De baas nam hun paspoort af bij aankomst.", frozenset({PASSPORT})),
    ("Ze krijgt al maanden geen loon van de baas.", frozenset({WAGES})),
    ("Hij krijgt geen loon en moet toch werken.", frozenset({WAGES})),
    ("Ze heeft een eigen huis en een goede baan.", frozenset()),
    ("Hij heeft een vaste baan en een eigen huis.", frozenset()),
]


def test_training_learns_each_indicator_the_same_way_every_time(monkeypatch) -> None:
    """Two trainings on the same reports give the same models; a word of an indicator's
    reports weighs for it; an indicator in fewer than MIN_EXAMPLES reports gets no model.
    (The passport is one the shipped models leave to the rules, NOT_LEARNED: not here.)"""
    monkeypatch.setattr(indicator_model, "MIN_EXAMPLES", 3)
    monkeypatch.setattr(indicator_model, "NOT_LEARNED", frozenset())
    first = train(EXAMPLES, "t", iterations=200)
    assert first == train(EXAMPLES, "t", iterations=200)
    assert first.indicators == (PASSPORT,)
    assert first.weights["w=paspoort"][0] > 0 > first.weights["w=huis"][0]
    assert first.documents == len(EXAMPLES)


def test_the_shipped_models_carry_the_version_and_what_they_learned_from() -> None:
    """data/indicator_model.json carries the taxonomy's version, which every decision
    records; ``manage.py triage_train --check`` (tests/triage/test_form_model.py) holds
    it to what the training sets give."""
    shipped = indicator_model.indicator_model()
    assert shipped.version == taxonomy().version
    assert shipped.documents > 0 and "blind8" not in shipped.trained_on
    assert set(shipped.indicators) <= {ind.id for ind in taxonomy().indicators}


def test_models_that_differ_from_the_training_are_refused(monkeypatch) -> None:
    """A shipped file that is not what the training gives (here: another version) fails
    the check with the file and the difference named."""
    trained = indicator_model.indicator_model()
    monkeypatch.setattr(
        "meldpunt.triage.management.commands.triage_train.train_indicator_model",
        lambda: replace(trained, version=f"{trained.version}x"),
    )
    # The other model is taken as shipped, not trained again: this test is about one file.
    monkeypatch.setattr(
        "meldpunt.triage.management.commands.triage_train.train_model",
        form_model.form_model,
    )
    with pytest.raises(CommandError, match=r"indicator_model\.json.*version"):
        call_command("triage_train", check=True)
