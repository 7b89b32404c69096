"""From signal readings to a 0-100 score, a band and a verdict a candidate can check.

The score is additive so every point can be traced: a regularised linear model (ridge)
fitted by :mod:`cco_jobs.training.commitment_fit` on the corpus postings' commitment
levels (1-5) predicts a level from the signal features below; the score is that level
rescaled to 0-100 (level 1 -> 0, level 5 -> 100), and each signal's points are its
weight times its value times 25. ``cco-jobs explain-score`` prints the table.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..report import TACTICAL_LABELS, Commitment, CommitmentSignal, Evidence, MissingInformation
from .advice import missing_information, title_vs_substance
from .signals import LEVEL_NAMES, Reading


@dataclass(frozen=True)
class Feature:
    """One input of the score model: its name, signal, source, meaning and expected sign.

    ``sign`` is the direction DOMAIN.md's table gives the evidence (+1 strong commitment,
    -1 weak); the fitted weight is constrained to it, so no signal can count the wrong way
    because of a quirk of the corpus.
    """

    name: str
    signal: str
    source: str
    meaning: str
    sign: int = 1


FEATURES: tuple[Feature, ...] = (
    Feature("level_c_customer", "level", "001", "the title is a C-level customer title"),
    Feature("level_c_other", "level", "001", "the title is C-level, for another function", -1),
    Feature("level_evp_svp", "level", "001", "the title is EVP/SVP"),
    Feature("level_vp", "level", "001", "the title is VP", -1),
    Feature("level_head_director", "level", "001", "the title is head or director", -1),
    Feature("level_manager", "level", "001", "the title is manager level", -1),
    Feature("hybrid_title", "level", "001", "a C-title fused with a VP/head/director title", -1),
    Feature("reports_top", "reporting line", "002, 004", "reports to the CEO, president, founder or board (hedged: half)"),
    Feature("reports_below", "reporting line", "002, 004", "reports to another executive, a deputy, or not to the CEO", -1),
    Feature("exec_seat", "executive seat", "001", "a member of the executive team (invited or attending: half)"),
    Feature("exec_seat_negated", "executive seat", "001", "not a member of the executive team", -1),
    Feature("functions_report_in", "authority", "002", "functions or leaders report in"),
    Feature("budget_named", "authority", "002, 003", "a budget or P&L is named"),
    Feature("headcount_named", "authority", "002", "a team size is named"),
    Feature("advisory_only", "authority", "000, 003", "advisory, influence without authority", -1),
    Feature("strategic_share", "mandate", "001", "share of requirements that are strategic"),
    Feature("c_title_strategic_share", "mandate", "001",
            "share of requirements that are strategic, under a C-level customer title"),
    Feature("sales_share", "mandate", "001", "share of requirements that are sales work", -1),
    Feature("contact_centre_share", "mandate", "001", "share of requirements that are contact-centre work", -1),
    Feature("cost_cutting_share", "mandate", "001", "share of requirements that are cost cutting", -1),
    Feature("tactical_done_personally", "balance", "001", "the holder does tactical work personally", -1),
    Feature("tactical_delegated", "balance", "001", "tactical work is delegated to a team"),
    Feature("metrics_owned", "accountability", "000, 003", "named customer metrics the role owns"),
    Feature("slogans_without_measure", "accountability", "004", "slogans with no owner or measure", -1),
)
FEATURE_NAMES = tuple(f.name for f in FEATURES)
SIGNAL_OF = {f.name: f.signal for f in FEATURES}

#: Share of each requirement label over the corpus's requirement lines, and how many lines
#: of it a posting's own shares are blended with (a posting with 20 requirements moves
#: less than 10% toward the prior; one with 2 moves 60%).
SHARE_PRIOR = {"strategic": 0.28, "sales": 0.11, "contact_centre": 0.21, "cost_cutting": 0.09}
SHARE_PRIOR_WEIGHT = 3.0

BANDS = (
    "genuine C-level mandate",
    "diluted C-level role",
    "C-level title on a tactical job",
    "senior customer role",
    "not a C-level customer role",
)


def feature_values(reading: Reading) -> dict[str, float]:
    """The score model's inputs for one posting, each in [0, 1]."""
    level = reading.level
    v = dict.fromkeys(FEATURE_NAMES, 0.0)
    v["level_c_customer"] = float(level == "c_customer")
    v["level_c_other"] = float(level == "c_other")
    v["level_evp_svp"] = float(level == "evp_svp")
    v["level_vp"] = float(level == "vp")
    v["level_head_director"] = float(level in {"head", "director"})
    v["level_manager"] = float(level == "manager")
    v["hybrid_title"] = float(reading.hybrid)
    # a hedged line ("the CEO or the COO") counts half; a deputy or a denial counts as below
    v["reports_top"] = {"top": 1.0, "hedged": 0.5}.get(reading.reports, 0.0)
    v["reports_below"] = float(reading.reports in {"below", "deputy", "negated_top"})
    v["exec_seat"] = {"member": 1.0, "partial": 0.5}.get(reading.seat, 0.0)
    v["exec_seat_negated"] = float(reading.seat == "negated")
    v["functions_report_in"] = float(bool(reading.functions_in))
    v["budget_named"] = float(bool(reading.budget))
    v["headcount_named"] = float(bool(reading.headcount))
    v["advisory_only"] = float(bool(reading.advisory) and not reading.functions_in)
    n = reading.n_requirements
    for lab in ("strategic", "sales", "contact_centre", "cost_cutting"):
        # shrunk toward the corpus share, so that a posting of two lines cannot reach
        # the extremes on its mandate alone; a posting with no requirement line at all
        # has the corpus share (not nought: one tactical line must never raise a score)
        v[f"{lab}_share"] = (reading.counts.get(lab, 0) + SHARE_PRIOR_WEIGHT * SHARE_PRIOR[lab]) / (
            n + SHARE_PRIOR_WEIGHT)
    # a strategic mandate is what makes a C-title real (001: the CCO "creates corporate and
    # customer strategy"); under a head's or director's title the same lines describe a
    # strategic job below the C-level (GUIDELINES.md section 5, level 1): so the share also
    # counts on its own, as a C-title's mandate
    v["c_title_strategic_share"] = v["strategic_share"] * v["level_c_customer"]
    v["tactical_done_personally"] = float(bool(reading.personal))
    v["tactical_delegated"] = float(bool(reading.delegated))
    v["metrics_owned"] = min(len(reading.metrics), 3) / 3
    v["slogans_without_measure"] = float(bool(reading.slogans) and not reading.metrics)
    return v


@dataclass
class ScoreModel:
    """Fitted weights of the score, and the reference scores for percentiles."""

    intercept: float
    weights: Mapping[str, float]
    reference: Mapping[str, Sequence[float]]
    version: int = 1
    alpha: float | None = None

    @classmethod
    def from_dict(cls, data: Mapping) -> "ScoreModel":
        weights = dict(data["weights"])
        unknown = set(weights) - set(FEATURE_NAMES)
        if unknown:
            raise ValueError(f"unknown score features: {', '.join(sorted(unknown))}")
        return cls(float(data["intercept"]), weights,
                   {k: sorted(v) for k, v in data.get("reference", {}).items()},
                   int(data.get("version", 1)), data.get("alpha"))

    def to_dict(self) -> dict:
        return {"version": self.version, "alpha": self.alpha, "intercept": self.intercept,
                "weights": dict(self.weights), "reference": {k: list(v) for k, v in self.reference.items()}}

    def points(self, values: Mapping[str, float]) -> dict[str, float]:
        """Points per feature: weight x value x 25 (one level is 25 points)."""
        return {name: 25.0 * self.weights.get(name, 0.0) * values[name] for name in FEATURE_NAMES}

    def raw_score(self, values: Mapping[str, float]) -> float:
        return 25.0 * (self.intercept - 1.0) + sum(self.points(values).values())

    def percentile(self, family: str, score: float) -> float | None:
        ref = self.reference.get(family)
        if not ref:
            return None
        return round(100.0 * bisect_left(list(ref), score) / len(ref), 1)


def peer_family(level: str) -> str:
    """The reference group a posting is compared with."""
    if level == "c_customer":
        return "cco"
    if level in {"evp_svp", "vp", "head", "director"}:
        return "vp"
    if level == "c_other":
        return "other_clevel"
    return "all"


_FAMILY_NAMES = {"cco": "CCO and CXO", "vp": "VP, head and director", "other_clevel": "other C-level",
                 "all": "all"}


def down_signals(reading: Reading) -> list[str]:
    """Plain statements of the evidence that points to a weak commitment (never intent)."""
    out = []
    n = reading.n_requirements
    if reading.level not in {"c_customer", "unknown"}:
        out.append(f"the title is a {LEVEL_NAMES[reading.level]}, not a C-level customer title")
    if reading.reports in {"below", "deputy"}:
        out.append("the role reports below the CEO")
    if reading.reports == "negated_top":
        out.append("the posting says the role does not report to the CEO")
    if reading.seat == "negated":
        out.append("the posting says the role is not on the executive team")
    if reading.advisory and not reading.functions_in:
        out.append("the role is described as advisory, with no teams reporting in")
    tactical = {lab: reading.counts.get(lab, 0) for lab in TACTICAL_LABELS}
    total_tactical = sum(tactical.values())
    if _mostly_tactical(reading):
        kind, k = max(tactical.items(), key=lambda kv: kv[1])
        out.append(f"{total_tactical} of {n} requirements are tactical"
                   f" ({k} {kind.replace('_', '-')} work)")
    if reading.personal:
        out.append("the holder is asked to do tactical work personally")
    if n >= 4 and reading.share("strategic") < 0.2:
        strategic = reading.counts.get("strategic", 0)
        out.append(f"only {strategic} of {n} requirements are strategic" if strategic
                   else f"none of the {n} requirements is strategic")
    return out


def _mostly_tactical(reading: Reading) -> bool:
    """Whether tactical lines make up 40% or more of the requirements (001: a posting
    "full of tactical requirements"); one or two requirement lines are too few to say."""
    n = reading.n_requirements
    return n >= MIN_REQUIREMENTS_FOR_SHARES and sum(reading.counts.get(lab, 0) for lab in TACTICAL_LABELS) / n >= 0.4


#: Fewer requirement lines than this say nothing about a posting's mix (a template page
#: or a snippet with one duty is not "full of tactical requirements").
MIN_REQUIREMENTS_FOR_SHARES = 3


def _band(level: str, score: int, downs: list[str]) -> str:
    if level == "c_other":  # a CFO's or CTO's posting is no customer role, however it scores
        return BANDS[4]
    chief = level == "c_customer"
    if chief:
        if score >= 70:
            return BANDS[0]
        if score >= 45 or len(downs) < 2:  # a "not real" verdict needs two agreeing signals
            return BANDS[1]
        return BANDS[2]
    if score >= 55 or len(downs) < 2:
        return BANDS[3]
    return BANDS[4]


def assess(reading: Reading, model: ScoreModel) -> Commitment:
    """Score one posting and explain the score."""
    values = feature_values(reading)
    points = model.points(values)
    score = int(round(min(100.0, max(0.0, model.raw_score(values)))))
    downs = down_signals(reading)
    band = _band(reading.level, score, downs)
    family = peer_family(reading.level)
    missing = missing_information(reading)
    verdict = _verdict(band, downs, reading, missing)
    commitment = Commitment(
        score=score, band=band, verdict=verdict, level=1 + round(score / 25),
        signals=_signals(reading, values, points),
        missing=missing,
        red_flags=downs,
        title_vs_substance=title_vs_substance(reading),
        percentile=model.percentile(family, score),
        peer_group=_FAMILY_NAMES[family],
    )
    return commitment


def _verdict(band: str, downs: list[str], reading: Reading, missing: list[MissingInformation]) -> str:
    evidence = "; ".join(downs[:3])
    if reading.level == "c_other":  # a CFO or CTO posting: C-level, not a customer role
        rest = "; ".join(downs[1:4])  # downs[0] is the title's (down_signals puts it first)
        return ("Not a customer role: the title is C-level for another function"
                + (f"; {rest}." if rest else "."))
    if band == BANDS[0]:
        return "The posting describes a real C-level customer mandate" + (
            f", with caveats: {evidence}." if downs else ".")
    if band == BANDS[2] or (band == BANDS[4] and (_mostly_tactical(reading) or reading.personal)):
        return f"The evidence points to a tactical role: {evidence}."
    if band == BANDS[4]:  # below C-level for other reasons (title, reporting line, authority)
        return f"A customer role below C-level: {evidence}."
    if downs:
        return f"A mixed picture: {evidence}."
    unsaid = [m.what[0].lower() + m.what[1:].rstrip(".") for m in missing]
    if unsaid:  # nothing undercuts the C-level pitch; what keeps it from the top is unsaid
        return f"A mixed picture: nothing undercuts the C-level pitch, but {'; '.join(unsaid[:3])}."
    return "A mixed picture: nothing undercuts the C-level pitch, but its evidence is thinner than the strongest postings'."


def _signal(name: str, value: str, strength: str, pts: float, summary: str, source: str,
            evidence: list[Evidence]) -> CommitmentSignal:
    return CommitmentSignal(name, value, strength, round(pts, 1), summary, source, evidence[:5])


def _signals(reading: Reading, values: Mapping[str, float], points: Mapping[str, float]) -> list[CommitmentSignal]:
    def pts(signal: str) -> float:
        return sum(p for f, p in points.items() if SIGNAL_OF[f] == signal)

    out = []
    level_strength = "strong" if reading.level == "c_customer" and not reading.hybrid else (
        "neutral" if reading.level in {"c_customer", "evp_svp"} else "weak")
    level_summary = LEVEL_NAMES[reading.level] + (" (hybrid)" if reading.hybrid else "")
    if points.get("c_title_strategic_share", 0.0) > 0:
        level_summary += " (its points are in the mandate row)"
    out.append(_signal("level", reading.level, level_strength, pts("level"), level_summary, "001", []))
    rep = {"top": ("strong", "reports to the CEO, president, founder or board"),
           "hedged": ("neutral", "reporting line hedged between the CEO and another executive"),
           "below": ("weak", "reports to another executive or a function head"),
           "deputy": ("weak", "reports to a deputy"),
           "negated_top": ("weak", "does not report to the CEO"),
           "unstated": ("missing", "no reporting line is stated")}[reading.reports]
    out.append(_signal("reporting line", reading.reports, rep[0], pts("reporting line"), rep[1],
                       "002, 004", reading.reports_evidence))
    seat = {"member": ("strong", "a member of the executive team"),
            "partial": ("neutral", "attends or is invited to the executive team"),
            "negated": ("weak", "not on the executive team"),
            "unstated": ("missing", "no executive-team seat is stated")}[reading.seat]
    out.append(_signal("executive seat", reading.seat, seat[0], pts("executive seat"), seat[1], "001",
                       reading.seat_evidence))
    authority_ev = reading.functions_in + reading.budget + reading.headcount
    if reading.advisory and not reading.functions_in:
        auth = ("weak", "advisory", "advisory, influence without authority")
        authority_ev = reading.advisory + authority_ev
    elif reading.functions_in or reading.budget:
        named = [w for w, ok in (("functions report in", reading.functions_in), ("budget named", reading.budget),
                                 ("team size named", reading.headcount)) if ok]
        auth = ("strong", "named", ", ".join(named))
    elif reading.headcount:
        auth = ("neutral", "team", "a team size is named, no budget or functions")
    else:
        auth = ("missing", "unstated", "no budget, team or functions are named")
    out.append(_signal("authority", auth[1], auth[0], pts("authority"), auth[2], "000, 002, 003", authority_ev))
    n = reading.n_requirements
    strategic = reading.counts.get("strategic", 0)
    tactical = sum(reading.counts.get(lab, 0) for lab in TACTICAL_LABELS)
    mandate_strength = "strong" if n and strategic >= tactical and strategic / n >= 0.35 else (
        "weak" if n and tactical > strategic else "neutral")
    out.append(_signal("mandate", f"{strategic}/{n} strategic", mandate_strength, pts("mandate"),
                       f"{strategic} of {n} requirements are strategic, {tactical} tactical", "001",
                       [Evidence(k, "") for k in reading.lines_by_label.get("strategic", [])]))
    if reading.personal:
        bal = ("weak", "personal", "the holder does tactical work personally", reading.personal)
    elif reading.delegated:
        bal = ("strong", "delegated", "tactical work runs through a team under the role", reading.delegated)
    else:
        bal = ("neutral", "unstated", "who does the tactical work is not said", [])
    out.append(_signal("balance", bal[1], bal[0], pts("balance"), bal[2], "001", bal[3]))
    if reading.metrics:
        named = list(dict.fromkeys(e.words.lower() for e in reading.metrics))  # "retention" on two lines is one
        acc = ("strong", "metrics", f"{len(named)} named customer metric{'s' if len(named) > 1 else ''} "
                                    f"in the requirements ({', '.join(named[:4])}{', ...' if len(named) > 4 else ''})")
    elif reading.slogans:
        acc = ("weak", "slogans", "customer slogans with no owner or measure")
    else:
        acc = ("missing", "unstated", "no customer metric the role owns")
    out.append(_signal("accountability", acc[1], acc[0], pts("accountability"), acc[2], "000, 003, 004",
                       reading.metrics or reading.slogans))
    return out


#: Hand-set starting weights from DOMAIN.md's table, used until the model is fitted on the
#: corpus (and by tests that build a pipeline without training one). In levels per unit.
PRIOR = ScoreModel(
    intercept=2.0,
    weights={
        "level_c_customer": 0.6, "level_c_other": -0.8, "level_evp_svp": 0.2, "level_vp": -0.2,
        "level_head_director": -0.5, "level_manager": -0.9, "hybrid_title": -0.3,
        "reports_top": 0.7, "reports_below": -0.4,
 "exec_seat": 0.4, "exec_seat_negated": -0.4,
        "functions_report_in": 0.3, "budget_named": 0.3, "headcount_named": 0.1, "advisory_only": -0.4,
        "strategic_share": 1.2, "sales_share": -0.8, "contact_centre_share": -0.8,
        "cost_cutting_share": -0.8, "tactical_done_personally": -0.3, "tactical_delegated": 0.2,
        "metrics_owned": 0.4, "slogans_without_measure": -0.2,
    },
    reference={},
)
