"""Every kind of bad input is one PostingInputError with the right reason and a one-line message."""
from __future__ import annotations

import os

import pytest

from cco_jobs.errors import PostingInputError
from cco_jobs.ingest import parse_text, read_posting

GOOD = "Chief Customer Officer\nLead the customer strategy across the group.\n"


def failure(source, **kwargs) -> PostingInputError:
    with pytest.raises(PostingInputError) as info:
        read_posting(source, **kwargs)
    error = info.value
    assert "\n" not in str(error) and str(error).startswith(f"{error.source}: ")
    return error


def test_missing_path(tmp_path):
    error = failure(tmp_path / "nope.txt")
    assert error.reason == "missing" and error.source == str(tmp_path / "nope.txt")


def test_missing_path_given_as_a_string(tmp_path):
    assert failure(str(tmp_path / "nope.html")).reason == "missing"
    assert failure("cv.pdf").reason == "missing"


def test_directory(tmp_path):
    assert failure(tmp_path).reason == "directory"
    assert failure(str(tmp_path)).reason == "directory"


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can read anything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        assert failure(path).reason == "unreadable"
    finally:
        path.chmod(0o600)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    real_open = open

    def denied(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    error = failure(path)
    assert error.reason == "unreadable" and "permission denied" in error.message


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff \u200b\n".encode("utf-8")])
def test_empty_or_whitespace_only(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert failure(path).reason == "empty"


def test_empty_string_and_stream():
    assert failure("\n\n  \n").reason == "empty"
    with pytest.raises(PostingInputError) as info:
        parse_text("   ")
    assert info.value.reason == "empty"


@pytest.mark.parametrize("content", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"PK\x03\x04\x14\x00\x06\x00",
    b"Chief\x00Customer\x00\x00\x01\x02Officer\x00\xff\xfe\x00",
    bytes(range(1, 9)) * 40,
], ids=["pdf", "zip", "nul-bytes", "control-characters"])
def test_binary(tmp_path, content):
    path = tmp_path / "posting.txt"
    path.write_bytes(content)
    assert failure(path).reason == "binary"


def test_binary_message_names_the_file_type(tmp_path):
    path = tmp_path / "posting.pdf"
    path.write_bytes(b"%PDF-1.4 ...")
    assert "PDF" in failure(path).message


def test_undecodable(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_bytes(b"Head of CX " + b"\x81\x8d\x8f\x90\x9d" * 20)
    assert failure(path).reason == "undecodable"


def test_text_stream_that_cannot_be_decoded(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_bytes(b"Head of Customer Success \xff\xfe\xfa\n")
    with open(path, encoding="utf-8") as stream:
        assert failure(stream).reason == "undecodable"


def test_over_the_size_limit(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_text(GOOD * 10)
    error = failure(path, max_bytes=100)
    assert error.reason == "too_large" and "100 bytes" in error.message
    assert failure(GOOD * 10, max_bytes=100).reason == "too_large"
    with open(path, "rb") as stream:
        assert failure(stream, max_bytes=100).reason == "too_large"
    assert read_posting(path, max_bytes=10_000).lines


@pytest.mark.parametrize("page", [
    "<html><head><title>Chief Customer Officer</title></head><body></body></html>",
    "<html><body><script>var x = 'Chief Customer Officer';</script><style>p{}</style></body></html>",
    "<!DOCTYPE html><html><body><!-- nothing here --><img src='a.png'></body></html>",
])
def test_html_without_visible_text(tmp_path, page):
    path = tmp_path / "page.html"
    path.write_text(page)
    assert failure(path).reason == "no_text"


@pytest.mark.parametrize("text", ["1234 5678\n", "!!! ??? ...\n", "OK\n", "---\n===\n* * *\n", "A b\n", "£100k\n",
                                  "Shopping list\n- milk\n- eggs\n- bread\n",
                                  "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor.\n"])
def test_not_a_posting(text):
    error = failure(text)
    assert error.reason == "not_a_posting" and error.source == "<string>"


def test_html_with_only_chrome_is_not_a_posting():
    page = "<html><body><nav>Home Jobs About Contact</nav><footer>Privacy Terms Cookies</footer></body></html>"
    assert failure(page).reason == "not_a_posting"


@pytest.mark.parametrize("text", ["Chief Customer Officer", "CCO wanted: own NPS", "Directeur expérience client"])
def test_short_real_postings_are_accepted(text):
    assert read_posting(text).lines


def test_unknown_format_is_unsupported():
    with pytest.raises(PostingInputError) as info:
        parse_text(GOOD, format="docx")
    assert info.value.reason == "unsupported"


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        read_posting(12345)  # type: ignore[arg-type]
