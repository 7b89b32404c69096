"""The local engine: a process pool over chunks of postings, results in input order.

Each worker loads the pipeline once (the pool's initializer) and scores whole chunks,
so ``nlp.pipe`` batches a chunk and only plain rows cross the process boundary. At
most a few chunks per worker are in flight: the input is read only as fast as it is
scored, so memory stays flat however long the input is. With one job everything runs
in this process, without a pool.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .progress import BatchSummary, Progress
from .readers import Columns, Source, plan_inputs
from .records import BatchError, InputRecord
from .scoring import ChunkRows, score_chunk
from .writers import Output, output_kind

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BatchSummary", "ChunkScorer", "StrictStop", "chunked", "run_batch"]

#: Postings per task: one ``nlp.pipe`` pass in a worker.
DEFAULT_CHUNK = 32
#: How worker processes start. Measured (benchmarks/batch.py, 2 workers, time to the
#: first results): fork 2.1-2.3 s, forkserver with :data:`PRELOAD` 2.2-2.5 s, spawn
#: 2.8-4.0 s; throughput afterwards is the same. forkserver is as quick as fork without
#: forking a parent that may run threads (a notebook, pyarrow, a progress bar), and is
#: Python 3.14's default; spawn is the fallback where there is no forkserver.
DEFAULT_START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
#: Modules the fork server imports once, so each worker only loads the pipeline.
#: (``cco_jobs.ingest.html`` brings lxml, which each worker otherwise imported for its
#: first HTML posting.)
PRELOAD = ["cco_jobs.pipeline", "cco_jobs.analysis", "cco_jobs.ingest", "cco_jobs.ingest.html",
           "cco_jobs.batch.scoring"]
#: Also preloaded when the run uses the default model: loads that pipeline in the fork
#: server, for every worker to share (see :mod:`cco_jobs.batch.preload`).
PRELOAD_PIPELINE = "cco_jobs.batch.preload"
#: Set (to "1") only while a pool starts its fork server: importing
#: :data:`PRELOAD_PIPELINE` anywhere else does nothing.
PRELOAD_ENV = "CCO_JOBS_FORKSERVER_PRELOAD"


class StrictStop(BatchError):
    """``strict`` and a row failed: the run stopped there. ``summary`` has the counts."""

    def __init__(self, message: str, summary: BatchSummary) -> None:
        super().__init__(message)
        self.summary = summary


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to score chunks (picklable)."""

    model: str | None = None
    max_bytes: int = 5_000_000
    with_lines: bool = True
    batch_size: int = 64


_WORKER: dict[str, Any] = {}


#: Garbage collector thresholds while scoring (Python's default: 700, 10, 10); see scoring_gc.
SCORING_GC_THRESHOLD = (10_000, 10, 10)


def _init_worker(config: WorkerConfig) -> None:
    from ..analysis import load_pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    _WORKER["config"] = config
    try:
        _WORKER["nlp"] = load_pipeline(config.model)
    except Exception as exc:  # noqa: BLE001 - re-raised by the first task, in the parent
        _WORKER["error"] = exc
    # what exists now (modules, the pipeline) lives as long as the worker: frozen for good,
    # where scoring_gc() freezes for one run (see it for why)
    gc.collect()
    gc.freeze()
    gc.set_threshold(*SCORING_GC_THRESHOLD)


_GC_LOCK = threading.Lock()
_GC_STATE: dict[str, Any] = {"depth": 0}


@contextmanager
def scoring_gc() -> Iterator[None]:
    """Spare scoring the garbage collector's work on objects that live for good; restore it after.

    Scoring allocates many short-lived objects and no reference cycles (the collector
    freed nothing in 1,500 postings), yet its full collections kept walking the loaded
    pipeline and modules: 0.85 ms a posting, 14% of the scoring time. Freezing what
    exists moves it out of the collector's sight (0.38 ms a posting), and fewer, larger
    young collections do the rest (0.15 ms). Any cycle a posting creates is still
    collected. Workers do the same for good (``_init_worker``); this is for scoring in
    the caller's process, around each chunk (never across a ``yield``: the caller's own
    work runs with its own settings). Nested or concurrent uses share one setting: the
    first to enter changes it, the last to leave restores the thresholds and unfreezes
    (unless the caller had frozen objects itself: those stay as they were).
    """
    with _GC_LOCK:
        if _GC_STATE["depth"] == 0:
            _GC_STATE["threshold"] = gc.get_threshold()
            _GC_STATE["froze"] = gc.get_freeze_count() == 0
            if _GC_STATE["froze"]:
                gc.freeze()
            gc.set_threshold(*SCORING_GC_THRESHOLD)
        _GC_STATE["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_STATE["depth"] -= 1
            if _GC_STATE["depth"] == 0:
                gc.set_threshold(*_GC_STATE["threshold"])
                if _GC_STATE["froze"]:
                    gc.unfreeze()


@contextmanager
def _environment(name: str, value: str | None) -> Iterator[None]:
    """``os.environ[name] = value`` for the block (nothing when ``value`` is None)."""
    if value is None:
        yield
        return
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def _score_in_worker(records: Sequence[InputRecord]) -> ChunkRows:
    if "error" in _WORKER:
        raise _WORKER["error"]
    config: WorkerConfig = _WORKER["config"]
    return score_chunk(records, _WORKER["nlp"], max_bytes=config.max_bytes,
                       with_lines=config.with_lines, batch_size=config.batch_size)


class ChunkScorer:
    """Score chunks in order, in this process (``jobs=1``) or in a pool of ``jobs`` processes."""

    def __init__(self, config: WorkerConfig, jobs: int = 1, *, nlp: "Language | None" = None,
                 start_method: str | None = None, window: int | None = None) -> None:
        self.config = config
        self.jobs = max(1, jobs)
        self.window = window or 3 * self.jobs
        self._nlp = nlp
        self._pool: Any = None
        if self.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            # ProcessPoolExecutor rather than multiprocessing.Pool: a worker that dies
            # (killed for memory) fails the run instead of hanging it
            method = start_method or DEFAULT_START_METHOD
            context = multiprocessing.get_context(method)
            preload_pipeline = method == "forkserver" and config.model is None
            if method == "forkserver":
                # (the fork server starts once per process: the first pool's list holds)
                context.set_forkserver_preload(PRELOAD + ([PRELOAD_PIPELINE] if preload_pipeline else []))
            with _environment(PRELOAD_ENV, "1" if preload_pipeline else None):
                # the fork server starts with the first worker, and reads PRELOAD_ENV then
                self._pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init_worker,
                                                 initargs=(config,))
                self._pool.submit(os.getpid)  # start the workers now (loading their pipelines)

    def map(self, chunks: Iterable[Sequence[InputRecord]]) -> Iterator[ChunkRows]:
        """Scored chunks in the order of ``chunks``; reads ahead at most ``window`` chunks."""
        if self._pool is None:
            from ..analysis import load_pipeline

            nlp = self._nlp or load_pipeline(self.config.model)
            c = self.config
            for chunk in chunks:
                with scoring_gc():
                    rows = score_chunk(chunk, nlp, max_bytes=c.max_bytes, with_lines=c.with_lines,
                                       batch_size=c.batch_size)
                yield rows
            return
        pending: deque = deque()
        for chunk in chunks:
            pending.append(self._pool.submit(_score_in_worker, chunk))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self, *, now: bool = False) -> None:
        if self._pool is None:
            return
        if now:
            processes = list(getattr(self._pool, "_processes", {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:  # do not wait for the chunks in hand
                process.terminate()
        else:
            self._pool.shutdown()
        self._pool = None

    def __enter__(self) -> "ChunkScorer":
        return self

    def __exit__(self, exc_type: Any, *exc: object) -> None:
        self.close(now=exc_type is not None)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while a chunk is written, and deliver them after.

    ``KeyboardInterrupt`` between writing a part's rows and clearing its buffer would
    write them twice, and one between two tables would leave a posting without its lines;
    so a signal that arrives meanwhile is only noted, then raised again once the chunk is
    whole, to whatever handler was there before (the default, or the CLI's). Outside the
    main thread, where signals cannot be caught, nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    kinds = (signal.SIGINT, signal.SIGTERM)
    previous = {kind: signal.signal(kind, lambda signum, frame: held.append(signum)) for kind in kinds}
    try:
        yield
    finally:
        for kind, handler in previous.items():
            signal.signal(kind, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(held):
            signal.raise_signal(signum)


def chunked(records: Iterable[InputRecord], size: int) -> Iterator[list[InputRecord]]:
    """Lists of ``size`` records (the last one shorter)."""
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


def run_batch(inputs: Sequence[str], output: str | os.PathLike[str], *,
              lines: str | os.PathLike[str] | None = None, text_col: str | None = None,
              html_col: str | None = None, id_col: str | None = None, jobs: int | None = None,
              resume: bool = False, strict: bool = False, progress: bool | None = None,
              max_bytes: int | None = None, model: str | None = None, chunk_size: int = DEFAULT_CHUNK,
              start_method: str | None = None, commit_rows: int = 5000) -> BatchSummary:
    """Score every row of ``inputs`` into the postings table ``output`` (and ``lines``).

    ``inputs`` are folders, globs or files (posting files, JSONL, CSV, Parquet); see
    :mod:`cco_jobs.batch.readers`. ``jobs`` worker processes (default: the CPU count)
    score chunks of ``chunk_size`` postings. ``progress=None`` shows a bar only when
    stderr is a terminal. ``resume`` skips ids already in the output. With ``strict``
    the first failed row stops the run with :class:`StrictStop`. Ctrl-C stops reading,
    saves what was scored and returns a summary with ``interrupted`` set.

    >>> summary = run_batch(["scrape.jsonl"], "scores.parquet", lines="lines.parquet")  # doctest: +SKIP
    """
    from ..ingest import DEFAULT_MAX_BYTES

    started = time.perf_counter()
    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    for target in filter(None, (output, lines)):
        output_kind(target)  # an unknown output type fails before any input is opened
    sources = plan_inputs(inputs, Columns(text=text_col, html=html_col, id=id_col))
    _refuse_overwriting_inputs(sources, [p for p in (output, lines) if p is not None])
    out = Output(output, lines, resume=resume, commit_rows=commit_rows)
    done = Counter(out.done_ids())
    summary = BatchSummary(outputs=[os.fspath(p) for p in (output, lines) if p is not None])
    config = WorkerConfig(model=model, max_bytes=max_bytes, with_lines=lines is not None)
    show = bool(sys.stderr.isatty()) if progress is None else progress
    bar = Progress(None, enabled=False)
    try:
        # workers start before the progress bar's thread and before any input is read
        with ChunkScorer(config, jobs or os.cpu_count() or 1, start_method=start_method) as scorer:
            bar = Progress(sum(source.count() for source in sources) if show else None, enabled=show)
            records = _unseen(sources, max_bytes, done, summary, bar)
            for chunk in scorer.map(chunked(records, chunk_size)):
                if strict and chunk.failed:
                    _keep_through_first_error(chunk)
                with signals_held():  # a chunk is written and counted whole, or not at all
                    out.add(chunk)
                    summary.scored += chunk.scored
                    summary.failed += chunk.failed
                summary.first_error = summary.first_error or chunk.first_error
                bar.update(chunk.rows, summary.failed)
                if strict and chunk.failed:
                    scorer.close(now=True)  # do not finish the chunks in flight
                    break
    except KeyboardInterrupt:
        summary.interrupted = True
    except BaseException:
        out.abort()
        raise
    finally:
        bar.close()
    out.finish()
    return close_summary(summary, started, strict)


def _unseen(sources: list[Source], max_bytes: int, done: "Counter[str]", summary: BatchSummary,
            bar: Progress) -> Iterator[InputRecord]:
    """The records not yet in the output. An id written ``k`` times is skipped at its
    first ``k`` occurrences in input order (a run writes rows in input order), so inputs
    that repeat an id lose none of its rows when resumed with the same inputs in the
    same order."""
    for source in sources:
        for record in source.records(max_bytes):
            if done[record.id] > 0:
                done[record.id] -= 1
                summary.skipped += 1
                bar.update(1)
                continue
            yield record


def _keep_through_first_error(chunk: ChunkRows) -> None:
    """Cut a chunk after its first failed row (``strict`` stops there)."""
    from .rows import POSTING_NAMES

    error_at = POSTING_NAMES.index("error")
    first = next(i for i, row in enumerate(chunk.postings) if row[error_at] is not None)
    kept = {row[0] for row in chunk.postings[:first + 1]}
    chunk.postings = chunk.postings[:first + 1]
    chunk.lines = [row for row in chunk.lines if row[0] in kept]
    chunk.scored = first
    chunk.failed = 1


def _refuse_overwriting_inputs(sources: Sequence[object], outputs: Sequence[str | os.PathLike[str]]) -> None:
    """An output path that is also an input would be read while it is replaced."""
    inputs = set()
    for source in sources:
        paths = getattr(source, "paths", None) or [getattr(source, "path", None)]
        inputs.update(os.path.realpath(p) for p in paths if p)
    for target in outputs:
        if os.path.realpath(target) in inputs:
            raise BatchError(f"{os.fspath(target)}: the output is also an input; choose another path")


def close_summary(summary: BatchSummary, started: float, strict: bool) -> BatchSummary:
    """Total the run's counts and time; with ``strict``, the first failed row stops it."""
    summary.read = summary.scored + summary.failed + summary.skipped
    summary.seconds = time.perf_counter() - started
    if strict and summary.first_error:
        source, error = summary.first_error
        raise StrictStop(f"{source}: {error} (--strict)", summary)
    return summary
