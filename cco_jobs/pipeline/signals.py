"""``cco_jobs_signal_ruler``: finds the commitment signals' evidence with token patterns.

Each match becomes a span in ``doc.spans["signals"]`` whose label names the reading
(``reports_to``, ``exec_seat``, ``functions_in``, ``budget``, ``headcount``, ``advisory``,
``metric``, ``slogan``, ``personal``, ``delegated``). Hedges and negations are read around
each match by :mod:`cco_jobs.commitment.signals`, not matched here. The spans
are the evidence; :mod:`cco_jobs.commitment` reads them with the line labels and turns
them into signals, points and questions. The signals and their sources are DOMAIN.md's
table (000, 001, 002, 003, 004).
"""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .doc import line_bounds
from .rules import SavedPatterns
from .token_patterns import TokenPatterns, encode_token

SIGNALS_KEY = "signals"

_REPORT = {"LOWER": {"IN": ["report", "reports", "reporting", "reported"]}}
_TO = {"LOWER": {"IN": ["to", "into", "in", "up"]}}
_OPT_ADV = {"LOWER": {"IN": ["directly", "straight", "solid-line", "dotted-line", "jointly"]}, "OP": "?"}
_DET = {"LOWER": {"IN": ["the", "our", "a", "their", "its", "your"]}, "OP": "?"}
_CUSTOMER = {"LOWER": {"IN": ["customer", "client", "member", "patient", "guest", "cx"]}}
_YOU = {"LOWER": {"IN": ["you", "this", "the", "cco", "role", "position", "officer", "leader", "post"]}}
_ABOUT = {"LOWER": {"IN": ["about", "around", "approximately", "approx", "approx.", "roughly", "some", "over", "c.",
                           "circa", "environ"]}, "OP": "?"}
_KEY_SEP = {"ORTH": {"IN": [":", "|", "-"]}, "OP": "?"}
#: French forms are listed with and without accents (scraped text often drops them on capitals).
_FR_PREP = {"LOWER": {"IN": ["du", "de", "des"]}}
#: "rattaché directement / hiérarchiquement au ..." (not "fonctionnellement": a dotted line)
_FR_ADV = {"LOWER": {"IN": ["directement", "hiérarchiquement", "hierarchiquement"]}, "OP": "?"}
#: "Rattaché(e) à", its spellings: "rattaché·e" (inclusive), "rattache" (capitals lose accents).
_RATTACHE = ["rattaché", "rattachée", "rattaché(e", "rattache", "rattachee", "rattache(e", "rattaché·e", "rattache·e"]
_FR_TO = {"LOWER": {"IN": ["au", "à", "a", "aux"]}}

#: Token patterns by label. Kept as data so the saved pipeline carries them.
PATTERNS: dict[str, list[list[dict]]] = {
    # reporting line (002, 004): the words after the match are read by commitment.py
    "reports_to": [
        [_REPORT, _OPT_ADV, _TO, {"LOWER": "to", "OP": "?"}],
        [{"LOWER": {"IN": ["reporting", "report"]}}, {"LOWER": {"IN": ["line", "lines", "relationship"]}}],
        [{"LOWER": "reports"}, {"LOWER": "to"}, {"ORTH": {"IN": [":", "|", "-"]}}],
        [{"LOWER": {"IN": ["answerable", "accountable"]}}, {"LOWER": {"IN": ["to", "directly"]}},
         {"LOWER": {"IN": ["the", "our"]}, "OP": "?"},
         {"LOWER": {"IN": ["ceo", "president", "board", "coo", "cro", "cfo", "cmo", "founder"]}}],
        # French: "relevant du président", "vous relevez du PDG", "rattaché(e) au PDG",
        # "sous la responsabilité du DG"
        [{"LOWER": {"IN": ["relevant", "relève", "releve", "relevez", "relèvera", "relevera", "relèverez",
                           "releverez"]}},
         _FR_ADV, _FR_PREP],
        # a key-fact row: "Rattachement hiérarchique : Directeur Général" (not "fonctionnel", a dotted line)
        [{"LOWER": "rattachement"}, {"LOWER": {"IN": ["hiérarchique", "hierarchique"]}, "OP": "?"},
         {"ORTH": {"IN": [":", "|", "-", "–"]}}],
        [{"LOWER": {"IN": _RATTACHE + ["rattaché.e", "rattache.e"]}},
         {"ORTH": ")", "OP": "?"}, _FR_ADV, _FR_TO],
        # "rattaché hiérarchiquement et fonctionnellement au DG": both lines go to the same chief
        [{"LOWER": {"IN": _RATTACHE}}, {"ORTH": ")", "OP": "?"},
         {"LOWER": {"IN": ["hiérarchiquement", "hierarchiquement"]}}, {"LOWER": "et"},
         {"LOWER": "fonctionnellement"}, _FR_TO],
        # "rattaché fonctionnellement au DG et hiérarchiquement au Directeur Commercial":
        # the solid line is the one after "et" (the dotted one before it matches nothing)
        [{"LOWER": "et"}, {"LOWER": {"IN": ["hiérarchiquement", "hierarchiquement"]}}, _FR_TO],
        [{"LOWER": "sous"}, {"LOWER": "la"}, {"LOWER": {"IN": ["responsabilité", "responsabilite"]}}, _FR_PREP],
        [{"LOWER": "sous"}, {"LOWER": {"IN": ["l'autorité", "l’autorité", "l'autorite", "l’autorite"]}}, _FR_PREP],
        # the anglicisms of French job boards: "vous reportez au Directeur Général", "reportant à
        # la DG", "vous rapportez directement au CEO"
        [{"LOWER": {"IN": ["reporte", "reportez", "reportera", "reporterez", "reportant", "reporter", "rapporte",
                           "rapportez", "rapportera", "rapporterez", "rapportant"]}},
         {"LOWER": "directement", "OP": "?"}, _FR_TO],
    ],
    # an executive seat (001: "represented at the CxO level")
    "exec_seat": [
        [{"LOWER": {"IN": ["member", "members", "seat", "place", "part"]}}, {"LOWER": {"IN": ["of", "on", "at"]}},
         _DET, {"LOWER": {"IN": ["executive", "senior", "group", "leadership", "management", "board"]}},
         {"LOWER": {"IN": ["leadership", "management", "executive", "operating"]}, "OP": "?"},
         {"LOWER": {"IN": ["team", "committee", "board", "table", "group"]}, "OP": "?"}],
        [{"LOWER": {"IN": ["sit", "sits", "sitting", "serve", "serves", "serving"]}}, {"LOWER": {"IN": ["on", "at", "as"]}},
         _DET, {"LOWER": {"IN": ["executive", "group", "leadership", "senior", "management", "board", "c-suite"]}},
         {"LOWER": {"IN": ["leadership", "executive", "management"]}, "OP": "?"},
         {"LOWER": {"IN": ["team", "committee", "board", "table"]}, "OP": "?"}],
        [{"LOWER": {"IN": ["exco", "execom", "slt", "elt", "c-suite", "comex", "codir"]}}],
        # "join the executive leadership team", "joining our executive committee"
        [{"LOWER": {"IN": ["join", "joins", "joining"]}}, _DET,
         {"LOWER": {"IN": ["executive", "senior", "group", "leadership", "management"]}},
         {"LOWER": {"IN": ["leadership", "management", "executive", "operating"]}, "OP": "?"},
         {"LOWER": {"IN": ["team", "committee", "board"]}}],
        [{"LOWER": "executive"}, {"LOWER": {"IN": ["committee", "board"]}}],
        [{"LOWER": {"IN": ["peer", "peers"]}}, {"LOWER": {"IN": ["to", "of"]}}, _DET,
         {"LOWER": {"IN": ["ceo", "cfo", "coo", "cto", "cio", "cro", "executive", "c-suite"]}}],
        [{"LOWER": {"IN": ["present", "presents", "presenting", "report", "reporting"]}},
         {"LOWER": {"IN": ["to", "at"]}}, _DET, {"LOWER": {"IN": ["board", "board's"]}}],
        # French: "siège au comité de direction", "membre du comité exécutif / de la haute direction"
        [{"LOWER": {"IN": ["siège", "siege", "siégera", "siegera", "siéger", "sieger", "siégeant", "siegeant",
                            "siégez", "siegez", "siégerez", "siegerez"]}},
         {"LOWER": {"IN": ["au", "à", "a"]}}, {"LOWER": {"IN": ["comité", "comite", "conseil"]}},
         {"LOWER": {"IN": ["de", "exécutif", "executif", "d'administration", "d’administration"]}, "OP": "?"},
         {"LOWER": {"IN": ["direction", "gestion"]}, "OP": "?"}],
        [{"LOWER": {"IN": ["membre", "partie"]}}, {"LOWER": "du"}, {"LOWER": {"IN": ["comité", "comite"]}},
         {"LOWER": {"IN": ["de", "exécutif", "executif"]}}, {"LOWER": {"IN": ["direction", "gestion"]}, "OP": "?"}],
        [{"LOWER": {"IN": ["membre", "partie"]}}, {"LOWER": "de"},
         {"LOWER": {"IN": ["la", "l'équipe", "l’équipe", "l'equipe", "l’equipe"]}},
         {"LOWER": {"IN": ["haute", "de"]}}, {"LOWER": "direction"}],
        [{"LOWER": {"IN": ["membre", "partie"]}}, {"LOWER": "de"}, {"LOWER": "la"}, {"LOWER": "direction"},
         {"LOWER": {"IN": ["générale", "generale"]}}],
        # "faites partie du Management Committee" (English names in French sentences)
        [{"LOWER": {"IN": ["membre", "partie"]}}, {"LOWER": {"IN": ["du", "de"]}}, {"LOWER": {"IN": ["l'", "l’"]}, "OP": "?"},
         {"LOWER": {"IN": ["executive", "management", "leadership"]}}, {"LOWER": {"IN": ["committee", "team", "board"]}}],
    ],
    # authority: functions reporting in, teams and budgets (000, 002, 003)
    "functions_in": [
        [{"LOWER": {"IN": ["report", "reports", "reporting"]}}, {"LOWER": {"IN": ["into", "to"]}},
         {"LOWER": "you"}],
        [{"LOWER": {"IN": ["report", "reports", "reporting"]}}, {"LOWER": {"IN": ["into", "to"]}},
         {"LOWER": {"IN": ["this", "the"]}}, {"LOWER": {"IN": ["role", "cco", "position", "post", "cxo"]}}],
        [{"LOWER": {"IN": ["lead", "leads", "leading", "oversee", "oversees", "overseeing", "run", "runs", "own", "owns"]}},
         {"LOWER": {"IN": ["a", "an", "the"]}}, {"IS_ALPHA": True, "OP": "?"},
         {"LOWER": {"IN": ["organisation", "organization", "function", "functions", "team", "teams", "division", "group"]}},
         {"LOWER": "of"}, {"LIKE_NUM": True}],
        [{"LIKE_NUM": True}, {"LOWER": "direct"}, {"LOWER": "reports"}],
        # key-fact rows that name them: "Direct reports: Head of Customer Journeys; Head of ..."
        [{"LOWER": "direct"}, {"LOWER": "reports"}, {"ORTH": {"IN": [":", "|", "-", "–"]}},
         {"LOWER": {"IN": ["head", "heads", "director", "directors", "manager", "managers", "vp", "vps", "svp",
                           "evp", "chief", "general", "senior", "group", "regional", "deputy", "customer"]}}],
        # French: "les équipes ... relèvent du poste" (plural: teams reporting in, not the role's own line)
        [{"LOWER": {"IN": ["relèvent", "relevent", "relèveront", "releveront"]}}, {"LOWER": "directement", "OP": "?"},
         {"LOWER": {"IN": ["du", "de"]}}, {"LOWER": {"IN": ["la", "le"]}, "OP": "?"},
         {"LOWER": {"IN": ["poste", "titulaire", "vous"]}}],
    ],
    "budget": [
        [{"LOWER": {"IN": ["budget", "budgets", "p&l", "opex", "capex"]}}],
        [{"LOWER": "p"}, {"ORTH": "&"}, {"LOWER": "l"}],
        [{"LOWER": {"IN": ["profit", "cost"]}}, {"LOWER": "and"}, {"LOWER": "loss"}],
    ],
    # a bare count ("650 people") is read as the role's team only when its sentence says so
    # (commitment.wording): a company's or a customer base's size is not a team (002)
    "headcount": [
        [{"LIKE_NUM": True}, {"ORTH": "+", "OP": "?"},
         {"LOWER": {"IN": ["people", "colleagues", "staff", "employees", "fte", "ftes", "associates", "advisors",
                           "advisers", "agents", "personnes", "employés", "employes", "salariés", "salaries",
                           "collaborateurs", "etp"]}}],
        [{"LIKE_NUM": True}, {"ORTH": "+", "OP": "?"}, {"LOWER": "team"}, {"LOWER": "members"}],
        [{"LOWER": {"IN": ["team", "headcount", "organisation", "organization"]}}, {"LOWER": "of"}, _ABOUT,
         {"LIKE_NUM": True}],
        # key-fact rows: "Team size | 410", "Headcount: 120", "Direct reports: 4 (...)"
        [{"LOWER": "team"}, {"LOWER": "size"}, _KEY_SEP, _ABOUT, {"LIKE_NUM": True}],
        [{"LOWER": "headcount"}, {"ORTH": {"IN": [":", "|", "-"]}}, _ABOUT, {"LIKE_NUM": True}],
        [{"LOWER": "direct"}, {"LOWER": "reports"}, _KEY_SEP, {"LIKE_NUM": True}],
        [{"LOWER": {"IN": ["équipe", "equipe", "organisation"]}},
         {"LOWER": {"IN": ["de", "d'environ", "d’environ"]}}, _ABOUT, {"LIKE_NUM": True}],
    ],
    # the advisory shape (002) and "influence without authority" (000, 003)
    "advisory": [
        [{"LOWER": "influence"}, {"LOWER": "without"}, {"LOWER": {"IN": ["authority", "direct"]}}],
        [{"LOWER": {"IN": ["no", "without"]}}, {"LOWER": "direct"}, {"LOWER": {"IN": ["reports", "authority", "line"]}}],
        [{"LOWER": {"IN": ["advisory", "consultative", "coordinating"]}}, {"LOWER": {"IN": ["role", "capacity", "position", "remit", "function"]}}],
        [{"LOWER": {"IN": ["small", "lean"]}}, {"LOWER": {"IN": ["team", "office", "staff"]}}],
        [{"LOWER": {"IN": ["indirect", "matrix", "matrixed", "dotted-line"]}}, {"LOWER": {"IN": ["authority", "leadership", "influence", "management"]}}],
        # "you would not manage teams directly", "no team to manage", "influence, not run",
        # "influence rather than authority" (000, 003: a CCO with no authority)
        [{"LOWER": {"IN": ["not", "never", "n't"]}}, {"LOWER": {"IN": ["manage", "have"]}},
         {"LOWER": {"IN": ["a", "any"]}, "OP": "?"}, {"LOWER": {"IN": ["team", "teams", "staff"]}}],
        [{"LOWER": "no"}, {"LOWER": {"IN": ["team", "teams", "staff"]}}, {"LOWER": "to"},
         {"LOWER": {"IN": ["manage", "lead", "run"]}}],
        [{"LOWER": "influence"}, {"ORTH": ","}, {"LOWER": "not"},
         {"LOWER": {"IN": ["run", "manage", "own", "control", "authority", "command"]}}],
        [{"LOWER": "influence"}, {"LOWER": "rather"}, {"LOWER": "than"}],
    ],
    # accountability: named customer outcomes (000, 003: dashboard, revenue per customer; 004)
    "metric": [
        [{"LOWER": {"IN": ["nps", "csat", "ces", "clv", "ltv", "churn", "retention", "dashboard", "dashboards",
                           "scorecard", "scorecards", "hcahps", "okrs", "kpis", "kpi"]}}],
        [{"LOWER": "net"}, {"LOWER": "promoter"}],
        [_CUSTOMER, {"LOWER": {"IN": ["satisfaction", "effort", "health"]}}],
        [{"LOWER": "customer"}, {"LOWER": "lifetime"}],
        [{**_CUSTOMER, "OP": "?"}, {"LOWER": "lifetime"}, {"LOWER": "value"}],
        [_CUSTOMER, {"LOWER": {"IN": ["measures", "metrics", "measurement", "kpis", "scorecard"]}}],
        [{"LOWER": {"IN": ["relationship", "satisfaction", "loyalty", "experience", "customer", "client", "member",
                           "patient", "guest"]}}, {"LOWER": {"IN": ["survey", "surveys"]}}],
        [{"LOWER": "repeat"}, {"LOWER": {"IN": ["purchase", "purchases", "business"]}}],
        [{"LOWER": "revenue"}, {"LOWER": "per"}, {"LOWER": {"IN": ["customer", "interaction"]}}],
        # French: "tableau de bord", "rétention", "effort client", "satisfaction des clients"
        [{"LOWER": {"IN": ["tableau", "tableaux"]}}, {"LOWER": "de"}, {"LOWER": "bord"}],
        [{"LOWER": {"IN": ["rétention", "fidélisation", "fidelisation"]}}],
        [{"LOWER": "effort"}, {"LOWER": {"IN": ["client", "clients", "membre", "membres"]}}],
        [{"LOWER": "satisfaction"}, {"LOWER": {"IN": ["des", "du", "de"]}, "OP": "?"},
         {"LOWER": {"IN": ["client", "clients", "clientèle", "clientele", "membre", "membres"]}}],
    ],
    # vague slogans with no owner or measure (004's "Customer First" coffee cups)
    "slogan": [
        [{"LOWER": {"IN": ["passion", "passionate", "obsessed", "obsession", "love", "delight", "wow"]}},
         {"LOWER": {"IN": ["for", "about", "with"]}, "OP": "?"}, {"LOWER": {"IN": ["the", "our"]}, "OP": "?"},
         {"LOWER": {"IN": ["customer", "customers", "guests", "clients"]}}],
        [{"LOWER": {"IN": ["customer", "customers"]}}, {"LOWER": "-", "OP": "?"}, {"LOWER": {"IN": ["first", "obsessed", "centric", "focused"]}}, {"LOWER": {"IN": ["mindset", "attitude", "mentality", "spirit"]}}],
    ],
    # who does the tactical work (001: balance)
    "personal": [
        [{"LOWER": {"IN": ["personally", "hands-on", "individually"]}}],
        [{"LOWER": "hands"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "on"}],
        [{"LOWER": "individual"}, {"LOWER": "contributor"}],
        [{"LOWER": {"IN": ["carry", "carries", "carrying"]}}, {"LOWER": {"IN": ["a", "an", "the", "your", "their"]}, "OP": "?"},
         {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"IN": ["quota", "number", "target", "targets"]}}],
        [{"LOWER": {"IN": ["take", "taking", "answer", "answering", "handle", "handling", "field", "fielding"]}},
         {"LOWER": {"IN": ["calls", "escalated", "escalations", "tickets", "complaints"]}}],
        [{"LOWER": "on"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "call"}, {"LOWER": {"IN": ["rota", "roster"]}, "OP": "?"}],
        [{"LOWER": "on"}, {"LOWER": "the"}, {"LOWER": {"IN": ["rota", "phones", "floor", "queue", "queues"]}}],
        [{"LOWER": {"IN": ["work", "works", "working", "cover", "covers", "covering", "join", "joining", "man",
                           "manning", "answer", "answering"]}},
         {"LOWER": {"IN": ["the", "a", "your", "our"]}, "OP": "?"}, {"IS_ALPHA": True, "OP": "?"},
         {"LOWER": {"IN": ["queue", "queues", "phones", "phone", "rota", "rotas", "floor", "inbox", "shift", "shifts"]}}],
    ],
    "delegated": [
        [{"LOWER": {"IN": ["through", "via"]}}, {"LOWER": {"IN": ["your", "their", "his", "her", "the"]}, "OP": "?"},
         {"LOWER": {"IN": ["directors", "managers", "leaders", "leadership", "heads", "team", "teams", "vps", "direct"]}}],
        [{"LOWER": {"IN": ["delegate", "delegates", "delegated", "delegating"]}}],
        [{"LOWER": "par"}, {"LOWER": {"IN": ["l'intermédiaire", "l’intermédiaire", "l'intermediaire", "l’intermediaire"]}}],
    ],
}


@Language.factory("cco_jobs_signal_ruler", assigns=["doc.spans"], default_config={"spans_key": SIGNALS_KEY})
def make_signal_ruler(nlp: Language, name: str, spans_key: str) -> "SignalRuler":
    """Build a signal ruler with the default :data:`PATTERNS`."""
    return SignalRuler(nlp, name, spans_key=spans_key, patterns=PATTERNS)


#: Distinct token texts whose encoding a ruler keeps before it starts afresh
#: (a long batch run meets new numbers and names for ever; memory must stay flat).
_CACHE_LIMIT = 20_000


class SignalRuler(SavedPatterns):
    """Matches the commitment-signal patterns line by line; overlapping matches of one
    label merge to the longest (``filter_spans``).

    The patterns are ``Matcher`` patterns, run by :class:`.token_patterns.TokenPatterns`
    (the same matches, a fraction of the time); a match never crosses a line.
    """

    def __init__(self, nlp: Language, name: str = "cco_jobs_signal_ruler", *,
                 spans_key: str = SIGNALS_KEY, patterns: dict[str, list[list[dict]]] | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.patterns: dict[str, list[list[dict]]] = {}
        self.matcher = self._new_matcher()
        self._encoded: dict[int, tuple[str, tuple]] = {}
        if patterns:
            self.add_patterns(patterns)

    def add_patterns(self, patterns: dict[str, list[list[dict]]]) -> None:
        """Add token patterns by label (raises ``PatternError`` for unsupported syntax)."""
        for label, pats in patterns.items():  # all checked before any is added
            TokenPatterns().add(label, pats)
        for label, pats in patterns.items():
            self.matcher.add(label, pats)
            self.patterns.setdefault(label, []).extend(pats)
        self._encoded = {}  # the patterns that start at each word have changed

    def _encode(self, doc: Doc) -> tuple[list[str], list[tuple]]:
        """Each token of ``doc`` as :func:`.token_patterns.encode_token` writes it, and the
        patterns that can start at it, both cached by the token's text (its lower-case
        form and flags are its word's, so the text decides them)."""
        cache = self._encoded
        vocab = doc.vocab
        tokens, anchored = [], []
        for orth in doc.to_array(ORTH).tolist():
            entry = cache.get(orth)
            if entry is None:
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                lex = vocab[orth]
                encoded = encode_token(lex.lower_, lex.like_num, lex.is_alpha)
                entry = cache[orth] = (encoded, self.matcher.anchored(encoded))
            tokens.append(entry[0])
            anchored.append(entry[1])
        return tokens, anchored

    def __call__(self, doc: Doc) -> Doc:
        tokens, anchored = self._encode(doc) if len(doc) else ([], [])
        bounds = line_bounds(doc)
        by_label: dict[str, list[Span]] = {}
        for start, end in bounds:
            for label, i, j in self.matcher.match_line(tokens[start:end], anchored[start:end]):
                by_label.setdefault(label, []).append(Span(doc, start + i, start + j, label=label))
        spans = [s for group in by_label.values() for s in filter_spans(group)]
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc

    def _clear(self) -> None:
        super()._clear()
        self._encoded = {}

    def _new_matcher(self) -> TokenPatterns:
        return TokenPatterns()
