"""The indicator taxonomy: a versioned, checked data file with labels in both languages."""

import pytest
from django.utils import translation

from meldpunt.triage.suggest import _indexes
from meldpunt.triage.taxonomy import (
    DATA_FILE,
    FORMS,
    _load,
    grouped_indicator_choices,
    indicator_choices,
    only_weak_words,
    taxonomy,
)


def test_taxonomy_has_a_version_and_the_four_groups() -> None:
    """The general ILO group and one group per form of exploitation, in that order."""
    tax = taxonomy()
    assert tax.version
    assert [group.id for group in tax.groups] == ["general", *FORMS]


def test_every_indicator_is_complete_and_ids_are_unique() -> None:
    """Each indicator has labels, explanations and patterns in Dutch and English."""
    ids = [ind.id for ind in taxonomy().indicators]
    assert len(ids) == len(set(ids))
    for ind in taxonomy().indicators:
        assert ind.id.split(".")[0] in {"gen", "sex", "lab", "crim"}
        assert ind.label_nl and ind.label_en and ind.explanation_nl and ind.explanation_en
        assert ind.patterns_nl and ind.patterns_en
        assert ind.weight > 0


def test_the_ilo_indicators_are_all_there() -> None:
    """The eleven ILO forced-labour indicators of DOMAIN.md each have an id."""
    general = {ind.id for ind in taxonomy().groups[0].indicators}
    assert general == {
        "gen.vulnerability",
        "gen.deception",
        "gen.movement_restricted",
        "gen.isolation",
        "gen.violence",
        "gen.threats",
        "gen.documents_retained",
        "gen.wages_withheld",
        "gen.debt_bondage",
        "gen.abusive_conditions",
        "gen.excessive_overtime",
    }


def test_indicator_lookup_by_id_and_form() -> None:
    """An id finds its indicator and the form it points to; general ones point to none."""
    assert taxonomy().indicator("lab.passport_withheld").form == "labour"
    assert taxonomy().indicator("gen.debt_bondage").form is None


def test_choices_follow_the_active_language() -> None:
    """Checklists show Dutch labels by default and English ones in English."""
    with translation.override("nl"):
        assert ("sex.lover_boy", "Loverboy of pooierboy") in indicator_choices()
    with translation.override("en"):
        assert ("sex.lover_boy", "Lover boy") in indicator_choices()
        groups = dict(grouped_indicator_choices())
        assert "Labour exploitation" in groups


def test_every_pattern_compiles_to_at_least_one_word() -> None:
    """No pattern in the data file is empty after splitting into words."""
    for index in _indexes(taxonomy().version).values():
        for entries in [*index.exact.values(), *index.prefixed.values()]:
            for pattern, *_ in entries:
                assert pattern.parts
                assert all(phrase for part in pattern.parts for phrase in part)


def test_a_pattern_of_common_words_only_is_refused(tmp_path) -> None:
    """ "veel mannen" or "moe" alone can never be the whole evidence: loading fails."""
    for weak in ("veel mannen", "moe", "worden", "met|van dat", "many men & tired"):
        assert only_weak_words(weak)
    for fine in ("paspoort & afgeven", "prostitu*", "klanten & ontvangen", "niet betaald"):
        assert not only_weak_words(fine)
    text = DATA_FILE.read_text(encoding="utf-8").replace('"uitgeput", ', '"moe", "uitgeput", ', 1)
    broken = tmp_path / "indicators.toml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="common words only"):
        _load(broken)


def test_contra_rules_name_known_ids() -> None:
    """Each counter-signal cancels indicators of the list, urgency flags ("geen direct
    gevaar", since 2026.12.6), every form ("form") or one by name ("geen
    arbeidsuitbuiting", since 2026.12.12)."""
    tax = taxonomy()
    ids = {ind.id for ind in tax.indicators} | {rule.id for rule in tax.urgency}
    ids |= {"form", *FORMS}
    assert tax.contra
    for rule in tax.contra:
        assert set(rule.cancels) <= ids
        assert rule.patterns_nl and rule.patterns_en


def _all_patterns() -> list[str]:
    tax = taxonomy()
    items = [*(i for g in tax.groups for i in g.indicators), *tax.urgency, *tax.contra]
    return [text for item in items for text in (*item.patterns_nl, *item.patterns_en)]


# Legitimate repeats: "on her|his phone with him|her every" names her twice.
REPEATS_MEANT = frozenset({"on her|his phone with him|her every"})


def test_no_phrase_list_written_with_a_bar_in_a_plain_pattern() -> None:
    """In a pattern without "&", "|" binds one word: "grow lamps|growing lamps" reads
    "grow (lamps or growing) lamps" and never "growing lamps". Such a list shows as one
    word in two places of the pattern; 2026.12.5 rewrote 29 of them."""
    wrong = []
    for text in _all_patterns():
        if "&" in text or text in REPEATS_MEANT:
            continue
        words = [set(token.split("|")) for token in text.split()]
        for i, first in enumerate(words):
            if any(
                (len(first) > 1 or len(later) > 1) and first & later for later in words[i + 1 :]
            ):
                wrong.append(text)
                break
    assert wrong == []
