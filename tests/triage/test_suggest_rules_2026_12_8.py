"""Issue 14, 2026.12.8: the form from the rules and the learned form model together
(suggest._model_forms), tried with models whose chances are set by hand."""

import math

import pytest

from meldpunt.triage.form_model import FormModel, features
from meldpunt.triage.reading import tokenize
from meldpunt.triage.suggest import MODEL_MIN_FEATURES, suggest
from tests.triage.test_suggest_rules_2026_12_3 import POLISH_LABOUR_NL

CLASSES = ("sexual", "labour", "criminal", "none")
# The rules find two signals here but name no form ("unknown").
THIN = (
    "Ze werkt bij een grote bakkerij en wordt elke ochtend door een busje opgehaald. Een "
    "buurvrouw ziet haar vaak huilen bij de bushalte en denkt dat er iets mis is met het werk."
)
RULED_OUT = (
    "De werknemer heeft zijn eigen paspoort en kan gewoon weg wanneer hij wil. Hij krijgt "
    "het cao-loon op zijn eigen rekening en woont in een eigen huurhuis met zijn gezin. "
    "Geen aanwijzingen voor uitbuiting volgens de melder, die alleen advies wil."
)


def model(text: str, **chances: float) -> FormModel:
    """A model that knows every feature of ``text`` with weight zero and gives exactly
    ``chances`` (the rest shared by the other classes)."""
    rest = (1 - sum(chances.values())) / (len(CLASSES) - len(chances))
    return FormModel(
        version="test",
        classes=CLASSES,
        bias=tuple(math.log(chances.get(c, rest)) for c in CLASSES),
        weights={f: (0.0,) * len(CLASSES) for f in features(text, tokenize(text))},
    )


def test_the_texts_read_as_the_tests_below_need() -> None:
    assert suggest(POLISH_LABOUR_NL, model(POLISH_LABOUR_NL, labour=0.1)).form == "labour"
    assert suggest(THIN, model(THIN, none=0.3)).form == "unknown"
    assert len(features(THIN, tokenize(THIN))) >= MODEL_MIN_FEATURES


def test_a_form_the_rules_name_stays_unless_the_model_is_sure_of_no_trafficking() -> None:
    assert suggest(POLISH_LABOUR_NL, model(POLISH_LABOUR_NL, none=0.69)).form == "labour"
    assert suggest(POLISH_LABOUR_NL, model(POLISH_LABOUR_NL, none=0.71)).form == "none"


def test_where_the_rules_name_no_form_a_model_that_is_fairly_sure_does() -> None:
    assert suggest(THIN, model(THIN, labour=0.41)).forms == ("labour",)
    assert suggest(THIN, model(THIN, labour=0.39)).form == "unknown"


def test_thin_signals_turn_to_no_trafficking_only_when_the_model_is_sure() -> None:
    assert suggest(THIN, model(THIN, none=0.6)).form == "unknown"
    assert suggest(THIN, model(THIN, none=0.75)).form == "none"


def test_a_text_that_rules_trafficking_out_gets_no_form_whatever_the_model_says() -> None:
    result = suggest(RULED_OUT, model(RULED_OUT, labour=0.9))
    assert result.ruled_out
    assert (result.form, result.forms) == ("none", ())


def test_a_line_or_two_is_left_to_the_rules() -> None:
    """With fewer known features than MODEL_MIN_FEATURES the chances say little."""
    text = "Hij wordt bedreigd."
    assert len(features(text, tokenize(text))) < MODEL_MIN_FEATURES
    result = suggest(text, model(text, labour=0.95))
    assert result.form == "unknown"
    assert result.reading is None  # so no chance is shown for it either


@pytest.mark.parametrize(("chance", "shown"), [(0.25, True), (0.15, False)])
def test_a_second_form_needs_the_models_chance_and_a_signal_of_its_own(
    chance: float, shown: bool
) -> None:
    """Sexual and criminal signals; the model reads sexual first, criminal at ``chance``."""
    text = (
        "Een meisje van 16 moet van haar loverboy seks hebben met klanten in hotels. "
        "Daarnaast moet ze van hem drugs verkopen op school en geld inleveren. Haar "
        "moeder weet het niet en de school belt de melder vanavond terug."
    )
    result = suggest(text, model(text, sexual=0.7, criminal=chance, labour=0.02))
    assert result.forms[0] == "sexual"
    assert ("criminal" in result.forms) is shown or "criminal" in suggest(text).forms[1:]
    labour = suggest(text, model(text, sexual=0.6, labour=0.3))
    assert "labour" not in labour.forms  # no labour signal of its own


def test_polish_and_romanian_keep_the_rules_form() -> None:
    """The model learned Dutch, English and mixed texts only."""
    result = suggest("Szef zabrał nam paszporty i nie płaci nam za pracę od dwóch miesięcy.")
    assert result.language == "pl"
    assert result.reading is None
