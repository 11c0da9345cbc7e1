"""Named staff users and helpers for the login tests."""

import time
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Municipality, Role, User

PASSWORD = "een lang en geheim wachtwoord"


def totp_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows now, or the next one if now's was already used."""
    device.refresh_from_db()
    otp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    otp.time = time.time()
    if otp.t() <= device.last_t:
        otp.drift += device.last_t + 1 - otp.t()
    return f"{otp.token():0{device.digits}d}"


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    def make(username: str, role: str = Role.ADVISOR, *, totp: bool = True, **extra: Any) -> User:
        user = User.objects.create_user(username=username, password=PASSWORD, role=role, **extra)
        if totp:
            TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        return user

    return make


@pytest.fixture
def advisor(make_user: Callable[..., User]) -> User:
    return make_user("anouk", Role.ADVISOR, first_name="Anouk")


@pytest.fixture
def analyst(make_user: Callable[..., User]) -> User:
    return make_user("bram", Role.ANALYST)


@pytest.fixture
def municipality_viewer(make_user: Callable[..., User]) -> User:
    return make_user("carla", Role.MUNICIPALITY, municipality=Municipality.ALMERE)


@pytest.fixture
def administrator(make_user: Callable[..., User]) -> User:
    return make_user("daan", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


def verified(client: Client, user: User) -> Client:
    """Log ``user`` in as if both factors were passed."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return client


def password_step(client: Client, user: User, next_url: str = "") -> Any:
    data = {"username": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


def full_login(client: Client, user: User) -> Any:
    password_step(client, user)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return client.post(reverse("accounts:verify"), {"code": totp_code(device)})
