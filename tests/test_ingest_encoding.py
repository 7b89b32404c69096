"""Encodings read correctly, and characters that only look like text are normalised."""
from __future__ import annotations

import pytest

from cco_jobs.ingest import read_posting

POSTING = "Chief Customer Officer\n“Own the customer strategy” – budget €2m, Zürich, naïve café\n"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("cp1252", b""),
])
def test_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "posting.txt"
    path.write_bytes(prefix + POSTING.encode(encoding))
    posting = read_posting(path)
    assert posting.text == POSTING.strip()


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_bytes(POSTING.encode("utf-16-le"))
    assert read_posting(path).text == POSTING.strip()


def test_latin1(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_bytes("Directeur de l'expérience client\nRémunération : 120 000 ± 5 %, Zürich\n".encode("latin-1"))
    assert read_posting(path).text == "Directeur de l'expérience client\nRémunération : 120 000 ± 5 %, Zürich"


def test_windows_1252_smart_quotes_dash_and_euro_bytes(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_bytes(b"Head of Customer Success\n\x93Quoted\x94 \x96 \x80100k \x85 it\x92s\n")
    assert read_posting(path).lines[1].text == "“Quoted” – €100k … it’s"


def test_utf8_with_stray_windows_1252_bytes(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_bytes("Responsable expérience client\n".encode() + b"It\x92s a \x93great\x94 role in Z\xc3\xbcrich\n")
    assert read_posting(path).text == "Responsable expérience client\nIt’s a “great” role in Zürich"


def test_html_meta_charset_is_honoured_when_bytes_are_not_utf8(tmp_path):
    path = tmp_path / "posting.html"
    page = '<html><head><meta charset="iso-8859-15"></head><body><p>Budget 2 M€, équipe de 40</p></body></html>'
    path.write_bytes(page.encode("iso-8859-15"))
    assert read_posting(path).text == "Budget 2 M€, équipe de 40"
    assert read_posting(path).metadata["encoding"] == "iso-8859-15"


def test_valid_utf8_wins_over_a_wrong_declaration(tmp_path):
    path = tmp_path / "posting.html"
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Directeur général – Zürich</p></body></html>'
    path.write_bytes(page.encode("utf-8"))
    assert read_posting(path).text == "Directeur général – Zürich"


def test_line_endings_spaces_and_invisible_characters(tmp_path):
    path = tmp_path / "posting.txt"
    text = "Head\u00a0of\u202fSupport\r\nOwn\u200b the\u00ad queue\u2060 and\tthe\u3000SLAs\rLead the team\u2028Hire\n"
    path.write_bytes(text.encode("utf-8"))
    posting = read_posting(path)
    assert [line.text for line in posting.lines] == ["Head of Support", "Own the queue and the SLAs", "Lead the team",
                                                     "Hire"]
    assert [line.source_line for line in posting.lines] == [1, 2, 3, 4]


def test_html_entities_and_nbsp_in_html():
    posting = read_posting("<p>R&amp;D&nbsp;&amp; CX &ndash; &#8364;5m &#x2019;26 &eacute;quipe</p><p>Head of CX team</p>")
    assert posting.lines[0].text == "R&D & CX – €5m ’26 équipe"


def test_decomposed_accents_are_composed():
    posting = read_posting("Directe\u0301ur de l'expe\u0301rience client\nResponsable de l'e\u0301quipe\n")
    assert posting.lines[0].text == "Directéur de l'expérience client"
