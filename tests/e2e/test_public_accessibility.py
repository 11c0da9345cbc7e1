"""Every public page passes axe-core's WCAG 2.2 A and AA rules, in Dutch and in English, on a
desktop screen; on a phone (375 px) in every language: tests/e2e/test_public_languages.py."""

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import axe_violations
from tests.public.paths import PUBLIC_PATHS

pytestmark = pytest.mark.e2e


def test_axe_runs_and_catches_a_violation(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """Guard for the tests below: an unlabelled field added to a page is reported."""
    page.goto(live_server.url + "/")
    assert axe_violations(page) == []
    page.evaluate(
        "() => { const i = document.createElement('input'); i.type = 'text';"
        " document.querySelector('main').append(i); }"
    )
    assert "label" in {violation["id"] for violation in axe_violations(page)}


def test_no_axe_violations(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """Zero violations of the WCAG 2.2 A and AA rules on a desktop screen, on every page in
    both languages (one browser tab for all of them)."""
    violations = {}
    for path in PUBLIC_PATHS + [f"/en{path}" for path in PUBLIC_PATHS]:
        page.goto(live_server.url + path)
        violations[path] = axe_violations(page)
    assert {path: found for path, found in violations.items() if found} == {}
