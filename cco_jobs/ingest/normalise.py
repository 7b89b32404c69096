"""Character-level clean-up shared by every reader.

Two levels: :func:`normalise_document` runs once on the decoded document (line
endings, characters no reader should ever see) and :func:`clean_line` on each line's
text (spaces, invisible characters, Unicode composition). Keeping line numbers stable
matters for ``Line.source_line``, so the document pass never adds or removes a line
break except where the text format itself says one is there.
"""
from __future__ import annotations

import html
import re
import unicodedata

# Characters that are invisible on the page but split or glue words for a tokenizer:
# zero-width spaces and joiners, word joiner, BOM, soft hyphen, bidi marks.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Every Unicode space separator (NBSP, narrow NBSP, figure space, em space...) reads as
# a plain space; spaCy also stops caching after \xa0 (TARGETS.md), so it must go.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"

_LINE_TABLE = {ord(c): None for c in _INVISIBLE} | {ord(c): " " for c in _SPACES}
# Any character _LINE_TABLE changes. Translating with a dict looks up every character in
# Python, so clean_line first checks (in C) whether there is anything to translate.
_TRANSLATED = re.compile(f"[{_INVISIBLE}{_SPACES}]")

# C0 controls other than tab/newline/CR/FF/VT, DEL, C1 controls, lone surrogates and
# noncharacters: never text, and lxml rejects several of them.
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# The noncharacters beyond U+FFFF are removed one by one: in _JUNK's character class
# they would stop re from using its lookup table, and scanning a page would take three
# times as long. ``in`` answers at once for text with no character beyond U+FFFF.
_ASTRAL_JUNK = ("\U0001fffe", "\U0001ffff", "\U0010fffe", "\U0010ffff")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_C1 = re.compile("[\x80-\x9f\ufffd]")
_CONTROL_OR_C1 = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ufffd]")
_TEXT_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_VISIBLE = re.compile(f"[^\\s{_INVISIBLE}{_SPACES}\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def has_suspect_characters(text: str) -> bool:
    """Whether :func:`control_share` or :func:`undecoded_share` could be above zero.

    One scan of the text, where asking both would take two; almost no text has any.
    """
    return _CONTROL_OR_C1.search(text) is not None


def control_share(text: str) -> float:
    """Share of C0 control characters (tab and line breaks excepted) among non-space characters."""
    if not _CONTROL.search(text):
        return 0.0
    bad = len(_CONTROL.findall(text))
    visible = len(text) - sum(text.count(c) for c in " \t\n\r")
    return bad / visible if visible else 0.0


def undecoded_share(text: str) -> float:
    """Share of C1 controls and U+FFFD among non-space characters: bytes no encoding explained."""
    if not _C1.search(text):
        return 0.0
    bad = len(_C1.findall(text))
    visible = len(text) - sum(text.count(c) for c in " \t\n\r")
    return bad / visible if visible else 0.0


def normalise_document(text: str, *, html_markup: bool = False) -> str:
    """Normalise line endings and drop characters that are never text.

    For plain text and Markdown, Unicode line and paragraph separators and form feeds
    are line breaks (as ``str.splitlines`` has them). In HTML they are mere white
    space, and converting them would shift every ``source_line`` after them.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if html_markup:
        # libxml2 rejects vertical tab and form feed; in HTML they are only white space.
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", " ").replace("\x0c", " ")
    else:
        text = _TEXT_BREAKS.sub("\n", text)
    text = _JUNK.sub("", text)
    for char in _ASTRAL_JUNK:
        if char in text:
            text = text.replace(char, "")
    return text


def unescape_entities(text: str) -> str:
    """Decode complete HTML entities (``&amp;``, ``&#8217;``) in plain text or Markdown.

    Only entities closed by ``;`` are decoded, so ``AT&T`` and ``R&D`` stay as written.
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def clean_line(text: str) -> str:
    """One line's text as it reads: NFC, one plain space between words, no invisible characters."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # Most lines are already clean: every invisible character and every white space
        # but the plain space is unprintable, so there is nothing to drop or collapse,
        # and composing (NFC) never makes white space.
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if not text.isascii():  # ASCII has no invisible characters and nothing to compose
        if _TRANSLATED.search(text):
            text = text.translate(_LINE_TABLE)
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing visible once invisible characters are dropped."""
    return _VISIBLE.search(text) is None

