"""Find the hiring company's name where a posting gives it without a "Company:" line.

:func:`.titles.find_title_and_company` asks these rules after the explicit sources.
:func:`company_from_page` takes the page's branding when the body agrees with it (a job
board brands its pages with its own name), else the site name or a careers-site title,
else the line under the title (:func:`company_under_title`), an "About <Name>" heading
or the name the body's sentences open with. :func:`fuller_name` gives a short name in
the full form a header line has ("Cobaltline Broadband Ltd" for "Cobaltline").
"""
from __future__ import annotations

import re

from .blocks import Block, heading_text
from .sections import known_section, section_key
from .title_words import (
    CITY_STATE,
    COUNTRIES,
    ENGAGEMENT,
    FUNCTION_WORDS,
    NOT_COMPANIES,
    SEARCH_BLOCKS,
    SENTENCE_WORDS,
    TITLE_SEPARATORS,
    TITLE_WORDS,
    WORK_MODE,
    looks_like_title,
)

# Capital letters a name may start with: "Çarşıla", "Élan", "Łódź Freight" as well as A-Z.
_CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
_CAREERS = re.compile(
    r"^(?:careers at|jobs at|work at|join)\s+(.+)$|^(.+?)\s+(?:careers|jobs|career site|recrutement)$", re.I
)
_ABOUT = re.compile(r"^(?:about|à propos de|a propos de)\s+(.+)$", re.I)
# A name of capitalised words (and "&", "of", "and", "for" inside it) that a sentence
# starts with, followed by what sentences say of an employer, or a logo's alt text.
_NAME_LEADS = re.compile(
    rf"^({_CAPITAL}[\w&.'’-]*(?:\s+(?:{_CAPITAL}[\w&.'’-]*|&|of|and|for)){{0,5}}?)"
    r"(?:\s+(?:is|are|was|has|have|helps|builds|makes|provides|serves|operates|runs|offers|automates"
    r"|designs|develops|delivers|exists|believes|employs)\b(?!\s+(?:looking|seeking|hiring|recruiting))"
    r"|\s+logo$)"
)
# Sentence openings that are not names: "We are", "This role is", "Our team has".
_NOT_NAME_STARTS = frozenset(
    "A An I We Our Us You Your This That These Those The It Its They Their He She There Here What About "
    "Who When Where Why How As In At On If For Every Each All Most Some Any Success Experience "
    "Selection Applications Candidates Salary Pay Compensation Benefits Travel Hours Employment "
    "Relocation Training Onboarding Interviews Shortlisting Safety Security Below Above Note Please "
    "Diversity Equality Inclusion Wellbeing Flexibility Privacy Persons People Employees Staff Applicants "
    "Residents Customers Clients Members Patients".split()
)
# What may follow a company's name at the start of a line: "Lumenrow · Denver, CO", "Acme — Full-time".
_AFTER_NAME = re.compile(r"\s*(?:$|[·•|–—,(]|-\s)")
# A name opening a sentence of the body: "Tasklane connects homeowners...".
_LEADING_NAME = re.compile(rf"^({_CAPITAL}[\w&'’-]*(?:\s+(?:{_CAPITAL}[\w&'’-]*|&)){{0,4}})\s+[a-z]")
# Words that name a function or a page, never part of a company's name: "Acme Customer
# Experience" is Acme's customer experience team, "Acme Careers" its careers site.
_ROLE_WORDS = re.compile(
    r"\b(?:customers?|clients?|experience|success|support|service|operations|ops|careers?|jobs?|teams?|hiring)\b",
    re.I,
)


def _title_pieces(meta: dict[str, str]) -> list[str]:
    """The parts of the page's ``<title>``: "Chief Customer Officer - Lumenrow | HireHarbor Jobs"."""
    return [p.strip() for p in TITLE_SEPARATORS.split(meta.get("html_title", "")) if p.strip()]


def _careers_name(piece: str) -> str | None:
    """The name in a careers-site title part ("Acme Careers", "Jobs at Acme"), or ``None``."""
    match = _CAREERS.match(piece)
    return (match.group(1) or match.group(2)).strip() if match else None


def about_names(blocks: list[Block]) -> list[str]:
    """The names of the "About <Name>" headings, in order (not a footer menu that starts
    with "About": "About Careers Press Help Center Privacy Terms"; "About Press Ganey"
    names one)."""
    return [m.group(1).strip() for b in blocks if b.is_heading and not b.chrome
            and (m := _ABOUT.match(heading_text(b.text))) and len(_MENU_WORDS.findall(m.group(1))) < 2]


def employer_about_names(blocks: list[Block]) -> list[str]:
    """The names of the "About <Name>" headings that may be an employer's: capitalised, six
    words at most, not a page or a function ("About the role" is neither)."""
    return [name for name in about_names(blocks)
            if name[:1].isupper() and len(name.split()) <= 6 and not NOT_COMPANIES.search(name)]


# Words of a site's menu, never of an employer's name.
_MENU_WORDS = re.compile(r"\b(?:careers|press|privacy|terms|help\s+cent(?:er|re)|sitemap|cookies|log\s?in|sign\s+in)\b",
                         re.I)


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
    abouts = about_names(blocks)
    scores: dict[str, int] = {}
    for name in filter(None, branding + abouts):
        if (name in scores or not name[:1].isupper() or len(name.split()) > 6 or looks_like_title(name)
                or NOT_COMPANIES.search(name)):
            continue
        starts_a_line = any(text.startswith(name) and _AFTER_NAME.match(text, len(name)) for text in early)
        scores[name] = branding.count(name) + 2 * abouts.count(name) + 2 * starts_a_line
    best = max(scores, key=scores.__getitem__, default=None)  # the first of equals
    return best if best is not None and scores[best] >= 3 else None


def company_from_page(blocks: list[Block], meta: dict[str, str], under_title: str | None = None) -> str | None:
    """The employer the page names: its branding (:func:`_corroborated_company`, the site
    name, a careers-site title), else the name on the line under the title
    (:func:`company_under_title`), else an "About <Name>" heading or the name the
    body's sentences open with. Those two stand over the line under the title when they
    are its name without the legal form ("Fibrefly" for "Fibrefly Ltd")."""
    corroborated = _corroborated_company(blocks, meta)
    if corroborated:
        return corroborated
    site = meta.get("og:site_name") or meta.get("application_name")
    if site and not NOT_COMPANIES.search(site):
        return site
    for piece in _title_pieces(meta):
        name = _careers_name(piece)
        if name and not NOT_COMPANIES.search(name):
            return name
    about = next(iter(employer_about_names(blocks)), None)
    named = _company_named_in_text(blocks)
    if named and (about is None or named.startswith(about)):
        about = named  # "About Marrowell" over "Marrowell Health is a virtual care company"
    if under_title and (about is None or bare_name(about) != bare_name(under_title)
                        or (about.isupper() and not under_title.isupper())):  # "NORTHWIND BANK is ..."
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
        if len(name) > 1 and name.split()[0] not in _NOT_NAME_STARTS and not NOT_COMPANIES.search(name):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__, default=None)


def leading_names(blocks: list[Block]) -> frozenset[str]:
    """Capitalised names that open a sentence of the body: "Tasklane connects homeowners..."."""
    found = set()
    for block in blocks[:SEARCH_BLOCKS * 2]:
        if block.chrome or block.is_heading:
            continue
        match = _LEADING_NAME.match(block.text)
        if match and match.group(1).split()[0] not in _NOT_NAME_STARTS and not FUNCTION_WORDS.search(match.group(1)):
            found.add(match.group(1))
    return frozenset(found)


# How a job is offered, which a board puts on a line of its own: "Permanent", "Temps plein".
_CONTRACT = re.compile(r"\b(?:permanent|full[- ]time|part[- ]time|temps (?:plein|partiel)|cdi|cdd|contract|interim"
                       r"|temporary|freelance|stage|alternance)\b", re.I)


def standalone_names(blocks: list[Block]) -> frozenset[str]:
    """Short capitalised lines alone in a posting's header that can only be a name and
    that the posting names again further on: "Nejma Télécom" under the page's furniture,
    which "Directeur de la Relation Client - Nejma Télécom - Casablanca" names before it and
    "Nejma Télécom est un opérateur..." after. Not a heading, a place, a country, a work
    mode, a contract, a function ("Customer Experience") or a line with a title word or a
    figure."""
    found = set()
    header = blocks[:SEARCH_BLOCKS]
    for at, block in enumerate(header):
        text = block.text.strip().rstrip(".,")
        if (block.chrome or block.is_heading or block.is_bullet or not text[:1].isupper()
                or not 0 < len(text.split()) <= 5 or re.search(r"[\d:|·•/]", text)):
            continue
        if (TITLE_WORDS.search(text) or FUNCTION_WORDS.search(text) or SENTENCE_WORDS.search(text)
                or CITY_STATE.match(text) or WORK_MODE.match(text) or NOT_COMPANIES.search(text)
                or COUNTRIES.match(text) or ENGAGEMENT.search(text) or _CONTRACT.search(text)):
            continue
        # named again, and not as a place ("...customers in Greater London")
        mention = re.compile(rf"(?<!\bin )(?<!\bat )(?<!\bnear )(?<!\bacross )(?<!\baround ){re.escape(text)}")
        if any(mention.search(later.text) for later in blocks[at + 1:SEARCH_BLOCKS * 4] if later.text.strip() != text):
            found.add(text)
    return frozenset(found)


def names_company(text: str, companies: list[str]) -> bool:
    """Whether ``text`` is one of ``companies``, a legal form aside ("Care UK Ltd" for
    "Care UK"), or a fuller form of one that adds to the name, not a function
    ("Quillfeather Analytics" for "Quillfeather"; not "Care" for "Care UK", nor "Acme
    Customer Experience" for "Acme")."""
    text = bare_name(text)
    return bool(text) and any(
        text == name or (text.startswith(name + " ") and not _ROLE_WORDS.search(text[len(name):]))
        for name in map(bare_name, companies) if len(name) > 1
    )


def bare_name(name: str) -> str:
    """A company name folded and without its legal form: "care uk" for "Care UK Ltd."."""
    return " ".join(_without_legal_form(_LEGAL_TAIL.sub("", name.strip()).casefold().split())).rstrip(",")


def _without_legal_form(words: list[str]) -> list[str]:
    """``words`` without the legal forms that end them: ["Lumera", "Énergie"] for "Lumera Énergie SA"."""
    words = list(words)
    while len(words) > 1 and words[-1].casefold().strip(".,") in _LEGAL_FORMS:
        words.pop()
    return words


# Header lines give a company's name in full: "Tidewell Pharmacy · Leeds, UK · On-site".
_NAME_END = re.compile(r"\s+[·•|–—-]\s+|\s*[,(]")
_NAME_PREFIXES = frozenset({"the", "la", "le", "les", "l'", "l’", "groupe", "group", "coopérative", "cooperative",
                            "banque", "caisse", "société", "societe", "maison"})
_NAME_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "et", "und", "y"})
_FRENCH_OF = frozenset({"de", "des", "du", "d'", "d’"})
# "Fibrefly Ltd" says no more than "Fibrefly": the short name stands.
_LEGAL_FORMS = frozenset({"ltd", "limited", "inc", "llc", "llp", "plc", "p.l.c", "gmbh", "ag", "sa", "s.a", "sas",
                          "bv", "b.v", "nv", "n.v", "pte", "pty", "co", "corp", "corporation", "sarl", "s.a.r.l",
                          "sàrl", "spa", "s.p.a", "srl", "s.r.l", "pjsc", "psc", "s.a.o.c", "s.a.o.g", "wll",
                          "w.l.l", "pvt", "bhd", "sdn", "s.r.o", "a.s", "kft", "eood", "ood", "d.o.o", "oy", "oyj",
                          "aps", "s.a.s"})
# Legal forms of more than one word, at the end of a name: Polish "Sp. z o.o.", Mexican
# "S.A. de C.V." and "S. de R.L. de C.V.".
_LEGAL_TAIL = re.compile(r"\s+(?:sp\.?\s*z\s*o\.\s*o\.?|sp[oó][lł]ka\s+z\s+o\.\s*o\.?"
                         r"|s\.\s*a\.\s*(?:p\.\s*i\.\s*)?de\s+c\.\s*v\.?|s\.\s*de\s+r\.\s*l\.(?:\s*de\s+c\.\s*v\.)?)$",
                         re.I)
_GLUED = re.compile(r"[a-z.][.][A-Z][a-z]")  # "Pte. Ltd.Singapore": a scrape's lost line break
MAX_HEADER_WORDS = 12


def fuller_name(company: str, early: list[Block]) -> str:
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
                and not looks_like_title(name) and ":" not in name and not NOT_COMPANIES.search(name)
                and _careers_name(name) is None and not _GLUED.search(name)):
            return name
    return company


def _is_name(words: list[str]) -> bool:
    """Capitalised words, with "of", "&"... inside; French names go lower case after "de"."""
    if not words[0][:1].isupper():
        return False
    for k, word in enumerate(words[1:], start=2):
        if word.casefold() in _FRENCH_OF:
            return True
        if k == len(words) and word.casefold().strip(".,") in _LEGAL_FORMS:
            return True  # "Norvia Communications inc."
        if not (word[:1].isupper() or word[:1].isdigit() or word.casefold() in _NAME_CONNECTORS):
            return False
    return True


# A line under the title that names no employer: "Denver, CO", "Full-time", "Apply Now".
_NOT_NAME_WORDS = re.compile(
    r"^(?:full[- ]time|part[- ]time|permanent|temporary|contract|freelance|internship|apply|now|save|share|back"
    r"|posted|new|urgent|locations?|overview|summary|details|description|united|kingdom|states|america|usa|uk"
    r"|us|emea|apac|greater|san|santa|los|las|hong|kong|tel|aviv|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|confidential|confidentiel|confidentielle|anonyme|anonymous|recrutement|recruitment|recruiting|hiring|emploi"
    r"|job|jobs|today|alert|pack)$",
    re.I,
)


def company_under_title(early: list[Block], title: str | None) -> str | None:
    """The organisation a short line directly under the title names ("Chief Customer
    Officer" then "Quickdial Telecom Services"), or ``None``.

    The line must come before the first section and read as a name alone: two to six
    capitalised words, perhaps a legal form ("Quickdial Telecom Ltd", "Bramblecourt
    Stores, Inc."). A place, a work mode, a date, a salary, a reference, a department
    ("Customer Operations") or a tagline is not one; nor is one word alone, which may as
    well be a city ("London") as a name. A header line of parts ("Duinlicht Energie
    B.V. | Arnhem | 36-40 hours") names it in its first part, and a bilingual posting's
    title in its second language may come between ("Directeur, Service à la clientèle",
    "Director, Customer Service", then the name).
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
    at = i + 1
    if at + 1 < len(early) and not early[at].is_bullet and looks_like_title(heading_text(early[at].text)):
        at += 1  # the title again, in the posting's other language
    line = early[at]
    if line.is_bullet:
        return None
    text = heading_text(line.text).strip()
    for_client = _FOR_CLIENT_LINE.match(text)
    if for_client and _name_alone(for_client.group(1), line, single_word=True):
        # a French board's "Cabinet Marlaud & Associés pour Voltéa Énergie": the client employs
        return _name_alone(for_client.group(2), line, single_word=True)
    first = _HEADER_PARTS.split(text, maxsplit=1)
    if len(first) > 1:  # a header line of parts (read as a one-row table in plain text)
        # "Maison Brindille - Mérignac (33)", "Duinlicht Energie B.V. | Arnhem"; not a unit
        # and its parent ("Professional Services - Directorate of Student Services")
        piped = bool(_PIPE_PARTS.search(text))
        if _ORG_UNIT.search(first[1]) and not piped:
            return None
        name = _name_alone(first[0].strip(), line, single_word=True)
        # ... when the posting's text names it too ("Vacancy ID | 4471" names nobody); a
        # single word, or a name before a dash ("Maison Brindille - Mérignac (33)", but
        # "Pays de la Loire - Nantes (44)"), only where an employer is named
        as_a_place = piped and len(name.split()) > 1 if name else True
        return name if name and _named_again(name, early[at + 1:], as_a_place=as_a_place) else None
    if line.verbatim:
        return None
    name = _name_alone(text, line, single_word=True)
    if name and len(name.split()) == 1:
        # one word alone may be a city ("London"): a name when the text names it again, and
        # not as a place ("Vallonergie" then "Vallonergie est un distributeur ...")
        return name if _named_again(name, early[at + 1:], as_a_place=False) else None
    return name


# A recruiter's line under the title naming its client: "<agency> pour <client>", "<agency>
# pour le compte de <client>".
_FOR_CLIENT_LINE = re.compile(r"^(.{3,60}?)\s+pour\s+(?:le\s+compte\s+d(?:e\s+|['’]))?(\S.{2,60})$")


# The last word of a group's name that its own text drops ("Kasumi Denki Holdings").
_GROUP_WORDS = frozenset({"holdings", "group", "company", "corporation", "corp", "corp.", "incorporated"})


def _named_again(name: str, later: list[Block], as_a_place: bool = True) -> bool:
    """Whether a block of ``later`` names ``name`` (a legal form aside); with
    ``as_a_place=False``, only as an employer is named: opening a sentence ("Vallonergie
    est un distributeur ...") or after "at", "join", "about", "chez", "à propos de"
    ("rejoindre Klyvo"), never
    where a place's name would stand ("à Gatineau", "(Bruxelles et Namur)")."""
    if as_a_place:
        bare = bare_name(name)
        return any(bare in block.text.casefold() for block in later)
    # "Lumera Énergie SA" is named "Lumera Énergie" in its sentences, or in full, and
    # "Kasumi Denki Holdings Co., Ltd." may be "Kasumi Denki"
    core = _without_legal_form(name.split())
    forms = [name, " ".join(core).rstrip(",")]
    if len(core) > 2 and core[-1].casefold() in _GROUP_WORDS:
        forms.append(" ".join(core[:-1]))
    name = "(?:" + "|".join(map(re.escape, forms)) + ")"
    # after "at", "join", "about", "we are", "welcome to", "why", "chez", "à propos de", "nous
    # sommes", "le groupe", "la société": the name, whatever follows it
    after_trigger = re.compile(rf"(?i:\b(?:at|join|joining|about|we\s+are|we['’]re|welcome\s+to|working\s+for"
                               rf"|work\s+for|why|chez|rejoindre|rejoignez|rejoins|propos\s+de|nous\s+sommes|pourquoi"
                               rf"|le\s+groupe|la\s+soci[ée]t[ée]|l['’]entreprise)\s+)"
                               rf"(?:(?:the|la|le|les)\s+|l['’])?(?i:{name})(?![a-zà-ÿ])")
    # opening a sentence or a clause, or in brackets, as the subject of what follows:
    # "Vallonergie est ...", "Maison Brindille, c'est ...", "AMA (Assurances Mutuelles
    # Ardilane) protège ...", "La Mutuelle Solidaire du Poitou (MSP) protège ...",
    # "Fondée en 1979, Fabrications Boréalis inc. conçoit ..."
    as_subject = re.compile(rf"(?:^|[.!?]\s+|\(|,\s+)(?:(?:The|La|Le|Les)\s+|L['’])?(?i:{name})"
                            rf"(?=,?\s+(?!(?:et|and)\b)[a-zà-ÿ]|\s+\([A-Z]{{2,6}}\)|\)|['’]s\b"
                            rf"|\s*[:?]|\s+[–—]\s)")
    return any(after_trigger.search(block.text) or as_subject.search(block.text) for block in later)


# The parts of a header line: "Duinlicht Energie B.V. | Arnhem | Full-time".
_HEADER_PARTS = re.compile(r"\s+[|·•–—-]\s+")
_PIPE_PARTS = re.compile(r"\s+[|·•]\s+")
# A part of an organisation, which a header line may name after its parent with a dash.
_ORG_UNIT = re.compile(r"\b(?:directorate|department|division|office|unit|services|direction|d[ée]partement)\b", re.I)
# A line that names a unit, not an employer: French "Direction ..." always, English
# "Department"/"Division" unless "of"/"for" makes it a ministry ("Department of Health").
_UNIT_LINE = re.compile(r"^(?:direction\b|d[ée]partement\b|(?:department|division|directorate)\b(?!\s+(?:of|for)\b))",
                        re.I)


def _name_alone(text: str, line: Block, single_word: bool = False, document: bool = False) -> str | None:
    """``text`` when it reads as an organisation's name and nothing else (see
    :func:`company_under_title`); one word only with ``single_word`` (then the caller
    checks the posting names it again). With ``document`` (the first line of a role
    profile, above "Job Description"), a name of up to eight words may name a service
    or a country ("Waimārie District Health Service", "Halvorsen Motor Financial
    Services USA, LLC")."""
    core = _LEGAL_TAIL.sub("", text)
    if core != text:  # "Brightwell Freight Services Centre Kraków Sp. z o.o."
        return text if core and _name_alone(core, line, single_word, document) else None
    name, _, legal = text.partition(", ")  # "Bramblecourt Stores, Inc."
    if legal and (legal.casefold().strip(".") not in _LEGAL_FORMS or CITY_STATE.match(text)):  # "Denver, CO"
        return None
    words = [word.strip("()") for word in name.split()]
    if (not (1 if single_word else 2) <= len(words) <= (8 if document else 6) or not all(words)
            or _UNIT_LINE.match(text)
            or (len(words) == 1 and (len(words[0]) < 4 or COUNTRIES.match(text) or CITY_STATE.match(text)))
            or _NOT_NAME_WORDS.match(text)  # "Full Time" as a whole
            or (line.is_heading and section_key(text) != "other")
            or re.search(r"[\d:;!?£$€|·•–—/]|\s-\s", text)
            or (text.endswith(".") and text.split()[-1].casefold().strip(".,") not in _LEGAL_FORMS)
            or not _is_name(words) or looks_like_title(text) or SENTENCE_WORDS.search(text)
            or (_DOCUMENT_ROLE_WORDS if document else _ROLE_WORDS).search(text) or NOT_COMPANIES.search(text)
            or _careers_name(text) or (document and _UNIT_WORD.search(words[-1]))
            or any(WORK_MODE.match(word) or ENGAGEMENT.fullmatch(word)
                   or (_NOT_NAME_WORDS.match(word) and not (document and k and len(words) > 2
                                                            and word.casefold() in _COUNTRY_CODES))
                   for k, word in enumerate(words))
            or all(FUNCTION_WORDS.fullmatch(word) or word.casefold() in _NAME_CONNECTORS for word in words)):
        return None
    return text


# A role profile's document line: "Role Profile", "JOB DESCRIPTION", "Position description:
# Customer Operations Director", "Executive Role Profile".
_DOCUMENT_LINE = re.compile(
    r"^(?:executive\s+)?(?:role|job|position)\s+(?:profile|description|specification)\b|^person specification\b",
    re.I)


_DOCUMENT_WORDS = re.compile(r"\b(?:role|job|position)\s+(?:profile|description|specification)\s*$", re.I)
# On a role profile's first line, "Health Service" or "Financial Services" is the name
# (a department or a function word is still refused), and so is "USA" after the name.
_DOCUMENT_ROLE_WORDS = re.compile(
    r"\b(?:customers?|clients?|experience|success|support|operations|ops|careers?|jobs?|teams?|hiring|people|culture)\b",
    re.I)
_UNIT_WORD = re.compile(r"^(?:directorate|department|division|unit|team|office|recruitment|hiring)$", re.I)
_COUNTRY_CODES = frozenset({"usa", "us", "uk"})


# The employer's own careers site names itself on the page's first line: "Çarşıla Careers",
# "Cămara Express careers", "Veldline · Careers", "Careers at Brindlepay", "Carrières |
# Sentiers & Cie" (a job board's "X Jobs" names the board, so only careers count).
_CAREERS_HEADER = re.compile(
    r"^(?:(?:careers at|carri[èe]res chez)\s+(?P<at>.+)|(?:careers|carri[èe]res)\s*[|·•–—-]\s*(?P<after>.+)"
    r"|(?P<name>.+?)\s*(?:[|·•–—-]\s*)?(?:(?:global|group|corporate)\s+)?(?:careers|career site|carri[èe]res))$",
    re.I)


# A careers site's tabs, which a header line may put after "Careers |".
_SITE_TABS = frozenset("home students graduates leadership teams locations life culture search jobs faq faqs "
                       "contact blog news events internships apprenticeships".split())


def company_atop_page(early: list[Block], title: str | None) -> str | None:
    """The organisation the page's first line names before the title: its careers site's
    header ("Çarşıla Careers") or its name alone (two words or more) when the posting
    names it as the employer ("Çarşıla is one of ...", "At Tiendas Lamadrid we
    believe...") and not as a person; ``None`` otherwise. The last resort of
    :func:`.titles.find_title_and_company`: a name the body gives in full comes first."""
    if not title or len(early) < 2 or heading_text(early[0].text).casefold() == title.casefold():
        return None
    line = early[0]
    text = heading_text(line.text).strip()
    careers = _CAREERS_HEADER.match(text)
    if careers:  # the name, when the posting names it as the employer ("Global Careers" is a menu)
        name = _name_alone(next(filter(None, careers.groups())).strip(), line, single_word=True)
        if name and (name.casefold() in _SITE_TABS or known_section(name) is not None):
            return None  # "Careers | Benefits", "Careers - Leadership": the site's tabs ("SEORIN
            # MOTOR COMPANY" has a section's word in it, but names none)
        return name if name and named_as_employer(name, early[1:]) else None
    # two words or more ("Toronto" is a place) that the text names as the employer, and
    # not as a person is named ("Daniel Reyes, our COO", "I'm Maya Okafor")
    name = _name_alone(text, line)
    if (name and not name.isupper() and named_as_employer(name, early[1:])
            and not _named_as_a_person(name, early[1:])):
        return name
    return None


def named_as_employer(name: str, blocks: list[Block]) -> bool:
    """Whether the text names ``name`` as an employer is named: opening a sentence ("Granitefield
    Bank is a full service ...") or after "at", "join", "about" (see :func:`_named_again`)."""
    return _named_again(name, blocks, as_a_place=False)


# A person's role after their name ("Daniel Reyes, our COO").
_PERSON_ROLES = (r"ceo|coo|cfo|cto|founder|co-founder|cofounder|chief\s+\w+(?:\s+\w+)?\s+officer|head\s+of"
                 r"|director|manager|recruiter|president|owner|vp")


def _named_as_a_person(name: str, blocks: list[Block]) -> bool:
    """Whether a block names ``name`` as a person: "Daniel Reyes, our COO, ...", "I'm
    Maya Okafor"."""
    person = re.compile(rf"{re.escape(name)},\s+(?i:(?:our|my|the|their)\s+(?:{_PERSON_ROLES}))\b"
                        rf"|\b(?i:i['’]m|i am|my name is)\s+{re.escape(name)}\b")
    return any(person.search(b.text) for b in blocks)


def company_above_document(early: list[Block]) -> str | None:
    """The organisation a role profile names on its first line, above the document's own
    line ("WEALDMOOR WATER", then "Executive Role Profile"), in title case when it is
    written in capitals; ``None`` when the posting does not open that way."""
    if len(early) < 2:
        return None
    second = heading_text(early[1].text)
    if not (_DOCUMENT_LINE.match(second) or (len(second.split()) <= 8 and _DOCUMENT_WORDS.search(second))):
        return None  # "JOB DESCRIPTION", "Division of Human Resources – Job Profile"
    line = early[0]
    text = heading_text(line.text).strip()
    text = text.split(" / ")[0].strip()  # "GLANMORFA COUNTY COUNCIL / CYNGOR SIR GLANMORFA": the first language
    if text.replace("p.l.c.", "").isupper():  # "NORTHLIGHT ENERGY SUPPLY LIMITED", but "NHS" and "UK" stay
        text = " ".join(w.title() if len(w) > 3 and w.isalpha() else w for w in text.split())
    return _name_alone(text, line, document=True)
