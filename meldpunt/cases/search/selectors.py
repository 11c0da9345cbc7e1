"""Reads of the case search: a query's words become the index's tokens, matched per case.

How the index is built: ``meldpunt.cases.search.index``.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone

from meldpunt.audit.services import audit_record
from meldpunt.cases.models import Case, CaseSearchToken
from meldpunt.cases.search.index import (
    entity_tokens,
    find_entities,
    normalise_words,
    word_tokens,
)
from meldpunt.cases.selectors import user_may_handle_cases

MAX_QUERY_WORDS = 8
MAX_RESULTS = 500

_CASE_NUMBER = re.compile(r"^\s*(\d{4})-(\d{1,6})\s*$")
_BARE_CASE_NUMBER = re.compile(r"^\s*(\d{1,6})\s*$")


def query_tokens(words: str) -> list[list[str]]:
    """Per query word the tokens of its forms; at most MAX_QUERY_WORDS distinct words.

    Entities (a phone number, a plate, a postcode with house number, an e-mail address,
    an IBAN) are one slot each, in their normal form; the words around them are slots of
    their own. A search box is typed casually, so entities are looked for in upper case:
    "vt 123 b" is the plate VT-123-B, "1234 ab 5" the address 1234AB 5.
    """
    upper = words.upper()
    text = upper if len(upper) == len(words) else words
    slots: dict[tuple[str, ...], None] = {}
    for entity in find_entities(text):
        slots.setdefault(tuple(entity_tokens(entity.kind, entity.value)), None)
        text = text[: entity.start] + " " * (entity.end - entity.start) + text[entity.end :]
    for forms in normalise_words(text):
        slots.setdefault(tuple(token for form in forms for token in word_tokens(form)), None)
    return [list(slot) for slot in list(slots)[:MAX_QUERY_WORDS]]


def parse_case_number(text: str) -> str | None:
    """``2026-42`` or ``2026-00042`` as the stored case number, or None."""
    match = _CASE_NUMBER.match(text)
    if not match:
        return None
    return f"{match.group(1)}-{int(match.group(2)):05d}"


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    status: str = ""
    assigned_to_id: int | None = None
    unassigned: bool = False
    created_from: date | None = None
    created_to: date | None = None


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def case_search(query: CaseQuery) -> QuerySet[Case]:
    """Cases matching every filter and every word of ``query.text``, newest first.

    A text that is a case number finds that case, a bare number ("6") also the case
    numbered so in any year; otherwise each word must occur in the case's content (AND).
    Callers check that the user may search cases.
    """
    cases = Case.objects.select_related("assigned_to").order_by("-created_at", "-pk")
    text = query.text.strip()
    number = parse_case_number(text) if text else None
    bare = _BARE_CASE_NUMBER.match(text)
    if number:
        cases = cases.filter(number=number)
    elif text:
        slots = query_tokens(text)
        if not slots and not bare:
            return cases.none()
        matches = Q()
        for slot in slots:
            matches &= Q(pk__in=CaseSearchToken.objects.filter(token__in=slot).values("case_id"))
        if bare:
            # "6" or "00006": the case with that number in any year, or a word "00006".
            same_number = Q(number__endswith=f"-{int(bare.group(1)):05d}")
            matches = same_number | matches if slots else same_number
        cases = cases.filter(matches)
    if query.status:
        cases = cases.filter(status=query.status)
    if query.unassigned:
        cases = cases.filter(assigned_to__isnull=True)
    elif query.assigned_to_id:
        cases = cases.filter(assigned_to_id=query.assigned_to_id)
    if query.created_from:
        cases = cases.filter(created_at__gte=_start_of(query.created_from))
    if query.created_to:
        cases = cases.filter(created_at__lt=_start_of(query.created_to + timedelta(days=1)))
    return cases


def search_cases_for_user(user: Any, query: CaseQuery) -> QuerySet[Case]:
    """``case_search`` for someone who may see case content; the search itself is audited.

    The audit entry names which filters were used, never the words searched for.
    """
    if not user_may_handle_cases(user):
        raise PermissionDenied
    used = [name for name, value in vars(query).items() if value]
    audit_record(actor=user, action="case.search", detail={"filters": sorted(used)})
    return case_search(query)


def results_page(cases: QuerySet[Case], page_number: int, *, per_page: int) -> Page[Case]:
    """One page of at most MAX_RESULTS cases.

    Counting every match of a very common word costs far more than showing a page; past
    MAX_RESULTS the screen asks for a more precise search instead.
    """
    return Paginator(cases[:MAX_RESULTS], per_page).get_page(page_number)
