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
    """All twelve as 001 labels them, each read as it stood in its posting: a tactical
    excerpt as a posting's one duty, the six strategic bullets together (one posting's).

    Until session 10 the twelve were read as one block, and the fourth excerpt was allowed
    to follow its six strategic neighbours when unsure: that block mixed seven postings,
    which the second pass reads as one posting's mix. The mixed neighbours of the hard
    case are tested below instead, without an allowance.
    """
    from cco_jobs.training.seedcheck import check

    results = check(SEEDS, nlp=shipped_nlp)
    assert len(results) == 12
    wrong = [(want, got, round(conf, 2), sentence[:60]) for sentence, want, got, conf in results if want != got]
    assert not wrong, wrong


@pytest.mark.skipif(not any(SEEDS.glob("001_*.txt")), reason="shared/seeds is not beside the checkout")
@pytest.mark.parametrize("around", [[], ["Handle customer escalations by phone and chat."],
                                    ["Set the three-year customer strategy.", "Build the voice-of-the-customer programme."]])
def test_the_hard_case_of_001_is_cost_cutting_in_a_posting(shipped_nlp, around):
    """001's fourth excerpt, strategic words for a cost aim (DOMAIN.md's named hard case),
    read as cost cutting under a duties heading, alone or with tactical or strategic
    neighbours."""
    from cco_jobs.analysis import analyse_posting
    from cco_jobs.posting import Line, Posting
    from cco_jobs.training.seedcheck import seed_examples

    sentence = next(s for s, want in seed_examples(SEEDS) if want == "cost_cutting")
    texts = ["Responsibilities", sentence, *around]
    lines = [Line(n=i + 1, text=t, section="responsibilities", heading="Responsibilities",
                  is_heading=i == 0, is_bullet=i > 0) for i, t in enumerate(texts)]
    report = analyse_posting(Posting(lines=lines, title="Chief Customer Officer"), nlp=shipped_nlp)
    assert report.lines[1].label == "cost_cutting"
