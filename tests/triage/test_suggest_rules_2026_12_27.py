"""Issue 14, 2026.12.27: what development sets 52 (every form, many handles), 53 (entities in
hard spellings, mixed-language texts) and 54 (reports told indirectly by bystanders and
professionals) showed, measured before they were read (docs/TRIAGE.md). The patterns pin
the rules; each was right more often than wrong on every non-frozen set, with the rules
alone."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from meldpunt.triage.taxonomy import taxonomy
from tests.triage.found import ids


def test_the_version_is_raised() -> None:
    """Every decision records the rules and models it was made under: this is 2026.12.27."""
    assert taxonomy().version == "2026.12.27"


def test_sets_52_to_55_are_learned_and_blinds_31_and_32_are_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev52", "dev53", "dev54", "dev55"} <= set(trained.trained_on)
        assert not {"blind31", "blind32"} & set(trained.trained_on)
    assert {"blind31", "blind32"} <= FROZEN
    assert not {"dev52", "dev53", "dev54", "dev55"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "When he said he wants his card back the boss said he will report the truck as stolen.",
            "gen.threats",
        ),
        (
            "Now he wants to meet the friends, or else I show your parents the pictures.",
            "gen.threats",
        ),
        ("When he asked them to leave they said he would fall down the stairs.", "gen.threats"),
        ("Ze krijgt berichten: stuur meer of we sturen ze naar je vader.", "gen.threats"),
        ("Neighbours smell cannabis in the whole stairwell.", "crim.drugs"),
        ("Hij moet daarin spullen rijden van Almere naar Rotterdam, ik denk drugs.", "crim.drugs"),
        ("Vanavond moet hij een pakketje halen in Almere, hij is bang.", "crim.drugs"),
        (
            "Hij zou 2.500 schuldig zijn omdat de politie zijn vorige tas heeft afgepakt.",
            "crim.street_fine",
        ),
        ("De twee jongens slapen soms op de bank in de keuken.", "gen.abusive_conditions"),
        ("The tenant sleeps on the sofa since the friends moved in.", "gen.abusive_conditions"),
        (
            "Hij vraagt om naaktfoto's en heeft haar 2 keer een cadeaukaart van 50 euro gestuurd.",
            "sex.appearance_gifts",
        ),
        ("The boss gives cash, 7 euro, and we pay 400 for the bus to come.", "lab.recruitment"),
    ],
)
def test_what_sets_52_to_54_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)
