"""Readable names for audit log entries: actions, detail keys, choice values and users.

The log stores ids and choice values only; this turns them into words for coordinators.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import CaseKind, CaseStatus, Channel, ClosingReason, Outcome

# Known actions; anything else is shown as it is stored.
AUDIT_ACTIONS = {
    "case.create": _("zaak aangemaakt"),
    "case.view": _("zaak bekeken"),
    "case.status": _("status gewijzigd"),
    "case.assign": _("behandelaar gewijzigd"),
    "case.kind": _("soort zaak gewijzigd"),
    "case.refer": _("doorverwezen"),
    "referral.create": _("doorverwijzing gemaakt"),
    "referral.view": _("doorverwijzing bekeken"),
    "referral.print": _("samenvatting doorverwijzing afgedrukt"),
    "referral.download": _("samenvatting doorverwijzing gedownload (pdf)"),
    "referral.status": _("status doorverwijzing gewijzigd"),
    "referral.feedback": _("terugkoppeling partner vastgelegd"),
    "registration.create": _("registratie mogelijk slachtoffer vastgelegd"),
    "registration.change": _("registratie mogelijk slachtoffer gewijzigd"),
    "registration.export": _("registraties mogelijke slachtoffers geëxporteerd"),
    "case.close": _("zaak gesloten"),
    "case.close_request": _("sluiten aangevraagd"),
    "case.close_refuse": _("verzoek om te sluiten afgewezen"),
    "case.reopen": _("zaak heropend"),
    "case.seen": _("nieuw bericht gelezen"),
    "contact.create": _("contact toegevoegd"),
    "note.create": _("notitie toegevoegd"),
    "task.create": _("taak toegevoegd"),
    "task.done": _("taak afgevinkt"),
    "case.search": _("zaken gezocht"),
    "case.urgency": _("urgentie gewijzigd"),
    "person.create": _("persoon toegevoegd"),
    "location.create": _("plek toegevoegd"),
    "auth.login": _("ingelogd"),
    "auth.login_failed": _("inloggen mislukt"),
    "auth.logout": _("uitgelogd"),
    "auth.locked": _("account geblokkeerd"),
    "auth.unlocked": _("account gedeblokkeerd"),
    "auth.totp_enrolled": _("app voor inlogcodes ingesteld"),
    "auth.passkey_added": _("passkey toegevoegd"),
    "auth.recovery_code_used": _("herstelcode gebruikt"),
    "auth.recovery_codes_created": _("herstelcodes gemaakt"),
    "auth.second_factor_reset": _("tweede factor opnieuw ingesteld"),
}
DETAIL_NAMES = {
    "from": _("van"),
    "to": _("naar"),
    "kind": _("soort"),
    "reason": _("reden"),
    "outcome": _("uitkomst"),
    "channel": _("kanaal"),
    "assignee": _("voor"),
    "requested_by": _("aangevraagd door"),
    "partner": _("partner"),
    "fields": _("gedeelde velden"),
    "consent": _("toestemming of grond"),
    "start": _("van"),
    "end": _("tot en met"),
    "format": _("formaat"),
    "count": _("aantal"),
    "identity": _("met naam en leeftijd"),
}
_STATUS_OR_KIND = {**dict(CaseStatus.choices), **dict(CaseKind.choices)}
# Per detail key, the choices its values come from.
CHOICE_LABELS: dict[str, dict[str, Any]] = {
    "from": _STATUS_OR_KIND,
    "to": _STATUS_OR_KIND,
    "kind": dict(CaseKind.choices),
    "reason": dict(ClosingReason.choices),
    "outcome": dict(Outcome.choices),
    "channel": dict(Channel.choices),
}


# Detail keys whose values are user ids, per action.
USER_KEYS = {"requested_by", "assignee"}
OBJECT_TYPES = {
    "case": _("zaak"),
    "contact": _("contact"),
    "note": _("notitie"),
    "task": _("taak"),
    "referral": _("doorverwijzing"),
    "victimregistration": _("registratie mogelijk slachtoffer"),
}


def user_ids_in(event: Any) -> set[int]:
    """The user ids an event's detail refers to, so their names can be read in one query."""
    detail = event.detail if isinstance(event.detail, dict) else {}
    keys = USER_KEYS | ({"from", "to"} if event.action == "case.assign" else set())
    return {value for key, value in detail.items() if key in keys and isinstance(value, int)}


def describe_detail(event: Any, names: dict[int, str]) -> list[tuple[str, str]]:
    """Detail pairs with readable names: choices by their label, users by their username."""
    detail = event.detail if isinstance(event.detail, dict) else {}
    user_keys = USER_KEYS | ({"from", "to"} if event.action == "case.assign" else set())
    pairs = []
    for key, value in detail.items():
        if value is None:
            shown = "–"
        elif key in user_keys:
            shown = names.get(value, f"#{value}")
        else:
            shown = str(CHOICE_LABELS.get(key, {}).get(value, value))
        pairs.append((str(DETAIL_NAMES.get(key, key)), shown))
    return pairs
