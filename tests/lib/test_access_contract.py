"""Every view, consumer and template tag reaches a sensitive object only through an
``access_*`` function (meldpunt/lib/access.py).

The check reads the code: a module holding a view, a consumer or a template tag may
not query a sensitive model itself (``Case.objects``, ``get_object_or_404(Case, ...)``),
and a view whose address names an object (``<int:case_id>``) must call an ``access_*``
function, itself or in a helper of its module. A made-up bad view shows the check fails.
"""

import ast
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

from config.routing import websocket_urlpatterns
from meldpunt.cases.models import Case, Contact, IntakeDraft, Person
from meldpunt.chat.models import ChatMessage, ChatSession
from meldpunt.referrals.admin import partner_admin_site
from meldpunt.referrals.models import Referral, VictimRegistration
from meldpunt.reports.models import Attachment, Mailbox, MailboxMessage

SENSITIVE = (
    Case,
    Contact,
    Person,
    IntakeDraft,
    Attachment,
    Mailbox,
    MailboxMessage,
    ChatSession,
    ChatMessage,
    Referral,
    VictimRegistration,
)
MODEL_NAMES = {model.__name__ for model in SENSITIVE}
MANAGERS = {"objects", "_default_manager", "_base_manager"}
SHORTCUTS = {"get_object_or_404", "get_list_or_404", "aget_object_or_404", "aget_list_or_404"}
SOURCE = Path(__file__).resolve().parents[2] / "meldpunt"
# Views whose address names an object that holds nothing about a person, and why.
NOT_ABOUT_A_PERSON = {
    "meldpunt.tally.views.campaign_visit": "a campaign's public short link (a poster's code)",
    "meldpunt.tally.admin.qr_view": "the QR code of that short link, for administrators",
}

BAD_VIEWS = """
from django.shortcuts import get_object_or_404, render
from meldpunt.cases.models import Case, Contact


def case_page(request, case_id):
    return render(request, "x.html", {"case": Case.objects.get(pk=case_id)})


def contact_page(request, contact_id):
    return render(request, "x.html", {"contact": get_object_or_404(Contact, pk=contact_id)})
"""

GOOD_VIEWS = """
from meldpunt.cases.selectors import access_case


def _page(request, case):
    return render(request, "x.html", {"case": case})


def _opened(request, case_id):
    return access_case(request.user, case_id, audit="case.view")


def case_page(request, case_id):
    return _page(request, _opened(request, case_id))
"""


def _called(node: ast.AST) -> str:
    return getattr(node, "id", getattr(node, "attr", ""))


def _is_sensitive(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id in MODEL_NAMES


def _reaches(node: ast.AST) -> bool:
    """``Case.objects`` (any manager), or ``get_object_or_404(Case, ...)`` and the like."""
    if isinstance(node, ast.Attribute):
        return node.attr in MANAGERS and _is_sensitive(node.value)
    return (
        isinstance(node, ast.Call)
        and _called(node.func) in SHORTCUTS
        and bool(node.args)
        and _is_sensitive(node.args[0])
    )


def direct_reaches(tree: ast.AST) -> list[str]:
    """Where ``tree`` queries a sensitive model without an access function."""
    return [
        f"line {node.lineno}: {ast.unparse(node)}"  # type: ignore[attr-defined]
        for node in ast.walk(tree)
        if _reaches(node)
    ]


def calls_access(tree: ast.Module, names: list[str]) -> bool:
    """Do the functions or classes ``names`` of ``tree``, or a function of the same module
    they use, call (or hand on) an ``access_*`` function?"""
    defined = {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen or name not in defined:
            continue
        seen.add(name)
        for node in ast.walk(defined[name]):
            # Called, or handed on (``database_sync_to_async(selectors.access_chat)``).
            if isinstance(node, ast.Name | ast.Attribute) and _called(node).startswith("access_"):
                return True
            if isinstance(node, ast.Name) and node.id in defined:
                todo.append(node.id)
    return False


def _module_tree(module_name: str) -> ast.Module:
    return _file_tree(Path(str(sys.modules[module_name].__file__)))


def _file_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _patterns(patterns: list[Any]) -> Iterator[URLPattern]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns)
        else:
            yield pattern


def project_views() -> list[tuple[str, str, list[str]]]:
    """(module, view name, URL keywords) of every view of config.urls written here.

    Django's own views (the admin, i18n, redirects) are left out; the admin is checked
    apart, below.
    """
    views = []
    for pattern in _patterns(get_resolver("config.urls").url_patterns):
        callback = pattern.callback
        view = getattr(callback, "view_class", None) or inspect.unwrap(callback)
        if view.__module__.startswith("meldpunt."):
            keywords = list(getattr(pattern.pattern, "converters", {}))
            views.append((view.__module__, view.__name__, keywords))
    return views


def project_consumers() -> list[type]:
    return [route.callback.consumer_class for route in websocket_urlpatterns]


def test_the_checker_flags_a_view_that_reaches_a_model_itself() -> None:
    """A made-up module with two bad views: both found; a good one passes."""
    bad = ast.parse(BAD_VIEWS)
    assert len(direct_reaches(bad)) == 2
    assert not calls_access(bad, ["case_page"])
    assert not calls_access(bad, ["contact_page"])
    good = ast.parse(GOOD_VIEWS)
    assert direct_reaches(good) == []
    assert calls_access(good, ["case_page"])


def test_the_walk_finds_the_views_and_consumers() -> None:
    """The lists checked below hold the pages and sockets that reach sensitive objects."""
    names = {f"{module}.{name}" for module, name, _keywords in project_views()}
    assert {
        "meldpunt.cases.views.detail",
        "meldpunt.cases.intake.views.new",
        "meldpunt.cases.intake.views.save",
        "meldpunt.triage.views.decide",
        "meldpunt.reports.views.mailbox_file",
        "meldpunt.reports.staff_views.attachment_download",
        "meldpunt.chat.views.chat_to_case",
        "meldpunt.referrals.views.registration_edit",
    } <= names
    assert {consumer.__name__ for consumer in project_consumers()} == {
        "ReporterConsumer",
        "AdvisorConsumer",
    }


def test_no_view_consumer_or_template_tag_queries_a_sensitive_model() -> None:
    """Modules with views, consumers or template tags query no sensitive model themselves."""
    modules = {module for module, _name, _keywords in project_views()}
    modules |= {consumer.__module__ for consumer in project_consumers()}
    files = {Path(str(sys.modules[module].__file__)) for module in modules}
    files |= set(SOURCE.glob("*/templatetags/*.py"))
    found = {str(path.relative_to(SOURCE)): direct_reaches(_file_tree(path)) for path in files}
    assert {path: lines for path, lines in found.items() if lines} == {}


def test_every_view_that_names_an_object_goes_through_an_access_function() -> None:
    """A view whose address holds an id (``case_id``, ``referral_id``, ...) calls an
    ``access_*`` function, itself or through a helper of its module."""
    missing = [
        f"{module}.{name}"
        for module, name, keywords in project_views()
        if set(keywords) - {"slug"}
        and f"{module}.{name}" not in NOT_ABOUT_A_PERSON
        and not calls_access(_module_tree(module), [name])
    ]
    assert missing == []


def test_every_consumer_goes_through_an_access_function() -> None:
    """Both chat consumers reach their chats through an ``access_*`` function."""
    missing = [
        consumer.__name__
        for consumer in project_consumers()
        if not calls_access(
            _module_tree(consumer.__module__),
            [cls.__name__ for cls in consumer.__mro__ if cls.__module__ == consumer.__module__],
        )
    ]
    assert missing == []


def test_no_admin_site_shows_a_sensitive_model() -> None:
    """The admin sites are views too: none of them lists a sensitive model."""
    for site in (admin.site, partner_admin_site):
        assert [model for model in SENSITIVE if site.is_registered(model)] == []
