"""Split run-together scraped text back into lines.

Scrapers that take ``get_text()`` without a separator glue blocks together. We undo
the patterns that can be undone without guessing:

* ``"…a supervisory position.The Chief Customer Officer…"``: a sentence end with no
  space before a capitalised word (not after abbreviations, initials, URLs, e-mails,
  decimals: ``U.S.``, ``e.g.``, ``Inc.``, ``No.``, ``£1.2m``, ``v2.0``);
* ``"Key Responsibilities:Manage a robust…"`` (any short capitalised phrase, a colon,
  no space, a capital) and ``"Key ResponsibilitiesManage…"`` (only a known section
  heading, see :func:`~cco_jobs.ingest.sections.known_section`);
* runs of bullets glued with ``" • "``, and with ``" - "`` when what follows the dash
  opens like a bullet;
* a bullet with no full stop glued to the next one: ``"…scorecardLead the…"``,
  ``"Company carCompany pension"``, ``"…premiums covered401(k)…"``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from .blocks import FIELD_LABELS, Block
from .sections import known_section, starts_about

# Patterns tried at every position of many lines are written to begin by consuming one
# of the few characters they can turn on, then to look back from it ("a letter before a
# capital" is ``[A-Z](?<=[a-z][A-Z])``, not ``[a-z](?=[A-Z])``): re then scans for that
# character in C instead of starting a try at every letter, three to eight times faster.
# tests/test_ingest_equivalence.py checks each against its plain form.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=[^\W\d_](?:[^\W\d_]| [a-z]))")
_GLYPHS = re.compile(r"\s*[•●▪◦‣■►➢➤✓✔]\s*")
# A bullet glyph, or a dash with a space either side.
_RUN_HINT = re.compile(r"[•●▪◦‣■►➢➤✓✔\-–—](?:(?<=[•●▪◦‣■►➢➤✓✔])|(?<=\s[-–—])\s)")
_DASH = re.compile(r"\s[-–—]\s(?=[^\W\d_])")
_DASH_NUMBER = re.compile(r"\s[-–—]\s(?=\d+(?:\+|\(k\)|%)?\s[^\W\d_]+\s[^\W\d_])")  # "… - 401(k) with match"
_COLON_HEADING = re.compile(r"^([^:\n]{2,60}?)\s*:(?=\S)")
# A heading with a bullet's dash or glyph glued to its last word: "What we offer- A car".
_DASH_HEADING = re.compile(r"^([^\W\d_][^:\n]{1,59}?[^\W\d_])[-–•]\s+(?=[A-ZÀ-Þ])")
# "ResponsibilitiesManage", "About you12+": a lower-case letter (or ")?'") before a capital or
# digit; the match is the capital or digit, so ``start()`` is where the heading ends.
_HEADING_GLUE = re.compile(r"[A-Z0-9$£€](?<=(?:[^\W\d_A-ZÀ-Þ)?’']|[)?’'])[A-Z0-9$£€])")
# Cheap test for any glue _glued_words could cut (most lines have none): a lower-case
# letter before a capital or digit, a capitalised word after a capital, digit or ")",
# or a currency sign.
_GLUE_HINT = re.compile(r"[A-Z0-9$£€](?:(?<=[a-z][A-Z0-9])|(?<=[A-Z0-9)][A-Z])[a-z]|(?<=[$£€]))")
# A word (group 1) running straight into a capitalised word (group 3), an amount or a count.
# The lookahead after the word start is implied by what follows (a capital, a currency
# sign or a digit somewhere after the word's first letter); it is there because checking
# it once is cheaper than trying every alternative after every letter of every word.
_GLUE = re.compile(
    r"(?<![\w'’])(?=[^\W\d_]+?[A-Z$£€\d])([^\W\d_]+?)((?:([A-Z][a-z]+)(?![^\W\d_]))|[$£€]\d"
    r"|\d{1,3}\+?\s(?:years?|weeks?|days?|months?|hours?)\b|401\(k\))"
)
# An amount or acronym running into a capitalised word: "$50MExperience", "NPSLead".
_AFTER_CODE = re.compile(r"(?<=[0-9A-Z)])([A-Z][a-z]+)(?![^\W\d_])")
# A title's gender marker glued to the next line: "Head of Client Services (H/F)CARTHEA ...".
_GENDER_GLUE = re.compile(r"\((?:[hfmwdxv]/){1,3}[hfmwdxv]\)(?=[^\W\d_])", re.I)
# Words that end a line and never run on into a capitalised word inside a name: a legal
# form ("Savanna Connect BPO LtdNairobi"), a board's button ("Sign InDirector, Enterprise
# Access"), a title's last word ("VP of Customer SuccessNew York", "Head of Customer
# ExperienceKaamwise"). ("Service" and "Center" are left out: "ServiceNow", "ServiceTitan",
# "CenterPoint".)
_ENDS_A_LINE = re.compile(
    r"(?:(?<![#@])\b(?:Ltd|Inc|LLC|Plc|PLC|GmbH|Pvt|Corp|Officer|Manager|Director|Success|President|Operations"
    r"|Experience)"
    r"|Sign In|Log In|Apply Now|Save Job|Saved Jobs|Search Jobs)(?=[A-Z][a-z])")
# A job board's fields glued after the text before them: "Providence, RIReq ID: HB-0588",
# "HB-058821Full time", "Day shiftPosted 5 Days Ago".
_FIELD_GLUE = re.compile(r"(?<=[A-Za-z0-9)])(?=(?:Req(?:uisition)? ID|Job ID|Posted (?:\d|today|yesterday|on)"
                         r"|Full[- ][Tt]ime|Part[- ][Tt]ime)(?![a-z]))")
# Products and team names that run a line-ending word into a capitalised one.
_COMPOUND_NAMES = re.compile(r"(?:SuccessFactors|SuccessHub|CorpDev|CorpComms|CorpFin|ExperienceCloud|OperationsHub"
                             r"|ManagerTools|DirectorView|OfficerReports)\b")
# Brand names that start in lower case and so look like glue ("easyJet").
_LOWER_CAMEL_NAMES = frozenset({"easyjet", "ebay", "iphone", "ipad", "macos", "youtube", "biomerieux"})
_URLISH = re.compile(r"://|www\.|@|\.(?:com|org|net|io|co|uk|fr|de|gov|edu|ai|app|dev|eu|ca|au)\b", re.I)
_ABBREVIATIONS = frozenset("""
    inc ltd co corp plc llc llp no nos nr vs etc approx dept est mr mrs ms dr prof st jr sr fig ref cf al
    incl excl min max avg govt mgr tel ext jan feb mar apr jun jul aug sep sept oct nov dec p pp vol ed
    rev gen hon mt ft ave blvd rd ste cie mme mlle av bd resp yr yrs hrs wk mo
""".split())
# Words that open bullets and sentences in postings, so that glued after a capitalised
# word or an acronym ("SalesforceYou", "NPSLeading") they mark a lost line break.
# Words that also end compound names ("OneDrive", "TeamLead", "LinkedIn") are left out.
GLUE_WORDS = frozenset("""
    Leading Manage Managing Owning Building Driving Develop Developing Define Defining Deliver Delivering
    Partnering Creating Ensure Ensuring Oversee Overseeing Setting Shaping Champion Championing Establish
    Establishing Designing Implement Implementing Collaborate Collaborating Growing Bringing Breaking
    Keeping Represent Representing Provide Providing Identify Identifying Translate Translating Embed
    Embedding Improve Improving Reduce Reducing Monitor Monitoring Coach Coaching Mentor Mentoring Hire
    Hiring Prepare Presenting Advocate Influence Influencing Align Aligning Foster Fostering Transform
    Transforming Directing Recruit Recruiting Experience Proven Strong Excellent Demonstrated Deep Solid
    Significant Extensive Ability Degree Bachelor Background Knowledge Understanding Familiarity
    Comfortable Fluent Fluency Exceptional Outstanding Minimum Competitive Generous Private Pension
    Hybrid Flexible Annual Discounts Paid The This Our You Your They Please Reporting Working
""".split())
# Anything any of the steps below could cut at; a line without it is left alone. It runs
# on every line, so it has the fast form described above: every alternative consumes a
# character of one short class, then looks back. (The obvious form,
# ``[^\W\d_A-Z](?=[A-Z0-9])|…``, cost 0.3 ms per posting, a third of HTML ingestion.)
_ANY_GLUE = re.compile(
    r"""[.!?…:•●▪◦‣■►➢➤✓✔$£€\-–—A-Z0-9]   # the only characters a glue can turn on
    (?:
        (?<=[.!?…])[\"”’')\]]*[^\W\d_]      # a sentence end, then a letter
      | (?<=:)\S                             # a colon with no space after it
      | (?<=[•●▪◦‣■►➢➤✓✔$£€])                # a bullet glyph, or a currency sign
      | (?<=\s[-–—])\s                       # a spaced dash
      | (?<=[^\W\d_][-–])(?=\s[A-ZÀ-Þ])       # a dash glued to a word, then a capital
      | (?<=[^\W\d_A-Z][A-Z0-9])             # a capital or digit after a letter other than A-Z
      | (?<=[)?’'][A-Z0-9])                  # ... or after ")", "?" or an apostrophe
      | (?<=[0-9A-Z][A-Z])[a-z]              # a capitalised word after a capital or digit
    )""",
    re.VERBOSE,
)
MIN_BULLET_RUN_CHARS = 100
MIN_DASH_RUN_CHARS = 150

Piece = tuple[str, bool, bool]  # text, is_bullet, is_heading


def split_blocks(blocks: list[Block]) -> list[Block]:
    """Split every block that holds several glued lines; others pass through unchanged."""
    out: list[Block] = []
    for block in blocks:
        if block.verbatim and " | " in block.text and (match := _COLON_HEADING.match(block.text)) \
                and known_section(match.group(1)):
            # "Salary:Grade | Band": a scrape glued a heading to a table row
            heading = replace(block, text=match.group(1).strip(), is_heading=True, verbatim=False)
            out += [heading, replace(block, text=block.text[match.end():])]
        elif block.verbatim or len(block.text) < 6 or not _ANY_GLUE.search(block.text):
            out.append(block)  # most lines (split_block would make the same test)
        else:
            out.extend(split_block(block))
    return out


def split_block(block: Block) -> list[Block]:
    """The lines glued into ``block``: the first keeps its flags, bullet pieces are bullets."""
    if not _ANY_GLUE.search(block.text):  # most lines: one pass of a cheap regex
        return [block]
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


def _bullet_runs(text: str, bullet: bool, heading: bool) -> list[Piece]:
    if not _RUN_HINT.search(text):
        return [(text, bullet, heading)]
    parts = _GLYPHS.split(text)
    if len(parts) > 1:
        items = [p for p in parts[1:] if p.strip()]
        sizes = [len(p.split()) for p in parts if p.strip()]
        glued = bullet or (len(text) >= MIN_BULLET_RUN_CHARS and sum(n >= 4 for n in sizes) >= 2)
        if items and (glued or (min(sizes) >= 2 and max(sizes) >= 4)):
            head = [(parts[0], bullet, heading)] if parts[0].strip() else []
            return head + [(p, True, False) for p in items]
    cuts = [m for m in _DASH.finditer(text) if text[m.end()].isupper()]
    long_run = len(text) >= MIN_DASH_RUN_CHARS and len(cuts) >= 2
    cuts = [m for m in cuts if long_run or text[m.end():].split(None, 1)[0] in GLUE_WORDS]
    cuts += [m for m in _DASH_NUMBER.finditer(text) if text[m.start() - 1].isalpha() or text[m.start() - 1] == ")"]
    cuts.sort(key=lambda m: m.start())
    if cuts:
        starts = [0] + [m.end() for m in cuts]
        ends = [m.start() for m in cuts] + [len(text)]
        items = [text[s:e].strip() for s, e in zip(starts, ends, strict=True)]
        if all(len(item.split()) >= 3 and item.count("(") == item.count(")") for item in items):
            return [(items[0], bullet, heading)] + [(item, True, False) for item in items[1:]]
    return [(text, bullet, heading)]


def _sentences(text: str, bullet: bool, heading: bool) -> list[Piece]:
    cuts = [m.end() for m in _SENTENCE_END.finditer(text) if _is_sentence_glue(text, m.start(), m.end())]
    return _cut(text, cuts, bullet, heading)


def _is_sentence_glue(text: str, start: int, end: int) -> bool:
    if start == 0 or text[start - 1].isspace() or not text[end].isupper():
        return False
    if not (text[end + 1].islower() or (text[end] in "AI" and text[end + 1] == " ")):
        return False  # "1.2m", "U.S.A", "e.g.CRM" are not sentence ends
    before = text[:start].rsplit(None, 1)[-1]
    word = before.strip("([\"'“‘").lower()
    if "." in before or "/" in before or word in _ABBREVIATIONS or len(word) < 2:
        return False
    return not _in_address(text, start)


def _fused_heading(text: str, bullet: bool, heading: bool) -> list[Piece]:
    dash = None if bullet else _DASH_HEADING.match(text)  # "- Compensation- Redesign ...": a bullet's label
    if dash and known_section(dash.group(1)):
        # "Ce que nous offrons- Un rôle clé ...": a heading glued to its list's first bullet
        return [(dash.group(1), False, True), *_fused_heading(text[dash.end():], True, False)]
    match = _COLON_HEADING.match(text)
    if match:
        prefix, rest = match.group(1).strip(), text[match.end():]
        if known_section(prefix):
            return [(prefix, False, True), *_fused_heading(rest, bullet, False)]
        # "Customer strategy and vision:Develop…": only a scrape leaves no space after a colon.
        if (prefix[:1].isupper() and rest[:1].isupper() and len(prefix.split()) <= 8 and "." not in prefix
                and not rest.startswith(("//", "\\"))):
            return [(prefix, False, prefix.casefold() not in FIELD_LABELS), *_fused_heading(rest, bullet, False)]
    for boundary in _HEADING_GLUE.finditer(text, 2, 61):
        i = boundary.start()
        # "About HireHarbor" is a heading naming a company written in camel case, not
        # "About Hire" fused to "Harbor": an About heading is cut only before a sentence
        if known_section(text[:i]) and not (starts_about(text) and len(text[i:].split()) < 3):
            return [(text[:i], False, True), *_fused_heading(text[i:], bullet, False)]
    return _mid_line_heading(text, bullet, heading)


# Words a phrase cannot end on: what follows them belongs to the same sentence.
_RUNS_ON = frozenset("a an the of to and or for with in on at by our your their is are be as from".split())


def _mid_line_heading(text: str, bullet: bool, heading: bool) -> list[Piece]:
    """A known section heading glued to the sentence after it in mid-line, as a scrape of
    a whole page leaves it: "Hartford, CT About UsQuillmoor Insurance writes..." gives
    "Hartford, CT", the heading "About Us" and "Quillmoor Insurance writes..."."""
    for boundary in _HEADING_GLUE.finditer(text, 3):
        i = boundary.start()
        if len(text[i:].split()) < 3 or text[i - 1] in "'’":
            continue  # "About HireHarbor": a camel-case name; "l'Expérience": French elision
        words = text[:i].split()
        for k in range(min(4, len(words) - 1), 1, -1):  # the longest heading first, two words at least
            head = " ".join(words[-k:])
            start = i - len(head)
            # capitalised like a heading ("About Us", "Position Summary"), after a whole
            # phrase ("... is an Equal Opportunity Employer" is a sentence)
            if (text[start:i] == head and text[start - 1] == " " and all(w[:1].isupper() for w in words[-k:])
                    and words[-k - 1].lower() not in _RUNS_ON and known_section(head)):
                return [(text[:start].strip(), bullet, heading), (head, False, True),
                        *_fused_heading(text[i:], False, False)]
    return [(text, bullet, heading)]


def _glued_words(text: str, bullet: bool, heading: bool) -> list[Piece]:
    """Cut where a lost line break glued one line's last word to the next line's first.

    A lower-case word of three or more letters running into a capitalised one
    ("scorecardLead", "carCompany") never happens inside a word or a brand name (those
    start with a capital: "HubSpot", "LinkedIn"; the few exceptions are listed). After
    a capitalised word, an acronym or an amount ("SalesforceYou", "$50MExperience")
    only a word from :data:`GLUE_WORDS` counts. A word running into an amount or a
    count ("December$1,500", "covered16 weeks") too, a title's gender marker running
    into the next line ("(H/F)CARTHEA"), and a word that ends lines (a legal form, a
    board's button, a title's last word) running into a capitalised one.
    """
    if heading or len(text) < 20:
        return [(text, bullet, heading)]
    cuts = {m.end() for m in _GENDER_GLUE.finditer(text)}  # "(H/F)CARTHEA CONTACT GROUP"
    cuts.update(m.end() for m in _ENDS_A_LINE.finditer(text)
                if not _in_address(text, m.end()) and not _COMPOUND_NAMES.match(text, m.start()))
    cuts.update(m.start() for m in _FIELD_GLUE.finditer(text) if not _in_address(text, m.start()))
    if not cuts and not _GLUE_HINT.search(text):
        return [(text, bullet, heading)]
    for match in _GLUE.finditer(text):
        left, glued = match.group(1), match.group(3)
        if (left + match.group(2)).casefold() in _LOWER_CAMEL_NAMES or len(left) < 2:
            continue
        if (left[0].islower() and len(left) >= 3) or (glued is None and not left.isupper()) or glued in GLUE_WORDS:
            cuts.add(match.start(2))
    cuts.update(m.start() for m in _AFTER_CODE.finditer(text) if m.group(1) in GLUE_WORDS)
    return _cut(text, sorted(cuts), bullet, heading)


def _in_address(text: str, at: int) -> bool:
    """Whether position ``at`` (right after a character that is no space) falls inside an
    e-mail address or a URL: "...ExperienceClient.LPE@bdc.example", "www.acme.com/Careers"."""
    before = text[:at].rsplit(None, 1)[-1]
    space = text.find(" ", at)
    return bool(_URLISH.search(before + text[at:space if space >= 0 else len(text)]))


def _cut(text: str, cuts: list[int], bullet: bool, heading: bool) -> list[Piece]:
    if not cuts:
        return [(text, bullet, heading)]
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b].strip() for a, b in pairwise(bounds)]
    out = []
    for k, part in enumerate(parts):
        if k and part[-1:] not in ".!?" and known_section(part.rstrip(": ")):
            # "... in the operation.What You Bring:" ending a glued bullet: the next list's heading
            out.append((part.rstrip(": "), False, True))
        elif part:
            out.append((part, bullet, heading and k == 0))
    return out
