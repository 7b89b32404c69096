"""The domain lexicon: cue phrases for each line label, with the source document behind them.

The phrases are the vocabulary of the label meanings in ``shared/design/DOMAIN.md``,
which distils the five source documents (cited by number: 000 Eastman, 001 "Goals and
Focus of the CCO", 002 careers guide, 003 Hoffman, 004 Bliss). They serve twice: as
features of the trained line classifier (so it can generalise past the corpus's own
phrasing) and as the highlighted words that carry a label in the annotation.

Phrases are matched case-insensitively on token boundaries (spaCy ``PhraseMatcher`` on
``LOWER``); write them in lower case, spelled as a tokenizer splits them.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

#: Strategic: 001's goals and "top 10" list, 002's vision and culture, 003's metrics.
STRATEGIC = (
    # vision, strategy, objectives (001 goals; 002 "create and set a vision, objectives")
    "vision", "customer strategy", "customer experience strategy", "cx strategy",
    "experience strategy", "strategic", "strategy", "roadmap", "multi-year", "long-term",
    "objectives", "milestones", "north star", "blueprint", "transformation",
    # voice of the customer and insight (001 top-10 item 1)
    "voice of the customer", "voice-of-the-customer", "voc", "customer insight",
    "customer insights", "insight", "insights", "feedback loop", "customer feedback",
    "listening", "advisory board", "customer advisory",
    # measurement the role owns (001 item 2; 003 dashboard and revenue metrics)
    "nps", "net promoter", "customer satisfaction", "csat", "customer effort", "ces",
    "dashboard", "scorecard", "metrics", "kpis", "measure", "measurement", "lifetime value",
    "clv", "ltv", "retention", "loyalty", "advocacy", "revenue per customer",
    # journeys and process redesign (001 item 4)
    "journey", "journeys", "journey mapping", "customer journey", "touchpoints",
    "touchpoint", "end-to-end", "redesign", "process improvement", "continuous improvement",
    # advocacy in decisions, culture, engagement (001 items 3, 5, 6; 002 culture)
    "customer advocate", "customer-first", "customer first", "customer-centric",
    "customer centric", "customer-centricity", "customer obsession", "culture",
    "mindset", "employee engagement", "champion", "change agent", "change management",
    # standards, silos, governance, trends (001 goals 2 and 4, items 9; best practice)
    "service standards", "standards", "silos", "cross-functional", "cross functional",
    "enterprise-wide", "company-wide", "organisation-wide", "organization-wide",
    "governance", "best practice", "best practices", "emerging trends", "trends",
    "executive team", "board", "c-suite", "executive committee", "enterprise",
    # establishing the escalation process is strategic (001 item 8)
    "root cause", "root causes", "establish the process", "framework",
    # French cues for the same ideas
    "stratégie", "expérience client", "vision client", "parcours client",
    "culture client", "voix du client",
)

#: Sales: short-term revenue, quota and deals (001 excerpts 1 and 6).
SALES = (
    "quota", "quotas", "sales targets", "sales target", "revenue target", "revenue targets",
    "bookings", "pipeline", "forecast", "forecasting", "prospecting", "prospect",
    "prospects", "pitch", "pitching", "closing", "close deals", "closed-won", "deal",
    "deals", "new logos", "new business", "upsell", "upselling", "up-sell", "cross-sell",
    "cross-selling", "expansion revenue", "expansion", "renewal", "renewals",
    "renewal rate", "net revenue retention", "nrr", "net dollar retention", "ndr",
    "gross revenue retention", "arr", "mrr", "commission", "ote", "on-target earnings",
    "sales kick-off", "sales kickoff", "sales campaign", "account executives",
    "account executive", "co-sell", "sales cycle", "revenue growth", "grow revenue",
    "wallet share", "share of wallet", "sales team", "sales leadership", "book of business",
    "territory", "negotiate", "negotiation", "commercial targets", "chiffre d'affaires",
)

#: Contact centre: running support operations (001 excerpts 2, 3 and 5).
CONTACT_CENTRE = (
    "contact centre", "contact center", "contact centres", "contact centers",
    "call centre", "call center", "call centres", "call centers", "customer support",
    "support team", "support operations", "service desk", "help desk", "helpdesk",
    "escalations", "escalated", "escalation", "complaints", "tickets", "ticket",
    "ticketing", "queue", "queues", "backlog", "sla", "slas", "service level",
    "service levels", "service-level", "first contact resolution", "fcr",
    "first call resolution", "response time", "response times", "resolution time",
    "agents", "agent", "advisors", "representatives", "reps", "supervisors",
    "team leads", "team leaders", "frontline", "front-line", "floor", "shifts", "shift",
    "rota", "rotas", "scheduling", "workforce management", "wfm", "staffing", "headcount planning",
    "24/7", "24x7", "round the clock", "phone", "chat", "email", "live chat",
    "inbound", "outbound", "omnichannel", "call quality", "quality assurance",
    "qa", "coaching sessions", "zendesk", "service cloud", "genesys", "five9",
    "ivr", "handle calls", "answer", "resolve", "troubleshoot", "tier 1", "tier 2",
    "centre d'appels", "service client",
)

#: Cost cutting: taking cost out of service (001 excerpt 4 and its warning).
COST_CUTTING = (
    "cost", "costs", "cost-to-serve", "cost to serve", "cost per contact",
    "cost per call", "cost reduction", "cost reductions", "reduce costs", "reduce cost",
    "cost savings", "savings", "efficiency", "efficiencies", "efficient", "lean",
    "productivity", "headcount reduction", "reduce headcount", "right-size", "rightsize",
    "right-sizing", "optimise", "optimize", "optimisation", "optimization", "deflection",
    "deflect", "call deflection", "contact deflection", "self-service", "automation",
    "automate", "offshore", "offshoring", "nearshore", "outsource", "outsourcing",
    "vendor consolidation", "consolidate", "consolidation", "average handle time",
    "average handling time", "aht", "handle time", "opex", "budget reduction",
    "do more with less", "doing more with less", "margin", "margins", "operating cost",
    "operating costs", "cost base", "run-rate", "réduction des coûts", "efficience",
)

#: Context: boilerplate that is not a requirement (DOMAIN.md, "requirement lines").
CONTEXT = (
    "equal opportunity", "equal opportunity employer", "eeo", "without regard",
    "race", "religion", "gender identity", "sexual orientation", "national origin",
    "veteran", "disability", "reasonable accommodation", "accommodations", "benefits",
    "401(k)", "pension", "paid time off", "pto", "holidays", "dental", "vision insurance",
    "health insurance", "salary", "salary range", "base salary", "compensation",
    "equity", "bonus", "apply", "apply now", "click here", "submit your", "cv",
    "resume", "cover letter", "closing date", "about us", "who we are", "our mission",
    "we are", "founded", "headquartered", "cookies", "privacy", "sign in", "save job",
    "posted", "applicants", "share", "reports to", "location", "hybrid", "remote",
    "full-time", "full time", "job id", "requisition",
)

#: Neutral: requirements with no leaning (degrees, generic skills, leadership basics).
NEUTRAL = (
    "degree", "bachelor's", "bachelor", "master's", "mba", "qualification",
    "communication skills", "communication", "written and verbal", "presentation skills",
    "interpersonal", "travel", "fluent", "fluency", "proficient", "proficiency",
    "microsoft office", "excel", "powerpoint", "coach", "coaching", "mentor", "mentoring",
    "develop talent", "high-performing team", "integrity", "ambiguity", "fast-paced",
    "self-starter", "collaborative", "detail-oriented", "problem-solving", "analytical",
    "years of experience", "years' experience", "experience", "leadership",
)

#: The cue lexicon by label.
LEXICON: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "strategic": STRATEGIC,
        "sales": SALES,
        "contact_centre": CONTACT_CENTRE,
        "cost_cutting": COST_CUTTING,
        "context": CONTEXT,
        "neutral": NEUTRAL,
    }
)

#: Where each label's lexicon comes from, for the model card and the annotation.
SOURCES: Mapping[str, str] = MappingProxyType(
    {
        "strategic": "001 (goals and top-10 list), 002 (vision, culture), 003 (dashboard, metrics)",
        "sales": "001 (excerpts 1 and 6: sales targets, sales campaign, kick-off)",
        "contact_centre": "001 (excerpts 2, 3 and 5: support workflow, escalations, 24/7 team)",
        "cost_cutting": "001 (excerpt 4 and its warning on cost reduction and handling time)",
        "context": "DOMAIN.md (context lines: blurb, benefits, salary, EEO, how to apply)",
        "neutral": "DOMAIN.md (requirements with no strategic or tactical leaning)",
    }
)
