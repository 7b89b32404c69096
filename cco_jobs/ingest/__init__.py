"""Ingestion: read a job posting from a file, a link, standard input, a stream or a string.

    >>> from cco_jobs.ingest import parse_text
    >>> posting = parse_text("Chief Customer Officer\\n\\nResponsibilities:\\n- Own the NPS scorecard")
    >>> [line.section for line in posting.lines]
    ['header', 'responsibilities', 'responsibilities']
    >>> posting.lines[2].text, posting.lines[2].is_bullet, posting.title
    ('Own the NPS scorecard', True, 'Chief Customer Officer')

Formats: plain text, Markdown, HTML (a page's schema.org ``JobPosting``, if any, gives
the body and fields: :mod:`.structured`), Word ``.docx`` (:mod:`.docx`), PDF
(:mod:`.pdf`), and ``http(s)://`` links (:mod:`.fetch`). ``Posting.metadata`` records
where the text came from: ``file_type`` (text, markdown, html, docx, pdf or url),
``structured_data`` (``"json-ld"``, ``"microdata"`` or ``""``) and, for links, ``url``
and ``final_url``.

Every problem with the input is a :class:`~cco_jobs.errors.PostingInputError` whose
``reason`` says what is wrong (missing, directory, unreadable, too_large, empty,
binary, undecodable, no_text, not_a_posting, unsupported, fetch). Heavy libraries
(bs4, lxml, httpx, python-docx, pdfminer.six) are imported only when a posting needs them.
"""
from __future__ import annotations

import re

from ..errors import PostingInputError
from ..posting import Line, Posting
from .assemble import build_posting
from .decode import check_text, decode_bytes
from .formats import (
    BINARY_FORMATS,
    FORMATS,
    is_html_document,
    resolve_format,
    sniff_binary,
    sniff_format,
)
from .normalise import normalise_document
from .sources import Source, load

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "Line", "Posting", "PostingInputError", "parse_text", "read_posting"]

#: Inputs larger than this (5 MB) are refused with reason ``too_large``.
DEFAULT_MAX_BYTES = 5_000_000

_MARKUP_BYTES = re.compile(rb"<(?:!doctype|html|head|meta|body)\b", re.IGNORECASE)


def read_posting(source: Source, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Posting:
    """Read a posting from a path, a link, ``"-"`` (stdin), a file object, bytes or a string.

    A ``str`` starting ``http://`` or ``https://`` is fetched (HTML or text pages only).
    Another ``str`` is a path when it is one line under 1,000 characters that exists or
    ends in a known extension (``.txt``, ``.md``, ``.html``, ``.docx``, ``.pdf``…);
    otherwise it is the posting itself. ``format`` (one of :data:`FORMATS`) overrides
    the extension or the server's content type; without either the content decides.
    Example::

        posting = read_posting("postings/cco.html")
        posting = read_posting("drafts/cco.docx")
        posting = read_posting("https://jobs.example.com/cco")
        posting = read_posting(open("cco.pdf", "rb"))
        posting = read_posting("<h1>Chief Customer Officer</h1><p>Reporting to the CEO…</p>")

    Raises :class:`PostingInputError` for any input that cannot be read as a posting.
    """
    raw = load(source, max_bytes)
    fmt = resolve_format(format, raw.extension, raw.name)
    metadata = dict(raw.metadata)
    if fmt is None and isinstance(raw.data, bytes):
        fmt = sniff_binary(raw.data)  # a PDF or .docx from stdin, bytes or an odd name
    if fmt in BINARY_FORMATS:
        return _read_binary(raw.data, raw.name, fmt, metadata)
    if isinstance(raw.data, bytes):
        markup = fmt == "html" or (fmt is None and bool(_MARKUP_BYTES.search(raw.data[:4096])))
        text, metadata["encoding"] = decode_bytes(raw.data, raw.name, markup=markup)
    else:
        text = raw.data
    if format is None and fmt == "text" and is_html_document(text):
        fmt = "html"  # a browser's "save page" under a .txt name
    return _parse(text, raw.name, fmt, metadata)


def parse_text(text: str, *, source: str = "<string>", format: str | None = None) -> Posting:
    """Parse an already-decoded posting (plain text, Markdown or HTML; sniffed unless ``format`` says).

    Word and PDF files are bytes, not text: read them with :func:`read_posting`.
    """
    fmt = resolve_format(format, None, source)
    if fmt in BINARY_FORMATS:
        raise PostingInputError(source, "unsupported", f"{fmt} is a file format, not text: use read_posting")
    return _parse(text, source, fmt, {})


def _parse(text: str, source: str, fmt: str | None, metadata: dict[str, str]) -> Posting:
    check_text(text, source)
    fmt = fmt or sniff_format(text)
    if fmt == "html":
        from .structured import read_page

        blocks, page = read_page(normalise_document(text, html_markup=True))
        if not blocks:
            raise PostingInputError(source, "no_text", "the HTML has no visible text")
        metadata.update(page)
    else:
        from .text import read_text

        blocks = read_text(normalise_document(text), markdown=fmt == "markdown")
    return build_posting(blocks, source=source, fmt=fmt, metadata=_provenance(metadata, fmt))


def _read_binary(data: bytes | str, source: str, fmt: str, metadata: dict[str, str]) -> Posting:
    """A Word or PDF file: its reader turns the bytes straight into blocks."""
    if not isinstance(data, bytes):
        raise PostingInputError(source, "unsupported", f"{fmt} is a file format: pass the file, not its text")
    if not data.strip():
        raise PostingInputError(source, "empty", "file is empty")
    if fmt == "docx":
        from .docx import read_docx as reader
    else:
        from .pdf import read_pdf as reader
    blocks, found = reader(data, source)
    if not any(block.text for block in blocks):
        raise PostingInputError(source, "no_text", f"the {'Word document' if fmt == 'docx' else 'PDF'} has no text")
    metadata.update(found)
    return build_posting(blocks, source=source, fmt=fmt, metadata=_provenance(metadata, fmt))


def _provenance(metadata: dict[str, str], fmt: str) -> dict[str, str]:
    """The metadata with ``file_type`` first and ``structured_data`` always present."""
    metadata.setdefault("structured_data", "")
    return {"file_type": metadata.get("file_type", fmt), **metadata}
