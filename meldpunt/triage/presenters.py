"""Turning a Suggestion into what a template shows: highlighted text and labelled items."""

from dataclasses import dataclass, field, replace

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django_stubs_ext import StrPromise

from meldpunt.cases.models import Exploitation
from meldpunt.triage.reading import UNREAD_LANGUAGES
from meldpunt.triage.services import FORM_PREFIX
from meldpunt.triage.suggest import Match, Suggestion
from meldpunt.triage.taxonomy import indicator_choices, taxonomy


@dataclass(frozen=True)
class ShownIndicator:
    id: str
    label: str
    explanation: str
    group_label: str
    words: list[str]
    decision: str = ""
    # An indicator its model read (since 2026.12.9): the chance in percent; ``words`` are
    # then the words that weighed most.
    chance: int | None = None


@dataclass(frozen=True)
class ShownReason:
    label: str
    weight: float
    words: list[str]


@dataclass(frozen=True)
class ShownForm:
    id: str
    label: StrPromise
    score: float
    reasons: list[ShownReason]
    decision: str = ""
    # The form model's chance in percent and the words that weighed most for this form,
    # for a form that is shown of a text the model reads (since 2026.12.8).
    chance: int | None = None
    weighed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ShownChance:
    label: StrPromise
    chance: int


@dataclass(frozen=True)
class ShownUrgency:
    id: str
    label: str
    words: list[str]


@dataclass(frozen=True)
class Presented:
    language: str
    highlighted: SafeString
    indicators: list[ShownIndicator]
    form: str
    scores: list[ShownForm]
    forms: list[ShownForm]
    urgency: list[ShownUrgency]
    # Every class of the form model with its chance, highest first (empty when the
    # model does not read the text's language).
    chances: list[ShownChance]
    version: str
    ruled_out: bool
    # The words by which the text says itself that there is no exploitation.
    ruled_out_words: list[str] = field(default_factory=list)

    @property
    def learned(self) -> bool:
        """Some indicator was read by its model, not found by the rules (since 2026.12.9)."""
        return any(ind.chance is not None for ind in self.indicators)

    @property
    def unread(self) -> bool:
        """The text is in a language the rules have no words for (Bulgarian, Ukrainian,
        Arabic): only entities are found, so the screen says the rules cannot read it."""
        return self.language in UNREAD_LANGUAGES


def highlight(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """``text`` escaped, with each span wrapped in <mark>."""
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts.append(escape(text[at:start]))
        parts.append(f'<mark class="triage-mark">{escape(text[start:end])}</mark>')
        at = end
    parts.append(escape(text[at:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def present(
    text: str, suggestion: Suggestion, decisions: dict[str, str] | None = None
) -> Presented:
    tax = taxonomy()
    decisions = decisions or {}
    groups = {group.id: group.label for group in tax.groups}
    indicators = []
    words = {match.id: _words(match, text) for match in suggestion.indicators}
    for match in suggestion.indicators:
        ind = tax.indicator(match.id)
        indicators.append(
            ShownIndicator(
                id=ind.id,
                label=ind.label,
                explanation=ind.explanation,
                group_label=groups[ind.group],
                words=words[match.id],
                decision=decisions.get(ind.id, ""),
                chance=None if match.chance is None else round(100 * match.chance),
            )
        )
    reading = suggestion.reading

    def reason(indicator_id: str, weight: float) -> ShownReason:
        return ShownReason(tax.indicator(indicator_id).label, weight, words.get(indicator_id, []))

    scores = [
        ShownForm(
            id=score.form,
            label=Exploitation(score.form).label,
            score=score.score,
            reasons=[reason(r.indicator_id, r.weight) for r in score.reasons],
            decision=decisions.get(f"form:{score.form}", ""),
        )
        for score in suggestion.scores
    ]
    by_form = {form.id: form for form in scores}
    forms = []
    for form in suggestion.forms:
        # A form the model reads and the rules gave no score: its own signals, if any.
        base = by_form.get(form) or ShownForm(
            id=form,
            label=Exploitation(form).label,
            score=0.0,
            reasons=[
                reason(m.id, 0.0) for m in suggestion.indicators if tax.indicator(m.id).form == form
            ],
            decision=decisions.get(f"form:{form}", ""),
        )
        if reading is not None:
            base = replace(
                base,
                chance=round(100 * reading.probabilities[form]),
                weighed=[w.words(text) for w in reading.reasons(form)],
            )
        forms.append(base)
    chances = (
        []
        if reading is None
        else [ShownChance(Exploitation(name).label, round(100 * p)) for name, p in reading.ranked()]
    )
    urgency = [
        ShownUrgency(id=m.id, label=tax.urgency_rule(m.id).label, words=m.words(text))
        for m in suggestion.urgency
    ]
    return Presented(
        language=suggestion.language,
        highlighted=highlight(text, suggestion.spans()),
        indicators=indicators,
        form=suggestion.form,
        scores=scores,
        forms=forms,
        urgency=urgency,
        chances=chances,
        version=suggestion.taxonomy_version,
        ruled_out=suggestion.ruled_out,
        ruled_out_words=sorted(
            {w for m in suggestion.said_out for w in m.words(text)}, key=str.lower
        ),
    )


def _words(match: Match, text: str) -> list[str]:
    """The words that caused an indicator: the rules' matched words, or for one its model
    read, the words that weighed most."""
    if match.chance is None:
        return match.words(text)
    return [w.words(text) for w in match.weighed]


@dataclass(frozen=True)
class ChecklistGroup:
    label: str
    items: list[tuple[str, str, bool]]


def checklist(ticked: list[str]) -> list[ChecklistGroup]:
    """Every indicator by group as (id, label, ticked), for the case view's checklist."""
    chosen = set(ticked)
    return [
        ChecklistGroup(
            label=group.label,
            items=[(ind.id, ind.label, ind.id in chosen) for ind in group.indicators],
        )
        for group in taxonomy().groups
    ]


def signal_label(item: str) -> str:
    """A decided item in words: an indicator by its label, ``form:<form>`` by the form's."""
    if item.startswith(FORM_PREFIX):
        form = item.removeprefix(FORM_PREFIX)
        return str(dict(Exploitation.choices).get(form, form))
    return str(dict(indicator_choices()).get(item, item))
