"""Issue 14, 2026.12.26: what development sets 50 (every form, with many entities) and 51
(hard mixed-language reports with look-alikes) showed, measured before they were read
(docs/TRIAGE.md). The patterns pin the rules; the ones taken out were wrong more often than
right on every non-frozen set."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids


def test_sets_50_and_51_are_learned_and_blind_29_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev50", "dev51"} <= set(trained.trained_on)
    assert "blind29" in FROZEN
    assert not {"dev50", "dev51"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "Ik moet met mannen, he puts me on a site and they come. All money to him.",
            "sex.earnings_handed_over",
        ),
        ("Zoon zegt dat ze weten waar we wonen.", "gen.threats"),
        ("Hij zegt dat ik nog 2 vrienden moet regelen of we komen langs.", "gen.threats"),
        ("Eentje wil stoppen, maar ze zeiden: je bent nu van ons, je weet te veel.", "gen.threats"),
        ("Eerst zei hij dat hij gevallen was, later: dat was een waarschuwing.", "gen.threats"),
        ("Ze zijn uit Sliven gehaald voor werk in de bouw. Er was geen werk.", "gen.deception"),
        ("They thought it was a normal job with a contract.", "gen.deception"),
        ("Klasgenoten zeggen dat hij bollen vervoert op de fiets.", "crim.drugs"),
        ("Hij zei: ik krijg 50 per ronde, maar als ik stop heb ik een probleem.", "crim.drugs"),
        ("Hij zei: ik krijg 50 per ronde, maar als ik stop heb ik een probleem.", "gen.threats"),
        ("I found a sports bag in his closet with blocks wrapped in tape.", "crim.drugs"),
        ("He says I must drive vans to Germany with tools. I know it is not tools.", "crim.drugs"),
    ],
)
def test_what_sets_50_and_51_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # a secret kept from parents is grooming's, not isolation (0 right, 3 wrong)
        ("He asked me not to tell his parents about the bad mark.", "gen.isolation"),
        # expensive things a girl is given are gifts, not criminal wealth (0 right, 3 wrong)
        ("Zijn ouders kochten dure spullen voor de verbouwing.", "crim.unexplained_wealth"),
    ],
)
def test_words_taken_out_are_not(text, indicator) -> None:
    assert indicator not in ids(text)
