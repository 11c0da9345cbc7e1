"""The staff menu: each role sees the pages it may open, and only those.

Who may open a page is read from its view (``staff_required``), so the menu and the
check in the view cannot disagree. The apps above register a count to show next to
their item (the chat: chats waiting) through ``register_menu_count``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import get_script_prefix, resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import User
from meldpunt.accounts.permissions import ADMIN_ROLES, view_roles


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise
    accesskey: str = ""
    # Only for a page whose view does not say it through ``staff_required`` (the admin
    # site), or where a role would only be sent on elsewhere (the start page).
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class MenuLink:
    url: str
    label: str | Promise
    accesskey: str
    count: int | None


MENU: tuple[MenuEntry, ...] = (
    MenuEntry("stats:dashboard", _("Cijfers")),
    MenuEntry("cases:inbox", _("Inbox")),
    MenuEntry("chat:console", _("Chat")),
    MenuEntry("intake:new", _("Nieuw telefoongesprek"), accesskey="n"),
    MenuEntry("search:cases", _("Zoeken")),
    MenuEntry("referrals:partners", _("Partners")),
    MenuEntry("cases:workload", _("Werkverdeling")),
    MenuEntry("cases:audit", _("Auditlog")),
    MenuEntry("linking:signals", _("Signalen")),
    MenuEntry("accounts:unlock", _("Geblokkeerde accounts")),
    MenuEntry("referrals:export", _("Registratie slachtoffers")),
    MenuEntry("triage:decision_stats", _("Besluiten over suggesties")),
    MenuEntry("privacy:subject", _("AVG-verzoek")),
    MenuEntry("admin:index", _("Beheer"), roles=ADMIN_ROLES),
)

_counts: dict[str, Callable[[], int]] = {}


def register_menu_count(url_name: str, count: Callable[[], int]) -> None:
    """Show ``count()`` next to the item of ``url_name`` (one query, made only for the
    roles that see the item)."""
    _counts[url_name] = count


def entry_roles(entry: MenuEntry) -> tuple[str, ...]:
    if entry.roles:
        return entry.roles
    # reverse() puts the site's path prefix in front (MELDPUNT_PATH_PREFIX); resolve()
    # takes the path after it.
    path = "/" + reverse(entry.url_name).removeprefix(get_script_prefix())
    return view_roles(resolve(path).func)


def menu_for(user: User) -> list[MenuLink]:
    """The menu items ``user`` may open, in menu order, with their counts."""
    links = []
    for entry in MENU:
        if user.role not in entry_roles(entry):
            continue
        count = _counts.get(entry.url_name)
        links.append(
            MenuLink(
                url=reverse(entry.url_name),
                label=entry.label,
                accesskey=entry.accesskey,
                count=count() if count else None,
            )
        )
    return links
