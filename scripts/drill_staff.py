"""A staff member logs in through the proxy for the first time, and the chat is looked at.

Part of the Debian drill (scripts/debian_drill.sh): standard library only, so it runs
with the system's python3 on the drill machine. Usage:

    python3 drill_staff.py https://meldpunt.example.nl CA_FILE USERNAME PASSWORD

The account must be new (no authenticator app yet): the password step, then the set-up
of an app with the secret the page shows (the code computed here, RFC 6238), and the
advisor's chat console. Then the public chat page, which must say open or closed (not
that chat is out of order: Redis runs), as /status/chat.json does. Whether it is open
depends on the hour and on an advisor with the console open (its websocket), which this
script does not open. Prints no secret and no code. Exits non-zero on any other answer
than the expected one.
"""

import base64
import hashlib
import hmac
import json
import re
import struct
import sys
import time

from drill_report import TOKEN, Browser, check, say

SECRET = re.compile(r'data-testid="totp-secret">([^<]+)<')


def totp(secret: str, at: float) -> str:
    """The 6-digit code of an authenticator app for a base32 ``secret`` (30 s, SHA-1)."""
    key = base64.b32decode(secret.replace(" ", "").upper())
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def main(site: str, ca_file: str, username: str, password: str) -> int:
    browser = Browser(site, ca_file)
    login = "/medewerkers/inloggen/"
    fields = {"username": username, "password": password}
    status, html = browser.post(login, browser.token(login), fields)
    check(status == 302, ("password step", status, html[:1500]))
    say(f"password step: {status}")
    enrol = "/medewerkers/inloggen/app-instellen/"
    page = browser.get(enrol)
    secret, token = SECRET.search(page), TOKEN.search(page)
    check(secret and token, ("no secret to set up an app with", page[:1500]))
    code = totp(secret.group(1), time.time())
    status, html = browser.post(enrol, token.group(1), {"code": code})
    check(status == 302, ("the app's code", status, html[:1500]))
    say(f"authenticator app set up with a code: {status}")
    console = browser.get("/medewerkers/chat/")
    check('data-testid="agent-status"' in console, ("the chat console", console[:1500]))
    say("chat console: 200, with the advisor's status")
    chat = browser.get("/chat/")
    check('data-testid="chat-unavailable"' not in chat, "chat page: out of order")
    state = "open" if 'data-testid="chat-start"' in chat else "closed"
    check(state == "open" or 'data-testid="chat-closed"' in chat, ("neither", chat[:1500]))
    status_json = json.loads(browser.get("/status/chat.json"))
    check(status_json["chat"] == state, ("the page and /status/chat.json differ", status_json))
    say(f"chat page: {state}, as /status/chat.json says (opens_at {status_json['opens_at']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
