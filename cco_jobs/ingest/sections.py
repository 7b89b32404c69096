"""Map a heading's wording to one of the section keys in :data:`cco_jobs.posting.SECTIONS`.

Three tiers, strictest first: an exact phrase from :data:`HEADING_PHRASES` (after
lower-casing, dropping accents and punctuation), a close fuzzy match to one (typos such
as "Responsibilites"), and keyword patterns for longer wordings ("Your key
responsibilities in this role"). Only the first two decide whether a bare line of plain
text *is* a heading (:func:`known_section`); all three name the section of a line
already known to be a heading (:func:`section_key`).
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from ..folding import fold

# The parts of a role profile that state facts about the job, not work to do: its size
# (budget, headcount, volumes), the people it deals with, its working conditions, the
# document's sign-off. Their lines are context for every annotator of the corpus; the
# line classifier sees such a heading as one kind (``role_facts_heading``), so what one
# profile's "Dimensions" taught reaches another's "Key facts". (Delegated authority is
# not among them: annotators split on whether "Approve spend up to ..." is a duty.)
ROLE_FACTS_PHRASES: tuple[str, ...] = (
    "dimensions", "key dimensions", "role dimensions", "position dimensions", "job dimensions", "key facts",
    "key relationships",
    "working relationships", "key working relationships", "internal and external relationships",
    "working conditions", "physical demands", "physical demands and working conditions",
    "physical demands work environment", "work environment", "working environment",
    "physical requirements", "physical and environmental demands", "document control", "sign off",
    "supervisory responsibilities", "supervisory responsibility", "span of control",
)

# Real heading wordings, English and French, grouped by section. Keep them lower-case,
# without accents or punctuation: see _norm.
HEADING_PHRASES: dict[str, tuple[str, ...]] = {
    "summary": (
        # more wordings: German, Spanish, Portuguese, Dutch, French and English
        # a role profile's setting: not the duties, whatever "Job Content" is near to
        "job context", "work context", "role context",
        # French start-ups' and Quebec's wordings
        "le role", "la fonction", "positionnement du poste", "le mandat",
        "mision del puesto", "proposito del puesto", "mission of the position", "missao do cargo", "die position", "die stelle", "el puesto", "o cargo", "a posicao", "de functie", "functieomschrijving", "your position",
        "overview", "job overview", "role overview", "position overview", "the opportunity",
        "opportunity", "job summary", "position summary", "role summary", "summary", "job purpose",
        "purpose of the role", "role purpose", "purpose", "about the role", "about the job",
        "about the position", "about this role", "about the opportunity", "the position",
        "job description", "role description", "description", "introduction", "le poste", "description du poste",
        "contexte", "nature du poste", "nature of work", "sommaire du poste", "raison d etre du poste", "the challenge", "about the team", "the team", "why this role", "why this role why now", "why this role exists", "position description", "job brief", "role at a glance", "the role at a glance", "position at a glance",
    ),
    "responsibilities": (
        # more wordings: German, Spanish, Portuguese, Dutch, French and English
        # East and South-East Asian employers' English ("Job Content")
        "job content", "job contents", "work content", "work contents",
        "tes objectifs", "vos objectifs", "ce que tu vas faire", "ce que vous allez faire", "ce que tu feras",
        "ihre aufgaben", "deine aufgaben", "aufgaben", "ihr aufgabengebiet", "ihre hauptaufgaben", "ihr verantwortungsbereich", "das erwartet sie", "das erwartet dich", "responsabilidades", "principales responsabilidades", "funciones", "funciones principales", "tus funciones", "sus funciones", "atribuicoes", "principais responsabilidades", "suas responsabilidades", "o que voce vai fazer", "jouw taken", "wat ga je doen", "taken en verantwoordelijkheden", "uw taken", "principales responsabilites", "missions principales", "vos responsabilites principales", "your area of responsibility", "your main responsibilities", "what you will be accountable for",
        "responsibilities", "key responsibilities", "main responsibilities", "core responsibilities",
        "what you ll actually do", "what you will actually do", "what you ll lead", "what you will lead",
        "vos principaux defis", "vos defis", "your challenges", "what the engagement looks like",
        "de facon plus particuliere la personne titulaire", "specifically in your first year",
        "your responsibilities", "job responsibilities", "role responsibilities", "duties",
        "key duties", "main duties", "duties and responsibilities", "responsibilities and duties",
        "accountabilities", "key accountabilities", "main accountabilities", "what you ll do",
        "what you will do", "what youll do", "what you ll be doing", "what you will be doing",
        "the role", "your role", "in this role you will", "your impact", "the impact you ll have",
        "what you ll achieve", "day to day", "a day in the life", "key tasks", "main tasks",
        "responsabilites", "vos responsabilites", "missions", "vos missions", "principales missions",
        "vos principales missions", "your mission", "role and responsibilities",
        "roles and responsibilities", "key result areas", "what the role involves", "scope of the role",
        "key objectives", "what you ll own", "what you will own", "the job", "tasks", "you will", "essential functions", "essential duties", "essential duties and responsibilities", "key result areas kras", "kras", "key responsibility areas", "primary responsibilities", "major responsibilities", "your tasks", "your key tasks", "your challenge", "your first year", "what success looks like", "what you ll be responsible for", "in this role", "votre role", "vos taches", "votre mission",
    ),
    "qualifications": (
        # more wordings: German, Spanish, Portuguese, Dutch, French and English
        # East and South-East Asian employers' English ("[Must]", "Person Image We Want")
        "must", "want", "person image", "person image we want", "ideal person image", "qualification requirement",
        "qualification requirements", "application conditions",
        "toi", "qui es tu", "qui etes vous", "ton profil",
        "you ll be a good fit if", "you re probably", "you ve likely", "things i d love to see",
        "ihr profil", "dein profil", "anforderungen", "ihre qualifikationen", "das bringen sie mit", "was sie mitbringen", "das bringst du mit", "requisitos", "perfil", "perfil buscado", "tu perfil", "requisitos y competencias", "o que procuramos", "seu perfil", "perfil desejado", "jouw profiel", "functie eisen", "wie ben jij", "wat vragen wij", "uw profiel", "exigences", "who we believe you are",
        "qualifications", "requirements", "key requirements", "minimum qualifications",
        "basic qualifications", "preferred qualifications", "required qualifications",
        "essential criteria", "desirable criteria", "person specification", "who you are",
        "about you", "what you bring", "what you ll bring", "what we re looking for",
        "what we are looking for", "who we re looking for", "who we are looking for", "skills",
        "skills and experience", "experience", "experience and qualifications",
        "knowledge skills and experience", "the ideal candidate", "ideal candidate", "your profile",
        "candidate profile", "profil", "profil recherche", "votre profil", "competences",
        "exigences et atouts", "atouts", "exigences du poste", "conditions d admission", "exigences requises",
        "nice to have", "nice to haves", "bonus points", "must have", "must haves", "you have",
        "you ll have", "what you need", "what you ll need", "requirements and qualifications",
        "education", "key skills", "competencies", "your skills", "your experience",
        "what it takes", "what you ll need to succeed", "is this you", "essential", "desirable",
        "you bring", "you are", "you might be a fit if", "the person", "preferred", "desired candidate profile", "desired profile", "minimum requirements", "required skills", "your background", "knowledge and skills", "skills and abilities", "knowledge skills and abilities", "education and experience", "licenses and certifications", "we expect", "what we expect", "selection criteria", "key selection criteria",
    ),
    "about_company": (
        # more wordings: German, Spanish, Portuguese, Dutch, French and English
        "notre client", "presentation du groupe", "presentation de l entreprise", "presentation de la societe",
        "unser klient", "unser kunde", "uber uns", "unser unternehmen", "wer wir sind", "sobre nosotros", "quienes somos", "nuestro cliente", "sobre nos", "quem somos", "nosso cliente", "over ons", "wie zijn wij", "onze klant",
        "about us", "who we are", "about the company", "the company", "the organisation",
        "the organization", "our company", "company overview", "company description", "our story",
        "our mission", "our values", "about the organisation", "about the organization",
        "qui sommes nous", "l entreprise", "a propos", "a propos de nous", "company", "our culture",
        "who are we", "about our client", "our client", "the client",
    ),
    "benefits": (
        # more wordings: German, Spanish, Portuguese, Dutch, French and English
        # East and South-East Asian employers' English ("Treatment", "Welfare")
        "treatment", "welfare", "welfare benefits", "employee welfare", "benefits and welfare", "treatment and welfare",
        "wir bieten", "das bieten wir", "unser angebot", "was wir bieten", "ofrecemos", "se ofrece", "que ofrecemos", "lo que ofrecemos", "oferecemos", "o que oferecemos", "beneficios", "nossos beneficios", "nuestros beneficios", "prestaciones", "vantagens", "wij bieden", "wat bieden wij", "wat wij bieden", "what our client offers", "what is on offer",
        "benefits", "perks", "what we offer", "what we can offer", "what s in it for you",
        "whats in it for you", "why join us", "why join", "why work with us", "why you ll love working here",
        "rewards", "benefits and perks", "perks and benefits", "our offer", "we offer", "avantages",
        "ce que nous offrons", "nous offrons", "pourquoi nous rejoindre", "total rewards",
        "what you ll get", "what you get", "why us", "our benefits", "the package", "package",
        "terms", "terms and conditions", "terms and benefits", "terms of employment", "employment terms",
    ),
    "compensation": (
        "salary", "compensation", "pay", "remuneration", "pay range", "salary range",
        "compensation information", "salary information", "pay information",
        "compensation and benefits", "salary and benefits", "base salary", "pay and grade",
        "remuneration package", "salaire", "remuneration et avantages", "grade", "job grade",
        "salary and grade", "pay transparency", "pay and benefits", "pay and conditions",
    ),
    "eeo": (
        "equal opportunity", "equal opportunities", "equal employment opportunity", "eeo",
        "eeo statement", "diversity", "diversity and inclusion", "diversity equity and inclusion",
        "inclusion", "our commitment to inclusion", "our commitment to diversity", "accessibility",
        "reasonable adjustments", "accommodations", "diversite", "egalite des chances",
        "equal opportunity employer", "diversity inclusion",
    ),
    # the parts of a role profile that are neither duties nor qualifications: lines
    # under them are read in a section of their own ("other"), not the one above.
    # ("Relationships" or "Decision making" alone are as often a group of duties or a
    # competency.)
    "other": (
        "decision making authority", "delegated authority",
        "delegated authorities", "financial authority", "level of authority", "decision rights",
    ) + ROLE_FACTS_PHRASES,
    "apply": (
        # more wordings: German, Spanish, Portuguese, Dutch, French and English
        "le process", "le processus", "process de recrutement",
        "kontakt", "bewerbung", "ihre bewerbung", "contacto", "postulacion", "como aplicar", "contato", "como se candidatar", "solliciteren",
        "how to apply", "next steps", "application process", "apply", "to apply", "ready to apply",
        "recruitment process", "hiring process", "interview process", "our hiring process",
        "closing date", "comment postuler", "postuler", "processus de recrutement", "candidature",
        "processus de selection", "modalites de candidature", "dossier de candidature",
        "apply now", "interested", "the process", "what happens next", "selection process", "our process", "recruitment timeline",
    ),
}
# Phrases that name a section when a line is already a heading, but alone on a line
# are as often a button, a label or a stray word ("Apply", "Grade", "Essential").
_AMBIGUOUS = frozenset({
    "apply", "apply now", "interested", "grade", "essential", "desirable", "company", "package",
    "tasks", "purpose", "opportunity", "the team",
    "pay", "education", "experience", "skills", "the client", "kontakt", "contacto", "contato",
})
# Longer wordings, checked in order: the first match names the section.
_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern)) for key, pattern in (
        ("eeo", r"\bequal\b|diversit|inclusi|\beeo\b|accessib|adjustment|accommodat|egalite"),
        ("compensation", r"salar|compensation|\bpay\b|remunerat|salaire|\bgrade\b"),
        ("benefits", r"benefit|perks|\boffers?\b|in it for you|why join|^why\b(?! (?:this|the|now|we))|^pourquoi (?:nous (?:rejoindre|choisir)|nous(?: why\b|$)|rejoindre\b|travailler\b|(?!(?:un|une|ce|cette|le|les|la creation|creer|recrutons|nous|on|maintenant)\b)\w+(?: \w+)?(?: why\b|$))|reward|avantages|^terms\b(?! of (?:use|service))"),
        ("apply", r"\bapply|application|next steps|postuler|candidature|recruitment|hiring process|interview"),
        ("responsibilities", r"responsib|responsab|accountab|\bdut(y|ies)\b|you ll do|you will do"
                             r"|\bmissions?\b|\btasks?\b|day to day|your impact|\bthe role$|your role|scope"
                             r"|\byou(?: ll| will| d| would)? (?:actually )?be doing|\byou(?: ll| will| d)? actually do\b"
                             r"|first (?:\d+|thirty|sixty|ninety|hundred) days"
                             r"|(?:essential|key|main|principal|primary|core|job) functions\b"
                             r"|^(?:tes|vos) objectifs\b|^ce que (?:tu|vous) (?:vas|allez) faire\b"),
        ("qualifications", r"qualif|requir|criteria|person spec|who you are|about you|you bring|looking for"
                           r"|skills|(?<!customer )(?<!member )(?<!digital )experience(?! (?:and (?:improvement|insights?|engagement|design)|officer|strategy|vision|design|management|programmes?|programs?|transformation"
                           r"|journeys?|roadmap|insights?|measurement|governance|standards|excellence|culture|delivery)\b)"
                           r"|profil|competen|nice to have|ideal candidate"
                           r"|you have|you ll need|\bfit\b|right for this"),
        ("about_company", r"about us|who we are|company|organi[sz]ation|our story|our mission|our values"
                          r"|entreprise|qui sommes|our culture"),
        ("summary", r"overview|opportunit|summary|purpose|about the (role|job|position)|le poste|introduction"
                    r"|^why (?:we re|we are) hiring|^why this role|^pourquoi (?:nous recrutons|on recrute|recrutons|creer|un |une |ce |cette |la creation)"),
    )
)
_ROLE_FACTS = frozenset(ROLE_FACTS_PHRASES)
_FUNCTION_EXPERIENCE = re.compile(r"^(?:patient|guest|client|employee|member|digital|user|student|citizen)s? experience\b")
# A known wording with a word in front or "required" behind says the same: "Main duties and
# responsibilities", "Key duties and responsibilities", "Skills and experience required"
# (an ambiguous rest stays unknown: "Key skills" may be a bullet's label).
_QUALIFIER = re.compile(r"^(?:main|key|principal|primary|core|major|general|specific) ")
_REQUIRED = re.compile(r" required$")
_NEGATED = re.compile(r"^what you (?:won t|wont|will not)\b")
_PHRASE_SECTION = {phrase: key for key, phrases in HEADING_PHRASES.items() for phrase in phrases}
_STRICT_BY_INITIAL: dict[str, list[str]] = {}
for _phrase in _PHRASE_SECTION:
    if _phrase not in _AMBIGUOUS:
        _STRICT_BY_INITIAL.setdefault(_phrase[0], []).append(_phrase)
# "About Harbourline" names the company; "About you" and "About the role" do not.
_ABOUT = re.compile(r"^(?:about|a propos de|life at|working at)\s+(.+)$")
_NOT_A_COMPANY = frozenset({"you", "the role", "the job", "the position", "this role", "the opportunity",
                            "the team", "us", "the company", "yourself", "the candidate"})
_NON_WORD = re.compile(r"[^\w]+")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[ivx]{1,4})[.)]\s+|\s*\(\d+\)\s*$")
FUZZY_CUTOFF = 0.88
MIN_FUZZY_CHARS = 10  # shorter words are too close to each other ("candidate", "candidature")


def _norm(text: str) -> str:
    # fold() also straightens curly apostrophes, which _NON_WORD then makes spaces like any other
    text = fold(text.casefold().replace("&", " and "))
    text = _NUMBERING.sub(" ", text)  # "1. Responsibilities", "Similar jobs (3)"
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


@lru_cache(maxsize=4_096)
def role_facts_heading(heading: str) -> bool:
    """Whether a heading names a role profile's facts ("2. DIMENSIONS", "Key
    relationships", "Physical Demands / Working Conditions"): see :data:`ROLE_FACTS_PHRASES`."""
    if _norm(heading) in _ROLE_FACTS:
        return True
    halves = [half for half in heading.split("/") if half.strip()]
    return len(halves) == 2 and all(_norm(half) in _ROLE_FACTS for half in halves)


def names_terms(heading: str) -> bool:
    """Whether a heading says "Terms" ("Terms and conditions", "4) Terms"): a posting's
    terms of employment, or the legal terms a page's footer links to."""
    return _norm(heading).split()[:1] == ["terms"]


def starts_about(text: str) -> bool:
    """Whether ``text`` opens like an "About <Name>" heading ("About Harbourline...")."""
    return _ABOUT.match(_norm(text)) is not None


@lru_cache(maxsize=8192)
def known_section(text: str) -> str | None:
    """The section a bare line names when it is unmistakably a heading, else ``None``.

    Used to tell headings from text in formats without markup: exact or near-exact
    matches to known wordings, "About <Name>", and bilingual "Le poste / The role".
    """
    return _known_whole(text) or _known_halves(text)


def _known_halves(text: str) -> str | None:
    """The section of a bilingual "À propos de nous / About us" heading: that of its
    first half that names one (the other may be worded too freely to match), or ``None``.
    Tried only when the whole wording is unknown ("Pay / benefits" reads as pay)."""
    if text.count("/") != 1:
        return None
    return next(filter(None, (_known_whole(half) for half in text.split("/") if half.strip())), None)


def _known_whole(text: str) -> str | None:
    """:func:`known_section` for the wording as a whole (no halves)."""
    norm = _norm(text)
    if not norm or len(norm.split()) > 7:
        return None
    if norm in _PHRASE_SECTION:
        return None if norm in _AMBIGUOUS else _PHRASE_SECTION[norm]
    qualified = _QUALIFIER.match(norm)  # "Main duties and responsibilities", "Skills and experience required"
    rest = norm[qualified.end():] if qualified else _REQUIRED.sub("", norm)
    if rest != norm and rest in _PHRASE_SECTION and rest not in _AMBIGUOUS and rest != "terms":  # "General Terms"
        return _PHRASE_SECTION[rest]
    about = _ABOUT.match(norm)
    if about and about.group(1) not in _NOT_A_COMPANY and text.strip()[6:7].isupper():
        return "about_company"
    if len(norm) >= MIN_FUZZY_CHARS:
        # Only phrases that could reach the cutoff: similar length, same first letter
        # (typos rarely hit it). This keeps difflib off the hot path.
        slack = int(len(norm) * (1 - FUZZY_CUTOFF)) + 1
        pool = [p for p in _STRICT_BY_INITIAL.get(norm[0], ()) if abs(len(p) - len(norm)) <= slack]
        close = difflib.get_close_matches(norm, pool, n=1, cutoff=FUZZY_CUTOFF) if pool else None
        if close:
            return _PHRASE_SECTION[close[0]]
    return None


@lru_cache(maxsize=8192)
def section_key(heading: str) -> str:
    """The section key a heading starts: a known wording, a keyword, or ``"other"``.

    The whole wording decides before its halves: "Mission / Requirements" is a
    mission (responsibilities), and only a heading the whole of which names nothing
    ("Profil recherché / Who we would love to meet") takes the section of a half.
    """
    norm = _norm(heading)
    if norm in _PHRASE_SECTION:
        return _PHRASE_SECTION[norm]
    strict = _known_whole(heading)
    if strict:
        return strict
    about = _ABOUT.match(norm)
    if about and about.group(1) not in _NOT_A_COMPANY:
        return "about_company"
    if not _NEGATED.search(norm):  # "What you won't be doing" lists no duties
        # "Patient Experience at Northwell", "Client experience and insight" name a
        # function; "Relevant client experience" asks for the candidate's
        own = _FUNCTION_EXPERIENCE.sub("", norm)
        for key, pattern in _KEYWORDS:
            if pattern.search(own if key == "qualifications" else norm):
                return key
    return _known_halves(heading) or "other"
