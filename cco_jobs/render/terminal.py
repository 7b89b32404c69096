"""The terminal view of a report (rich): labelled lines, cue words, score, signals, advice.

Colour follows rich's detection: plain text when the output is not a terminal or when
``NO_COLOR`` is set. Each audience gets the same facts in its own order:

- ``candidate``: the verdict first, red flags, signals with evidence, questions to ask;
  the requirement lines only.
- ``recruiter``: every line, with a suggestion under each tactical one; then the score.
- ``researcher``: every line, then the score, the signal table and the label counts.
"""
from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..report import LABELS, PostingReport

STYLES = {
    "strategic": "bold green",
    "sales": "bold magenta",
    "contact_centre": "bold yellow",
    "cost_cutting": "bold red",
    "neutral": "cyan",
    "context": "dim",
}
SHORT = {"strategic": "STRAT", "sales": "SALES", "contact_centre": "CC", "cost_cutting": "COST",
         "neutral": "NEUTR", "context": "ctx"}
AUDIENCES = ("candidate", "recruiter", "researcher")
BAND_STYLES = {
    "genuine C-level mandate": "bold green",
    "diluted C-level role": "bold yellow",
    "senior customer role": "bold yellow",
    "C-level title on a tactical job": "bold red",
    "not a C-level customer role": "bold red",
}
_STRENGTH_STYLE = {"strong": "green", "weak": "red", "neutral": "yellow", "missing": "dim"}


class _ReportConsole(Console):
    """rich's console, but a reader that went away (``| head``) is a ``BrokenPipeError``
    for the caller to handle, where rich would exit the process with code 1 itself."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError("the reader of the report went away")


def make_console(file: IO[str] | None = None, *, width: int | None = None,
                 color: bool | None = None) -> Console:
    """A console for reports; ``color=None`` lets rich decide (TTY, ``NO_COLOR``)."""
    return _ReportConsole(file=file, width=width, highlight=False, soft_wrap=False,
                          no_color=None if color is None else not color,
                          force_terminal=True if color else None)


def legend() -> Text:
    text = Text("Labels: ")
    for label in LABELS:
        text.append(f"{SHORT[label]}={label.replace('_', '-')}", style=STYLES[label])
        text.append("  ")
    text.append("(cue words underlined; ? = low confidence)")
    return text


def line_text(line) -> Text:
    """One annotated line: number, label tag, text with its cue words marked."""
    tag = SHORT[line.label] + ("?" if line.uncertain else "")
    out = Text(f"{line.n:>4} ")
    out.append(f"{tag:<6}", style=STYLES[line.label])
    body = Text(line.text, style="bold" if line.is_heading else "")
    for cue in line.cues:
        body.stylize(f"underline {STYLES[cue.label]}", cue.start, cue.end)
    if line.is_bullet:
        out.append("• ")
    out.append_text(body)
    if line.label != "context":
        second = f" +{line.second_label}" if line.second_label else ""
        out.append(f"  ({line.confidence:.2f}{second})", style="dim")
    return out


def render(report: PostingReport, console: Console, *, audience: str = "researcher") -> None:
    """Print ``report`` for ``audience`` (one of :data:`AUDIENCES`)."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCES)}")
    title = report.title or "(no title found)"
    company = f" at {report.company}" if report.company else ""
    console.print(Text(f"{title}{company}", style="bold"))
    console.print(Text(f"source: {report.source}  ({report.format}, model {report.model['version']})",
                       style="dim"))
    if audience == "candidate":
        _verdict(report, console)
        _lines(report, console, requirements_only=True, suggestions=False)
        _signals(report, console)
        _missing(report, console)
        return
    _lines(report, console, requirements_only=False, suggestions=audience == "recruiter")
    _verdict(report, console)
    _signals(report, console)
    _missing(report, console, audience=audience)
    if audience == "researcher":
        _counts(report, console)


def _lines(report: PostingReport, console: Console, *, requirements_only: bool, suggestions: bool) -> None:
    console.print()
    console.print(legend())
    for line in report.lines:
        if requirements_only and not line.is_requirement:
            continue
        console.print(line_text(line))
        if suggestions and line.suggestion:
            s = line.suggestion
            console.print(Text(f"        why: {s.reason}", style="dim"))
            console.print(Text(f"        try: {s.rewrite} ({s.belongs_to})", style="green"))


def _verdict(report: PostingReport, console: Console) -> None:
    c = report.commitment
    console.print()
    score = Text(f"Commitment score: {c.score}/100  ", style="bold")
    score.append(c.band, style=BAND_STYLES.get(c.band, "bold"))
    console.print(score)
    console.print(Text(c.verdict))
    if c.title_vs_substance:
        console.print(Text(f"In substance: {c.title_vs_substance}.", style="yellow"))
    if c.percentile is not None:
        peers = "all the reference postings" if c.peer_group == "all" else f"the reference {c.peer_group} postings"
        console.print(Text(f"More committed than {c.percentile:.0f}% of {peers}.", style="dim"))
    for flag in c.red_flags:
        console.print(Text(f"  red flag: {flag}", style="red"))


def _signals(report: PostingReport, console: Console) -> None:
    table = Table(title="Signals", title_justify="left", show_lines=False)
    for col in ("signal", "reading", "points", "evidence", "source"):
        table.add_column(col)
    for s in report.commitment.signals:
        evidence = ", ".join(f"line {e.n}" + (f" \"{e.words}\"" if e.words else "") for e in s.evidence[:3])
        # posting text goes in as Text, never as a string rich would read as markup
        table.add_row(Text(s.name), Text(s.summary, style=_STRENGTH_STYLE[s.strength]),
                      Text(f"{s.points:+.1f}"), Text(evidence or "-"), Text(s.source))
    console.print(table)


def _missing(report: PostingReport, console: Console, *, audience: str = "candidate") -> None:
    """What the posting leaves unsaid: the question a candidate should ask, or, for a
    recruiter, the question candidates will ask of the draft."""
    if not report.commitment.missing:
        return
    if audience == "recruiter":
        console.print(Text("What the draft leaves unsaid, and what candidates will ask:", style="bold"))
        for m in report.commitment.missing:
            console.print(Text(f"  - {m.what} Candidates will ask: {m.question}"))
        return
    console.print(Text("What the posting leaves unsaid, and what to ask:", style="bold"))
    for m in report.commitment.missing:
        console.print(Text(f"  - {m.what} Ask: {m.question}"))


def _counts(report: PostingReport, console: Console) -> None:
    parts = [f"{lab}={report.label_counts.get(lab, 0)}" for lab in LABELS]
    console.print(Text("Line labels: " + "  ".join(parts), style="dim"))
