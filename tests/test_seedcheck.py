"""The shipped model labels seed 001's twelve examples as 001 does.

The sentences are read from the seed file at test time (``../shared/seeds``), never
written into the tests or the corpus.
"""
from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not any(SEEDS.glob("001_*.txt")), reason="shared/seeds is not beside the checkout")
def test_seed_001_examples_are_labelled_as_001_labels_them(shipped_nlp):
    from cco_jobs.training.seedcheck import check

    results = check(SEEDS, nlp=shipped_nlp)
    assert len(results) == 12
    wrong = [(want, got, sentence[:60]) for sentence, want, got, _ in results if want != got]
    assert wrong == []
