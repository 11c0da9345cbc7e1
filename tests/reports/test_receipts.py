"""Receipt codes: enough entropy, shown in groups, stored only as a keyed slow hash."""

import hashlib
import json
import math
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from meldpunt.lib import crypto
from meldpunt.reports import receipts
from meldpunt.reports.receipts import (
    format_code,
    generate_code,
    hash_code,
    normalise_code,
)
from tests.reports.conftest import fill_report, submit


def test_code_has_sixteen_digits_and_at_least_53_bits() -> None:
    """16 decimal digits hold log2(10^16) ≈ 53.15 bits; codes are not repeated."""
    codes = {generate_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"\d{16}", code) for code in codes)
    assert math.log2(10**16) >= 53
    # Every position uses every digit: no fixed prefix or check digit eats entropy.
    for position in range(16):
        assert len({code[position] for code in codes}) == 10


def test_code_is_shown_in_groups_of_four_and_typing_is_forgiving() -> None:
    assert format_code("1234567890123456") == "1234 5678 9012 3456"
    assert normalise_code(" 1234-5678 9012.3456 ") == "1234567890123456"
    assert normalise_code("1234 5678") is None
    assert normalise_code("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦") is None


def test_hash_is_deterministic_and_depends_on_key_outside_database() -> None:
    """The same code gives the same hash; another index key (not in the database) gives
    another hash, so a dump alone cannot test candidate codes."""
    code = "1111222233334444"
    first = hash_code(code)
    assert first == hash_code(code)
    assert code not in first
    ring = json.loads(settings.MELDPUNT_KEYRING)
    ring["index_key"] = "b3RoZXItaW5kZXgta2V5LW90aGVyLWluZGV4LWtleSE="
    crypto.keyring.cache_clear()
    try:
        with override_settings(MELDPUNT_KEYRING=json.dumps(ring)):
            other = hash_code(code)
    finally:
        crypto.keyring.cache_clear()
    assert other != first
    assert hash_code(code) == first


@pytest.mark.django_db
def test_code_appears_nowhere_in_the_database(reporter: Client) -> None:
    """After a report, no table holds the code in any of its written forms."""
    fill_report(reporter)
    code = submit(reporter)
    grouped = format_code(code)
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from Django)
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                assert code not in text, table
                assert grouped not in text, table


def test_the_hash_is_rfc_7914_scrypt_as_openssl_computes_it() -> None:
    """libsodium's scrypt gives what hashlib.scrypt (OpenSSL) gives, for the stored
    parameters: hashes stay valid whichever library computes them."""
    for code in ("0000000000000000", "1111222233334444", generate_code()):
        keyed = crypto.keyed_digest("receipt-code", code.encode())
        expected = hashlib.scrypt(
            keyed,
            salt=receipts.SCRYPT_SALT,
            n=receipts.SCRYPT_N,
            r=receipts.SCRYPT_R,
            p=receipts.SCRYPT_P,
            dklen=32,
        )
        assert hash_code(code) == expected.hex()


def test_a_web_report_code_follows_from_its_draft_token_and_the_key_ring() -> None:
    """Sixteen digits, the same for one draft token every time, different for another."""
    first = receipts.code_for_draft("token-a")
    assert re.fullmatch(r"\d{16}", first)
    assert receipts.code_for_draft("token-a") == first
    assert len({receipts.code_for_draft(f"token-{n}") for n in range(500)}) == 500
