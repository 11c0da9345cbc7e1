"""The referral summary for the partner: one structure, shown as a page and as a PDF.

It holds the case number, the referral reference, the basis for sharing and only the
fields chosen when referring (as they were then); nothing else of the case.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meldpunt.cases.models import Case
from meldpunt.lib import clock
from meldpunt.lib.pdf import TextPdf
from meldpunt.referrals.models import Partner, Referral
from meldpunt.referrals.sharing import ShareableField, shared_snapshot


@dataclass(frozen=True)
class Summary:
    organisation: str
    case_number: str
    reference: str
    referred_on: str
    partner: str
    urgency: str
    reason: str
    basis: str
    groups: list[tuple[str, list[tuple[str, str]]]]


def referral_summary(referral: Referral) -> Summary:
    if referral.consent_given:
        basis = _("Toestemming van %(by)s, %(how)s, op %(at)s.") % {
            "by": referral.get_consent_by_display(),
            "how": referral.get_consent_how_display(),
            "at": (
                date_format(timezone.localtime(referral.consent_at), "j F Y H:i")
                if referral.consent_at
                else _("onbekende datum")
            ),
        }
    else:
        basis = _("Zonder toestemming gedeeld. Grond: %(ground)s.") % {
            "ground": referral.get_legal_ground_display()
        }
        if referral.legal_ground_note:
            basis = f"{basis} {referral.legal_ground_note}"
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for item in referral.shared or []:
        if not groups or groups[-1][0] != item["group"]:
            groups.append((item["group"], []))
        groups[-1][1].append((item["label"], item["value"]))
    return Summary(
        organisation=settings.MELDPUNT_ORGANISATION,
        case_number=referral.case.number,
        reference=referral.reference,
        referred_on=date_format(timezone.localtime(referral.referred_at), "j F Y"),
        partner=referral.partner.name,
        urgency=referral.get_urgency_display(),
        reason=referral.reason,
        basis=basis,
        groups=groups,
    )


def referral_preview(
    *, case: Case, data: dict[str, Any], offered: list[ShareableField], chosen: list[str]
) -> Summary:
    """The summary as the partner would get it from the form's input, without saving."""
    given = bool(data.get("consent_given"))
    draft = Referral(
        case=case,
        partner=data.get("partner") or Partner(name=_("nog geen partner gekozen")),
        reference=_("(volgt bij opslaan)"),
        urgency=data.get("urgency") or case.urgency,
        reason=data.get("reason", ""),
        shared=shared_snapshot(offered, chosen),
        consent_given=given,
        consent_by=data.get("consent_by", "") if given else "",
        consent_how=data.get("consent_how", "") if given else "",
        consent_at=data.get("consent_at") if given else None,
        legal_ground="" if given else data.get("legal_ground", ""),
        legal_ground_note="" if given else data.get("legal_ground_note", ""),
        referred_at=clock.now(),
    )
    return referral_summary(draft)


# Typographic characters outside Latin-1 that have a plain equivalent.
def summary_pdf(summary: Summary) -> bytes:
    """The summary as a PDF, made on the server with fpdf2's built-in Helvetica."""
    pdf = TextPdf(title=_("Doorverwijzing %s") % summary.reference, creator=summary.organisation)
    line = pdf.line
    line(summary.organisation, size=10)
    line(_("Doorverwijzing"), size=18, style="B", gap=3)
    for label, value in (
        (_("Zaaknummer"), summary.case_number),
        (_("Kenmerk doorverwijzing"), summary.reference),
        (_("Datum"), summary.referred_on),
        (_("Aan"), summary.partner),
        (_("Urgentie"), summary.urgency),
    ):
        line(f"{label}: {value}", gap=0.5)
    pdf.ln(3)
    line(_("Reden van doorverwijzing"), size=13, style="B")
    line(summary.reason)
    line(_("Grond om te delen"), size=13, style="B")
    line(summary.basis)
    line(_("Gedeelde gegevens"), size=13, style="B", gap=2)
    if not summary.groups:
        line(_("Er zijn geen gegevens van de zaak gedeeld."))
    for group, items in summary.groups:
        line(group, size=12, style="B", gap=0.5)
        for label, value in items:
            line(f"{label}: {value}", gap=0.8)
        pdf.ln(1.5)
    pdf.ln(4)
    line(
        _(
            "Vertrouwelijk. Alleen bedoeld voor de partner hierboven. "
            "Vermeld het kenmerk als u contact opneemt."
        ),
        size=9,
    )
    return pdf.output()
