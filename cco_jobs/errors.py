"""The exceptions cco_jobs raises. The CLI turns each into one line and an exit code."""
from __future__ import annotations


class CcoJobsError(Exception):
    """Base class of every error cco_jobs raises on purpose."""


class PostingInputError(CcoJobsError, ValueError):
    """The input cannot be read as a posting.

    ``source`` names the input (a path, a URL, ``<stdin>`` or ``<string>``) and
    ``reason`` is a short machine-readable code, one of :data:`INPUT_REASONS`.
    ``str(error)`` is one line naming both, e.g. ``posting.pdf: file is binary``.
    """

    def __init__(self, source: str, reason: str, message: str) -> None:
        if reason not in INPUT_REASONS:
            raise ValueError(f"unknown input error reason {reason!r}")
        self.source = source
        self.reason = reason
        self.message = message
        super().__init__(f"{source}: {message}")


#: Machine-readable reasons for :class:`PostingInputError` (also the batch ``error`` column's prefix).
INPUT_REASONS = (
    "missing",        # the path does not exist
    "directory",      # the path is a directory
    "unreadable",     # permission denied or an I/O error
    "too_large",      # over the size limit
    "empty",          # no bytes or only white space
    "binary",         # not text in any encoding we read
    "undecodable",    # bytes that no supported encoding decodes
    "no_text",        # HTML (or another format) with no visible text
    "not_a_posting",  # text, but no line that looks like a job posting
    "unsupported",    # a format we cannot read (or an optional extra is missing)
    "fetch",          # a URL could not be fetched
)


class ModelError(CcoJobsError):
    """The line-classification model or the score weights cannot be loaded."""
