"""An access request's answer: the cases that mention a person, as lines for the printable
page and the PDF (fpdf2's built-in font, as the referral summary)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meldpunt.lib import clock
from meldpunt.lib.pdf import TextPdf
from meldpunt.privacy.subject import SubjectCase


@dataclass(frozen=True)
class Section:
    title: str
    lines: list[tuple[str, str]]


def _when(moment: object) -> str:
    return date_format(timezone.localtime(moment), "j F Y H:i")  # type: ignore[arg-type]


def _joined(*texts: str) -> str:
    """The filled-in texts of a record on one line."""
    return ", ".join(text for text in texts if text)


def case_sections(item: SubjectCase) -> list[Section]:
    """Everything recorded in one case, in reading order, as (label, text) lines."""
    case = item.case
    facts = [
        (_("Soort"), str(case.get_kind_display())),
        (_("Status"), str(case.get_status_display())),
        (_("Aangemaakt"), _when(case.created_at)),
        (_("Omschrijving"), case.title),
    ]
    sections = [Section(_("Zaak %(number)s") % {"number": case.number}, facts)]
    contacts = []
    for contact in item.contacts:
        label = f"{contact.get_channel_display()} {_when(contact.started_at)}"
        for text in (contact.summary, contact.advice_given, contact.action_taken):
            if text:
                contacts.append((label, text))
        if contact.callback_details:
            contacts.append((label, f"{_('Terugbellen')}: {contact.callback_details}"))
    people = [
        (
            str(person.get_role_display()),
            _joined(
                person.name, person.age, person.nationality, person.language,
                person.vulnerabilities, person.description,
            ),
        )
        for person in item.persons
    ]  # fmt: skip
    places = [
        (
            str(place.get_kind_display()),
            _joined(
                place.address, place.postcode, place.place, place.company_name,
                place.kvk_number, place.description,
            ),
        )
        for place in item.locations
    ]  # fmt: skip
    notes = [(_when(note.created_at), note.text) for note in item.notes]
    referrals = [
        (f"{referral.partner.name} {_when(referral.referred_at)}", referral.reason)
        for referral in item.referrals
    ]
    mailbox = [
        (f"{message.get_sender_display()} {_when(message.created_at)}", message.text)
        for message in item.mailbox_messages
    ]
    chat = [
        (f"{message.get_sender_display()} {_when(message.created_at)}", message.body)
        for message in item.chat_messages
    ]
    for title, lines in (
        (_("Contacten"), contacts),
        (_("Personen"), people),
        (_("Plekken"), places),
        (_("Interne notities"), notes),
        (_("Doorverwijzingen"), referrals),
        (_("Berichten in de postbus"), mailbox),
        (_("Chat"), chat),
    ):
        if lines:
            sections.append(Section(title, lines))
    return sections


def subject_pdf(items: list[SubjectCase]) -> bytes:
    """The answer to an access request as a PDF."""
    pdf = TextPdf(title=_("Inzageverzoek"), creator=settings.MELDPUNT_ORGANISATION)
    line = pdf.line
    line(settings.MELDPUNT_ORGANISATION, size=10)
    line(_("Inzageverzoek: gegevens per zaak"), size=18, style="B", gap=1)
    line(_("Gemaakt op %(date)s") % {"date": _when(clock.now())}, size=10, gap=3)
    if not items:
        line(_("Er zijn geen zaken gevonden met deze gegevens."))
    for item in items:
        for number, section in enumerate(case_sections(item)):
            line(section.title, size=15 if number == 0 else 12, style="B", gap=1)
            for label, text in section.lines:
                line(f"{label}: {text}", gap=0.8)
            pdf.ln(1.5)
        pdf.ln(4)
    line(
        _(
            "Vertrouwelijk. Controleer voor het versturen of er gegevens van anderen in staan "
            "die niet gedeeld mogen worden."
        ),
        size=9,
    )
    return pdf.output()
