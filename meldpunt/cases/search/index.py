"""Search over encrypted case content through keyed-hash word tokens.

Design and trade-offs: docs/decisions/0002-search-over-encrypted-content.md. In short:
every word of a case's content is normalised (lower case, accents removed, Dutch
lemma), hashed with the key ring's index key (``blind_index("word", ...)``) and stored
as a ``CaseSearchToken`` row. A query is normalised the same way and matches the cases
that hold every one of its tokens (``selectors``). Whole words only: no prefix or fuzzy
search.

Phone numbers, licence plates, postcodes with house numbers, e-mail addresses and IBANs
are also indexed in linking's normal form (``+31612345678``, ``VT123B``), one token per
entity, so "06 12345678" and "+31 6 1234 5678" find the same cases. The normaliser is
linking's, given to this lower app with ``register_entity_finder``. ``manage.py
search_reindex`` rebuilds the index of every case after a change to how it is made.

Any code that changes case content calls ``case_reindex(case=...)`` inside its own
transaction; code that only adds content may call ``case_index_add`` with the new text
instead, which does not read the case back. Apps that keep content for a case elsewhere
(chat transcripts, web reports) add it with ``register_text_source``.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

import simplemma
from django.db import connection, transaction

from meldpunt.cases.models import (
    Case,
    CaseSearchToken,
    Contact,
    Location,
    Person,
    Task,
    text_values,
    texts_of,
)
from meldpunt.lib.crypto import blind_indexes

MIN_WORD_LENGTH = 3
INDEX_KIND = "word"

# Dutch postcodes ("1234 AB") and phone-like digit runs ("06-123 456 78") are kept whole,
# so a search for either finds them however they were typed.
_POSTCODE = re.compile(r"\b(\d{4})\s?([a-z]{2})\b")
_DIGIT_RUN = re.compile(r"\+?\d[\d \-.]{4,}\d")
_WORD = re.compile(r"\w+")

TextSource = Callable[[Case], Iterable[str]]
_extra_sources: list[TextSource] = []


class FoundEntity(Protocol):
    """An entity in a text in its normal form, with where it was written (``start:end``)."""

    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


EntityFinder = Callable[[str], Sequence[FoundEntity]]
_entity_finders: list[EntityFinder] = []


def register_entity_finder(finder: EntityFinder) -> None:
    """Let linking give search its normaliser of entities (once, from its AppConfig.ready)."""
    if finder not in _entity_finders:
        _entity_finders.append(finder)


def find_entities(text: str) -> list[FoundEntity]:
    return [entity for finder in _entity_finders for entity in finder(text)]


def entity_tokens(kind: str, value: str) -> list[str]:
    """The tokens of an entity's normal form (one per blind key, ``word_tokens``); a word
    never holds a colon, so never collides."""
    return blind_indexes(INDEX_KIND, f"{kind}:{value}")


def word_tokens(form: str) -> list[str]:
    """The tokens of a normalised word: one per blind key in the ring, so two while the
    blind key rotates (docs/KEYS.md)."""
    return blind_indexes(INDEX_KIND, form)


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
    """The tokens of every word and of every entity in ``texts``."""
    tokens: set[str] = set()
    for text in texts:
        if not text:
            continue
        for forms in normalise_words(text):
            for form in forms:
                tokens.update(word_tokens(form))
        for entity in find_entities(text):
            tokens.update(entity_tokens(entity.kind, entity.value))
    return tokens


def _contact_texts(contact: Contact) -> Iterator[str]:
    yield from text_values(contact)
    yield from texts_of(contact.details)


def case_texts(case: Case) -> Iterable[str]:
    """Every piece of searchable text of a case, decrypted."""
    yield case.title
    yield case.closing_note
    yield case.assessment_note
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
