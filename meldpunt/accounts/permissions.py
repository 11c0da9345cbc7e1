"""Who may call a staff view: logged in, passed two factors, and holds one of the roles."""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeGuard

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from meldpunt.accounts.models import Role, User

CASE_ROLES = (Role.ADVISOR, Role.COORDINATOR)
COORDINATOR_ROLES = (Role.COORDINATOR,)
STATS_ROLES = (Role.ANALYST, Role.MUNICIPALITY, Role.COORDINATOR)
ADMIN_ROLES = (Role.ADMINISTRATOR,)

_P = ParamSpec("_P")


class StaffRequest(HttpRequest):
    """A request that passed ``staff_required``: its user is a staff member with two factors."""

    user: User


StaffView = Callable[Concatenate[StaffRequest, _P], HttpResponse]
View = Callable[Concatenate[HttpRequest, _P], HttpResponse]


def is_fully_authenticated(user: User | AnonymousUser) -> TypeGuard[User]:
    """Logged in with password and second factor, and the account is active."""
    return bool(user.is_authenticated and user.is_active and user.is_verified())


def is_staff_request(request: HttpRequest) -> TypeGuard[StaffRequest]:
    """The request's user is fully authenticated (see ``is_fully_authenticated``)."""
    return is_fully_authenticated(request.user)


def staff_user(request: HttpRequest) -> User:
    """The fully authenticated user of a request that a check before has already let in
    (the admin site, a passkey view); anyone else is refused."""
    if not is_staff_request(request):
        raise PermissionDenied
    return request.user


def view_roles(view: Callable[..., HttpResponse]) -> tuple[str, ...]:
    """The roles that ``staff_required`` lets into ``view``; none for any other view."""
    return tuple(getattr(view, "staff_roles", ()))


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/forbidden.html", status=403)


def staff_required(*roles: str) -> Callable[[StaffView[_P]], View[_P]]:
    """Decorator for staff views: anonymous visitors go to login, other roles get 403."""

    def decorator(view: StaffView[_P]) -> View[_P]:
        @wraps(view)
        def wrapped(request: HttpRequest, /, *args: _P.args, **kwargs: _P.kwargs) -> HttpResponse:
            if not is_staff_request(request):
                return redirect_to_login(request.get_full_path(), login_url="accounts:login")
            if roles and request.user.role not in roles:
                return forbidden(request)
            return view(request, *args, **kwargs)

        # The staff menu reads who may open the view from here (see ``menu.py``).
        wrapped.staff_roles = roles or tuple(Role.values)  # type: ignore[attr-defined]
        return wrapped

    return decorator
