"""Where a posting can come from: paths, strings, file objects, stdin, bytes; and format choice."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from cco_jobs.ingest import DEFAULT_MAX_BYTES, read_posting

GOOD = "Chief Customer Officer\nLead the customer strategy across the group.\n"
PAGE = "<html><body><h1>Chief Customer Officer</h1><p>Lead the customer strategy.</p></body></html>"


def test_default_limit_is_five_megabytes():
    assert DEFAULT_MAX_BYTES == 5_000_000


def test_path_and_str_path(tmp_path, monkeypatch):
    path = tmp_path / "cco.txt"
    path.write_text(GOOD)
    for source in (path, str(path)):
        posting = read_posting(source)
        assert posting.source == str(path) and posting.format == "text"
        assert posting.text == GOOD.strip()
    monkeypatch.chdir(tmp_path)
    assert read_posting("cco.txt").source == "cco.txt"


def test_path_without_known_extension_exists_so_it_is_a_path(tmp_path):
    path = tmp_path / "posting"
    path.write_text(PAGE)
    posting = read_posting(str(path))
    assert posting.source == str(path) and posting.format == "html"


@pytest.mark.parametrize("name, content, fmt", [
    ("cco.txt", "# Not a heading in text\nChief Customer Officer\n", "text"),
    ("cco.md", GOOD, "markdown"),
    ("cco.markdown", GOOD, "markdown"),
    ("cco.html", PAGE, "html"),
    ("cco.htm", PAGE, "html"),
    ("cco.txt", "<!DOCTYPE html>" + PAGE, "html"),
    ("cco.data", PAGE, "html"),
    ("cco.data", "## Responsibilities\n- Own NPS for the group\n", "markdown"),
])
def test_format_from_extension_or_content(tmp_path, name, content, fmt):
    path = tmp_path / name
    path.write_text(content)
    assert read_posting(path).format == fmt


def test_format_argument_overrides_the_extension(tmp_path):
    path = tmp_path / "cco.html"
    path.write_text("<p>Head of Support</p>\n<p>Lead the team</p>\n")
    posting = read_posting(path, format="text")
    assert posting.format == "text" and posting.lines[0].text == "<p>Head of Support</p>"


def test_string_content_is_text_when_it_is_not_a_path():
    assert read_posting(GOOD).source == "<string>"
    assert read_posting("Chief Customer Officer, Acme").lines[0].text == "Chief Customer Officer, Acme"
    assert read_posting(PAGE).format == "html"
    long_line = "Chief Customer Officer. " * 50
    assert read_posting(long_line).source == "<string>"


def test_binary_and_text_file_objects(tmp_path):
    path = tmp_path / "cco.md"
    path.write_text(GOOD, encoding="utf-8")
    with open(path, "rb") as stream:
        posting = read_posting(stream)
    assert posting.source == str(path) and posting.format == "markdown"
    with open(path, encoding="utf-8") as stream:
        assert read_posting(stream).text == GOOD.strip()
    assert read_posting(io.BytesIO(GOOD.encode("utf-16"))).source == "<stream>"
    assert read_posting(io.StringIO(PAGE)).format == "html"


def test_bytes(tmp_path):
    posting = read_posting(GOOD.encode("cp1252"))
    assert posting.source == "<bytes>" and posting.metadata["encoding"] == "utf-8"


def test_stdin_binary(monkeypatch):
    class FakeStdin(io.TextIOWrapper):
        pass

    fake = FakeStdin(io.BytesIO("Head of Support\nRun the 24/7 desk – €1m budget\n".encode("cp1252")))
    monkeypatch.setattr(sys, "stdin", fake)
    posting = read_posting("-")
    assert posting.source == "<stdin>" and posting.lines[1].text == "Run the 24/7 desk – €1m budget"


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PAGE))
    posting = read_posting("-")
    assert posting.source == "<stdin>" and posting.format == "html"


def test_closed_stream_is_unreadable():
    stream = io.BytesIO(b"x")
    stream.close()
    from cco_jobs.errors import PostingInputError

    with pytest.raises(PostingInputError) as info:
        read_posting(stream)
    assert info.value.reason == "unreadable"


def test_import_is_light():
    import subprocess

    code = ("import sys, cco_jobs.ingest; "
            "print(sorted(m for m in ('bs4', 'lxml', 'spacy', 'pandas', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.strip()
    assert out == "[]"


@pytest.mark.parametrize("link, scheme", [("ftp://example.org/jobs/cco.html", "ftp"),
                                          ("file:///etc/hostname", "file")])
def test_links_in_other_schemes_are_refused_by_name(link, scheme):
    from cco_jobs.errors import PostingInputError

    with pytest.raises(PostingInputError, match=f"{scheme} links are not read") as info:
        read_posting(link)
    assert info.value.reason == "unsupported" and str(info.value).startswith(link)
    # a posting that merely mentions a link is still text
    assert read_posting(f"Chief Customer Officer\nSee {link} for details.").lines
