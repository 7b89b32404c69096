"""What the evidence means for readers: line meanings, questions, suggestions.

A missing signal is not a negative one (DOMAIN.md): each absent signal becomes a
question for the candidate. Each tactical line gets, for the recruiter, the reason it
undercuts a C-level posting (from 001's annotations of real CCO postings) and a better
line: the strategic intent behind it, and the role the tactical work belongs to.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..report import TACTICAL_LABELS, MissingInformation, Suggestion

if TYPE_CHECKING:
    from .signals import Reading

MEANINGS = {
    "strategic": "Strategic: sets company-wide customer direction, the core of a C-level "
                 "customer role (001).",
    "sales": "Tactical, sales: short-term revenue work; a CCO role should not be oriented "
             "toward quarterly sales (001).",
    "contact_centre": "Tactical, contact centre: day-to-day support operations, duties that "
                      "consume a CCO and pull focus from long-term improvement (001).",
    "cost_cutting": "Tactical, cost cutting: taking cost out of service, a goal that often "
                    "undermines service quality (001).",
    "neutral": "A requirement with no strategic or tactical leaning (skills, education, "
               "general leadership).",
    "context": "Not a requirement: company, pay, benefits, legal or page text.",
}

_KIND_NAMES = {"sales": "sales", "contact_centre": "contact-centre", "cost_cutting": "cost-cutting"}
_SUBSTANCE = {
    "contact_centre": "a head of customer support",
    "sales": "a sales or account-management leader",
    "cost_cutting": "a customer-operations efficiency lead",
}


def line_meaning(label: str, confidence: float, uncertain: bool, runner_up: str | None) -> str:
    """What a line's label means for the reader, with a warning when the model is unsure."""
    text = MEANINGS[label]
    if uncertain:
        alt = f"; it may also be {runner_up.replace('_', '-')}" if runner_up else ""
        text = f"Uncertain ({confidence:.2f}){alt}. " + text
    return text


def missing_information(reading: "Reading") -> list[MissingInformation]:
    """Each signal the posting leaves unsaid, with the question to ask about it."""
    out = []
    if reading.reports == "unstated":
        out.append(MissingInformation(
            "reporting line", "No reporting line is stated.",
            "Who would I report to: the CEO or president, or another executive? (002, 004)"))
    elif reading.reports == "hedged":
        out.append(MissingInformation(
            "reporting line", "The reporting line is hedged between the CEO and another executive.",
            "Which is it, and who decides? Would I report to the CEO from day one? (002, 004)"))
    if reading.seat == "unstated":
        out.append(MissingInformation(
            "executive seat", "No seat on the executive team is stated.",
            "Would I sit on the executive team, and in which decisions would the customer "
            "have a voice through me? (001)"))
    if not (reading.budget or reading.functions_in):
        out.append(MissingInformation(
            "authority", "No budget, P&L or functions reporting in are named.",
            "Which teams would report to me, and what budget would I own? A role with no "
            "authority in the functional silos struggles to deliver (003, 000)."))
    if not reading.metrics:
        out.append(MissingInformation(
            "accountability", "No customer metric the role owns is named.",
            "Which customer outcomes (NPS, retention, churn, lifetime value) would I be "
            "measured on, and who sees the dashboard? (003, 004)"))
    return out


def title_vs_substance(reading: "Reading") -> str | None:
    """Say what a C-level posting looks like in substance when its content is tactical."""
    if reading.level != "c_customer":
        return None
    n = reading.n_requirements
    tactical = {lab: reading.counts.get(lab, 0) for lab in _SUBSTANCE}
    kind, k = max(tactical.items(), key=lambda kv: kv[1])
    strategic = reading.counts.get("strategic", 0)
    if n < 3 or k <= strategic or k / n < 0.35:
        return None
    return (f"a chief customer officer in title; {_SUBSTANCE[kind]} in substance: "
            f"{k} of {n} requirements are {_KIND_NAMES[kind]} work")


# Rewrites by what the line is about (first match wins), then one default per kind.
_REWRITES: dict[str, list[tuple[re.Pattern, str, str]]] = {
    "contact_centre": [
        (re.compile(r"escalat", re.I),
         "Own the escalation process and its root-cause programme, and report what it "
         "finds to the executive team.", "a head of support handles the escalations"),
        (re.compile(r"24/7|24x7|round the clock|phone|chat|email|channel", re.I),
         "Set the service standards every channel must meet and hold the organisation to them.",
         "a head of customer support runs the round-the-clock team"),
        (re.compile(r"\bsla|queue|ticket|backlog|service level|response time", re.I),
         "Define the customer outcomes the service operation is measured on and publish "
         "results against them.", "a support director manages queues and service levels"),
        (re.compile(r"agent|supervis|team lead|floor|shift|rota|staffing|schedul", re.I),
         "Build a customer-first culture in every customer-facing team, starting with what "
         "customers say about them.", "contact-centre managers supervise the agents"),
    ],
    "sales": [
        (re.compile(r"renew|retention|nrr|net revenue", re.I),
         "Own the drivers of retention (onboarding, value realised, customer health) across "
         "the company.", "the renewal number belongs to account management"),
        (re.compile(r"quota|target|pipeline|forecast|bookings", re.I),
         "Grow customer lifetime value through a better experience, measured by retention "
         "and advocacy.", "quota belongs to the sales leader"),
        (re.compile(r"deal|pitch|clos|prospect|sales kick|campaign", re.I),
         "Bring the customer's voice into how the company sells, from first contact to renewal.",
         "a sales executive leads the deals"),
    ],
    "cost_cutting": [
        (re.compile(r"handl(e|ing) time|aht|call length", re.I),
         "Measure the quality of resolution, not the length of calls.",
         "efficiency targets belong to a service operations lead"),
        (re.compile(r"deflect|self-serv|automat", re.I),
         "Design self-service around what customers want to do themselves, measured by "
         "effort and satisfaction rather than deflection.", "a digital service lead delivers it"),
        (re.compile(r"headcount|offshor|outsourc|nearshor|right-?siz", re.I),
         "Decide which customer moments need people and which do not, from customer evidence.",
         "workforce and sourcing plans belong to operations"),
    ],
}
_DEFAULT_REWRITE = {
    "contact_centre": ("Set the service vision and standards the support organisation delivers.",
                       "a head of support runs the day-to-day operation"),
    "sales": ("Improve the experience that drives long-term loyalty, same-customer spend and "
              "referrals.", "short-term revenue belongs to the sales organisation"),
    "cost_cutting": ("Show how a better experience lowers the cost to serve over time (fewer "
                     "repeat contacts, less churn) without making cost the goal.",
                     "efficiency programmes belong to operations or finance"),
}
_REASONS = {
    "sales": "Short-term sales work: 001 notes a CCO role should not be oriented toward "
             "quarterly sales, and such lines suggest a tactical manager is wanted.",
    "contact_centre": "Running the contact centre: 001 notes these tactical duties consume a "
                      "CCO and de-focus the role from long-term improvement.",
    "cost_cutting": "Cost reduction in service: 001 warns this goal often undermines the "
                    "quality of customer service the CCO is there to improve.",
}


# How each suggestion is found, built once. A Suggestion is frozen, so every line that
# gets the same advice shares one object. Tactical lines are matched the most often in
# a batch, and case-insensitive search is slow (9.5-14 us a line, most lines matching
# none of a label's patterns); on an ASCII line, a case-sensitive search of the
# lowercased text finds the same matches 3x faster (2.9-5.4 us), for a pattern written
# in lowercase letters, digits and plain punctuation, whose meaning case folding cannot
# change (any other pattern keeps its case-insensitive search).
_PLAIN_LOWERCASE = re.compile(r"(?:[a-z0-9 /|()?:\-]|\\b)*")


def _ascii_variant(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` without IGNORECASE, to search lowercased ASCII text; None when unsafe."""
    if (pattern.flags & re.IGNORECASE and isinstance(pattern.pattern, str)
            and _PLAIN_LOWERCASE.fullmatch(pattern.pattern)):
        return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    return None


_SUGGESTIONS: dict[str, tuple[list[tuple[re.Pattern, re.Pattern | None, Suggestion]], Suggestion]] = {
    label: ([(pattern, _ascii_variant(pattern), Suggestion(_REASONS[label], rewrite, belongs))
             for pattern, rewrite, belongs in _REWRITES[label]],
            Suggestion(_REASONS[label], *_DEFAULT_REWRITE[label]))
    for label in TACTICAL_LABELS  # every tactical label has its advice (a KeyError here if not)
}


def suggest(label: str, text: str) -> Suggestion | None:
    """A recruiter's suggestion for a tactical line; ``None`` for any other label."""
    rules = _SUGGESTIONS.get(label)
    if rules is None:
        return None
    matchers, default = rules
    lowered = text.lower() if text.isascii() else None
    for pattern, ascii_pattern, suggestion in matchers:
        if ascii_pattern is not None and lowered is not None:
            found = ascii_pattern.search(lowered)
        else:
            found = pattern.search(text)
        if found:
            return suggestion
    return default
