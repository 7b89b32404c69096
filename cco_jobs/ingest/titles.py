"""Find a posting's job title and hiring company where the posting states them.

Sources, most explicit first: ``Job title:``/``Company:`` lines, schema.org JSON-LD,
the ``<h1>``, Open Graph and ``<title>`` tags, "<Title> at <Company>", the first
heading or first line when it reads like a title, "About <Company>" headings. When
none applies the answer is ``None``: a wrong title is worse than none.
"""
from __future__ import annotations

import re

from .blocks import Block, heading_text

_TITLE_WORDS = re.compile(
    r"\b(?:chief|officer|vp|svp|evp|avp|vice[- ]president|president|head|director|manager|lead|leader"
    r"|cco|cxo|ceo|coo|cfo|cto|cmo|cro|cso|cio|principal|gm|directeur|directrice"
    r"|responsable|dirigeant|dirigeante)\b",
    re.IGNORECASE,
)
# Words of a sentence, not of a title: "Reporting to the Chief Executive, you will…".
_SENTENCE_WORDS = re.compile(r"\b(?:we|you|our|your|will|are|is|reports?|reporting|to the|who|which)\b", re.I)
_EXPLICIT_TITLE = re.compile(
    r"^(?:job\s*title|title|position(?:\s*title)?|role(?:\s*title)?|poste|intitul[ée] du poste)\s*:\s*(.+)$", re.I
)
_EXPLICIT_COMPANY = re.compile(
    r"^(?:company(?:\s*name)?|organi[sz]ation|employer|hiring\s+(?:company|organi[sz]ation)|entreprise"
    r"|soci[ée]t[ée])\s*:\s*(.+)$",
    re.I,
)
_AT_COMPANY = re.compile(r"^(.{3,90}?)\s+(?:at|@|chez)\s+((?:[A-Z0-9][\w&.,'’-]*\s?){1,6})$")
_APPLICATION_PREFIX = re.compile(r"^(?:job application for|apply for|job:|vacancy:)\s+", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+·\s+")
_CAREERS = re.compile(
    r"^(?:careers at|jobs at|work at|join)\s+(.+)$|^(.+?)\s+(?:careers|jobs|career site|recrutement)$", re.I
)
_ABOUT = re.compile(r"^(?:about|à propos de|a propos de)\s+(.+)$", re.I)
_NOT_COMPANIES = re.compile(
    r"^(?:us|you|the role|the job|the position|this role|the opportunity|the team|the company|yourself)$"
    r"|linkedin|indeed|glassdoor|workday|greenhouse|lever|smartrecruiters|totaljobs|\breed\b|monster|ziprecruiter"
    r"|welcome to the jungle|otta|workable|ashby|teamtailor|bamboohr|jobvite|icims|taleo|successfactors"
    r"|^careers?$|^jobs?$|apec|hellowork|cadremploi",
    re.I,
)
SEARCH_BLOCKS = 40
# A name of capitalised words (and "&", "of", "and", "for" inside it) that a sentence
# starts with, followed by what sentences say of an employer, or a logo's alt text.
_NAME_LEADS = re.compile(
    r"^([A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|of|and|for)){0,5}?)"
    r"(?:\s+(?:is|are|was|has|have|helps|builds|makes|provides|serves|operates|runs|offers|automates"
    r"|designs|develops|delivers|exists|believes|employs)\b(?!\s+(?:looking|seeking|hiring|recruiting))"
    r"|\s+logo$)"
)
# Sentence openings that are not names: "We are", "This role is", "Our team has".
_NOT_NAME_STARTS = frozenset(
    "A An I We Our Us You Your This That These Those The It Its They Their He She There Here What "
    "Who When Where Why How As In At On If For Every Each All Most Some Any Success Experience "
    "Selection Applications Candidates Salary Pay Compensation Benefits Travel Hours Employment "
    "Relocation Training Onboarding Interviews Shortlisting".split()
)


def looks_like_title(text: str) -> bool:
    """A short line naming a role ("Head of Customer Success"), not a sentence about one."""
    words = text.split()
    return (
        0 < len(words) <= 12 and len(text) <= 100 and bool(_TITLE_WORDS.search(text))
        and not text.endswith((".", "!", "?", ";")) and not _SENTENCE_WORDS.search(text)
    )


def find_title_and_company(blocks: list[Block], meta: dict[str, str]) -> tuple[str | None, str | None]:
    """The posting's ``(title, company)``, each ``None`` when the posting does not say."""
    early = [b for b in blocks[:SEARCH_BLOCKS * 2] if not b.chrome][:SEARCH_BLOCKS]
    title = company = None
    for block in early:
        if ":" not in block.text:
            continue  # not a "Job title:" or "Company:" line
        text = heading_text(block.text)
        if title is None and (m := _EXPLICIT_TITLE.match(text)):
            title = m.group(1).strip()
        if company is None and (m := _EXPLICIT_COMPANY.match(text)):
            company = m.group(1).strip()
    candidates = _title_candidates(blocks, early, meta)
    if title is None:
        title = meta.get("jsonld_title") or next((c for c in candidates if looks_like_title(_strip_at(c)[0])), None)
    company = company or meta.get("jsonld_company")
    for candidate in ([title] if title else []) + candidates:
        if company is not None:
            break  # the first company found stands: no need to read the other candidates
        role, at = _strip_at(candidate)
        if at and looks_like_title(role) and not _NOT_COMPANIES.search(at):
            company = at
    if title:
        title = _strip_at(title)[0]
    return title, company or _company_from_page(blocks, meta)


def _title_candidates(blocks: list[Block], early: list[Block], meta: dict[str, str]) -> list[str]:
    """Lines that may state the title, in order of trust."""
    found = [heading_text(b.text) for b in blocks if b.level == 1][:1]
    for key in ("og:title", "twitter:title", "meta_title", "html_title"):
        if key in meta:
            value = _APPLICATION_PREFIX.sub("", meta[key])
            found += [value] + [_APPLICATION_PREFIX.sub("", p) for p in _TITLE_SEPARATORS.split(value)]
    first = early[:15]
    found += [heading_text(b.text) for i, b in enumerate(first) if i == 0 or b.is_heading or b.bold]
    found += [b.text for b in first if not b.is_bullet and not b.verbatim]  # plain text: a line alone
    return [c.strip() for c in found if c.strip()]


def _strip_at(text: str) -> tuple[str, str | None]:
    """Split "Chief Customer Officer at Harbourline" into the role and the company."""
    match = _AT_COMPANY.match(text)
    if match:
        return match.group(1).strip(), match.group(2).strip().rstrip(",.")
    return text, None


# What may follow a company's name at the start of a line: "Lumenrow · Denver, CO", "Acme — Full-time".
_AFTER_NAME = re.compile(r"\s*(?:$|[·•|–—,(]|-\s)")


def _title_pieces(meta: dict[str, str]) -> list[str]:
    """The parts of the page's ``<title>``: "Chief Customer Officer - Lumenrow | HireHarbor Jobs"."""
    return [p.strip() for p in _TITLE_SEPARATORS.split(meta.get("html_title", "")) if p.strip()]


def _careers_name(piece: str) -> str | None:
    """The name in a careers-site title part ("Acme Careers", "Jobs at Acme"), or ``None``."""
    match = _CAREERS.match(piece)
    return (match.group(1) or match.group(2)).strip() if match else None


def _about_names(blocks: list[Block]) -> list[str]:
    """The names of the "About <Name>" headings, in order."""
    return [m.group(1).strip() for b in blocks if b.is_heading and not b.chrome
            and (m := _ABOUT.match(heading_text(b.text)))]


def _corroborated_company(blocks: list[Block], meta: dict[str, str]) -> str | None:
    """The name the page's branding and its body agree on.

    A job board brands its pages with its own name (``og:site_name``, "HireHarbor Jobs" in
    the ``<title>``) while the body names the employer ("About Lumenrow", a line starting
    "Lumenrow · Denver, CO"). Each name scores 1 for each branding source that gives it
    and 2 for each place in the body; the best name with 3 or more wins (an employer's
    own page scores its name from both), else the caller falls back to the branding.
    """
    branding = [meta.get("og:site_name"), meta.get("application_name")]
    branding += [_careers_name(piece) or piece for piece in _title_pieces(meta)]
    early = [heading_text(b.text) for b in blocks[:SEARCH_BLOCKS] if not b.chrome]
    abouts = _about_names(blocks)
    scores: dict[str, int] = {}
    for name in filter(None, branding + abouts):
        if (name in scores or not name[:1].isupper() or len(name.split()) > 6 or looks_like_title(name)
                or _NOT_COMPANIES.search(name)):
            continue
        starts_a_line = any(text.startswith(name) and _AFTER_NAME.match(text, len(name)) for text in early)
        scores[name] = branding.count(name) + 2 * abouts.count(name) + 2 * starts_a_line
    best = max(scores, key=scores.__getitem__, default=None)  # the first of equals
    return best if best is not None and scores[best] >= 3 else None


def _company_from_page(blocks: list[Block], meta: dict[str, str]) -> str | None:
    corroborated = _corroborated_company(blocks, meta)
    if corroborated:
        return corroborated
    site = meta.get("og:site_name") or meta.get("application_name")
    if site and not _NOT_COMPANIES.search(site):
        return site
    for piece in _title_pieces(meta):
        name = _careers_name(piece)
        if name and not _NOT_COMPANIES.search(name):
            return name
    about = next((name for name in _about_names(blocks) if name[:1].isupper() and len(name.split()) <= 6
                  and not _NOT_COMPANIES.search(name)), None)
    named = _company_named_in_text(blocks)
    if named and (about is None or named.startswith(about)):
        return named  # "About Marrowell" over "Marrowell Health is a virtual care company"
    return about


def _company_named_in_text(blocks: list[Block]) -> str | None:
    """The name the posting's own sentences give the employer: "Quaystone automates
    accounts payable...", "Brightvale Lending is a digital lender...", "Finchpoint
    Payments is an Equal Opportunity Employer", "Slatehouse Learning logo"; the name most
    sentences give (the first of equals), or ``None``. (An agency advertising for a
    client names itself this way; so does the agency's own page.)"""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.is_heading or block.is_bullet:
            continue
        match = _NAME_LEADS.match(block.text)
        name = match.group(1) if match else ""
        if len(name) > 1 and name.split()[0] not in _NOT_NAME_STARTS and not _NOT_COMPANIES.search(name):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__, default=None)
