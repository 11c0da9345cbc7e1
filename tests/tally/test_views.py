"""GET /c/<code>/: a campaign's short link. Anyone; counted per link and day, nothing
else kept; unknown codes get the ordinary "not found" page."""

import logging
from datetime import date

import pytest
from django.urls import reverse

from meldpunt.tally.models import Campaign, LinkVisit
from meldpunt.tally.services import MISS_LIMIT, link_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def link():
    campaign = Campaign.objects.create(
        name="Flyers Urk", medium="flyer", start=date(2025, 3, 1), end=date(2025, 3, 31)
    )
    return link_create(campaign=campaign)


def visit(client, code: str, address: str = "192.0.2.10", **headers):
    return client.get(f"/c/{code}/", REMOTE_ADDR=address, **headers)


def test_a_visit_goes_to_the_home_page_without_parameters_or_cookies(client, link) -> None:
    response = visit(client, link.code, HTTP_REFERER="https://social.example/post/1")
    assert response.status_code == 302
    assert response["Location"] == reverse("public:home") == "/"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {}


def test_a_visit_is_counted_per_link_and_day_and_nothing_else(client, link) -> None:
    visit(client, link.code, HTTP_USER_AGENT="Telefoon 1.0", HTTP_REFERER="https://x.example/")
    visit(client, link.code, address="198.51.100.7")
    row = LinkVisit.objects.get()
    assert (row.link, row.count) == (link, 2)
    kept = {field.name for field in LinkVisit._meta.get_fields()}
    assert kept == {"id", "link", "day", "count"}


def test_reloading_does_not_inflate_the_count(client, link) -> None:
    for _ in range(30):
        assert visit(client, link.code).status_code == 302
    assert LinkVisit.objects.get().count == 1


def test_the_code_is_read_as_written_on_the_flyer(client, link) -> None:
    assert visit(client, link.code.upper()).status_code == 302


def test_an_unknown_code_is_the_ordinary_not_found_page(client, link) -> None:
    near = link.code[:-1] + ("a" if link.code[-1] != "a" else "b")
    far = "zz" + link.code[2:] if not link.code.startswith("zz") else "aa" + link.code[2:]
    answers = [visit(client, code, address=f"192.0.2.{n}") for n, code in enumerate([near, far])]
    other = client.get("/bestaat-niet/")
    assert [a.status_code for a in answers] == [404, 404]
    # The same page whatever part of the code matches, the same as any wrong address.
    assert answers[0].content == answers[1].content == other.content
    assert LinkVisit.objects.count() == 0


def test_after_too_many_wrong_codes_every_code_is_not_found(client, link) -> None:
    for n in range(MISS_LIMIT.count):
        assert visit(client, f"gok{n:07d}").status_code == 404
    assert visit(client, link.code).status_code == 404
    assert LinkVisit.objects.count() == 0
    # Another client is not affected.
    assert visit(client, link.code, address="203.0.113.5").status_code == 302


def test_nothing_about_the_visit_is_logged(client, link, caplog) -> None:
    with caplog.at_level(logging.DEBUG):
        visit(client, link.code)
        visit(client, "onbekend12")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert link.code not in logged
    assert "192.0.2.10" not in logged
    assert "/c/" not in logged


def test_only_get_is_answered(client, link) -> None:
    assert client.post(f"/c/{link.code}/").status_code == 405
    assert LinkVisit.objects.count() == 0
