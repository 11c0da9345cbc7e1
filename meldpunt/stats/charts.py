"""Bar charts drawn on the server as SVG: geometry here, markup in
templates/stats/_chart.html. Each chart stands beside its data table and its summary; a
hidden (small) count gets no bar, only its "<5" or "x"."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from meldpunt.stats.selectors import Table

LABEL_WIDTH = 200
BAR_SPACE = 360
ROW_HEIGHT = 26
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str | Promise
    shown: str
    y: int
    text_y: int
    width: int
    value_x: int


@dataclass(frozen=True)
class Chart:
    slug: str
    bars: list[Bar]
    height: int
    width: int
    bar_x: int
    summary: str


def bar_chart(table: Table) -> Chart:
    rows = table.chart_rows
    values = [row.total.chart_value for row in rows]
    largest = max((value for value in values if value is not None), default=0)
    bars = []
    for index, row in enumerate(rows):
        value = row.total.chart_value
        width = round(BAR_SPACE * value / largest) if value and largest else 0
        y = index * ROW_HEIGHT
        bars.append(
            Bar(
                label=row.label,
                shown=row.total.shown,
                y=y + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                text_y=y + ROW_HEIGHT // 2 + 5,
                width=width,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return Chart(
        slug=table.slug,
        bars=bars,
        height=max(len(bars), 1) * ROW_HEIGHT,
        width=LABEL_WIDTH + BAR_SPACE + 60,
        bar_x=LABEL_WIDTH,
        summary=summary(table),
    )


def summary(table: Table) -> str:
    """One or two sentences: the total and the largest group (what a sighted reader sees
    first in the chart)."""
    total = table.totals.total
    if total.value == 0:
        return _("Er is niets geteld in deze periode.")
    text = _("Totaal: %(total)s.") % {"total": total.shown}
    shown = [row for row in table.chart_rows if row.total.chart_value]
    if shown:
        top = max(shown, key=lambda row: row.total.value)
        text += " " + _("Het meeste: %(label)s, met %(count)s.") % {
            "label": top.label,
            "count": top.total.shown,
        }
    return text
