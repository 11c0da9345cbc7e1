"""The checklist of signals an advisor ticks on a contact, as choices for forms and pages.

What is on it is triage's taxonomy: the triage app registers it at start-up
(``register_checklist`` from its AppConfig.ready), so cases shows it without importing
triage, which sits above cases.
"""

from collections.abc import Callable

GroupedChoices = list[tuple[str, list[tuple[str, str]]]]

_source: list[Callable[[], GroupedChoices]] = []


def register_checklist(grouped_choices: Callable[[], GroupedChoices]) -> None:
    """Name the function that gives the checklist, grouped, in the active language."""
    _source[:] = [grouped_choices]


def grouped_indicator_choices() -> GroupedChoices:
    """Choices grouped by form, for a checklist with headings; empty if none registered."""
    return _source[0]() if _source else []


def indicator_choices() -> list[tuple[str, str]]:
    """(id, label) for every signal on the checklist, in the active language."""
    return [choice for _group, choices in grouped_indicator_choices() for choice in choices]
