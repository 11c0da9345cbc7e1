"""What the triage rules find in a text, for the rule tests: indicator ids, the words that
triggered one, the urgency flags."""

from meldpunt.triage.suggest import suggest


def ids(text: str) -> set[str]:
    return {m.id for m in suggest(text).indicators}


def words_of(text: str, indicator: str) -> list[str]:
    match = next(m for m in suggest(text).indicators if m.id == indicator)
    return [w.lower() for w in match.words(text)]


def urgency(text: str) -> set[str]:
    return {m.id for m in suggest(text).urgency}
