"""Issue 14, 2026.12.15: a text that says in so many words that there is no exploitation
gets no indicators, and shows the words that say so. On every non-frozen set, the
indicators shown in such texts were wrong 3 times in 4 ("I keep all my money" read as
earnings handed over). Written before the rules read it."""

from meldpunt.triage.presenters import present
from meldpunt.triage.suggest import suggest
from tests.triage.found import ids

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
