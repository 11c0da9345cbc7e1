"""The retention rules: default periods, what each means, and the period in force.

docs/RETENTION.md gives the reasoning behind every default. Administrators change the
period in the admin (one ``RetentionRule`` row per category, made by a data migration);
a category without a row uses its default here.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meldpunt.privacy.models import PeriodUnit, RetentionCategory, RetentionRule


@dataclass(frozen=True)
class RuleDefault:
    period: int
    unit: str
    meaning: str | Promise


RULES: dict[str, RuleDefault] = {
    RetentionCategory.ADVICE_CLOSED: RuleDefault(
        365,
        PeriodUnit.DAYS,
        _(
            "Een gesloten advieszaak: na deze termijn, gerekend vanaf het sluiten, gaan de "
            "inhoud, personen, plekken, bijlagen, doorverwijzingen, postbus en chat weg. "
            "Alleen de cijfers voor de statistiek blijven."
        ),
    ),
    RetentionCategory.REPORT_CLOSED: RuleDefault(
        5 * 365,
        PeriodUnit.DAYS,
        _(
            "Een gesloten melding: na deze termijn, gerekend vanaf het sluiten, gaat alles "
            "weg behalve de cijfers voor de statistiek."
        ),
    ),
    RetentionCategory.CHAT_WITHOUT_CASE: RuleDefault(
        30,
        PeriodUnit.DAYS,
        _(
            "Een chat die nooit bij een zaak is vastgelegd: na deze termijn, gerekend vanaf "
            "het einde van de chat, gaat de hele chat weg."
        ),
    ),
    RetentionCategory.MAILBOX_UNUSED: RuleDefault(
        90,
        PeriodUnit.DAYS,
        _(
            "Een anonieme postbus van een gesloten zaak: na deze termijn, gerekend vanaf het "
            "laatste bericht, gaan de postbus en haar berichten en bijlagen weg. De "
            "ontvangstcode werkt dan niet meer. Bij een open zaak blijft de postbus."
        ),
    ),
    RetentionCategory.REPORT_DRAFT: RuleDefault(
        24,
        PeriodUnit.HOURS,
        _(
            "Een webmelding die niet is verstuurd: na deze termijn, gerekend vanaf het begin, "
            "gaat het concept met zijn bestanden weg."
        ),
    ),
    RetentionCategory.INTAKE_DRAFT: RuleDefault(
        7,
        PeriodUnit.DAYS,
        _(
            "Een concept van een telefoongesprek dat niet is opgeslagen: na deze termijn, "
            "gerekend vanaf de laatste wijziging, gaat het weg."
        ),
    ),
    RetentionCategory.QUICK_CONTACT: RuleDefault(
        30,
        PeriodUnit.DAYS,
        _(
            "Een stil, opgehangen, grof of verkeerd verbonden gesprek zonder zaak: na deze "
            "termijn, gerekend vanaf het gesprek, verdwijnt wie het aannam. Het gesprek zelf "
            "blijft meetellen in de statistiek."
        ),
    ),
    RetentionCategory.AUDIT_LOG: RuleDefault(
        5 * 365,
        PeriodUnit.DAYS,
        _(
            "Een regel in het auditlog: na deze termijn, gerekend vanaf de regel, gaat hij "
            "weg. Nooit korter dan 5 jaar: dat weigert de database. De keten van het "
            "auditlog blijft controleerbaar vanaf het vastgelegde beginpunt."
        ),
    ),
}
# The audit log is never purged sooner: the database refuses it (meldpunt/audit/chain.py).
AUDIT_LOG_MINIMUM = timedelta(days=5 * 365)


def as_timedelta(period: int, unit: str) -> timedelta:
    return timedelta(hours=period) if unit == PeriodUnit.HOURS else timedelta(days=period)


def retention_periods() -> dict[str, timedelta]:
    """The period in force per category: the administrators' setting, else the default."""
    periods = {category: as_timedelta(rule.period, rule.unit) for category, rule in RULES.items()}
    for rule in RetentionRule.objects.all():
        periods[rule.category] = as_timedelta(rule.period, rule.unit)
    return periods
