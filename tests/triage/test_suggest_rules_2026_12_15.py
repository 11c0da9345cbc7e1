"""Issue 14, 2026.12.15: a text that says in so many words that there is no exploitation
gets no indicators, and shows the words that say so. On every non-frozen set, the
indicators shown in such texts were wrong 3 times in 4 ("I keep all my money" read as
earnings handed over). Written before the rules read it."""

import pytest

from meldpunt.triage.evaluation import FROZEN
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import indicator_model
from meldpunt.triage.presenters import present
from meldpunt.triage.suggest import suggest
from tests.triage.found import ids, urgency


def test_sets_27_to_29_are_learned_and_blind_16_is_frozen() -> None:
    for trained in (form_model(), indicator_model()):
        assert {"dev27", "dev28", "dev29"} <= set(trained.trained_on)
    assert "blind16" in FROZEN


SAID_OUT = (
    "[chat] Bezoeker: hi, I'm a sex worker from Romania, I work for myself in Almere. A "
    "client said he will report me as a victim of trafficking. I am not! I rent my "
    "apartment myself, I keep all my money, nobody drives me. This is not exploitation, "
    "I just want to know what happens if he reports me."
)


def test_a_text_that_says_it_is_no_exploitation_gets_no_indicators() -> None:
    suggestion = suggest(SAID_OUT)
    assert suggestion.ruled_out
    assert suggestion.indicators == ()
    assert suggestion.scores == ()
    assert suggestion.form == "none"


def test_the_words_that_rule_it_out_are_shown_and_highlighted() -> None:
    shown = present(SAID_OUT, suggest(SAID_OUT))
    assert shown.indicators == []
    assert any("exploitation" in words for words in shown.ruled_out_words)
    assert "<mark" in shown.highlighted


def test_counter_signals_alone_still_leave_the_signals_shown() -> None:
    """Own passport and a job rule trafficking out without saying so: the husband who
    keeps her from her friends is still shown (test_suggest_rules_2026_12_6)."""
    text = (
        "My husband controls all our money and keeps my bank card, I get 50 euro a week. He "
        "doesn't like it when I meet my friends, so I hardly see them anymore. I have a job "
        "and my own passport. I just want to know where I can get advice about separating."
    )
    assert suggest(text).ruled_out
    assert "gen.isolation" in ids(text)


def test_a_signal_that_is_no_rule_out_keeps_its_indicators() -> None:
    text = "Hij moet zijn paspoort afgeven aan de baas en werkt 70 uur per week in de kas."
    assert not suggest(text).ruled_out
    assert {"gen.documents_retained", "lab.long_hours"} <= ids(text)


# Development sets 27 to 29 (measured first: acute danger recall 0.55, 0.67 and 0.40): a
# threat with a deadline of hours, a demand due tonight, the advisor's advice to ring 112.
ACUTE = [
    "Nu eist hij dat ze vanavond om 20:00 live gaat op een andere app, anders stuurt hij",
    "Sindsdien eist ze 250 euro, vandaag vóór 18:00, anders gaat de foto naar zijn school.",
    "now he says if i dont send 200 euro he posts them in my school group chat TONIGHT at 8",
    "he wants 500 euro on his account within 2 hours or he sends the video to all my followers",
    "i must pay 250 euro before 10 tonight or he sends them to everyone in my school",
    "the person answered: you do one more tomorrow or we visit your house",
    "mijn vriend zegt dat ik vanavond mee moet naar een hotel in Lelystad",
    "Voorman + 2 mnn rijden rond om hem te zoeken, sms van voorman: 'wij vinden jou vannacht'.",
    "Moet vannacht om 4u weer rijden anders 'komen ze bij zijn moeder'. Geadv. 112.",
    "Mld staat nog bij hotel. Geadv. direct 112, doet mld nu.",
    "de baas zei dat wie nog klaagt vanavond met de knuppel van het erf wordt gehaald",
]
NOT_ACUTE = [
    "Ze eist vandaag nog een gesprek met de manager over haar rooster.",
    "He wants the money back within 2 weeks or he goes to court.",
    "Tonight or tomorrow she will call her sister, she says.",
    "We gaan vanavond naar een hotel in Parijs voor ons jubileum.",
    "Bij zorgen kunt u altijd 112 bellen, verder geen direct gevaar.",
]


@pytest.mark.parametrize("text", ACUTE)
def test_danger_within_hours_is_acute(text: str) -> None:
    assert "acute_danger" in urgency(text)


@pytest.mark.parametrize("text", NOT_ACUTE)
def test_a_deadline_without_a_threat_is_not_acute(text: str) -> None:
    assert "acute_danger" not in urgency(text)


# Development sets 27 to 29 (measured first: minor recall 0.96, 0.83 and 0.81).
MINOR = [
    "een groep jongens (13 tot 16 jaar) die 's avonds bij de speeltuin hangen",
    "two of the girls working there can't be older than 14 or 15. They're there",
    "Leerling (v, 16, Engelstalig) kwam gisteren huilend bij mld.",
    "kwam binnen met een meisje dat volgens mld hooguit 15 is, in schooljas",
    "Meisje dat haar nagels deed leek hooguit 15, sprak geen NL en geen EN",
    "They say they're 12, 13 and 15, Romanian, and give different names every time.",
    "Meisje zei niks. ID vh meisje: 17 jaar, mld heeft geweigerd.",
    "Vanmiddag 2 jongens (ong 12 en 13, spreken geen NL of EN) betrapt met tas",
    "Twee meisjes ong 12-13 rollen telefoons en portemonnees op de zaterdagmarkt",
]
NOT_MINOR = [
    "Ze werken hooguit 15 uur per week in de kas.",
    "They're 12 hours on the boat, every day.",
    "Drie mannen (ong 40 en 45) in een witte bus.",
    "Leerling (v, 19, MBO 4) vertelde over haar bijbaan.",
    "The rooms can't be older than 15 years, the landlord says.",
    "Kamer 12, ID van de man: 44 jaar.",
    "Client: 12 years in the Netherlands, works in a warehouse.",
]


@pytest.mark.parametrize("text", MINOR)
def test_an_age_said_another_way_is_a_minor(text: str) -> None:
    assert "minor" in urgency(text)


@pytest.mark.parametrize("text", NOT_MINOR)
def test_hours_adults_and_old_rooms_are_no_minor(text: str) -> None:
    assert "minor" not in urgency(text)


def test_paid_correctly_with_the_passport_and_free_to_go_is_no_exploitation() -> None:
    """Development set 28: three counter-signals in a worker's own words."""
    text = (
        "I worked 18 months for an agency in onion packing. My contract ends and then I must "
        "leave the agency house. They paid me always correct, my passport is with me, I can "
        "go home or stay. I want to find another job."
    )
    suggestion = suggest(text)
    assert suggestion.ruled_out and suggestion.form == "none"
    assert not ids(text) & {"gen.documents_retained", "lab.passport_withheld"}


def test_not_paid_correctly_is_no_counter_signal() -> None:
    text = "They never paid me correctly and my passport is with the boss."
    assert {"gen.documents_retained"} <= ids(text)
    assert not suggest(text).ruled_out


# Patterns that were wrong far more often than right on every non-frozen set, each against
# its indicator's own definition: fines at work are pay withheld, not a growing debt; an
# advert with photos is no webcam sex or spread images; a pretext ("he says it is for our
# future") is no broken promise; "klanten afwerken" is no street fine.
@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Voor elke fout krijgen ze boetes van 25 euro op hun loonstrook.", "gen.debt_bondage"),
        ("Hij heeft een lening bij de bank voor zijn auto.", "gen.debt_bondage"),
        ("Ze moet elke avond vijf klanten afwerken in het hotel.", "crim.street_fine"),
        ("Hij heeft geen vrienden in de klas, zegt zijn moeder.", "gen.isolation"),
        ("Er staat een advertentie met foto's van haar op een escortsite.", "sex.online"),
        ("He keeps all the money, he says it is for our future together.", "gen.deception"),
    ],
)
def test_what_no_longer_fires(text: str, indicator: str) -> None:
    assert indicator not in ids(text)


# Development sets 27 to 29 (measured first): recruitment and threats in the words of
# workers and their families (recruitment supports a form: it is shown next to another
# signal, here a passport kept).
@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("A man in Kaunas promised cleaning work in Holland.", "lab.recruitment"),
        (
            "I was hired in Dubai to be a spa therapist. The boss keeps my passport.",
            "lab.recruitment",
        ),
        (
            "Before coming I paid 12.000 euro to his cousin for this job. He keeps my passport.",
            "lab.recruitment",
        ),
        (
            "A woman from my church said I can study nursing here. She keeps my passport.",
            "lab.recruitment",
        ),
        ("a man in our village say in holland meat factory pay 1600 euro net", "lab.recruitment"),
        ("baas heeft mij gehaald uit China. Hij houdt mijn paspoort.", "lab.recruitment"),
        (
            "Een man uit ons dorp beloofde werk in de kassen voor 12 euro per uur.",
            "lab.recruitment",
        ),
        (
            'zei in gebroken Nederlands: "baas zegt niet naar dokter, anders jij weg".',
            "gen.threats",
        ),
        (
            'de man zegt dat ze "van het kind af moet", anders "zien we wel wat er gebeurt".',
            "gen.threats",
        ),
        ('Kleinzoon zegt dat hij "mee moet, anders is het klaar met hem".', "gen.threats"),
        (
            "remember you are illegal, one phone call and IND will take you to the airport",
            "gen.threats",
        ),
        (
            "Baas zegt als je naar de politie gaat dan zorg ik dat je nooit meer werk vind.",
            "gen.threats",
        ),
        ('Voorman zei: "vanavond kom ik met mijn jongens, dan ben je weg of dood".', "gen.threats"),
        ("i want stop but he says he kills my mother in Moldova if i go.", "gen.threats"),
        ('the person answered: "you do one more tomorrow or we visit your house"', "gen.threats"),
    ],
)
def test_recruitment_and_threats_in_plain_words(text: str, indicator: str) -> None:
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("He brought us to the hotel and went home.", "lab.recruitment"),
        ("De buurvrouw zegt dat het voor ons is, zegt hij.", "lab.recruitment"),
        ("The church said it will help with food.", "lab.recruitment"),
        ("Ze heeft de kinderen gehaald uit school.", "lab.recruitment"),
        ("Ze willen anders werken, met minder uren.", "gen.threats"),
        ("He kills time on his phone, his mother says.", "gen.threats"),
    ],
)
def test_look_alikes_of_recruitment_and_threats_stay_none(text: str, indicator: str) -> None:
    assert indicator not in ids(text)


def test_every_hour_or_so_he_comes_is_no_threat() -> None:
    text = "A man drops her off at 7, and every hour or so he comes to collect the money."
    assert "gen.threats" not in ids(text)
