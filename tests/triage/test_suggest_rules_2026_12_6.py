"""Issue 14, rules 2026.12.6: each general fix of this version, one test each."""

import pytest

from meldpunt.linking.extract import extract
from meldpunt.triage.numbers import numeric_signals
from meldpunt.triage.suggest import _verb_last, suggest
from tests.triage.found import ids, urgency, words_of


@pytest.mark.parametrize(
    ("text", "indicator", "evidence"),
    [
        ("Ze zei dat ze daar woont en niet naar buiten mag.", "gen.movement_restricted", "buiten"),
        ("Hij vertelde dat hij het huis niet uit mag.", "gen.movement_restricted", "huis"),
        ("De vrouw zei dat de baas haar paspoort heeft.", "lab.passport_withheld", "paspoort"),
    ],
)
def test_a_dutch_verb_at_the_end_of_a_subordinate_clause(
    text: str, indicator: str, evidence: str
) -> None:
    """A pattern that starts with a finite verb ("mag niet naar buiten", "heeft haar
    paspoort") also reads the verb at the end of a subordinate clause ("dat ze niet naar
    buiten mag"), with the words as evidence."""
    assert indicator in ids(text)
    assert evidence in words_of(text, indicator)


@pytest.mark.parametrize(
    ("pattern", "turned"),
    [
        ("mag niet naar buiten", "niet naar buiten mag"),
        ("heeft haar|zijn telefoon", "haar|zijn telefoon heeft"),
        ("moet betalen voor", None),
        ("kan ik hiervoor bij jullie", None),
        ("mag niet", None),
        ("paspoort* & afgeven", None),
    ],
)
def test_a_verb_cluster_is_turned_around_only_where_dutch_does(
    pattern: str, turned: str | None
) -> None:
    """ "moet betalen voor" would read "betalen voor moet": a pattern that ends in a
    preposition or goes on with a subject stays as it is, so "kan ik" is no "ik kan"."""
    assert _verb_last(pattern) == turned


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "I work from eight in the morning until nine at night, every day.",
            "from eight in the morning until nine at night",
        ),
        ("Hij werkt van zes uur s ochtends tot tien uur s avonds.", "van zes uur"),
        ("The contract says 38 hours but we make 55, 58 hours.", "55, 58 hours"),
        ("Ze werken 70 uur in de kas.", "70 uur"),
    ],
)
def test_hours_written_in_words_or_as_a_week_after_a_work_word(text: str, words: str) -> None:
    """Clock times in words are a working day; 50 or more hours after a word for working
    can only be a week (both since 2026.12.6)."""
    assert "gen.excessive_overtime" in ids(text)
    assert " ".join(words_of(text, "gen.excessive_overtime")).startswith(words.lower())


@pytest.mark.parametrize(
    "text",
    [
        "We werken 8 uur, 5 dagen per week.",
        "I work from two to five on Saturdays.",
        "Hij werkt 40 uur in de week.",
    ],
)
def test_ordinary_hours_are_no_overtime(text: str) -> None:
    assert "gen.excessive_overtime" not in {t for t, _ in numeric_signals(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Twee broertjes van 11 en 14 moeten stelen.",
        "Leerling (jongen, 15) is via Instagram benaderd.",
        "Een leerling uit 4 havo, 17 jaar, vertelde het vandaag.",
        "A young woman with a baby of maybe 6 months is begging.",
        "We caught three boys, aged around 14, stealing phones.",
    ],
)
def test_ages_after_plural_persons_brackets_and_a_few_words(text: str) -> None:
    """Plural and diminutive persons, a person and the age in brackets, a few words
    between person and "17 jaar", a baby's age."""
    assert "minor" in urgency(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon werkt al 3 jaar bij een bakker.",
        "Een leerling uit groep 4, 12 euro per uur kreeg hij niet.",
        "Mijn zoon van 34 werkt 50 uur per week.",
        "Er zijn geen minderjarigen gezien, de mannen zijn 30 en 40.",
    ],
)
def test_no_minor_for_years_amounts_adults_or_geen_minderjarigen(text: str) -> None:
    assert "minor" not in urgency(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("De baas zegt: als je weggaat bel ik de vreemdelingenpolitie.", "gen.threats"),
        ("If I say no, the boss says my family in Vietnam will pay.", "gen.threats"),
        ("He will post more pictures unless I come back to him.", "gen.threats"),
        ("Who complains is fired the same day.", "gen.threats"),
        ("Ons loon krijgen we contant, altijd minder dan op de strook.", "gen.wages_withheld"),
        ("The extra hours are not on the payslip.", "gen.wages_withheld"),
        ("Haar oude vriendinnen ziet ze niet meer.", "gen.isolation"),
        ("He doesn't like it when I meet my friends, so I hardly see them.", "gen.isolation"),
        (
            "Werkt 10 tot 21 uur, slaapt met 2 andere meisjes boven de salon.",
            "lab.employer_housing",
        ),
        ("We live in a house from the boss, he has the keys.", "lab.employer_housing"),
        ("She sleeps in the back room of the salon.", "lab.employer_housing"),
        ("Ze zegt dat ze soms met zijn vrienden moet slapen.", "sex.forced_sex_work"),
        ("Her boyfriend has her working in a window in Amsterdam.", "sex.forced_sex_work"),
        ("In the night the man brings me to men in a car.", "sex.forced_sex_work"),
        ("My ex posted intimate pictures of me in a channel.", "sex.online"),
        ("She is with her 'boyfriend' who is 23.", "sex.lover_boy"),
        (
            "Just receive money from clients and withdraw it, you keep ten percent.",
            "crim.money_mule",
        ),
        ("A man on the platform takes over the heavy sports bag.", "crim.drugs"),
        ("Three young women live there and men ring the bell at night.", "sex.forced_sex_work"),
        ("She takes care of him day and night.", "gen.excessive_overtime"),
        ("She said: if it is not enough he is angry, very angry.", "gen.threats"),
        ("Hij zegt dat ze anders naar ons huis komen.", "gen.threats"),
        ("Ze hebben geen papieren voor zover ik weet.", "gen.vulnerability"),
        ("Haar partner heeft gokschulden.", "gen.vulnerability"),
        ("I cannot go anywhere, the owner says police will catch me.", "gen.movement_restricted"),
        (
            "He pays, keeps the key card and sits in the lobby all evening.",
            "gen.movement_restricted",
        ),
    ],
)
def test_general_phrasings_in_dutch_and_english(text: str, indicator: str) -> None:
    """Conditional threats with the victim as subject, wages against the payslip, friends
    no longer seen, sleeping where one works, sex with his friends, a window, intimate
    pictures, a boyfriend's age, receiving and withdrawing money, a bag taken over."""
    assert indicator in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Als ze klaar zijn met werken gaan ze naar huis.", "gen.threats"),
        ("The workers live in a regular holiday park and pay normal rent.", "lab.employer_housing"),
        ("A young man living above the shop is made to break into houses.", "lab.employer_housing"),
        ("He slept on a mattress between the cannabis plants.", "lab.employer_housing"),
        ("My cousin said it was very easy money.", "crim.forced_crime"),
        ("She still meets her own friends every week.", "gen.isolation"),
        ("She has to ask him for 20 euro for groceries.", "crim.forced_crime"),
        ("The boss is not angry, he is kind.", "gen.threats"),
        ("Men ring the bell day and night, the music is loud.", "gen.excessive_overtime"),
    ],
)
def test_what_does_not_fire(text: str, indicator: str) -> None:
    """No threat without a refusal or complaint, no employer housing for a holiday park
    or a mattress among plants, no isolation when friends are still seen."""
    assert indicator not in ids(text)


def test_a_question_about_separating_is_an_ordinary_situation() -> None:
    """A partner who controls the money, with her own passport, a question about
    separating and "I just want to know", gets no form: the isolation is still shown."""
    text = (
        "I'm not sure this is the right place. My husband controls all our money and keeps "
        "my bank card, I get 50 euro a week. He doesn't like it when I meet my friends, so I "
        "hardly see them anymore. I have a job and my own passport. I just want to know "
        "where I can get advice about separating."
    )
    assert "gen.isolation" in ids(text)
    assert suggest(text).form not in {"labour", "sexual", "criminal"}


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Her Skype name is lena.vdb92. During a call", "@lena.vdb92"),
        ("The channel on Telegram is called nl_exposed_flevo, with my name.", "@nl_exposed_flevo"),
        ("On Snap he's called yxng_tony. I'm scared.", "@yxng_tony"),
        ("Een account op Instagram dat almerebuiten.leaks heet.", "@almerebuiten.leaks"),
        ("Iemand van TikTok, tiktok: geldbaas.nl. Minstens vier", "@geldbaas.nl"),
    ],
)
def test_handles_next_to_a_platform_without_at(text: str, handle: str) -> None:
    found = {(e.kind, e.value) for e in extract(text)}
    assert ("handle", handle) in found
    assert not any(kind == "domain" for kind, _ in found)


def test_a_platform_link_after_its_name_stays_a_link() -> None:
    found = {(e.kind, e.value) for e in extract("insta: instagram.com/xyz_1 en Telegram: t.me/abc")}
    assert found == {("domain", "instagram.com/xyz_1"), ("domain", "t.me/abc")}


def test_a_lower_case_postcode_after_any_street_with_a_town() -> None:
    """ "Schouw 14, 8232lk Lelystad": any street name with a number and a comma, when a
    town follows; a number and a comma without a town stay no address."""
    found = {(e.kind, e.value) for e in extract("Adres: Schouw 14, 8232lk Lelystad, boven.")}
    assert ("address", "8232LK 14") in found
    assert not [e for e in extract("Ik was op 12, 2024ab niet thuis.") if e.kind == "address"]


def test_geen_direct_gevaar_lifts_the_flag_and_rules_nothing_out() -> None:
    """ "Geen direct gevaar" in one sentence lifts acute danger raised in another
    ("politie ter plaatse"); it is no counter-signal against trafficking, so a text with
    one other counter-signal still gets its form."""
    text = (
        "Politie is ter plaatse geweest. Op dit moment geen direct gevaar. De baas heeft "
        "zijn paspoort afgepakt, hij werkt 14 uur per dag en krijgt 3 euro per uur. Hij "
        "werkt zelfstandig."
    )
    result = suggest(text)
    assert "acute_danger" not in {m.id for m in result.urgency}
    assert result.form == "labour"


@pytest.mark.parametrize(
    "text",
    [
        'Chat: "they lock me in every night. I only see a church from the window." '
        "Medewerker: politie ingeschakeld, 112 gebeld om 23:14.",
        "Ze is opgesloten in een woning. Ze durft 112 niet te bellen, hij hoort alles.",
        "Men are coming to the room tonight and he took her shoes.",
        "Right now he is hiding at my place.",
        "De voorman heeft gezegd dat hij hem vannacht komt halen.",
    ],
)
def test_acute_danger_in_more_words_and_after_a_quote(text: str) -> None:
    """A sentence ends after a closing quotation mark, and a short sentence whose few
    function words are all Dutch is read in Dutch too inside an English chat ("112 gebeld
    om 23:14"); 112 that she dares not call, men coming tonight, hiding right now."""
    assert "acute_danger" in urgency(text)
