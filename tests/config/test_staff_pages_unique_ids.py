"""No id is used twice on a staff page: a label points at one field only, and a screen
reader or a browser test finds the field its label names (the pages: tests/staff_pages.py)."""

import re
from collections import Counter
from pathlib import Path

import pytest

from meldpunt.accounts.models import User
from tests.staff_pages import STAFF_PREFIXES, pages, staff_samples

pytestmark = pytest.mark.django_db

ID = re.compile(r"<[^>]*\sid=\"([^\"]+)\"")


def repeated_ids(html: str) -> list[str]:
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S)
    return sorted(id_ for id_, count in Counter(ID.findall(html)).items() if count > 1)


def test_every_id_on_a_staff_page_is_used_once(coordinator: User, verified_client, tmp_path: Path):  # type: ignore[no-untyped-def]
    client = verified_client(coordinator)
    repeated = {}
    checked = []
    for name, url in pages(STAFF_PREFIXES, staff_samples(coordinator, tmp_path)):
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        checked.append(name)
        found = repeated_ids(response.content.decode())
        if found:
            repeated[url] = found
    assert repeated == {}
    assert "cases:detail" in checked


def test_the_check_finds_a_repeated_id():
    assert repeated_ids('<textarea id="id_reason"></textarea><select id="id_reason">') == [
        "id_reason"
    ]
    assert repeated_ids('<input id="a"><input id="b">') == []
