"""Issue 14, rules 2026.12.5: each general fix of this version, one test each."""

import pytest

from meldpunt.triage.suggest import suggest
from tests.triage.found import ids, urgency, words_of


@pytest.mark.parametrize(
    ("text", "wage"),
    [
        ("Ze pellen garnalen voor 4 euro per uur.", "4 euro per uur"),
        ("He washes cars for 25 euros a day.", "25 euros a day"),
    ],
)
def test_a_wage_far_under_the_minimum_is_also_paid_far_too_little(text: str, wage: str) -> None:
    """A wage written as a number far under the minimum is wages withheld and the labour
    item "paid far too little", with the same words."""
    assert {"gen.wages_withheld", "lab.underpaid_cash"} <= ids(text)
    assert words_of(text, "lab.underpaid_cash") == [wage]


def test_hours_count_for_labour_at_the_labour_weight() -> None:
    """Hours found as excessive overtime and long hours count once, as the labour item:
    16 hours a day in a sector is a labour case."""
    result = suggest("Hij werkt 16 uur per dag in een vleesfabriek en krijgt 5 euro per uur.")
    assert result.form == "labour"
    labour = next(s for s in result.scores if s.form == "labour")
    counted = {r.indicator_id for r in labour.reasons}
    assert "lab.long_hours" in counted
    assert "gen.excessive_overtime" not in counted


def test_a_bank_card_held_by_the_boss_is_no_money_mule() -> None:
    """ "Bankpas en pincode" with the employer is control over the worker's account, not
    lending it out; lent out for money it is a money mule."""
    boss = "De boer heeft de bankpas en pincode van alle plukkers en neemt het loon op."
    lent = "Zijn bankpas en pincode heeft hij voor 100 euro uitgeleend aan een jongen."
    assert "crim.money_mule" not in ids(boss)
    assert "lab.bank_card_controlled" in ids(boss)
    assert "crim.money_mule" in ids(lent)


def test_owing_the_family_for_a_flight_is_no_street_fine() -> None:
    """A debt to an employer or host family is debt bondage, not a debt to a gang."""
    found = ids("The host family says she owes them for her ticket and the visa.")
    assert "gen.debt_bondage" in found
    assert "crim.street_fine" not in found


@pytest.mark.parametrize(
    "text",
    [
        "A girl of 13 sent a picture of herself to a boy online; now he wants money or "
        "the picture goes to her classmates.",
        "Hij heeft filmpjes van zichzelf gemaakt en die worden nu verkocht.",
        "A photographer filmed her in secret while she was changing.",
    ],
)
def test_images_of_oneself_sold_or_spread_are_online_exploitation(text: str) -> None:
    """Pictures or videos of oneself, without clothes, sold, sent to classmates, or
    filmed in secret: online sexual exploitation."""
    assert "sex.online" in ids(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ze wonen boven de winkel van hun baas, met zes man.", "lab.employer_housing"),
        ("The pickers live in containers on the premises.", "lab.employer_housing"),
        ("They don't let him go out on his own.", "gen.movement_restricted"),
        ("Ze mag alleen met de eigenaar de deur uit.", "gen.movement_restricted"),
        ("He knew nobody in the country.", "gen.isolation"),
        ("Hij kende niemand in Nederland.", "gen.isolation"),
        ("Ze kregen maandenlang niets uitbetaald.", "gen.wages_withheld"),
        ("Hij zei dat hij niets tegen de politie mocht zeggen.", "gen.threats"),
        ("They know where his mother lives.", "gen.threats"),
        ("Als ze klaagt, wordt ze ontslagen.", "gen.threats"),
        ("The company keeps their ID cards.", "lab.passport_withheld"),
        ("At night they pack weed into boxes.", "crim.drugs"),
        ("Hij beloofde dat hij makkelijk geld kon verdienen.", "gen.deception"),
        ("Het oude vrouwtje met de rollator lijkt in de war.", "gen.vulnerability"),
        ("They stand in the mud without gloves or boots.", "gen.abusive_conditions"),
    ],
)
def test_ordinary_words_for_the_signals(text: str, expected: str) -> None:
    """Separable and inflected verbs, English at the Dutch level: the signal is found."""
    assert expected in ids(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "He said he does not owe anyone money and does not want to leave.",
            "gen.movement_restricted",
        ),
        ("She works in elderly care in Almere.", "gen.vulnerability"),
        ("Hij sliep slecht en zei dat de mannen van de buren lawaai maken.", "sex.forced_sex_work"),
    ],
)
def test_no_signal_from_loose_words(text: str, absent: str) -> None:
    """ "does not" alone is no "does not let ... leave"; "elderly care" is no "in care";
    "sliep ... mannen" over a conjunction is no sex work."""
    assert absent not in ids(text)


def test_nothing_kept_of_what_she_earns_is_wages_withheld() -> None:
    """The pattern for "houdt (bijna) niets over" needed "niets" twice (a word written
    with "|" binds one word); it reads now."""
    assert "gen.wages_withheld" in ids("Hij houdt niets over aan het eind van de maand.")


def test_several_counter_signals_with_a_ruling_out_need_more_evidence() -> None:
    """Ruled out with three different counter-signals, two strong-looking words
    ("escort", "earnings") are no form."""
    result = suggest(
        "My sister works as an escort. She works for herself, has her own apartment and "
        "can stop any time; she keeps her own earnings from the escort work. There is no "
        "sign that anyone forces her."
    )
    assert result.ruled_out
    assert result.form == "none"


def test_locked_in_now_is_acute_danger() -> None:
    """A first-person "he locked me in" in a chat is acute danger, in both languages."""
    assert "acute_danger" in urgency("Help, he locked me in the room.")
    assert "acute_danger" in urgency("Hij heeft me opgesloten in de kelder.")


def test_an_age_after_a_comma_and_before_a_full_stop_is_a_minor() -> None:
    """ "her nephew, 15. He ..." flags a minor; "the kids, 15 euros." does not."""
    assert "minor" in urgency("Aunt calls about her nephew, 15. He sells drugs.")
    assert "minor" not in urgency("She paid the kids, 15 euros each.")


@pytest.mark.parametrize(
    "text",
    [
        "Er zijn geen signalen van uitbuiting of prostitutie.",
        "He is not locked in or beaten.",
    ],
)
def test_a_negation_reaches_over_or(text: str) -> None:
    """ "geen uitbuiting of prostitutie": the negation covers both nouns joined by "of"."""
    assert ids(text) == set()


def test_or_without_a_negation_is_no_negation() -> None:
    assert "gen.violence" in ids("Hij werd geslagen of geschopt.")


def test_documents_kept_at_work_are_also_no_access_to_own_passport() -> None:
    """Documents kept in a text about work are the labour item too, whoever keeps them;
    in a text about sex work they are not."""
    work = "Hij werkt in een distributiecentrum. De man die hem ophaalde hield zijn paspoort."
    sex = "She sees clients in a hotel room. The man holds her passport and takes the money."
    assert {"gen.documents_retained", "lab.passport_withheld"} <= ids(work)
    assert suggest(work).form == "labour"
    assert "lab.passport_withheld" not in ids(sex)


@pytest.mark.parametrize(
    ("text", "wage"),
    [
        ("The farm pays its pickers 3.50 an hour.", "3.50 an hour"),
        ("Hij houdt na aftrek van huur ongeveer 250 euro per maand over.", "250 euro per maand"),
    ],
)
def test_a_wage_without_euro_or_after_deductions(text: str, wage: str) -> None:
    """An amount without "euro" is a wage with a word for being paid before it; what is
    left after rent is deducted is the wage."""
    assert words_of(text, "gen.wages_withheld") == [wage]


@pytest.mark.parametrize(
    "text",
    ["He drives 80 an hour on the motorway.", "Ze betalen 450 per maand huur."],
)
def test_a_speed_or_a_rent_is_no_wage(text: str) -> None:
    assert "gen.wages_withheld" not in ids(text)


def test_madam_of_a_domestic_worker_is_no_sex_work() -> None:
    """ "Madam" is how domestic workers name their employer; only with money, clients, a
    window or a debt is she a madam in sex work."""
    assert "sex.forced_sex_work" not in ids("Madam keeps my salary for me.")
    assert "sex.forced_sex_work" in ids("She has to pay 30,000 euros to her madam.")


def test_a_quoted_chat_message_is_read_in_english() -> None:
    """A short English chat message quoted in a Dutch note ("send me ur bank card") is
    read with the English patterns."""
    text = (
        'Op haar telefoon zag hij een bericht: "send me ur bank card and pin today and u '
        'get 300 tomorrow". Ze zegt dat het niks illegaals is.'
    )
    assert "crim.money_mule" in ids(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each was a phrase list written with "|", which binds one word, so it never read
        ("It says if he doesn't pay, the pictures go online.", "gen.threats"),
        ("They found cannabis plants in the attic.", "crim.drugs"),
        ("The boss has his bank card.", "lab.bank_card_controlled"),
        ("Nobody forces her to do this work.", "rules_out"),
        ("He grooms her online.", "sex.online"),
        ("The foreman shouts at them all day.", "gen.threats"),
    ],
)
def test_phrase_lists_that_never_read_now_read(text: str, expected: str) -> None:
    """Patterns such as "grow lamps|growing lamps|cannabis plants" meant whole phrases but
    read "grow (lamps or growing) (lamps or cannabis) ..."; rewritten, they read."""
    result = suggest(text)
    found = ids(text) | ({"rules_out"} if result.ruled_out else set())
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "He gets angry sometimes, but only at the football.",
        "Ze krijgt eten van de buren.",
        "We werken 7 tot 15 uur in de kas.",
    ],
)
def test_loose_words_of_broken_phrases_no_longer_fire(text: str) -> None:
    """ "gets|get|got angry & if|or" read any "gets"; "krijgt|krijgen alleen & eten" any
    "krijgt ... eten"; "7 tot 15 uur" is a working day from seven to three."""
    assert ids(text) & {"gen.threats", "gen.wages_withheld", "gen.excessive_overtime"} == set()


def test_work_from_a_time_to_a_time() -> None:
    """ "we work 6 in the morning to 7 evening" without "from" is a 13-hour day."""
    assert "gen.excessive_overtime" in ids("we work 6 in the morning to 7 evening")


def test_several_ways_of_ruling_out_count_like_several_counter_signals() -> None:
    """A request for lesson material that says there is no specific case and it is just
    prevention: no form for "loverboys" and "sextortion" named as topics."""
    result = suggest(
        "Teacher asks for lesson material about loverboys and sextortion for a class. No "
        "specific case, just prevention."
    )
    assert result.ruled_out
    assert result.form == "none"
