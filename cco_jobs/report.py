"""The typed report objects every view (terminal, JSON, HTML, tables) is drawn from.

``PostingReport.to_dict()`` is the JSON contract, described by
``cco_jobs/schema/report.schema.json`` and versioned by :data:`SCHEMA_VERSION`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Version of the JSON report; bump the minor for additions, the major for changes.
SCHEMA_VERSION = "1.2"

LABELS = ("context", "strategic", "sales", "contact_centre", "cost_cutting", "neutral")
REQUIREMENT_LABELS = LABELS[1:]
TACTICAL_LABELS = ("sales", "contact_centre", "cost_cutting")


@dataclass(frozen=True)
class Cue:
    """Words of a line that carry a label: ``text == line.text[start:end]``."""

    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Suggestion:
    """For a recruiter: why a tactical line undercuts a C-level posting, and what to write."""

    reason: str
    rewrite: str
    belongs_to: str


@dataclass
class LineAnnotation:
    """One line of the posting with its label, confidence, cue words and meaning."""

    n: int
    text: str
    section: str
    label: str
    confidence: float
    cues: list[Cue] = field(default_factory=list)
    heading: str | None = None
    is_heading: bool = False
    is_bullet: bool = False
    chrome: bool = False
    source_line: int | None = None
    uncertain: bool = False
    second_label: str | None = None
    meaning: str = ""
    suggestion: Suggestion | None = None

    @property
    def is_requirement(self) -> bool:
        return self.label != "context"


@dataclass(frozen=True)
class Evidence:
    """A line that supports a signal, and the words in it that matched."""

    n: int
    words: str


@dataclass
class CommitmentSignal:
    """One commitment signal (DOMAIN.md's table): its reading, points and evidence."""

    name: str
    value: str
    strength: str  # "strong", "weak", "neutral" or "missing"
    points: float
    summary: str
    source: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class MissingInformation:
    """A signal the posting leaves unsaid, and the question a candidate should ask."""

    signal: str
    what: str
    question: str


@dataclass
class Commitment:
    """How real the posting's CxO commitment is: score 0-100, band, and why."""

    score: int
    band: str
    verdict: str
    level: int
    signals: list[CommitmentSignal] = field(default_factory=list)
    missing: list[MissingInformation] = field(default_factory=list)
    red_flags: list[str] = field(default_factory=list)
    title_vs_substance: str | None = None
    percentile: float | None = None
    peer_group: str | None = None


@dataclass
class PostingReport:
    """Everything cco_jobs says about one posting."""

    source: str
    format: str
    title: str | None
    company: str | None
    lines: list[LineAnnotation]
    commitment: Commitment
    model: dict[str, str]
    label_counts: dict[str, int]
    schema: str = SCHEMA_VERSION
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def requirements(self) -> list[LineAnnotation]:
        return [line for line in self.lines if line.is_requirement]

    def label_shares(self) -> dict[str, float]:
        """Share of each requirement label among the requirement lines."""
        total = sum(self.label_counts.get(lab, 0) for lab in REQUIREMENT_LABELS)
        return {lab: (self.label_counts.get(lab, 0) / total if total else 0.0)
                for lab in REQUIREMENT_LABELS}

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (``cco_jobs/schema/report.schema.json``)."""
        data = asdict(self)
        data["label_shares"] = {k: round(v, 4) for k, v in self.label_shares().items()}
        # the schema string leads, as readers check it first
        return {"schema": data.pop("schema"), **data}
