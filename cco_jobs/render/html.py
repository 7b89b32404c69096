"""The HTML view of a report: one self-contained page, or the fragment the web page shows.

Everything the templates show is prepared here from the :class:`PostingReport` as plain
values (a line's text split into cue and non-cue segments, its tooltip, the links from
signals to their evidence lines); the templates in ``templates/`` only lay them out.
Posting text never meets markup in Python: each segment reaches the template as text and
Jinja's autoescaping (always on) escapes it, so a scraped posting holding ``<script>`` or
an event-handler attribute renders as the characters it holds.

The page has no script and no external asset: styles are inline and a
Content-Security-Policy forbids scripts, so the report works offline and stays inert.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..report import LABELS, TACTICAL_LABELS, LineAnnotation, PostingReport

if TYPE_CHECKING:
    from jinja2 import Environment

#: Short phrases for the legend (the full meaning of each label is on hover).
LABEL_HINTS = {
    "strategic": "company-wide customer direction",
    "sales": "short-term revenue work",
    "contact_centre": "day-to-day support operations",
    "cost_cutting": "taking cost out of service",
    "neutral": "skills, education, general leadership",
    "context": "company, pay, legal or page text",
}

#: How each band reads on the gauge: good, mixed or poor news for a C-level candidate.
_BAND_TONES = ("good", "mixed", "poor", "mixed", "poor")


@dataclass(frozen=True)
class Segment:
    """A run of a line's text: cue words (``is_cue``) carrying ``label``, or plain text."""

    text: str
    is_cue: bool
    label: str


@dataclass(frozen=True)
class LineView:
    """One line as the page shows it."""

    line: LineAnnotation
    anchor: str
    label_name: str
    segments: list[Segment]
    tooltip: str


@dataclass(frozen=True)
class EvidenceLink:
    """A line a signal points to, with the matched words (if any) from that line."""

    n: int
    anchor: str | None
    words: list[str]


@dataclass(frozen=True)
class SignalView:
    """A commitment signal with its evidence grouped by line."""

    name: str
    summary: str
    strength: str
    points: float
    source: str
    links: list[EvidenceLink]


@dataclass(frozen=True)
class LegendEntry:
    """A label in the legend: its chip, a short hint, and its full meaning on hover."""

    label: str
    name: str
    hint: str
    meaning: str


@dataclass(frozen=True)
class MixPart:
    """One requirement label's share of the requirement lines, for the stacked bar."""

    label: str
    name: str
    count: int
    percent: float


@dataclass(frozen=True)
class ReportView:
    """Everything the templates need, derived from one report."""

    report: PostingReport
    lines: list[LineView]
    signals: list[SignalView]
    legend: list[LegendEntry]
    mix: list[MixPart]
    requirement_count: int
    tactical_count: int
    strategic_count: int
    tone: str


def label_name(label: str) -> str:
    """How a label is written for readers: ``contact_centre`` -> ``contact-centre``."""
    return label.replace("_", "-")


def anchor(n: int) -> str:
    """The id of line ``n`` in the page, the target of the evidence links."""
    return f"line-{n}"


def segments(line: LineAnnotation) -> list[Segment]:
    """Split a line's text at its cue offsets into cue and plain segments.

    Overlapping cues keep the earlier (then the longer) one; offsets outside the text are
    clipped, so a malformed report can never drop or repeat text: the segments always
    join back to ``line.text``.
    """
    text = line.text
    out: list[Segment] = []
    cursor = 0
    for cue in sorted(line.cues, key=lambda c: (c.start, -c.end)):
        start, end = max(cue.start, cursor), min(cue.end, len(text))
        if start >= end:
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start], False, line.label))
        out.append(Segment(text[start:end], True, cue.label))
        cursor = end
    if cursor < len(text) or not out:
        out.append(Segment(text[cursor:], False, line.label))
    return out


def tooltip(line: LineAnnotation) -> str:
    """The hover text of a line: label, confidence, meaning and the recruiter's suggestion."""
    parts = [f"{label_name(line.label)} · confidence {line.confidence:.2f}"]
    if line.second_label:
        parts[0] += f" · also {label_name(line.second_label)}"
    if line.meaning:
        parts.append(line.meaning)
    if line.suggestion:
        parts.append(f"Why it matters: {line.suggestion.reason}")
        parts.append(f"Try instead: {line.suggestion.rewrite}")
    return "\n".join(parts)


def band_tone(band: str) -> str:
    """``good``, ``mixed`` or ``poor``: the colour of a band on the gauge."""
    from ..commitment.score import BANDS

    return dict(zip(BANDS, _BAND_TONES)).get(band, "mixed")


def report_view(report: PostingReport) -> ReportView:
    """Prepare ``report`` for the templates."""
    numbers = {line.n for line in report.lines}
    lines = [LineView(line, anchor(line.n), label_name(line.label), segments(line), tooltip(line))
             for line in report.lines]
    signals = []
    for s in report.commitment.signals:
        by_line: dict[int, list[str]] = {}
        for e in s.evidence:
            words = by_line.setdefault(e.n, [])
            if e.words and e.words not in words:
                words.append(e.words)
        links = [EvidenceLink(n, anchor(n) if n in numbers else None, words)
                 for n, words in by_line.items()]
        signals.append(SignalView(s.name, s.summary, s.strength, s.points, s.source, links))
    meanings = _meanings()
    legend = [LegendEntry(lab, label_name(lab), LABEL_HINTS[lab], meanings.get(lab, ""))
              for lab in LABELS]
    shares = report.label_shares()
    mix = [MixPart(lab, label_name(lab), report.label_counts.get(lab, 0), round(100 * share, 1))
           for lab, share in shares.items()]
    return ReportView(report=report, lines=lines, signals=signals, legend=legend, mix=mix,
                      requirement_count=sum(part.count for part in mix),
                      tactical_count=sum(report.label_counts.get(lab, 0) for lab in TACTICAL_LABELS),
                      strategic_count=report.label_counts.get("strategic", 0),
                      tone=band_tone(report.commitment.band))


def _meanings() -> dict[str, str]:
    from ..commitment.advice import MEANINGS

    return MEANINGS


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of ``cco_jobs/render/templates`` (autoescaping always on)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("cco_jobs.render", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["label_name"] = label_name
    return env


def render_template(name: str, **context: Any) -> str:
    """Render one of the package's templates (the web page uses this for its shell)."""
    return environment().get_template(name).render(**context)


def render_html(report: PostingReport) -> str:
    """The report as one self-contained HTML page (no script, no external asset).

    >>> from cco_jobs import analyse
    >>> html = render_html(analyse("examples/chief_customer_officer.html"))  # doctest: +SKIP
    """
    return render_template("report.html", view=report_view(report))


def render_fragment(report: PostingReport) -> str:
    """The report's body alone, as the web page inserts it under its editor."""
    return render_template("_report.html", view=report_view(report))
