"""Who may call a staff view: logged in, passed two factors, and holds one of the roles."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from meldpunt.accounts.models import Role

CASE_ROLES = (Role.ADVISOR, Role.COORDINATOR)
COORDINATOR_ROLES = (Role.COORDINATOR,)
STATS_ROLES = (Role.ANALYST, Role.MUNICIPALITY, Role.COORDINATOR)
ADMIN_ROLES = (Role.ADMINISTRATOR,)

View = Callable[..., HttpResponse]


def is_fully_authenticated(user: Any) -> bool:
    """Logged in with password and second factor, and the account is active."""
    return bool(user.is_authenticated and user.is_active and user.is_verified())


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/forbidden.html", status=403)


def staff_required(*roles: str) -> Callable[[View], View]:
    """Decorator for staff views: anonymous visitors go to login, other roles get 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not is_fully_authenticated(user):
                return redirect_to_login(request.get_full_path(), login_url="accounts:login")
            if roles and user.role not in roles:
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
