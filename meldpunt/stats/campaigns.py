"""The campaign beside its effect: how people heard of the meldpunt over time with the
campaign periods on the chart, and per campaign the arrivals through its short links
beside the contacts in its period and their "how did you hear of us" answers.

For analysts and coordinators: arrivals are not tied to a municipality, and counts per
campaign would be small numbers for a municipality. Three queries, however many
campaigns: the campaigns, their arrivals, and the contacts of their periods per answer.
"""

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import reduce

from django.db.models import Q, Sum
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldpunt.cases.models import ContactFigure, HowHeard
from meldpunt.stats import rules
from meldpunt.stats.charts import BAR_HEIGHT, BAR_SPACE, LABEL_WIDTH, ROW_HEIGHT, summary
from meldpunt.stats.selectors import (
    COUNTS,
    PERIOD_FIELD,
    Cell,
    Row,
    Scope,
    Spec,
    Table,
    build_tables,
    contact_days,
    contacts_in,
    period_starts,
)
from meldpunt.tally.models import Campaign, LinkVisit

# The answers a campaign medium can bring, each with its colour on the chart.
CAMPAIGN_ANSWERS = (
    (HowHeard.SOCIAL_MEDIA, "stats-chart__bar--social"),
    (HowHeard.FLYER, "stats-chart__bar--flyer"),
    (HowHeard.BILLBOARD, "stats-chart__bar--mupi"),
)
LANE_WIDTH = 28


@dataclass(frozen=True)
class CampaignFigures:
    campaign: Campaign
    arrivals: int
    contacts: int
    answers: list[int]  # per HowHeard choice, in order


@dataclass(frozen=True)
class Segment:
    x: int
    width: int
    css: str


@dataclass(frozen=True)
class PeriodBar:
    label: str | Promise
    y: int
    text_y: int
    segments: list[Segment]
    shown: str
    value_x: int


@dataclass(frozen=True)
class Band:
    """A campaign period: a lane beside the bars, over the rows of its period."""

    name: str
    x: int
    y: int
    height: int
    text_x: int
    text_y: int


@dataclass(frozen=True)
class TimeChart:
    slug: str
    bars: list[PeriodBar]
    bands: list[Band]
    legend: Sequence[tuple[str | Promise, str]]
    width: int
    height: int
    bar_x: int
    summary: str


def campaigns_in(scope: Scope) -> list[Campaign]:
    """Campaigns that ran in the scope's period (and its municipality, if one is chosen)."""
    campaigns = Campaign.objects.filter(start__lt=scope.end_day, end__gte=scope.first_day)
    found = list(campaigns.order_by("start", "name"))
    if scope.municipality:
        found = [c for c in found if not c.municipalities or scope.municipality in c.municipalities]
    return found


def _in_campaign(campaign: Campaign) -> Q:
    """Contact days in the campaign's period and municipalities (all, when none are set)."""
    within = Q(day__gte=campaign.start, day__lte=campaign.end)
    if campaign.municipalities:
        within &= Q(municipality__in=campaign.municipalities)
    return within


def campaign_figures(scope: Scope, campaigns: list[Campaign]) -> list[CampaignFigures]:
    """Per campaign: visits through its links (ever), and the counted contacts from its
    first to its last day in its municipalities, by how they heard of us."""
    if not campaigns:
        return []
    arrivals: dict[int, int] = dict(
        LinkVisit.objects.filter(link__campaign__in=campaigns)
        .values_list("link__campaign")
        .annotate(n=Sum("count"))
        .order_by()
    )
    contacts = contact_days(
        ContactFigure.HOW_HEARD,
        first=min(c.start for c in campaigns),
        end=max(c.end for c in campaigns) + timedelta(days=1),
        municipality=scope.municipality,
        channel=scope.channel,
    ).filter(rules.COUNTED_CONTACT, reduce(operator.or_, map(_in_campaign, campaigns)))
    # One row per answer, one sum per campaign: the days are read once, however many, and
    # only the days of some campaign (not those between campaigns).
    sums = {
        f"c{index}": Sum("count", filter=_in_campaign(campaign))
        for index, campaign in enumerate(campaigns)
    }
    rows = contacts.values("value").annotate(**sums).values_list("value", *sums).order_by()
    by_answer = {value: sums_of for value, *sums_of in rows}
    answers = list(HowHeard.values)
    figures = []
    for index, campaign in enumerate(campaigns):
        found = {value: found_sums[index] or 0 for value, found_sums in by_answer.items()}
        counts = [found.get(answer, 0) for answer in answers]
        total = sum(found.values())
        figures.append(CampaignFigures(campaign, arrivals.get(campaign.pk, 0), total, counts))
    return figures


def campaign_table(figures: list[CampaignFigures]) -> Table:
    """Per campaign: arrivals through its links, contacts in its period, their answers."""
    columns = [
        _("aankomsten via korte link"),
        _("contacten in de periode"),
        *(str(label) for label in HowHeard.labels),
    ]
    rows = [
        Row(
            f"{f.campaign.name} ({f.campaign.get_medium_display()}, "
            f"{date_format(f.campaign.start)} - {date_format(f.campaign.end)})",
            [Cell(f.arrivals), Cell(f.contacts), *(Cell(n) for n in f.answers)],
            Cell(f.contacts),
        )
        for f in figures
    ]
    empty = Row(_("Totaal"), [], Cell(0))
    return Table(
        "campaigns",
        gettext_lazy("Campagnes: aankomsten en contacten"),
        "campaign",
        columns,
        rows,
        empty,
        with_totals=False,
    )


def how_heard_over_time(scope: Scope) -> Table:
    """How people heard of us per week, month or quarter (the scope's grain): the time
    line the campaign periods are drawn on."""
    contacts = contacts_in(scope, ContactFigure.HOW_HEARD, scope.grain).filter(
        rules.COUNTED_CONTACT
    )
    spec = Spec(
        "how-heard-time",
        gettext_lazy("Hoe kent u ons, door de tijd, met de campagnes"),
        "how-heard",
        HowHeard.choices,
        contacts,
        PERIOD_FIELD[scope.grain],
        "value",
        COUNTS,
    )
    table = build_tables([spec], scope, scope.grain)[0]
    table.transposed = True
    return table


def time_chart(table: Table, scope: Scope, campaigns: list[Campaign]) -> TimeChart:
    """One row per period: a bar of the answers a campaign medium brings (stacked per
    answer), the total of all answers beside it, and each campaign as a lane to the right
    over the rows of its period."""
    starts = period_starts(scope, scope.grain)
    rows = table.body
    heard = list(HowHeard.values)
    largest = max(
        (sum(row.cells[heard.index(a)].value for a, _c in CAMPAIGN_ANSWERS) for row in rows),
        default=0,
    )
    bars = []
    for index, row in enumerate(rows):
        x = LABEL_WIDTH
        segments = []
        for answer, css in CAMPAIGN_ANSWERS:
            value = row.cells[heard.index(answer)].value
            width = round(BAR_SPACE * value / largest) if largest else 0
            if width:
                segments.append(Segment(x, width, css))
            x += width
        y = index * ROW_HEIGHT
        bars.append(
            PeriodBar(
                label=row.label,
                y=y + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                text_y=y + ROW_HEIGHT // 2 + 5,
                segments=segments,
                shown=row.total.shown,
                value_x=x + 6,
            )
        )
    lanes_x = LABEL_WIDTH + BAR_SPACE + 60
    bands = []
    for lane, campaign in enumerate(campaigns):
        covered = [
            i
            for i, start in enumerate(starts)
            if start <= campaign.end
            and campaign.start < (starts[i + 1] if i + 1 < len(starts) else scope.end_day)
        ]
        if not covered:
            continue
        x = lanes_x + lane * LANE_WIDTH
        y = covered[0] * ROW_HEIGHT + 2
        height = len(covered) * ROW_HEIGHT - 4
        bands.append(Band(str(campaign), x, y, height, x + LANE_WIDTH // 2, y + height // 2))
    legend = [
        (label, css)
        for (answer, css) in CAMPAIGN_ANSWERS
        for value, label in HowHeard.choices
        if value == answer
    ]
    return TimeChart(
        slug=table.slug,
        bars=bars,
        bands=bands,
        legend=legend,
        width=lanes_x + max(len(campaigns), 1) * LANE_WIDTH + 10,
        height=max(len(bars), 1) * ROW_HEIGHT,
        bar_x=LABEL_WIDTH,
        summary=_time_summary(table, campaigns),
    )


def _time_summary(table: Table, campaigns: list[Campaign]) -> str:
    text = summary(table)
    if campaigns:
        names = ", ".join(f"{c} {date_format(c.start)} - {date_format(c.end)}" for c in campaigns)
        text += " " + _("Campagnes in deze periode: %(names)s.") % {"names": names}
    else:
        text += " " + _("In deze periode liep geen campagne.")
    return text
