"""Which reader a document needs: ``text``, ``markdown``, ``html``, ``docx`` or ``pdf``."""
from __future__ import annotations

import re

from ..errors import PostingInputError
from .sources import EXTENSION_FORMATS

#: The formats :func:`cco_jobs.ingest.read_posting` reads.
FORMATS = ("text", "markdown", "html", "docx", "pdf")
#: The formats that are files of bytes, never text: :func:`cco_jobs.ingest.parse_text` refuses them.
BINARY_FORMATS = frozenset({"docx", "pdf"})
_ALIASES = {"text": "text", "txt": "text", "plain": "text", "markdown": "markdown", "md": "markdown",
            "html": "html", "htm": "html", "xhtml": "html", "docx": "docx", "word": "docx", "pdf": "pdf"}

_HTML_DOCUMENT = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                            re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|th|span|strong|b|em|a|section|article"
                       r"|main|body|head|meta|title|dl|dt|dd|header|footer|nav)\b[^<>]{0,400}>", re.IGNORECASE)
_MARKDOWN = re.compile(
    r"^\s{0,3}#{1,6}\s+\S"                        # ATX heading
    r"|^\s*\|?\s*:?-{3,}:?\s*\|"                  # table separator row
    r"|\[[^\]\n]+\]\([^)\s]+\)"                   # link
    r"|^\s{0,3}(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s*$"  # bold-only line
    r"|^\s{0,3}```",                              # fenced code
    re.MULTILINE,
)


def resolve_format(requested: str | None, extension: str | None, source: str) -> str | None:
    """The format asked for, else the one the extension names; ``None`` means sniff the content."""
    if requested is not None:
        key = _ALIASES.get(requested.lower().lstrip("."))
        if key is None:
            raise PostingInputError(source, "unsupported",
                                    f"unknown format {requested!r} (use {', '.join(FORMATS)})")
        return key
    if extension is not None:
        return EXTENSION_FORMATS.get(extension)
    return None


def sniff_binary(data: bytes) -> str | None:
    """``"pdf"`` or ``"docx"`` when bytes of unknown type start like one, else ``None``."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    return None


def sniff_format(text: str) -> str:
    """Guess the format of decoded text: an HTML document or fragment, Markdown, or plain text."""
    head = text[:65536]
    if _HTML_DOCUMENT.match(head):
        return "html"
    tags = _HTML_TAG.findall(head)
    if len(tags) >= 2 and any(t.startswith("</") or t[1:3].lower() == "br" for t in tags):
        return "html"
    if _MARKDOWN.search(head):
        return "markdown"
    return "text"


def is_html_document(text: str) -> bool:
    """True when ``text`` starts like a whole HTML page (a ``.txt`` file saved from a browser)."""
    return bool(_HTML_DOCUMENT.match(text[:4096]))
