"""The scoring function every engine runs: a chunk of records in, plain rows out.

One chunk is parsed posting by posting (a bad row becomes an error row, never an
exception) and analysed in one :func:`cco_jobs.analysis.analyse_postings` call, so
``nlp.pipe`` batches it, inside ``nlp.memory_zone()`` (after a warm-up, see
:func:`_zone`) so a long-lived worker's vocabulary does not grow with every new number
or URL it meets. No ``Doc`` outlives the chunk: what leaves it are tuples of strings
and numbers.
"""
from __future__ import annotations

import weakref
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ContextManager, Iterable, Iterator, Sequence, Union

from ..errors import PostingInputError
from ..posting import Posting
from ..report import PostingReport
from .records import InputRecord, row_error
from .rows import error_row, line_rows, posting_row

if TYPE_CHECKING:
    from spacy.language import Language

Outcome = Union[PostingReport, str]  # a report, or the row's error text


@dataclass
class ChunkRows:
    """What scoring one chunk produced: rows for both tables, and the first failure."""

    postings: list[tuple] = field(default_factory=list)
    lines: list[tuple] = field(default_factory=list)
    scored: int = 0
    failed: int = 0
    first_error: tuple[str, str] | None = None  # (source, error) of the first failed row

    @property
    def rows(self) -> int:
        return len(self.postings)


def parse_record(record: InputRecord, max_bytes: int) -> Posting:
    """Ingest one record (raises :class:`~cco_jobs.errors.PostingInputError`)."""
    from ..ingest import parse_text, read_posting

    if record.path is not None:
        posting = read_posting(Path(record.path), format=record.format, max_bytes=max_bytes)
    elif record.data is not None:
        posting = read_posting(record.data, format=record.format, max_bytes=max_bytes)
        posting.source = record.source
    else:
        posting = parse_text(record.text or "", source=record.source, format=record.format)
    return posting


def analyse_outcomes(items: Sequence[Posting | str], nlp: "Language", *,
                     batch_size: int = 64) -> list[Outcome]:
    """Analyse the postings among ``items`` in one ``nlp.pipe`` pass; error texts pass through.

    When the pipeline raises on the batch, each posting is analysed alone so that only
    the one at fault gets an ``internal`` error.
    """
    from ..analysis import analyse_postings

    postings = [item for item in items if isinstance(item, Posting)]
    try:
        with _zone(nlp, len(postings)):
            reports: Iterator[Outcome] = iter(list(analyse_postings(postings, nlp=nlp, batch_size=batch_size)))
    except Exception:  # noqa: BLE001 - isolate the posting at fault, report it as a row
        reports = iter([_analyse_alone(posting, nlp) for posting in postings])
    return [next(reports) if isinstance(item, Posting) else item for item in items]


def _analyse_alone(posting: Posting, nlp: "Language") -> Outcome:
    from ..analysis import analyse_postings

    try:
        with _zone(nlp, 1):
            return next(iter(analyse_postings([posting], nlp=nlp)))
    except Exception as exc:  # noqa: BLE001
        return row_error("internal", f"{type(exc).__name__}: {exc}")


#: Postings a pipeline analyses outside any memory zone before zones start (see _zone).
WARM_UP_POSTINGS = 256
_warmed: "weakref.WeakKeyDictionary[Language, int]" = weakref.WeakKeyDictionary()


def _zone(nlp: "Language", n: int) -> ContextManager[Any]:
    """``nlp.memory_zone()``, once the pipeline has seen :data:`WARM_UP_POSTINGS` postings.

    A memory zone forgets every string and tokenizer-cache entry it created, so a zone
    per chunk from the start made tokenizing 5-8 times slower (every chunk cold). The
    first postings are analysed outside a zone: the common vocabulary they teach the
    tokenizer is kept for good, and later zones only forget the rare strings (ids,
    numbers, names), which keeps a long run's memory flat.
    """
    seen = _warmed.get(nlp, 0)
    if seen < WARM_UP_POSTINGS:
        _warmed[nlp] = seen + n
        return nullcontext()
    return nlp.memory_zone()


def score_records(records: Iterable[InputRecord], nlp: "Language", *, max_bytes: int,
                  batch_size: int = 64) -> list[tuple[InputRecord, Outcome]]:
    """Parse and analyse ``records``; each comes back with its report or its error text."""
    records = list(records)
    items: list[Posting | str] = []
    for record in records:
        if record.error is not None:
            items.append(record.error)
            continue
        try:
            items.append(parse_record(record, max_bytes))
        except PostingInputError as exc:
            items.append(row_error(exc.reason, exc.message))
        except Exception as exc:  # noqa: BLE001 - one bad row never stops the batch
            items.append(row_error("internal", f"{type(exc).__name__}: {exc}"))
    return list(zip(records, analyse_outcomes(items, nlp, batch_size=batch_size)))


def score_chunk(records: Sequence[InputRecord], nlp: "Language", *, max_bytes: int,
                with_lines: bool = True, batch_size: int = 64) -> ChunkRows:
    """Score a chunk of records into postings rows (one per record, in order) and lines rows."""
    from ..analysis import model_info

    info = model_info(nlp)
    out = ChunkRows()
    for record, outcome in score_records(records, nlp, max_bytes=max_bytes, batch_size=batch_size):
        if isinstance(outcome, str):
            out.postings.append(error_row(record, outcome, info))
            out.failed += 1
            if out.first_error is None:
                out.first_error = (record.source, outcome)
            continue
        out.postings.append(posting_row(record, outcome, info))
        out.scored += 1
        if with_lines:
            out.lines.extend(line_rows(record.id, outcome))
    return out
