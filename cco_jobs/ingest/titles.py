"""Find a posting's job title and hiring company where the posting states them.

Sources, most explicit first: ``Job title:``/``Company:`` lines, schema.org JSON-LD,
the ``<h1>``, Open Graph and ``<title>`` tags, "<Title> at <Company>", the first
heading or first line when it reads like a title, "About <Company>" headings. When
none applies the answer is ``None``: a wrong title is worse than none.
"""
from __future__ import annotations

import re

from .agency import client_named, for_a_client, is_agency
from .blocks import Block, heading_text
from .sections import section_key

_TITLE_WORDS = re.compile(
    r"\b(?:chief|officer|vp|svp|evp|avp|vice[- ]president|president|head|director|manager|lead|leader"
    r"|cco|cxo|ceo|coo|cfo|cto|cmo|cro|cso|cio|principal|gm|directeur|directrice"
    r"|responsable|dirigeant|dirigeante|chef|cheffe|(?:vice-)?pr[ée]sidente?)\b",
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
# "Client: Confidential" on a recruiter's page; a named client is the employer.
_EXPLICIT_CLIENT = re.compile(r"^client\s*:\s*(.+)$", re.I)
_UNNAMED = re.compile(r"confidential|undisclosed|not disclosed|unnamed|withheld", re.I)
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
    """The posting's ``(title, company)``, each ``None`` when the posting does not say.

    A company the posting names outright (a "Company:" or "Client:" line, the page's
    JSON-LD) stands as written. One found otherwise is dropped when a recruiter
    advertises for an unnamed client (:mod:`.agency`): the name the page gives is
    then the agency's. The title loses what is not the job (:func:`trim_title`), and a
    short company name its header lines give in full is given in full (:func:`_fuller_name`).
    """
    early = [b for b in blocks[:SEARCH_BLOCKS * 2] if not b.chrome][:SEARCH_BLOCKS]
    title = company = client = None
    for block in early:
        if ":" not in block.text:
            continue  # not a "Job title:" or "Company:" line
        text = heading_text(block.text)
        if title is None and (m := _EXPLICIT_TITLE.match(text)):
            title = m.group(1).strip()
        if company is None and (m := _EXPLICIT_COMPANY.match(text)):
            company = m.group(1).strip()
        if client is None and (m := _EXPLICIT_CLIENT.match(text)):
            client = m.group(1).strip()
    candidates = _title_candidates(blocks, early, meta)
    if title is None:
        title = meta.get("jsonld_title") or next((c for c in candidates if looks_like_title(_strip_at(c)[0])), None)
    company = company or (client if client and not _UNNAMED.search(client) else None) or meta.get("jsonld_company")
    stated = company is not None
    for candidate in ([title] if title else []) + candidates:
        if company is not None:
            break  # the first company found stands: no need to read the other candidates
        role, at = _strip_at(candidate)
        if at and looks_like_title(role) and not _NOT_COMPANIES.search(at):
            company = at
    if title:
        title = _strip_at(title)[0]
    unnamed_client = False  # a recruiter's posting for a client it does not name
    if not stated:
        company = company or _company_from_page(blocks, meta, _company_under_title(early, title))
        if client or for_a_client(blocks):
            company = client_named(blocks) or (None if client or is_agency(company, blocks) else company)
            unnamed_client = company is None
    named = None
    if title:
        names = _leading_names(blocks) if _DASH_PART.search(title) or ", " in title else frozenset()
        title, named = trim_title(title, [n for n in [company, *_about_names(blocks)] if n], names)
    if not stated and not unnamed_client:
        # "Quillfeather Analytics - VP..." names the company in full; the body shortens it.
        full = named if named and (company is None or _names_company(named, [company])) else None
        company = full or (_fuller_name(company, early) if company else None)
    return title, company


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


def _company_from_page(blocks: list[Block], meta: dict[str, str], under_title: str | None = None) -> str | None:
    """The employer the page names: its branding (:func:`_corroborated_company`, the site
    name, a careers-site title), else the name on the line under the title
    (:func:`_company_under_title`), else an "About <Name>" heading or the name the
    body's sentences open with. Those two stand over the line under the title when they
    are its name without the legal form ("Fibrefly" for "Fibrefly Ltd")."""
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
        about = named  # "About Marrowell" over "Marrowell Health is a virtual care company"
    if under_title and (about is None or _bare_name(about) != _bare_name(under_title)):
        return under_title
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


# What a title may carry that is not the job. A parenthetical naming how or where the
# job is done: "(Remote, US)", "(Hybrid, London)" ("(CCO)", "(EMEA)", "(Fractional)" and
# "(m/f/d)" stay: they say what the job is, or are part of how it is advertised).
_WORK_MODE = re.compile(
    r"^(?:fully |100% )?(?:remote(?:[- ]first)?|hybrid|on[- ]?site|in[- ]office|office[- ]based|home[- ]based)$", re.I
)
_PLACE = re.compile(r"^[A-Z][\w.'’ -]*(?:,\s*[A-Z]{2})?$")  # "US", "London", "Austin, TX"
_CITY_STATE = re.compile(r"^[A-Z][\w.'’ -]*,\s*[A-Z]{2}$")
_LEADING_NAME = re.compile(r"^([A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|&)){0,4})\s+[a-z]")
_LAST_PARENS = re.compile(r"^(.*?\S)\s*\(([^()]*)\)$")
_DASH_PART = re.compile(r"\s+[|–—-]\s+")
_COMMA_PART = re.compile(r",\s+")
# Words naming a function or a part of an organisation: "Chief Customer Officer -
# Business Services" and "VP - Customer Experience" name the job in full.
_FUNCTION_WORDS = re.compile(
    r"\b(?:customers?|clients?|members?|patients?|guests?|consumers?|users?|citizens?|experience|cx|success"
    r"|services?|support|care|operations?|ops|sales|revenue|accounts?|commercial|marketing|product|engineering"
    r"|finance|technology|digital|transformation|strategy|insights?|delivery|contact|centres?|centers?"
    r"|retention|growth|partnerships?|quality|complaints|relations|management|office|department|division"
    r"|directorate|unit|team|group|lines?|enterprise|retail|residential)\b",
    re.I,
)
# Words that name a function or a page, never part of a company's name: "Acme Customer
# Experience" is Acme's customer experience team, "Acme Careers" its careers site.
_ROLE_WORDS = re.compile(
    r"\b(?:customers?|clients?|experience|success|support|service|operations|ops|careers?|jobs?|teams?|hiring)\b",
    re.I,
)
# How the job is held, which is part of the job: "Chief Customer Officer - Interim, 6
# months", "Head of CX (Maternity cover, London)".
_ENGAGEMENT = re.compile(
    r"\b(?:interim|fractional|contract|contractor|maternity|paternity|parental|cover|fixed[- ]term|ftc|part[- ]time"
    r"|temporary|secondment)\b",
    re.I,
)
# What describes the employer or the offer rather than the job: "PE-backed B2B
# Payments Scale-up", "up to £105k + 20% bonus", "100 %".
_DESCRIPTOR_WORDS = re.compile(
    r"\w-backed|funded|scale-?up|start-?up|\bseries [a-e]\b|fast[- ]growing|award[- ]winning|\bleading\b"
    r"|\b(?:b2b|b2c|d2c|saas|fintech|pe|vc|listed|ftse)\b|\b(?:company|firm|business|brand|platform)\b"
    r"|[£$€\d]|\bbonus\b|\bup to\b",
    re.I,
)


def trim_title(title: str, companies: list[str], names: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """The job title without what is not the job, and the company name it carried, if any.

    "Quillfeather Analytics - VP of Customer Success (Remote, US)" gives
    ``("VP of Customer Success", "Quillfeather Analytics")`` when the posting calls
    its employer Quillfeather. Only three kinds of part go: a work-mode parenthetical;
    a company name, which is one of ``companies`` (its legal form aside, or a fuller
    form of one: see :func:`_names_company`) or exactly one of ``names`` (names the
    body's sentences open with); and after a dash a descriptor of the employer or the
    offer with no role or function word and not saying how the job is held ("Interim").
    Titles are full of commas and dashes that belong to them ("VP, Customer Success",
    "Director - Customer Experience", "Chief Customer Officer (CCO)"): anything else stays.
    """
    named = None
    first, *rest = _DASH_PART.split(title, maxsplit=1)
    if rest and not _TITLE_WORDS.search(first) and looks_like_title(rest[0]) and _is_company(first, companies, names):
        named, title = first, rest[0]
    while True:
        shorter, company = _drop_last_part(title, companies, names)
        if shorter == title:
            return title, named
        title, named = shorter, named or company


def _drop_last_part(title: str, companies: list[str], names: frozenset[str]) -> tuple[str, str | None]:
    """``title`` without its last part when that part is not the job, and that part when
    it is a company name; ``(title, None)`` when the last part belongs to the title."""
    parens = _LAST_PARENS.match(title)
    if parens and looks_like_title(parens.group(1)) and _is_work_mode(parens.group(2)):
        return parens.group(1), None
    for separator in (_DASH_PART, _COMMA_PART):
        cuts = list(separator.finditer(title))
        if not cuts:
            continue
        head, tail = title[:cuts[-1].start()], title[cuts[-1].end():]
        if not looks_like_title(head) or _TITLE_WORDS.search(tail):
            continue
        if _is_company(tail, companies, names):
            return head, tail
        if separator is _DASH_PART and not _ENGAGEMENT.search(tail) and (
            _CITY_STATE.match(tail) or _WORK_MODE.match(tail)
            or (len(head.split()) >= 2 and len(tail.split()) >= 2 and _DESCRIPTOR_WORDS.search(tail)
                and not _FUNCTION_WORDS.search(tail))
        ):
            return head, None
    return title, None


def _is_work_mode(text: str) -> bool:
    """"Remote, US", "Hybrid - London": where and how, naming at least one mode."""
    items = [item.strip() for item in re.split(r"[,;/]|\s[-–—·|]\s", text) if item.strip()]
    modes = [item for item in items if _WORK_MODE.match(item)]
    return bool(modes) and all(
        item in modes or (_PLACE.match(item) and len(item.split()) <= 3 and not _TITLE_WORDS.search(item)
                          and not _ENGAGEMENT.search(item))
        for item in items
    )


def _is_company(text: str, companies: list[str], names: frozenset[str]) -> bool:
    """Whether a part of a title is the employer's name (see :func:`trim_title`)."""
    return text.strip() in names or _names_company(text, companies)


def _leading_names(blocks: list[Block]) -> frozenset[str]:
    """Capitalised names that open a sentence of the body: "Tasklane connects homeowners..."."""
    found = set()
    for block in blocks[:SEARCH_BLOCKS * 2]:
        if block.chrome or block.is_heading:
            continue
        match = _LEADING_NAME.match(block.text)
        if match and match.group(1).split()[0] not in _NOT_NAME_STARTS and not _FUNCTION_WORDS.search(match.group(1)):
            found.add(match.group(1))
    return frozenset(found)


def _names_company(text: str, companies: list[str]) -> bool:
    """Whether ``text`` is one of ``companies``, a legal form aside ("Care UK Ltd" for
    "Care UK"), or a fuller form of one that adds to the name, not a function
    ("Quillfeather Analytics" for "Quillfeather"; not "Care" for "Care UK", nor "Acme
    Customer Experience" for "Acme")."""
    text = _bare_name(text)
    return bool(text) and any(
        text == name or (text.startswith(name + " ") and not _ROLE_WORDS.search(text[len(name):]))
        for name in map(_bare_name, companies) if len(name) > 1
    )


def _bare_name(name: str) -> str:
    """A company name folded and without its legal form: "care uk" for "Care UK Ltd."."""
    words = name.casefold().split()
    while len(words) > 1 and words[-1].strip(".,") in _LEGAL_FORMS:
        words.pop()
    return " ".join(words).rstrip(",")


# Header lines give a company's name in full: "Tidewell Pharmacy · Leeds, UK · On-site".
_NAME_END = re.compile(r"\s+[·•|–—-]\s+|\s*[,(]")
_NAME_PREFIXES = frozenset({"the", "la", "le", "les", "l'", "l’", "groupe", "group", "coopérative", "cooperative",
                            "banque", "caisse", "société", "societe", "maison"})
_NAME_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "et", "und", "y"})
_FRENCH_OF = frozenset({"de", "des", "du", "d'", "d’"})
# "Fibrefly Ltd" says no more than "Fibrefly": the short name stands.
_LEGAL_FORMS = frozenset({"ltd", "limited", "inc", "llc", "llp", "plc", "gmbh", "ag", "sa", "sas", "bv", "b.v",
                          "nv", "pte", "pty", "co", "corp", "corporation"})
_GLUED = re.compile(r"[a-z.][.][A-Z][a-z]")  # "Pte. Ltd.Singapore": a scrape's lost line break
MAX_HEADER_WORDS = 12


def _fuller_name(company: str, early: list[Block]) -> str:
    """The full name a header line gives ``company`` ("Cobaltline Broadband Ltd" for
    "Cobaltline"), or ``company``.

    The body's sentences shorten the name ("Cobaltline brings fibre broadband..."), the
    lines above the first section give it in full. A header line counts when it is
    short and starts with a name (capitalised words, "of", "&", French "de ...") whose
    first words are ``company``, perhaps after "The", "Groupe", "Coopérative".
    """
    short = company.casefold().split()
    for block in early:
        text = heading_text(block.text)
        if block.is_heading and section_key(text) != "other":
            break  # the header lines end where the first section starts
        if block.is_bullet or block.verbatim or len(text.split()) > MAX_HEADER_WORDS or text.endswith("."):
            continue
        name = _NAME_END.split(text, maxsplit=1)[0].strip()
        words = name.split()
        folded = [w.casefold() for w in words]
        at = 1 if folded[:1] and folded[0] in _NAME_PREFIXES else 0
        added = folded[at + len(short):]
        if (len(short) < len(words) <= 6 and folded[at:at + len(short)] == short and _is_name(words)
                and not all(word.strip(".,") in _LEGAL_FORMS for word in added)
                and not any(_ROLE_WORDS.fullmatch(word) for word in added)
                and not looks_like_title(name) and ":" not in name and not _NOT_COMPANIES.search(name)
                and _careers_name(name) is None and not _GLUED.search(name)):
            return name
    return company


def _is_name(words: list[str]) -> bool:
    """Capitalised words, with "of", "&"... inside; French names go lower case after "de"."""
    if not words[0][:1].isupper():
        return False
    for word in words[1:]:
        if word.casefold() in _FRENCH_OF:
            return True
        if not (word[:1].isupper() or word[:1].isdigit() or word.casefold() in _NAME_CONNECTORS):
            return False
    return True


# A line under the title that names no employer: "Denver, CO", "Full-time", "Apply Now".
_NOT_NAME_WORDS = re.compile(
    r"^(?:full[- ]time|part[- ]time|permanent|temporary|contract|freelance|internship|apply|now|save|share|back"
    r"|posted|new|urgent|locations?|overview|summary|details|description|united|kingdom|states|america|usa|uk"
    r"|us|emea|apac|greater|san|santa|los|las|hong|kong|tel|aviv|january|february|march|april|may|june|july|august|september|october|november|december)$",
    re.I,
)


def _company_under_title(early: list[Block], title: str | None) -> str | None:
    """The organisation a short line directly under the title names ("Chief Customer
    Officer" then "Quickdial Telecom Services"), or ``None``.

    The line must come before the first section and read as a name alone: two to six
    capitalised words, perhaps a legal form ("Quickdial Telecom Ltd", "Bramblecourt
    Stores, Inc."). A place, a work mode, a date, a salary, a reference, a department
    ("Customer Operations") or a tagline is not one; nor is one word alone, which may as
    well be a city ("London") as a name.
    """
    if not title:
        return None
    for i, block in enumerate(early[:-1]):
        text = heading_text(block.text)
        if text.casefold() == title.casefold():
            break
        if block.is_heading and section_key(text) != "other":
            return None  # the title line comes after the first section: not a header
    else:
        return None
    line = early[i + 1]
    text = heading_text(line.text).strip()
    name, _, legal = text.partition(", ")  # "Bramblecourt Stores, Inc."
    if legal and (legal.casefold().strip(".") not in _LEGAL_FORMS or _CITY_STATE.match(text)):  # "Denver, CO"
        return None
    words = [word.strip("()") for word in name.split()]
    if (line.is_bullet or line.verbatim or not 1 < len(words) <= 6 or not all(words)
            or (line.is_heading and section_key(text) != "other")
            or re.search(r"[\d:;!?£$€|·•–—/]|\s-\s", text)
            or (text.endswith(".") and text.split()[-1].casefold().strip(".,") not in _LEGAL_FORMS)
            or not _is_name(words) or looks_like_title(text) or _SENTENCE_WORDS.search(text)
            or _ROLE_WORDS.search(text) or _NOT_COMPANIES.search(text) or _careers_name(text)
            or any(_WORK_MODE.match(word) or _ENGAGEMENT.fullmatch(word) or _NOT_NAME_WORDS.match(word)
                   for word in words)
            or all(_FUNCTION_WORDS.fullmatch(word) or word.casefold() in _NAME_CONNECTORS for word in words)):
        return None
    return text
