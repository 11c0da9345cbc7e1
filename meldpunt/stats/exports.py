"""The dashboard's tables as files: CSV (one long table) and XLSX (a sheet per table).

They hold exactly what the dashboard shows for the same filters and role, with the same
"<5" and "x" for a municipality viewer: the tables come from the same selector.
"""

import csv
import io
from collections.abc import Sequence

from django.utils.translation import gettext as _

from meldpunt.stats.selectors import Table


def _rows(table: Table) -> list[list[str]]:
    """The table as on screen: heading row, body rows, totals row."""
    if not table.with_totals:
        heading = ["", *(str(label) for label in table.headers)]
        return [heading, *([str(row.label), *(c.shown for c in row.cells)] for row in table.body)]
    heading = ["", *(str(label) for label in table.headers), _("Totaal")]
    body = [
        [str(row.label), *(cell.shown for cell in row.cells), row.total.shown]
        for row in [*table.body, table.total_row]
    ]
    return [heading, *body]


def as_csv(tables: Sequence[Table]) -> str:
    """One row per figure: table, row, column, value (semicolons, as Dutch spreadsheets
    expect)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("tabel"), _("rij"), _("kolom"), _("aantal")])
    for table in tables:
        heading, *body = _rows(table)
        for row in body:
            for column, value in zip(heading[1:], row[1:], strict=True):
                writer.writerow([str(table.title), row[0], column, value])
    return out.getvalue()


def as_xlsx(tables: Sequence[Table]) -> bytes:
    # Imported here, not at the top: openpyxl costs every new process a noticeable part
    # of its start-up, and only an analyst's or viewer's download needs it.
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        # Sheet names: at most 31 characters, unique.
        sheet = workbook.create_sheet(title=f"{len(workbook.sheetnames) + 1} {table.slug}"[:31])
        sheet.append([str(table.title)])
        for row in _rows(table):
            sheet.append([int(value) if value.isdigit() else value for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
