"""Read an HTML page into :class:`~cco_jobs.ingest.blocks.Block` lines in document order.

Walks the tree lxml builds (libxml2's forgiving HTML parser, the one bs4's ``"lxml"``
builder wraps): block elements, ``<br>`` and table rows end a line, inline elements
flow into it. We walk lxml's tree directly rather than bs4's because only lxml
records where each element starts (``sourceline``; bs4 fills ``Tag.sourceline`` only
for its html.parser and html5lib builders) and it is some twenty times faster.

Nothing visible is dropped: page chrome (navigation, cookie banners, menus, footers,
sidebars, "similar jobs") comes out as lines marked ``chrome=True``.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from .blocks import Block, split_bullet, split_emoji
from .chrome import find_content, is_chrome
from .normalise import clean_line

# Never visible: removed (keeping the text that follows them) before the walk.
_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
         "title", "meta", "link", "base", "param", "source", "track")
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "html", "head", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "option",
    "optgroup", "select", "legend", "menu", "textarea", "listing", "xmp", "plaintext", "frameset",
    "noframes", "search", "output", "label",
})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PREFORMATTED = frozenset({"pre", "listing", "xmp", "plaintext", "textarea"})
# A table cell holding any of these is page layout, not data: walk it as blocks.
_LAYOUT = frozenset({"table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
                     "section", "article", "header", "footer", "nav"})
MAX_CELL_CHARS = 300
MAX_DEPTH = 150  # deeper subtrees are read as one run of text (recursion stays bounded)


class _Ctx(NamedTuple):
    """What the text at a point of the tree is: inside a heading, a list item, chrome…"""

    level: int | None = None
    bullet: bool = False
    chrome: bool = False
    pre: bool = False
    bold: bool = False
    content: bool = False


def parse_html(html_text: str) -> Any:
    """The lxml tree of an HTML document or fragment, or ``None`` when libxml2 finds none."""
    from lxml import etree  # lazy: importing cco_jobs.ingest must stay cheap

    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                              no_network=True, huge_tree=True, recover=True)
    try:
        return etree.fromstring(html_text.encode("utf-8", "replace"), parser)
    except (etree.LxmlError, ValueError):
        return None


def read_html(html_text: str, *, root: Any = None) -> tuple[list[Block], dict[str, str]]:
    """Parse an HTML document or fragment; return its lines and what its ``<head>`` says.

    The metadata holds whichever of ``html_title``, ``og:title``, ``og:site_name``,
    ``lang`` and the JSON-LD ``JobPosting`` fields (``jsonld_title``, ``jsonld_company``,
    ``date_posted``, ``employment_type``, ``location``) the page has.

    ``root`` is ``html_text`` already parsed by :func:`parse_html`, when the caller has
    it (parsing is a tenth of the cost of reading a page). The tree is modified.
    """
    from lxml import etree

    if root is None:
        root = parse_html(html_text)
    if root is None:
        return [], {}
    from .page_meta import page_metadata

    meta = page_metadata(root)
    etree.strip_elements(root, *_DROP, with_tail=False)
    content, outside_is_chrome = find_content(root)
    reader = _Reader(content, outside_is_chrome)
    reader.walk(root, _Ctx(), 0)
    reader.flush()
    return reader.blocks, meta


class _Reader:
    def __init__(self, content: Any, outside_is_chrome: bool) -> None:
        self.blocks: list[Block] = []
        self._content = content
        self._protected = set(content.iterancestors()) | {content} if content is not None else set()
        self._outside_is_chrome = outside_is_chrome
        self._parts: list[str] = []
        self._ctx = _Ctx()
        self._line: int | None = None
        self._bold = self._plain = 0

    def walk(self, parent: Any, ctx: _Ctx, depth: int) -> None:
        for child in parent:
            tag = child.tag
            if isinstance(tag, str):
                self._element(child, tag.lower(), ctx, depth)
            tail = child.tail
            if tail:
                self._add(tail, ctx, child.sourceline)

    def _element(self, el: Any, name: str, ctx: _Ctx, depth: int) -> None:
        if name == "br":
            if ctx.level is not None:
                self._add(" ", ctx, el.sourceline)
            else:
                self.flush()
            return
        if name == "tr" and self._is_data_row(el):
            self.flush()
            self._row(el, ctx)
            return
        inner = self._context(el, name, ctx)
        block = name in _BLOCK or "-" in name or inner.chrome != ctx.chrome or inner.level != ctx.level
        if block:
            self.flush()
        text = el.text
        if text:
            self._add(text, inner, el.sourceline)
        if not len(el):
            pass  # no children (most elements): nothing to walk
        elif depth < MAX_DEPTH:
            self.walk(el, inner, depth + 1)
        else:  # pathologically deep: keep the text, give up on its structure
            for child in el:
                self._add("".join(child.itertext()) + (child.tail or ""), inner, el.sourceline)
        if block:
            self.flush()

    def _context(self, el: Any, name: str, ctx: _Ctx) -> _Ctx:
        level, bullet, chrome, pre, bold, content = ctx
        if name in _HEADINGS:
            level, bold = _HEADINGS[name], True
        elif name == "b" or name == "strong":
            bold = True
        elif name == "li":
            bullet = True
        elif name in _PREFORMATTED:
            pre = True
        if el is self._content:
            content = True
        if not chrome and el not in self._protected and is_chrome(el, name, content):
            chrome = True
        if (level, bullet, chrome, pre, bold, content) == ctx:
            return ctx  # most elements change nothing: no new _Ctx to build
        return _Ctx(level, bullet, chrome, pre, bold, content)

    def _add(self, text: str, ctx: _Ctx, line: int | None) -> None:
        size = len(text.strip())
        if not self._parts:
            if not size:
                return
            self._ctx, self._line = ctx, line
        self._parts.append(text)
        if ctx.bold:
            self._bold += size
        else:
            self._plain += size

    def flush(self) -> None:
        """End the current line (at a block boundary or ``<br>``)."""
        if not self._parts:
            return
        raw, ctx = "".join(self._parts), self._ctx
        chrome = ctx.chrome or (self._outside_is_chrome and not ctx.content)
        bold = self._plain == 0 and self._bold > 0
        pieces = raw.split("\n") if ctx.pre else [raw]
        for offset, piece in enumerate(pieces):
            text = clean_line(piece)
            if not text:
                continue
            bullet = ctx.bullet
            if ctx.level is None and not ctx.pre:
                text, marked = split_bullet(text)
                bullet = bullet or marked
                if ctx.bullet:  # "<li>✅ Own the NPS</li>": the emoji is the item's marker
                    text = split_emoji(text)[0]
            line = self._line + offset if self._line is not None and ctx.pre else self._line
            self.blocks.append(Block(text, line, is_heading=ctx.level is not None, level=ctx.level,
                                     is_bullet=bullet and ctx.level is None, chrome=chrome,
                                     verbatim=ctx.pre, bold=bold))
        self._parts = []
        self._bold = self._plain = 0

    def _is_data_row(self, tr: Any) -> bool:
        for cell in tr:
            if not isinstance(cell.tag, str):
                continue
            if len("".join(cell.itertext())) > MAX_CELL_CHARS:
                return False
            blocks = 0
            for el in cell.iterdescendants():
                tag = el.tag.lower() if isinstance(el.tag, str) else ""
                if tag in _LAYOUT:
                    return False
                blocks += tag in ("p", "div")
            if blocks > 1:
                return False
        return True

    def _row(self, tr: Any, ctx: _Ctx) -> None:
        """A data row: its cells' texts joined with `` | `` (empty cells left out)."""
        inner = self._context(tr, "tr", ctx)
        cells = [tr.text or ""]
        for cell in tr:
            if isinstance(cell.tag, str):
                cells.append(_spaced_text(cell))
            cells.append(cell.tail or "")
        text = " | ".join(c for c in map(clean_line, cells) if c)
        if text:
            chrome = inner.chrome or (self._outside_is_chrome and not inner.content)
            self.blocks.append(Block(text, tr.sourceline, chrome=chrome, verbatim=True))


def _spaced_text(el: Any) -> str:
    """An element's text with a space wherever a block boundary or ``<br>`` separated words."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            gap = " " if child.tag.lower() in _BLOCK or child.tag.lower() == "br" else ""
            parts += [gap, _spaced_text(child), gap]
        parts.append(child.tail or "")
    return "".join(parts)

