"""How the words around a signal match change its reading (:func:`.signals.read_signals`).

A pattern finds "reporting to the Board", "650 people", "hands-on" or "scorecard"; whether
that is the role's reporting line, its team, the holder's own tactical work or a customer
outcome it owns depends on the sentence: "quarterly reporting to the Board" is reports the
holder writes, "a consultancy of 650 people" is the company, "hands-on experience with
Zendesk" a skill, "the QA scorecard" a queue measure. The rules read a few words either
side of the match; there is no parser in the pipeline (DOMAIN.md's table: 000-004).

Each line's words are folded once (:class:`LineWords`) and no rule reads more than
:data:`WINDOW` words from its match: a scraped posting can be one 50 KB line, and reading
it from its start for every match made that line cost its length squared.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..folding import fold

#: Words that end a clause when reading back from a match.
CLAUSE_BREAKS = {":", ";", ",", ".", "and", "but", "while", "whereas"}
#: The most words a rule reads either side of a match; the sentence usually ends sooner.
WINDOW = 30
_SENTENCE_ENDS = frozenset({".", ";", "!", "?"})
_ABBREVIATIONS = frozenset({"approx", "c", "ca", "circa", "e.g", "i.e", "incl", "est"})


class LineWords:
    """The lower-case, folded words of one line, made once per line by
    :func:`.signals.read_signals` and read by the rules below, a window at a time."""

    __slots__ = ("span", "words")

    def __init__(self, line: Span) -> None:
        self.span = line
        self.words = [fold(t.lower_) for t in line]

    def word(self, i: int) -> str:
        """The folded word of the doc's token ``i`` (a token of this line)."""
        return self.words[i - self.span.start]

    def before(self, i: int, window: int = WINDOW) -> list[str]:
        """Up to ``window`` words of the line before the doc's token ``i``, nearest first."""
        k = i - self.span.start
        return self.words[max(0, k - window):k][::-1]

    def sentence_before(self, i: int, window: int = WINDOW) -> list[str]:
        """The words before token ``i`` in its sentence, nearest first, at most ``window``
        ("approx." ends no sentence)."""
        words, k = self.words, i - self.span.start
        out = []
        for j in range(k - 1, max(0, k - window) - 1, -1):
            if words[j] in _SENTENCE_ENDS and not (j > 0 and words[j - 1] in _ABBREVIATIONS):
                break
            out.append(words[j])
        return out

    def sentence_after(self, i: int, window: int = WINDOW) -> list[str]:
        """The words from token ``i`` on in its sentence, at most ``window``."""
        out = []
        for w in self.words[i - self.span.start:i - self.span.start + window]:
            if w in _SENTENCE_ENDS:
                break
            out.append(w)
        return out

    def around(self, span: Span, window: int) -> list[str]:
        """The words of ``span`` and up to ``window`` either side of it in its sentence,
        in text order."""
        start, end = span.start - self.span.start, span.end - self.span.start
        return self.sentence_before(span.start, window)[::-1] + self.words[start:end] + self.sentence_after(
            span.end, window)


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


def reports_as_a_noun(span: Span, line: LineWords) -> bool:
    """ "Support the COO with quarterly reporting to the Board": reporting is the reports
    the holder writes, not the role's line (002, 004 are about whom the role reports to).
    "Reporting to the CEO, you will..." and "The role reports to the Board" stay lines."""
    first = span[0].lower_
    if first not in {"report", "reports", "reporting", "reported"} or (
            len(span) > 1 and span[1].lower_ in {"line", "lines", "relationship"}):
        return False
    before = line.before(span.start, 2)
    if not before:
        return False
    if first == "reported" and before[0] in _BE:
        return True  # "results are reported to the board"
    if before[0] in _REPORTS_AS_NOUN_AFTER:
        return True
    # "budgeting, forecasting and reporting to the board": one of a list of tasks
    return (first == "reporting" and before[0] in {"and", "or", ","} and len(before) == 2
            and before[1].endswith("ing"))


# --- authority: whose team a count names (002: "a large budget and team") -----------------
#: Words that make a count the role's own team when met (nearest first) before it in its
#: sentence: "lead ... 120 staff", "responsibility for approx. 420 employees", "your team".
_LEADS = frozenset(
    "lead leads leading manage manages managing oversee oversees overseeing run runs running head heads "
    "heading directs build builds grow grows responsible responsibility accountable own owns you your "
    "together team teams organisation organization function functions division directorate centre center "
    "centres centers operation operations scope span leadership vous votre vos dirige dirigez dirigerez "
    "dirigera diriger gerez gererez encadrez encadrerez equipe equipes responsabilite".split())
#: The verbs among them that take the team as their object: "lead all 120 staff".
_LEADING_VERBS = frozenset(
    "lead leads leading manage manages managing oversee oversees overseeing run runs running head heads "
    "heading direct directs directing dirige dirigez dirigerez dirigera diriger gerez gererez encadrez "
    "encadrerez".split())
#: ... and words that make it the company's size: "we are 48 people", "a consultancy of 650".
_COMPANY = frozenset("we we're we've nous company firm consultancy employer".split())
#: ... or, right before it, the customers' size: "clients with 5,000+ employees".
_CUSTOMERS = frozenset(
    "customers clients members users companies businesses employers households merchants students patients".split())
#: Contact-centre staff: a customer base is not counted in agents ("a centre serving
#: customers with 300 agents" is the centre's size when a leading verb governs it).
_AGENTS = frozenset({"agents", "advisors", "advisers"})
#: ... or an experience the candidate must have: "5+ years leading teams of 500+ people".
_EXPERIENCE = frozenset(
    "experienced years yrs track record background proven demonstrated demonstrable history expertise 've ’ve".split())
#: Words that start the role's own clause between a count and an earlier "years": in "over
#: the next two years you will build and lead a team of 60" the years are the role's future.
_ROLE_SUBJECT = frozenset("you you'll 'll will shall vous".split())
#: ... and the finite leading verbs that do too ("head" and "direct" are left out: "Head of
#: Support", "direct reports" are nouns more often than verbs).
_FINITE_LEADS = frozenset("lead leads manage manages oversee oversees run runs build builds grow grows directs "
                          "dirige dirigez dirigerez dirigera gerez gererez encadrez encadrerez".split())
_DETERMINERS = frozenset("the a an your our their his her my".split())
#: "experience" after these is the domain's noun: "Head of Customer Experience: 200 people".
_EXPERIENCE_OF = frozenset("customer customers client clients member members patient patients guest guests "
                           "user employee colleague cx digital service".split())
_MAGNITUDES = frozenset({"million", "millions", "billion", "billions", "thousand", "thousands", "hundred",
                         "hundreds", "m", "bn", "k"})
_RANGE = frozenset({"-", "–", "to"})


def _governing(words: list[str]) -> list[str]:
    """The words before a match (nearest first) up to the start of the role's own clause:
    a subject ("you will") or a finite leading verb ("build and lead a team of 60"). An
    infinitive ("ability to lead") and a noun ("a team lead") start none."""
    for k, w in enumerate(words):
        if w in _ROLE_SUBJECT:
            return words[:k]
        if (w in _FINITE_LEADS and "to" not in words[k + 1:k + 4]
                and not (k + 1 < len(words) and (words[k + 1] in _DETERMINERS or words[k + 1] == "team"))):
            return words[:k]
    return words


def _asks_for_experience(words: list[str]) -> bool:
    """ "10+ years leading ...", "proven track record", "experience leading/of/in ...": the
    sentence describes what the candidate has done, not the role (``words`` nearest first,
    cut by :func:`_governing`)."""
    if _EXPERIENCE.intersection(words):
        return True
    # "experience" alone is also the domain's noun ("customer experience team")
    return any(w == "experience" and k > 0 and (words[k - 1] in {"of", "in", "with", "at", "as", ":", "|"}
                                                or words[k - 1].endswith("ing"))
               and not (k + 1 < len(words) and words[k + 1] in _EXPERIENCE_OF)
               for k, w in enumerate(words))


def count_start(span: Span, line: LineWords) -> int:
    """The doc index where a headcount's count begins: its first number, or the first
    number of a range ("40" in "40-50 people", "10" in "10 to 15 people")."""
    number = next((t.i for t in span if t.like_num), span.start)
    if number - 2 >= line.span.start and line.word(number - 1) in _RANGE and span.doc[number - 2].like_num:
        return min(span.start, number - 2)
    return span.start


def _led_directly(words: list[str]) -> bool:
    """Whether a leading verb takes the count as its object: ``words`` are those before
    "all 120 staff" (nearest first): "lead all", "lead and develop all"."""
    return bool(words) and (words[0] in _LEADING_VERBS
                            or (len(words) > 2 and words[1] in {"and", "&"} and words[2] in _LEADING_VERBS))


def names_the_roles_team(span: Span, line: LineWords, reports_in: bool) -> bool:
    """Whether a headcount match sizes the role's own team or organisation (002), not the
    company, its customers or a past job. A count the line says reports in stands; else the
    nearest cue before it in its sentence decides ("lead", "your", "team" against "we",
    "consultancy"), and a bare count ("650 people") with no cue is not a team. A named
    team ("a team of 40", "Team size: 410", "Direct reports: 4") needs no cue, and so
    does a range only when a cue names it the role's ("lead 40-50 people", not "Company
    size: 501-1,000 employees")."""
    number = next((t for t in span if t.like_num), None)
    if number is None or number.lower_ in {"0", "zero", "none", "one", "first"} or span[0].lower_ in _MAGNITUDES:
        return False
    before = line.sentence_before(count_start(span, line))
    if _asks_for_experience(_governing(before)):
        return False
    if _CUSTOMERS.intersection(before[:2]) and not (span[-1].lower_ in _AGENTS
                                                    and _LEADING_VERBS.intersection(before)):
        return False
    every = next((k for k, w in enumerate(before[:3]) if w in {"all", "every", "each"}), None)
    if every is not None and not _led_directly(before[every + 1:]):
        return False  # "a customer-first culture across all 5,800 employees": the whole company
    if reports_in:
        return True
    cue = next((w for w in before if w in _LEADS or w in _COMPANY), None)
    if cue is not None:
        return cue in _LEADS
    return not span[0].like_num


# --- accountability: customer outcomes, not queue KPIs (000, 003, 004) --------------------
#: Measures that name no outcome themselves; they count when their sentence is about customers.
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
#: How near a queue word must be to a measure named for customers to make it the queue's.
QUEUE_NEAR = 5
_STAFF = frozenset({"staff", "employee", "employees", "colleague", "colleagues", "agent", "agents", "talent",
                    "people", "team", "workforce"})


def _of_the_queue(words: list[str]) -> bool:
    """Whether ``words`` (in text order) name a queue or vendor measure: "AHT", "service level"."""
    words = [w for w in words if w not in {"-", "–"}]  # "contact-centre KPIs"
    return bool(_QUEUE_WORDS.intersection(words) or set(zip(words, words[1:])) & _QUEUE_PAIRS)


def customer_measure(span: Span, line: LineWords) -> bool:
    """Whether a metric match is a customer outcome the role can own (000, 003, 004): NPS,
    churn, a customer dashboard; not staff retention, nor a KPI, scorecard or dashboard of
    the queue ("the QA scorecard", "client KPIs: service level, AHT").

    A measure named for customers ("customer KPIs", "the customer dashboard") is the
    queue's only when a queue word is near it: "customer KPIs across all channels, including
    the agent-assisted ones" count. A bare "KPIs" or "scorecard" measures what its sentence
    names ("support KPIs including first response time, backlog and CSAT" do not count)."""
    first = span[0].lower_
    if first in {"retention", "churn"} and span.start > line.span.start and line.word(span.start - 1) in _STAFF:
        return False
    if span[-1].lower_ not in _GENERIC_MEASURES:
        return True
    if len(span) > 1 or _CUSTOMER_WORDS.intersection(line.sentence_before(span.start, 2)):
        return not _of_the_queue(line.around(span, QUEUE_NEAR))
    sentence = line.around(span, WINDOW)
    return not _of_the_queue(sentence) and bool(_CUSTOMER_WORDS.intersection(sentence))


# --- balance: who does the tactical work (001) ---------------------------------------------
#: Others whose work a clause describes: "fewer agents on the phones", "the team takes calls".
_OTHERS = frozenset(
    "agent agents advisor advisors adviser advisers staff colleagues team teams reps representatives "
    "specialists associates managers supervisors leaders leads people employees".split())
#: ... unless the holder is with them: "joining your team on the phones".
_ALONGSIDE = frozenset("join joins joining alongside with beside among amongst".split())
_SKILL_NOUNS = frozenset(
    "experience knowledge familiarity expertise skills skill understanding proficiency background".split())


def _others_do_it(clause: list[str]) -> bool:
    """Whether a clause (nearest first) gives the work to others: "fewer agents on the
    phones", but not "joining your team on the phones" (the holder is on them too)."""
    for k, w in enumerate(clause):
        if w not in _OTHERS:
            continue
        j = k + 2 if k + 1 < len(clause) and clause[k + 1] in _DETERMINERS else k + 1
        if not (j < len(clause) and clause[j] in _ALONGSIDE):
            return True
    return False


def done_by_the_holder(span: Span, line: LineWords) -> bool:
    """Whether a "personal" match asks the holder to do the work (001: balance): "you will
    take calls", "be on the phones"; not a skill ("hands-on experience with Zendesk", "5 years
    handling escalations") and not other people's work ("fewer agents on the phones")."""
    if _SKILL_NOUNS.intersection(line.sentence_after(span.end, 3)):
        return False
    clause = [span[0].lower_]
    for w in line.before(span.start):
        if w in CLAUSE_BREAKS:
            break
        clause.append(w)
    return not (_others_do_it(clause) or _asks_for_experience(_governing(clause)))
