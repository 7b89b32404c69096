"""Read a Word ``.docx`` draft into :class:`~cco_jobs.ingest.blocks.Block` lines with python-docx.

* Paragraph styles decide structure: ``Title`` and ``Heading 1-9`` (or a style based
  on one, or an outline level) are headings of that level; list styles and numbered
  paragraphs are bullets; a paragraph bold throughout is left for the common heading
  rules to judge.
* A data table becomes one line per row, the cells joined with `` | ``; a layout table
  (one column, long cells, lists or headings inside) is read cell by cell as paragraphs.
* Page headers and footers are kept as ``chrome`` lines (first and last), never
  requirements.
* Text is read from the XML so that tracked insertions, hyperlinks, content controls,
  fields and text boxes count, and deleted or hidden text does not.

python-docx is imported only when a ``.docx`` is read.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..errors import PostingInputError
from .blocks import Block, split_bullet
from .normalise import clean_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not the paragraph's own: deletions, text boxes (read on their
# own), the duplicate of a drawing for old readers, properties, field codes.
_NOT_TEXT = frozenset({_W + "del", _W + "moveFrom", _W + "txbxContent", _FALLBACK, _W + "pPr", _W + "rPr",
                       _W + "instrText", _W + "delText", _W + "footnoteReference", _W + "endnoteReference"})
# Elements that only wrap block content (content controls, tracked insertions).
_WRAPPERS = frozenset({_W + "sdt", _W + "sdtContent", _W + "ins", _W + "customXml", _W + "moveTo"})
_OFF = frozenset({"0", "false", "off", "none"})
# Word's Symbol and Wingdings bullets land in the Private Use Area.
_PUA_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓",
                              "\uf06f": "o", "\uf0a8": "•"})
#: Past this many characters a table cell is running text, so its table is page layout.
MAX_CELL_CHARS = 300


def read_docx(data: bytes, source: str) -> tuple[list[Block], dict[str, str]]:
    """Read a ``.docx`` file's bytes; return its lines and metadata (``meta_title``).

    Raises :class:`PostingInputError`: ``unsupported`` when python-docx is missing or
    the file is an old binary ``.doc``, ``unreadable`` when it is not a Word document.
    """
    try:
        import docx
    except ImportError:
        raise PostingInputError(source, "unsupported",
                                "reading .docx files needs python-docx (pip install python-docx)") from None
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise PostingInputError(source, "unsupported", "an old-style Word .doc file; save it as .docx or PDF")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a damaged zip or XML fails in many ways
        raise PostingInputError(source, "unreadable",
                                f"not a readable Word document ({type(exc).__name__})") from None
    reader = _Reader()
    blocks = list(reader.headers_footers(document, "header"))
    blocks += reader.walk(document.element.body, document._body, chrome=False)
    blocks += reader.headers_footers(document, "footer")
    meta: dict[str, str] = {}
    title = clean_line(document.core_properties.title or "")
    if title:
        meta["meta_title"] = title
    return blocks, meta


class _Reader:
    """Walks body, header and footer XML; python-docx resolves the styles."""

    def __init__(self) -> None:
        self._seen_chrome: set[str] = set()

    def headers_footers(self, document: Any, kind: str) -> Iterator[Block]:
        """Each distinct header (or footer) of each section, as chrome lines."""
        for section in document.sections:
            for part in (getattr(section, f"first_page_{kind}"), getattr(section, kind),
                         getattr(section, f"even_page_{kind}")):
                if part.is_linked_to_previous:  # no definition of its own
                    continue
                for block in self.walk(part._element, part, chrome=True):
                    if block.text not in self._seen_chrome:
                        self._seen_chrome.add(block.text)
                        yield block

    def walk(self, element: Any, container: Any, *, chrome: bool) -> list[Block]:
        """Paragraphs and tables under ``element`` in document order."""
        blocks: list[Block] = []
        for child in element:
            if child.tag == _W + "p":
                blocks += self._paragraph(child, container, chrome)
            elif child.tag == _W + "tbl":
                blocks += self._table(child, container, chrome)
            elif child.tag in _WRAPPERS:
                blocks += self.walk(child, container, chrome=chrome)
        return blocks

    def _paragraph(self, p: Any, container: Any, chrome: bool) -> list[Block]:
        from docx.text.paragraph import Paragraph

        paragraph = Paragraph(p, container)
        style = _style_chain(paragraph)
        level = _heading_level(p, style)
        listed = level is None and _is_list(p, style)
        bold = _is_bold(p, style)
        blocks = []
        for piece in paragraph_text(p).translate(_PUA_BULLETS).split("\n"):
            text = clean_line(piece)
            if not text:
                continue
            marked = False
            if level is None:
                text, marked = split_bullet(text)
            blocks.append(Block(text, is_heading=level is not None, level=level, is_bullet=listed or marked,
                                chrome=chrome, bold=bold))
        for box in p.iter(_W + "txbxContent"):  # text boxes anchored in the paragraph
            if not any(a.tag == _FALLBACK for a in box.iterancestors()):
                blocks += self.walk(box, container, chrome=chrome)
        return blocks

    def _table(self, tbl: Any, container: Any, chrome: bool) -> list[Block]:
        rows = [[tc for tc in _children(tr, _W + "tc")] for tr in _children(tbl, _W + "tr")]
        if _is_layout(rows):
            return [b for row in rows for tc in row for b in self.walk(tc, container, chrome=chrome)]
        blocks = []
        for row in rows:
            cells = (clean_line(" ".join(paragraph_text(p) for p in tc.iter(_W + "p"))) for tc in row)
            text = " | ".join(c for c in cells if c)  # empty and vertically merged cells left out
            if text:
                blocks.append(Block(text, chrome=chrome, verbatim=True))
        return blocks


def paragraph_text(p: Any) -> str:
    """The visible text of a ``<w:p>``: tabs as ``\\t``, line breaks as ``\\n``."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag in _NOT_TEXT or (tag == _W + "r" and _hidden(child)):
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab" or tag == _W + "ptab":
                parts.append("\t")
            elif tag == _W + "br" or tag == _W + "cr":
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and tracked changes."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _is_layout(rows: list[list[Any]]) -> bool:
    """A table used to lay out a page rather than to hold data."""
    if not rows or all(len(row) <= 1 for row in rows):
        return True
    for row in rows:
        for tc in row:
            paragraphs = list(tc.iter(_W + "p"))
            if next(tc.iter(_W + "tbl"), None) is not None or len(paragraphs) > 3:
                return True
            if sum(len(paragraph_text(p)) for p in paragraphs) > MAX_CELL_CHARS:
                return True
            if any(p.find(f"{_W}pPr/{_W}numPr") is not None for p in paragraphs):
                return True
    return False


def _style_chain(paragraph: Any) -> list[Any]:
    """The paragraph's style and the styles it is based on, nearest first."""
    chain = []
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):  # a style id the styles part lacks
        return chain
    while style is not None and len(chain) < 10:
        chain.append(style)
        style = style.base_style
    return chain


def _heading_level(p: Any, styles: list[Any]) -> int | None:
    for style in styles:
        name = (style.name or "").strip().lower()
        if name == "title":
            return 1
        if name.startswith("heading ") and name[8:].isdigit():
            return min(int(name[8:]), 6)
    for element in [p] + [s.element for s in styles]:
        outline = element.find(f"{_W}pPr/{_W}outlineLvl")
        value = outline.get(_W + "val") if outline is not None else None
        if value is not None and value.isdigit() and int(value) < 9:
            return min(int(value) + 1, 6)
    return None


def _is_list(p: Any, styles: list[Any]) -> bool:
    num = p.find(f"{_W}pPr/{_W}numPr/{_W}numId")
    if num is not None:
        return num.get(_W + "val") != "0"  # numId 0 switches numbering off
    for style in styles:
        if style.element.find(f"{_W}pPr/{_W}numPr") is not None:
            return True
        name = (style.name or "").lower()
        if name.startswith(("list paragraph", "list bullet", "list number")):
            return True
    return False


def _is_bold(p: Any, styles: list[Any]) -> bool:
    """Every run with text is bold (directly or through the paragraph style)."""
    style_bold = next((s.font.bold for s in styles if s.font.bold is not None), False)
    seen = False
    for run in p.iter(_W + "r"):
        if not "".join(t.text or "" for t in run.iter(_W + "t")).strip():
            continue
        seen = True
        b = run.find(f"{_W}rPr/{_W}b")
        bold = style_bold if b is None else b.get(_W + "val", "true").lower() not in _OFF
        if not bold:
            return False
    return seen


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true").lower() not in _OFF
