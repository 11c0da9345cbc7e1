"""PDFs of text lines with the built-in font: what it cannot show is simplified, not lost."""

from io import BytesIO

from pypdf import PdfReader

from meldpunt.lib.pdf import TextPdf, pdf_text


def test_latin_1_stays_and_other_letters_are_simplified() -> None:
    assert pdf_text("Café in Emmeloord – “ja”") == 'Café in Emmeloord - "ja"'
    assert pdf_text("Łódź, Ștefan") == "Lódz, Stefan"  # ó is in Latin-1
    assert pdf_text("Олена") == "?????"


def test_a_document_has_its_title_and_its_lines() -> None:
    pdf = TextPdf(title="Doorverwijzing DV-1", creator="Meldpunt")
    pdf.line("Zaaknummer: 2026-00001", size=12, style="B")
    pdf.ln(2)
    pdf.line("Łódź")
    reader = PdfReader(BytesIO(pdf.output()))
    assert reader.metadata is not None and reader.metadata.title == "Doorverwijzing DV-1"
    text = reader.pages[0].extract_text()
    assert "Zaaknummer: 2026-00001" in text and "Lódz" in text
