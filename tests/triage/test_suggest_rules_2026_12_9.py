"""Issue 14, 2026.12.9: indicators read by the indicator models beside the rules
(suggest._learned), tried with models whose chances are set by hand."""

import math
from array import array

import pytest

from meldpunt.triage.form_model import features
from meldpunt.triage.indicator_model import THRESHOLD, IndicatorModel
from meldpunt.triage.reading import tokenize
from meldpunt.triage.suggest import suggest
from tests.triage.test_suggest_rules_2026_12_8 import RULED_OUT

# The rules find housing, hours, the sector and a restriction here, not the wages.
NAIL_STUDIO = (
    "Melder werkt in een nagelstudio en ziet dat de meisjes daar ook slapen. Ze krijgen eten "
    "van de eigenaar en mogen niet alleen naar buiten. Ze werken van 's ochtends tot 's avonds "
    "laat en krijgen bijna niets betaald."
)
WAGES = "gen.wages_withheld"
RESTRICTED = "gen.movement_restricted"
# One counter-signal ("eigen paspoort") cancels the passport indicators but does not rule
# trafficking out.
OWN_PASSPORT = (
    "Hij werkt in de kassen en heeft zijn eigen paspoort. Hij krijgt weinig betaald, slaapt "
    "in een caravan en werkt zestig uur per week voor de teler."
)
PASSPORT = "lab.passport_withheld"


def model(text: str, pushed: dict[str, float] | None = None, **chances: float) -> IndicatorModel:
    """Models that give each indicator named (by its id with "_" for "." and "-") exactly
    its chance in ``text``: every feature of ``text`` known with weight zero, except those
    in ``pushed``, which push every indicator by their weight (and the bias makes up)."""
    ids = tuple(name.replace("_", ".", 1) for name in chances)
    pushed = pushed or {}
    shift = sum(pushed.values())
    return IndicatorModel(
        version="test",
        indicators=ids,
        bias=tuple(math.log(p / (1 - p)) - shift for p in chances.values()),
        weights={
            f: array("d", [pushed.get(f, 0.0)] * len(ids)) for f in features(text, tokenize(text))
        },
    )


def learned(text: str, indicators: IndicatorModel) -> dict[str, float]:
    return {
        m.id: m.chance for m in suggest(text, learned=indicators).indicators if m.chance is not None
    }


def test_the_texts_read_as_the_tests_below_need() -> None:
    found = {m.id for m in suggest(NAIL_STUDIO, learned=model(NAIL_STUDIO)).indicators}
    assert RESTRICTED in found and WAGES not in found
    own = suggest(OWN_PASSPORT, learned=model(OWN_PASSPORT))
    assert not own.ruled_out and PASSPORT not in {m.id for m in own.indicators}


def test_an_indicator_the_rules_miss_is_read_from_the_threshold_on() -> None:
    """Shown with its chance, and the words that weighed most as its evidence."""
    text = NAIL_STUDIO
    pushed = {"b=niets_betaald": 2.0, "w=eigenaar": 0.5, "w=melder": -0.5}
    chance = learned(text, model(text, pushed, gen_wages_withheld=THRESHOLD + 0.01))
    assert chance == {WAGES: pytest.approx(THRESHOLD + 0.01)}
    match = next(
        m
        for m in suggest(text, learned=model(text, pushed, gen_wages_withheld=0.8)).indicators
        if m.id == WAGES
    )
    assert [w.words(text) for w in match.weighed] == ["niets betaald", "eigenaar"]
    assert learned(text, model(text, gen_wages_withheld=THRESHOLD - 0.01)) == {}


def test_what_the_rules_found_stays_theirs() -> None:
    """An indicator the rules found keeps the rules' words, whatever its model reads."""
    result = suggest(NAIL_STUDIO, learned=model(NAIL_STUDIO, gen_movement_restricted=0.99))
    match = next(m for m in result.indicators if m.id == RESTRICTED)
    assert match.chance is None
    assert match.patterns != ["model"]


def test_a_model_read_indicator_does_not_count_for_the_form() -> None:
    """The form and its scores are the same with and without it."""
    without = suggest(NAIL_STUDIO, learned=model(NAIL_STUDIO))
    with_wages = suggest(NAIL_STUDIO, learned=model(NAIL_STUDIO, gen_wages_withheld=0.95))
    assert WAGES in {m.id for m in with_wages.indicators}
    assert (with_wages.form, with_wages.forms, with_wages.scores) == (
        without.form,
        without.forms,
        without.scores,
    )


def test_a_text_that_rules_trafficking_out_gets_no_model_read_indicator() -> None:
    result = suggest(
        RULED_OUT, learned=model(RULED_OUT, gen_wages_withheld=0.99, lab_passport_withheld=0.99)
    )
    assert result.ruled_out
    assert (result.form, result.forms) == ("none", ())
    assert not [m for m in result.indicators if m.chance is not None]


def test_a_counter_signal_cancels_a_model_reading_too() -> None:
    """ "heeft zijn eigen paspoort" cancels the passport, also when its model reads it."""
    assert learned(OWN_PASSPORT, model(OWN_PASSPORT, lab_passport_withheld=0.99)) == {}


def test_a_line_or_two_and_other_languages_are_left_to_the_rules() -> None:
    short = "Ze krijgt niets betaald."
    assert learned(short, model(short, gen_wages_withheld=0.99)) == {}
    polish = (
        "Pracuje w szklarni od rana do nocy, szef zabrał mu paszport i nie płaci mu od dwóch "
        "miesięcy. Mieszka z dziesięcioma mężczyznami w jednym domu należącym do szefa."
    )
    assert suggest(polish).language == "pl"
    assert learned(polish, model(polish, gen_isolation=0.99)) == {}


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (
            "Een uitzendbureau belt over een medewerker in de kassen. Hij wordt niet bedreigd "
            "en niet opgesloten, hij heeft geen schulden bij de baas en werkt geen lange dagen. "
            "Hij woont in een eigen huis in het dorp en komt met de fiets naar het werk.",
            {"gen.threats", "gen.movement_restricted", "gen.debt_bondage", "lab.long_hours"},
        ),
        (
            "A caseworker calls about a cleaner at a hotel. She is not threatened, she was never "
            "locked in and she has no debt to anyone. She does not work long days: normal "
            "hours, with a contract and a payslip every month.",
            {"gen.threats", "gen.movement_restricted", "gen.debt_bondage", "lab.long_hours"},
        ),
    ],
)
def test_the_shipped_models_do_not_undo_a_negation(text: str, negated: set[str]) -> None:
    """What a text denies stays denied with the shipped models too."""
    assert not negated & {m.id for m in suggest(text).indicators}


@pytest.mark.parametrize(
    "text",
    [
        "De werkgever houdt haar paspoort niet in.",
        "De baas neemt zijn paspoort niet af.",
        "Hij houdt zijn ID-kaart niet in maar betaalt te weinig.",
    ],
)
def test_niet_before_the_particle_that_ends_the_clause_negates_the_verb(text: str) -> None:
    """Dutch puts the negation of a separable verb between its object and its particle
    ("houdt haar paspoort niet in"): nothing was taken, so no passport indicator."""
    found = {m.id for m in suggest(text).indicators}
    assert not found & {"gen.documents_retained", "lab.passport_withheld"}


def test_a_taken_passport_with_its_particle_still_counts() -> None:
    """Without the negation, or with it elsewhere, the separable verb still reads; a
    negation that is the signal itself ("niet terug", "never gave back") counts."""
    for text in (
        "De baas houdt het paspoort in.",
        "De baas houdt het paspoort in en hij mag niet weg.",
        "Hij krijgt zijn paspoort niet terug.",
        "They never gave his passport back.",
        "He did not get his passport back from the agency.",
        "The boss won't give their passports back.",
    ):
        assert "gen.documents_retained" in {m.id for m in suggest(text).indicators}, text


DENIALS = (
    "A caseworker calls about a cleaner at a hotel. She is not threatened, she was never "
    "locked in and she has no debt to anyone. She does not work long days: normal hours, "
    "with a contract and a payslip every month."
)


def test_a_text_that_only_denies_signals_rules_trafficking_out() -> None:
    """Every signal it names is denied and none is found: no form, not even the model's
    (which read "labour" at 0.67 here before, as it does not read negation)."""
    suggestion = suggest(DENIALS)
    assert suggestion.ruled_out
    assert suggestion.form == "none" and suggestion.forms == ()
    assert suggestion.indicators == ()


def test_one_denied_signal_beside_a_found_one_rules_nothing_out() -> None:
    """A denial next to a signal that is there ("not locked in, but the boss keeps her
    passport") leaves the signal and the form."""
    suggestion = suggest(
        "She is not locked in and she has no debt, but the boss keeps her passport in his "
        "safe and she works in the greenhouse from six to ten, seven days a week."
    )
    assert not suggestion.ruled_out
    assert "gen.documents_retained" in {m.id for m in suggestion.indicators}
    assert suggestion.form == "labour"
