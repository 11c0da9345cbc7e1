"""The counting rules: what is counted as what, in one place.

docs/STATISTICS.md says the same in prose; a test holds the two together. Every figure
reads only plain columns that survive the purge (channel, disposition, dates,
municipality, form of exploitation, reporter role, how heard, urgency, kind, closing
reason, partner kind), never an encrypted field, so a figure does not change when the
content of a case is purged later.

A contact that belongs to no case (a quick disposition logged on its own) is counted by
its own columns, channel and disposition; nothing here needs its case.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Channel, Disposition
from meldpunt.tally.models import RefusalReason


@dataclass(frozen=True)
class Definition:
    slug: str
    title: str | Promise
    text: str | Promise


# Phone and chat: a conversation took place only with this disposition.
CONVERSATION_CHANNELS = (Channel.PHONE, Channel.CHAT)
# Calls and chats that ended before a conversation: counted apart, never as a conversation.
QUICK_DISPOSITIONS = (
    Disposition.SILENT,
    Disposition.HANG_UP,
    Disposition.WRONG_NUMBER,
    Disposition.ABUSIVE,
)

# A test call or chat is no contact at all and is left out of every figure.
NOT_COUNTED = Q(disposition=Disposition.TEST)
# The contacts the dashboard counts: conversations, web reports and mailbox messages.
COUNTED_CONTACT = ~Q(disposition__in=[*QUICK_DISPOSITIONS, Disposition.TEST])
QUICK_CONTACT = Q(channel__in=CONVERSATION_CHANNELS, disposition__in=QUICK_DISPOSITIONS)

# A chat refused "closed" (outside hours, a holiday, no advisor) versus "full" (queue).
CHAT_CLOSED_REASONS = (RefusalReason.HOURS, RefusalReason.HOLIDAY, RefusalReason.NO_ADVISOR)


DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "contact",
        _("Contact"),
        _(
            "Eén keer dat iemand het meldpunt bereikte en er een gesprek, een webformulier "
            "of een bericht in de postbus was: een telefoongesprek of chat met de afloop "
            "'gesprek gevoerd', een ingestuurd webformulier, of een bericht in een postbus. "
            "Korte, stille en verkeerd verbonden gesprekken tellen hier niet mee, en "
            "testgesprekken tellen nergens mee."
        ),
    ),
    Definition(
        "conversation",
        _("Gesprek"),
        _(
            "Een telefoongesprek of chat met de afloop 'gesprek gevoerd'. Alleen dit telt "
            "als gesprek."
        ),
    ),
    Definition(
        "short-call",
        _("Kort, stil of verkeerd verbonden"),
        _(
            "Een telefoongesprek of chat zonder echt gesprek: stil, opgehangen, verkeerd "
            "verbonden, of grof of misbruik. Deze tellen apart, per afloop, en nooit als "
            "gesprek of contact. Ze hebben vaak geen zaak; dan tellen ze alleen met hun "
            "kanaal en afloop."
        ),
    ),
    Definition(
        "web-report",
        _("Webformulier"),
        _("Een melding of vraag die iemand via het formulier op de website instuurde."),
    ),
    Definition(
        "mailbox-message",
        _("Bericht in postbus"),
        _(
            "Een nieuw bericht van een melder in de anonieme postbus bij een eerder "
            "webformulier. Het telt als een eigen contact, bij dezelfde zaak."
        ),
    ),
    Definition(
        "case",
        _("Zaak"),
        _(
            "Eén situatie, met de mogelijke slachtoffers, daders en plekken. Een zaak kan "
            "uit meer contacten bestaan. Zaken tellen in de periode waarin ze zijn "
            "aangemaakt, bij de gemeente van de zaak."
        ),
    ),
    Definition(
        "advice-report",
        _("Advies of melding"),
        _(
            "Bij een advies houdt wie belt of schrijft zelf de verantwoordelijkheid; het "
            "meldpunt adviseert. Bij een melding neemt het meldpunt de volgende stappen "
            "over. Dit is de soort van de zaak; een zaak telt één keer, hoeveel contacten "
            "er ook bij horen."
        ),
    ),
    Definition(
        "possible-victim",
        _("Mogelijk slachtoffer"),
        _(
            "Een persoon die in een zaak als mogelijk slachtoffer is vastgelegd. Eén zaak "
            "kan meer mogelijke slachtoffers hebben; het aantal zaken is dus niet het "
            "aantal slachtoffers."
        ),
    ),
    Definition(
        "channel",
        _("Kanaal"),
        _("Hoe het contact binnenkwam: telefoon, chat, webformulier of bericht in postbus."),
    ),
    Definition(
        "period",
        _("Periode"),
        _(
            "Een contact telt in de week, maand of het kwartaal van zijn begin, in "
            "Nederlandse tijd. Weken beginnen op maandag."
        ),
    ),
    Definition(
        "exploitation",
        _("Vorm van uitbuiting"),
        _(
            "De vorm die de medewerker bij het contact vastlegde: seksueel, arbeid, "
            "crimineel, onbekend of geen mensenhandel. Het is een vermoeden, geen bewijs."
        ),
    ),
    Definition(
        "municipality",
        _("Gemeente"),
        _(
            "De gemeente waar het volgens het contact om gaat: een van de gemeenten van "
            "de regio, elders, of onbekend. Niet de woonplaats van wie contact opnam."
        ),
    ),
    Definition(
        "reporter-role",
        _("Wie nam contact op"),
        _("Een inwoner of omstander, een professional, de persoon zelf, anders of onbekend."),
    ),
    Definition(
        "how-heard",
        _("Hoe kent u ons"),
        _(
            "Het antwoord op de vraag hoe iemand van het meldpunt hoorde, per contact. "
            "Zo is te zien of een campagne werkt."
        ),
    ),
    Definition(
        "urgency",
        _("Urgentie"),
        _("De urgentie van de zaak (normaal, hoog, acuut), per zaak aangemaakt in de periode."),
    ),
    Definition(
        "outcome",
        _("Uitkomst"),
        _("De reden van sluiten, per zaak die in de periode werd gesloten."),
    ),
    Definition(
        "referral",
        _("Doorverwijzing"),
        _(
            "Een doorverwijzing naar een partner, geteld per soort partner (politie, "
            "inspectie, zorg) in de periode waarin ze werd gedaan."
        ),
    ),
    Definition(
        "hour-of-week",
        _("Telefoon en chat per uur"),
        _(
            "Alle telefoongesprekken en chats per dag van de week en uur van hun begin, "
            "ook de korte en stille: ook die houden een lijn bezet. Om de bezetting te "
            "plannen."
        ),
    ),
    Definition(
        "first-response",
        _("Eerste reactie op een webformulier"),
        _(
            "De tijd van het binnenkomen van een webformulier tot de eerste reactie van een "
            "medewerker, in uren: de middelste waarde (mediaan) en de waarde waar 90 van de "
            "100 onder blijven. Webformulieren zonder reactie tellen apart."
        ),
    ),
    Definition(
        "chat-wait",
        _("Wachttijd in de chat"),
        _(
            "De tijd van het begin van een chat tot een adviseur hem aannam, in minuten: "
            "de middelste waarde (mediaan) en de waarde waar 90 van de 100 onder blijven. "
            "Het deel beantwoord: van alle chats die de wachtrij verlieten, hoeveel een "
            "adviseur aannam; de rest stopte de persoon zelf of verliep. Voor alle "
            "gemeenten samen: een chat heeft geen gemeente zolang hij wacht."
        ),
    ),
    Definition(
        "chat-refused",
        _("Chat geweigerd"),
        _(
            "Hoe vaak de chat 'nee' zei: gesloten (buiten de openingstijden, een feestdag, "
            "of geen adviseur) of vol (de wachtrij). Eén keer per bezoeker per uur, zodat "
            "opnieuw laden niet meetelt. Alleen de dag, het uur en de reden worden bewaard."
        ),
    ),
    Definition(
        "assessed-in-time",
        _("Beoordeeld binnen 5 werkdagen"),
        _(
            "Van de meldingen (zaken van de soort melding) die in de periode zijn "
            "aangemaakt: hoeveel een conclusie van de beoordeling kregen binnen 5 werkdagen "
            "na de dag van aanmaken (weekend en feestdagen tellen niet mee). Het deel is "
            "van de beoordeelde meldingen; meldingen zonder conclusie tellen apart."
        ),
    ),
    Definition(
        "campaign",
        _("Campagne"),
        _(
            "Een periode waarin een campagne liep via één medium (sociale media, flyer, "
            "mupi, radio of anders), in een of meer gemeenten. Aankomsten: bezoeken via de "
            "korte link of QR-code van de campagne, één per bezoeker per link per uur; "
            "van een bezoek bewaren wij alleen de dag. Contacten in de periode: alle "
            "contacten van de eerste tot de laatste dag, in de gemeenten van de campagne, "
            "met hun antwoord op 'hoe kent u ons'. Dat contacten na een campagne kwamen, "
            "bewijst niet dat ze door de campagne kwamen."
        ),
    ),
    Definition(
        "open-cases",
        _("Open zaken"),
        _("Zaken die vandaag niet gesloten zijn, hoe oud ook."),
    ),
    Definition(
        "overdue-tasks",
        _("Te late taken"),
        _("Taken die vandaag niet gedaan zijn en waarvan de datum voorbij is."),
    ),
    Definition(
        "small-numbers",
        _("Kleine aantallen"),
        _(
            "Voor gemeenten staan aantallen van 1 tot en met 4 als '<5', zodat niemand een "
            "melder kan herkennen. Een tweede getal in dezelfde rij of kolom staat dan als "
            "'x', zodat ook de totalen het kleine getal niet verraden. Staat het totaal van "
            "een rij of kolom als '<5', dan staat ook een 0 daarin als '<5': anders zijn "
            "vier keer '<5' bij een totaal van '<5' samen precies 4. Een gemeente kiest "
            "alleen een jaar en ziet de kwartalen daarin, zodat ook twee keuzes samen "
            "niets verraden."
        ),
    ),
)

DEFINITION_SLUGS = frozenset(definition.slug for definition in DEFINITIONS)
