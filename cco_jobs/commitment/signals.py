"""Read the commitment signals of one posting from its labelled ``Doc``.

The evidence comes from ``doc.spans["signals"]`` (the signal ruler's ``Matcher`` spans),
``doc.spans["line_labels"]`` (the line classifier) and the posting's title. Each reading
is kept with the line numbers and words that support it, so every point of the score can
be checked against the posting. The signals are DOMAIN.md's table: level (001),
reporting line (002, 004), executive seat (001), authority and budget (000, 002, 003),
mandate balance (001), accountability (000, 003, 004).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..folding import fold
from ..report import REQUIREMENT_LABELS, TACTICAL_LABELS, Evidence
from .wording import (CLAUSE_BREAKS, WINDOW, LineWords, count_start, customer_measure, done_by_the_holder,
                      names_the_roles_team, reports_as_a_noun)

# --- level, read from the title (001: "a true C-level title, peer of COO/CIO") -------------
# The title is folded first (accents dropped, curly apostrophes straightened), so the French
# forms below are written without accents and match "Chef de l’expérience client" as typed.
_CUSTOMER_CHIEF = re.compile(
    r"\bchief\s+(?:[\w&,-]+\s+){0,3}?(?:customer|client|experience|cx|patient|member|citizen|"
    r"guest|care|service|success)\b[\w\s&,-]{0,120}?\bofficer\b",
    re.I,
)
_CUSTOMER_ACRONYM = re.compile(r"\b(?:cco|cxo|ccxo|cexo|cpxo)\b", re.I)
#: A chief of the employees' experience ("Chief People & Experience Officer", "Chief
#: Employee Experience Officer"): an HR title, another function's chief (001's CCO owns
#: the customer's experience), unless the title names the customer too.
_EMPLOYEE_EXPERIENCE_CHIEF = re.compile(
    r"\bchief\s+(?:[\w&,-]+\s+){0,3}?(?:people|employees?|talent|colleagues?|workplace|associates?|workforce|staff"
    r"|hr|human)\b(?:(?!officer|chief)[\w\s&,-]){0,40}?\bexperience\b(?:(?!officer|chief)[\w\s&,-]){0,40}?"
    r"\bofficer\b", re.I)
_CUSTOMER_WORD = re.compile(r"\b(?:customers?|clients?|patients?|members?|guests?|citizens?|consumers?)\b", re.I)
#: A two-tier board's member whose department is the customer ("Member of the Management
#: Board – Customers", "Mitglied des Vorstands – Kunden"): a peer of the CEO on the
#: management board, so a C-level customer title (001). Without a customer department
#: the title says nothing of the function.
_BOARD_MEMBER = re.compile(r"\b(?:member of the (?:management|executive) board|mitglied des vorstands?|vorstand)"
                           r"\s*(?:[–—-]\s*|for\s+|f[uü]r\s+)?(?:customers?|clients?|kunden|klanten|clientes)\b", re.I)
_ANY_CHIEF = re.compile(r"\bchief\s+[\w\s&,-]*?\bofficer\b|\bchief executive\b", re.I)
#: French customer chiefs (Quebec usage): "Chef de l'expérience client", "Chef de la clientèle",
#: "Chef de la direction de l'expérience client" (a chief of the customer function, not the CEO).
_FR_CUSTOMER_CHIEF = re.compile(
    r"\bchef(?:fe)?\s+de\s+(?:la\s+direction\s+de\s+)?(?:l'\s*experience\s+(?:(?:du|des|de\s+la|de\s+l')\s*)?"
    r"(?:client|membre|patient|usager|citoyen|consommat)|la\s+clientele\b)"
    # "Chef de la direction expérience client", "Chef de la direction, Clientèle" (not "Adjoint au
    # chef de la direction, clientèle", "bureau du chef de la direction": the CEO's office)
    r"|(?<!\bau )(?<!\bdu )(?<!\bde )\bchef(?:fe)?\s+de\s+la\s+direction\s*,?\s*(?:(?:de|des|du)\s+(?:la\s+|l'\s*)?)?"
    r"(?:experience\s+(?:client|membre|patient|usager)|clientele\b|relations?\s+(?:avec\s+la\s+)?client"
    r"|services?\s+(?:a\s+la\s+)?clientele)", re.I)
#: French chiefs of functions with no customer remit ("chef des finances", "cheffe de la
#: securite"): other chiefs in the level, out-of-field chiefs below.
_FR_NO_CUSTOMER_REMIT = (r"des\s+finances|de\s+la\s+technologie|des\s+technologies|de\s+l'information"
                         r"|de\s+la\s+securite|des\s+ressources\s+humaines|des\s+donnees"
                         r"|des\s+affaires\s+juridiques|du\s+contentieux")
#: French chiefs of other functions; "chef de la direction" alone is the CEO.
_FR_OTHER_CHIEF = re.compile(
    r"\bchef(?:fe)?\s+(?:de\s+la\s+direction|de\s+l'exploitation|des\s+operations|du\s+marketing"
    rf"|de\s+la\s+strategie|du\s+numerique|{_FR_NO_CUSTOMER_REMIT})\b", re.I)
_LEVELS = (
    # a managing director of a division ("Managing Director, Customer") sits on the
    # executive team as an EVP does; "Managing Director" alone is the chief executive
    ("evp_svp", re.compile(r"(?<!to the )(?<!to )\bmanaging director\b(?=\s*[,–—-]\s*\w)"
                           r"|\b(?:evp|svp|executive vice[- ]president|senior vice[- ]president"
                           r"|premiere?\s+vice[- ]presidente?"
                           r"|vice[- ]presidente?\s+(?:principale?|executif|executive))\b", re.I)),
    ("vp", re.compile(r"\b(?:vp|vice[- ]presidente?)\b", re.I)),
    ("head", re.compile(r"\bhead of\b|\bhead,", re.I)),
    # a general manager runs a business or a function: the director's rank, not a manager's
    ("director", re.compile(r"\bdirector\b|\bdirecteur|\bdirectrice|\bgeneral manager\b|\bgm\b", re.I)),
    # manager level and below: managers, team leads, and the analysts, agents, advisers and
    # associates under them ("Student Experience Analyst", "Analista de Experiência", "Conseillère clientèle")
    ("manager", re.compile(r"\b(?:manager|supervisor|lead|specialist|coordinator|representative|responsable"
                           r"|gestionnaire|superviseure?|analyst|analista|analyste|agent|advis[eo]r|associate"
                           r"|consultant|conseill[e]re?)\b|\bchef(?:fe)?\s+(?:d'\s*equipe|de\s+service|du\s+service"
                           r"|de\s+projet)\b", re.I)),
)
_OTHER_CHIEF_WORDS = re.compile(
    r"\b(?:CFO|CRO|CMO|COO|CTO|CIO|CISO|CHRO|CPO|CLO|CDO|CSO)\b|chief (?:financial|revenue|marketing|operating|"
    r"technology|information|security|people|human|legal|data|digital|commercial|product|strategy)"
    r"|\bgeneral\s+counsel\b", re.I)

#: C-level titles of functions with no customer remit: finance, technology, security, legal,
#: people, data, risk, and the clinical, supply-chain and production chiefs (a hospital's
#: chief nursing officer: GUIDELINES.md, "other functions' duties" are neutral). Revenue,
#: commercial, marketing, operating and digital chiefs are left out: their postings can
#: carry sales or service work (a digital chief who is also the information chief is IT's).
_OUT_OF_FIELD_CHIEF = re.compile(
    r"\b(?:CFO|CTO|CIO|CISO|CHRO|CLO)\b|chief\s+(?:financial|finance|technology|technical"
    r"|(?:digital\s*(?:&|and)\s*)?information"
    r"|security|legal|people|human\s+resources|data|risk|compliance|accounting|investment"
    r"|nursing|medical|clinical|supply\s+chain|procurement|purchasing|manufacturing|engineering"
    r"|scientific|science|audit|tax)\b|\bgeneral\s+counsel\b"
    r"|\bchef(?:fe)?\s+(?:de\s+la\s+direction\s+(?:financiere|des\s+finances|informatique|des\s+technologies)"
    rf"|{_FR_NO_CUSTOMER_REMIT})\b", re.I)

#: A chief's deputy ("Deputy Chief Client Experience Officer", "Associate Chief Experience
#: Officer", "Chef adjoint de l'expérience client"): the rank under the C-level, not a peer
#: of the COO (001), so the title reads as EVP/SVP unless it also names a chief of its own.
#: A deputy of another function's chief (a deputy CFO) is read as that function's.
_DEPUTY_CHIEF = re.compile(
    r"\b(?:deputy|associate|assistant|vice)[- ]chief\s+[\w\s&,'-]*?\b(?:officer|executive)\b"
    r"|\bchef(?:fe)?\s+adjointe?\s+(?:de\s+l'\s*experience\s+(?:(?:du|des|de\s+la|de\s+l')\s*)?\w+"
    r"|de\s+la\s+clientele)\b", re.I)
#: The chief a job serves, not the job: "Assistant to the CEO", "Chief of Staff to the Chief
#: Customer Officer", "Senior Advisor to the CCO", "Analyst, Office of the CCO", and in
#: French whoever comes after "auprès de" ("Chargée de mission auprès de la Directrice ...").
_TO_A_CHIEF = re.compile(r"\b(?:to|office\s+of)\s+(?:the\s+|our\s+)?(?:chief\s+[\w\s&,-]*?\bofficer\b"
                         r"|chief\s+executive\b|c[a-z]{1,2}o\b)|\baupres\s+(?:de|du|des)\b.*$", re.I)
_DEPUTY_WORD = re.compile(r"\b(?:deputy|associate|assistant|vice)[- ]|\badjointe?\s+", re.I)

LEVEL_NAMES = {
    "c_customer": "C-level customer title",
    "c_other": "C-level title for another function",
    "evp_svp": "EVP/SVP title",
    "vp": "VP title",
    "head": "head-of title",
    "director": "director title",
    "manager": "manager-level title",
    "unknown": "no title found",
}


def _employee_chief(title: str) -> bool:
    """A chief of the employees' experience, with no customer word in the title itself
    ("Chief Customer Officer & Chief People Experience Officer" names the customer; in
    "Chief Employee Experience Officer - Patient Care Services" the part after the dash
    names the employer or the division)."""
    own = re.split(r"\s+[-–—|]\s+|\s*\|\s*", title, maxsplit=1)[0]
    return bool(_EMPLOYEE_EXPERIENCE_CHIEF.search(own)) and not _CUSTOMER_WORD.search(own)


def title_level(title: str | None) -> tuple[str, bool]:
    """``(level, hybrid)`` of a job title; hybrid means a C-title fused with a lower one.

    English and French titles: "Chef de l'expérience client" is a C-level customer title,
    "Vice-présidente ..." a VP, "Responsable du service client" a manager's title."""
    if not title:
        return "unknown", False
    folded = fold(title)
    served = _TO_A_CHIEF.search(folded)
    title = _TO_A_CHIEF.sub(" ", folded)  # "Executive Assistant to the Chief Customer Officer"
    if served and re.fullmatch(r"\s*(?:the\s+)?deputy\s*[,-]?\s*", title, re.I) and (
            _CUSTOMER_CHIEF.search(served.group()) or _CUSTOMER_ACRONYM.search(served.group())):
        return "evp_svp", False  # "Deputy to the CCO": the chief's deputy, the rank below (001)
    deputy = next((m for m in _DEPUTY_CHIEF.finditer(title)
                   if (_CUSTOMER_CHIEF.search(chief := _DEPUTY_WORD.sub("", m.group()))
                       or _FR_CUSTOMER_CHIEF.search(chief)) and not _employee_chief(chief)), None)
    if deputy:
        rest = (title[:deputy.start()] + " " + title[deputy.end():]).strip(" -–—|,/&")
        level, hybrid = title_level(rest) if rest else ("unknown", False)
        return (level, hybrid) if level in {"c_customer", "c_other"} else ("evp_svp", False)
    lower_level = next((name for name, rx in _LEVELS if rx.search(title)), None)
    hybrid = lower_level in {"vp", "evp_svp", "head", "director"}
    if _employee_chief(title):
        return "c_other", False
    if _CUSTOMER_CHIEF.search(title) or _FR_CUSTOMER_CHIEF.search(title) or _BOARD_MEMBER.search(title):
        return "c_customer", hybrid
    # "Chief Commercial Officer (CCO)": the words decide, not the acronym
    if _ANY_CHIEF.search(title) or _OTHER_CHIEF_WORDS.search(title) or _FR_OTHER_CHIEF.search(title):
        return "c_other", False
    if _CUSTOMER_ACRONYM.search(title):
        return "c_customer", hybrid
    return lower_level or "unknown", False


def out_of_field(title: str | None) -> bool:
    """Whether ``title`` is a C-level title of a function with no customer remit (a CFO,
    a CTO). The line labels' leanings describe customer work (DOMAIN.md), so such a
    posting's duties are neutral requirements, however much they say "forecast",
    "negotiate" or "budget"."""
    if not title or title_level(title)[0] != "c_other":
        return False
    folded = fold(title)
    return bool(_OUT_OF_FIELD_CHIEF.search(folded) or _employee_chief(folded))


# --- reporting line (002: "typically report to the president or CEO"; 004) -------------
# Words are compared folded (no accents): "président" is "president". French: PDG and DG
# are the chief executive, "chef de la direction" too (read in _report_target).
_TOP = {"ceo", "president", "founder", "co-founder", "cofounder", "founders", "board", "chairman",
        "chairwoman", "chair", "owner", "owners", "pdg", "presidente", "dg", "fondateur", "fondatrice"}
_TOP_PAIRS = {("chief", "executive"), ("managing", "director"), ("directeur", "general"),
              ("directrice", "generale"), ("direction", "generale"), ("executive", "chairman"),
              ("conseil", "d'administration"), ("administrateur", "delegue"),
              ("administratrice", "deleguee"), ("gedelegeerd", "bestuurder")}
#: Words that start a functional (dotted) line after the named solid one.
_DOTTED = frozenset({"fonctionnellement", "fonctionnel", "functionally", "dotted", "dotted-line", "matrix"})
#: After a chief executive's title, the deputy's: "Directeur Général Adjoint", "DG délégué".
_DEPUTY_AFTER = {"adjoint", "adjointe", "delegue", "deleguee", "deputy", "adjoint(e", "delegue(e"}
_BELOW = {"coo", "cro", "cmo", "cfo", "cto", "cio", "cdo", "cpo", "svp", "evp", "vp", "vice",
          "director", "head", "manager", "gm", "deputy", "chief", "directeur", "directrice", "chef", "cheffe",
          "daf", "drh", "dsi"}  # French acronyms: the finance, HR and IT directors
_PRESIDENT = {"president", "presidente"}
_STOP = {".", ";", "!", "?"}
#: Sections whose lines describe the offer, not the role (ingest/sections.py); About us is
#: read only for the role's own line and seat (see read_signals).
_NOT_ABOUT_THE_ROLE = frozenset({"benefits", "compensation", "eeo", "apply"})
# What the candidate has done ("led an organisation of 200", "managed a $10M budget",
# "presenting to a board") says nothing of this role's authority or seat.
_CANDIDATES_PAST = frozenset({"qualifications"})
# A draft's placeholder where a figure will go: "£X million", "$XM", "TBC", "[budget]".
_PLACEHOLDER = re.compile(r"[£$€]\s?x{1,3}\b|\btb[cd]\b|\[[^\]]*\]|\bx{2,}\b", re.I)
_ROLES_AUTHORITY = frozenset({"reports_to", "exec_seat", "functions_in", "budget", "headcount"})
_INVITED = {"invited", "attend", "attends", "attending", "observer", "joins", "invité", "invitée", "invite",
            "invitee", "invité(e", "participe", "participez", "participerez"}


@dataclass
class Reading:
    """The raw readings of one posting, before they become points."""

    level: str = "unknown"
    hybrid: bool = False
    reports: str = "unstated"  # top, below, hedged, deputy, negated_top, unstated
    reports_evidence: list[Evidence] = field(default_factory=list)
    seat: str = "unstated"  # member, partial, negated, unstated
    seat_evidence: list[Evidence] = field(default_factory=list)
    functions_in: list[Evidence] = field(default_factory=list)
    budget: list[Evidence] = field(default_factory=list)
    headcount: list[Evidence] = field(default_factory=list)
    advisory: list[Evidence] = field(default_factory=list)
    metrics: list[Evidence] = field(default_factory=list)
    slogans: list[Evidence] = field(default_factory=list)
    personal: list[Evidence] = field(default_factory=list)
    delegated: list[Evidence] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lines_by_label: dict[str, list[int]] = field(default_factory=dict)

    @property
    def n_requirements(self) -> int:
        return sum(self.counts.get(lab, 0) for lab in REQUIREMENT_LABELS)

    def share(self, label: str) -> float:
        n = self.n_requirements
        return self.counts.get(label, 0) / n if n else 0.0


def _owner(span: Span, bounds: list[tuple[int, int]]) -> int | None:
    """Index of the line (given by its token bounds) containing ``span``; lines are
    sorted and disjoint."""
    lo, hi = 0, len(bounds) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if span.start < bounds[mid][0]:
            hi = mid - 1
        elif span.start >= bounds[mid][1]:
            lo = mid + 1
        else:
            return mid
    return None


_NEGATORS = {"not", "n't", "never", "no", "nor", "without", "won't", "won’t", "cannot"}
#: French negation: "ne"/"n'" with "pas"/"jamais" before the words it denies ("vous n'êtes
#: pas membre du CODIR"); "et" ends the clause ("vous n'hésitez pas à ... et vous êtes membre").
_FR_NOT = frozenset({"pas", "jamais", "plus", "point"})


def _negated(span: Span, line: Span, window: int = 5) -> bool:
    """A negator in the same clause, at most ``window`` tokens before ``span`` (French:
    "ne"/"n'" with "pas" or "jamais" among the three tokens before, "et" ending the clause)."""
    seen_not = False
    for k, token in enumerate(reversed(span.doc[max(line.start, span.start - window):span.start])):
        lower = token.lower_
        if lower in CLAUSE_BREAKS or lower == "et":
            return False
        if lower in _NEGATORS or lower.endswith("n't"):
            return True
        if lower in _FR_NOT and k < 3:
            seen_not = True
        elif seen_not and (lower == "ne" or lower.startswith(("n'", "n’"))):
            return True
    return False


#: Words before an advisory wording that deny it: "more than an advisory role",
#: "rather than a consultative remit", "goes beyond a coordinating role".
_NOT_MERELY = ("more than", "rather than", "instead of", "beyond")


#: Words that may stand between a negator and the wording it denies: "not a purely advisory role".
_BETWEEN_NEGATION = frozenset({"a", "an", "the", "merely", "just", "purely", "simply", "only", "solely", "strictly",
                               "mainly", "primarily", "mostly", "is", "be", "in", "or", "and", "consulting",
                               "consultative", "coordinating", "un", "une", "simple", "seulement"})


def _denies_advisory(span: Span, line: Span) -> bool:
    """ "This is not an advisory role" says the role has authority (r02, held out): an
    advisory wording negated in its clause, or after "more than", "rather than", is no
    sign of the advisory shape (002). Wordings that carry their own negation ("no
    direct reports", "would not manage teams") are read as they stand."""
    if span[0].lower_ in _NEGATORS:
        return False
    before = [t.lower_ for t in span.doc[max(line.start, span.start - 5):span.start]]
    # the negator must govern the wording: "not an advisory role", "not a purely advisory
    # role"; "with no line authority in an advisory capacity" negates something else
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _NEGATORS or before[k].endswith("n't"):
            return all(w in _BETWEEN_NEGATION for w in before[k + 1:])
        if before[k] not in _BETWEEN_NEGATION:
            break
    joined = " ".join(before[-4:])
    return any(f" {words} " in f" {joined} " for words in _NOT_MERELY)


def _about_someone_else(span: Span, line: LineWords) -> bool:
    """ "..., who reports to the CEO" or "The CEO reports to the board": the reporting line
    of another person, not of the role."""
    before = line.before(span.start, 3)
    if set(before) & {"who", "which", "whom", "qui"}:
        return True
    # the word right before the verb is its subject: "The CEO reports to the board"
    return bool(before) and before[0] in {"ceo", "coo", "cfo", "cro", "cmo", "president", "founder",
                                           "board", "team", "teams", "department", "function", "pdg"}


_INVERTED_VERBS = {"are", "is", "will", "would", "shall", "include", "includes", "sit", "sits"}
# What a named role is made of: "the Chief Experience Officer", "our Group CEO".
_NAME_WORDS = {"the", "our", "a", "of", "and", "&", "for", "directly", "straight", "solid-line", "dotted-line"}


def _to_the_role(span: Span, line: LineWords) -> bool:
    """ "Reporting to you: Head of Service, Head of Insight": the role's direct reports,
    not its line."""
    after = [w for w in line.sentence_after(span.end, 4) if w not in {":", "-", "–", "—"}][:2]
    return bool(after) and (after[0] == "you" or after in (["this", "role"], ["the", "role"], ["this", "position"]))


def _reporting_in(span: Span, line: LineWords) -> bool:
    """ "Reporting to the Chief Experience Officer will be the Patient Access Center...":
    whom the *teams* report to, the role's own authority (functions reporting in), not
    its reporting line. Read as "Reporting to/into" opening its line, a name, and the
    clause's verb right after the name ("Reporting to the CEO, you will..." and
    "Reporting to the CEO the successful candidate will..." stay the role's line)."""
    if span[0].lower_ != "reporting" or len(span) < 2 or span[1].lower_ not in {"to", "into"}:
        return False
    if line.before(span.start, 1):
        return False
    doc, end = span.doc, line.span.end
    i, named = span.end, False
    while i < end and doc[i].is_alpha and (doc[i].lower_ in _NAME_WORDS or doc[i].is_title or doc[i].is_upper):
        if named and doc[i].lower_ in {"the", "our", "a"}:
            return False  # a second name is the clause's subject: "... Director the Head of X will be"
        named = named or doc[i].lower_ not in _NAME_WORDS
        i += 1
    return named and i < end and doc[i].lower_ in _INVERTED_VERBS


def _elided(word: str) -> str:
    """A French word without its elided article: "l'administrateur" is "administrateur"."""
    return word[2:] if word[:2] in {"l'", "l’"} and len(word) > 2 else word


def _branch_after(doc: Doc, i: int, end: int) -> bool:
    """Whether a chief executive's title is followed by a comma and a unit of the
    organisation: "directeur général, Prestation des services à la clientèle" (a federal
    branch's director general), "Managing Director, Retail Operations"; not "Directeur
    Général, Marc Dupont", ", vous ...", ", Member of the Board" or a list of other
    chiefs (", Operations Director and Board")."""
    if i >= end or doc[i].text != ",":
        return False
    words = doc[i + 1:min(end, i + 6)]
    return bool(len(words) and words[0].is_title and _UNIT_WORDS.search(words.text)
                and not _NOT_A_UNIT.search(words.text))


#: What names a unit after a chief executive's title, and what shows it names people instead.
_UNIT_WORDS = re.compile(r"\b(?:customers?|clients?|client[eè]le|services?|prestation|operations?|op[ée]rations"
                         r"|retail|commercial|sales|finance|technology|digital|marketing|delivery|care|experience"
                         r"|consumer|enterprise|business|banking|insurance|network|markets?|managed)\b", re.I)
_NOT_A_UNIT = re.compile(r"\b(?:director|directeur|directrice|officer|head|manager|chief|board|conseil|members?"
                         r"|membre|team|group|committee|comit[ée])\b", re.I)


def _report_target(span: Span, line: LineWords) -> tuple[str, str]:
    """Classify who a "reports to" match names: ``(kind, evidence words)``.

    Reads up to 12 tokens after the match, to the end of the clause: a full stop or
    semicolon, or a comma once someone has been named ("Reporting to the COO, the CCO
    will..."). Nothing is read past the end of the line.
    """
    doc = span.doc
    line_end = line.span.end
    end = min(line_end, span.end + 12)
    top = below = deputy = hedge = False
    last = None
    i = span.end
    while i < end:
        token = doc[i]
        w = _elided(line.word(i).strip(",:|()"))  # "l'administrateur délégué"
        nxt = line.word(i + 1) if i + 1 < end else ""
        if token.text in _STOP or (token.text in {",", "|"} and last is not None):
            break
        if w in _DOTTED and last is not None:
            break  # "hiérarchiquement au Directeur Commercial et fonctionnellement au DG": the first
        if w in {"or", "and/or", "ou"}:
            hedge = True
        elif w == "deputy":
            deputy, last = True, i
        elif w == "vice":  # "Vice President", "vice-présidente": below, not the president
            below, last = True, i
            j = i + 2 if nxt == "-" else i + 1
            if j < end and line.word(j) in _PRESIDENT:
                last = i = j
        elif w in {"chef", "cheffe"} and [line.word(k) for k in range(i + 1, min(i + 4, line_end))] == [
                "de", "la", "direction"]:
            # "chef de la direction" is the CEO; "chef de la direction financière" the CFO
            after = line.word(i + 4) if i + 4 < line_end else ""
            if not after or not after.isalpha() or after in {"et", "and"}:
                top = True
            else:
                below = True
            last = i = i + 3
        elif (w, nxt) in _TOP_PAIRS:
            after = line.word(i + 2).strip(",:|()") if i + 2 < end else ""
            if after in _DEPUTY_AFTER and (w, nxt) not in {("administrateur", "delegue"),
                                                           ("administratrice", "deleguee")}:
                deputy, last = True, i + 2  # "Directeur Général Adjoint": the chief executive's deputy
                i += 2
            elif _branch_after(doc, i + 2, line_end):
                below, last = True, i + 1  # "directeur général, Prestation des services": a branch's head
                i += 1
            else:
                top, last = True, i + 1
                i += 1
        elif w in _TOP and _elided(nxt.strip(",:|()")) in _DEPUTY_AFTER:
            deputy, last = True, i + 1  # "DG adjoint", "la DG déléguée"
            i += 1
        elif w in _TOP:
            top, last = True, i
        elif w in _BELOW:
            below, last = True, i
        i += 1
    if last is None:
        return "", ""
    # carry the evidence to the end of a multi-word title ("Chief Operating Officer")
    while last + 1 < end and (doc[last + 1].is_title or doc[last + 1].lower_ in {"of", "officer"}):
        last += 1
    words = doc[span.start:last + 1].text
    if deputy:
        return "deputy", words
    if top and below and hedge:
        return "hedged", words
    return ("top" if top else "below"), words


def read_signals(doc: Doc, title: str | None) -> Reading:
    """Collect the :class:`Reading` of a labelled posting ``Doc``."""
    from ..pipeline.doc import line_bounds, span_labels  # here: the pipeline package imports this one

    lines = doc.spans["lines"]
    bounds = line_bounds(doc)
    numbers = list(lines.attrs["n"])
    labels = span_labels(doc.spans["line_labels"], "labels")
    reading = Reading()
    reading.level, reading.hybrid = title_level(title)
    for lab, n in zip(labels, numbers):
        reading.counts[lab] = reading.counts.get(lab, 0) + 1
        reading.lines_by_label.setdefault(lab, []).append(n)
    report_kinds: list[str] = []
    opens_line: list[bool] = []  # per match in report_kinds: does it open its line?
    chrome = lines.attrs.get("chrome", [False] * len(bounds))
    signals = doc.spans.get("signals", [])
    reports_in = {_owner(s, bounds) for s in signals if s.label_ == "functions_in"}
    words_of: dict[int, LineWords] = {}  # each line's words are folded once, however many matches
    counted_to = -1  # end of the last team size counted ("a team of 10 to 15 people" is one)
    role_words = _ROLE_WORDS | _title_names(title)
    for span in signals:
        i = _owner(span, bounds)
        if i is None:
            continue
        line, n, label = lines[i], numbers[i], labels[i]  # a Span only for lines with a signal
        if chrome[i] or line.label_ in _NOT_ABOUT_THE_ROLE:
            continue  # pay, benefits, EEO and how to apply say nothing of the role's line or seat
        words = words_of.get(i)
        if words is None:
            words = words_of[i] = LineWords(line)
        if line.label_ == "about_company" and not (
                span.label_ in {"reports_to", "exec_seat"} and _the_roles_own(span, words, role_words)):
            # "Our CEO reports to the board" in About us says nothing of the role; "The CCO
            # reports directly to the Group CEO" or a "Reports to:" row does, wherever an
            # unknown heading ("Why this role, why now") left it inside About us
            continue
        if (line.label_ in _CANDIDATES_PAST and span.label_ in _ROLES_AUTHORITY | {"advisory"}
                and not (span.label_ == "reports_to" and _opens_line(span, words))):
            # "proven ability to lead through influence" is the candidate's, not the role's;
            # a line that opens with "Reporting to the SVP, Operations" states the role's
            # line wherever the page puts it
            continue
        evidence = Evidence(n, span.text)
        kind = span.label_
        if kind in {"reports_to", "exec_seat"} and reports_as_a_noun(span, words):
            continue
        if kind == "reports_to":
            target, named = _report_target(span, words)
            if (not target or _about_someone_else(span, words) or _reporting_in(span, words)
                    or _to_the_role(span, words) or _reporting_duty(span, words)):
                continue
            if _negated(span, line) and target == "top":
                target = "negated_top"
            report_kinds.append(target)
            opens_line.append(_opens_line(span, words))
            reading.reports_evidence.append(Evidence(n, named))
        elif kind == "exec_seat":
            if _audience(span, words) or _reporting_duty(span, words):
                continue  # "present the dashboards to the Executive Committee": reporting to it
            seat = "member"
            if _negated(span, line, window=8):
                # "won't sit on the executive committee but is invited to it" is partial
                seat = "partial" if _INVITED.intersection(words.sentence_after(span.end, WINDOW)) else "negated"
            elif any(t.lower_ in _INVITED | {"occasionally", "may"}
                     for t in doc[max(line.start, span.start - 8):span.start]):
                seat = "partial"
            reading.seat_evidence.append(Evidence(n, span.text))
            reading.seat = _stronger_seat(reading.seat, seat)
        elif kind == "functions_in":
            reading.functions_in.append(evidence)
        elif kind == "budget":
            # a budget to cut is no authority (the line's aim is cost cutting), and "£X
            # million, TBC" in a draft names no budget yet
            if label != "cost_cutting" and not _PLACEHOLDER.search(line.text):
                reading.budget.append(evidence)
        elif kind == "headcount":
            if count_start(span, words) >= counted_to and names_the_roles_team(span, words, i in reports_in):
                reading.headcount.append(evidence)
                counted_to = span.end
        elif kind == "advisory":
            if not _denies_advisory(span, line):
                reading.advisory.append(evidence)
        elif kind == "metric" and label != "context" and customer_measure(span, words):
            reading.metrics.append(evidence)
        elif kind == "slogan":
            reading.slogans.append(evidence)
        elif kind == "personal" and label in TACTICAL_LABELS and done_by_the_holder(span, words):
            reading.personal.append(evidence)
        elif kind == "delegated" and label in TACTICAL_LABELS:
            reading.delegated.append(evidence)
    if any(opens_line):
        # "Reports to: Director of Customer Operations" says whom the role reports to;
        # "responsible for complaints reporting to the Executive Team" in a paragraph
        # may be reports the holder writes: a line that opens with its reporting line
        # wins, and only its evidence is shown
        report_kinds = [kind for kind, first in zip(report_kinds, opens_line) if first]
        reading.reports_evidence = [e for e, first in zip(reading.reports_evidence, opens_line) if first]
    reading.reports = _combine_reports(report_kinds)
    if reading.reports == "unstated":
        # a member of a two-tier board's management board sits beside the CEO and answers
        # to the supervisory board, whatever reporting line the posting leaves unsaid (004)
        board = next((e for e in reading.seat_evidence if _MANAGEMENT_BOARD.match(e.words)), None)
        if board is not None and reading.seat == "member":
            reading.reports = "top"
            reading.reports_evidence.append(board)
    return reading


_MANAGEMENT_BOARD = re.compile(r"^(?:member|members|seat)\s+(?:of|on)\s+(?:the\s+|our\s+)?"
                               r"(?:management\s+board|board\s+of\s+management)\b", re.I)


#: Words that name the role as the subject of a sentence ("The role reports to ...", "You
#: will sit on ...", "The post holder is a member of ...").
_ROLE_WORDS = frozenset({"you", "role", "position", "post", "postholder", "incumbent", "holder", "vous",
                         "titulaire", "poste"})


#: The first word of a key-fact row about the role's line or seat.
_FACT_LABELS = frozenset({"member", "membre", "reports", "reporting", "report", "seat", "rattachement", "line"})


def _title_names(title: str | None) -> frozenset[str]:
    """How a posting names its role in a sentence besides "the role" or "you": the
    title's acronym ("cco" for "Chief Customer Officer (m/f/d) - EMEA"). Its last word
    ("officer", "director") would name other people as well ("Our Chief Operating Officer")."""
    own = re.split(r"\s+[-–—|]\s+|\s*[(|]", fold(title or ""), maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+", own.lower())
    words = words[:next((k for k, w in enumerate(words) if w in {"at", "in", "for"}), len(words))]
    capitals = "".join(w[0] for w in words if w not in {"of", "and", "the", "de", "du", "la", "l", "des"})
    return frozenset({capitals}) if len(capitals) >= 2 else frozenset()


def _the_roles_own(span: Span, words: LineWords, role_words: frozenset[str]) -> bool:
    """Whether a reporting-line or seat match states the role's own: the line opens with
    it ("Reports to: Group CEO", "Member of: Group Executive Committee") or the role is the
    subject of its sentence ("The CCO reports directly to ...", "you will sit on ...", "The
    role has ..., a seat at every Executive Team meeting"; not "Wherever you travel, our
    network reports to ...")."""
    if _first_on_line(span, words):
        return True
    before = words.before(span.start, span.start - words.span.start)
    if before[-1] in _FACT_LABELS and any(w in {":", "|"} for w in before):
        return True  # "Member of: Group Executive Committee", "Reporting line | CEO"
    clause: list[str] = []
    for word in words.sentence_before(span.start, 16):
        if word in {",", ";", ":"} and _OTHER_SUBJECT.intersection(clause):
            break  # "Wherever you travel, our network reports to ...": the network's line
        clause.append(word)
    return bool(role_words.intersection(clause))


#: Words that start another subject between a comma and the match ("our network", "its board").
_OTHER_SUBJECT = frozenset({"our", "its", "their", "his", "her", "notre", "nos", "son", "sa", "ses", "leur"})


def _opens_line(span: Span, words: LineWords) -> bool:
    """Whether a reporting-line match opens its line as a statement of the role's line
    ("Reports to: ...", "Reporting to the CEO, you will...", "- Reporting line: COO"),
    after any list marker. A duty in the imperative ("Report to the COO monthly on
    complaint volumes") is not one: only "reports", "reporting", "report" before a colon,
    or French "relevant de", "rattaché(e) à"."""
    if not _first_on_line(span, words):
        return False
    first = span[0].lower_
    return first in {"reports", "reporting"} or first in _FR_LINE_OPENERS or (first == "report" and _before_colon(span))


def _first_on_line(span: Span, words: LineWords) -> bool:
    """Whether nothing but punctuation stands before ``span`` on its line: a bullet may, a
    list number counts as a word (see _reporting_duty for a list-marker reading)."""
    return not any(w[:1].isalnum() for w in words.before(span.start, span.start - words.span.start))


def _before_colon(span: Span) -> bool:
    """ "Report to: Chief Executive" (a field naming the line), not "Report to the CEO on ..."."""
    return ":" in span.doc[span.start:span.end + 2].text


#: What may open a line before its first word: nothing, a bullet, or a list number ("1.", "a)").
_LIST_MARKER = re.compile(r"\s*(?:[-–•*·]|\(?\d{1,2}[.)]|\(?[a-z][.)])?\s*", re.I)
#: Words after an imperative "Report to ..." that make it a duty: how often, or on what.
_DUTY_AFTER = frozenset({"every", "each", "monthly", "weekly", "quarterly", "daily", "annually", "regularly",
                         "on", "about", "back"})


def _reporting_duty(span: Span, words: LineWords) -> bool:
    """ "Report to the founders every month on what customers are saying" (qb07): a duty in
    the imperative, opening its line, that says how often or on what right after whom it
    goes to; the role's reporting line is not stated by it (001: a CCO's line is a fact of
    the role, not a task). French duties use the infinitive with an object after the
    recipient ("Reporter à la Direction Générale l'état d'avancement"); "vous devrez
    reporter au Président" and "Reporter directement au Président, vous ..." state the
    line. "Se rapportant à" states it when it opens the line or follows the role ("le
    titulaire se rapporte au président", Quebec usage), not after another noun ("les
    dossiers se rapportant à la Direction", relating to)."""
    first = span[0].lower_
    before = words.before(span.start, 3)
    if before[:1] in (["se"], ["s'"], ["s’"]):
        opening = span.doc[words.span.start:span.start - 1].text
        return not (_LIST_MARKER.fullmatch(opening) or _ROLE_SUBJECTS.intersection(before[1:3]))
    if first in {"reporter", "rapporter"}:
        after = _after_recipient(span, words.span.end)
        return after is not None and after[:1].isalpha() and after not in {"et", "and", "vous"}
    if first != "report" or _before_colon(span):
        return False
    if not _LIST_MARKER.fullmatch(span.doc[words.span.start:span.start].text):
        return False
    after = _after_recipient(span, words.span.end)
    if after == ",":
        nxt = _after_recipient(span, words.span.end, past_comma=True)
        return nxt in _DUTY_AFTER
    return after in _DUTY_AFTER


#: Words that stand for the role before "se rapporte à": "le titulaire se rapporte au président".
_ROLE_SUBJECTS = frozenset({"titulaire", "poste", "vous", "personne", "il", "elle", "incumbent", "role"})


def _after_recipient(span: Span, line_end: int, past_comma: bool = False) -> str | None:
    """The first word after whom a "report to" sends the report: past determiners, the
    recipient's capitalised name and role words ("the Board of Directors", "the Chief
    Executive Officer", "the CEO and the Board"), lower-cased; "," for a comma, ``None``
    at the end of the line or sentence."""
    doc = span.doc
    i, passed_comma = span.end, False
    while i < min(line_end, span.end + 14):
        token = doc[i]
        lower = token.lower_
        if token.text in _STOP:
            return None
        if token.text == ",":
            if past_comma and not passed_comma:
                passed_comma = True
                i += 1
                continue
            return ","
        if (lower in _RECIPIENT_WORDS or token.text[:1].isupper() or lower in _TOP or lower in _BELOW
                or lower.startswith(("l'", "l’")) and token.text[2:3].isupper()):
            i += 1
            continue
        return lower
    return None


#: Words inside a recipient's name: "the Board of Directors", "le Directeur général", "the CEO and the Board".
_RECIPIENT_WORDS = frozenset({"the", "our", "your", "a", "an", "of", "and", "&", "le", "la", "les", "l'", "l’", "au",
                              "aux", "du", "de", "des", "directement", "directly", "founders", "founder", "board",
                              "group", "executive", "leadership", "team", "senior", "management", "ceo", "committee",
                              "directors", "owners", "partners", "investors", "général", "general", "générale",
                              "generale", "direction", "-"})


#: French openings of a posting's reporting line: "Relevant du vice-président ...",
#: "Rattaché(e) au PDG".
_FR_LINE_OPENERS = frozenset({"relevant", "rattaché", "rattachée", "rattache", "rattachee", "rattaché(e",
                              "rattache(e", "rattachement", "rattaché·e", "rattache·e"})


#: Words before a bare "Executive Committee" that make it the audience of the role's
#: work, not a seat it holds: "insights to the Executive Committee", "MI for the
#: Executive Board" ("a new role on our Executive Committee" is a seat).
_AUDIENCE = frozenset({"to", "for", "before", "with", "by", "into", "from", "through"})
_DETERMINERS = frozenset({"the", "our", "its", "their", "your", "a", "an"})


#: French words before a bare "COMEX"/"CODIR" that make it the audience of the role's work
#: ("présenter les résultats au COMEX", "les supports du CODIR"), unless a seat word
#: comes before them ("membre du CODIR", "siège au COMEX").
_FR_AUDIENCE = frozenset({"au", "aux", "à", "a", "du", "des", "pour", "devant", "auprès", "aupres"})
_FR_SEAT_WORDS = frozenset({"membre", "membres", "partie", "siège", "siege", "siégez", "siegez", "siégerez",
                            "siegerez", "siégera", "siegera", "siéger", "sieger", "siégeant", "siegeant", "intègre",
                            "integre", "intégrez", "integrez", "intégrerez", "integrerez", "rejoignez", "rejoindrez"})
#: Words before the preposition that make a bare COMEX/CODIR a seat (or an invitation to one).
_SEATED = _FR_SEAT_WORDS | _INVITED | {"sein", "part"}
_ARTICLES = _DETERMINERS | {"le", "la", "les"}


def _audience(span: Span, line: LineWords) -> bool:
    """Whether a bare "Executive Committee"/"Executive Board" (or French "COMEX",
    "CODIR") match is whom the role's work goes to: a preposition such as "to" or "for"
    right before it (past a determiner or a possessive name)."""
    if span[0].lower_ in {"comex", "codir"} and len(span) == 1:
        before = line.before(span.start, 6)
        while before and before[0] in _ARTICLES:
            before = before[1:]  # "present to the COMEX"
        # "présenter les résultats au COMEX" is the audience; "siégez également au CODIR",
        # "au sein du COMEX", "membre permanent du COMEX", "prenez part au COMEX" a seat
        return bool(before) and before[0] in _FR_AUDIENCE | _AUDIENCE and not _SEATED.intersection(before[1:5])
    if span[0].lower_ != "executive":
        return False
    for word in line.before(span.start, 3):
        if word in _AUDIENCE:
            return True
        if word not in _DETERMINERS and word != "group" and not word.endswith(("'s", "’s")):
            return False  # past "the", "our Group", "the Agency's": anything else ends the look-back
    return False


def _stronger_seat(current: str, new: str) -> str:
    order = ["unstated", "negated", "partial", "member"]
    if new == "negated":  # an explicit "not on the executive team" outweighs a mention
        return "negated" if current != "member" else "partial"
    return max(current, new, key=order.index)


def _combine_reports(kinds: list[str]) -> str:
    """One reading from all reporting-line matches: a negation or hedge of the top line wins,
    then any plain line to the top (other matches may describe other people's lines)."""
    for kind in ("negated_top", "hedged", "top", "deputy", "below"):
        if kind in kinds:
            return kind
    return "unstated"
