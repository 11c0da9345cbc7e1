"""The inbox shows the reporter's language and filters on it; staff pages stay Dutch."""

import pytest

from meldpunt.cases.models import Channel
from meldpunt.cases.services import contact_add

pytestmark = pytest.mark.django_db
URL = "/medewerkers/zaken/"


def unassigned(response) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = next(s for s in response.context["sections"] if s.key == "unassigned")
    return [(row.case.number, row.language) for row in found.rows]


def test_inbox_names_the_language_and_filters_on_it(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """A case opened by a Polish web report says "Pools"; ?taal=pl keeps only cases with a
    Polish contact, also when it came later (a Bulgarian who wrote to the mailbox)."""
    dutch = make_case()
    polish = make_case()
    polish.contacts.update(language="pl")
    later = make_case()
    contact_add(case=later, by=None, channel=Channel.MAILBOX, language="bg")
    client = verified_client(advisor)

    everything = client.get(URL)
    assert set(unassigned(everything)) == {
        (dutch.number, ""),
        (polish.number, "Pools"),
        (later.number, ""),
    }
    assert '<span class="tag tag--language">Pools</span>' in everything.content.decode()
    assert unassigned(client.get(URL, {"taal": "pl"})) == [(polish.number, "Pools")]
    assert [n for n, _ in unassigned(client.get(URL, {"taal": "bg"}))] == [later.number]
    assert unassigned(client.get(URL, {"taal": "xx"})) != []  # an unknown value filters nothing


def test_staff_pages_stay_dutch_for_a_polish_browser(advisor, verified_client):  # type: ignore[no-untyped-def]
    client = verified_client(advisor)
    assert client.get(URL, HTTP_ACCEPT_LANGUAGE="pl").headers["Content-Language"] == "nl"


def test_case_page_shows_language_and_interpreter(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    case = make_case()
    case.contacts.update(language="ar", interpreter=True)
    html = verified_client(advisor).get(f"/medewerkers/zaken/{case.pk}/").content.decode()
    assert '<span class="tag tag--language">Arabisch</span>' in html
    assert "<dd>Arabisch, met tolk</dd>" in html
