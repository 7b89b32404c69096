"""The Python face of batch scoring: :func:`score_many` and :func:`score_frame`."""
from __future__ import annotations

__all__ = ["score_frame", "score_many"]

from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal

from ..errors import PostingInputError
from ..posting import Posting
from ..report import PostingReport
from .records import BatchError, InputRecord, cell_record, id_text
from .scoring import analyse_outcomes

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

OnError = Literal["raise", "return", "skip"]


def score_many(items: Iterable[Any], *, nlp: "Language | None" = None, model: str | None = None,
               format: str | None = None, max_bytes: int | None = None, batch_size: int = 64,
               on_error: OnError = "raise") -> Iterator[PostingReport | PostingInputError]:
    """Analyse many postings lazily, yielding one report per item, in order.

    Each item is what :func:`cco_jobs.analyse` takes (a path, a posting's text or
    HTML, bytes, a file object) or an already parsed :class:`~cco_jobs.posting.Posting`.
    Items are parsed and analysed ``batch_size`` at a time with ``nlp.pipe``. An item
    that is not a readable posting raises :class:`~cco_jobs.errors.PostingInputError`
    (``on_error="raise"``), is yielded as that exception in its place (``"return"``) or
    is left out (``"skip"``).

    >>> for report in score_many(["postings/a.html", "postings/b.md"]):  # doctest: +SKIP
    ...     print(report.source, report.commitment.score)
    """
    from ..analysis import load_pipeline
    from ..ingest import DEFAULT_MAX_BYTES, read_posting

    if on_error not in ("raise", "return", "skip"):
        raise ValueError(f"on_error must be 'raise', 'return' or 'skip', not {on_error!r}")
    nlp = nlp or load_pipeline(model)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        parsed: list[Posting | str] = []
        errors: dict[int, PostingInputError] = {}
        for i, item in enumerate(batch):
            if isinstance(item, Posting):
                parsed.append(item)
                continue
            try:
                parsed.append(read_posting(item, format=format, max_bytes=limit))
            except PostingInputError as exc:
                errors[i] = exc
                parsed.append(str(exc))
        for i, outcome in enumerate(analyse_outcomes(parsed, nlp, batch_size=batch_size)):
            if i in errors:  # the items before it are yielded first, whatever on_error says
                if on_error == "raise":
                    raise errors[i]
                if on_error == "return":
                    yield errors[i]
            elif isinstance(outcome, str):  # the pipeline itself failed on this posting
                raise RuntimeError(f"{getattr(batch[i], 'source', '<posting>')}: {outcome}")
            else:
                yield outcome


def score_frame(df: "pd.DataFrame", text_col: str | None = "text", *, html_col: str | None = None,
                id_col: str | None = None, lines: bool = False, jobs: int = 1, model: str | None = None,
                max_bytes: int | None = None, batch_size: int = 32,
                ) -> "pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]":
    """Score a DataFrame of postings; return the postings table (and the lines table).

    The posting is in ``text_col`` (text, Markdown or HTML, sniffed) or, when given,
    ``html_col`` (read as HTML). Ids come from ``id_col``, else from the index. The
    result has one row per input row, in order and with the input's index, with the
    columns of :mod:`cco_jobs.batch.rows`: a row that cannot be scored has its
    ``error`` set. With ``lines=True`` the return value is ``(postings, lines)``.
    ``jobs`` > 1 scores in that many worker processes.

    >>> scores = score_frame(pd.read_parquet("scrape.parquet"), text_col="body")  # doctest: +SKIP
    >>> scores.groupby("band")["score"].describe()  # doctest: +SKIP
    """
    from ..ingest import DEFAULT_MAX_BYTES
    from .engine import ChunkScorer, WorkerConfig, chunked
    from .rows import arrow_table

    column = html_col or text_col
    if not column:
        raise BatchError("score_frame needs text_col or html_col")
    for name in filter(None, (column, id_col)):
        if name not in df.columns:
            raise BatchError(f"the DataFrame has no column {name!r} (columns: {', '.join(map(str, df.columns))})")
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    ids = df[id_col].tolist() if id_col else [str(i) for i in df.index]
    fmt = "html" if html_col else None
    records: list[InputRecord] = [
        cell_record(id_text(ident, f"<frame>:{n}"), f"<frame>:{n}", value,
                    column=column, fmt=fmt, max_bytes=limit)
        for n, (ident, value) in enumerate(zip(ids, df[column].tolist()), start=1)
    ]
    postings: list[tuple] = []
    line_rows: list[tuple] = []
    config = WorkerConfig(model=model, max_bytes=limit, with_lines=lines)
    with ChunkScorer(config, jobs) as scorer:
        for chunk in scorer.map(chunked(records, batch_size)):
            postings.extend(chunk.postings)
            line_rows.extend(chunk.lines)
    table = arrow_table("postings", postings).to_pandas()
    table.index = df.index
    if not lines:
        return table
    return table, arrow_table("lines", line_rows).to_pandas()

