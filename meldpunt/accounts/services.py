"""Writes for staff login: password check with lockout, second factors, recovery codes.

Every outcome that matters goes to the audit log as ``auth.*``. Neither an address nor a
user agent is stored: the per-client limit keys on a keyed hash held only in the cache.
"""

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import authenticate
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from meldpunt.accounts.models import User
from meldpunt.accounts.signals import staff_access_changed
from meldpunt.cases.audit import audit_record
from meldpunt.lib import clock, ratelimit
from meldpunt.lib.ratelimit import Limit

LOCKOUT_FAILURES = 5
LOCKOUT_DURATION = timedelta(minutes=15)
RECOVERY_CODE_COUNT = 10
# Failures from one client across all usernames; stops guessing many accounts at once.
CLIENT_LIMIT = Limit("login-client", 20, 15 * 60)
# Unknown usernames lock like real ones, so the lockout message reveals nothing.
UNKNOWN_USER_LIMIT = Limit("login-unknown-user", LOCKOUT_FAILURES, 15 * 60)


class Outcome(enum.StrEnum):
    OK = "ok"
    INVALID = "invalid"
    LOCKED = "locked"
    CLIENT_LIMITED = "client_limited"
    THROTTLED = "throttled"


@dataclass(frozen=True)
class PasswordResult:
    outcome: Outcome
    user: User | None = None


@dataclass(frozen=True)
class SecondFactorResult:
    outcome: Outcome
    method: str = ""
    device: TOTPDevice | StaticDevice | None = None


def _username_key(username: str) -> str:
    return ratelimit.client_key("username:" + username.casefold())


def password_check(*, username: str, password: str, client: str) -> PasswordResult:
    """Check the first factor for ``username``; ``client`` is ``ratelimit.client_key(...)``.

    Five failures lock an account for 15 minutes, also for the right password.
    """
    if ratelimit.is_limited(CLIENT_LIMIT, client):
        return PasswordResult(Outcome.CLIENT_LIMITED)
    known = User.objects.filter(username=username).first()
    now = clock.now()
    if known is None and ratelimit.is_limited(UNKNOWN_USER_LIMIT, _username_key(username)):
        ratelimit.hit(CLIENT_LIMIT, client)
        return PasswordResult(Outcome.LOCKED)
    if known is not None and known.locked_until and known.locked_until > now:
        ratelimit.hit(CLIENT_LIMIT, client)
        audit_record(actor=known, action="auth.login_failed", detail={"reason": "locked"})
        return PasswordResult(Outcome.LOCKED)

    user = authenticate(username=username, password=password)
    if user is not None:
        User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
        return PasswordResult(Outcome.OK, user)

    ratelimit.hit(CLIENT_LIMIT, client)
    if known is None:
        ratelimit.hit(UNKNOWN_USER_LIMIT, _username_key(username))
        audit_record(actor=None, action="auth.login_failed", detail={"reason": "password"})
        if ratelimit.is_limited(UNKNOWN_USER_LIMIT, _username_key(username)):
            return PasswordResult(Outcome.LOCKED)
        return PasswordResult(Outcome.INVALID)
    return _count_failure(user_id=known.pk, now=clock.now())


def _count_failure(*, user_id: int, now: datetime) -> PasswordResult:
    # The row lock keeps concurrent wrong guesses from slipping past the threshold.
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user_id)
        user.failed_logins += 1
        locked = user.failed_logins >= LOCKOUT_FAILURES
        if locked:
            user.failed_logins = 0
            user.locked_until = now + LOCKOUT_DURATION
        user.save(update_fields=["failed_logins", "locked_until"])
        audit_record(actor=user, action="auth.login_failed", detail={"reason": "password"})
        if locked:
            audit_record(
                actor=user,
                action="auth.locked",
                detail={"minutes": int(LOCKOUT_DURATION.total_seconds() // 60)},
            )
    return PasswordResult(Outcome.LOCKED if locked else Outcome.INVALID, user)


def user_unlock(*, user: User, by: User) -> None:
    """An administrator lifts a lockout before it runs out."""
    User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
    audit_record(actor=by, action="auth.unlocked", obj=user)


def has_totp(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


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
                return SecondFactorResult(Outcome.OK, "totp", device)
    else:
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if not device.verify_is_allowed()[0]:
                return SecondFactorResult(Outcome.THROTTLED)
            if device.verify_token(code):
                remaining = device.token_set.count()
                audit_record(
                    actor=user, action="auth.recovery_code_used", detail={"remaining": remaining}
                )
                audit_record(actor=user, action="auth.login", detail={"method": "recovery_code"})
                return SecondFactorResult(Outcome.OK, "recovery_code", device)
    ratelimit.hit(CLIENT_LIMIT, client)
    audit_record(actor=user, action="auth.login_failed", detail={"reason": "second_factor"})
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


def recovery_codes_create(*, user: User) -> list[str]:
    """Replace the user's recovery codes with ten new ones; shown once, then never again."""
    # Old codes must stop working in the same moment the new ones start.
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Herstelcodes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
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
