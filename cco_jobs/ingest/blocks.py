"""The readers' common output, :class:`Block`, and the rules that apply to every format:
list markers, and which short lines are headings."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .sections import known_section


@dataclass
class Block:
    """One line of text as a reader found it, before sections are assigned.

    ``level`` is the heading level markup gave (``<h2>``, ``##``); ``bold`` says all
    its text was bold; ``verbatim`` marks table rows and code, which are never split,
    joined or promoted to headings; ``emoji`` is the marker of a list item marked by an
    emoji ("✅"), which may turn out to be a heading (:func:`is_emoji_heading_between`).
    """

    text: str
    source_line: int | None = None
    is_heading: bool = False
    level: int | None = None
    is_bullet: bool = False
    chrome: bool = False
    verbatim: bool = False
    bold: bool = False
    emoji: str = ""
    #: a numbered sub-section's heading (:func:`is_numbered_subheading`): it labels a group
    #: of lines within the section it is in, whatever words it uses
    subheading: bool = False


# List markers: a glyph or dash followed by a space, "1." "1)" "(1)" "a)" "(a)", or a
# bullet glyph glued to the text as scrapes leave it ("•Lead the team"); East Asian
# postings' "・" and circled numbers ("① Set the strategy") are markers too.
_BULLET = re.compile(
    r"^(?:[-*+•·▪◦‣●○■□➢➤►▸→✓✔–—・\u2460-\u2473]|\(?\d{1,2}[.)]|\(?[a-zA-Z]\))"
    r"\s*(?<=[\s・\u2460-\u2473])(?=\S)"  # a space after the marker, but for "・" and "①"
    r"|^[•▪◦‣●■➢➤►▸✓✔・\u2460-\u2473](?=[^\s\uFE0E\uFE0F])"
)
# Verbs that make a short line a lead-in to a list ("The successful candidate will:",
# "Duties include:") rather than a heading ("How we work", "About you:").
_LEAD_IN = re.compile(
    r"\b(?:will|are|is|have|has|should|must|can|include|includes|including|such as|following|reports?"
    r"|reporting)\b",
    re.IGNORECASE,
)
# "Location:" alone on a line labels the value on the next line; it starts no section.
FIELD_LABELS = frozenset({
    "location", "locations", "job location", "job type", "employment type", "contract", "contract type",
    "hours", "working hours", "reference", "ref", "job id", "req id", "requisition id", "department",
    "team", "start date", "reports to", "reporting to", "posted", "date posted", "level", "function",
    "workplace type", "remote", "industry", "seniority level", "job function", "type", "date",
})
MAX_HEADING_WORDS = 8
_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two or more letters


# Emoji used as list markers by start-ups and social posts: "✅ 8+ years in support",
# "🤖 AI and automation. Lead the rollout..." (pictographs, dingbats and symbols, with
# their variation selector, skin tones and joiners).
_EMOJI_MARKER = re.compile(
    r"^(?:[0-9#*]\uFE0F?\u20E3|(?![\u2605\u2606])[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]"
    r"[\uFE0F\u200D\U0001F3FB-\U0001F3FF\U0001F000-\U0001FAFF\u2600-\u27BF]*)\s+(?=\S)"
)


def split_bullet(text: str) -> tuple[str, bool]:
    """Strip a leading list marker: ``("Lead the team", True)`` for ``"• Lead the team"``."""
    match = _BULLET.match(text)
    if match is None:
        return text, False
    return text[match.end():], True


def split_emoji(text: str) -> tuple[str, str]:
    """Strip a leading emoji used as a list marker in plain text: ``("Lead the team", "✅")``
    for ``"✅ Lead the team"``; ``(text, "")`` when the line has none. (Star ratings such as
    "★★★★☆ 4.1" are not markers.)"""
    match = _EMOJI_MARKER.match(text)
    if match is None:
        return text, ""
    return text[match.end():], match.group().strip()


# A sentence spoken to or by the reader, not a heading: "🚨 We're hiring a Chief Customer
# Officer", "📩 DM me or apply below".
_SPEAKER = re.compile(r"\b(?:we|we're|we’re|i|i'm|i’m|us|dm|apply|hiring)\b", re.I)


def is_emoji_heading_between(before: Block | None, block: Block, after: Block | None) -> bool:
    """Whether an emoji-marked line that names no known section is a heading all the same:
    a short capitalised phrase ("🎯 Why this role exists") standing alone, not in a run of
    emoji-marked items ("✅ 8+ years in support" then "➕ Payroll experience" on the next
    line, or "✅" items with blank lines between them)."""
    def same_run(a: Block | None, b: Block | None) -> bool:
        return a is not None and b is not None and bool(a.emoji) and bool(b.emoji) and (
            a.emoji == b.emoji or a.source_line is None or b.source_line is None
            or b.source_line - a.source_line == 1)

    if not block.emoji or same_run(before, block) or same_run(block, after):
        return False
    core = block.text.rstrip(":：").strip()
    words = core.split()
    return (0 < len(words) <= 7 and core[:1].isupper() and not core.endswith((".", "!", ",", ";"))
            and not any(c.isdigit() for c in core) and "," not in core and after is not None
            and not after.is_heading and (not after.emoji or block.text.endswith((":", "：")))
            and not _LEAD_IN.search(core.casefold()) and not _SPEAKER.search(core))


def is_emoji_heading(text: str) -> bool:
    """Whether an emoji-marked line is a section heading ("🚀 About us", "🎁 Benefits"),
    not a list item."""
    rest, marker = split_emoji(text)
    return bool(marker) and _names_a_section(rest)


def _names_a_section(rest: str) -> bool:
    """Whether what follows a line's marker is a known section heading alone: short, no
    sentence punctuation (:func:`~cco_jobs.ingest.sections.known_section`)."""
    rest = rest.rstrip(":：").strip()
    return bool(rest) and not any(c in rest for c in ".!?;") and known_section(rest) is not None


def is_numbered_heading(text: str) -> bool:
    """Whether a numbered line is a heading ("2) Key responsibilities"), not a list item.

    Word documents pasted as text number their headings. A numbered line is read as
    one only when the marker is a number and the rest is a known section heading
    (short, no sentence punctuation: see :func:`~cco_jobs.ingest.sections.known_section`)
    or a short phrase in capitals ("4. DECISION-MAKING AUTHORITY"), so a numbered duty
    ("1) Lead the contact centre") stays a list item.
    """
    match = _BULLET.match(text)
    if match is None or _NUMBERED.match(text) is None:
        return False
    rest = text[match.end():].rstrip(":：").strip()
    return _names_a_section(rest) or _in_capitals(rest)


def is_marked_heading(text: str) -> bool:
    """Whether a line marked with a box is a heading: "■ Job Content", "◆ Treatment" (East
    Asian postings mark their section titles so), or with a dot and a colon ("・Requirements:";
    "・Salary" is an item of a list of benefits): the rest names a known section."""
    match = _BULLET.match(text)
    if match is None:
        return False
    boxed = text[:1] in _SECTION_MARKS
    dotted_with_colon = text[:1] == "・" and text.rstrip().endswith((":", "："))
    return (boxed or dotted_with_colon) and _names_a_section(text[match.end():])


_SECTION_MARKS = "■□◆◇▣"
_CIRCLED = "\u2460-\u2473"  # ① to ⑳
_NUMBERED = re.compile(rf"^(?:\(?\d{{1,2}}[.)]|[{_CIRCLED}])")
_SHARE_OF_TIME = re.compile(r"\(\s*(?:approx\.?\s*|c\.\s*)?\d{1,3}\s*%\s*\)$", re.IGNORECASE)
# A numbered line starting with one of these is a duty ("1. Own the customer strategy"),
# even over a list of its own; a sub-section title is a noun phrase ("1. Outsourcing").
_DUTY_VERBS = frozenset("""
act align analyse analyze attract be build champion coach collaborate coordinate create
define deliver design develop direct drive embed enable ensure establish grow handle help
hire identify implement improve increase lead maintain manage monitor own oversee partner
plan prepare present promote provide recruit reduce report represent review run secure
serve set shape support take track train work
""".split())


def marker_kind(row: str) -> str:
    """What kind of list a row's marker belongs to: "1." and "1)" and "(1)" and "a)" and
    "①" are different lists, any glyph or dash another (``""``: no marker)."""
    marker = _BULLET.match(row)
    if marker is None:
        return ""
    text = marker.group(0).strip()
    if re.match(f"[{_CIRCLED}]", text):
        return "①"
    if text[:1] == "(" or text[-1:] == ")":
        return "(1)" if any(c.isdigit() for c in text) else "a)"
    return "1." if text[:1].isdigit() else "-"


def list_number(row: str) -> int | None:
    """The number of a numbered row ("3." "(3)" "3)" "③"), else ``None``."""
    match = _NUMBERED.match(row)
    if match is None:
        return None
    marker = match.group(0)
    digits = "".join(c for c in marker if c in "0123456789")
    return int(digits) if digits else ord(marker[-1]) - 0x2460 + 1


def is_numbered_subheading(text: str, next_row: str, nested: bool = False) -> bool:
    """Whether a numbered line heads what follows rather than being a duty: a key result
    area with its share of time ("1. Operational performance (30%)"), or a short noun
    phrase without sentence punctuation whose next line is an item of another list ("1.
    Outsourcing" over "- Lead the vendor selection", "(1) Financial Strategy and
    Planning" over "- ..."): how role profiles and translated postings number their
    sub-sections. ``next_row`` is the next non-blank row, stripped; ``nested`` says it is
    indented under this one, as a duty's own sub-list is ("1. Own the strategy" over
    "   - Define the roadmap"): no sub-section then, unless the line gives its share of
    time.
    """
    match = _BULLET.match(text)
    if match is None or _NUMBERED.match(text) is None:
        return False
    rest = text[match.end():].strip()
    words = rest.split()
    if not words or not rest[:1].isalpha() or words[0].lower() in _DUTY_VERBS:
        return False
    if _SHARE_OF_TIME.search(rest):  # its duties may be indented under it
        return len(words) <= MAX_HEADING_WORDS + 2
    if nested or len(words) > 6 or rest.endswith((".", "!", "?", ":", ";", ",")):
        return False
    kind = marker_kind(next_row)
    return bool(kind) and kind != marker_kind(text)


def _in_capitals(text: str) -> bool:
    """A short phrase in capitals ("DECISION-MAKING AUTHORITY"): how a pasted Word
    document sets its numbered headings apart from its numbered duties."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 4 and len(text.split()) <= MAX_HEADING_WORDS and all(c.isupper() for c in letters)
            and not any(c.isdigit() for c in text) and "," not in text)


def looks_like_heading(block: Block, *, before_list: bool = False) -> bool:
    """Whether a plain line reads as a section heading though no markup says so.

    A short line that is bold throughout, ends with a colon (and is not a lead-in such
    as "Requirements include:" or a field label such as "Location:"), is in capitals,
    is a known section name alone ("Responsibilities", "About Harbourline"), or
    (``before_list``) is a short capitalised phrase right above a list ("How we work").
    """
    text = block.text
    if len(text) > 90 or block.is_bullet or block.verbatim:
        return False
    core = text.rstrip(":：").strip()
    words = core.split()
    if not words or len(words) > MAX_HEADING_WORDS or core.endswith((".", "!", ",", ";")):
        return False
    if known_section(core):
        return True
    if block.bold:
        return True
    lowered = core.casefold().replace("'", " ").replace("’", " ")
    if text.endswith((":", "：")):
        return lowered not in FIELD_LABELS and not _LEAD_IN.search(lowered)
    if before_list and len(words) <= 7 and core[:1].isupper() and not _LEAD_IN.search(lowered):
        return not any(c.isdigit() for c in core) and lowered not in FIELD_LABELS
    return len(words) >= 2 and _in_capitals(core)


def heading_text(text: str) -> str:
    """A heading's text without the colon that introduced what follows it."""
    return text.rstrip(":：").rstrip() or text


# Words that any job posting, however short, uses (English and French): a shopping list,
# a poem or lorem ipsum uses none of them.
_JOB_WORDS = frozenset("""
job jobs role roles position post vacancy vacancies career careers hire hiring recruit recruiting wanted
candidate candidates responsibilities responsibility responsible duties duty requirements required
qualifications qualification experience skills skill team teams lead leads leading leader leaders leadership
manage manages managing manager managers management director directors head officer chief vp svp evp
president executive general report reports reporting salary pay bonus pension benefits paid leave apply
application company organisation organization business customer customers client clients service services
support operations strategy target targets work working employer employment contract full-time part-time
remote hybrid office success sales account accounts budget people staff grade band cx cco cxo ceo coo cfo
nps own
poste emploi offre responsabilités responsable profil expérience équipe direction directeur directrice
général générale gestion candidature entreprise salaire
""".split())
_LETTERS = re.compile(r"[^\W\d_][\w'-]*")


def reads_like_a_job(blocks: list[Block], minimum: int = 1) -> bool:
    """Whether the lines outside page chrome use at least ``minimum`` words of job
    postings ("role", "team", "customer", "salary", "poste"...)."""
    found: set[str] = set()
    for block in blocks:
        if not block.chrome:
            found.update(w for w in _LETTERS.findall(block.text.lower()) if w in _JOB_WORDS)
            if len(found) >= minimum:
                return True
    return False


def has_words(blocks: list[Block], minimum: int) -> bool:
    """Whether the lines outside page chrome hold at least ``minimum`` words of two or more letters.

    Stops counting as soon as there are enough: the words of a whole posting need not
    be found to know that it has three.
    """
    found = 0
    for block in blocks:
        if found >= minimum:
            return True
        if not block.chrome:
            found += len(_WORD.findall(block.text))
    return found >= minimum
