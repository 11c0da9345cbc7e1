"""Issue 14, rules 2026.12.7: each general fix of this version, one test each."""

import pytest

from meldpunt.linking.extract import extract
from meldpunt.triage.numbers import WAGES, numeric_signals
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import only_weak_words
from tests.triage.found import ids, words_of


def handles(text: str) -> set[str]:
    return {e.value for e in extract(text) if e.kind == "handle"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Zijn Snapchat-naam: kimmy_2008, zegt ze.", "@kimmy_2008"),
        ("De foto staat in het Telegram-kanaal almere_deals_12.", "@almere_deals_12"),
        ("His Discord username: night.owl99", "@night.owl99"),
        ("Een man die op TikTok dirk_0321 heet stuurt haar berichten.", "@dirk_0321"),
        ("She met him on Instagram, sweetboy.77 sent her money.", "@sweetboy.77"),
        ("They write on Telegram, the account is called night_runner_9.", "@night_runner_9"),
        ("Ze praten via Snapchat, zijn account heet mo.almere en hij is 19.", "@mo.almere"),
    ],
)
def test_a_name_next_to_a_platform_without_at_is_a_handle(text: str, value: str) -> None:
    """A platform's "-naam", "-kanaal" or "username", a name right after the platform, or
    "the account is called" later in a sentence that names a platform: a handle, when the
    name has a digit, dot or underscore (since 2026.12.7)."""
    assert handles(text) == {value}


@pytest.mark.parametrize(
    "text",
    [
        "Ze is op TikTok 21.30 live gegaan en op Snapchat om 23:15.",
        "Hij zit 2x per dag op Instagram en op Telegram 12 keer.",
        "Op Snapchat 300 euro gevraagd, op Instagram 15,50 betaald.",
        "Het account heet kimmy_2008, zegt ze.",
        "On Snapchat e.g. he is active; the account is called private.",
        "Op TikTok op 12.03.2026 en via Telegram, kanaal 14.",
    ],
)
def test_times_amounts_dates_and_names_without_a_platform_are_no_handles(text: str) -> None:
    """Times, amounts and dates next to a platform never become a handle, nor does a name
    after "het account heet" when no platform is named."""
    assert handles(text) == set()


@pytest.mark.parametrize(
    "pattern",
    [
        "niet naar huis mogen|mag & voordat|tot",
        "paspoort|moet & niet|mag",
        "mag|paspoort afgeven & tot",
    ],
)
def test_a_pattern_with_a_reading_of_common_words_only_is_refused(pattern: str) -> None:
    """In a "verb & object" part "|" separates whole phrases, so "niet naar huis mogen|mag
    & tot" also reads "mag ... tot" ("Jongen mag in de winkel blijven tot"): a pattern is
    refused when any one of its readings is common words only, not only when all are."""
    assert only_weak_words(pattern)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Jongen mag in de winkel blijven tot de politie er is.", "gen.movement_restricted"),
        ("Ze verdient heel veel geld als kapster.", "gen.deception"),
        ("If you do not mind, can you call me back?", "gen.threats"),
        ("He got no money for the bus, so he walked.", "gen.wages_withheld"),
    ],
)
def test_common_words_alone_are_no_evidence(text: str, indicator: str) -> None:
    """ "mag ... tot", "heel ... geld", "if you do not", "got no money": readings of common
    words only, refused since 2026.12.7, so these ordinary sentences raise nothing."""
    assert indicator not in ids(text)


@pytest.mark.parametrize(
    ("text", "indicator", "evidence"),
    [
        ("Her landlord makes her do shows on webcam every night.", "sex.online", "shows"),
        ("He has her perform on a cam site for his account.", "sex.online", "cam"),
        ("She sees clients, the money goes to his PayPal.", "sex.earnings_handed_over", "paypal"),
    ],
)
def test_webcam_shows_and_earnings_to_his_payment_account(
    text: str, indicator: str, evidence: str
) -> None:
    """Made to do webcam shows is online sexual exploitation (since 2026.12.25; until then
    forced sex work, which the indicators' explanations keep for sex with clients: on all
    training sets those readings were 7 times right and 24 times wrong); earnings paid into
    his PayPal or Revolut are handed over, with those words as evidence."""
    assert indicator in ids(text)
    assert evidence in words_of(text, indicator)


def wages(text: str) -> list[str]:
    return [text[a:b] for target, (a, b) in numeric_signals(text) if target == WAGES]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("De mannen krijgen elke vrijdag een envelop met 150 euro.", "150 euro"),
        ("He pays us 120 euros every Saturday, cash.", "120 euros every saturday"),
        ("Ze verdient 250 euro voor een hele week in de kas.", "250 euro voor een hele week"),
        ("Every week we get only 200 euro for all the work.", "200 euro"),
        ("Hij geeft ons iedere week 180 euro.", "180 euro"),
    ],
)
def test_a_weekly_wage_named_by_a_weekday_or_every_week(text: str, words: str) -> None:
    """ "elke vrijdag ... 150 euro", "every Saturday", "voor een hele week": a week's wage,
    so under 300 euro after a word for being paid is far under the minimum."""
    assert any(words in found.lower() for found in wages(text))


@pytest.mark.parametrize(
    "text",
    [
        "Elke vrijdag betalen ze 150 euro huur voor de kamer.",
        "Every week he pays 900 euros, which is fine.",
        "Op zaterdag kregen ze 350 euro.",
        "Elke maand krijgt ze 2.400 euro netto.",
        "Elke vrijdag om 15 uur krijgen we de planning.",
    ],
)
def test_rent_a_fair_week_or_a_time_is_no_low_wage(text: str) -> None:
    assert wages(text) == []


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        (
            "He opened an account on a cam site for her and controls it.",
            set(),
            {"crim.money_mule", "lab.bank_card_controlled"},
        ),
        (
            "The man keeps my bank card and gives me 60 euro a week.",
            {"lab.bank_card_controlled"},
            {"crim.money_mule"},
        ),
        ("He gave his bank card to a guy from school for 500 euro.", {"crim.money_mule"}, set()),
        ("Strangers rented his bank account for a month.", {"crim.money_mule"}, set()),
    ],
)
def test_an_online_account_and_money_given_are_no_money_mule(
    text: str, found: set[str], not_found: set[str]
) -> None:
    """ "Account" alone is a bank account only with "bank" or a person's "his", "her";
    a bank card lent out is a money mule when the card is what is given, not when someone
    who keeps it "gives me 60 euro"."""
    assert found <= ids(text)
    assert not (not_found & ids(text))


@pytest.mark.parametrize(
    ("text", "indicator", "evidence"),
    [
        # Threats: the police as the condition, a permit taken away, being put out.
        (
            "De baas zei dat het slecht afloopt als ze ooit de politie belt.",
            "gen.threats",
            "politie",
        ),
        ("If she calls the police, he will find her.", "gen.threats", "police"),
        ("He said with one call my work permit is gone.", "gen.threats", "permit"),
        (
            "De bemiddelaar zegt dat hij haar verblijfsvergunning laat intrekken.",
            "gen.threats",
            "verblijfsvergunning",
        ),
        ("Whoever stops working sleeps outside tonight.", "gen.threats", "outside"),
        ("The landlord said they would be kicked out of the house.", "gen.threats", "kicked"),
        ("Hij zegt dat ze dan uit het huis gezet wordt.", "gen.threats", "gezet"),
        ("Hij haalt de filmpjes pas weg als ze nog een keer komt.", "gen.threats", "weg"),
        ("He will only take the pictures down if she comes back.", "gen.threats", "down"),
        ("Send more or everyone at your school sees it.", "gen.threats", "sees"),
        # Violence with a knife.
        ("De huismeester heeft hem met een mes in zijn arm gesneden.", "gen.violence", "mes"),
        ("One of them stabbed him in the leg last week.", "gen.violence", "stabbed"),
        # Restriction of movement: locked from outside.
        (
            "The boss locked the barn where we sleep from outside.",
            "gen.movement_restricted",
            "outside",
        ),
    ],
)
def test_threats_violence_and_locks_in_more_words(text: str, indicator: str, evidence: str) -> None:
    """Threats with the police as condition, a permit or a home taken away, pictures kept
    online until; a knife used; a door locked from outside (since 2026.12.7)."""
    assert indicator in ids(text)
    assert evidence in words_of(text, indicator)


@pytest.mark.parametrize(
    "text",
    [
        "Als de politie belt, geef dan dit nummer.",
        "She has a work permit and her own flat.",
        "De buurman sliep buiten in zijn tuin, het was warm.",
        "Ze haalt de foto's van de website weg als het seizoen voorbij is.",
        "Hij snijdt groenten met een mes in de keuken.",
    ],
)
def test_ordinary_sentences_with_those_words_are_no_threat_or_violence(text: str) -> None:
    assert not ids(text) & {"gen.threats", "gen.violence", "gen.movement_restricted"}


@pytest.mark.parametrize(
    ("text", "indicator", "evidence"),
    [
        # Grooming and loverboy signs.
        (
            "Hij laat haar met klanten naar bed gaan. Als hij belt moet ze meteen opnemen.",
            "sex.always_reachable",
            "opnemen",
        ),
        (
            "He makes her sell sex. She has to answer right away when he calls.",
            "sex.always_reachable",
            "answer",
        ),
        (
            "Hij laat haar met klanten naar bed gaan. Ze is twee nachten weggebleven.",
            "sex.runaway_truancy",
            "weggebleven",
        ),
        (
            "He makes her sell sex. Last week she stayed out all night again.",
            "sex.runaway_truancy",
            "night",
        ),
        (
            "Hij laat haar met klanten naar bed gaan. Ze heeft ineens nieuwe sieraden.",
            "sex.appearance_gifts",
            "sieraden",
        ),
        # Forced sex work told by what others do with her.
        ("Zijn vrienden gaan daar met haar naar bed.", "sex.forced_sex_work", "bed"),
        ("I said no to a client and he hit me.", "sex.forced_sex_work", "client"),
        ("De filmpjes staan nu op een pornosite.", "sex.online", "filmpjes"),
        # Criminal: carrying for others, not asking what is inside.
        ("He drives the cars to Belgium and doesn't ask what's in them.", "crim.drugs", "ask"),
        ("Ze wilden hem dwingen een tas mee te nemen naar school.", "crim.forced_crime", "dwingen"),
        # Labour: wages paid back, housing let by the agency per bed.
        (
            "Every month the owner makes me transfer 1.500 back to him.",
            "gen.wages_withheld",
            "transfer",
        ),
        (
            "Hij moet elke maand 400 euro terugstorten aan de baas.",
            "gen.wages_withheld",
            "terugstorten",
        ),
        ("The boss takes my salary and keeps it.", "gen.wages_withheld", "salary"),
        (
            "Het huis wordt door het bureau gehuurd en per bed verhuurd.",
            "lab.employer_housing",
            "bureau",
        ),
        ("Hij werkt bij een vleesbedrijf en krijgt geen loon.", "lab.sector", "vleesbedrijf"),
    ],
)
def test_grooming_forced_sex_work_carrying_and_wages_paid_back(
    text: str, indicator: str, evidence: str
) -> None:
    """Phrasings of issue 14's families that every tunable set lacked (a supporting sign
    beside a core one of its form, as it is only shown then): must answer at once,
    nights away, new jewellery; friends who go to bed with her, saying no to a client,
    videos on a porn site; not asking what is in the car, forced to carry a bag; wages
    transferred back, the boss taking the salary, a house let per bed (since 2026.12.7)."""
    assert indicator in ids(text)
    assert evidence in words_of(text, indicator)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Hij neemt altijd meteen op als ik bel.", "sex.always_reachable"),
        ("Zijn vrienden gaan vroeg naar bed.", "sex.forced_sex_work"),
        ("She asked the client what he wanted for dinner.", "sex.forced_sex_work"),
        ("De foto's staan op de website van de school.", "sex.online"),
        ("I don't know what's in the contract.", "crim.drugs"),
        ("I transfer money back to my mother every month.", "gen.wages_withheld"),
    ],
)
def test_the_same_words_in_ordinary_sentences_raise_nothing(text: str, indicator: str) -> None:
    assert indicator not in ids(text)


@pytest.mark.parametrize(
    ("text", "top"),
    [
        (
            "She does webcam shows 12 hours a day, every day. The boss keeps her passport "
            "and she gets no pay. He hits her when she refuses.",
            "sexual",
        ),
        (
            "Hij moet elke dag zakkenrollen in de stad en 300 euro inleveren. De baas heeft "
            "zijn paspoort, hij krijgt geen loon en wordt geslagen als hij weigert.",
            "criminal",
        ),
    ],
)
def test_labour_signs_that_restate_general_ones_do_not_outrank_the_story(
    text: str, top: str
) -> None:
    """Long hours, a passport kept and no pay in a webcam or pickpocketing story tell how
    that exploitation works: labour, with no sign of its own, is not suggested first."""
    assert suggest(text).forms[0] == top


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hij krijgt 20 euro 'zakgeld' per week.", "20 euro 'zakgeld' per week"),
        ("We get 3 euro cash per hour.", "3 euro cash per hour"),
    ],
)
def test_a_wage_with_one_word_before_the_period(text: str, words: str) -> None:
    """ "20 euro 'zakgeld' per week", "3 euro cash per hour": a word between the amount
    and the period still makes a wage, unless that word is rent, a fine or a debt."""
    assert [found.lower() for found in wages(text)] == [words.lower()]


@pytest.mark.parametrize(
    "text", ["Ze betalen 80 euro huur per week.", "Hij krijgt 50 euro boete per dag."]
)
def test_rent_or_a_fine_between_amount_and_period_is_no_wage(text: str) -> None:
    assert wages(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Het loon van de medewerkers gaat naar een rekening op naam van de eigenaar.",
        "Their wages are paid into the boss's account.",
    ],
)
def test_wages_paid_into_the_bosss_account(text: str) -> None:
    """Wages routed through an account of the boss or owner: he controls the pay."""
    assert "lab.bank_card_controlled" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Een leerling van 15 werkt ongeveer 40 uur per week in een kapsalon.",
        "My son is 14 and works 32 hours a week at the market.",
    ],
)
def test_full_time_hours_for_a_minor_are_excessive(text: str) -> None:
    """A child of school age working 30 hours a week or more (Dutch law allows a
    15-year-old 12 in a school week) is excessive overtime, with the hours as evidence."""
    assert {"gen.excessive_overtime", "lab.long_hours"} <= ids(text)
    assert any("uur" in w or "hours" in w for w in words_of(text, "gen.excessive_overtime"))


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon van 15 werkt 8 uur per week in de supermarkt.",
        "The man works 40 hours a week; his daughter is 12.",
        "Hij werkt 40 uur per week en is 34.",
    ],
)
def test_part_time_hours_or_an_adult_s_week_are_not(text: str) -> None:
    assert "gen.excessive_overtime" not in ids(text)
