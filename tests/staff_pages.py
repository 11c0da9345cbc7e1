"""Every staff and admin page, found by walking the URL patterns, with sample objects
for their ids: the demo data of ``make run``, a referral with its partner, a task, a
waiting chat, a campaign with a short link and an audit trail. Used by the
Dutch-rendering and the accessibility tests."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from django.contrib import admin
from django.core.management import call_command
from django.db.models import Model
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import Person, Task
from meldpunt.cases.services import task_add
from meldpunt.chat import services as chat_services
from meldpunt.chat.models import ChatSession
from meldpunt.referrals.admin import partner_admin_site
from meldpunt.referrals.models import Partner, Referral
from meldpunt.referrals.services import referral_create
from meldpunt.reports.models import Mailbox
from meldpunt.tally.models import Campaign
from meldpunt.tally.services import link_create
from tests.referrals.conftest import keys, labour_case_for, seed_partners, spoken_consent

STAFF_PREFIXES = ("medewerkers/",)
# Not pages: the login steps (they redirect a logged-in user) and JSON or file answers.
NOT_PAGES = {
    "accounts:passkey_i18n",
    "referrals:pdf",
    "stats:export_csv",
    "stats:export_xlsx",
    "stats:quarter_pdf",
    "reports:attachment",
}


def url_patterns(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, list[str]]]:
    """(route, view name, argument names) of every pattern, in order."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from url_patterns(pattern.url_patterns, route, inner)
        elif pattern.name:
            yield route, namespace + pattern.name, list(pattern.pattern.regex.groupindex)


def first_pk(model: type[Model]) -> int | None:
    found = model._default_manager.order_by("pk").first()
    return found.pk if found else None


def staff_samples(coordinator: User, tmp_path: Path) -> dict[str, int | None]:
    """The demo accounts and cases, a referral, a task, a waiting chat, a campaign with a
    short link and an audit trail."""
    with override_settings(DEBUG=True, VAR_DIR=tmp_path):
        call_command("load_demo", stdout=None)
        call_command("load_demo_cases", stdout=None)
    seed_partners()
    case = labour_case_for(coordinator)
    partner = Partner.objects.get(name="Nederlandse Arbeidsinspectie")
    referral_create(
        case=case,
        by=coordinator,
        partner=partner,
        reason="Signalen van arbeidsuitbuiting.",
        urgency="high",
        shared_fields=keys(case, "summary"),
        consent=spoken_consent(),
    )
    # Relative to today: the service refuses a due date in the past.
    due = timezone.localdate() + timedelta(days=2)
    task_add(case=case, by=coordinator, description="Terugbellen", due_date=due)
    chat_services.chat_start(nickname="wacht")
    campaign = Campaign.objects.create(
        name="Flyers voorjaar",
        medium="flyer",
        municipalities=["GM0184"],
        start=timezone.localdate() - timedelta(days=30),
        end=timezone.localdate(),
    )
    link_create(campaign=campaign, label="Bibliotheek")
    audit_record(actor=coordinator, action="auth.login", detail={"method": "totp"})
    return {
        "case_id": case.pk,
        "task_id": first_pk(Task),
        "pk": first_pk(ChatSession),
        "referral_id": first_pk(Referral),
        "person_id": first_pk(Person),
        "mailbox_id": first_pk(Mailbox),
    }


def pages(prefixes: tuple[str, ...], samples: dict[str, int | None]) -> Iterator[tuple[str, str]]:
    for route, name, arguments in url_patterns(get_resolver().url_patterns):
        if not route.startswith(prefixes) or name in NOT_PAGES:
            continue
        values = {argument: samples.get(argument) for argument in arguments}
        if None in values.values():
            continue
        yield name, reverse(name, kwargs=values)


def admin_pages() -> Iterator[tuple[str, str]]:
    yield "translations", reverse("admin:translations")
    for site in (admin.site, partner_admin_site):
        yield "index", reverse(f"{site.name}:index")
        for model, model_admin in site._registry.items():
            info = (site.name, model._meta.app_label, model._meta.model_name)
            yield "changelist", reverse("{}:{}_{}_changelist".format(*info))
            if model_admin.has_add_permission:
                yield "add", reverse("{}:{}_{}_add".format(*info))
            sample = model._default_manager.order_by("pk").first()
            if sample is not None:
                yield "change", reverse("{}:{}_{}_change".format(*info), args=[sample.pk])
