"""Issue 14, 2026.12.19: what development sets 34 and 35 showed (mixed-language texts,
sexual and criminal exploitation told indirectly), measured before they were read
(docs/TRIAGE.md). The hours are tested before the rule; the patterns pin the rules."""

import pytest

from meldpunt.triage.evaluation import FROZEN, NOT_YET_TRAINED
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from tests.triage.found import ids, long_hours


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a 24-hour clock that ends the next morning: twelve hours
        ("I work 18:00 to 06:00 every night, also Sunday.", "work 18:00 to 06:00"),
        ("ze staat van 19.00 tot 07.00 uur in de kas", "van 19.00 tot 07.00 uur"),
        # a part of the day without "the", as non-native writers put it
        (
            "Every day from 6 in morning until 7 in evening, also zaterdag",
            "from 6 in morning until 7 in evening",
        ),
    ],
)
def test_a_long_day_on_a_24_hour_clock_or_in_plain_words_is_long_hours(text, span) -> None:
    assert span in long_hours(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ze werkt van 22:00 tot 06:00, een nachtdienst.",
        "open from 13:00 to 17:00 on weekdays",
        "I work 14:00 to 22:00 in the kitchen",
        "from 6 in morning until 2 in afternoon",
        "I work 13:00 to 5 pm on weekdays",
        "ze werkt van 14:00 tot 9 uur 's avonds",
    ],
)
def test_an_ordinary_shift_on_a_24_hour_clock_is_not(text) -> None:
    assert not long_hours(text)


def test_sets_34_and_35_are_learned_and_blind_22_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev34", "dev35"} <= set(trained.trained_on)
    assert "blind22" in FROZEN
    assert not {"dev34", "dev35"} & NOT_YET_TRAINED


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # sexual exploitation told indirectly
        ("Buren zien veel mannenbezoek, ook overdag, bij de woning.", "sex.forced_sex_work"),
        ("Ze moet iets terug doen voor zijn vrienden, zegt ze.", "sex.forced_sex_work"),
        ("The masseuse whispered: you want extra? Boss says I must ask.", "sex.forced_sex_work"),
        ("She had to do an appointment for him in a hotel near the A6.", "sex.forced_sex_work"),
        ("He books the room and waits downstairs in the car.", "sex.forced_sex_work"),
        ("Vriendinnen zeggen dat hij haar deelt met zijn vrienden.", "sex.forced_sex_work"),
        ("Since 21:00 seven different men have gone up to room 214.", "sex.forced_sex_work"),
        ("Hij regelt de klanten en zij moet gaan.", "sex.forced_sex_work"),
        ("Now he says she must sleep with his friends unless she pays.", "sex.forced_sex_work"),
        ("He posts her on an app and tells her where to go.", "sex.forced_sex_work"),
        ("He filmed it on his phone and keeps it.", "sex.online"),
        ("She does shows every night on a site called velvet-cams.", "sex.online"),
        ("He makes her do video calls with men who pay.", "sex.online"),
        ("He asked her to turn on her camera at night.", "sex.online"),
        (
            "Ze moet met klanten naar hotels. Hij checkt op Snap Map waar ze is.",
            "sex.always_reachable",
        ),
        (
            "She receives clients in a flat. While we talked he calls every half hour.",
            "sex.always_reachable",
        ),
        (
            "Ze moet met mannen mee. Ze belt hem elk uur, anders wordt hij boos.",
            "sex.always_reachable",
        ),
        ("She gives all to him, he says it is for their future.", "sex.lover_boy"),
        ("He said he loved me and that it was only for him.", "sex.lover_boy"),
        # threats
        ("Hij moet doorwerken: 'anders eruit, en ook uit het huis'.", "gen.threats"),
        ("De baas zegt: zonder mij geen werk, geen huis.", "gen.threats"),
        ("If you make problems, I call the IND and they take your status.", "gen.threats"),
        ("One of them showed him a knife in the car.", "gen.threats"),
        ("Be at the station at 9 or they come to the house.", "gen.threats"),
        ("Ze moeten de spullen brengen, anders slaan.", "gen.threats"),
        # criminal exploitation
        ("Every day I must bring phones, five, six.", "crim.forced_crime"),
        ("Hij moet het wegbrengen, anders krijgt hij een boete van ze.", "crim.street_fine"),
        ("Ik kocht wiet van hem op de pof, nu is het 900.", "crim.street_fine"),
        ("Zijn pas ligt bij de dealer en hij kent de pincode.", "lab.bank_card_controlled"),
        ("Haar ex heeft haar DigiD-code en regelt alles.", "lab.bank_card_controlled"),
        ("He came home with a swollen face and two cracked ribs.", "gen.violence"),
        ("Hij kwam thuis met een dikke lip.", "gen.violence"),
        # labour
        ("Van het loon gaan boetes af als ze te laat komen.", "gen.wages_withheld"),
        ("They take a fine of 40 euro when I am late.", "gen.wages_withheld"),
        ("He lives and sleeps there between the plants, with the lamps.", "gen.abusive_conditions"),
        ("Wonen met 8 man in een chalet, 2 douches kapot.", "gen.abusive_conditions"),
        (
            "I got this job on telegram. Now they took my passport and I must work.",
            "lab.recruitment",
        ),
        (
            "A post said: zero risk. Now he keeps my passport and I must deal drugs.",
            "lab.recruitment",
        ),
        (
            "He paid the smugglers for me. The boss keeps my passport.",
            "lab.recruitment",
        ),
    ],
)
def test_what_sets_34_and_35_showed_is_read(text, indicator) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # a room a person sleeps in, a camera at work, an ordinary boyfriend
        (
            "Ik sta op de wachtlijst voor een kamer, ik slaap nu bij vrienden.",
            "sex.forced_sex_work",
        ),
        ("We book the rooms for the conference guests ourselves.", "sex.forced_sex_work"),
        ("Dennis booked a room for his parents.", "sex.forced_sex_work"),
        ("He showed a photo of his new car.", "gen.threats"),
        ("She turned on the camera for the online lesson.", "sex.online"),
        ("De bankpas lag thuis op tafel.", "lab.bank_card_controlled"),
    ],
)
def test_ordinary_words_near_them_are_not(text, indicator) -> None:
    assert indicator not in ids(text)
