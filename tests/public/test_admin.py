"""Opening hours in the admin (/beheer/): administrators edit them, nobody else may."""

from collections.abc import Callable
from datetime import date, time

import pytest
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.public.models import OpeningException, WeeklyOpening

WEEKLY = "/beheer/public/weeklyopening/"
EXCEPTIONS = "/beheer/public/openingexception/"


def test_administrator_sees_the_default_weekly_schedule(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    """Ad, the administrator, sees Monday to Friday 9:00-17:00 as shipped."""
    response = verified_client(administrator).get(WEEKLY)
    assert response.status_code == 200
    assert WeeklyOpening.objects.count() == 5
    assert all(
        (row.opens, row.closes) == (time(9), time(17)) for row in WeeklyOpening.objects.all()
    )


def test_administrator_adds_an_extra_closed_day(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    """An extra closure without times is saved."""
    response = verified_client(administrator).post(
        EXCEPTIONS + "add/",
        {"date": "2026-12-31", "kind": "closed", "opens": "", "closes": "", "reason": "Team"},
    )
    assert response.status_code == 302
    assert OpeningException.objects.get().date == date(2026, 12, 31)


def test_extra_opening_without_times_is_refused_with_a_message(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    """An extra opening needs times: the form says so and saves nothing."""
    response = verified_client(administrator).post(
        EXCEPTIONS + "add/",
        {"date": "2026-12-26", "kind": "open", "opens": "", "closes": "", "reason": ""},
    )
    assert response.status_code == 200
    assert "Vul bij een extra openingstijd de tijden in." in response.content.decode()
    assert not OpeningException.objects.exists()


def test_weekly_closing_before_opening_is_refused(
    administrator: User, verified_client: Callable[[User], Client]
) -> None:
    """A period that closes before it opens is refused."""
    response = verified_client(administrator).post(
        WEEKLY + "add/", {"weekday": "5", "opens": "17:00", "closes": "09:00"}
    )
    assert response.status_code == 200
    assert "De sluitingstijd moet na de openingstijd liggen." in response.content.decode()
    assert not WeeklyOpening.objects.filter(weekday=5).exists()


def test_advisor_may_not_edit_opening_hours(
    advisor: User, verified_client: Callable[[User], Client]
) -> None:
    """Anna, an advisor, is refused: configuration is for administrators."""
    response = verified_client(advisor).get(WEEKLY)
    # The admin site (accounts app) decides between a redirect and 403; either refuses.
    assert response.status_code in {302, 403}
    assert "weeklyopening" not in response.content.decode()


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client: Client) -> None:
    """Without login the admin redirects to the staff login."""
    response = client.get(WEEKLY)
    assert response.status_code == 302
