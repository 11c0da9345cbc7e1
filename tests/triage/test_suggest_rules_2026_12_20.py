"""Issue 14, 2026.12.20: what development sets 36 and 37 showed (mixed-language texts,
identifiers written awkwardly, sexual and criminal exploitation in everyday words),
measured before they were read (docs/TRIAGE.md). The hours are tested before the rule;
the patterns pin the rules."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids


def test_sets_36_and_37_are_learned() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev36", "dev37"} <= set(trained.trained_on)
    assert "blind22" in FROZEN
    assert not {"dev36", "dev37"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    "text",
    ["We work 11 hour and saturday also.", "they drive 14 hour, sometimes more"],
)
def test_a_long_day_in_hours_without_the_plural_is_long_hours(text) -> None:
    assert {"lab.long_hours", "gen.excessive_overtime"} <= ids(text)


@pytest.mark.parametrize("text", ["I work 2 hour a day after school.", "We work 8 hour."])
def test_a_short_day_without_the_plural_is_not(text) -> None:
    assert "lab.long_hours" not in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Ze werken er van opening tot sluiting, zeven dagen.", "gen.excessive_overtime"),
        ("whoever talks to police, he will break the legs", "gen.threats"),
        ("Niet melden, anders ligt je koffer morgen buiten.", "gen.threats"),
        ("The boss took a knife from his car and showed it.", "gen.threats"),
        ("If you talk to them you are out of the house the same day.", "gen.threats"),
        ("Eén van de mannen liet een mes zien bij de deur.", "gen.threats"),
        ("They take 130 euro every week for the bed from the salary.", "lab.employer_housing"),
        ("I work 10 to 11 and sleep here on the table, boss says.", "lab.employer_housing"),
        ("We sleep in container on the land of the company.", "lab.employer_housing"),
        ("Huis en bus zijn van hetzelfde bureau.", "lab.employer_housing"),
        ("ik moet pakketjes droppen voor een gast in de bosjes", "crim.drugs"),
        ("Ze moeten plantjes water geven en knippen in een loods.", "crim.drugs"),
        ("Ik moet een voorraad bij me thuis bewaren voor ze.", "crim.drugs"),
        ("I bring a bag to a guy at the station. I don't look inside.", "crim.drugs"),
        ("Ze zei: ik moet soms met vrienden van hem mee.", "sex.forced_sex_work"),
        ("Hij sloeg haar omdat ze een klant niet wilde.", "sex.forced_sex_work"),
        ("There is a constant stream of men, day and night.", "sex.forced_sex_work"),
        ("She had to go with customers to the back rooms.", "sex.forced_sex_work"),
        ("I booked a girl through an ad on a site.", "sex.forced_sex_work"),
        ("In de groepsapp: 150 halfuurtje, Jaz komt naar je toe.", "sex.forced_sex_work"),
        ("Now he brings friends and I have to do stuff with them.", "sex.forced_sex_work"),
        ("schimmel on every wall of the house", "gen.abusive_conditions"),
        ("one toilet for 12 people and no shower", "gen.abusive_conditions"),
        ("I sleep in the back room, it is wet and cold.", "gen.abusive_conditions"),
    ],
)
def test_what_sets_36_and_37_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("I sleep here when I visit my aunt.", "lab.employer_housing"),
        ("De koffer staat al klaar voor de vakantie.", "gen.threats"),
        ("She booked a table at the restaurant.", "sex.forced_sex_work"),
        ("We hebben een voorraad koffie op kantoor.", "crim.drugs"),
    ],
)
def test_ordinary_words_near_them_are_not(text, indicator) -> None:
    assert indicator not in ids(text)
