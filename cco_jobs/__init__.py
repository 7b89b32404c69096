"""cco_jobs: read Chief Customer Officer job postings and tell how real the role is.

The public API (everything heavy is imported on first use, so ``import cco_jobs`` is
fast and has no side effects)::

    import cco_jobs
    report = cco_jobs.analyse("posting.html")      # a PostingReport
    report.commitment.score, report.commitment.band
    for line in report.lines: line.label, line.confidence, line.cues

    frame = cco_jobs.score_frame(df, text_col="text")  # one row per posting
    for report in cco_jobs.score_many(texts): ...
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "analyse", "analyze", "analyse_posting", "load_pipeline", "read_posting", "score_frame",
    "score_many", "PostingReport", "LineAnnotation", "Commitment", "CommitmentSignal",
    "PostingInputError", "ModelError", "CcoJobsError", "__version__",
]

_LAZY = {
    "analyse": ("cco_jobs.analysis", "analyse"),
    "analyze": ("cco_jobs.analysis", "analyse"),
    "analyse_posting": ("cco_jobs.analysis", "analyse_posting"),
    "load_pipeline": ("cco_jobs.analysis", "load_pipeline"),
    "read_posting": ("cco_jobs.ingest", "read_posting"),
    "score_frame": ("cco_jobs.batch.api", "score_frame"),
    "score_many": ("cco_jobs.batch.api", "score_many"),
    "PostingReport": ("cco_jobs.report", "PostingReport"),
    "LineAnnotation": ("cco_jobs.report", "LineAnnotation"),
    "Commitment": ("cco_jobs.report", "Commitment"),
    "CommitmentSignal": ("cco_jobs.report", "CommitmentSignal"),
    "PostingInputError": ("cco_jobs.errors", "PostingInputError"),
    "ModelError": ("cco_jobs.errors", "ModelError"),
    "CcoJobsError": ("cco_jobs.errors", "CcoJobsError"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import analyse, analyse_posting, load_pipeline
    from .errors import CcoJobsError, ModelError, PostingInputError
    from .ingest import read_posting
    from .report import Commitment, CommitmentSignal, LineAnnotation, PostingReport

    analyze = analyse


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cco_jobs' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
