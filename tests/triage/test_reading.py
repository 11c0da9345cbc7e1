"""Issue 14: the assistant reads unseen reports correctly and keeps showing its words."""

import pytest

from meldpunt.triage.reading import tokenize
from meldpunt.triage.suggest import FILLER, suggest
from meldpunt.triage.taxonomy import FORMS
from tests.triage.found import ids, urgency, words_of

POLISH_LABOUR = (
    "Buurman belt. In het huis naast hem wonen veel Poolse mannen, hij denkt een man of "
    "tien. Ze worden elke ochtend om 5:00 opgehaald met een busje. Een van hen vertelde dat "
    "ze hun paspoorten moesten afgeven aan de baas. Hij zegt dat hij al twee maanden niet "
    "betaald is. Ze zien er moe uit."
)
KEEPS_HIS_PASSPORT = (
    "Melder belt over een Poolse collega in de kas. Na doorvragen: hij heeft zijn eigen "
    "paspoort, krijgt zijn loon gewoon via de bank en kan gewoon weg als hij wil. Geen "
    "aanwijzingen voor uitbuiting."
)


def test_the_polish_labour_case_is_labour_with_passport_and_pay_as_evidence() -> None:
    """Labour exploitation, because of "paspoort(en) afgeven" and "niet betaald"; no sexual
    indicator from "veel mannen" or "opgehaald", nothing from "moe"."""
    result = suggest(POLISH_LABOUR)
    assert result.form == "labour"
    assert words_of(POLISH_LABOUR, "gen.documents_retained") == ["afgeven", "paspoorten"]
    assert words_of(POLISH_LABOUR, "gen.wages_withheld") == ["betaald", "niet"]
    assert not {i for i in ids(POLISH_LABOUR) if i.startswith("sex.")}
    assert all(
        POLISH_LABOUR[a:b].lower() not in {"moe", "veel", "mannen", "worden"}
        for a, b in result.spans()
    )


def test_filler_words_are_never_shown_as_evidence() -> None:
    """ "met", "van", "moet", "dat", "ze" and the like never appear among the words."""
    for text in (POLISH_LABOUR, "Ze moet van hem met klanten mee naar hotels, seks voor geld."):
        for match in suggest(text).indicators:
            assert not {w.lower() for w in match.words(text)} & FILLER


def test_a_worker_who_keeps_his_passport_and_can_leave_gets_no_form() -> None:
    """Own passport, pay through the bank, free to leave: no form, no documents signal."""
    result = suggest(KEEPS_HIS_PASSPORT)
    assert result.form not in FORMS
    assert result.forms == ()
    assert not ids(KEEPS_HIS_PASSPORT) & {"gen.documents_retained", "gen.movement_restricted"}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Geen aanwijzingen voor geweld. Ze werkt in de kas.", "gen.violence"),
        ("Hij is niet bedreigd en mag gewoon naar huis.", "gen.threats"),
        ("Hij heeft nooit een schuld gehad bij de baas.", "gen.debt_bondage"),
        ("Zijn loon wordt niet ingehouden.", "gen.wages_withheld"),
        ("Ze werkt zonder problemen, niemand heeft haar geslagen.", "gen.violence"),
        ("He has never been threatened by anyone.", "gen.threats"),
        ("He is not locked in and can leave whenever he wants.", "gen.movement_restricted"),
        ("She does not owe anyone money.", "gen.debt_bondage"),
        ("The cleaner keeps her own passport.", "gen.documents_retained"),
    ],
)
def test_negation_and_contrast_rule_a_signal_out(text: str, absent: str) -> None:
    """Negation in Dutch and English, and counter-signals, take the indicator away."""
    assert absent not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bij aankomst nam de ronselaar hun paspoorten af.",
        "Ze moesten hun ID-kaart inleveren bij het bureau.",
        "De baas pakte hun papieren af toen ze aankwamen.",
        "On the first day they had to hand over their passports to the supervisor.",
        "The agency took their passports when they arrived.",
    ],
)
def test_separable_verbs_and_their_english_equivalents(text: str) -> None:
    """ "nam ... af", "inleveren", "pakte ... af", "had to hand over", "took": documents."""
    assert "gen.documents_retained" in ids(text)


def test_negations_inside_the_pattern_are_the_meaning() -> None:
    """ "geen loon", "niet betaald", "mag niet weg" are signals, not negated signals."""
    assert "gen.wages_withheld" in ids("Ze krijgen geen loon en zijn niet betaald.")
    assert "gen.movement_restricted" in ids("Ze mag niet weg van de baas.")


def test_english_online_sexual_exploitation() -> None:
    """Grooming, undressing on a video call that was recorded, threats to post images."""
    text = (
        "A man she met on TikTok groomed her for weeks, then got her to undress on a video "
        "call and recorded it. Now he threatens to post the images unless she sends more."
    )
    result = suggest(text)
    assert "sex.online" in ids(text)
    assert result.form == "sexual"


@pytest.mark.parametrize(
    "text",
    [
        "A 17-year-old boy lent his bank card and PIN to a guy from the gym. He had to "
        "withdraw cash for him at night and now the account is blocked.",
        "Haar zoon moet voor een kennis geld opnemen bij de pinautomaat en afgeven. Hij heeft "
        "zijn rekening uitgeleend voor 200 euro.",
    ],
)
def test_money_mules_are_criminal_exploitation(text: str) -> None:
    """Lending a bank card or account and withdrawing cash for someone: money mule."""
    assert "crim.money_mule" in ids(text)
    assert suggest(text).form == "criminal"


def test_hours_and_wages_written_as_numbers() -> None:
    """62 hours a week, 3 euro an hour, under the minimum wage, rent deducted from pay."""
    text = (
        "Ze werken 62 uur per week voor 3 euro per uur, ver onder het minimumloon. De huur "
        "wordt van hun loon afgetrokken."
    )
    found = ids(text)
    assert {"gen.excessive_overtime", "gen.wages_withheld", "lab.employer_housing"} <= found
    assert suggest(text).form == "labour"
    english = "They work 70 hours a week for 4 euros an hour and rent is deducted from pay."
    assert {"gen.excessive_overtime", "gen.wages_withheld"} <= ids(english)


@pytest.mark.parametrize(
    "text",
    [
        "Ze werken 38 uur per week en krijgen 15 euro per uur.",
        "De vakbond belde om 14 uur. De huur is 600 euro per maand.",
        "Ze beloofden 14 euro per uur; hij werkt 3 dagen per week.",
    ],
)
def test_ordinary_hours_and_wages_are_no_signal(text: str) -> None:
    """Normal hours, a decent wage, a time of day, rent or a promise are no signal."""
    assert not ids(text) & {"gen.excessive_overtime", "gen.wages_withheld"}


@pytest.mark.parametrize(
    "text",
    [
        "Een 15-jarige scholier heeft een vriend van 23.",
        "Het gaat om een meisje van 15 uit Almere.",
        "Mijn dochter is 14.",
        "Zijn pleegdochter (16) is weggelopen.",
        "De jongens zijn vermoedelijk minderjarig.",
        "Het gaat om een schoolgaande jongen.",
        "My daughter is 15 and met him online.",
        "A 16 year old girl is seen with older men.",
    ],
)
def test_a_minor_is_flagged(text: str) -> None:
    """An age under 18 next to a person, "minderjarig" or "schoolgaand" flags a minor."""
    assert "minor" in urgency(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mijn zoon belt over zijn collega.",
        "Mijn zoon (34) werkt bij een schoonmaakbedrijf.",
        "Ze werken tot 15 uur en zijn met 15 mannen.",
        "Hij woont op nummer 12 en heeft 3 kinderen.",
        "Een vrouw van 19 en haar dochter van 21.",
    ],
)
def test_no_minor_from_any_number_or_from_son_alone(text: str) -> None:
    """ "zoon" alone, an adult's age, a time, a count or a house number is no minor."""
    assert "minor" not in urgency(text)


def test_acute_danger_and_no_direct_danger() -> None:
    """ "geen direct gevaar" raises nothing; locked in now with a death threat does."""
    assert "acute_danger" not in urgency("Er is geen direct gevaar, ze kunnen naar huis.")
    assert "acute_danger" in urgency(
        "Ze zit nu opgesloten en hij heeft gezegd dat hij haar vanavond vermoordt."
    )


def test_language_is_read_per_sentence() -> None:
    """A Dutch phone note that quotes the worker in English finds the English signals."""
    text = (
        "Telefoonnotitie. Beller werkt in een slachterij bij Lelystad. Hij zei letterlijk: "
        "'The boss took our passports and we work 14 hours every day. We get no money.' "
        "Hij wil anoniem blijven."
    )
    assert {"gen.documents_retained", "gen.excessive_overtime"} <= ids(text)
    assert suggest(text).form == "labour"


def test_two_forms_are_both_shown_with_their_own_evidence() -> None:
    """Sexual and criminal exploitation in one report: both forms, each with reasons."""
    text = (
        "Een meisje van 16 moet van haar loverboy seks hebben met klanten in hotels. "
        "Daarnaast moet ze voor hem drugs verkopen op school."
    )
    result = suggest(text)
    assert set(result.forms) == {"sexual", "criminal"}
    for form in result.forms:
        score = next(s for s in result.scores if s.form == form)
        assert any(r.indicator_id.startswith(form[:3]) for r in score.reasons)


def test_a_supporting_indicator_alone_is_not_shown() -> None:
    """ "werkt in een restaurant" alone is no signal; with a general signal it supports labour."""
    assert ids("Hij werkt sinds maart in een restaurant in Almere.") == set()
    assert "lab.sector" in ids("Hij werkt in een restaurant en krijgt geen loon.")


def test_very_long_tokens_are_not_lemmatised(monkeypatch) -> None:
    """A token longer than any word (hostile input) is never handed to the lemmatiser,
    which needs seconds for some of them; its own form is kept."""
    from meldpunt.triage import reading

    def refuse(word: str, lang: str) -> str:
        raise AssertionError(f"lemmatised a token of {len(word)} characters")

    monkeypatch.setattr(reading.simplemma, "lemmatize", refuse)
    word = "a" * (reading.MAX_LEMMA_LENGTH + 1)
    assert reading.forms_of(word) == frozenset({word})


def test_a_separable_verb_before_te_and_its_infinitive_is_joined() -> None:
    """ "zich uit te kleden" gives "kleden" the form "uitkleden", "in te leveren" the form
    "inleveren"; a particle elsewhere joins nothing."""
    words = tokenize("Ze moest zich uit te kleden en haar pas in te leveren.")
    forms = {w.text: w.forms for w in words}
    assert "uitkleden" in forms["kleden"]
    assert "inleveren" in forms["leveren"]
    assert not any("uit" + f in forms["Ze"] for f in forms["Ze"])
