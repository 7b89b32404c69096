"""Word .docx drafts built here with python-docx: headings, lists, tables, headers and footers."""
from __future__ import annotations

import io
import json

import docx
import pytest
from click.testing import CliRunner

from cco_jobs.cli import cli
from cco_jobs.errors import PostingInputError
from cco_jobs.ingest import parse_text, read_posting


def draft() -> docx.document.Document:
    """A recruiter's draft: header and footer, title, headings, lists, a salary table."""
    document = docx.Document()
    document.core_properties.title = "CCO draft v3"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Harbourline Logistics - draft for review"
    section.footer.paragraphs[0].text = "Confidential - do not forward"
    document.add_heading("Chief Customer Officer", 0)
    document.add_paragraph("Reporting to the CEO, you will own the customer strategy across the group.")
    document.add_heading("Responsibilities", 1)
    document.add_paragraph("Set the three-year customer strategy with the board.", style="List Bullet")
    document.add_paragraph("Own the NPS scorecard and report it to the board.", style="List Number")
    document.add_heading("Transformation", 2)
    document.add_paragraph("Lead the redesign of the service model.", style="List Bullet")
    document.add_paragraph().add_run("What you bring").bold = True
    document.add_paragraph("Ten years in executive customer roles.", style="List Bullet")
    document.add_heading("Salary", 1)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Grade", "Salary", "")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("Executive 2", "£150,000 – £170,000", "Bonus 20%")):
        cell.text = text
    return document


def save(document, path=None) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    if path is not None:
        path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def texts(posting) -> list[str]:
    return [line.text for line in posting.lines]


def test_word_draft(tmp_path):
    path = tmp_path / "cco.docx"
    save(draft(), path)
    posting = read_posting(str(path))
    assert posting.format == "docx" and posting.source == str(path)
    assert posting.title == "Chief Customer Officer"
    assert posting.metadata["file_type"] == "docx" and posting.metadata["structured_data"] == ""
    by_text = {line.text: line for line in posting.lines}
    assert by_text["Chief Customer Officer"].is_heading
    assert by_text["Responsibilities"].is_heading and by_text["Responsibilities"].section == "responsibilities"
    for bullet in ("Set the three-year customer strategy with the board.",
                   "Own the NPS scorecard and report it to the board.", "Lead the redesign of the service model."):
        assert by_text[bullet].is_bullet and by_text[bullet].section == "responsibilities"
    assert by_text["Lead the redesign of the service model."].heading == "Transformation"  # a sub-heading
    assert by_text["Ten years in executive customer roles."].section == "qualifications"  # a bold line heads it
    assert by_text["Executive 2 | £150,000 – £170,000 | Bonus 20%"].section == "compensation"
    assert "Grade | Salary" in by_text  # the empty cell is left out


def test_header_and_footer_are_chrome_at_the_ends(tmp_path):
    posting = read_posting(io.BytesIO(save(draft())))
    first, last = posting.lines[0], posting.lines[-1]
    assert (first.text, first.chrome) == ("Harbourline Logistics - draft for review", True)
    assert (last.text, last.chrome) == ("Confidential - do not forward", True)
    assert sum(line.chrome for line in posting.lines) == 2
    assert posting.format == "docx"  # sniffed from the bytes: a stream has no extension


def test_line_breaks_typed_bullets_hidden_text_and_heading_based_styles():
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    role = document.styles.add_style("Role Section", WD_STYLE_TYPE.PARAGRAPH)
    role.base_style = document.styles["Heading 2"]
    document.add_paragraph("Head of Customer Experience", style="Title")
    document.add_paragraph("What you'll do", style="Role Section")
    paragraph = document.add_paragraph("Run the contact centre budget.")
    paragraph.add_run().add_break()
    paragraph.add_run("Report to the COO monthly.")
    document.add_paragraph("•\tCoach the twelve team leaders.")
    hidden = document.add_paragraph("Visible text about the team.")
    hidden.add_run(" Internal note: budget not approved.").font.hidden = True
    posting = read_posting(io.BytesIO(save(document)))
    by_text = {line.text: line for line in posting.lines}
    assert by_text["What you'll do"].is_heading and by_text["What you'll do"].section == "responsibilities"
    assert "Run the contact centre budget." in by_text and "Report to the COO monthly." in by_text
    assert by_text["Coach the twelve team leaders."].is_bullet
    assert "Visible text about the team." in by_text and not any("Internal" in t for t in by_text)


def test_tracked_changes_and_content_controls():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_heading("Chief Customer Officer", 1)
    paragraph = document.add_paragraph("Own the ")
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="HR"><w:r>'
                                  '<w:t xml:space="preserve">customer strategy</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="HR"><w:r>'
                                  "<w:delText> and the call centre</w:delText></w:r></w:del>"))
    paragraph.add_run(" for the group.")
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Reports to the Chief Executive."
                        "</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    document.element.body.insert(len(document.element.body) - 1, control)  # before the section properties
    posting = read_posting(io.BytesIO(save(document)))
    assert texts(posting) == ["Chief Customer Officer", "Own the customer strategy for the group.",
                              "Reports to the Chief Executive."]


def test_layout_table_is_read_as_paragraphs():
    document = docx.Document()
    document.add_heading("Chief Customer Officer", 1)
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Responsibilities"
    cell.add_paragraph("Set the customer strategy and the milestones the board tracks.", style="List Bullet")
    posting = read_posting(io.BytesIO(save(document)))
    by_text = {line.text: line for line in posting.lines}
    assert by_text["Set the customer strategy and the milestones the board tracks."].is_bullet
    assert by_text["Set the customer strategy and the milestones the board tracks."].section == "responsibilities"


def test_bad_word_files(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip file")
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.docx"
    save(docx.Document(), blank)
    cases = {broken: "unreadable", old: "unsupported", empty: "empty", blank: "no_text"}
    for path, reason in cases.items():
        with pytest.raises(PostingInputError) as info:
            read_posting(path)
        assert info.value.reason == reason, (path, info.value)
        assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)
    with pytest.raises(PostingInputError) as info:
        parse_text("Chief Customer Officer", format="docx")
    assert info.value.reason == "unsupported"


def test_cli_analyses_a_word_draft(tmp_path):
    path = tmp_path / "cco.docx"
    save(draft(), path)
    result = CliRunner().invoke(cli, ["analyse", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "docx" and report["provenance"]["file_type"] == "docx"
    assert report["title"] == "Chief Customer Officer"
    chrome = [line for line in report["lines"] if line["chrome"]]
    assert [line["text"] for line in chrome] == ["Harbourline Logistics - draft for review",
                                                  "Confidential - do not forward"]
    assert {line["label"] for line in chrome} == {"context"}  # never a requirement
