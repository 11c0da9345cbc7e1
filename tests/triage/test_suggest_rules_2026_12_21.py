"""Issue 14, 2026.12.21: what development sets 38 and 39 showed (identifiers written
awkwardly; signals told indirectly, by witnesses who saw part of it and victims who play
it down), measured before they were read (docs/TRIAGE.md). The patterns pin the rules."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids


def test_sets_38_and_39_are_learned_and_blind_23_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev38", "dev39"} <= set(trained.trained_on)
    assert "blind23" in FROZEN
    assert not {"dev38", "dev39"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("The boss says: if you go to other work, I call IND.", "gen.threats"),
        ("He says our children in Bulgaria will have problems.", "gen.threats"),
        ("Hij appte: als je moeder gaat bellen ben je de lul.", "gen.threats"),
        ("Who says no gets no food that day.", "gen.threats"),
        ("Be there tonight or they come back.", "gen.threats"),
        ("Last night they were at my mom's door with a gun.", "gen.threats"),
        (
            "The brother said she must keep company with guests in their rooms.",
            "sex.forced_sex_work",
        ),
        ("She has to go with guys he knows, to a hotel.", "sex.forced_sex_work"),
        ("Between 23:00 and 04:00 men come in one by one.", "sex.forced_sex_work"),
        ("Soms moet ik meer doen dan masseren, zegt ze.", "sex.forced_sex_work"),
        ("I had to go to their friends on Saturday nights.", "sex.forced_sex_work"),
        ("Khalid said I had to be with one of his friends.", "sex.forced_sex_work"),
        ("Ze gaat naar afspraakjes die hij regelt, bij mannen thuis.", "sex.forced_sex_work"),
        ("Her husband says I must do massage with extra.", "sex.forced_sex_work"),
        ("She must receive clients at night. They pay him, not me.", "sex.earnings_handed_over"),
        (
            "She goes to men in hotels. What she gets, she sends to aunty.",
            "sex.earnings_handed_over",
        ),
        ("Ze moet klanten ontvangen; de rest gaat naar hun rekening.", "sex.earnings_handed_over"),
        ("She receives clients. He calls her 20 times a day.", "sex.always_reachable"),
        (
            "I do escort for him. He gets angry if I don't reply in 5 minutes.",
            "sex.always_reachable",
        ),
        ("Twee maanden geen geld, baas zegt volgende week.", "gen.wages_withheld"),
        ("They take 120 euro every week for this house.", "lab.employer_housing"),
        ("A woman here paid her ticket, now she must pay back 35 thousand.", "lab.recruitment"),
        ("In Roemenië was haar verteld dat ze in een hotel kon werken.", "gen.deception"),
        ("Hij schrijft dat ze hem nog 300 schuldig is voor haar nagels.", "gen.debt_bondage"),
        ("ik betaal die 1500 terug, er is een pakkie gejat", "crim.drugs"),
        ("Er is een pakkie gejat en dat moet hij terugbetalen.", "crim.street_fine"),
        ("Ze wordt opgehaald door een jongen die duidelijk ouder is.", "sex.lover_boy"),
    ],
)
def test_what_sets_38_and_39_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("The guests pay him, not the hotel.", "sex.earnings_handed_over"),
        ("Hij is de lul, zeggen ze op school.", "gen.threats"),
        ("Ik ben nog steeds schuldig aan de diefstal, zei de rechter.", "gen.debt_bondage"),
    ],
)
def test_ordinary_words_near_them_are_not(text, indicator) -> None:
    assert indicator not in ids(text)
