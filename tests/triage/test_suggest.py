"""Suggestions from text: indicators with spans, a form with reasons, urgency flags."""

from meldpunt.triage.suggest import detect_language, suggest, tokenize

LABOUR_NL = (
    "Buurvrouw belt: in de woning wonen acht Poolse mannen. Ze werken zeven dagen per week "
    "in de kassen. De baas heeft hun paspoort afgepakt en ze krijgen contant betaald."
)
SEXUAL_EN = (
    "My neighbour's daughter is picked up after school by a much older boyfriend. She wears "
    "expensive new clothes, and I heard she has to have sex with clients and hand over the money."
)
CRIMINAL_NL = (
    "Mijn zoon van 15 moet van oudere jongens drugs verkopen om een straatboete af te betalen. "
    "Hij heeft twee telefoons en komt 's nachts niet thuis."
)


def test_labour_text_suggests_labour_with_reasons() -> None:
    """Passport, seven-day weeks and cash pay point to labour exploitation, with reasons."""
    result = suggest(LABOUR_NL)
    ids = {m.id for m in result.indicators}
    assert {"gen.documents_retained", "gen.excessive_overtime", "lab.underpaid_cash"} <= ids
    assert result.form == "labour"
    reasons = {r.indicator_id for r in result.form_score.reasons}
    assert "lab.underpaid_cash" in reasons
    assert result.form_score.score >= 2.0


def test_spans_point_at_the_words_that_triggered() -> None:
    """Each span of a match cuts a triggering word out of the original text."""
    result = suggest(LABOUR_NL)
    passport = next(m for m in result.indicators if m.id == "gen.documents_retained")
    assert passport.words(LABOUR_NL) == ["afgepakt", "paspoort"]
    for start, end in result.spans():
        assert LABOUR_NL[start:end].strip() == LABOUR_NL[start:end]


def test_english_text_suggests_sexual_exploitation() -> None:
    """A lover boy, clients and handing over money point to sexual exploitation."""
    result = suggest(SEXUAL_EN)
    assert result.language == "en"
    assert result.form == "sexual"
    assert {"sex.lover_boy", "sex.forced_sex_work", "sex.earnings_handed_over"} <= {
        m.id for m in result.indicators
    }


def test_criminal_text_flags_a_minor() -> None:
    """Drug dealing to pay off a street fine is criminal exploitation; a son of 15 is a minor."""
    result = suggest(CRIMINAL_NL)
    assert result.form == "criminal"
    assert "minor" in {m.id for m in result.urgency}


def test_urgency_flags_for_danger_violence_health_and_missing() -> None:
    """Words for a weapon, beating, hospital and a missing person each raise their flag."""
    text = (
        "Hij heeft haar geslagen en bedreigd met een mes. "
        "Ze moest naar het ziekenhuis en is nu vermist."
    )
    assert {m.id for m in suggest(text).urgency} == {
        "acute_danger",
        "violence",
        "health",
        "missing",
    }


def test_text_without_signals_suggests_nothing() -> None:
    """An ordinary question gives no indicators and the form "none"."""
    result = suggest("Ik wil graag weten hoe laat jullie open zijn op maandag.")
    assert result.indicators == ()
    assert result.form == "none"


def test_a_single_weak_signal_gives_no_form() -> None:
    """One weak signal is not enough to suggest a form: the form stays unknown."""
    assert suggest("Hij wordt bedreigd.").form == "unknown"


def test_lemmas_match_other_word_forms() -> None:
    """A pattern word matches other forms of the same lemma (slaan, sloeg, geslagen)."""
    assert "gen.violence" in {m.id for m in suggest("De baas slaat hem soms.").indicators}


def test_language_detection() -> None:
    """Dutch, English and a mix of both are told apart by function words."""
    assert (
        detect_language(tokenize("Ik denk dat het niet goed gaat met haar en de kinderen.")) == "nl"
    )
    assert detect_language(tokenize("I think that she is not doing well and he is there.")) == "en"
    mixed = "Ik denk dat het niet goed gaat. She is not allowed to leave the house and he is there."
    assert detect_language(tokenize(mixed)) == "mixed"


def test_result_reports_the_taxonomy_version() -> None:
    """Every suggestion says which version of the taxonomy made it."""
    from meldpunt.triage.taxonomy import taxonomy

    assert suggest("test").taxonomy_version == taxonomy().version
