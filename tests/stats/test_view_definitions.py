"""GET /medewerkers/cijfers/definities/: the counting rules, one anchor per figure, the
same as docs/STATISTICS.md."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from meldpunt.stats.rules import DEFINITIONS

pytestmark = pytest.mark.django_db

URL = reverse("stats:definitions")
DOC = Path(__file__).resolve().parents[2] / "docs" / "STATISTICS.md"


@pytest.mark.parametrize("role_fixture", ["analyst", "coordinator", "municipality_viewer"])
def test_every_definition_has_its_anchor(role_fixture, request, verified_client) -> None:
    html = verified_client(request.getfixturevalue(role_fixture)).get(URL).content.decode()
    for definition in DEFINITIONS:
        assert f'id="{definition.slug}"' in html


@pytest.mark.parametrize("role_fixture", ["advisor", "administrator"])
def test_other_roles_are_refused(role_fixture, request, verified_client) -> None:
    assert verified_client(request.getfixturevalue(role_fixture)).get(URL).status_code == 403


def test_the_document_names_every_rule_in_code() -> None:
    """docs/STATISTICS.md has a heading per definition, with its anchor name."""
    text = DOC.read_text(encoding="utf-8")
    with translation.override("nl"):
        for definition in DEFINITIONS:
            assert f"### {definition.title} (`{definition.slug}`)" in text
