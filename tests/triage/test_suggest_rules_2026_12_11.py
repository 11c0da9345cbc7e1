"""Issue 14, 2026.12.11: a school word says minor only with someone who goes there now.

Written before the rules changed; on 2026.12.10 the NOT_MINOR texts were flagged (the
limit noted in test_suggest_rules_2026_12_8_minor.py)."""

import pytest

from tests.triage.found import urgency

MINOR = [
    "Mijn dochter zit op de basisschool en krijgt berichtjes van een man.",
    "Haar broertje zit nog op de basisschool, hij moet pakketjes wegbrengen.",
    "Een jongen van de basisschool verkoopt voor hen op het plein.",
    "Ze zit in de brugklas en wordt na school opgehaald door een oudere jongen.",
    "Een brugklasser uit Lelystad moet geld opnemen voor iemand.",
    "De leerlingen van de brugklas krijgen geld om pakketjes te bezorgen.",
]

NOT_MINOR = [
    "Ik ken hem al lang, we zaten samen op de basisschool. Nu is hij 34 en werkt in de kas.",
    "Ze zat op de basisschool in Polen, nu is ze 30 en werkt ze in de kassen.",
    "Ik geef een gastles voor de brugklassen over uitbuiting; hoort dit bij jullie?",
    "Hij is conciërge op een basisschool en werkt daarnaast 's nachts bij een distributiecentrum.",
]


@pytest.mark.parametrize("text", MINOR)
def test_a_child_at_school_now_is_a_minor(text: str) -> None:
    assert "minor" in urgency(text)


@pytest.mark.parametrize("text", NOT_MINOR)
def test_a_school_in_the_past_or_as_a_workplace_is_no_minor(text: str) -> None:
    assert "minor" not in urgency(text)
