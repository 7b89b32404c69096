"""Ingestion: read a job posting from a file, standard input, a stream or a string.

    >>> from cco_jobs.ingest import parse_text
    >>> posting = parse_text("Chief Customer Officer\\n\\nResponsibilities:\\n- Own the NPS scorecard")
    >>> [line.section for line in posting.lines]
    ['header', 'responsibilities', 'responsibilities']
    >>> posting.lines[2].text, posting.lines[2].is_bullet, posting.title
    ('Own the NPS scorecard', True, 'Chief Customer Officer')

Every problem with the input is a :class:`~cco_jobs.errors.PostingInputError` whose
``reason`` says what is wrong (missing, directory, unreadable, too_large, empty,
binary, undecodable, no_text, not_a_posting, unsupported). Heavy libraries (bs4, lxml)
are imported only when a posting needs them.
"""
from __future__ import annotations

import re

from ..errors import PostingInputError
from ..posting import Line, Posting
from .assemble import build_posting
from .decode import check_text, decode_bytes
from .formats import FORMATS, is_html_document, resolve_format, sniff_format
from .normalise import normalise_document
from .sources import Source, load

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "Line", "Posting", "PostingInputError", "parse_text", "read_posting"]

#: Inputs larger than this (5 MB) are refused with reason ``too_large``.
DEFAULT_MAX_BYTES = 5_000_000

_MARKUP_BYTES = re.compile(rb"<(?:!doctype|html|head|meta|body)\b", re.IGNORECASE)


def read_posting(source: Source, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Posting:
    """Read a posting from a path, ``"-"`` (stdin), a file object, bytes or a string.

    A ``str`` is a path when it is one line under 1,000 characters that exists or ends
    in a known extension (``.txt``, ``.md``, ``.html``…); otherwise it is the posting
    itself. ``format`` (``"text"``, ``"markdown"`` or ``"html"``) overrides the
    extension; without either the content decides. Example::

        posting = read_posting("postings/cco.html")
        posting = read_posting(open("cco.txt", "rb"))
        posting = read_posting("<h1>Chief Customer Officer</h1><p>Reporting to the CEO…</p>")

    Raises :class:`PostingInputError` for any input that cannot be read as a posting.
    """
    raw = load(source, max_bytes)
    fmt = resolve_format(format, raw.extension, raw.name)
    metadata: dict[str, str] = {}
    if isinstance(raw.data, bytes):
        markup = fmt == "html" or (fmt is None and bool(_MARKUP_BYTES.search(raw.data[:4096])))
        text, metadata["encoding"] = decode_bytes(raw.data, raw.name, markup=markup)
    else:
        text = raw.data
    if format is None and fmt == "text" and is_html_document(text):
        fmt = "html"  # a browser's "save page" under a .txt name
    return _parse(text, raw.name, fmt, metadata)


def parse_text(text: str, *, source: str = "<string>", format: str | None = None) -> Posting:
    """Parse an already-decoded posting (plain text, Markdown or HTML; sniffed unless ``format`` says)."""
    return _parse(text, source, resolve_format(format, None, source), {})


def _parse(text: str, source: str, fmt: str | None, metadata: dict[str, str]) -> Posting:
    check_text(text, source)
    fmt = fmt or sniff_format(text)
    if fmt == "html":
        from .html import read_html

        blocks, page = read_html(normalise_document(text, html_markup=True))
        if not blocks:
            raise PostingInputError(source, "no_text", "the HTML has no visible text")
        metadata.update(page)
    else:
        from .text import read_text

        blocks = read_text(normalise_document(text), markdown=fmt == "markdown")
    return build_posting(blocks, source=source, fmt=fmt, metadata=metadata)
