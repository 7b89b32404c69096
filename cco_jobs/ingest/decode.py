"""Turn a file's bytes into text, or say precisely why they are not a text posting.

Decoding goes through bs4's :class:`~bs4.dammit.UnicodeDammit` with an explicit order
of candidates, so the answer never depends on a statistical guess for ordinary files:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), or NUL bytes laid out like
   BOM-less UTF-16;
2. strict UTF-8 (valid UTF-8 with non-ASCII bytes is almost never anything else,
   whatever a page's ``<meta charset>`` claims);
3. UTF-8 with stray Windows-1252 bytes pasted in (``UnicodeDammit.detwingle``);
4. the encoding an HTML/XML document declares;
5. Windows-1252 (what "ISO-8859-1" and "ASCII" mean on the web), then Latin-1.

Latin-1 maps every byte, so "undecodable" means the result is full of C1 control
characters: bytes no supported encoding turns into text.
"""
from __future__ import annotations

import codecs
import re

from ..errors import PostingInputError
from .normalise import control_share, has_suspect_characters, is_blank, undecoded_share

# Signatures of common binary files people pass by mistake, to name them in the message.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "a program"),
)
# Browsers read these declared labels as Windows-1252 (WHATWG Encoding Standard).
_WEB_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252",
                "ascii": "windows-1252", "us-ascii": "windows-1252", "iso8859-1": "windows-1252"}
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")

#: Byte order marks (UTF-8, UTF-32 and UTF-16): bytes that start with one take the long way.
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

#: Above this share of control characters a text is binary; above it of C1/U+FFFD, undecodable.
MAX_CONTROL_SHARE = 0.10
MAX_UNDECODED_SHARE = 0.05


def decode_bytes(data: bytes, source: str, *, markup: bool = False) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    ``markup`` says the bytes are HTML, so a ``<meta charset>`` declaration counts.
    Raises :class:`PostingInputError` with reason ``empty``, ``binary`` or
    ``undecodable``.
    """
    if not data:
        raise PostingInputError(source, "empty", "file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise PostingInputError(source, "binary", f"file is binary ({what}), not a text posting")

    if not data.startswith(_BOMS) and b"\x00" not in data:
        # the common case, decoded as the general path below would decode it (no byte
        # order mark, no NUL, valid UTF-8: UnicodeDammit is told "utf-8" and decodes it
        # so), without importing bs4 for it: a tenth of a cold `cco-jobs analyse`
        try:
            return _checked(data.decode("utf-8"), source), "utf-8"
        except UnicodeDecodeError:
            pass

    from bs4.dammit import EncodingDetector, UnicodeDammit  # lazy: bs4 costs import time

    _, bom = EncodingDetector.strip_byte_order_mark(data)
    if bom is None and b"\x00" in data:
        bom = _bomless_utf16(data)
        if bom is None:
            raise PostingInputError(source, "binary", "file is binary (it contains NUL bytes)")
    if bom is not None:
        order = [bom]
    elif _is_utf8(data):
        order = ["utf-8"]
    else:
        mixed = _detwingled(data)
        if mixed is not None:
            return _checked(mixed, source), "utf-8+windows-1252"
        declared = EncodingDetector.find_declared_encoding(data, is_html=markup)
        order = [_WEB_ALIASES.get(declared.lower(), declared.lower())] if declared else []
        order += ["windows-1252", "latin-1"]
    dammit = UnicodeDammit(data, known_definite_encodings=order, smart_quotes_to=None, is_html=markup)
    if dammit.unicode_markup is None:
        raise PostingInputError(source, "undecodable", "no supported encoding decodes this file")
    return _checked(dammit.unicode_markup, source), (dammit.original_encoding or order[0]).lower()


def check_text(text: str, source: str) -> str:
    """Reject already-decoded text that is empty or binary; return it unchanged otherwise."""
    if "\x00" in text and control_share(text) > MAX_CONTROL_SHARE:
        raise PostingInputError(source, "binary", "text is binary (it contains NUL bytes)")
    return _checked(text, source)


def _checked(text: str, source: str) -> str:
    suspect = has_suspect_characters(text)  # when not, both shares below are 0
    if suspect and control_share(text) > MAX_CONTROL_SHARE:
        raise PostingInputError(source, "binary", "file is binary (mostly control characters)")
    if is_blank(text):
        raise PostingInputError(source, "empty", "file holds only white space" if text else "file is empty")
    if suspect and undecoded_share(text) > MAX_UNDECODED_SHARE:
        raise PostingInputError(
            source, "undecodable", "bytes that neither UTF-8, UTF-16 nor Windows-1252 decode as text"
        )
    return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detwingled(data: bytes) -> str | None:
    """Mostly-UTF-8 text with a few Windows-1252 bytes pasted in (smart quotes from Word).

    Only when the bytes hold real UTF-8 sequences, and only if the repaired bytes then
    decode as strict UTF-8: a Windows-1252 file that merely looks like it ("été" and a
    no-break space) fails that test and is decoded as Windows-1252.
    """
    if not _UTF8_MULTIBYTE.search(data):
        return None
    from bs4.dammit import UnicodeDammit

    try:
        return UnicodeDammit.detwingle(data).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM puts a NUL beside nearly every ASCII character, always on one side."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None
