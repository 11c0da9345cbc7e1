"""A member of the public sends a web report through the proxy, as a browser would.

Part of the Debian drill (scripts/debian_drill.sh): standard library only, so it runs
with the system's python3 on the drill machine. Usage:

    python3 drill_report.py https://meldpunt.example.nl CA_FILE

Walks every step of /melden/ with the CSRF token of each page, sends the report and
prints the receipt code's length (never the code itself). Exits non-zero on any other
answer than the expected one.
"""

import http.cookiejar
import re
import ssl
import sys
import urllib.parse
import urllib.request

ANSWERS: list[tuple[str, dict[str, str]]] = [
    ("wie", {"reporter_role": "bystander"}),
    (
        "wat",
        {
            "description": "Drill: bij een bedrijf slapen mensen in de kelder.",
            "exploitation": "labour",
            "wish": "advice",
        },
    ),
    ("waar", {"municipality": "GM0995", "place": "Lelystad", "when": "recent"}),
    ("personen", {"victim_count": "2-5", "minors": "no"}),
    ("kenmerken", {}),
    ("bijlagen", {}),
    ("contact", {"how_heard": "flyer", "contact_preference": "anonymous"}),
]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CODE = re.compile(r'data-testid="receipt-code">([^<]+)<')


def check(ok: object, message: object) -> None:
    """Stop the drill with a message when a step did not answer as a browser expects."""
    if not ok:
        raise SystemExit(f"FAIL: {message}")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """Cookies kept, redirects not followed (each step checks its own 302), the site's
    certificate checked against CA_FILE."""

    def __init__(self, site: str, ca_file: str) -> None:
        check(site.startswith("https://"), "the site's address starts with https://")
        self.site = site
        context = ssl.create_default_context(cafile=ca_file)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect(),
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.site + path) as response:
            return str(response.read().decode())

    def post(self, path: str, token: str, data: dict[str, str]) -> tuple[int, str]:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
        # The drill's own https address (checked above), never a file: or other scheme.
        request = urllib.request.Request(  # noqa: S310
            self.site + path, data=body, headers={"Referer": self.site + path}
        )
        try:
            with self.opener.open(request) as response:
                return response.status, str(response.read().decode())
        except urllib.error.HTTPError as answer:  # 302 (not followed) and errors alike
            return answer.code, answer.read().decode(errors="replace")

    def token(self, path: str) -> str:
        """The CSRF token of the form on ``path``."""
        found = TOKEN.search(self.get(path))
        if found is None:
            raise SystemExit(f"FAIL: no CSRF token on {path}")
        return found.group(1)


def main(site: str, ca_file: str) -> int:
    browser = Browser(site, ca_file)
    for slug, answers in ANSWERS:
        path = f"/melden/stap/{slug}/"
        status, html = browser.post(path, browser.token(path), {**answers, "action": "next"})
        check(status == 302, (slug, status, html[:1500]))
        say(f"step {slug}: {status}")
    check_page = "/melden/controleren/"
    status, html = browser.post(check_page, browser.token(check_page), {"homepage": ""})
    code = CODE.search(html)
    if status != 200 or code is None:
        raise SystemExit(f"FAIL: {(status, html[:1500])}")
    say(f"sent: a receipt code of {len(code.group(1).replace(' ', ''))} digits")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
