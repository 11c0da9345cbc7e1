"""Issue 14, 2026.12.11: a school word says minor only with someone who goes there now;
fear alone is no threat.

Written before the rules changed; on 2026.12.10 the NOT_MINOR texts were flagged (the
limit noted in test_suggest_rules_2026_12_8_minor.py) and the FEAR_ONLY texts read as
threats (on development sets 13 and 14, unseen, "bang", "scared" and "afraid" alone were
the evidence of 9 of the 22 false threats)."""

import pytest

from meldpunt.triage.evaluation import FROZEN, TRAINING, reports
from meldpunt.triage.form_model import form_model
from meldpunt.triage.indicator_model import IndicatorModel, indicator_model
from meldpunt.triage.suggest import suggest
from tests.triage.found import ids, urgency
from tests.triage.test_suggest_rules_2026_12_8 import model as form_model_giving

RULES_ONLY = IndicatorModel(version="rules only", indicators=(), bias=(), weights={})

MINOR = [
    "Mijn dochter zit op de basisschool en krijgt berichtjes van een man.",
    "Haar broertje zit nog op de basisschool, hij moet pakketjes wegbrengen.",
    "Een jongen van de basisschool verkoopt voor hen op het plein.",
    "Ze zit in de brugklas en wordt na school opgehaald door een oudere jongen.",
    "Een brugklasser uit Lelystad moet geld opnemen voor iemand.",
    "De leerlingen van de brugklas krijgen geld om pakketjes te bezorgen.",
]

# Development sets 13 and 14 (measured first): ages the rules did not read.
MINOR_AGES = [
    "[chat] Medewerker: Hoe oud ben jij, als je dat wilt zeggen?\n[chat] Bezoeker: 16. he checks",
    "[chat] Medewerker: How old are you?\n[chat] Bezoeker: 15",
    "Dochter L., 14 jaar, 2e klas. Ze krijgt berichten van een man.",
    "Leerling R., 15 jaar, klas 3, kwam huilend binnen.",
    "My son Andrei is 16, he goes to school in Lelystad.",
    "sorry my dutch is not good, I am 15\n[chat] Medewerker: Hoi!",
    "Jongen, schat 15/16, Vietnamees, werkt elke dag in de nagelstudio.",
    # development sets 17 and 18
    'she told me in broken English she is "16, almost 17" and came with uncle',
    "[chat 15:03] Medewerker: How old are you?\n[chat 15:03] Bezoeker: 16. i already paid",
    "Ze wordt afgezet door een oudere man, ze lijkt me nog geen 16.",
    "Mijn zoontje zit in groep 7 en krijgt berichten van een man.",
]
NOT_MINOR_AGES = [
    "[chat] Medewerker: Hoe oud ben jij?\n[chat] Bezoeker: 19. I work in the hotel",
    "[chat] Medewerker: How long have you worked there?\n[chat] Bezoeker: 15. months",
    "Dochter L., 24 jaar, woont in Almere.",
    "My son Andrei is 26, he works in Lelystad.",
    "I am 15 minutes from the station\n[chat] Medewerker: ok",
    "De eigenaar van Zen Massage, 2, 1353 bv Almere, woont erboven.",
    "Sinds een paar weken hebben we een groep van 6 Poolse uitzendkrachten.",
    "Ik breng elke ochtend een groep van 6 mannen naar een bouwplaats.",
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


@pytest.mark.parametrize("text", MINOR_AGES)
def test_an_age_answered_in_a_chat_or_after_an_initial_or_a_name_is_a_minor(text: str) -> None:
    assert "minor" in urgency(text)


@pytest.mark.parametrize("text", NOT_MINOR_AGES)
def test_an_adult_age_or_another_number_there_is_no_minor(text: str) -> None:
    assert "minor" not in urgency(text)


@pytest.mark.parametrize("text", NOT_MINOR)
def test_a_school_in_the_past_or_as_a_workplace_is_no_minor(text: str) -> None:
    assert "minor" not in urgency(text)


THREATS = "gen.threats"
FEAR_ONLY = [
    "Ze is erg bang.",
    "She is very scared.",
    "He was afraid and cried on the phone.",
    "Ik ben bang dat het mensenhandel is.",
    "De melder is bang dat haar buurvrouw wordt uitgebuit.",
]
THREATENED = [
    "Hij dreigt haar familie iets aan te doen.",
    "She is too scared to go to the police.",
    "Ze is doodsbang voor hem.",
    "They threaten to send him back to Romania.",
    "Ze durft niets te zeggen uit angst voor de baas.",
]


@pytest.mark.parametrize("text", FEAR_ONLY)
def test_fear_alone_is_no_threat(text: str) -> None:
    """Being afraid, or the reporter's worry, is how the person feels, not what was done."""
    assert THREATS not in ids(text)


@pytest.mark.parametrize("text", THREATENED)
def test_a_threat_or_fear_with_what_it_stops_is_a_threat(text: str) -> None:
    assert THREATS in ids(text)


NEW_SETS = {"dev13", "dev14", "dev15", "dev16", "dev17", "dev18"}


def test_development_sets_13_to_18_are_trained_on_and_blind_set_11_is_frozen() -> None:
    """Both models learned from the six new development sets and from no frozen set."""
    assert set(TRAINING) >= NEW_SETS
    assert "blind11" in FROZEN
    for model in (form_model(), indicator_model()):
        assert set(model.trained_on) >= NEW_SETS
        assert not FROZEN & set(model.trained_on)
    assert {len(reports(split)) for split in NEW_SETS} == {72}
    assert len(reports("blind11")) == 104


# Development sets 13 and 14 (measured first): 9 of 13 false acute-danger flags were the
# advisor's own question in a chat ("Ben je nu in gevaar?") or advice for a case of danger.
ASKED_OR_ADVISED = [
    "[chat] Medewerker: Dat is afpersing. Ben je nu in gevaar?\n[chat] Bezoeker: nee",
    "[chat] Medewerker: Are you in danger right now?\n[chat] Bezoeker: no, he is at work",
    "[chat] Medewerker: Is er nu direct gevaar voor hem of voor u?",
    "Mld geadviseerd bij acuut gevaar direct 112 te bellen.",
    "I told her to call 112 in case of immediate danger.",
]
ACUTE = [
    "Ze is nu in gevaar, hij staat voor de deur.",
    "[chat] Bezoeker: I am in danger right now, he locked me in",
    "Can you help me? He has a knife?",
    "De politie is ter plaatse.",
]


@pytest.mark.parametrize("text", ASKED_OR_ADVISED)
def test_a_question_or_advice_about_danger_is_no_acute_danger(text: str) -> None:
    assert "acute_danger" not in urgency(text)


@pytest.mark.parametrize("text", ACUTE)
def test_danger_said_is_acute_danger(text: str) -> None:
    assert "acute_danger" in urgency(text)


RECRUITMENT = "lab.recruitment"
# Development sets 13 and 14 (measured first): a travel debt and the ways a job was found.
RECRUITED = [
    "Boss says I have debt 18000 for the travel from Vietnam.",
    "The family paid a man for the travel and now she must pay back 18.000.",
    "Hij moet nog 900 euro voorschot voor reis en bemiddeling terugbetalen.",
    "Ze werken om de reis af te betalen.",
    "A brother paid their tickets to Europe and promised them work.",
    "I found this job on Facebook.",
]
# Working through an agency is how most labour migrants work: alone it is no sign (on the
# training sets "via een bureau", "through an agency" and the like were 14 false and 4
# true readings of recruitment).
NOT_RECRUITED = [
    "I work in a warehouse via an agency.",
    "Hij werkt via uitzendbureau Polder Staffing.",
    "He paid for the travel himself and can go home any time.",
    "De reis was leuk, ze gingen met de bus naar Parijs.",
    "She took her son to Holland for a holiday.",
]


# Recruitment is a supporting indicator: it shows beside a signal of its own form or a
# general one, here the hours.
HOURS = " 70 uur per week."


@pytest.mark.parametrize("text", RECRUITED)
def test_a_travel_debt_or_how_the_job_was_found_is_recruitment(text: str) -> None:
    assert RECRUITMENT in ids(text + HOURS)


@pytest.mark.parametrize("text", NOT_RECRUITED)
def test_travel_paid_by_oneself_or_a_holiday_is_no_recruitment(text: str) -> None:
    assert RECRUITMENT not in ids(text + HOURS)


# Patterns that, on the training sets, read a signal the writers never ticked, and that
# say little alone (soleFP/soleTP there): dropped in 2026.12.11. Each text must no longer
# give its indicator. Rules only: the texts are too short for the models.
ALONE_SAYS_LITTLE = [
    ("Het paard staat in de stal.", "crim.forced_crime"),
    ("He had an accident at work and was injured.", "gen.violence"),
    ("Ze heeft een nieuwe vriend en is verliefd.", "sex.lover_boy"),
    ("Ze werkt als au pair bij een gezin in Almere.", "lab.sector"),
    ("Hij maakt soms overuren, ook in de nachtdienst.", "lab.long_hours"),
    ("She sometimes works overtime.", "lab.long_hours"),
    ("They live in a caravan on the campsite.", "gen.abusive_conditions"),
    ("He took out a loan for a car.", "gen.debt_bondage"),
    ("Hij krijgt zijn reiskosten vergoed.", "lab.recruitment"),
    ("Hij bezorgt elke ochtend kranten.", "lab.sector"),
]


@pytest.mark.parametrize(("text", "indicator"), ALONE_SAYS_LITTLE)
def test_a_word_that_says_little_alone_gives_no_indicator(text: str, indicator: str) -> None:
    """A threat beside it keeps a supporting indicator, were it read."""
    assert indicator not in ids(text + " Hij wordt bedreigd.")


HOUSING = "lab.employer_housing"
# Development sets 15 and 16 (measured first): housing of the agency or the boss, written
# the way phone notes and chats put it.
EMPLOYER_HOUSING = [
    "Wonen in pand vh bureau.",
    "Wonen in huis vd werkgever, 22 (8321 WK).",
    "Woont in huis vh uitzendbureau.",
    "We live with 12 men in the agency's house.",
    "The agency house has 9 people.",
    "We live 12 people in one house that belongs to the coordinator.",
    "They sleep 14 in one terraced house the agency rents.",
    "The rent for a room the agency gives them.",
    "The house is from the company.",
]
NOT_EMPLOYER_HOUSING = [
    "He lives in his own house and rents it from a housing corporation.",
    "The agency is in Almere.",
]


@pytest.mark.parametrize("text", EMPLOYER_HOUSING)
def test_the_agency_s_or_the_boss_s_house_is_employer_housing(text: str) -> None:
    assert HOUSING in ids(text + HOURS)


@pytest.mark.parametrize("text", NOT_EMPLOYER_HOUSING)
def test_an_own_house_or_the_agency_alone_is_no_employer_housing(text: str) -> None:
    assert HOUSING not in ids(text + HOURS)


# A text in which the rules find no signal at all (development set 17, written after the
# models were trained: a visa question, a romance scam, a webshop that never delivered got
# "criminal" from the form model alone at 0.4 to 0.8).
NO_SIGNAL = (
    "Good day. I am living in Almere with my husband and our twins. I want to bring my "
    "niece from Lagos to help us with the babies and go to school here. How can we get a "
    "visa for her, and which office must I contact? Somebody at church gave me this address."
)


def test_the_model_alone_names_a_form_only_when_it_is_very_sure() -> None:
    """Below ``MODEL_ALONE`` a text without any signal keeps no form; at it, the model
    names the form with its chance and words."""
    assert not suggest(NO_SIGNAL, learned=RULES_ONLY).indicators
    assert (
        suggest(NO_SIGNAL, form_model_giving(NO_SIGNAL, criminal=0.79), RULES_ONLY).form == "none"
    )
    assert suggest(NO_SIGNAL, form_model_giving(NO_SIGNAL, criminal=0.81), RULES_ONLY).forms == (
        "criminal",
    )
