"""The fork server's head start: the default pipeline, loaded and run once before workers fork.

When a run uses the default model, :class:`~cco_jobs.batch.engine.ChunkScorer` lists this
module in the fork server's preload, so the server imports it once and every worker it
forks starts with the pipeline in memory (shared copy-on-write) instead of loading its
own; ``_init_worker``'s ``load_pipeline()`` then finds it in the cache. Running it once
on the shipped example posting also does the work a pipeline leaves for its first
posting (lazy imports, feature tables, compiled patterns), once instead of per worker.
Measured (2 workers, start and 64 postings): CPU of all processes 1.70 -> 1.52 s, each
worker's 0.50 -> 0.33 s; time to the first result unchanged (~1.1 s): two workers
loaded in parallel before, the server loads once now.

Nothing else imports this module, so ``import cco_jobs`` stays free of side effects; and
importing it does nothing unless the engine set ``CCO_JOBS_FORKSERVER_PRELOAD`` for the
fork server it is starting (so a documentation tool or a test walking the package loads
no model). A failure here is ignored: each worker then loads the pipeline itself, and
reports the error as it always has.
"""
from __future__ import annotations

import gc
import os
from pathlib import Path

from .engine import PRELOAD_ENV

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chief_customer_officer.html"


def preload() -> None:
    """Load the default pipeline (cached by ``load_pipeline``) and analyse the example once."""
    try:
        from ..analysis import analyse_postings, load_pipeline
        from ..ingest import parse_text

        nlp = load_pipeline()
        posting = parse_text(EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE), format="html")
        list(analyse_postings([posting], nlp=nlp))
    except Exception:  # noqa: BLE001 - the workers load it themselves and report any error
        pass
    # what the workers inherit is never collected again, in the server or in them (so
    # their collectors do not write to, and copy, the pages they share with the server)
    gc.collect()
    gc.freeze()


if os.environ.get(PRELOAD_ENV) == "1":
    preload()
