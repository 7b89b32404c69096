"""PDF postings built here with fpdf2: plain, two columns, hyphenation, running headers, a scan."""
from __future__ import annotations

import io
import json

import fpdf
import pytest
from click.testing import CliRunner

from cco_jobs.cli import cli
from cco_jobs.errors import PostingInputError
from cco_jobs.ingest import read_posting

INTRO = ("Reporting to the Chief Executive, the Chief Customer Officer sits on the executive board and owns "
         "the customer strategy across every market and channel we serve, with a budget of forty million.")
LONG_BULLET = ("Own the NPS scorecard and report it every quarter to the board and to our investors, "
               "together with the milestones of the three-year plan.")


def new_pdf(header: str | None = None, footer: str | None = None) -> fpdf.FPDF:
    """An A4 document; ``footer`` may hold ``{n}`` for the page number and ``{nb}`` for the count."""

    class Document(fpdf.FPDF):
        def header(self) -> None:
            if header:
                self.set_font("Helvetica", size=8)
                self.set_xy(self.l_margin, 8)
                self.cell(0, 5, header)
                self.set_xy(self.l_margin, 22)

        def footer(self) -> None:
            if footer:
                self.set_y(-12)
                self.set_font("Helvetica", size=8)
                self.cell(0, 5, footer.replace("{n}", str(self.page_no())), align="C")

    pdf = Document(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def para(pdf, text: str, size: float = 11, style: str = "", width: float = 0, x: float | None = None) -> None:
    pdf.set_font("Helvetica", style, size)
    if x is not None:
        pdf.set_x(x)
    pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")


def as_bytes(pdf) -> bytes:
    return bytes(pdf.output())


def texts(posting) -> list[str]:
    return [line.text for line in posting.lines]


def plain_pdf() -> bytes:
    pdf = new_pdf(footer="{n}")
    pdf.set_title("Chief Customer Officer - Harbourline")
    pdf.add_page()
    para(pdf, "Chief Customer Officer", size=18, style="B")
    pdf.ln(2)
    para(pdf, INTRO)
    pdf.ln(3)
    para(pdf, "Location: Leeds, UK")
    para(pdf, "Contract: Permanent, full time")
    pdf.ln(3)
    para(pdf, "Responsibilities", size=12, style="B")
    para(pdf, "- Set the three-year customer strategy with the board.")
    para(pdf, "- " + LONG_BULLET)
    pdf.ln(3)
    para(pdf, "What we offer", size=12, style="B")
    para(pdf, "A pension, private medical cover and thirty days of holiday.")
    return as_bytes(pdf)


def test_plain_pdf_lines_paragraphs_bullets_and_headings(tmp_path):
    path = tmp_path / "cco.pdf"
    path.write_bytes(plain_pdf())
    posting = read_posting(str(path))
    assert posting.format == "pdf" and posting.title == "Chief Customer Officer"
    assert posting.metadata["file_type"] == "pdf" and posting.metadata["pages"] == "1"
    assert posting.metadata["meta_title"] == "Chief Customer Officer - Harbourline"
    assert texts(posting) == [
        "Chief Customer Officer", INTRO, "Location: Leeds, UK", "Contract: Permanent, full time",
        "Responsibilities", "Set the three-year customer strategy with the board.", LONG_BULLET,
        "What we offer", "A pension, private medical cover and thirty days of holiday.",
    ]  # the wrapped paragraph and bullet are one line each; the page number is gone
    by_text = {line.text: line for line in posting.lines}
    assert by_text["Chief Customer Officer"].is_heading and by_text["Responsibilities"].is_heading
    assert by_text[LONG_BULLET].is_bullet and by_text[LONG_BULLET].section == "responsibilities"
    assert by_text["What we offer"].is_heading
    assert by_text["A pension, private medical cover and thirty days of holiday."].section == "benefits"


def test_two_column_layout_reads_the_left_column_first():
    pdf = new_pdf()
    pdf.add_page()
    para(pdf, "Chief Customer Officer, Harbourline Logistics Group, Leeds", size=16, style="B")
    pdf.ln(4)
    top = pdf.get_y()
    left = ("Set the three-year customer strategy with the board and hold the executive team to the "
            "milestones it agrees, reporting progress every quarter.")
    right = ("Ten years of executive experience in customer operations, with a record of leading "
             "transformation across several countries and channels.")
    for x, heading, body, bullet in ((10, "Responsibilities", left, "- Chair the customer council."),
                                     (110, "Requirements", right, "- Fluent English and French.")):
        pdf.set_y(top)
        para(pdf, heading, size=12, style="B", width=90, x=x)
        para(pdf, body, size=10, width=90, x=x)
        para(pdf, bullet, size=10, width=90, x=x)
    posting = read_posting(io.BytesIO(as_bytes(pdf)))
    assert texts(posting) == ["Chief Customer Officer, Harbourline Logistics Group, Leeds",
                              "Responsibilities", left, "Chair the customer council.",
                              "Requirements", right, "Fluent English and French."]
    sections = {line.text: line.section for line in posting.lines}
    assert sections[left] == "responsibilities" and sections[right] == "qualifications"


def test_label_and_value_rows_are_not_columns():
    pdf = new_pdf()
    pdf.add_page()
    para(pdf, "Chief Customer Officer", size=16, style="B")
    pdf.set_font("Helvetica", size=11)
    for label, value in (("Reports to", "Chief Executive Officer"), ("Location", "Leeds, hybrid"),
                         ("Contract", "Permanent"), ("Salary", "150,000 to 170,000 pounds")):
        pdf.cell(60, 7, label)
        pdf.cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
    posting = read_posting(io.BytesIO(as_bytes(pdf)))
    assert "Reports to Chief Executive Officer" in texts(posting)
    assert "Salary 150,000 to 170,000 pounds" in texts(posting)


def test_words_hyphenated_across_lines_are_rejoined():
    pdf = new_pdf()
    pdf.add_page()
    para(pdf, "Chief Customer Officer", size=16, style="B")
    pdf.set_font("Helvetica", size=11)
    for row in ("You will lead our customer-facing teams and trans-",
                "form the service model within two years, working with",
                "every customer-",
                "facing director and the chief executive."):
        pdf.cell(0, 6, row, new_x="LMARGIN", new_y="NEXT")
    posting = read_posting(io.BytesIO(as_bytes(pdf)))
    assert texts(posting)[1] == ("You will lead our customer-facing teams and transform the service model "
                                 "within two years, working with every customer-facing director and the "
                                 "chief executive.")


def test_page_header_and_numbers_repeated_on_every_page_are_removed():
    pdf = new_pdf(header="Harbourline Logistics | Position description", footer="Page {n} of {nb}")
    pdf.alias_nb_pages()
    sections = [("Responsibilities", "Set the customer strategy with the board."),
                ("Requirements", "Ten years of executive customer leadership."),
                ("Benefits", "A pension and thirty days of holiday.")]
    for i, (heading, body) in enumerate(sections):
        pdf.add_page()
        if i == 0:
            para(pdf, "Chief Customer Officer", size=16, style="B")
        para(pdf, heading, size=12, style="B")
        para(pdf, body)
    posting = read_posting(io.BytesIO(as_bytes(pdf)))
    assert posting.metadata["pages"] == "3"
    assert texts(posting) == ["Chief Customer Officer"] + [t for pair in sections for t in pair]
    assert not any("Harbourline" in t or "Page" in t for t in texts(posting))


def test_scanned_pdf_without_a_text_layer_is_refused(tmp_path):
    from PIL import Image, ImageDraw

    scan = Image.new("L", (400, 560), 255)
    for y in range(40, 520, 24):  # grey bars where the scanned lines of text are
        ImageDraw.Draw(scan).rectangle((30, y, 370, y + 10), fill=90)
    pdf = new_pdf()
    pdf.add_page()
    pdf.image(scan, x=10, y=10, w=190)
    path = tmp_path / "scan.pdf"
    path.write_bytes(as_bytes(pdf))
    with pytest.raises(PostingInputError) as info:
        read_posting(path)
    error = info.value
    assert error.reason == "no_text" and "scanned PDF" in error.message and "no text layer" in error.message
    assert str(error).startswith(f"{path}: ")


def test_damaged_and_empty_pdfs(tmp_path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj <<\n")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(PostingInputError) as info:
        read_posting(damaged)
    assert info.value.reason == "unreadable" and "PDF" in info.value.message
    with pytest.raises(PostingInputError) as info:
        read_posting(empty)
    assert info.value.reason == "empty"


def test_cli_analyses_a_pdf(tmp_path):
    path = tmp_path / "cco.pdf"
    path.write_bytes(plain_pdf())
    result = CliRunner().invoke(cli, ["analyse", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "pdf" and report["provenance"]["file_type"] == "pdf"
    assert report["title"] == "Chief Customer Officer"
    assert LONG_BULLET in [line["text"] for line in report["lines"]]
