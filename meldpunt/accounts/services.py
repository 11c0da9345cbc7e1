"""Writes for staff login: password check with lockout, second factors, recovery codes.

Every outcome that matters goes to the audit log as ``auth.*``. Neither an address nor a
user agent is stored: the per-client limit keys on a keyed hash held only in the cache.
"""

import enum
import hmac
from dataclasses import dataclass

from django.contrib.auth import authenticate
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from meldpunt.accounts.models import Role, User
from meldpunt.accounts.signals import staff_access_changed
from meldpunt.audit.services import audit_record
from meldpunt.lib import clock, crypto, ratelimit
from meldpunt.lib.ratelimit import Limit

LOCKOUT_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60
RECOVERY_CODE_COUNT = 10
# Failures from one client across all usernames; stops guessing many accounts at once.
CLIENT_LIMIT = Limit("login-client", 20, LOCKOUT_SECONDS)
# Wrong passwords for one account from one client. A stranger locks only their own client
# out of the account; the staff member's own client is untouched.
ACCOUNT_CLIENT_LIMIT = Limit("login-account-client", LOCKOUT_FAILURES, LOCKOUT_SECONDS)
# Wrong passwords for one account from all clients together. Past it the password step
# stops telling whether the password was right; it never locks the account.
ACCOUNT_CEILING = Limit("login-account", 30, LOCKOUT_SECONDS)
LOCK_PREFIX = "login-lock:"
UNLOCK_ROLES = (Role.COORDINATOR, Role.ADMINISTRATOR)
# Stored recovery codes are keyed hashes, as long as django-otp's token column allows.
RECOVERY_DIGEST_CHARS = 16


class Outcome(enum.StrEnum):
    OK = "ok"
    INVALID = "invalid"
    LOCKED = "locked"
    CLIENT_LIMITED = "client_limited"
    THROTTLED = "throttled"
    # The account is under attack: on to the code step, right password or not.
    BLIND = "blind"


@dataclass(frozen=True)
class PasswordResult:
    outcome: Outcome
    user: User | None = None
    password_ok: bool = True


@dataclass(frozen=True)
class SecondFactorResult:
    outcome: Outcome
    method: str = ""
    device: TOTPDevice | StaticDevice | None = None


def _account_client_key(*, username: str, known: User | None, client: str) -> str:
    """The lockout counter of one account for one client.

    A known account's counter carries its unlock generation, so an unlock clears the
    counters of every client at once. An unknown username locks the same way, keyed on
    the name, so the message reveals nothing.
    """
    if known is None:
        return ratelimit.client_key(f"username:{username.casefold()}:{client}")
    return f"{known.pk}:{known.login_generation}:{client}"


def password_check(*, username: str, password: str, client: str) -> PasswordResult:
    """Check the first factor for ``username``; ``client`` is ``ratelimit.client_key(...)``.

    Five failures from one client lock that client out of the account for 15 minutes, also
    for the right password; other clients, the staff member's own among them, go on.
    Past the account's ceiling of wrong passwords from all clients together, the answer
    no longer says whether the password was right (``Outcome.BLIND``): everyone goes on to
    the code step, and only the right password with the right code logs in.
    """
    if ratelimit.is_limited(CLIENT_LIMIT, client):
        return PasswordResult(Outcome.CLIENT_LIMITED)
    known = User.objects.filter(username=username).first()
    lock_key = _account_client_key(username=username, known=known, client=client)
    if _locked(lock_key):
        ratelimit.hit(CLIENT_LIMIT, client)
        if known is not None:
            audit_record(actor=known, action="auth.login_failed", detail={"reason": "locked"})
        return PasswordResult(Outcome.LOCKED)
    account_key = f"{known.pk}:{known.login_generation}" if known is not None else ""
    blind = bool(account_key) and ratelimit.is_limited(ACCOUNT_CEILING, account_key)

    user = authenticate(username=username, password=password)
    if user is not None and not blind:
        ratelimit.reset(ACCOUNT_CLIENT_LIMIT, lock_key)
        return PasswordResult(Outcome.OK, user)
    if user is None:
        audit_record(actor=known, action="auth.login_failed", detail={"reason": "password"})
        if account_key:
            ratelimit.hit(ACCOUNT_CEILING, account_key)
    ratelimit.hit(CLIENT_LIMIT, client)
    # Blind, every try counts towards this client's lockout, right password or not, so
    # that being locked out says nothing about the password either.
    result = _count_failure(known=known, lock_key=lock_key)
    if blind and result.outcome == Outcome.INVALID:
        return PasswordResult(Outcome.BLIND, known, password_ok=user is not None)
    return result


def login_failures_forget(*, user: User, client: str) -> None:
    """After both factors, this client's count of tries for the account starts again.

    Under attack every try counts, right password or not; a staff member who logs in
    often from their own client must not lock that client out.
    """
    lock_key = _account_client_key(username=user.username, known=user, client=client)
    ratelimit.reset(ACCOUNT_CLIENT_LIMIT, lock_key)


def _locked(lock_key: str) -> bool:
    until = cache.get(LOCK_PREFIX + lock_key)
    return until is not None and until > clock.now().timestamp()


def _count_failure(*, known: User | None, lock_key: str) -> PasswordResult:
    ratelimit.hit(ACCOUNT_CLIENT_LIMIT, lock_key)
    if not ratelimit.is_limited(ACCOUNT_CLIENT_LIMIT, lock_key):
        return PasswordResult(Outcome.INVALID, known)
    # The lock runs a full 15 minutes from the last failure, whatever the counting window.
    ratelimit.reset(ACCOUNT_CLIENT_LIMIT, lock_key)
    cache.set(
        LOCK_PREFIX + lock_key,
        clock.now().timestamp() + LOCKOUT_SECONDS,
        timeout=LOCKOUT_SECONDS + 1,
    )
    if known is not None:
        audit_record(actor=known, action="auth.locked", detail={"minutes": LOCKOUT_SECONDS // 60})
    return PasswordResult(Outcome.LOCKED, known)


def password_confirm(*, user: User, password: str, client: str) -> Outcome:
    """A logged-in staff member types their password again before a sensitive change.

    Wrong passwords count towards the same lockout as at login.
    """
    lock_key = _account_client_key(username=user.username, known=user, client=client)
    if _locked(lock_key):
        return Outcome.LOCKED
    if user.check_password(password):
        return Outcome.OK
    audit_record(actor=user, action="auth.login_failed", detail={"reason": "password_confirm"})
    return _count_failure(known=user, lock_key=lock_key).outcome


def user_unlock(*, user: User, by: User) -> None:
    """A coordinator or administrator lifts the lockouts of ``user`` on every client."""
    if by.role not in UNLOCK_ROLES:
        raise PermissionDenied
    User.objects.filter(pk=user.pk).update(login_generation=F("login_generation") + 1)
    audit_record(actor=by, action="auth.unlocked", obj=user)


def has_totp(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def second_factor_verify(*, user: User, code: str, client: str) -> SecondFactorResult:
    """Check a TOTP code or, failing that, a recovery code (each works once)."""
    if ratelimit.is_limited(CLIENT_LIMIT, client):
        return SecondFactorResult(Outcome.CLIENT_LIMITED)
    code = normalise_code(code)
    totp_devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    # App codes are six digits; recovery codes are eight letters and digits.
    if len(code) == 6 and code.isdigit():
        for device in totp_devices:
            if not device.verify_is_allowed()[0]:
                return SecondFactorResult(Outcome.THROTTLED)
            if device.verify_token(code):
                audit_record(actor=user, action="auth.login", detail={"method": "totp"})
                login_failures_forget(user=user, client=client)
                return SecondFactorResult(Outcome.OK, "totp", device)
    else:
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if not device.verify_is_allowed()[0]:
                return SecondFactorResult(Outcome.THROTTLED)
            if _use_recovery_code(device, code):
                remaining = device.token_set.count()
                audit_record(
                    actor=user, action="auth.recovery_code_used", detail={"remaining": remaining}
                )
                audit_record(actor=user, action="auth.login", detail={"method": "recovery_code"})
                login_failures_forget(user=user, client=client)
                return SecondFactorResult(Outcome.OK, "recovery_code", device)
    ratelimit.hit(CLIENT_LIMIT, client)
    audit_record(actor=user, action="auth.login_failed", detail={"reason": "second_factor"})
    return SecondFactorResult(Outcome.INVALID)


def second_factor_refused(*, client: str) -> SecondFactorResult:
    """The code step after a wrong password (blind mode): refused like a wrong code."""
    if ratelimit.is_limited(CLIENT_LIMIT, client):
        return SecondFactorResult(Outcome.CLIENT_LIMITED)
    ratelimit.hit(CLIENT_LIMIT, client)
    return SecondFactorResult(Outcome.INVALID)


def totp_enrolment_device(*, user: User) -> TOTPDevice:
    """The unconfirmed device being set up, so a reload shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def totp_enrol_confirm(*, device: TOTPDevice, code: str) -> tuple[Outcome, list[str]]:
    """Confirm a new TOTP device with its first code; on success, fresh recovery codes."""
    if not device.verify_is_allowed()[0]:
        return Outcome.THROTTLED, []
    if not device.verify_token(normalise_code(code)):
        return Outcome.INVALID, []
    # Confirming the device and issuing the recovery codes belong together.
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        audit_record(actor=device.user, action="auth.totp_enrolled", obj=device)
        audit_record(actor=device.user, action="auth.login", detail={"method": "totp"})
        return Outcome.OK, recovery_codes_create(user=device.user)


def recovery_code_digest(code: str) -> str:
    """The stored form of a recovery code: a keyed hash of the code as typed, normalised.

    Codes are random (40 bits or more), so a keyed hash is enough: without the key ring a
    dump gives nothing to test guesses against.
    """
    digest = crypto.keyed_digest("recovery-code", normalise_code(code).encode())
    return digest.hex()[:RECOVERY_DIGEST_CHARS]


def _use_recovery_code(device: StaticDevice, code: str) -> bool:
    """Use up one of the device's codes, with django-otp's back-off after a wrong one."""
    digest = recovery_code_digest(code)
    match = None
    for token_pk, stored in device.token_set.values_list("pk", "token"):
        # Every stored code is compared, each in constant time, whichever one matches.
        if hmac.compare_digest(stored, digest):
            match = token_pk
    # Deleting by key settles a race: of two logins with the same code, only one deletes it.
    if match is None or not StaticToken.objects.filter(pk=match).delete()[0]:
        device.throttle_increment()
        return False
    device.throttle_reset(commit=False)
    device.set_last_used_timestamp(commit=False)
    device.save()
    return True


def recovery_codes_replace(*, user: User, codes: list[str]) -> None:
    """Make ``codes`` the user's only recovery codes, stored as keyed hashes."""
    # Old codes must stop working in the same moment the new ones start.
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Herstelcodes", confirmed=True)
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=recovery_code_digest(code)) for code in codes
        )


def recovery_codes_create(*, user: User) -> list[str]:
    """Replace the user's recovery codes with ten new ones; shown once, then never again."""
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    # The new codes and their audit entry land together.
    with transaction.atomic():
        recovery_codes_replace(user=user, codes=codes)
        audit_record(actor=user, action="auth.recovery_codes_created", detail={"count": len(codes)})
    return codes


def second_factor_reset(*, user: User, by: User) -> None:
    """An administrator removes all second factors; the user sets up a new one at next login."""
    # Every kind of device goes, or none: a half reset would leave a working factor behind
    # (a passkey on a lost laptop just as much as the app on a lost phone).
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        WebAuthnCredential.objects.filter(user=user).delete()
        audit_record(actor=by, action="auth.second_factor_reset", obj=user)
        # Sessions verified with the removed factor no longer count; open connections look.
        staff_access_changed.send(sender=User, user=user)
