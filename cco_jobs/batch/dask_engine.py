"""The Dask engine: the same scoring function over ``dask.dataframe`` partitions on a cluster.

Parquet in, Parquet out, in place: each partition is a slice of rows of one input file
(``partition_rows`` at most), read on a worker; the worker scores it with
:func:`~cco_jobs.batch.scoring.score_chunk` (its pipeline loaded once per worker
process) and writes ``part-<partition>.parquet`` of each table itself, atomically. Part
numbers follow the input order, so reading the output folder gives the rows in input
order, the same rows the local engine writes. ``resume`` skips the partitions whose
parts exist (same inputs and ``partition_rows`` as the interrupted run).

Dask is an optional extra, imported only here: ``pip install 'cco-jobs[dask]'``.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from .engine import chunked, close_summary
from .progress import BatchSummary, Progress
from .readers import Columns, ParquetSource, plan_inputs, table_records
from .records import BatchError
from .scoring import score_chunk
from .writers import Output, TableStore, output_kind

if TYPE_CHECKING:
    import pandas as pd


class MissingDask(BatchError):
    """The Dask engine was asked for but dask or distributed is not installed."""


def require_dask() -> None:
    """Import dask.dataframe and distributed, or say which extra to install."""
    try:
        import distributed  # noqa: F401  (first: the cheaper import to fail on)
        import dask.dataframe  # noqa: F401
    except ImportError as exc:
        raise MissingDask(f"--engine dask needs Dask, an optional extra: pip install 'cco-jobs[dask]' "
                          f"({exc})") from None


@dataclass(frozen=True)
class Slice:
    """Rows ``start`` to ``stop`` (0-based, ``stop`` excluded) of one Parquet file: one partition."""

    index: int
    path: str
    start: int
    stop: int


@dataclass(frozen=True)
class PartitionJob:
    """What every partition task needs besides its rows (picklable)."""

    columns: Columns
    postings: str
    lines: str | None
    model: str | None
    max_bytes: int
    chunk_size: int


_RESULT_COLUMNS = {"part": "int64", "rows": "int64", "scored": "int64", "failed": "int64",
                   "first_source": "object", "first_error": "object"}
_LOCK = threading.Lock()  # one pipeline per worker process, used by one thread at a time


def plan_slices(sources: Sequence[ParquetSource], partition_rows: int) -> list[Slice]:
    """Cut the inputs into slices of at most ``partition_rows`` rows, numbered in order."""
    slices: list[Slice] = []
    for source in sources:
        n = source.count()
        for start in range(0, n, partition_rows):
            slices.append(Slice(len(slices), source.path, start, min(n, start + partition_rows)))
    return slices


def read_slice(part: Slice, wanted: Columns) -> "pd.DataFrame":
    """The rows of one slice: ``part``, ``row`` (0-based in its file), ``id`` and ``value``."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    file = pq.ParquetFile(part.path)
    meta = file.metadata
    groups, first, offset = [], None, 0
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        if offset < part.stop and offset + n > part.start:
            groups.append(g)
            first = offset if first is None else first
        offset += n
    columns = wanted  # (not a parameter named "columns": dask.dataframe.from_map would fill it)
    needed = list(dict.fromkeys(filter(None, (columns.value, columns.id))))
    table = file.read_row_groups(groups, columns=needed) if groups else pa.table({c: [] for c in needed})
    table = table.slice(part.start - (first or 0), part.stop - part.start)
    n = table.num_rows
    values = table.column(columns.value).to_pylist()
    ids = table.column(columns.id).to_pylist() if columns.id else [None] * n
    return pd.DataFrame({"part": [part.index] * n, "row": range(part.start, part.start + n),
                         "path": [part.path] * n, "id": pd.Series(ids, dtype=object),
                         "value": pd.Series(values, dtype=object)})


def score_partition(frame: "pd.DataFrame", job: PartitionJob) -> "pd.DataFrame":
    """Score one partition and write its parts; return one row of counts."""
    import pandas as pd

    from ..analysis import load_pipeline

    counts: dict[str, Any] = {"part": [], "rows": [], "scored": [], "failed": [], "first_source": [],
                              "first_error": []}
    if frame.empty:
        return pd.DataFrame(counts).astype(_RESULT_COLUMNS)
    index = int(frame["part"].iat[0])
    records = table_records(str(frame["path"].iat[0]), int(frame["row"].iat[0]), frame["id"].tolist(),
                            frame["value"].tolist(), job.columns, job.max_bytes)
    postings = TableStore(job.postings, "postings", group_rows=4096)
    lines = TableStore(job.lines, "lines", group_rows=16384) if job.lines else None
    scored = failed = 0
    first: tuple[str, str] | None = None
    with _LOCK:
        nlp = load_pipeline(job.model)
        for chunk in chunked(records, job.chunk_size):
            rows = score_chunk(chunk, nlp, max_bytes=job.max_bytes, with_lines=lines is not None)
            postings.write(rows.postings, index)
            if lines is not None:
                lines.write(rows.lines, index)
            scored, failed = scored + rows.scored, failed + rows.failed
            first = first or rows.first_error
    for store in (lines, postings):  # lines first, as the local engine commits
        if store is not None:
            store.commit(index)
    counts.update(part=[index], rows=[len(frame)], scored=[scored], failed=[failed],
                  first_source=[first[0] if first else None], first_error=[first[1] if first else None])
    return pd.DataFrame(counts).astype(_RESULT_COLUMNS)


def run_dask(inputs: Sequence[str], output: str | os.PathLike[str], *,
             lines: str | os.PathLike[str] | None = None, text_col: str | None = None,
             html_col: str | None = None, id_col: str | None = None, jobs: int | None = None,
             resume: bool = False, strict: bool = False, progress: bool | None = None,
             max_bytes: int | None = None, model: str | None = None, scheduler: str | None = None,
             partition_rows: int = 2000, chunk_size: int = 32) -> BatchSummary:
    """Score Parquet ``inputs`` on a Dask cluster into Parquet folders ``output`` (and ``lines``).

    ``scheduler`` is the address of a running scheduler; without it a local cluster of
    ``jobs`` single-threaded worker processes is started for the run. Other arguments are
    :func:`~cco_jobs.batch.engine.run_batch`'s.
    """
    require_dask()
    import sys

    from distributed import Client, LocalCluster, as_completed

    from ..ingest import DEFAULT_MAX_BYTES

    started = time.perf_counter()
    sources = plan_inputs(inputs, Columns(text=text_col, html=html_col, id=id_col))
    tables = [s for s in sources if isinstance(s, ParquetSource)]
    if len(tables) != len(sources):
        raise BatchError("--engine dask reads Parquet files or folders; use the local engine for other inputs")
    targets = [os.fspath(p) for p in (output, lines) if p is not None]
    for target in targets:
        if output_kind(target) not in ("parquet", "parquet_dir"):
            raise BatchError(f"{target}: --engine dask writes Parquet folders, not {os.path.splitext(target)[1]}")
        os.makedirs(target, exist_ok=True)  # "out.parquet" becomes a folder of parts
    out = Output(output, lines, resume=resume)
    done = set(out.postings.committed()) if resume else set()
    slices = plan_slices(tables, partition_rows)
    todo = [s for s in slices if s.index not in done]
    summary = BatchSummary(outputs=targets, skipped=sum(s.stop - s.start for s in slices if s.index in done))
    job = PartitionJob(columns=tables[0].columns if tables else Columns(), postings=os.path.abspath(output),
                       lines=os.path.abspath(lines) if lines is not None else None, model=model,
                       max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes, chunk_size=chunk_size)
    if len({t.columns for t in tables}) > 1:
        raise BatchError("--engine dask needs the same columns in every input file")
    show = bool(sys.stderr.isatty()) if progress is None else progress
    bar = Progress(sum(s.stop - s.start for s in todo) if show else None, enabled=show)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=":0")
            client = Client(cluster)
        with client:
            if todo:
                _compute(client, as_completed, todo, job, summary, bar, strict)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        bar.close()
        if cluster is not None:
            cluster.close()
    out.finish()
    return close_summary(summary, started, strict)


def _compute(client: Any, as_completed: Any, todo: list[Slice], job: PartitionJob, summary: BatchSummary,
             bar: Progress, strict: bool) -> None:
    import dask
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame({"part": pd.Series(dtype="int64"), "row": pd.Series(dtype="int64"),
                         "path": pd.Series(dtype=object), "id": pd.Series(dtype=object),
                         "value": pd.Series(dtype=object)})
    # the posting cells stay Python objects (str or bytes), not Arrow strings
    with dask.config.set({"dataframe.convert-string": False}):
        frame = dd.from_map(read_slice, todo, args=(job.columns,), meta=meta)
        scored = frame.map_partitions(score_partition, job, meta=pd.DataFrame(
            {k: pd.Series(dtype=v) for k, v in _RESULT_COLUMNS.items()}))
        futures = client.compute(scored.to_delayed())
    firsts: dict[int, tuple[str, str]] = {}
    for future in as_completed(futures):
        result = future.result()
        for row in result.itertuples(index=False):
            summary.scored += int(row.scored)
            summary.failed += int(row.failed)
            if row.first_error is not None:
                firsts[int(row.part)] = (row.first_source, row.first_error)
            bar.update(int(row.rows), summary.failed)
        if strict and firsts:
            client.cancel(futures)
            break
    if firsts:  # the first in input order among the partitions done
        summary.first_error = firsts[min(firsts)]
