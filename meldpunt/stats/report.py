"""The quarterly report per municipality: the dashboard's tables for one municipality,
one quarter's column each, as a printable page and a PDF made on the server.

For a municipality viewer the figures are the very cells of their protected year (see
``selectors``): the quarter is one column of the same grid, so the report shows nothing
the dashboard hides and two reports together reveal nothing either.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from meldpunt.lib.pdf import TextPdf
from meldpunt.stats.selectors import Cell, Scope, dashboard_tables


@dataclass(frozen=True)
class ReportLine:
    label: str | Promise
    cell: Cell


@dataclass(frozen=True)
class ReportTable:
    slug: str
    title: str | Promise
    definition: str
    lines: list[ReportLine]
    total: Cell


@dataclass(frozen=True)
class QuarterReport:
    year: int
    quarter: int
    municipality: str
    municipality_name: str
    tables: list[ReportTable]


def quarter_report(
    *, year: int, quarter: int, municipality: str, name: str, protected: bool
) -> QuarterReport:
    """The chosen quarter's column of every dashboard table of the municipality's year."""
    scope = Scope(year=year, grain="quarter", municipality=municipality, protected=protected)
    column = quarter - 1
    tables = [
        ReportTable(
            table.slug,
            table.title,
            table.definition,
            [ReportLine(row.label, row.cells[column]) for row in table.rows],
            table.totals.cells[column],
        )
        for table in dashboard_tables(scope)
    ]
    return QuarterReport(year, quarter, municipality, name, tables)


def report_title(report: QuarterReport) -> str:
    return _("Cijfers van %(name)s, kwartaal %(quarter)s van %(year)s") % {
        "name": report.municipality_name,
        "quarter": report.quarter,
        "year": report.year,
    }


def report_pdf(report: QuarterReport, *, protected: bool) -> bytes:
    pdf = TextPdf(title=report_title(report), creator=settings.MELDPUNT_ORGANISATION)
    pdf.line(report_title(report), size=16, style="B", gap=3)
    pdf.line(
        _(
            "Wie het meldpunt bereikte, hoe, en wat ermee gebeurde. Hierin staat nooit een "
            "zaak, een zaaknummer of iets waaraan iemand te herkennen is."
        )
    )
    if protected:
        pdf.line(
            _(
                "Aantallen van 1 tot en met 4 staan als '<5'. Een 'x' is een getal dat "
                "verborgen is zodat het totaal zo'n klein aantal niet verraadt."
            )
        )
        pdf.line(
            _(
                "Staat het totaal van een rij of kolom als '<5', dan staat ook een 0 daarin "
                "als '<5'."
            )
        )
    for table in report.tables:
        pdf.ln(3)
        pdf.line(str(table.title), size=12, style="B")
        for line in table.lines:
            pdf.line(f"{line.label}: {line.cell.shown}", gap=0.5)
        pdf.line(f"{_('Totaal')}: {table.total.shown}", style="B")
    return pdf.output()
