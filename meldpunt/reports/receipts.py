"""Receipt codes: 16 random digits, shown once, stored only as a keyed, slow hash.

10^16 codes give log2(10^16) ≈ 53.15 bits of entropy. The stored hash is
scrypt(HMAC(index-derived key, code)): the HMAC key comes from the key ring outside the
database, so a database dump alone cannot be used to test candidate codes, and scrypt
makes each guess costly even for someone who also holds the key. The hash is
deterministic (fixed salt and cost), so a code can be looked up by its hash.

The code of a web report is not drawn at random but derived from its draft's token under
a key of the key ring (``code_for_draft``): a report whose answer was lost (the worker
died after the commit) can then show its code once more to the browser that sent it,
whose session still holds that token, without the code ever being stored.

scrypt comes from libsodium (PyNaCl): the same function as OpenSSL's ``hashlib.scrypt``
(RFC 7914, same output; a test compares them), in 7 ms instead of 8.5 on the
development machine. The hash is a quarter of a web report's CPU time.
"""

import re
import secrets

from nacl.bindings import crypto_pwhash_scryptsalsa208sha256_ll as scrypt

from meldpunt.lib.crypto import keyed_digest

CODE_DIGITS = 16
GROUP = 4
# scrypt cost: 4 MiB of memory and about 10 ms per hash on the development machine.
SCRYPT_N = 2**12
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_SALT = b"meldpunt-receipt-code-v1"

_NON_DIGITS = re.compile(r"[\s\-.]+")


def generate_code() -> str:
    """A new receipt code: 16 digits from the operating system's random source."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_for_draft(token: str) -> str:
    """The receipt code of the report sent from the draft with this token.

    The token is 32 random bytes; the keyed digest of it is as unpredictable as a random
    code to anyone without both the token and the key ring. The remainder of a 256-bit
    number modulo 10^16 is uniform to within 2^-200.
    """
    digest = keyed_digest("receipt-code-of-draft", token.encode())
    return f"{int.from_bytes(digest, 'big') % 10**CODE_DIGITS:0{CODE_DIGITS}d}"


def format_code(code: str) -> str:
    """The code in groups of four, as shown to the reporter: 1234 5678 9012 3456."""
    return " ".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_code(typed: str) -> str | None:
    """The 16 digits of what the reporter typed (spaces, dashes, dots allowed), or None."""
    digits = _NON_DIGITS.sub("", typed or "")
    if len(digits) != CODE_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def hash_code(code: str) -> str:
    """The stored form of a code: hex of scrypt over a keyed digest of the digits."""
    keyed = keyed_digest("receipt-code", code.encode())
    return scrypt(keyed, SCRYPT_SALT, SCRYPT_N, SCRYPT_R, SCRYPT_P, dklen=32).hex()
