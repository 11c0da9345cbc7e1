"""Safety headers and a strict Content-Security-Policy on every public page."""

import re

import pytest
from django.test import Client

from tests.public.paths import PUBLIC_PATHS

ALL_PATHS = PUBLIC_PATHS + [f"/en{path}" for path in PUBLIC_PATHS]

pytestmark = pytest.mark.django_db


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.parametrize("path", [*ALL_PATHS, "/bestaat-niet/", "/healthz"])
def test_csp_is_strict(client: Client, path: str) -> None:
    """Only the site's own scripts, styles and images; nothing inline, no other origin."""
    response = client.get(path)
    assert "Content-Security-Policy-Report-Only" not in response.headers
    csp = csp_directives(response.headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    for sources in csp.values():
        for source in sources:
            assert "unsafe" not in source
            assert source in {"'self'", "'none'", "data:"}, f"foreign source {source}"
    assert csp["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize("path", [*ALL_PATHS, "/bestaat-niet/", "/healthz"])
def test_other_safety_headers(client: Client, path: str) -> None:
    """nosniff, no referrer to other sites, no framing, powerful browser features switched off.

    Referrer-Policy is same-origin rather than no-referrer: with no-referrer browsers send
    "Origin: null" on POST and Django's CSRF check refuses every form (docs/SECURITY.md).
    Other origins get no referrer either way.
    """
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in {"no-referrer", "same-origin"}
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("path", ALL_PATHS)
def test_no_inline_script_or_style_in_the_html(client: Client, path: str) -> None:
    """The HTML itself obeys the CSP: scripts only by src, no style blocks or attributes."""
    html = client.get(path).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag
    assert re.search(r"<script\b[^>]*>\s*[^<\s]", html) is None
    assert "<style" not in html
    assert re.search(r"\sstyle=", html) is None
    assert re.search(r"\son[a-z]+=", html) is None


@pytest.mark.parametrize("path", ALL_PATHS)
def test_no_foreign_urls_in_the_html(client: Client, path: str) -> None:
    """Nothing the browser loads points to another origin (the exit link is a plain link;
    the translations' ``hreflang`` alternates are full addresses of this site, as search
    engines need them, and a browser loads none of them)."""
    html = client.get(path).content.decode()
    for match in re.finditer(r'(?:src|href)="(https?:)?//', html):
        tag_start = html.rfind("<", 0, match.start())
        if html.startswith('<link rel="alternate" hreflang=', tag_start):
            assert html.startswith("//testserver/", match.end() - 2), html[tag_start:]
            continue
        assert html.startswith("<a ", tag_start), html[tag_start : match.end() + 40]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_links_to_other_sites_send_no_referrer(client: Client, path: str) -> None:
    """Every link to another origin (the quick exit) is rel=noreferrer, whatever the policy."""
    html = client.get(path).content.decode()
    for tag in re.findall(r'<a\b[^>]*href="https?://[^"]*"[^>]*>', html):
        assert "noreferrer" in tag
    assert re.search(r'<meta name="referrer" content="(no-referrer|same-origin)">', html)


def test_production_settings_turn_on_hsts_and_secure_cookies(settings) -> None:  # type: ignore[no-untyped-def]
    """The production values are checked by `check --deploy` in tests/config/test_check_deploy.py;
    here: the header really goes out on HTTPS when HSTS is configured."""
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = Client().get("/", secure=True)
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
