"""Issue 17: triage on Polish and Romanian texts, and "cannot read" for Bulgarian,
Ukrainian and Arabic, without harm to Dutch and English."""

import pytest

from meldpunt.triage.numbers import numeric_signals
from meldpunt.triage.reading import language_of, tokenize
from meldpunt.triage.suggest import suggest
from meldpunt.triage.taxonomy import _load_language, language_patterns, taxonomy
from tests.triage.found import ids, words_of

POLISH = (
    "Szef zabrał nam paszporty i od dwóch miesięcy nie dostaliśmy wypłaty. Mieszkamy w "
    "kontenerze na farmie, za łóżko potrąca 80 euro tygodniowo. Mówi, że jak odejdziemy, "
    "to znajdzie nasze rodziny."
)
ROMANIAN = (
    "Șeful ne-a luat pașapoartele și nu ne-a plătit salariul de două luni. Locuim într-un "
    "container la fermă, ne oprește chiria din salariu. Ne amenință că ne trimite înapoi "
    "în România dacă spunem ceva."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (POLISH, "pl"),
        (ROMANIAN, "ro"),
        ("Seful ne-a luat pasapoartele si nu ne-a platit de doua luni.", "ro"),
        ("Pracodawca trzyma nasze paszporty w sejfie.", "pl"),
        ("Начальникът взе паспорта ми и не ми плаща заплата.", "bg"),
        ("Бригадир забрав мій паспорт і не платить зарплату.", "uk"),
        ("أخذ صاحب العمل جواز سفري ولم يدفع راتبي.", "ar"),
        ("Ik denk dat het niet goed gaat met haar en de kinderen.", "nl"),
        ("I think that she is not doing well and he is there.", "en"),
    ],
)
def test_the_language_is_told_by_function_words_letters_and_script(
    text: str, language: str
) -> None:
    assert language_of(tokenize(text)) == language


def test_the_five_polish_indicators_and_labour() -> None:
    """Passport taken, unpaid, employer housing and threats, with Polish words as
    evidence; the form is labour."""
    result = suggest(POLISH)
    assert result.form == "labour"
    assert {
        "gen.documents_retained",
        "lab.passport_withheld",
        "gen.wages_withheld",
        "lab.employer_housing",
        "gen.threats",
    } <= ids(POLISH)
    assert words_of(POLISH, "gen.documents_retained") == ["paszporty", "zabrał"]
    assert words_of(POLISH, "gen.wages_withheld") == ["dostaliśmy", "nie", "wypłaty"]


def test_the_five_romanian_indicators_and_labour() -> None:
    result = suggest(ROMANIAN)
    assert result.form == "labour"
    assert {
        "gen.documents_retained",
        "lab.passport_withheld",
        "gen.wages_withheld",
        "lab.employer_housing",
        "gen.threats",
    } <= ids(ROMANIAN)
    assert words_of(ROMANIAN, "gen.wages_withheld") == ["nu", "plătit", "salariul"]


def test_debt_in_both_languages_and_without_diacritics() -> None:
    assert "gen.debt_bondage" in ids("Mam u nich dług 2000 euro za przyjazd.")
    assert "gen.debt_bondage" in ids("Mam u nich dlug 2000 euro za przyjazd i mieszkanie.")
    assert "gen.debt_bondage" in ids("Am o datorie de 1500 de euro la cel care m-a adus.")
    assert "gen.debt_bondage" in ids("Trebuie să dăm înapoi banii pentru drum.")


@pytest.mark.parametrize(
    "text",
    [
        "Szef nie zabrał nam paszportów, mamy je przy sobie.",
        "Șeful nu ne-a luat pașapoartele.",
        "Nigdy nie grozi, jest w porządku.",
        "Fără amenințări, totul e bine.",
    ],
)
def test_a_negation_in_the_clause_drops_the_match(text: str) -> None:
    assert ids(text) == set()


def test_nu_negates_only_in_a_romanian_sentence() -> None:
    """ "nu" is Dutch for "now": "Hij is nu opgesloten" keeps its signal."""
    assert "gen.movement_restricted" in ids("Hij is nu opgesloten in het huis van de baas.")
    assert "gen.movement_restricted" not in ids("Nu suntem închiși, putem ieși.")


def test_counter_signals_rule_trafficking_out_in_polish_and_romanian() -> None:
    polish = suggest("Mam swój paszport i płacą mi na czas. Nie ma oznak wyzysku.")
    romanian = suggest("Am pașaportul la mine și mă plătește la timp. Nu sunt semne de exploatare.")
    for result in (polish, romanian):
        assert result.ruled_out and result.form == "none" and not result.indicators


def test_pay_into_an_account_is_no_counter_signal_when_the_boss_keeps_the_card() -> None:
    text = (
        "Agencja założyła mi konto w banku, ale kartę i PIN trzyma szef. Wypłata idzie na to "
        "konto i nic do mnie nie dochodzi."
    )
    assert {"lab.bank_card_controlled", "gen.wages_withheld"} <= ids(text)


def test_an_ordinary_polish_question_gets_no_form() -> None:
    text = (
        "Dzwonię, bo szukam informacji o ubezpieczeniu zdrowotnym w Holandii. Pracuję w "
        "magazynie przez agencję, wszystko jest w porządku, mam umowę i wypłatę co tydzień."
    )
    assert suggest(text).form not in {"labour", "sexual", "criminal"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Pracujemy po 12 godzin dziennie, 7 dni w tygodniu.", "gen.excessive_overtime"),
        ("Lucrăm 12 ore pe zi.", "gen.excessive_overtime"),
        ("70 de ore pe săptămână", "lab.long_hours"),
        ("Płacą nam 4 euro na godzinę.", "gen.wages_withheld"),
        ("Primim 3 euro pe oră.", "gen.wages_withheld"),
        ("Ma 16 lat.", "minor"),
        ("To 15-latka z Łodzi.", "minor"),
        ("O fată de 15 ani din Constanța.", "minor"),
        ("Băiatul (14) e acolo.", "minor"),
    ],
)
def test_numbers_in_polish_and_romanian(text: str, found: str) -> None:
    assert found in {target for target, _ in numeric_signals(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Pracuję tu od 10 lat, 8 godzin dziennie, za 15 euro na godzinę.",
        "Lucrează aici de 15 ani, 8 ore pe zi.",
        "Pokój (14) jest wolny.",
    ],
)
def test_ordinary_numbers_are_no_signal(text: str) -> None:
    assert numeric_signals(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Начальникът взе паспорта ми и не ми плаща заплата. Заплашва ме.",
        "Бригадир забрав мій паспорт і не платить зарплату. Погрожує моїй родині.",
        "أخذ صاحب العمل جواز سفري ولم يدفع راتبي منذ شهرين. يهددني بالترحيل.",
    ],
)
def test_texts_the_rules_cannot_read_say_so_and_suggest_nothing(text: str) -> None:
    result = suggest(text)
    assert result.form == "unknown" and result.forms == ()
    assert result.indicators == ()


def test_a_dutch_note_quoting_arabic_is_still_read_in_dutch() -> None:
    text = (
        "De melder zegt dat de baas zijn paspoort heeft afgepakt en dat hij al twee maanden "
        "niet betaald is. Hij schreef: أخذ صاحب العمل جواز سفري."
    )
    result = suggest(text)
    assert {"gen.documents_retained", "gen.wages_withheld"} <= ids(text)
    assert result.language == "nl"


def test_pattern_files_refer_to_known_ids_and_load() -> None:
    for lang in ("pl", "ro"):
        patterns = language_patterns(lang)
        assert "gen.documents_retained" in patterns and "gen.threats" in patterns


def test_a_pattern_file_with_an_unknown_id_or_common_words_only_is_refused(tmp_path) -> None:
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('[patterns]\n"gen.nonsense" = ["paszport*"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown ids"):
        _load_language(unknown, taxonomy())
    weak = tmp_path / "weak.toml"
    weak.write_text('[patterns]\n"gen.threats" = ["nie jest"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="common words only"):
        _load_language(weak, taxonomy())
