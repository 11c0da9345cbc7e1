"""Search recognises phone numbers, plates, addresses, e-mail addresses and IBANs as linking
does, whichever way they were written, and a bare case number finds that case."""

import pytest
from django.core.management import call_command

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case, CaseSearchToken, Channel
from meldpunt.cases.search.selectors import CaseQuery, case_search
from meldpunt.cases.services import case_create, contact_add

pytestmark = pytest.mark.django_db

# The Kamperstraat scenario of issue 13: an earlier web report, then a phone call.
REPORT = (
    "Bij de Kamperstraat worden elke ochtend arbeiders opgehaald met een busje, kenteken "
    "vt123b. De chauffeur is bereikbaar op +31 6 1234 5678."
)
CALL = (
    "Beller ziet arbeiders instappen in busje VT-123-B aan de Kamperstraat. "
    "De man die ze ophaalt belt met 06 12345678."
)


def _case(by: User, summary: str, channel: str = Channel.PHONE) -> Case:
    case = case_create(by=by)
    contact_add(case=case, by=by, channel=channel, summary=summary)
    return case


def _found(text: str) -> set[int]:
    return set(case_search(CaseQuery(text=text)).values_list("pk", flat=True))


@pytest.fixture
def kamperstraat(advisor: User) -> tuple[Case, Case, Case]:
    report = _case(advisor, REPORT, Channel.WEB_REPORT)
    call = _case(advisor, CALL)
    other = _case(advisor, "Busje VT-124-B, bel 06 87654321, Kamperstraat.")
    return report, call, other


@pytest.mark.parametrize("plate", ["vt123b", "VT-123-B", "vt 123 b", "VT 123 B", "vt-123-b"])
def test_every_spelling_of_a_plate_finds_both_cases(kamperstraat, plate: str) -> None:  # type: ignore[no-untyped-def]
    report, call, _ = kamperstraat
    assert _found(plate) == {report.pk, call.pk}


@pytest.mark.parametrize(
    "phone", ["0612345678", "06 12345678", "+31 6 1234 5678", "06-12345678", "+31612345678"]
)
def test_every_spelling_of_a_phone_number_finds_both_cases(kamperstraat, phone: str) -> None:  # type: ignore[no-untyped-def]
    report, call, _ = kamperstraat
    assert _found(phone) == {report.pk, call.pk}


def test_entity_and_words_combine(kamperstraat) -> None:  # type: ignore[no-untyped-def]
    """A plate next to a word: both must occur, the plate in any spelling."""
    report, call, _ = kamperstraat
    assert _found("kamperstraat vt 123 b") == {report.pk, call.pk}
    assert _found("chauffeur VT-123-B") == {report.pk}


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Postcode 8221 AB, huisnummer 12", "8221ab 12"),
        ("Ze wonen op 8221AB 12", "8221 ab 12"),
        ("Mail naar Baas.Jansen@Example.nl", "baas.jansen@example.nl"),
        ("Betaald op NL91 ABNA 0417 1643 00", "nl91abna0417164300"),
    ],
)
def test_addresses_emails_and_ibans_match_however_written(
    advisor: User, written: str, typed: str
) -> None:
    case = _case(advisor, written)
    _case(advisor, "Niets van dit alles")
    assert _found(typed) == {case.pk}


@pytest.mark.parametrize("typed", ["6", "00006", "{year}-6", "{year}-00006"])
def test_a_bare_case_number_finds_that_case(advisor: User, typed: str) -> None:
    cases = [_case(advisor, f"Zaak {n}") for n in range(7)]
    sixth = next(c for c in cases if c.number.endswith("-00006"))
    assert _found(typed.format(year=sixth.number[:4])) == {sixth.pk}


def test_reindex_command_adds_entity_tokens_to_existing_cases(kamperstraat) -> None:  # type: ignore[no-untyped-def]
    """Cases indexed before search knew entities are found after ``search_reindex``."""
    report, call, _ = kamperstraat
    CaseSearchToken.objects.all().delete()
    assert _found("vt 123 b") == set()
    call_command("search_reindex")
    assert _found("vt 123 b") == {report.pk, call.pk}
