"""Every kind of audit entry the code writes reads as Dutch on the coordinator's audit page.

The samples below mirror the ``audit_record`` calls in meldpunt/; a scan of the source
finds every action and detail key written there, so a new kind of entry without a label
or without a sample here fails this file.
"""

import ast
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from meldpunt.audit.labels import AUDIT_ACTIONS, DETAIL_NAMES, OBJECT_TYPES
from meldpunt.audit.services import audit_record
from meldpunt.triage.taxonomy import taxonomy

pytestmark = pytest.mark.django_db
URL = "/medewerkers/zaken/audit/"
SOURCE = Path(__file__).resolve().parents[2] / "meldpunt"
INDICATOR = taxonomy().indicators[0]

# (action, object type, detail, what the page shows for them in Dutch)
SAMPLES: list[tuple[str, str, dict[str, Any], list[str]]] = [
    (
        "referral.create",
        "referral",
        {"partner": 3, "fields": "summary, workplace", "consent": "phone"},
        ["doorverwijzing gemaakt", "gedeelde velden: summary, workplace", "toestemming of grond"],
    ),
    ("referral.view", "referral", {}, ["doorverwijzing bekeken", "doorverwijzing #7"]),
    ("referral.print", "referral", {}, ["samenvatting doorverwijzing afgedrukt"]),
    ("referral.download", "referral", {}, ["samenvatting doorverwijzing gedownload (pdf)"]),
    ("referral.status", "referral", {}, ["status doorverwijzing gewijzigd"]),
    ("referral.feedback", "referral", {}, ["terugkoppeling partner vastgelegd"]),
    (
        "registration.create",
        "victimregistration",
        {"identity": True},
        ["registratie mogelijk slachtoffer vastgelegd", "met naam en leeftijd: ja"],
    ),
    (
        "registration.change",
        "victimregistration",
        {},
        ["registratie mogelijk slachtoffer gewijzigd"],
    ),
    (
        "registration.export",
        "",
        {"start": "2026-01-01", "end": "2026-03-31", "format": "csv", "count": 2},
        [
            "registraties mogelijke slachtoffers geëxporteerd",
            "tot en met: 2026-03-31",
            "formaat: csv",
        ],
    ),
    ("case.create", "case", {"kind": "melding"}, ["zaak aangemaakt", "soort: melding"]),
    ("case.view", "case", {}, ["zaak bekeken"]),
    ("case.chat_attach", "case", {}, ["zaak geopend om een chat vast te leggen"]),
    ("case.mailbox_reply", "case", {}, ["zaak geopend om te antwoorden in de brievenbus"]),
    ("case.attachment", "case", {}, ["zaak geopend om een bijlage te downloaden"]),
    (
        "case.status",
        "case",
        {"from": "new", "to": "assessment"},
        ["status gewijzigd", "van: nieuw", "naar: beoordeling"],
    ),
    ("case.assign", "case", {"from": None, "to": "ADVISOR"}, ["van: –", "naar: anna"]),
    ("case.kind", "case", {"from": "advies", "to": "melding"}, ["soort zaak gewijzigd"]),
    (
        "case.assessment",
        "case",
        {"conclusion": "report_accepted"},
        ["conclusie beoordeling vastgelegd", "conclusie: melding aangenomen"],
    ),
    ("case.urgency", "case", {"urgency": "acute"}, ["urgentie gewijzigd", "urgentie: acuut"]),
    (
        "case.close",
        "case",
        {"reason": "referred", "outcome": "unclear"},
        ["zaak gesloten", "reden: doorverwezen naar partner", "uitkomst: onduidelijk"],
    ),
    (
        "case.close_request",
        "case",
        {"reason": "advice_given", "outcome": "confirmed"},
        ["sluiten aangevraagd", "reden: advies gegeven", "uitkomst: vermoeden bevestigd"],
    ),
    (
        "case.close_request",
        "case",
        {"reason": "advice_given", "outcome": "unclear", "open_tasks": 2},
        ["sluiten aangevraagd", "open taken: 2"],
    ),
    (
        "case.close_refuse",
        "case",
        {"requested_by": "ADVISOR"},
        ["verzoek om te sluiten afgewezen", "aangevraagd door: anna"],
    ),
    ("case.reopen", "case", {}, ["zaak heropend"]),
    ("case.seen", "case", {}, ["nieuw bericht gelezen"]),
    (
        "case.search",
        "",
        {"filters": ["assigned_to_id", "created_from", "created_to", "status", "text"]},
        [
            "zaken gezocht",
            "filters: behandelaar, aangemaakt vanaf, aangemaakt tot en met, status, zoekwoorden",
        ],
    ),
    ("case.search", "", {"filters": ["unassigned"]}, ["filters: zonder behandelaar"]),
    ("case.search", "", {"filters": []}, ["filters: geen"]),
    ("linking.signals", "", {}, ["signalen over meerdere zaken bekeken, met de gegevens"]),
    ("contact.create", "contact", {"channel": "web"}, ["contact toegevoegd", "kanaal: web"]),
    (
        "contact.quick",
        "contact",
        {"channel": "phone", "disposition": "hang_up"},
        ["kort gesprek vastgelegd, zonder zaak", "kanaal: telefoon", "afloop: opgehangen"],
    ),
    ("note.create", "note", {}, ["notitie toegevoegd"]),
    ("task.create", "task", {"assignee": "ADVISOR"}, ["taak toegevoegd", "voor: anna"]),
    ("task.create", "task", {"assignee": None}, ["voor: –"]),
    ("task.done", "task", {}, ["taak afgevinkt", "taak #7"]),
    ("person.create", "person", {}, ["persoon toegevoegd", "persoon #7"]),
    ("location.create", "location", {}, ["plek toegevoegd", "plek #7"]),
    ("chat.attach", "contact", {"chat": 12}, ["chat vastgelegd bij de zaak", "chat: #12"]),
    ("mailbox.create", "mailbox", {}, ["anonieme brievenbus geopend", "brievenbus #7"]),
    (
        "mailbox.reply",
        "mailboxmessage",
        {"mailbox": 3},
        ["antwoord in de brievenbus gezet", "bericht in brievenbus #7", "brievenbus: #3"],
    ),
    ("attachment.download", "attachment", {}, ["bijlage gedownload", "bijlage #7"]),
    (
        "triage.decide",
        "triagedecision",
        {"item": INDICATOR.id, "decision": "accepted", "suggested": True},
        [
            "signaal beoordeeld",
            f"signaal: {INDICATOR.label}",
            "besluit: overgenomen",
            "voorgesteld: ja",
            "beoordeling van signaal #7",
        ],
    ),
    (
        "triage.decide",
        "triagedecision",
        {"item": "form:labour", "decision": "dismissed", "suggested": False},
        ["signaal: arbeidsuitbuiting", "besluit: afgewezen", "voorgesteld: nee"],
    ),
    ("auth.login", "", {"method": "totp"}, ["ingelogd", "methode: app voor inlogcodes"]),
    ("auth.login", "", {"method": "passkey"}, ["methode: passkey"]),
    ("auth.login", "", {"method": "recovery_code"}, ["methode: herstelcode"]),
    (
        "auth.login_failed",
        "",
        {"reason": "password"},
        ["inloggen mislukt", "reden: wachtwoord onjuist"],
    ),
    ("auth.login_failed", "", {"reason": "locked"}, ["reden: account was geblokkeerd"]),
    ("auth.login_failed", "", {"reason": "passkey"}, ["reden: passkey niet geaccepteerd"]),
    ("auth.login_failed", "", {"reason": "second_factor"}, ["reden: code onjuist"]),
    ("auth.logout", "", {"reason": "user"}, ["uitgelogd", "reden: zelf uitgelogd"]),
    ("auth.logout", "", {"reason": "idle"}, ["reden: 30 minuten niets gedaan"]),
    ("auth.logout", "", {"reason": "max_age"}, ["reden: 12 uur ingelogd"]),
    ("auth.locked", "", {"minutes": 15}, ["account geblokkeerd", "minuten: 15"]),
    ("auth.unlocked", "user", {}, ["account gedeblokkeerd", "medewerker #7"]),
    ("auth.totp_enrolled", "totpdevice", {}, ["app voor inlogcodes ingesteld", "inlogapp #7"]),
    ("auth.passkey_added", "", {}, ["passkey toegevoegd"]),
    ("auth.recovery_code_used", "", {"remaining": 9}, ["herstelcode gebruikt", "nog over: 9"]),
    ("auth.recovery_codes_created", "", {"count": 10}, ["herstelcodes gemaakt", "aantal: 10"]),
    ("auth.second_factor_reset", "user", {}, ["tweede factor opnieuw ingesteld"]),
    ("case.hold", "legalhold", {}, ["juridische bewaarplicht geplaatst"]),
    ("case.hold_release", "legalhold", {}, ["juridische bewaarplicht opgeheven"]),
    ("case.erase", "case", {}, ["inhoud van de zaak gewist op verzoek (AVG)"]),
    (
        "retention.purge",
        "",
        {"category": "advice_closed", "count": 500},
        ["opgeschoond na de bewaartermijn", "categorie: gesloten adviezen", "aantal: 500"],
    ),
    (
        "retention.purge",
        "",
        {"category": "audit_log", "count": 1000, "through_seq": 1000},
        ["categorie: auditlog", "aantal: 1000", "tot en met regel: 1000"],
    ),
    (
        "retention.rule",
        "retentionrule",
        {"category": "report_draft", "period": 24, "unit": "hours"},
        ["bewaartermijn gewijzigd", "termijn: 24", "eenheid: uur"],
    ),
    (
        "privacy.search",
        "",
        {"filters": ["name", "phone"], "count": 2},
        ["gezocht naar een persoon voor een AVG-verzoek", "aantal: 2"],
    ),
    ("privacy.view", "case", {}, ["zaak bekeken voor een AVG-verzoek"]),
    ("privacy.export", "case", {}, ["gegevens van een persoon geëxporteerd (inzageverzoek)"]),
]


def _written_in_code() -> tuple[set[str], set[str]]:
    """Actions and literal detail keys of every ``audit_record`` call under meldpunt/.

    ``audit`` stands for every entry named to an ``access_*`` function.
    """
    actions: set[str] = set()
    keys: set[str] = set()
    templates: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            arguments = {kw.arg: kw.value for kw in node.keywords}
            audit = arguments.get("audit")
            if name.startswith("access_") and isinstance(audit, ast.Constant) and audit.value:
                actions.add(audit.value)
            if name != "audit_record":
                continue
            action, detail = arguments["action"], arguments.get("detail")
            if isinstance(action, ast.Constant):
                actions.add(action.value)
            elif isinstance(action, ast.IfExp):
                actions.update(branch.value for branch in (action.body, action.orelse))  # type: ignore[attr-defined]
            else:
                assert isinstance(action, ast.JoinedStr | ast.Name), ast.unparse(action)
                templates.add(ast.unparse(action))
            if isinstance(detail, ast.Dict):
                keys.update(key.value for key in detail.keys if isinstance(key, ast.Constant))
    assert templates == {"audit"}
    return actions, keys


def test_every_action_and_detail_key_in_the_code_has_a_dutch_label_and_a_sample() -> None:
    """A new audit_record call needs a label here and a sample above."""
    actions, keys = _written_in_code()
    assert actions - AUDIT_ACTIONS.keys() == set()
    assert keys - DETAIL_NAMES.keys() == set()
    assert actions == {action for action, *_ in SAMPLES}
    assert keys <= {key for *_, detail, _shown in SAMPLES for key in detail}
    types = {object_type for _action, object_type, *_ in SAMPLES if object_type}
    assert types <= OBJECT_TYPES.keys()


def test_every_kind_of_entry_renders_in_dutch(advisor, coordinator, verified_client, make_case):  # type: ignore[no-untyped-def]
    """The audit page answers 200 and shows each action, detail and value by its label."""
    case = make_case()
    for action, object_type, detail, _shown in SAMPLES:
        obj = SimpleNamespace(pk=7, _meta=SimpleNamespace(model_name=object_type))
        values = {key: advisor.pk if value == "ADVISOR" else value for key, value in detail.items()}
        audit_record(
            actor=advisor, action=action, case=case, obj=obj if object_type else None, detail=values
        )
    client = verified_client(coordinator)
    pages, number = [], 1
    while number:
        response = client.get(URL, {"case_number": case.number, "pagina": number})
        assert response.status_code == 200
        pages.append(response.content.decode().split("<tbody", 1)[1].split("</tbody>", 1)[0])
        page = response.context["page"]
        number = page.next_page_number() if page.has_next() else 0
    html = "".join(pages)
    for _action, _type, _detail, shown in SAMPLES:
        for text in shown:
            assert text in html, text
    for action, *_ in SAMPLES:
        assert action not in html
    assert "[" not in html
