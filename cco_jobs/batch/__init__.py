"""Batch scoring: many postings in, a postings table and a lines table out.

The flow is the package's layout: :mod:`~cco_jobs.batch.readers` turn folders of posting
files and JSONL, CSV or Parquet tables into :class:`~cco_jobs.batch.records.InputRecord`
objects; :mod:`~cco_jobs.batch.scoring` parses and analyses them in chunks (one
``nlp.pipe`` pass per chunk) and flattens each report into plain rows
(:mod:`~cco_jobs.batch.rows`); :mod:`~cco_jobs.batch.engine` runs that over a process
pool in input order and :mod:`~cco_jobs.batch.dask_engine` over Dask partitions;
:mod:`~cco_jobs.batch.writers` stream the rows into Parquet, CSV or JSONL part files
that are committed atomically, so an interrupted run can be resumed.

Nothing here imports pandas, pyarrow or dask until it is used, so ``import cco_jobs``
stays fast. The Python entry points are :func:`score_many`, :func:`score_frame` and
:func:`run_batch`.
"""
from __future__ import annotations

from typing import Any

from .records import BatchError

__all__ = ["BatchError", "BatchSummary", "run_batch", "score_frame", "score_many"]

_LAZY = {
    "score_many": ".api",
    "score_frame": ".api",
    "run_batch": ".engine",
    "BatchSummary": ".engine",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
