"""Turn a reader's blocks into the :class:`~cco_jobs.posting.Posting` everyone else sees:
split glued lines, promote heading-like lines, assign sections, find title and company."""
from __future__ import annotations

import re

from ..errors import PostingInputError
from ..posting import Line, Posting
from .blocks import (Block, has_words, heading_text, is_emoji_heading_between, list_number, looks_like_heading,
                     marker_kind, reads_like_a_job, split_bullet)
from .chrome import is_chrome_line
from .sections import known_section, names_terms, section_key
from .split import split_blocks
from .titles import find_title_and_company

# "Quillfeather Analytics - " before the title on a title line.
_LEADING_PART = re.compile(r"^[^|–—-]{2,60}?\s+[|–—-]\s+")
# What a page's footer says below a "Terms and Conditions" link: no terms of employment.
_FOOTER = re.compile(
    r"privacy|cookie|©|\(c\)\s*\d|copyright|all rights reserved|terms of (?:use|service)|legal notice|site ?map"
    r"|accessibility statement|modern slavery|imprint|impressum|disclaimer",
    re.I,
)
#: A posting needs at least this many words of two or more letters outside page chrome.
MIN_POSTING_WORDS = 3


def build_posting(blocks: list[Block], *, source: str, fmt: str, metadata: dict[str, str]) -> Posting:
    """Assemble the posting; raise ``not_a_posting`` when no line reads as text.

    The check is deliberately weak so that it never rejects a real short posting:
    outside page chrome there must be at least :data:`MIN_POSTING_WORDS` words of two
    or more letters (so "1234", "----", "!!!" or "OK" alone are rejected), and one of
    them a word job postings use (:func:`.blocks.reads_like_a_job`: so a shopping list
    or lorem ipsum is rejected, "CCO wanted: own NPS" is not).
    """
    blocks = split_blocks(blocks)
    for block in blocks:
        # "Apply now", "Sign in", a cookie notice: in pasted text too (a heading by markup,
        # such as "Similar jobs", stays one: it starts the section of what follows)
        if not (block.chrome or block.verbatim or block.is_heading) and is_chrome_line(block.text):
            block.chrome = True
    for i, block in enumerate(blocks):
        # a numbered sub-section's heading is a list's first item too
        before_list = i + 1 < len(blocks) and (blocks[i + 1].is_bullet or blocks[i + 1].subheading)
        if not block.is_heading and not block.chrome and looks_like_heading(block, before_list=before_list):
            block.is_heading = True
    for i, block in enumerate(blocks):  # after the headings above are known: "🎯 Why this role exists"
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.emoji and not block.is_heading and is_emoji_heading_between(blocks[i - 1] if i else None,
                                                                             block, after):
            block.is_heading, block.is_bullet = True, False
    if not has_words(blocks, MIN_POSTING_WORDS) or not reads_like_a_job(blocks):
        raise PostingInputError(source, "not_a_posting", "no line of text that reads like a job posting")
    title, company = find_title_and_company(blocks, metadata)
    _mark_title_line(blocks, title)
    return Posting(lines=_lines(blocks, title), source=source, format=fmt, title=title, company=company,
                   metadata=metadata)


def _mark_title_line(blocks: list[Block], title: str | None) -> None:
    """In plain text the title is just a line near the top; it is a heading all the same."""
    if not title:
        return
    early = [b for b in blocks[:30] if not b.chrome and not b.is_bullet and not b.verbatim][:15]
    for block in early:
        if _names_title(block.text, title):
            block.is_heading = True
            return


def _lines(blocks: list[Block], title: str | None) -> list[Line]:
    """Number the lines and give each the section of the nearest heading above it.

    Chrome headings ("Similar jobs") and the title heading start no section. Unknown
    headings start ``"other"``, except sub-headings, which keep the section they are in
    and only change ``heading``: see :func:`_is_subheading`. So does "Terms and
    Conditions" with only footer lines under it: page furniture, not terms of employment.
    A role profile's named parts that are neither duties nor requirements ("Key
    relationships", "Delegated authority", "Physical demands": ``known_section`` gives
    ``"other"``) start ``"other"`` even as sub-headings; an unknown heading marked up at
    their level or above returns to the section they interrupted. Rows of a table headed by pay words are
    ``"compensation"``; a line that opens with a duties or requirements heading and a
    sentence is read in that section (:func:`_lead_in_section`).
    """
    lines: list[Line] = []
    section, heading, section_level = "header", None, None
    # the section a role-profile part broke into, its level, and the part's heading level
    interrupted: tuple[str, int | None, int | None] | None = None
    started = False
    pay_table = False  # inside a table whose header row names pay: a grade or salary table
    row_cells = 0  # how many cells the line before had (0: not a table row)
    for i, block in enumerate(blocks):
        text = heading_text(block.text) if block.is_heading else block.text
        cells = text.count(TABLE_CELL_SEP) + 1 if not block.is_heading and TABLE_CELL_SEP in text else 0
        if cells and cells != row_cells:  # the first row of a table (or of one of another width)
            # a header row naming pay, over a row of figures as wide as it (a site's menu
            # bar with a "Salary Guide" link is a single row; a table of another width
            # right after the pay table is another table: "Reports to | COO")
            after = blocks[i + 1].text if i + 1 < len(blocks) and not blocks[i + 1].is_heading else ""
            pay_table = (bool(_PAY_HEADER.search(text)) and not any(ch.isdigit() for ch in text)
                         and after.count(TABLE_CELL_SEP) + 1 == cells and any(ch.isdigit() for ch in after))
        elif not cells:
            pay_table = False
        row_cells = cells
        if block.is_heading and not block.chrome:
            if not started and title and _names_title(text, title):
                pass
            else:
                sub = block.subheading and _within_section(text, heading)
                key = section_key(text)
                named_other = key == "other" and known_section(text) == "other"
                if sub:
                    pass  # "(6) Organization" among a CFO's duties: still the duties
                elif block.subheading:  # numbered like its section's heading, or naming one
                    section, section_level, interrupted = key, block.level, None
                elif key == "benefits" and names_terms(text) and _only_footer_follows(blocks, i):
                    section, section_level = "other", block.level  # a footer's "Terms and Conditions" link
                elif named_other:  # "Key relationships" inside the duties: a part of its own
                    if section not in ("header", "other") and _is_subheading(block, section, section_level):
                        interrupted = (section, section_level, block.level)
                    section, section_level = "other", (block.level if interrupted is None else section_level)
                elif (key == "other" and interrupted is not None and block.level is not None
                      and interrupted[2] is not None and block.level <= interrupted[2]):
                    # a sibling after it ("<h3>Operations</h3>" after "<h3>Key relationships</h3>"):
                    # the duties again; one under it ("Internal", "External") stays in its part
                    section, section_level = interrupted[:2]
                    interrupted = None
                elif key != "other" or not _is_subheading(block, section, section_level):
                    section, section_level, interrupted = key, block.level, None
                if not sub or heading is None:
                    # the lines under a numbered sub-section ("1. Outsourcing") keep the
                    # heading of their section ("Job Content"): the sub-section's title is
                    # a heading line of its own, not what the lines are listed under
                    heading = text
                started = True
        own_section, own_heading = section, heading
        if not block.is_heading and not block.chrome and (lead := _lead_in_section(text)):
            # "Key Responsibilities: Own the budget...": the line stays whole (its author
            # wrote one line) and is read in the section it names; the lines after it stay
            # where they were (a field such as "Key Skills: ..." in a block of fields
            # starts no section)
            own_section, own_heading = lead
        lines.append(Line(n=len(lines) + 1, text=text, section="compensation" if pay_table else own_section,
                          heading=own_heading,
                          is_heading=block.is_heading, is_bullet=block.is_bullet, chrome=block.chrome,
                          source_line=block.source_line))
    return lines


_SECTION_LEAD_IN = re.compile(r"^([^:\n]{2,40}?)\s*:\s+(\S.*)$")
#: Sections a line can open with its own first words: the duties and the requirements,
#: where a scrape or an author puts the heading and the first item on one line. Field
#: lines such as "Salary: ..." or "Education: ..." stay in the block they sit in, and so
#: does "Overview: Acme is a FTSE 250 insurer..." (a summary as often describes the company).
_LEAD_IN_SECTIONS = frozenset({"responsibilities", "qualifications"})


def _lead_in_section(text: str) -> tuple[str, str] | None:
    """``(section, heading)`` when a line opens with a known heading, a colon and a
    sentence of five words or more ("Role Purpose: The VP leads ..."), else ``None``."""
    match = _SECTION_LEAD_IN.match(text)
    if not match or len(match.group(2).split()) < 5:
        return None
    key = known_section(match.group(1))
    return (key, match.group(1).strip()) if key in _LEAD_IN_SECTIONS else None


#: How a table row's cells are joined (HTML tables, pipe tables, the corpus's rows).
TABLE_CELL_SEP = " | "
#: A table header row that names pay: the rows under it are a grade or salary table
#: (GUIDELINES.md: "a salary or grade row" is context), whatever section it sits in.
#: ("Band", "Scale", "Minimum" and "Range" head dimensions and KPI tables as often.)
_PAY_HEADER = re.compile(r"\b(?:grade|salary|salaries|pay|compensation|remuneration|ctc|salaire)\b", re.I)


def _only_footer_follows(blocks: list[Block], at: int) -> bool:
    """Whether only footer lines (privacy, cookies, ©) and page chrome follow the heading
    at ``at``: up to the end of the page, or up to the next heading when there are some."""
    footer = False
    for block in blocks[at + 1:]:
        if block.chrome:
            continue
        if block.is_heading:
            return footer
        if not _FOOTER.search(block.text):
            return False
        footer = True
    return True


def _within_section(text: str, heading: str | None) -> bool:
    """Whether a numbered sub-section title (:attr:`Block.subheading`) stays in the section
    it is in: unless its own words name a section, or it carries on the numbering of that
    section's heading, a sibling of it ("3. Application Conditions" after "2. Position
    Grade / Treatment"; "1. Operational performance (30%)" under "2. KEY
    ACCOUNTABILITIES" starts a list of its own)."""
    if known_section(split_bullet(text)[0]) is not None:
        return False
    if heading is None or marker_kind(heading) != marker_kind(text):
        return True
    before, number = list_number(heading), list_number(text)
    return before is None or number != before + 1


def _is_subheading(block: Block, section: str, section_level: int | None) -> bool:
    """An unknown heading inside a known section: one markup level below the section's
    heading (``<h3>Strategy</h3>`` under ``<h2>Responsibilities</h2>``), or a heading
    with no markup at all ("Strategy:" or a bold line), which in practice labels a group
    of bullets within the section rather than a new part of the posting."""
    if section in ("header", "other"):
        return False
    if block.level is None:
        return True
    return section_level is not None and block.level > section_level


def _names_title(text: str, title: str) -> bool:
    """Whether a line states the title, alone or with more around it: "Chief Customer
    Officer (Remote)", "Quillfeather Analytics - VP of Customer Success" (the company first)."""
    text, title = text.casefold(), title.casefold()
    if (lead := _LEADING_PART.match(text)) and text[lead.end():].startswith(title):
        text = text[lead.end():]
    if text == title:
        return True
    # "Chief Customer Officer responsibilities" is a section of the page, not its title;
    # "Chief Customer Officer - Company Car + Bonus" is the title's line
    rest = text[len(title):].strip(" :-–—|")
    return text.startswith(title) and len(text) <= len(title) + 60 and not (rest and _names_part(rest))


def _names_part(rest: str) -> bool:
    """Whether what follows the title on a line is a heading's wording ("responsibilities",
    "requirements and skills", "job overview"), not "job description" (the page itself)."""
    if _DESCRIPTION.fullmatch(rest):
        return False
    if rest.casefold().split()[0] in {"job", "role", "position"}:  # "... job overview", "... job profile"
        return section_key(rest) != "other"
    return known_section(rest) is not None or known_section(rest.split()[0]) in {"responsibilities", "qualifications"}


#: What a template page's title line says after the role: it names the page, not a part of it
#: ("Chief Client Officer job description" is the title's line, "... job overview" a part).
_DESCRIPTION = re.compile(r"(?:job |role |position )?description(?: template| sample| example)?", re.I)
