"""Shared fixtures: a tiny corpus and a pipeline trained on it (once per session)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from tiny_corpus import write_tiny_corpus  # noqa: E402


@pytest.fixture(scope="session")
def tiny_corpus_dir(tmp_path_factory) -> Path:
    return write_tiny_corpus(tmp_path_factory.mktemp("corpus") / "postings")


@pytest.fixture(scope="session")
def tiny_nlp(tiny_corpus_dir):
    """A complete pipeline trained on the tiny corpus (prior score weights refitted)."""
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.train import LinearConfig, train_pipeline

    nlp = train_pipeline(read_corpus(tiny_corpus_dir), LinearConfig(C=10.0, min_count=1, folds=2))
    nlp.add_pipe("cco_jobs_signal_ruler")
    nlp.add_pipe("cco_jobs_commitment_scorer")
    return nlp


@pytest.fixture(scope="session")
def shipped_nlp():
    """The shipped pipeline in models/."""
    from cco_jobs.analysis import load_pipeline

    return load_pipeline()
