"""Readable names for audit log entries: actions, detail keys, choice values and users.

The log stores ids and choice values only; this turns them into words for coordinators.
Every action and detail key the code writes has a label here (tests/audit/test_audit_labels.py
checks it against the source); a value of any JSON shape is shown without failing.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

# Known actions; anything else is shown as it is stored.
AUDIT_ACTIONS = {
    "case.create": _("zaak aangemaakt"),
    "case.view": _("zaak bekeken"),
    "case.chat_attach": _("zaak geopend om een chat vast te leggen"),
    "case.mailbox_reply": _("zaak geopend om te antwoorden in de brievenbus"),
    "case.attachment": _("zaak geopend om een bijlage te downloaden"),
    "case.status": _("status gewijzigd"),
    "case.assign": _("behandelaar gewijzigd"),
    "case.kind": _("soort zaak gewijzigd"),
    "case.assessment": _("conclusie beoordeling vastgelegd"),
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
    "contact.quick": _("kort gesprek vastgelegd, zonder zaak"),
    "note.create": _("notitie toegevoegd"),
    "task.create": _("taak toegevoegd"),
    "task.done": _("taak afgevinkt"),
    "case.search": _("zaken gezocht"),
    "linking.signals": _("signalen over meerdere zaken bekeken, met de gegevens"),
    "case.urgency": _("urgentie gewijzigd"),
    "person.create": _("persoon toegevoegd"),
    "location.create": _("plek toegevoegd"),
    "chat.attach": _("chat vastgelegd bij de zaak"),
    "mailbox.create": _("anonieme brievenbus geopend"),
    "mailbox.reply": _("antwoord in de brievenbus gezet"),
    "attachment.download": _("bijlage gedownload"),
    "triage.decide": _("signaal beoordeeld"),
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
    "case.hold": _("juridische bewaarplicht geplaatst"),
    "case.hold_release": _("juridische bewaarplicht opgeheven"),
    "case.erase": _("inhoud van de zaak gewist op verzoek (AVG)"),
    "retention.purge": _("opgeschoond na de bewaartermijn"),
    "retention.rule": _("bewaartermijn gewijzigd"),
    "privacy.search": _("gezocht naar een persoon voor een AVG-verzoek"),
    "privacy.view": _("zaak bekeken voor een AVG-verzoek"),
    "privacy.export": _("gegevens van een persoon geëxporteerd (inzageverzoek)"),
}
DETAIL_NAMES = {
    "from": _("van"),
    "to": _("naar"),
    "kind": _("soort"),
    "reason": _("reden"),
    "outcome": _("uitkomst"),
    "conclusion": _("conclusie"),
    "open_tasks": _("open taken"),
    "channel": _("kanaal"),
    "disposition": _("afloop"),
    "assignee": _("voor"),
    "requested_by": _("aangevraagd door"),
    "filters": _("filters"),
    "urgency": _("urgentie"),
    "chat": _("chat"),
    "mailbox": _("brievenbus"),
    "item": _("signaal"),
    "decision": _("besluit"),
    "suggested": _("voorgesteld"),
    "method": _("methode"),
    "minutes": _("minuten"),
    "remaining": _("nog over"),
    "count": _("aantal"),
    "partner": _("partner"),
    "fields": _("gedeelde velden"),
    "consent": _("toestemming of grond"),
    "start": _("van"),
    "end": _("tot en met"),
    "format": _("formaat"),
    "identity": _("met naam en leeftijd"),
    "category": _("categorie"),
    "period": _("termijn"),
    "unit": _("eenheid"),
    "through_seq": _("tot en met regel"),
}
# Per detail key, the choices its values come from. The apps that own those choices add
# theirs with ``register_choice_labels`` from their AppConfig.ready (cases: statuses,
# kinds, channels; triage: decisions), as the audit log may not import them.
CHOICE_LABELS: dict[str, Mapping[str, object]] = {
    "method": {
        "totp": _("app voor inlogcodes"),
        "passkey": _("passkey"),
        "recovery_code": _("herstelcode"),
    },
}
# Per detail key, a function that names one value (triage's signals), added likewise
# with ``register_value_label``.
VALUE_LABELS: dict[str, Callable[[str], str]] = {}
# Where a detail key means something else for one action.
ACTION_CHOICE_LABELS: dict[tuple[str, str], Mapping[str, object]] = {
    ("auth.login_failed", "reason"): {
        "password": _("wachtwoord onjuist"),
        "locked": _("account was geblokkeerd"),
        "passkey": _("passkey niet geaccepteerd"),
        "second_factor": _("code onjuist"),
    },
    ("auth.logout", "reason"): {
        "user": _("zelf uitgelogd"),
        "idle": _("30 minuten niets gedaan"),
        "max_age": _("12 uur ingelogd"),
    },
}
# Detail keys whose values are ids of other records, shown as "#12".
RECORD_KEYS = {"chat", "mailbox"}

# Detail keys whose values are user ids, per action.
USER_KEYS = {"requested_by", "assignee"}
OBJECT_TYPES = {
    "case": _("zaak"),
    "contact": _("contact"),
    "note": _("notitie"),
    "task": _("taak"),
    "person": _("persoon"),
    "location": _("plek"),
    "mailbox": _("brievenbus"),
    "mailboxmessage": _("bericht in brievenbus"),
    "attachment": _("bijlage"),
    "triagedecision": _("beoordeling van signaal"),
    "user": _("medewerker"),
    "totpdevice": _("inlogapp"),
    "referral": _("doorverwijzing"),
    "victimregistration": _("registratie mogelijk slachtoffer"),
    "legalhold": _("juridische bewaarplicht"),
    "retentionrule": _("bewaartermijn"),
}


def _user_keys(event: Any) -> set[str]:
    return USER_KEYS | ({"from", "to"} if event.action == "case.assign" else set())


def user_ids_in(event: Any) -> set[int]:
    """The user ids an event's detail refers to, so their names can be read in one query."""
    detail = event.detail if isinstance(event.detail, dict) else {}
    keys = _user_keys(event)
    return {
        value
        for key, value in detail.items()
        if key in keys and isinstance(value, int) and not isinstance(value, bool)
    }


def register_choice_labels(labels: Mapping[str, Mapping[str, object]]) -> None:
    """Let an app name the choice values it writes, per detail key (from its ready)."""
    CHOICE_LABELS.update(labels)


def register_value_label(key: str, label: Callable[[str], str]) -> None:
    """Let an app name each text value of one detail key (from its AppConfig.ready)."""
    VALUE_LABELS[key] = label


def _shown(value: Any, choices: Mapping[str, object]) -> str:
    """One stored value in words; lists item by item, whatever JSON the entry holds."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(_("ja") if value else _("nee"))
    if isinstance(value, list):
        return ", ".join(_shown(item, choices) for item in value) or str(_("geen"))
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_shown(item, choices)}" for key, item in value.items())
    return str(choices.get(value, value))


def describe_detail(event: Any, names: dict[int, str]) -> list[tuple[str, str]]:
    """Detail pairs with readable names: choices by their label, users by their username."""
    detail = event.detail if isinstance(event.detail, dict) else {}
    user_keys = _user_keys(event)
    pairs = []
    for key, value in detail.items():
        if key in user_keys and isinstance(value, int) and not isinstance(value, bool):
            shown = names.get(value, f"#{value}")
        elif key in RECORD_KEYS and isinstance(value, int):
            shown = f"#{value}"
        elif key in VALUE_LABELS and isinstance(value, str):
            shown = VALUE_LABELS[key](value)
        else:
            choices = ACTION_CHOICE_LABELS.get((event.action, key), CHOICE_LABELS.get(key, {}))
            shown = _shown(value, choices)
        pairs.append((str(DETAIL_NAMES.get(key, key)), shown))
    return pairs
