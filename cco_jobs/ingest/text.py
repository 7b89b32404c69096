"""Read plain text and Markdown into :class:`~cco_jobs.ingest.blocks.Block` lines.

One reader serves both: the formats differ only in that Markdown link, image, code and
inline-HTML syntax is reduced to its visible text, and fenced code is kept verbatim.
Headings (``#``, setext underlines, bold-only lines), list markers, emphasis and
pipe tables are read the same way in both, since scraped ``.txt`` files carry them too.
"""
from __future__ import annotations

import re

from .blocks import (Block, is_emoji_heading, is_marked_heading, is_numbered_heading, is_numbered_subheading,
                     list_number, looks_like_heading, split_bullet, split_emoji)
from .normalise import clean_line, unescape_entities

_ATX = re.compile(r"^#{1,6}(?=\s|$)\s*(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(?:={2,}|-{3,})\s*$")
_SEPARATOR_ONLY = re.compile(r"^[\s\-=*_~#+.•·|:<>]+$")   # rules, table separators: no words
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_FENCE = re.compile(r"^(?:```|~~~)")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s*\S+")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*:?$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+|[^@\s<>]+@[^@\s<>]+)>")
_INLINE_HTML = re.compile(r"</?(?:b|i|em|strong|u|span|sup|sub|a|br|small|mark|code|font)\b[^<>]*>", re.I)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_CODE = re.compile(r"`+([^`]+)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_QUOTE = re.compile(r"^(?:>\s?)+")
_TERMINAL = (".", "!", "?", ":", ";")
_SENTENCE_END = (".", "!", "?", ":")
#: A paragraph line this long continues on the next line when that starts in lower case.
MIN_WRAPPED_CHARS = 60


def read_text(text: str, *, markdown: bool = False) -> list[Block]:
    """Split normalised text into blocks, one per line of the file (wrapped lines joined)."""
    rows = text.split("\n")
    width = _wrap_width(rows)
    blocks: list[Block] = []
    in_fence = False
    joinable = False  # the previous row was text that a wrapped line may continue
    last_len = 0
    skip = -1
    for i, raw in enumerate(rows):
        if i == skip:
            continue
        stripped = raw.strip()
        if markdown and _FENCE.match(stripped):
            in_fence, joinable = not in_fence, False
            continue
        if in_fence:
            if stripped:
                blocks.append(Block(clean_line(raw), i + 1, verbatim=True))
            continue
        if not stripped or _SEPARATOR_ONLY.match(stripped) or (markdown and _LINK_DEFINITION.match(stripped)):
            joinable = False
            continue
        if markdown:
            stripped = _QUOTE.sub("", stripped).strip() or stripped
        block = _row_block(stripped, i + 1, markdown, rows)
        if block is None:
            joinable = False
            continue
        nxt = rows[i + 1].strip() if i + 1 < len(rows) else ""
        if (not block.is_heading and not block.is_bullet and not block.verbatim and _SETEXT.match(nxt)
                and len(block.text.split()) <= 15):
            block.is_heading, block.level = True, 1 if nxt.startswith("=") else 2
            skip = i + 1
        elif joinable and blocks and _continues(blocks[-1], raw, block, last_len, width):
            blocks[-1].text = f"{blocks[-1].text} {block.text}"
            blocks[-1].bold = False
            last_len = len(raw.rstrip())
            continue
        blocks.append(block)
        joinable = not (block.is_heading or block.verbatim)
        last_len = len(raw.rstrip())
    return _numbered_lists(blocks, rows)


def _numbered_lists(blocks: list[Block], rows: list[str]) -> list[Block]:
    """Demote a numbered heading ("2. Your impact") to a list item when it sits in a run
    of numbered lines counting up: the next line is the following number, or the line
    before is the preceding number and is not under a numbered heading of that number.

    This reads a table of contents ("1. About us", "2. The role", ...) and a duty that
    happens to be worded like a section ("1. Own the strategy", "2. Your impact", "3. Grow
    NPS") as the lists they are, while Word's numbered headings keep their sections,
    also after a numbered list ("2) Key responsibilities", "1) ...", "2) ...", "3) Skills").
    """
    numbers = [_list_number(block, rows) for block in blocks]
    last_heading = None  # the number of the last numbered heading kept
    for i, block in enumerate(blocks):
        number = numbers[i]
        if number is None or not block.is_heading:
            continue
        before = numbers[i - 1] if i else None
        after = numbers[i + 1] if i + 1 < len(blocks) else None
        if after == number + 1 or (before == number - 1 and last_heading != number - 1):
            block.text, block.is_bullet = split_bullet(block.text)
            block.is_heading = False
        else:
            last_heading = number
    return blocks


def _list_number(block: Block, rows: list[str]) -> int | None:
    """The number of a numbered list item or numbered heading ("2)" in "2) Key
    responsibilities"), read from its row since the reader dropped the marker of an item."""
    if block.source_line is None or not (block.is_bullet or (block.is_heading and block.level is None)):
        return None
    return list_number(rows[block.source_line - 1].strip())


#: A table cell longer than this is a paragraph: its line is no table row.
MAX_CELL_CHARS = 400


def _following(rows: list[str], i: int) -> tuple[str, bool]:
    """The next non-blank row after row ``i``, stripped (``""`` at the end), and whether
    it is indented under row ``i``."""
    for j in range(i + 1, len(rows)):  # no slice: a copy of the rest for every row is quadratic
        if rows[j].strip():
            return rows[j].strip(), _indent(rows[j]) > _indent(rows[i])
    return "", False


def _indent(row: str) -> int:
    """How far a row is indented (a tab counts as four spaces)."""
    return len(row.expandtabs(4)) - len(row.expandtabs(4).lstrip())


def _row_block(stripped: str, n: int, markdown: bool, rows: list[str] | None = None) -> Block | None:
    """The block of row ``n`` (1-based) of ``rows``, ``stripped``."""
    atx = _ATX.match(stripped)
    if atx:
        level = len(stripped) - len(stripped.lstrip("#"))
        text = _inline(atx.group(1), markdown)
        return Block(text, n, is_heading=True, level=level) if text else None
    if "|" in stripped and (stripped.startswith("|") or " | " in stripped):
        if _TABLE_SEPARATOR.match(stripped):
            return None
        cells = [_inline(cell, markdown) for cell in re.split(r"(?<!\\)\|", stripped)]
        if stripped.startswith("|") or max(map(len, cells)) <= MAX_CELL_CHARS:  # a Markdown row is a row
            text = " | ".join(cell for cell in cells if cell)
            return Block(text, n, verbatim=True) if text else None
        # a whole page scraped onto one line, "Salzburg | Vollzeit | Job-ID 1187" inside it:
        # not a table row, but text to split back into lines
    body, bullet = split_bullet(stripped)
    if bullet and is_numbered_heading(stripped):
        text = _inline(stripped, markdown)  # "2) Key responsibilities": a heading, number and all
        return Block(text, n, is_heading=True) if text else None
    if bullet and is_marked_heading(stripped):
        text = _inline(body, markdown)  # "■ Job Content": a heading, its mark dropped
        return Block(text, n, is_heading=True) if text else None
    # a numbered row only: what follows it is looked up for those alone
    if (bullet and rows and list_number(stripped) is not None
            and is_numbered_subheading(stripped, *_following(rows, n - 1))):
        text = _inline(stripped, markdown)  # "1. Outsourcing" over "- Lead the RFP ..."
        return Block(text, n, is_heading=True, subheading=True) if text else None
    emoji = ""
    if not bullet:  # "✅ 8+ years in support": an emoji as the list marker
        body, emoji = split_emoji(stripped)
        bullet = bool(emoji)
        if emoji and is_emoji_heading(stripped):
            text = _inline(body, markdown)  # "🚀 About us": a heading, its emoji dropped
            return Block(text, n, is_heading=True) if text else None
    bold = not bullet and bool(_BOLD_LINE.match(body))
    text = _inline(body, markdown)
    return Block(text, n, is_bullet=bullet, bold=bold, emoji=emoji) if text else None  # emoji: maybe a heading


def _inline(text: str, markdown: bool) -> str:
    """Reduce inline syntax to the text a reader sees; the order matters (links before emphasis)."""
    if markdown:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _INLINE_HTML.sub(" ", text)
        text = _CODE.sub(r"\1", text)
        text = _ESCAPE.sub(r"\1", text)
    if "*" in text or "_" in text or "~" in text:
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDERSCORE.sub(r"\1", text)
        text = _STRIKE.sub(r"\1", text)
    return clean_line(unescape_entities(text))


def _continues(prev: Block, raw: str, block: Block, last_len: int, width: int | None) -> bool:
    """Whether ``block`` is the wrapped tail of ``prev`` rather than a line of its own.

    Conservative: never after a heading or table row, never for a list item or
    heading-like line. Joined: an indented line under a list item; in a file
    hard-wrapped at ``width``, any line after one filled to the margin; otherwise a
    line starting in lower case after a long line that ends mid-sentence.
    """
    if block.is_bullet or block.is_heading or block.verbatim or prev.is_heading or prev.verbatim:
        return False
    if prev.is_bullet and raw[:1].isspace():
        return True
    if looks_like_heading(block):
        return False
    if width is not None and last_len + 1 + len(block.text.split(None, 1)[0]) > width - 3:
        return True  # the next word would not have fitted: the editor wrapped here
    return block.text[:1].islower() and last_len >= MIN_WRAPPED_CHARS and not prev.text.endswith(_SENTENCE_END)


def _wrap_width(rows: list[str]) -> int | None:
    """The margin a hard-wrapped file was filled to, or ``None`` when it is not hard-wrapped.

    Looks at "continued" lines: lines that run straight on into a line that is not a
    list item, without ending a sentence. In a wrapped file most of them end near one
    margin between 50 and 120 characters (the 90th percentile of their lengths).
    """
    continued = []
    for i in range(len(rows) - 1):
        line, nxt = rows[i].rstrip(), rows[i + 1].strip()
        if line and nxt and " | " not in line and not line.endswith(_TERMINAL) and not split_bullet(nxt)[1]:
            continued.append(len(line))
    if len(continued) < 3:
        return None
    continued.sort()
    width = continued[int(0.9 * (len(continued) - 1))]
    filled = sum(1 for n in continued if width - 12 <= n <= width + 2)
    # an editor's margin holds for the whole file: many lines far past it mean no margin
    # (a scrape's paragraphs and list items on one line each, with short key-fact lines
    # between, would otherwise pass for a wrapped file and have those lines glued on)
    lines = [len(row.rstrip()) for row in rows if row.strip() and " | " not in row]
    beyond = sum(1 for n in lines if n > width + 15)
    if beyond > max(2, len(lines) // 10):
        return None
    return width if 50 <= width <= 120 and filled >= max(3, len(continued) // 2) else None
