"""meldpunt/triage/form_model.py: the features, the reading and the training of the form
model (issue 14, since 2026.12.8)."""

from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from meldpunt.triage import form_model, indicator_model
from meldpunt.triage.form_model import FormModel, features, train
from meldpunt.triage.reading import tokenize
from meldpunt.triage.taxonomy import taxonomy

CLASSES = ("sexual", "labour", "criminal", "none")


def names(text: str) -> set[str]:
    return set(features(text, tokenize(text)))


def test_content_words_and_neighbouring_pairs_are_features() -> None:
    """A content word by its lemma; two neighbouring content words of one clause as a pair;
    function words in between do not part them."""
    found = names("Ze moesten hun paspoorten afgeven aan de baas.")
    assert {"w=paspoort", "w=afgeven", "b=paspoort_afgeven", "w=moeten"} <= found
    assert "w=hun" not in found and "w=aan" not in found


def test_numbers_names_places_and_common_words_are_no_features() -> None:
    """No times, amounts or house numbers; no capitalised word inside a sentence (a name, a
    place, a nationality: the model must not profile); no common word ("mannen", "geld")."""
    found = names("Om 5:00 komen veel Poolse mannen uit Lelystad voor 300 euro geld.")
    assert not {f for f in found if any(c.isdigit() for c in f)}
    assert not {f for f in found if "pools" in f or "lelystad" in f}
    assert "w=mannen" not in found and "w=man" not in found and "w=geld" not in found
    assert "w=euro" in found


def test_the_words_of_a_link_or_an_address_are_no_features() -> None:
    """A domain, a link or an e-mail address names people and places too."""
    found = names(
        "Zie thai-relax-lelystad.nl en https://www.example.com/meiden of mail "
        "kim.almere@example.com voor een afspraak."
    )
    assert not {f for f in found if any(w in f for w in ("lelystad", "thai", "meiden", "kim"))}
    assert "w=afspraak" in found


def test_a_negation_opens_a_pair_but_is_no_feature_alone() -> None:
    """ "niet betaald" is a pair; "niet" alone is nothing, nor does it close a pair."""
    found = names("Hij zegt dat hij niet betaald wordt.")
    assert "b=niet_betaald" in found
    assert "w=niet" not in found
    assert not {f for f in found if f.endswith("_niet")}


def test_a_pair_never_crosses_a_clause() -> None:
    found = names("Hij werkt hard, paspoort kwijt.")
    assert "b=hard_paspoort" not in found


MODEL = FormModel(
    version="test",
    classes=CLASSES,
    bias=(0.0, 0.0, 0.0, 0.0),
    weights={
        "w=paspoort": (0.0, 1.0, 0.0, 0.0),
        "w=afgeven": (0.0, 0.5, 0.0, 0.0),
        "b=paspoort_afgeven": (0.0, 2.0, 0.0, 0.0),
        "w=moeten": (0.2, 0.2, 0.2, 0.2),
    },
)


def test_a_reading_gives_chances_and_the_words_that_pushed_each_form() -> None:
    """Chances add up to one; a form's reasons are the features that pushed it, heaviest
    first; a word inside a pair already shown is not shown again; a feature that pushes
    every class alike is no reason."""
    text = "Ze moesten hun paspoort afgeven aan de baas."  # "moeten": every class alike
    reading = MODEL.read(text, tokenize(text))
    assert sum(reading.probabilities.values()) == pytest.approx(1.0)
    assert reading.ranked()[0][0] == "labour"
    assert [w.words(text) for w in reading.reasons("labour")] == ["paspoort afgeven"]
    assert reading.reasons("sexual") == ()
    assert reading.known == 4


def test_a_pair_far_apart_is_shown_with_its_two_words() -> None:
    text = "Sinds de zomer heeft ze een vriend die haar overlaadt met cadeaus."
    model = FormModel("t", CLASSES, (0.0,) * 4, {"b=zomer_vriend": (1.0, 0.0, 0.0, 0.0)})
    weighed = model.read(text, tokenize(text)).reasons("sexual")
    assert [w.words(text) for w in weighed] == ["zomer … vriend"]


def test_training_learns_the_words_of_each_class_the_same_way_every_time() -> None:
    """Two trainings on the same reports give the same model; the words of a class weigh
    for it; a word in one report only is left out."""
    examples = [
        ("Hij moest zijn paspoort afgeven en werkt op de kwekerij.", "labour"),
        ("Zij moest haar paspoort afgeven en werkt in de kas.", "labour"),
        ("Ze moet klanten ontvangen in een hotel, ze wordt geslagen.", "sexual"),
        ("Ze moet in een hotel op afspraak komen, anders geslagen.", "sexual"),
        ("Hij heeft een eigen huis en een goede baan.", "none"),
        ("Ze heeft een eigen huis en een vaste baan.", "none"),
    ]
    first = train(examples, CLASSES, "t", iterations=200)
    assert first == train(examples, CLASSES, "t", iterations=200)
    assert first.weights["w=paspoort"][1] > max(first.weights["w=paspoort"][i] for i in (0, 2, 3))
    assert first.weights["w=hotel"][0] > first.weights["w=hotel"][1]
    assert "w=kwekerij" not in first.weights
    assert first.documents == 6


def test_the_shipped_model_is_the_one_the_training_sets_give() -> None:
    """data/form_model.json is what ``manage.py triage_train`` makes of the training sets
    now (a set or a feature changed without training anew fails here), and it carries the
    taxonomy's version, which every decision records."""
    call_command("triage_train", check=True)
    assert form_model.form_model().version == taxonomy().version


def test_a_model_that_differs_from_the_training_is_refused(monkeypatch) -> None:
    """A shipped file that is not what the training gives (here: another version) fails
    the check with the difference named."""
    trained = form_model.form_model()
    monkeypatch.setattr(
        "meldpunt.triage.management.commands.triage_train.train_model",
        lambda: replace(trained, version=f"{trained.version}x"),
    )
    # The other model is taken as shipped, not trained again: this test is about one file.
    monkeypatch.setattr(
        "meldpunt.triage.management.commands.triage_train.train_indicator_model",
        indicator_model.indicator_model,
    )
    with pytest.raises(CommandError, match="version"):
        call_command("triage_train", check=True)


def test_a_common_word_is_shown_only_when_nothing_else_weighed() -> None:
    """ "moesten" reads as the common "moeten": a reason it may be, but it is not shown
    beside words that say something (since 2026.12.11); alone it is still shown, so a
    reading never comes without words."""
    text = "Ze moesten hun paspoort afgeven aan de baas."
    model = FormModel("t", CLASSES, (0.0,) * 4, {**MODEL.weights, "w=moeten": (0.0, 3.0, 0.0, 0.0)})
    assert [w.words(text) for w in model.read(text, tokenize(text)).reasons("labour")] == [
        "paspoort afgeven"
    ]
    alone = FormModel("t", CLASSES, (0.0,) * 4, {"w=moeten": (0.0, 3.0, 0.0, 0.0)})
    assert [w.words(text) for w in alone.read(text, tokenize(text)).reasons("labour")] == [
        "moesten"
    ]
