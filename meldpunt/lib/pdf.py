"""PDFs made on the server with fpdf2's built-in Helvetica: lines of text, nothing else.

No font file and no browser are needed; what the built-in font cannot show is simplified
(``pdf_text``), while the printable HTML page beside each PDF shows every character."""

import unicodedata

_PLAIN = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."}
    | {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "Œ": "OE", "œ": "oe"}
)


def pdf_text(text: str) -> str:
    """The PDF's built-in fonts cover Latin-1 (é, ë, ï, ö, ç ...). Other letters lose their
    accent, and a letter in another script becomes "?": the printable page shows every
    character as typed."""
    text = text.translate(_PLAIN)
    if all(ord(char) < 256 for char in text):
        return text
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char)[0]
        out.append(base if ord(base) < 256 else "?")
    return "".join(out)


class TextPdf:
    """An A4 document that is written line by line."""

    def __init__(self, *, title: str, creator: str) -> None:
        # Imported here, not at the top: fpdf2 (with fontTools) costs every new worker
        # over a second at start-up, and only the few who print a PDF need it.
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_title(pdf_text(title))
        self.pdf.set_creator(pdf_text(creator))
        self.pdf.set_auto_page_break(auto=True, margin=18)
        self.pdf.add_page()

    def line(self, text: str, *, size: int = 11, style: str = "", gap: float = 1.5) -> None:
        self.pdf.set_font("helvetica", style=style, size=size)
        self.pdf.multi_cell(self.pdf.epw, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def ln(self, height: float) -> None:
        self.pdf.ln(height)

    def output(self) -> bytes:
        return bytes(self.pdf.output())
