"""Every staff page and every admin page renders in Dutch: no English month or weekday
name, no entry of Django's catalogue left in English.

The pages are found by walking the URL patterns (staff side as a coordinator, the admin
sites as an administrator), with sample objects for their ids: the demo data of
``make run`` and a referral with its partner."""

import re
from collections.abc import Iterator
from datetime import date

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db.models import Model
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from meldpunt.accounts.models import User
from meldpunt.audit.labels import AUDIT_ACTIONS, DETAIL_NAMES, OBJECT_TYPES
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import Person, Task
from meldpunt.cases.services import task_add
from meldpunt.chat import services as chat_services
from meldpunt.chat.models import ChatSession
from meldpunt.referrals.admin import partner_admin_site
from meldpunt.referrals.models import Partner, Referral
from meldpunt.referrals.services import referral_create
from meldpunt.reports.models import Mailbox
from tests.referrals.conftest import keys, labour_case_for, seed_partners, spoken_consent

pytestmark = pytest.mark.django_db

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SHORT_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
SHORT_DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
ENGLISH = re.compile(
    rf"\b({MONTHS}|{DAYS})\b"
    rf"|\b\d{{1,2}} ({SHORT_MONTHS})\b|\b({SHORT_MONTHS}) \d{{1,4}}\b"
    rf"|\b({SHORT_DAYS}),? \d"
    # Django's own texts that stay English when its Dutch catalogue does not have them.
    r"|Select an option|Filter by|Save and|Add another|Log out|View site|Change password"
    r"|Recent actions|Show all|\bHome\b|\bSearch\b|Welcome,|\bDelete\b"
    # Apps without a Dutch name (the admin shows them in capitals: "PUBLIC").
    r"|\b(Accounts|Public|Referrals|Reports|Cases|Linking|Stats)\b"
)
STAFF_PREFIXES = ("medewerkers/",)
ADMIN_PREFIXES = ("beheer/", "beheer-partners/")
# Not pages: the login steps (they redirect a logged-in user) and JSON or file answers.
NOT_PAGES = {
    "accounts:passkey_i18n",
    "referrals:pdf",
    "reports:attachment",
}


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def raw_audit() -> re.Pattern[str]:
    """Audit entries as stored ("mailbox.reply", "method: totp", "location #3") instead of
    their labels; a key that is a Dutch word itself ("contact") is not counted."""
    with translation.override("nl"):
        names = {**DETAIL_NAMES, **OBJECT_TYPES}
        keys = [key for key, label in names.items() if str(label) != key]
    actions = [re.escape(action) for action in AUDIT_ACTIONS]
    details = [rf"\b{re.escape(key)}(: | #\d)" for key in keys]
    return re.compile("|".join(actions + details))


def english_in(html: str) -> list[str]:
    text = visible_text(html)
    return sorted(
        {match.group(0) for pattern in (ENGLISH, raw_audit()) for match in pattern.finditer(text)}
    )


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


@pytest.fixture
def samples(coordinator: User, settings, tmp_path) -> dict[str, int | None]:
    """The demo accounts and cases, a referral, a task, a waiting chat and an audit trail."""
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
    task_add(case=case, by=coordinator, description="Terugbellen", due_date=date(2026, 12, 4))
    chat_services.chat_start(nickname="wacht")
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


def check(client: Client, urls: list[tuple[str, str]]) -> list[str]:
    checked = []
    leaks = {}
    for name, url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        checked.append(name)
        found = english_in(response.content.decode())
        if found:
            leaks[url] = found
    assert not leaks, leaks
    return checked


def test_every_staff_page_is_in_dutch(coordinator: User, samples, verified_client):
    checked = check(verified_client(coordinator), list(pages(STAFF_PREFIXES, samples)))
    for name in (
        "cases:inbox",
        "cases:detail",
        "cases:audit",
        "referrals:detail",
        "chat:to_case",
        "privacy:subject",
    ):
        assert name in checked


def admin_pages() -> Iterator[tuple[str, str]]:
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


def test_every_admin_page_is_in_dutch(administrator: User, samples, verified_client):
    checked = check(verified_client(administrator), list(admin_pages()))
    assert checked.count("changelist") >= 3
    assert "change" in checked


@pytest.mark.parametrize(
    "leak",
    [
        "2 Dec 2026 05:07",
        "- Select an option -",
        "Filter by datum",
        "Public",
        "mailbox.reply",
        "case.mailbox_reply",
        "method: totp",
        "location #3",
    ],
)
def test_the_check_finds_each_leak_seen_in_use(leak: str):
    assert english_in(f"<p>{leak}</p>")
    assert not english_in("<p>2 dec 2026 05:07, methode: app voor inlogcodes, plek #3</p>")
