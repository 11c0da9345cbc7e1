"""Demo cases for the embedded default (``make run``): a phone call and a web report that share
a licence plate (so "related cases" and the signals view have something to show), and a melding
whose assessment is due. DEBUG only; does nothing when cases already exist."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meldpunt.accounts.models import User
from meldpunt.cases.models import (
    Area,
    Case,
    CaseKind,
    Channel,
    Exploitation,
    HowHeard,
    ReporterRole,
    Urgency,
)
from meldpunt.cases.services import case_assign, case_create, contact_add
from meldpunt.lib import clock


class Command(BaseCommand):
    help = "Create a few demo cases (DEBUG only, only into an empty database)."

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo data is only for a development instance (DJANGO_DEBUG=1).")
        if Case.objects.exists():
            self.stdout.write("Demo cases: cases exist already, nothing added.")
            return
        advisor = User.objects.get(username="demo-adviseur")
        yesterday = clock.now() - timedelta(days=1)

        report = case_create(
            by=None,
            title="Webmelding: arbeiders in busje",
            municipality=Area.LELYSTAD,
            exploitation=Exploitation.LABOUR,
        )
        contact_add(
            case=report,
            by=None,
            channel=Channel.WEB_REPORT,
            started_at=yesterday,
            reporter_role=ReporterRole.BYSTANDER,
            how_heard=HowHeard.BILLBOARD,
            municipality=Area.LELYSTAD,
            exploitation=Exploitation.LABOUR,
            summary=(
                "Elke ochtend om 5 uur haalt een wit busje met kenteken vt-123-b acht mannen op "
                "bij het huis naast mij. Ze komen pas om 22 uur terug en lijken uitgeput. "
                "Een van hen zei dat de baas zijn paspoort heeft."
            ),
        )

        call = case_create(
            by=advisor,
            title="Telefoon: zorgen van een buurvrouw",
            municipality=Area.LELYSTAD,
            exploitation=Exploitation.LABOUR,
            urgency=Urgency.HIGH,
        )
        contact_add(
            case=call,
            by=advisor,
            channel=Channel.PHONE,
            duration_seconds=420,
            reporter_role=ReporterRole.BYSTANDER,
            how_heard=HowHeard.SOCIAL_MEDIA,
            municipality=Area.LELYSTAD,
            exploitation=Exploitation.LABOUR,
            summary=(
                "Beller ziet dagelijks een busje VT123B bij een loods. De mannen werken 7 dagen "
                "per week, krijgen contant betaald en wonen met twaalf man in één huis van de "
                "werkgever. Beller heeft een telefoonnummer van de 'baas': 06 12345678."
            ),
            advice_given="Uitgelegd wat een melding is; beller denkt erover na.",
        )
        case_assign(case=call, advisor=advisor, by=advisor)

        melding = case_create(
            by=advisor,
            kind=CaseKind.REPORT,
            title="Melding school: leerling steeds opgehaald",
            municipality=Area.ALMERE,
            exploitation=Exploitation.SEXUAL,
        )
        contact_add(
            case=melding,
            by=advisor,
            channel=Channel.PHONE,
            duration_seconds=900,
            reporter_role=ReporterRole.PROFESSIONAL,
            how_heard=HowHeard.FLYER,
            municipality=Area.ALMERE,
            exploitation=Exploitation.SEXUAL,
            anonymous=False,
            summary=(
                "Mentor van een 15-jarige leerling: zij wordt na school opgehaald door een veel "
                "oudere vriend, heeft dure cadeaus en een tweede telefoon, en spijbelt vaak."
            ),
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo cases: {report.number}, {call.number} (related by licence plate), "
                f"{melding.number} (melding, assessment due)."
            )
        )
