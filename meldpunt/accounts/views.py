"""Staff login in two steps (password, then TOTP or a recovery code), enrolment, logout."""

import base64

import segno
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from meldpunt.accounts import passkeys, selectors, services, staff_session
from meldpunt.accounts.forms import CodeForm, LoginForm, PasswordConfirmForm
from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import StaffRequest, is_fully_authenticated, staff_required
from meldpunt.accounts.services import Outcome
from meldpunt.lib import ratelimit


def _messages() -> dict[Outcome, str]:
    return {
        Outcome.INVALID: _("De gebruikersnaam of het wachtwoord klopt niet."),
        Outcome.LOCKED: _(
            "Dit account is 15 minuten geblokkeerd, omdat er te vaak een verkeerd wachtwoord "
            "is gebruikt. Probeer het daarna opnieuw, of vraag de beheerder om hulp."
        ),
        Outcome.CLIENT_LIMITED: _(
            "Er is te vaak verkeerd ingelogd vanaf deze verbinding. "
            "Probeer het over 15 minuten opnieuw."
        ),
        Outcome.THROTTLED: _(
            "Er zijn te veel verkeerde codes achter elkaar ingevuld. "
            "Wacht een paar seconden en probeer het opnieuw."
        ),
    }


def _code_error() -> str:
    return _("Deze code klopt niet. Kijk in uw app voor de code van nu en probeer het opnieuw.")


def _safe_next(request: HttpRequest) -> str:
    value = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return value if allowed else ""


def _restart(request: HttpRequest) -> HttpResponse:
    messages.info(request, _("Log opnieuw in met uw gebruikersnaam en wachtwoord."))
    return redirect("accounts:login")


@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    """Anyone: step 1, username and password. Staff already fully logged in go straight on."""
    next_url = _safe_next(request)
    if is_fully_authenticated(request.user):
        return redirect(next_url or staff_session.home_url())
    if request.user.is_authenticated:
        # Logged in with a password elsewhere but without a second factor: finish that first.
        staff_session.pending_start(request, user=request.user, next_url=next_url)
        return redirect("accounts:verify")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.password_check(
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
            client=ratelimit.request_client(request),
        )
        if result.outcome in (Outcome.OK, Outcome.BLIND) and result.user is not None:
            staff_session.pending_start(
                request,
                user=result.user,
                next_url=next_url,
                password_ok=result.password_ok,
                blind=result.outcome == Outcome.BLIND,
            )
            return redirect("accounts:verify")
        form.add_error(None, _messages()[result.outcome])
    status = 400 if form.errors else 200
    return render(request, "accounts/login.html", {"form": form, "next": next_url}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def verify_view(request: HttpRequest) -> HttpResponse:
    """Whoever passed the password step in this session: step 2, the second factor."""
    user = staff_session.pending_user(request, blind_ok=True)
    # Blind (the account is under attack), the page is the same whether the password was
    # right or not: no set-up of an app, no passkey, no back-off message.
    blind = staff_session.pending_blind(request)
    if user is None and not blind:
        return _restart(request)
    if user is not None and not blind and not services.has_totp(user):
        return redirect("accounts:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = ratelimit.request_client(request)
        if user is None:
            result = services.second_factor_refused(client=client)
        else:
            result = services.second_factor_verify(
                user=user, code=form.cleaned_data["code"], client=client
            )
        if result.outcome == Outcome.OK and user is not None:
            return redirect(staff_session.complete(request, user=user, device=result.device))
        shown = Outcome.INVALID if blind and result.outcome == Outcome.THROTTLED else result.outcome
        form.add_error("code", _code_error() if shown == Outcome.INVALID else _messages()[shown])
    context = {"form": form, "next": staff_session.pending_next(request)}
    if user is not None and not blind and passkeys.has_passkey(user):
        context["passkey_config"] = passkeys.passkey_config(request)
    return render(request, "accounts/verify.html", context, status=400 if form.errors else 200)


def _qr_svg(device: TOTPDevice) -> str:
    title = escape(_("QR-code om uw app in te stellen"))
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, svgclass="enrol__qr", title=title, dark="#000", light="#fff"
    )
    # Built by segno from our own data (path data, our escaped title): no user markup inside.
    return mark_safe(svg)  # noqa: S308


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    """Whoever passed the password step and has no authenticator app yet: set one up."""
    user = staff_session.pending_user(request)
    if user is None:
        return _restart(request)
    if services.has_totp(user):
        return redirect("accounts:verify")
    device = services.totp_enrolment_device(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome, codes = services.totp_enrol_confirm(device=device, code=form.cleaned_data["code"])
        if outcome == Outcome.OK:
            next_url = staff_session.complete(request, user=user, device=device)
            request.session[staff_session.RECOVERY_CODES_KEY] = {"codes": codes, "next": next_url}
            return redirect("accounts:recovery_codes")
        form.add_error(
            "code", _code_error() if outcome == Outcome.INVALID else _messages()[outcome]
        )
    context = {
        "form": form,
        "qr_svg": _qr_svg(device),
        "secret": _grouped(base64.b32encode(device.bin_key).decode("ascii")),
    }
    return render(request, "accounts/enrol.html", context, status=400 if form.errors else 200)


@never_cache
@staff_required()
def recovery_codes_view(request: StaffRequest) -> HttpResponse:
    """Any staff member just after setting up two factors: the recovery codes, shown once."""
    shown = request.session.pop(staff_session.RECOVERY_CODES_KEY, None)
    if not shown:
        return redirect("accounts:home")
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": shown["codes"], "next": shown["next"]},
    )


@never_cache
@staff_required()
@require_http_methods(["GET", "POST"])
def security_view(request: StaffRequest) -> HttpResponse:
    """Any staff member with both factors: their passkeys, and new recovery codes after
    typing their password again."""
    form = PasswordConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        outcome = services.password_confirm(
            user=request.user,
            password=form.cleaned_data["password"],
            client=ratelimit.request_client(request),
        )
        if outcome == Outcome.OK:
            codes = services.recovery_codes_create(user=request.user)
            request.session[staff_session.RECOVERY_CODES_KEY] = {
                "codes": codes,
                "next": reverse("accounts:security"),
            }
            return redirect("accounts:recovery_codes")
        form.add_error(
            "password",
            _("Het wachtwoord klopt niet.") if outcome == Outcome.INVALID else _messages()[outcome],
        )
    context = {
        "form": form,
        "passkeys": WebAuthnCredential.objects.filter(user=request.user).order_by("created_at"),
        "passkey_config": passkeys.passkey_config(request),
    }
    return render(request, "accounts/security.html", context, status=400 if form.errors else 200)


@never_cache
@staff_required(*services.UNLOCK_ROLES)
@require_http_methods(["GET", "POST"])
def unlock_view(request: StaffRequest) -> HttpResponse:
    """Coordinators and administrators: accounts locked after wrong passwords; lift a lock."""
    if request.method == "POST":
        user = selectors.get_unlockable_user(request.POST.get("user", ""))
        if user is None:
            raise Http404
        services.user_unlock(user=user, by=request.user)
        messages.success(request, _("De blokkade van %(name)s is opgeheven.") % {"name": user})
        return redirect("accounts:unlock")
    return render(request, "accounts/unlock.html", {"locked": selectors.recently_locked_users()})


@never_cache
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Anyone (POST only, with the CSRF token): end the session.

    An advisor's or coordinator's open chat consoles close with it, and they go on away
    (the chat app hears of it through ``staff_session.end``).
    """
    staff_session.end(request, reason="user")
    messages.info(request, _("U bent uitgelogd."))
    return redirect("accounts:login")


# Where each role starts.
LANDING: dict[str, str] = {
    Role.ADVISOR: "cases:inbox",
    Role.COORDINATOR: "cases:inbox",
    Role.ANALYST: "stats:dashboard",
    Role.MUNICIPALITY: "stats:dashboard",
    Role.ADMINISTRATOR: "admin:index",
}


@never_cache
@staff_required()
def home_view(request: StaffRequest) -> HttpResponse:
    """Any staff member with both factors: sent on to the start page of their role."""
    return redirect(LANDING[request.user.role])
