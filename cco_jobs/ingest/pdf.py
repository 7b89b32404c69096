"""Read a PDF posting into :class:`~cco_jobs.ingest.blocks.Block` lines with pdfminer.six.

pdfminer.six rather than pypdf because the layout is the point: it gives every text
line its box and font, from which we

1. drop page numbers and running headers and footers (the same text, digits aside, at
   the top or bottom of most pages);
2. read a two-column page (a gutter with running text on both sides) left column
   first; lines across the gutter (a title) keep their place above or below;
3. rebuild paragraphs and bullets: a line joins the one above when it is close below
   it, aligned with it, and the line above was full (the next word would not have
   fitted); a word hyphenated across lines is rejoined ("trans-" + "form");
4. make short lines in a larger font headings and mark bold ones for the heading rules.

A PDF with no text layer (a scan: images only) is refused with reason ``no_text``.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from ..errors import PostingInputError
from .blocks import Block, split_bullet
from .normalise import clean_line

#: Pages read at most: a posting is a few pages, and pdfminer is pure Python.
MAX_PAGES = 50
#: A line whose font is this much larger than the body text is a heading.
HEADING_SIZE_RATIO = 1.15
MAX_HEADING_WORDS = 15
#: Fragments of one line further apart than this many font sizes are cells, not words.
TABLE_GAP_EMS = 2.0
_FIXES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                        "\ufb05": "st", "\ufb06": "st", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢",
                        "\uf076": "❖", "\uf0fc": "✓", "\u2010": "-"})
_CID = re.compile(r"\(cid:\d+\)")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\W*(?:page|p\.|pg\.?|seite|pagina|página)?\s*\d{1,3}"
                          r"(?:\s*(?:of|/|sur|de|von)\s*\d{1,3})?\W*$", re.IGNORECASE)
_HYPHENATED = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"^\S+")


@dataclass(frozen=True)
class _Line:
    """One visual line of text (or a fragment of one) with its box in PDF points."""

    text: str
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    column: int = 0
    tabular: bool = False  # fragments far apart on one baseline: table cells or tab stops

    @property
    def char_width(self) -> float:
        return max((self.x1 - self.x0) / max(len(self.text), 1), 1.0)


def read_pdf(data: bytes, source: str) -> tuple[list[Block], dict[str, str]]:
    """Read a PDF's bytes; return its lines and metadata (``pages``, ``meta_title``).

    Raises :class:`PostingInputError`: ``no_text`` for a scanned PDF or one without
    text, ``unreadable`` for a damaged or password-protected file, ``unsupported``
    when pdfminer.six is missing.
    """
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams
    except ImportError:
        raise PostingInputError(source, "unsupported",
                                "reading PDF files needs pdfminer.six (pip install pdfminer.six)") from None
    pages: list[list[_Line]] = []
    sizes: list[tuple[float, float]] = []
    images = False
    try:
        for number, layout in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True),
                                                      maxpages=MAX_PAGES), start=1):
            lines, has_image = _page_lines(layout, number)
            pages.append(lines)
            sizes.append((layout.width, layout.height))
            images = images or has_image
        meta = _document_info(data)
    except Exception as exc:  # noqa: BLE001 - damaged PDFs fail in many ways inside pdfminer
        reason = "password-protected" if "password" in type(exc).__name__.lower() else type(exc).__name__
        raise PostingInputError(source, "unreadable", f"not a readable PDF ({reason})") from None
    if not any(pages):
        if images:
            raise PostingInputError(source, "no_text",
                                    "a scanned PDF with no text layer (only images); run OCR on it first")
        raise PostingInputError(source, "no_text", "the PDF has no text")
    pages = _drop_running_lines(pages, [h for _, h in sizes])
    rows = [row for lines, (width, _) in zip(pages, sizes) for row in _reading_order(lines, width)]
    meta["pages"] = str(len(pages))
    return _paragraphs(rows), meta


def _page_lines(layout: Any, number: int) -> tuple[list[_Line], bool]:
    """The page's text lines and whether it holds an image."""
    from pdfminer.layout import LTChar, LTImage, LTTextLineHorizontal

    lines, has_image = [], False
    stack = list(layout)
    while stack:
        item = stack.pop()
        if isinstance(item, LTImage):
            has_image = True
        elif isinstance(item, LTTextLineHorizontal):
            raw = _CID.sub("", item.get_text()).translate(_FIXES).rstrip()
            if raw.endswith("\u00ad"):  # a soft hyphen that broke the line: visible, so keep it
                raw = raw[:-1] + "-"
            text = clean_line(raw)
            chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
            if text and chars:
                bold = all(_BOLD_FONT.search(c.fontname or "") for c in chars)
                size = statistics.median(round(c.size, 1) for c in chars)
                lines.append(_Line(text, number, item.x0, item.y0, item.x1, item.y1, size, bold))
        elif hasattr(item, "__iter__"):  # text boxes, figures, groups
            stack.extend(item)
    return lines, has_image


def _document_info(data: bytes) -> dict[str, str]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in PDFDocument(PDFParser(io.BytesIO(data))).info:
        title = resolve1(info.get("Title"))
        title = clean_line(decode_text(title) if isinstance(title, bytes) else title if isinstance(title, str) else "")
        if title:
            return {"meta_title": title}
    return {}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.casefold()).split())


def _edges(lines: list[_Line], height: float) -> Iterator[tuple[str, _Line]]:
    """Lines on the top two and bottom two baselines of a page, with their side."""
    tops = sorted({round(line.y0) for line in lines}, reverse=True)
    for line in lines:
        rank = tops.index(round(line.y0))
        if rank < 2 and line.y0 > height / 2:
            yield "top", line
        elif rank >= len(tops) - 2 and line.y1 < height / 2:
            yield "bottom", line


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> list[list[_Line]]:
    """Remove page numbers, and headers and footers repeated on most pages."""
    seen: dict[tuple[str, str], set[int]] = {}
    for lines, height in zip(pages, heights):
        for side, line in _edges(lines, height):
            seen.setdefault((side, _norm(line.text)), set()).add(line.page)
    needed = max(2, (len(pages) + 1) // 2)
    drop: set[_Line] = set()
    for lines, height in zip(pages, heights):
        for side, line in _edges(lines, height):
            if _PAGE_NUMBER.match(line.text) or len(seen[(side, _norm(line.text))]) >= needed:
                drop.add(line)
    return [[line for line in lines if line not in drop] for lines in pages]


def _rows(lines: list[_Line]) -> list[_Line]:
    """Merge fragments that share a baseline (tab stops, wide justified gaps) into one line."""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda item: (-item.y1, item.x0)):
        if rows and _same_row(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda item: item.x0)
        # a list marker set apart from its text by a tab is not a table cell
        cells = row[1:] if len(row) > 1 and len(row[0].text) <= 2 else row
        tabular = any(b.x0 - a.x1 > TABLE_GAP_EMS * a.size for a, b in pairwise(cells))
        merged.append(replace(row[0], text=" ".join(item.text for item in row), x1=max(i.x1 for i in row),
                              y0=min(i.y0 for i in row), y1=max(i.y1 for i in row),
                              size=max(i.size for i in row), bold=all(i.bold for i in row), tabular=tabular))
    return merged


def _same_row(a: _Line, b: _Line) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap > 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)


def _reading_order(lines: list[_Line], width: float) -> list[_Line]:
    """A page's rows top to bottom, the left column before the right on two-column pages."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return _rows(lines)
    ordered: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for line in sorted(lines, key=lambda item: -item.y1):
        if line.x1 <= gutter:
            left.append(replace(line, column=1))
        elif line.x0 >= gutter:
            right.append(replace(line, column=2))
        else:  # spans both columns: what came before it is finished
            ordered += _rows(left) + _rows(right) + [line]
            left, right = [], []
    return ordered + _rows(left) + _rows(right)


def _gutter(lines: list[_Line], width: float) -> float | None:
    """The x of the gap between two columns of running text, or ``None``."""
    best, best_score = None, 0
    for x in sorted({round(line.x0) for line in lines if 0.25 * width < line.x0 < 0.75 * width}):
        gutter = x - 1.0
        left = _rows([line for line in lines if line.x1 <= gutter])
        right = _rows([line for line in lines if line.x0 >= gutter])
        crossing = len(lines) - sum(1 for line in lines if line.x1 <= gutter or line.x0 >= gutter)
        if len(left) < 3 or len(right) < 3 or crossing > 0.25 * len(lines):
            continue
        if not (_running_text(left) and _running_text(right)):
            continue  # short labels beside values: a table, read row by row
        score = min(len(left), len(right))
        if score > best_score:
            best, best_score = gutter, score
    return best


def _running_text(rows: list[_Line]) -> bool:
    """Many rows reach the column's right edge, as wrapped paragraphs do."""
    right = max(row.x1 for row in rows)
    span = right - min(row.x0 for row in rows)
    full = sum(1 for row in rows if row.x1 >= right - 0.15 * span)
    return full >= 2 and full >= 0.4 * len(rows)


def _paragraphs(rows: list[_Line]) -> list[Block]:
    """Join visual lines into paragraphs and bullets; a short block in a larger font is a heading."""
    weight: Counter[float] = Counter()
    for row in rows:
        weight[row.size] += len(row.text)
    body = weight.most_common(1)[0][0]
    larger = sorted({size for size in weight if size >= body * HEADING_SIZE_RATIO}, reverse=True)
    levels = {size: min(i + 1, 6) for i, size in enumerate(larger)}
    right_edge: dict[tuple[int, int], float] = {}
    for row in rows:
        right_edge[row.page, row.column] = max(right_edge.get((row.page, row.column), 0.0), row.x1)
    vocabulary = {w.strip(".,;:()").casefold() for row in rows for w in row.text.split()}
    max_gap = _max_line_gap(rows, right_edge)
    blocks: list[Block] = []
    prev = start = rows[0]
    for row in rows:
        level = levels.get(row.size)
        text, bullet = split_bullet(row.text) if level is None else (row.text, False)
        if blocks and not bullet and _continues(prev, row, start, blocks[-1].is_bullet,
                                                right_edge[prev.page, prev.column], max_gap):
            blocks[-1].text = _join(blocks[-1].text, text, vocabulary)
        else:
            blocks.append(Block(text, is_heading=level is not None, level=level, is_bullet=bullet,
                                bold=row.bold and level is None))
            start = row
        prev = row
    for block in blocks:  # a paragraph set in a larger font (an introduction) is no heading
        if block.is_heading and (len(block.text.split()) > MAX_HEADING_WORDS or block.text.endswith(".")):
            block.is_heading, block.level = False, None
    return blocks


def _max_line_gap(rows: list[_Line], right_edge: dict[tuple[int, int], float]) -> float:
    """The widest gap (in font sizes) between lines of one paragraph: more than the gap
    under a full line (one that wrapped) usually is, so double spacing still joins."""
    gaps = [(prev.y0 - row.y1) / prev.size for prev, row in pairwise(rows)
            if (prev.page, prev.column) == (row.page, row.column) and prev.size == row.size
            and not prev.tabular and not row.tabular
            and right_edge[(prev.page, prev.column)] - prev.x1 < 3 * prev.char_width]
    return max(0.7, 1.3 * statistics.median(gaps)) if gaps else 0.7


def _continues(prev: _Line, row: _Line, start: _Line, in_bullet: bool, right_edge: float,
               max_gap: float) -> bool:
    """Whether ``row`` carries on the paragraph whose last line is ``prev``."""
    if row.bold != prev.bold or abs(row.size - prev.size) > 0.5 or prev.tabular or row.tabular:
        return False
    hyphenated = bool(_HYPHENATED.search(prev.text)) and row.text[:1].islower()
    if (row.page, row.column) != (prev.page, prev.column):  # flows on in the next column or page
        return hyphenated or (row.text[:1].islower() and not prev.text.endswith((".", ":", "!", "?")))
    gap = prev.y0 - row.y1
    if gap < -0.5 * prev.size or gap > max_gap * prev.size:
        return False
    char = prev.char_width
    if in_bullet:
        aligned = row.x0 >= start.x0 - char
    else:
        aligned = abs(row.x0 - prev.x0) <= 2 * char or (prev is start and row.x0 < prev.x0)
    if not aligned:
        return False
    if hyphenated:
        return True
    # The line above ended early though the next word would have fitted: a deliberate break.
    first_word = _FIRST_WORD.match(row.text)
    return first_word is not None and right_edge - prev.x1 < (len(first_word.group(0)) + 2) * char


def _join(before: str, after: str, vocabulary: set[str]) -> str:
    """Join two lines of a paragraph, rejoining a word hyphenated across them.

    "trans-" + "form…" gives "transform…"; the hyphen stays where the hyphenated form
    occurs elsewhere in the document and the joined one does not ("customer-" + "facing").
    """
    match = _HYPHENATED.search(before)
    if match is None or not after[:1].isalnum():
        return f"{before} {after}"
    if not after[:1].islower():  # "Anglo-" + "Saxon", "2019-" + "2024"
        return before + after
    head = match.group(1).casefold()
    tail = after.split()[0].strip(".,;:()").casefold()
    keep = f"{head}-{tail}" in vocabulary and f"{head}{tail}" not in vocabulary
    return before + after if keep else before[:-1] + after
