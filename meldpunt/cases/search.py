"""Search over encrypted case content through keyed-hash word tokens.

Design and trade-offs: docs/decisions/0002-search-over-encrypted-content.md. In short:
every word of a case's content is normalised (lower case, accents removed, Dutch
lemma), hashed with the key ring's index key (``blind_index("word", ...)``) and stored
as a ``CaseSearchToken`` row. A query is normalised the same way and matches the cases
that hold every one of its tokens. Whole words only: no prefix or fuzzy search.

Any code that changes case content calls ``case_reindex(case=...)`` inside its own
transaction; code that only adds content may call ``case_index_add`` with the new text
instead, which does not read the case back. Apps that keep content for a case elsewhere
(chat transcripts, web reports) add it with ``register_text_source``.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import simplemma
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from meldpunt.accounts.models import User
from meldpunt.cases.audit import audit_record
from meldpunt.cases.models import (
    Case,
    CaseSearchToken,
    Contact,
    Location,
    Person,
    Task,
    text_values,
)
from meldpunt.cases.selectors import user_may_handle_cases
from meldpunt.lib.crypto import blind_index
from meldpunt.linking.extract import texts_of

MIN_WORD_LENGTH = 3
MAX_QUERY_WORDS = 8
MAX_RESULTS = 500
INDEX_KIND = "word"

# Dutch postcodes ("1234 AB") and phone-like digit runs ("06-123 456 78") are kept whole,
# so a search for either finds them however they were typed.
_POSTCODE = re.compile(r"\b(\d{4})\s?([a-z]{2})\b")
_DIGIT_RUN = re.compile(r"\+?\d[\d \-.]{4,}\d")
_WORD = re.compile(r"\w+")
_CASE_NUMBER = re.compile(r"^\s*(\d{4})-(\d{1,6})\s*$")

TextSource = Callable[[Case], Iterable[str]]
_extra_sources: list[TextSource] = []


def register_text_source(source: TextSource) -> None:
    """Let another app add text it keeps for a case (called once, from its AppConfig.ready)."""
    if source not in _extra_sources:
        _extra_sources.append(source)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_words(text: str) -> list[list[str]]:
    """Each word of ``text`` as its forms: the word itself and its Dutch lemma if different.

    Lemmatising folds "paspoorten" onto "paspoort"; keeping the word too means a rare wrong
    lemma never hides a word typed exactly as it was written.
    """
    text = _strip_accents(text.lower())
    text = _POSTCODE.sub(r"\1\2", text)
    text = _DIGIT_RUN.sub(lambda m: re.sub(r"\D", "", m.group()), text)
    words = []
    for word in _WORD.findall(text):
        word = word.strip("_")
        if len(word) < MIN_WORD_LENGTH:
            continue
        forms = [word]
        if not word.isdigit():
            lemma = _strip_accents(simplemma.lemmatize(word, lang="nl").lower())
            if lemma != word and len(lemma) >= MIN_WORD_LENGTH:
                forms.append(lemma)
        words.append(forms)
    return words


def tokens_for_text(texts: Iterable[str]) -> set[str]:
    return {
        blind_index(INDEX_KIND, form)
        for text in texts
        if text
        for forms in normalise_words(text)
        for form in forms
    }


def _contact_texts(contact: Contact) -> Iterator[str]:
    yield from text_values(contact)
    yield from texts_of(contact.details)


def case_texts(case: Case) -> Iterable[str]:
    """Every piece of searchable text of a case, decrypted."""
    yield case.title
    yield case.closing_note
    for contact in case.contacts.all():
        yield from _contact_texts(contact)
    for related in (case.persons.all(), case.locations.all(), case.notes.all(), case.tasks.all()):
        for obj in related:
            yield from text_values(obj)
    for source in _extra_sources:
        yield from source(case)


def new_contact_texts(contact: Contact, *related: Iterable[Person | Location | Task]) -> list[str]:
    """The searchable text of a contact just made, with the people, places and tasks made
    with it: what ``case_index_add`` needs, without reading any of it back."""
    texts = list(_contact_texts(contact))
    for objects in related:
        for obj in objects:
            texts.extend(text_values(obj))
    return texts


def case_reindex(*, case: Case) -> None:
    """Bring the case's search tokens in line with its current content."""
    wanted = tokens_for_text(case_texts(case))
    # Old tokens go and new ones arrive together, so a search never sees half an index.
    with transaction.atomic(savepoint=False):
        stored = set(CaseSearchToken.objects.filter(case=case).values_list("token", flat=True))
        stale = stored - wanted
        if stale:
            CaseSearchToken.objects.filter(case=case, token__in=stale).delete()
        _insert_tokens(case, wanted - stored)


def case_index_add(*, case: Case, texts: Iterable[str]) -> None:
    """Add the tokens of new content to the case's index, without reading the case.

    Only for writers that add content and change or remove none (a new contact with its
    people and places, a new mailbox message): nothing in the index can become stale
    then, so the index stays what ``case_reindex`` would make of it.
    """
    _insert_tokens(case, tokens_for_text(texts))


def _insert_tokens(case: Case, tokens: set[str]) -> None:
    """Store tokens for a case; ones it has already are skipped.

    A web report has about a hundred tokens. On PostgreSQL they go in as one array, as
    one statement, without a model object per token: a fifth of the CPU time of
    ``bulk_create`` (docs/PERFORMANCE.md).
    """
    if not tokens:
        return
    if connection.vendor != "postgresql":
        CaseSearchToken.objects.bulk_create(
            [CaseSearchToken(case=case, token=token) for token in tokens], ignore_conflicts=True
        )
        return
    table = connection.ops.quote_name(CaseSearchToken._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (case_id, token) SELECT %s, unnest(%s::varchar[]) "
            "ON CONFLICT DO NOTHING",
            [case.pk, sorted(tokens)],
        )


def query_tokens(words: str) -> list[list[str]]:
    """Per query word the tokens of its forms; at most MAX_QUERY_WORDS distinct words."""
    slots: dict[tuple[str, ...], None] = {}
    for forms in normalise_words(words):
        slots.setdefault(tuple(blind_index(INDEX_KIND, form) for form in forms), None)
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

    A text that is a case number finds that case; otherwise each word must occur in the
    case's content (AND). Callers check that the user may search cases.
    """
    cases = Case.objects.select_related("assigned_to").order_by("-created_at", "-pk")
    text = query.text.strip()
    number = parse_case_number(text) if text else None
    if number:
        cases = cases.filter(number=number)
    elif text:
        slots = query_tokens(text)
        if not slots:
            return cases.none()
        for slot in slots:
            cases = cases.filter(
                pk__in=CaseSearchToken.objects.filter(token__in=slot).values("case_id")
            )
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


def search_cases_for_user(user: User, query: CaseQuery) -> QuerySet[Case]:
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
