"""The search index: words of encrypted case content become keyed hashes, and queries match them."""

from datetime import date, timedelta

import pytest

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case, CaseSearchToken, CaseStatus, Channel, Note, Person
from meldpunt.cases.search.index import case_reindex, normalise_words
from meldpunt.cases.search.selectors import (
    CaseQuery,
    case_search,
    parse_case_number,
    query_tokens,
)
from meldpunt.cases.services import (
    case_close,
    case_close_refuse,
    case_create,
    case_progress,
    contact_add,
    note_add,
    task_add,
)
from meldpunt.lib import clock

pytestmark = pytest.mark.django_db


def _case(by: User, summary: str, **fields: object) -> Case:
    case = case_create(by=by, **fields)
    contact_add(case=case, by=by, channel=Channel.PHONE, summary=summary)
    return case


def test_normalise_lowercases_strips_accents_lemmatises_and_skips_short_words() -> None:
    """Accents go, each word also gets its Dutch lemma, words under three letters are skipped."""
    assert normalise_words("Zij werkte in een café op de Kaï") == [
        ["zij"],
        ["werkte", "werken"],
        ["een"],
        ["cafe"],
        ["kai"],
    ]
    assert normalise_words("paspoorten")[0][-1] == normalise_words("paspoort")[0][-1]


def test_postcodes_and_phone_numbers_are_kept_whole() -> None:
    """A postcode with or without its space and a phone number with separators are one word each."""
    assert normalise_words("1234 AB") == normalise_words("1234ab") == [["1234ab"]]
    assert normalise_words("06-123 456 78") == [["0612345678"]]


def test_tokens_are_keyed_hashes_not_words(advisor: User) -> None:
    """The stored tokens never contain the word itself."""
    case = _case(advisor, "Loverboy bij station")
    tokens = list(CaseSearchToken.objects.filter(case=case).values_list("token", flat=True))
    assert tokens
    assert not any("loverboy" in t or "station" in t for t in tokens)


def test_contact_add_indexes_the_summary(advisor: User) -> None:
    """contact_add keeps the index current, so a new summary is findable at once."""
    case = _case(advisor, "Meisje moet geld afgeven aan haar vriend")
    assert list(case_search(CaseQuery(text="geld vriend"))) == [case]


def test_all_words_must_match(advisor: User) -> None:
    """A search with several words finds only cases holding every word (AND)."""
    both = _case(advisor, "Arbeiders slapen in de loods van de kwekerij")
    one = _case(advisor, "Arbeiders zonder paspoort")
    assert set(case_search(CaseQuery(text="arbeider"))) == {both, one}
    assert list(case_search(CaseQuery(text="arbeiders kwekerij"))) == [both]
    assert list(case_search(CaseQuery(text="kwekerij paspoort"))) == []


def test_reindex_drops_words_that_are_gone(advisor: User) -> None:
    """After content changes, old words no longer find the case and new ones do."""
    case = _case(advisor, "Nagelstudio")
    contact = case.contacts.get()
    contact.summary = "Autowasserette"
    contact.save()
    case_reindex(case=case)
    assert list(case_search(CaseQuery(text="nagelstudio"))) == []
    assert list(case_search(CaseQuery(text="autowasserette"))) == [case]


def test_person_location_and_note_text_is_indexed(advisor: User) -> None:
    """Names, places and internal notes are searchable too."""
    case = _case(advisor, "Zorgen")
    Person.objects.create(case=case, role="victim", name="Kowalski")
    Note.objects.create(case=case, author=advisor, created_at=clock.now(), text="Tulpenveld")
    case_reindex(case=case)
    assert list(case_search(CaseQuery(text="kowalski"))) == [case]
    assert list(case_search(CaseQuery(text="tulpenveld"))) == [case]


def test_case_number_finds_that_case_with_or_without_zeros(advisor: User) -> None:
    """A case number matches exactly, also typed without leading zeros."""
    case = _case(advisor, "Iets")
    year, running = case.number.split("-")
    assert parse_case_number(f"{year}-{int(running)}") == case.number
    assert list(case_search(CaseQuery(text=f"{year}-{int(running)}"))) == [case]


def test_filters_on_status_assignee_and_dates(advisor: User) -> None:
    """Status, assignee (or unassigned) and creation dates narrow the result."""
    mine = _case(advisor, "Kapsalon", assigned_to=advisor)
    other = _case(advisor, "Kapsalon", status=CaseStatus.ASSESSMENT)
    today = clock.today()
    assert list(case_search(CaseQuery(text="kapsalon", assigned_to_id=advisor.pk))) == [mine]
    assert list(case_search(CaseQuery(text="kapsalon", unassigned=True))) == [other]
    assert list(case_search(CaseQuery(status=CaseStatus.ASSESSMENT))) == [other]
    assert set(case_search(CaseQuery(created_from=today, created_to=today))) == {mine, other}
    assert list(case_search(CaseQuery(created_to=today - timedelta(days=1)))) == []
    assert list(case_search(CaseQuery(created_from=date(today.year + 1, 1, 1)))) == []


def test_a_query_of_only_short_words_finds_nothing(advisor: User) -> None:
    """Words too short to be indexed cannot match anything."""
    _case(advisor, "de en op")
    assert query_tokens("de en op") == []
    assert list(case_search(CaseQuery(text="de en"))) == []


def test_notes_tasks_and_closing_notes_written_on_the_case_page_are_found(
    advisor: User, coordinator: User
) -> None:
    """A note, a task and a closing note find the case as soon as they are
    saved; a refused close takes its closing note out of the index again."""
    case = _case(advisor, "Zorgen")
    note_add(case=case, by=advisor, text="Tulpenveld")
    task_add(case=case, by=advisor, description="Bel Kowalski", due_date=clock.today())
    case_progress(case=case, by=advisor)
    case_close(
        case=case,
        by=advisor,
        reason="referred",
        outcome="unclear",
        note="Windmolen",
        confirm_open_tasks=True,
    )
    for word in ("tulpenveld", "kowalski", "windmolen"):
        assert list(case_search(CaseQuery(text=word))) == [case], word
    case_close_refuse(case=case, by=coordinator, reason="Eerst de politie bellen")
    assert list(case_search(CaseQuery(text="windmolen"))) == []
