"""Find a posting's job title and hiring company where the posting states them.

Sources, most explicit first: ``Job title:``/``Company:`` lines, schema.org JSON-LD,
the ``<h1>``, Open Graph and ``<title>`` tags, "<Title> at <Company>", the first
heading or first line when it reads like a title, "About <Company>" headings. When
none applies the answer is ``None``: a wrong title is worse than none. The rules that
find a company's name elsewhere on the page are in :mod:`.company`.
"""
from __future__ import annotations

import re

from .agency import client_named, for_a_client, is_agency
from .blocks import Block, heading_text
from .company import (
    about_names,
    bare_name,
    company_above_document,
    company_atop_page,
    company_from_page,
    company_under_title,
    employer_about_names,
    fuller_name,
    leading_names,
    named_as_employer,
    names_company,
    standalone_names,
)
from .sections import known_section
from .title_words import (
    CITY_STATE,
    COUNTRIES,
    ENGAGEMENT,
    FUNCTION_WORDS,
    NOT_COMPANIES,
    SEARCH_BLOCKS,
    TITLE_SEPARATORS,
    TITLE_WORDS,
    WORK_MODE,
    looks_like_title,
)

_EXPLICIT_TITLE = re.compile(
    r"^(?:job\s*title|title|position(?:\s*title)?|role\s*title|(?P<role>role)|poste|intitul[ée] du poste"
    r"|(?P<french>titre(?:\s+du\s+poste)?|fonction))\s*:\s*(?P<title>.+)$",
    re.I,
)
# A job board's taxonomy block ("Role: Head - Sales / Business Development", "Role
# Category: Retail & B2C Sales", "Industry Type: ..."): its "Role" is a category, not the title.
_ROLE_CATEGORY = re.compile(r"^role\s+category\s*:", re.I)
_EXPLICIT_COMPANY = re.compile(
    r"^(?:company(?:\s*name)?|organi[sz]ation|employer|hiring\s+(?:company|organi[sz]ation)|entreprise"
    r"|soci[ée]t[ée])\s*:\s*(.+)$",
    re.I,
)
_AT_COMPANY = re.compile(r"^(.{3,90}?)\s+(?:at|@|chez)\s+((?:[A-Z0-9][\w&.,'’-]*\s?){1,6})$")
_APPLICATION_PREFIX = re.compile(r"^(?:job application for|apply for|job:|vacancy:)\s+", re.I)
# "Client: Confidential" on a recruiter's page; a named client is the employer.
_EXPLICIT_CLIENT = re.compile(r"^client\s*:\s*(.+)$", re.I)
# A key-and-value table row's key cell: "Job title | Head of Patient Experience".
_KEY_CELL = re.compile(r"^([A-Za-z][\w ]{1,30}?)\s+\|\s+(?=\S)")
# A line naming the role this one reports to.
_LINE_MANAGER = re.compile(r"^(?:reports?(?:ing)? (?:in)?to|accountable to|responsible to|line manager)\b", re.I)
_UNNAMED = re.compile(r"confidential|undisclosed|not disclosed|unnamed|withheld", re.I)


def find_title_and_company(blocks: list[Block], meta: dict[str, str]) -> tuple[str | None, str | None]:
    """The posting's ``(title, company)``, each ``None`` when the posting does not say.

    A company the posting names outright (a "Company:" or "Client:" line, the page's
    JSON-LD) stands as written. One found otherwise is dropped when a recruiter
    advertises for an unnamed client (:mod:`.agency`): the name the page gives is
    then the agency's. The title loses what is not the job (:func:`trim_title`), and a
    short company name its header lines give in full is given in full (:func:`.company.fuller_name`).
    """
    early = [b for b in blocks[:SEARCH_BLOCKS * 2] if not b.chrome][:SEARCH_BLOCKS]
    title = company = client = None
    role_is_a_category = any(_ROLE_CATEGORY.match(b.text) for b in blocks[:SEARCH_BLOCKS * 2])
    for block in early:
        if ":" not in block.text and " | " not in block.text:
            continue  # not a "Job title:" or "Company:" line, nor a "Job title | ..." table row
        text = heading_text(block.text)
        m = _EXPLICIT_TITLE.match(_KEY_CELL.sub(r"\1: ", text, count=1))
        # "Fonction : Commercial / Vente" on a French board is the job family: only a title counts
        if title is None and m and not (m.group("role") and role_is_a_category) and (
                not m.group("french") or looks_like_title(m.group("title"))):
            title = m.group("title").strip()
        if company is None and (m := _EXPLICIT_COMPANY.match(text)):
            company = m.group(1).strip()
        if client is None and (m := _EXPLICIT_CLIENT.match(text)):
            client = m.group(1).strip()
    candidates = _title_candidates(blocks, early, meta)
    if title is not None:  # "Titre du poste | Directeur X" under "Directeur X (Chief Y Officer) - ...": the fuller
        title = next((full for c in candidates[:3] if (full := _with_parenthetical(c, title))), title)
    if title is None:
        title = meta.get("jsonld_title") or next((c for c in candidates if looks_like_title(_strip_at(c)[0])), None)
    company = company or (client if client and not _UNNAMED.search(client) else None) or meta.get("jsonld_company")
    stated = company is not None
    for candidate in ([title] if title else []) + candidates:
        if company is not None:
            break  # the first company found stands: no need to read the other candidates
        role, at = _strip_at(candidate)
        if at and looks_like_title(role) and not NOT_COMPANIES.search(at):
            company = at
    if title:
        title = _strip_at(title)[0]
    unnamed_client = False  # a recruiter's posting for a client it does not name
    if not stated:
        header = company_under_title(early, title) or company_above_document(early)
        company = company or company_from_page(blocks, meta, header) or company_atop_page(early, title)
        if client or for_a_client(blocks):
            company = (client_named(blocks) or (None if client else _client_about(blocks))
                       or (None if client or is_agency(company, blocks) else company))
            unnamed_client = company is None
    if title is None and company:
        title = _title_before_name(early, company)
    if title is None:  # last of all, the leading parts of a header line too long to be a title as it stands
        line, title = next(((c, part) for c in _header_lines(blocks, early, meta) if (part := _leading_title(c))),
                           (None, None))
        if title and not stated and company is None:
            company = company_under_title(early, line) or company_above_document(early)
    if title is None:  # a post in prose: "So... we're hiring a Chief Customer Officer"
        title, hired_at = _hired_in_prose(early)
        if hired_at and not stated and not unnamed_client and not NOT_COMPANIES.search(hired_at):
            company = hired_at  # "We're looking for a CMO at Torra Viva" outweighs a guess from the page
    named = None
    if title:
        names, header = frozenset(), ""
        if _DASH_PART.search(title) or ", " in title:  # a title of parts: some may be a name or a place
            names = leading_names(blocks) | standalone_names(blocks)
            header = "\n".join(b.text for b in early[1:] if title not in b.text)
        title, named = trim_title(title, [n for n in [company, *about_names(blocks)] if n], names, header)
    if not stated and not unnamed_client:
        # "Quillfeather Analytics - VP..." names the company in full; the body shortens it.
        full = named if named and (company is None or names_company(named, [company])) else None
        company = full or (fuller_name(company, early) if company else None)
    return title, company


_HIRING = re.compile(
    r"(?i:\b(?:(?:we|i)(?:['’]re|['’]m| are| am)\s+(?:now\s+|finally\s+|officially\s+)?(?:hiring|looking for"
    r"|recruiting|searching for|seeking)|(?:now|we['’]re)\s+hiring|wir suchen|nous recrutons|on recrute"
    r"|(?:we|i)(?:['’]re|['’]m| are| am)\s+(?:creating|adding|opening)\s+(?:a|an)\s+(?:new\s+)?(?:role|position|post))"
    r"\s*[:!–—-]?\s*(?:(?:a|an|our|my|the|un|une|einen|eine)\s+)?(?:(?:first|new|founding|next)\s+)?)"
    r"(?P<title>[A-Z][^.!?;:()\n]{1,90})")
# Where the title a hiring sentence names ends: "a Head of Customer Success at Tallyhook, and...".
_TITLE_END = re.compile(r"\s+(?:at|for|to|who|in|on|with|from|@)\s+|\s+[–—-]\s+|\s*[^\w\s&/'’-]")
_HIRED_AT = re.compile(r"\s+(?:at|@)\s+((?:[A-Z0-9][\w&.'’-]*\s?){1,4})")


def _hired_in_prose(early: list[Block]) -> tuple[str | None, str | None]:
    """``(title, company)`` a founder's post names in a hiring sentence among its first
    lines ("We're hiring a Head of Customer Success at Tallyhook", "So we're creating a
    new role: Chief Experience Officer"), else ``(None, None)``."""
    for block in early[:12]:
        at_char, match = 0, None
        while (match := _HIRING.search(block.text, at_char)) is not None:
            at_char = match.start("title")  # next: "We're hiring! We're looking for a Head of ..."
            rest = match.group("title")
            end = _TITLE_END.search(rest)
            if end and rest[end.start():end.end()].strip() == "," and _BARE_LEVEL.match(rest[:end.start()]):
                end = _TITLE_END.search(rest, end.end())  # "a VP, Customer Success at Acme"
            title = (rest[:end.start()] if end else rest).strip()
            # one word is a title only as an acronym: "a CMO", not "a Leader who..."
            if looks_like_title(title) and not _CLAUSE.match(title) and (" " in title or title.isupper()):
                at = _HIRED_AT.match(rest[end.start():]) if end else None
                return title, (at.group(1).strip() if at else None)
    return None, None


# A level that a comma joins to its function: "VP, Customer Success", "Senior Director, CX".
_BARE_LEVEL = re.compile(r"^(?:(?:senior|executive|group|regional|associate|assistant)\s+)?"
                         r"(?:vp|svp|evp|avp|vice president|director|head|manager|lead)$", re.I)


def _title_before_name(early: list[Block], company: str) -> str | None:
    """The title a scraped header line runs into the company's name: "Chief Customer
    Officer Veradyne CX Partners · Tampa, FL · Full-time" gives "Chief Customer Officer"."""
    name = bare_name(company)
    for block in early[:3]:
        at = block.text.casefold().find(name) if name else -1
        if at > 0:
            head = _AGGREGATOR_LABEL.sub("", block.text[:at].strip(" -–—|·,:/"))
            if looks_like_title(head) and not _GLUED_WORDS.search(head):
                return head
    return None


# Two words run together by a scrape ("OfficerBanque"): not a clean title.
_GLUED_WORDS = re.compile(r"[a-z][A-Z]")
# An aggregator's label run into the title: "Job details Chief Customer Officer ...".
_AGGREGATOR_LABEL = re.compile(r"^(?:job details|job description|about the job|job)\s*:?\s+", re.I)


def _title_candidates(blocks: list[Block], early: list[Block], meta: dict[str, str]) -> list[str]:
    """Lines that may state the title, in order of trust."""
    found = _header_lines(blocks, early, meta)
    for key in ("og:title", "twitter:title", "meta_title", "html_title"):
        if key in meta:
            found += [_APPLICATION_PREFIX.sub("", p) for p in TITLE_SEPARATORS.split(meta[key])]
    first = early[:15]
    found += [heading_text(b.text) for b in first if b.bold and not b.is_heading]
    found += [b.text for b in first if not b.is_bullet and not b.verbatim]  # plain text: a line alone
    # "Accountable to: Chief Nurse" names the role above this one, never this one's title;
    # "Chief Customer Officer responsibilities" heads a part of a template page
    return [c.strip() for c in found if c.strip() and not _LINE_MANAGER.match(c.strip()) and not _names_a_part(c)]


def _names_a_part(line: str) -> bool:
    """Whether a line ends by naming the duties or the requirements ("... responsibilities",
    "... requirements and skills"), not a title's own words ("... experience preferred")."""
    words = line.casefold().split()
    return bool(words) and (words[-1] in _PART_NOUNS or (len(words) >= 3 and words[-3] in _PART_NOUNS
                                                          and words[-2] in {"and", "&"}))


#: The plural nouns a template page heads its parts with, after the role's name.
_PART_NOUNS = frozenset({"responsibilities", "duties", "accountabilities", "requirements", "qualifications"})


def _header_lines(blocks: list[Block], early: list[Block], meta: dict[str, str]) -> list[str]:
    """The lines a posting states its title on, if anywhere: the ``<h1>``, the page's
    title tags, the first line and the headings among the first lines."""
    found = [heading_text(b.text) for b in blocks if b.level == 1][:1]
    found += [_APPLICATION_PREFIX.sub("", meta[key]) for key in ("og:title", "twitter:title", "meta_title",
                                                                 "html_title") if key in meta]
    found += [heading_text(b.text) for i, b in enumerate(early[:15]) if i == 0 or b.is_heading]
    return found


# What a bracket after a title may add to it: a title in the other language, an acronym,
# "H/F" ("Directeur X (Chief Y Officer)", "(CCO)"); not a salary or a reference.
_TITLE_BRACKET = re.compile(r"^\((?:[^()]*\b(?:chief|officer|director|head|vp|manager|directeur|directrice|responsable)"
                            r"\b[^()]*|[A-Z]{2,5}|[HFhf]/[HFhf](?:/[A-Za-z])?)\)$|^«[^«»]+»$", re.I)


def _with_parenthetical(line: str, title: str) -> str | None:
    """``title`` with what ``line`` adds to it in brackets right after it (a bilingual
    posting's other-language title, an acronym, « Horizon Service »), or ``None``."""
    rest = line[len(title):] if line.startswith(title) else ""
    match = re.match(r"\s*(\([^()]{2,60}\)|«[^«»]{2,60}»)", rest)
    return title + " " + match.group(1) if match and _TITLE_BRACKET.match(match.group(1)) else None


# A clause, not a title: "Working closely with the Director of Operations", "Lead the customer function".
_CLAUSE = re.compile(r"^\s*(?:[A-Z][a-z]+ing\s+[a-z]|(?:lead|own|set|build|drive|run|manage|shape|deliver|join|help)"
                     r"\s+(?:the|our|a|an|your)\b)", re.I)


def _leading_title(line: str) -> str | None:
    """A header line too long to be a title, cut to its title: the first part that reads
    as one, and the parts after it that name a unit of the organisation. "Chief Customer
    Experience Officer - Motor Vehicle and Licensing Division - Calder City, SN" gives all
    but the place; "CCO - Lumenrow Energy - London - Permanent" gives "CCO". ``None``
    when the whole line reads as a title or no part does."""
    if looks_like_title(line):
        return None
    parts = TITLE_SEPARATORS.split(line)
    start = next((i for i, part in enumerate(parts) if looks_like_title(part) and not _CLAUSE.match(part)), None)
    if start is None:
        return None
    title = parts[start].strip()
    for part in parts[start + 1:]:
        part = part.strip()
        if (not FUNCTION_WORDS.search(part) or TITLE_WORDS.search(part) or ENGAGEMENT.search(part)
                or WORK_MODE.match(part) or CITY_STATE.match(part) or _is_city_country(part)
                or re.search(r"[£$€\d]", part) or len(f"{title} - {part}".split()) > 12):
            break
        title = f"{title} - {part}"
    return title


def _strip_at(text: str) -> tuple[str, str | None]:
    """Split "Chief Customer Officer at Harbourline" into the role and the company."""
    match = _AT_COMPANY.match(text)
    if match:
        return match.group(1).strip(), match.group(2).strip().rstrip(",.")
    return text, None


# What a title may carry that is not the job. A parenthetical naming how or where the
# job is done: "(Remote, US)", "(Hybrid, London)" ("(CCO)", "(EMEA)", "(Fractional)" and
# "(m/f/d)" stay: they say what the job is, or are part of how it is advertised).
_PLACE = re.compile(r"^[A-Z][\w.'’ -]*(?:,\s*[A-Z]{2})?$")  # "US", "London", "Austin, TX"
_LAST_PARENS = re.compile(r"^(.*?\S)\s*\(([^()]*)\)$")
_DASH_PART = re.compile(r"\s+[|–—-]\s+")
_COMMA_PART = re.compile(r",\s+")
# What describes the employer or the offer rather than the job: "PE-backed B2B
# Payments Scale-up", "up to £105k + 20% bonus", "100 %".
_DESCRIPTOR_WORDS = re.compile(
    r"\w-backed|funded|scale-?up|start-?up|\bseries [a-e]\b|fast[- ]growing|award[- ]winning|\bleading\b"
    r"|\b(?:b2b|b2c|d2c|saas|fintech|pe|vc|listed|ftse)\b|\b(?:company|firm|business|brand|platform)\b"
    r"|[£$€\d]|\bbonus\b|\bup to\b",
    re.I,
)


# What a role profile's title line may open with: "Role profile: ", "Position Description – ".
_DOCUMENT_PREFIX = re.compile(
    r"^(?:(?:executive\s+)?(?:role|job|position)\s+(?:profile|description|specification|spec)|person specification"
    r"|fiche de poste|description de poste)\s*(?::|\s[–—-])\s*"
    # a position description's field with its value aligned by spaces: "Position title    Chief ..."
    r"|^(?:job|position|role|post)\s+title\s+(?=(?-i:[A-Z]))", re.I)


# An HR site's template page names its role and then what the page is.
_TEMPLATE_SUFFIX = re.compile(r"\s*(?:[:–—-]\s*)?\b(?:job|role|position)\s+description(?:\s+(?:template|sample|example))?"
                              r"(?:\s*\([^()]*\))?\s*$", re.I)


def _client_about(blocks: list[Block]) -> str | None:
    """The client an agency's posting describes under "About <Name>" when it does not
    name it in a sentence ("Our client, a leading Canadian bank, ..." then "About
    Granitefield Bank"): a name that is no agency's and that the text opens a sentence
    with ("Granitefield Bank is a full service ...")."""
    text = [b for b in blocks if not b.is_heading]  # the heading itself says "About <Name>"
    return next((name for name in employer_about_names(blocks)
                 if len(name.split()) >= 2 and not is_agency(name, blocks) and named_as_employer(name, text)), None)


def trim_title(title: str, companies: list[str], names: frozenset[str] = frozenset(),
               header: str = "") -> tuple[str, str | None]:
    """The job title without what is not the job, and the company name it carried, if any.

    "Quillfeather Analytics - VP of Customer Success (Remote, US)" gives
    ``("VP of Customer Success", "Quillfeather Analytics")`` when the posting calls
    its employer Quillfeather. Only three kinds of part go: a work-mode parenthetical;
    a company name, which is one of ``companies`` (its legal form aside, or a fuller
    form of one: see :func:`.company.names_company`) or exactly one of ``names`` (names the
    body's sentences open with); and after a dash a descriptor of the employer or the
    offer with no role or function word and not saying how the job is held ("Interim").
    A role profile's "Role profile: " or "Position Description – " before the title goes too.
    Titles are full of commas and dashes that belong to them ("VP, Customer Success",
    "Director - Customer Experience", "Chief Customer Officer (CCO)"): anything else stays.
    """
    named = None
    for pattern, suffix in _NOT_THE_TITLE:
        found = pattern.search(title)
        if found:
            kept = title[:found.start()] if suffix else title[found.end():]
            if looks_like_title(kept):
                title = kept
    first, *rest = _DASH_PART.split(title, maxsplit=1)
    if rest and not TITLE_WORDS.search(first) and looks_like_title(rest[0]) and _is_company(first, companies, names):
        named, title = first, rest[0]
    while True:
        shorter, company = _drop_last_part(title, companies, names, header)
        if shorter == title:
            return title, named
        title, named = shorter, named or company


def _drop_last_part(title: str, companies: list[str], names: frozenset[str],
                    header: str = "") -> tuple[str, str | None]:
    """``title`` without its last part when that part is not the job, and that part when
    it is a company name; ``(title, None)`` when the last part belongs to the title."""
    parens = _LAST_PARENS.match(title)
    if parens and looks_like_title(parens.group(1)) and (_is_work_mode(parens.group(2))
                                                          or _REQUISITION.match(parens.group(2))):
        return parens.group(1), None
    for separator in (_DASH_PART, _COMMA_PART):
        cuts = list(separator.finditer(title))
        if not cuts:
            continue
        head, tail = title[:cuts[-1].start()], title[cuts[-1].end():]
        if not looks_like_title(head) or TITLE_WORDS.search(tail):
            continue
        if ENGAGEMENT.search(tail):
            continue  # how the job is held is part of it: "Chief Customer Officer - Interim"
        if _is_company(tail, companies, names):
            return head, tail
        if separator is _DASH_PART and (
            CITY_STATE.match(tail) or WORK_MODE.match(tail) or _is_city_country(tail, header)
            or (len(head.split()) >= 2 and len(tail.split()) >= 2 and _DESCRIPTOR_WORDS.search(tail)
                and not FUNCTION_WORDS.search(tail))
        ):
            return head, None
    return title, None


# A place and its country or region in full: "Rabat, Maroc", "Bristol, United Kingdom".
_CITY_COUNTRY = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?,\s*(?P<country>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)$")


def _is_city_country(text: str, header: str | None = None) -> bool:
    """"Rabat, Maroc" after a title's dash: a city and a country or region this list knows,
    the city named again in the ``header`` lines when they are given ("Home Insurance,
    Ireland" names a business, and stays)."""
    match = _CITY_COUNTRY.match(text)
    city = text.split(",")[0].strip()
    if header is not None and not re.search(rf"\b{re.escape(city)}\b", header):
        return False
    return bool(match) and bool(COUNTRIES.match(match.group("country"))) and not (
        FUNCTION_WORDS.search(text) or TITLE_WORDS.search(text) or _DESCRIPTOR_WORDS.search(text))


def _is_work_mode(text: str) -> bool:
    """"Remote, US", "Hybrid - London": where and how, naming at least one mode."""
    items = [item.strip() for item in re.split(r"[,;/]|\s[-–—·|]\s", text) if item.strip()]
    modes = [item for item in items if WORK_MODE.match(item)]
    return bool(modes) and all(
        item in modes or (_PLACE.match(item) and len(item.split()) <= 3 and not TITLE_WORDS.search(item)
                          and not ENGAGEMENT.search(item))
        for item in items
    )


def _is_company(text: str, companies: list[str], names: frozenset[str]) -> bool:
    """Whether a part of a title is the employer's name (see :func:`trim_title`), also
    as a careers site names itself ("Halverton Communications Careers")."""
    text = _CAREERS_SITE.sub("", text.strip())
    return text in names or names_company(text, companies)


# A requisition number in brackets after a title: "(25001842)", "(Req #4471)", "(JR-0983)".
_REQUISITION = re.compile(r"^(?:(?:req(?:uisition)?(?:\s*id)?|job(?:\s*id)?|ref(?:erence)?|id)\.?\s*(?:no\.?)?\s*#?\s*:?\s*"
                          r"\d[\d-]{2,}|[A-Z]{1,4}[-_]?\d[\d-]{2,}|\d[\d-]{4,})$", re.I)
# A careers site's crumb before the title: "Careers / Head of Customer Experience".
_JOBS_CRUMB_PREFIX = re.compile(r"^(?:careers|jobs|vacancies|open roles|current vacancies)\s*[/>›»]\s*", re.I)
# A requisition number an ATS glues to the title with a hyphen: "Director, Customer Care
# Operations-2500317" (five digits or more: "Tier-2" and a year stay).
_GLUED_REQUISITION = re.compile(r"(?<=[A-Za-z)])-\d{5,}$")
#: What a page puts around the title, in the order they are cut: suffixes ("Chief Customer
#: Officer Job Description Template", Taleo's "Director, Customer Care Operations-2500317"),
#: then prefixes ("Careers / Head of Customer Experience", "Role profile: Director of
#: Customer Experience"); each is cut only when what is left reads as a title.
_NOT_THE_TITLE = ((_TEMPLATE_SUFFIX, True), (_GLUED_REQUISITION, True), (_JOBS_CRUMB_PREFIX, False),
                  (_DOCUMENT_PREFIX, False))
# What a careers site adds to the employer's name in its page title.
_CAREERS_SITE = re.compile(r"\s+(?:careers?|jobs|job board|career site|recruiting|talent)$", re.I)
