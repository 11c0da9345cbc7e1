"""Issue 14, 2026.12.12: the models read no indicator whose readings were mostly wrong on
unseen sets; ruling one form out ("geen arbeidsuitbuiting") rules out that form only.

Written before the rules changed; on 2026.12.11 the NAMED_FORM_OUT texts got no form
(development set 21, measured first: two criminal reports whose advisor wrote "criminele
uitbuiting, geen arbeidsuitbuiting" were ruled out altogether)."""

import pytest

from meldpunt.triage import indicator_model
from meldpunt.triage.indicator_model import NOT_LEARNED, train
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import FORMS, taxonomy
from tests.triage.test_suggest_rules_2026_12_8 import model


def test_the_version_is_raised() -> None:
    """Every decision records the rules and models it was made under: this is 2026.12.12."""
    assert taxonomy().version == "2026.12.12"


SECTOR = "lab.sector"
SECTOR_EXAMPLES = [
    ("Hij werkt in de kas en moet zijn paspoort afgeven.", frozenset({SECTOR})),
    ("Zij werkt in de kas en krijgt geen loon.", frozenset({SECTOR})),
    ("Ze werken in de bouw, zeven dagen per week.", frozenset({SECTOR})),
    ("Hij heeft een eigen huis en een goede baan.", frozenset()),
]


def test_an_indicator_the_rules_alone_read_gets_no_model(monkeypatch) -> None:
    """A sector is in enough reports for a model, and still gets none: a trade is named in
    the text or not, and on unseen sets the models read it from "boss" and "live"."""
    assert SECTOR in NOT_LEARNED
    monkeypatch.setattr(indicator_model, "MIN_EXAMPLES", 3)
    assert train(SECTOR_EXAMPLES, "t", iterations=20).indicators == ()


# Development set 21 (measured first): advisors name the form they rule out.
NAMED_FORM_OUT = [
    (
        "Zoon (15) moet pakketjes wegbrengen (wiet en coke) en heeft nu een straatboete. "
        "Afweging adv: criminele uitbuiting, geen arbeidsuitbuiting (er is geen gewoon werk).",
        "criminal",
    ),
    (
        "No labour exploitation as such: the group makes him steal phones and perfume every "
        "day, and if he brings less than 200 euro they beat him.",
        "criminal",
    ),
    (
        "Geen seksuele uitbuiting volgens mld, maar hij moet voor de groep drugs verkopen "
        "en pakketjes rondbrengen, anders slaan ze hem.",
        "criminal",
    ),
]


@pytest.mark.parametrize(("text", "form"), NAMED_FORM_OUT)
def test_ruling_one_form_out_leaves_the_others(text: str, form: str) -> None:
    """The rules' form stays; a model that reads the form ruled out changes nothing (a
    model sure of no trafficking still vetoes, as always: tests of 2026.12.8)."""
    assert suggest(text, model(text, none=0.25)).form == form
    assert suggest(text, model(text, labour=0.9, sexual=0.05)).forms == (form,)


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        # The rules name no form (one signal); the model's top form is the one ruled
        # out, its next one decides.
        (
            "Hij moet pakketjes wegbrengen. Geen arbeidsuitbuiting, wel zorgen om hem.",
            ("criminal",),
        ),
        # The rules name criminal; the model would show labour beside it.
        (
            "Hij moet drugs verkopen en pakketjes rondbrengen, anders slaan ze hem. Hij "
            "werkt 70 uur per week in de kas. Geen arbeidsuitbuiting volgens adv.",
            ("criminal",),
        ),
    ],
)
def test_a_model_that_reads_the_form_ruled_out_never_shows_it(
    text: str, forms: tuple[str, ...]
) -> None:
    assert suggest(text, model(text, labour=0.6, criminal=0.3)).forms == forms


FORM_OUT_ONLY = [
    ("Lange dagen en slecht betaald, maar geen arbeidsuitbuiting volgens de adviseur.", "labour"),
    ("Long days and low pay, but no labour exploitation according to the union.", "labour"),
    ("Ze werkt als escort en houdt zelf haar geld, geen seksuele uitbuiting.", "sexual"),
]


@pytest.mark.parametrize(("text", "form"), FORM_OUT_ONLY)
def test_a_form_ruled_out_by_name_is_never_shown(text: str, form: str) -> None:
    result = suggest(text)
    assert form not in result.forms
    assert result.form not in FORMS


@pytest.mark.parametrize(
    "text",
    [
        "Geen aanwijzingen voor uitbuiting: hij heeft zijn eigen paspoort.",
        "Nothing suggests exploitation, he keeps his own passport and can leave.",
        "Er is geen sprake van mensenhandel; ze werkt gewoon in de kas.",
    ],
)
def test_ruling_exploitation_out_without_a_form_still_rules_out_every_form(text: str) -> None:
    assert suggest(text).form == "none"
