"""Split run-together scraped text back into lines.

Scrapers that take ``get_text()`` without a separator glue blocks together. We undo
the four patterns that can be undone without guessing:

* ``"…a supervisory position.The Chief Customer Officer…"``: a sentence end with no
  space before a capitalised word (not after abbreviations, initials, URLs, e-mails,
  decimals: ``U.S.``, ``e.g.``, ``Inc.``, ``No.``, ``£1.2m``, ``v2.0``);
* ``"Key Responsibilities:Manage a robust…"`` and ``"Key ResponsibilitiesManage…"``: a
  known section heading (see :func:`~cco_jobs.ingest.sections.known_section`) fused to
  the first line of its section;
* ``" • "``-separated runs of bullets in one long paragraph, and long runs of
  capitalised items separated by ``" - "``;
* a bullet with no full stop glued to the next one (``"…the NPS scorecardLead the…"``),
  only where the glued word is one that commonly opens a bullet.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Block
from .sections import known_section

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=[^\W\d_]{2})")
_GLYPHS = re.compile(r"\s*[•●▪◦‣■►➢➤✓✔]\s*")
_DASH = re.compile(r"\s[-–—]\s(?=[^\W\d_])")
_COLON_HEADING = re.compile(r"^([^:\n]{2,60}?)\s*:(?=[^\s\d/])")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_URLISH = re.compile(r"://|www\.|@|\.(?:com|org|net|io|co|uk|fr|de|gov|edu|ai|app|dev|eu|ca|au)\b", re.I)
_ABBREVIATIONS = frozenset("""
    inc ltd co corp plc llc llp no nos nr vs etc approx dept est mr mrs ms dr prof st jr sr fig ref cf al
    incl excl min max avg govt mgr tel ext jan feb mar apr jun jul aug sep sept oct nov dec p pp vol ed
    rev gen hon mt ft ave blvd rd ste cie mme mlle av bd resp yr yrs hrs wk mo
""".split())
# Words that open bullets and sentences in postings; a glued one marks a lost line break.
# Two-letter words and nouns that end brand names ("LinkedIn", "WeWork") are left out.
_GLUE_WORDS = frozenset("""
    Lead Leading Manage Managing Own Owning Build Building Drive Driving Develop Developing Define Defining
    Deliver Delivering Partner Partnering Create Creating Ensure Ensuring Oversee Overseeing Set Setting
    Shape Shaping Champion Championing Establish Establishing Design Designing Implement Implementing
    Collaborate Collaborating Grow Growing Bring Bringing Break Breaking Keep Keeping Represent
    Representing Provide Providing Identify Identifying Translate Translating Embed Embedding Improve
    Improving Reduce Reducing Monitor Monitoring Coach Coaching Mentor Mentoring Hire Hiring Prepare
    Present Presenting Advocate Influence Influencing Align Aligning Foster Fostering Transform
    Transforming Direct Directing Oversee Experience Proven Strong Excellent Demonstrated Deep Solid
    Significant Extensive Ability Degree Bachelor Background Knowledge Understanding Familiarity
    Comfortable Fluent Fluency Exceptional Outstanding Minimum Competitive Generous Private Pension
    Hybrid Flexible Annual Discounts Paid Holiday The This Our You Your They Please Apply Reporting
""".split())
MIN_BULLET_RUN_CHARS = 100
MIN_DASH_RUN_CHARS = 150


def split_blocks(blocks: list[Block]) -> list[Block]:
    """Split every block that holds several glued lines; others pass through unchanged."""
    out: list[Block] = []
    for block in blocks:
        if block.verbatim or len(block.text) < 6:
            out.append(block)
        else:
            out.extend(split_block(block))
    return out


def split_block(block: Block) -> list[Block]:
    """The lines glued into ``block``: the first keeps its flags, bullet pieces are bullets."""
    pieces = [(block.text, block.is_bullet, block.is_heading)]
    for step in (_bullet_runs, _sentences, _fused_heading, _glued_words):
        pieces = [new for piece in pieces for new in step(*piece)]
    if len(pieces) == 1:
        return [block]
    return [
        replace(block, text=text, is_bullet=bullet, is_heading=heading,
                level=block.level if heading else None, bold=block.bold and heading)
        for text, bullet, heading in pieces
    ]


Piece = tuple[str, bool, bool]


def _bullet_runs(text: str, bullet: bool, heading: bool) -> list[Piece]:
    parts = _GLYPHS.split(text)
    if len(parts) > 1:
        items = [p for p in parts[1:] if p.strip()]
        long_items = sum(len(p.split()) >= 4 for p in parts)
        if items and (bullet or (len(text) >= MIN_BULLET_RUN_CHARS and long_items >= 2)):
            head = [(parts[0], bullet, heading)] if parts[0].strip() else []
            return head + [(p, True, False) for p in items]
    if len(text) >= MIN_DASH_RUN_CHARS:
        cuts = [m for m in _DASH.finditer(text) if text[m.end()].isupper()]
        if len(cuts) >= 2:
            bounds = [0] + [m.start() for m in cuts] + [len(text)]
            starts = [0] + [m.end() for m in cuts]
            items = [text[s:e].strip() for s, e in zip(starts, bounds[1:])]
            if all(len(item.split()) >= 3 for item in items):
                return [(items[0], bullet, heading)] + [(item, True, False) for item in items[1:]]
    return [(text, bullet, heading)]


def _sentences(text: str, bullet: bool, heading: bool) -> list[Piece]:
    cuts = [m.end() for m in _SENTENCE_END.finditer(text) if _is_sentence_glue(text, m.start(), m.end())]
    return _cut(text, cuts, bullet, heading)


def _is_sentence_glue(text: str, start: int, end: int) -> bool:
    if start == 0 or text[start - 1].isspace():
        return False
    if not (text[end].isupper() and text[end + 1].islower()):
        return False  # "v2.Release" is rare; "1.2m", "U.S.A", "e.g.CRM" are not sentence ends
    before = text[:start].rsplit(None, 1)[-1]
    word = before.strip("([\"'“‘").lower()
    if "." in before or "/" in before or word in _ABBREVIATIONS or len(word) < 2:
        return False
    token_end = len(text) if (space := text.find(" ", end)) < 0 else space
    return not _URLISH.search(before + text[start:token_end])


def _fused_heading(text: str, bullet: bool, heading: bool) -> list[Piece]:
    match = _COLON_HEADING.match(text)
    if match and known_section(match.group(1)):
        return [(match.group(1), False, True), (text[match.end():], bullet, False)]
    for i in range(2, min(len(text) - 1, 61)):
        if text[i].isupper() and text[i + 1].islower() and (text[i - 1].islower() or text[i - 1] in ")?’'"):
            if known_section(text[:i]):
                return [(text[:i], False, True), (text[i:], bullet, False)]
    return [(text, bullet, heading)]


def _glued_words(text: str, bullet: bool, heading: bool) -> list[Piece]:
    if heading or len(text) < 40:
        return [(text, bullet, heading)]
    cuts = []
    for match in _CAPITALISED.finditer(text):
        i = match.start()
        if i == 0 or match.group() not in _GLUE_WORDS or match.end() < len(text) and text[match.end()].isalpha():
            continue
        prev = text[i - 1]
        left = text[:i].rsplit(None, 1)[-1]
        letters = [c for c in left if c.isalpha()]
        if not (prev.isalnum() or prev in ")%") or len(letters) < 3:
            continue
        if letters[0].isupper() and not all(c.isupper() for c in letters):
            continue  # "TeamLead", "HubSpot": a CamelCase name; "scorecardLead", "NPSLead": glue
        if len(text[cuts[-1] if cuts else 0:i].split()) >= 3 and len(text[i:].split()) >= 2:
            cuts.append(i)
    return _cut(text, cuts, bullet, heading)


def _cut(text: str, cuts: list[int], bullet: bool, heading: bool) -> list[Piece]:
    if not cuts:
        return [(text, bullet, heading)]
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return [(p, bullet, heading and k == 0) for k, p in enumerate(parts) if p]
