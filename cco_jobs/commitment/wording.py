"""How the words around a signal match change its reading (:func:`.signals.read_signals`).

A pattern finds "reporting to the Board", "650 people", "hands-on" or "scorecard"; whether
that is the role's reporting line, its team, the holder's own tactical work or a customer
outcome it owns depends on the sentence: "quarterly reporting to the Board" is reports the
holder writes, "a consultancy of 650 people" is the company, "hands-on experience with
Zendesk" a skill, "the QA scorecard" a queue measure. The rules read a few words either
side of the match; there is no parser in the pipeline (DOMAIN.md's table: 000-004).
"""
from __future__ import annotations

import unicodedata

from spacy.tokens import Span

#: Words that end a clause when reading back from a match.
CLAUSE_BREAKS = {":", ";", ",", ".", "and", "but", "while", "whereas"}


def fold(text: str) -> str:
    """``text`` without accents and with straight apostrophes: "l’expérience" -> "l'experience"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


#: Words before "report(ing)" that make it a noun, the reports the holder writes ("monthly
#: reporting to the Board", "prepare reports to the board"), not the line the role reports on.
_REPORTS_AS_NOUN_AFTER = frozenset(
    "a an the any all some each their its our your his her these those with of for on in including into about "
    "through via by monthly quarterly weekly daily annual yearly biannual periodic regular routine ongoing "
    "timely accurate financial statutory regulatory management performance operational board kpi formal "
    "written internal external consolidated governance progress status mi prepare prepares preparing produce "
    "produces producing write writes writing deliver delivers delivering submit submits submitting compile "
    "compiles compiling draft drafts drafting provide provides providing support supports supporting "
    "improve improves improving streamline automate coordinate coordinates coordinating own owns owning".split())
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def reports_as_a_noun(span: Span, line: Span) -> bool:
    """ "Support the COO with quarterly reporting to the Board": reporting is the reports
    the holder writes, not the role's line (002, 004 are about whom the role reports to).
    "Reporting to the CEO, you will..." and "The role reports to the Board" stay lines."""
    first = span[0].lower_
    if first not in {"report", "reports", "reporting", "reported"} or (
            len(span) > 1 and span[1].lower_ in {"line", "lines", "relationship"}):
        return False
    before = [t.lower_ for t in span.doc[max(line.start, span.start - 2):span.start]]
    if not before:
        return False
    if first == "reported" and before[-1] in _BE:
        return True  # "results are reported to the board"
    if before[-1] in _REPORTS_AS_NOUN_AFTER:
        return True
    # "budgeting, forecasting and reporting to the board": one of a list of tasks
    return (first == "reporting" and before[-1] in {"and", "or", ","} and len(before) == 2
            and before[0].endswith("ing"))


# --- authority: whose team a count names (002: "a large budget and team") -----------------
#: Words that make a count the role's own team when met (nearest first) before it in its
#: sentence: "lead ... 120 staff", "responsibility for approx. 420 employees", "your team".
_LEADS = frozenset(
    "lead leads leading manage manages managing oversee oversees overseeing run runs running head heads "
    "heading directs build builds grow grows responsible responsibility accountable own owns you your "
    "together team teams organisation organization function functions division directorate centre center "
    "centres centers operation operations scope span leadership vous votre vos dirige dirigez dirigerez "
    "dirigera diriger gerez gererez encadrez encadrerez equipe equipes responsabilite".split())
#: ... and words that make it the company's size: "we are 48 people", "a consultancy of 650".
_COMPANY = frozenset("we we're we've nous company firm consultancy employer".split())
#: ... or, right before it, the customers' size: "clients with 5,000+ employees".
_CUSTOMERS = frozenset(
    "customers clients members users companies businesses employers households merchants students patients".split())
#: ... or an experience the candidate must have: "5+ years leading teams of 500+ people".
_EXPERIENCE = frozenset(
    "experienced years yrs track record background proven demonstrated demonstrable history expertise 've ’ve".split())
_SENTENCE_ENDS = frozenset({".", ";", "!", "?"})
_ABBREVIATIONS = frozenset({"approx", "c", "ca", "circa", "e.g", "i.e", "incl", "est"})
_MAGNITUDES = frozenset({"million", "millions", "billion", "billions", "thousand", "thousands", "hundred",
                         "hundreds", "m", "bn", "k"})


def _sentence_before(span: Span, line: Span) -> list[str]:
    """The folded words before ``span`` in its sentence, nearest first ("approx." ends none)."""
    doc, words = span.doc, []
    for i in range(span.start - 1, line.start - 1, -1):
        text = doc[i].text
        if text in _SENTENCE_ENDS and not (i > line.start and doc[i - 1].lower_ in _ABBREVIATIONS):
            break
        words.append(fold(doc[i].lower_))
    return words


def _asks_for_experience(words: list[str]) -> bool:
    """ "10+ years leading ...", "proven track record", "experience leading/of/in ...": the
    sentence describes what the candidate has done, not the role (``words`` nearest first)."""
    if _EXPERIENCE.intersection(words):
        return True
    # "experience" alone is also the domain's noun ("customer experience team")
    return any(w == "experience" and k > 0 and (words[k - 1] in {"of", "in", "with", "at", "as", ":", "|"}
                                                or words[k - 1].endswith("ing"))
               for k, w in enumerate(words))


def names_the_roles_team(span: Span, line: Span, reports_in: bool) -> bool:
    """Whether a headcount match sizes the role's own team or organisation (002), not the
    company, its customers or a past job. A count the line says reports in stands; else the
    nearest cue before it in its sentence decides ("lead", "your", "team" against "we",
    "consultancy"), and a bare count ("650 people") with no cue is not a team. A named
    team ("a team of 40", "Team size: 410", "Direct reports: 4") needs no cue."""
    doc = span.doc
    number = next((t for t in span if t.like_num), None)
    if number is None or number.lower_ in {"0", "zero", "none", "one", "first"} or span[0].lower_ in _MAGNITUDES:
        return False
    if number.i >= 2 and doc[number.i - 1].text in {"-", "–", "to"} and doc[number.i - 2].like_num:
        return False  # "501-1,000 employees": a company-size band
    before = _sentence_before(span, line)
    if _asks_for_experience(before) or _CUSTOMERS.intersection(before[:2]):
        return False
    if {"all", "every", "each"}.intersection(before[:3]):
        return False  # "a customer-first culture across all 5,800 employees": the whole company
    if reports_in:
        return True
    cue = next((w for w in before if w in _LEADS or w in _COMPANY), None)
    if cue is not None:
        return cue in _LEADS
    return not span[0].like_num


# --- accountability: customer outcomes, not queue KPIs (000, 003, 004) --------------------
#: Measures that name no outcome themselves; they count when their line is about customers.
_GENERIC_MEASURES = frozenset({"kpi", "kpis", "okrs", "dashboard", "dashboards", "scorecard", "scorecards",
                               "measures", "metrics", "measurement"})
_CUSTOMER_WORDS = frozenset(
    "customer customers client clients guest guests patient patients member members resident residents cx "
    "experience satisfaction loyalty nps csat retention churn effort clientele membres".split())
#: Contact-centre and vendor measures: running the queue, not the customer outcome (001).
_QUEUE_WORDS = frozenset(
    "aht fcr asa abandonment abandon occupancy adherence sla slas qa calibration calibrations backlog wfm "
    "workforce vendor vendors bpo outsourced agent agents contractual".split())
_QUEUE_PAIRS = frozenset({("service", "level"), ("service", "levels"), ("handle", "time"), ("handling", "time"),
                          ("contact", "centre"), ("contact", "center"), ("call", "centre"), ("call", "center"),
                          ("speed", "of")})
_STAFF = frozenset({"staff", "employee", "employees", "colleague", "colleagues", "agent", "agents", "talent",
                    "people", "team", "workforce"})


def customer_measure(span: Span, line: Span) -> bool:
    """Whether a metric match is a customer outcome the role can own (000, 003, 004): NPS,
    churn, a customer dashboard; not staff retention, nor a KPI, scorecard or dashboard of
    the queue ("the QA scorecard", "client KPIs: service level, AHT")."""
    first = span[0].lower_
    if first in {"retention", "churn"} and span.start > line.start and span.doc[span.start - 1].lower_ in _STAFF:
        return False
    if span[-1].lower_ not in _GENERIC_MEASURES:
        return True
    words = [fold(t.lower_) for t in line if t.text not in {"-", "–"}]  # "contact-centre KPIs"
    if set(words) & _QUEUE_WORDS or set(zip(words, words[1:])) & _QUEUE_PAIRS:
        return False
    return len(span) > 1 or bool(set(words) & _CUSTOMER_WORDS)


# --- balance: who does the tactical work (001) ---------------------------------------------
#: Others whose work a clause describes: "fewer agents on the phones", "the team takes calls".
_OTHERS = frozenset(
    "agent agents advisor advisors adviser advisers staff colleagues team teams reps representatives "
    "specialists associates managers supervisors leaders leads people employees".split())
_SKILL_NOUNS = frozenset(
    "experience knowledge familiarity expertise skills skill understanding proficiency background".split())


def done_by_the_holder(span: Span, line: Span) -> bool:
    """Whether a "personal" match asks the holder to do the work (001: balance): "you will
    take calls", "be on the phones"; not a skill ("hands-on experience with Zendesk", "5 years
    handling escalations") and not other people's work ("fewer agents on the phones")."""
    doc = span.doc
    if {t.lower_ for t in doc[span.end:min(line.end, span.end + 3)]} & _SKILL_NOUNS:
        return False
    clause = [span[0].lower_]
    for token in reversed(doc[line.start:span.start]):
        if token.lower_ in CLAUSE_BREAKS:
            break
        clause.append(fold(token.lower_))
    return not (_OTHERS.intersection(clause) or _asks_for_experience(clause))
