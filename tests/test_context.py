"""The line classifier's second pass: context features, training and loading a two-pass model."""
from __future__ import annotations

import numpy as np
import pytest

from cco_jobs.errors import ModelError
from cco_jobs.pipeline.context import context_features
from cco_jobs.pipeline.doc import posting_doc

LABELS = ["context", "strategic", "sales", "contact_centre", "cost_cutting", "neutral"]


def _probs(*best: str) -> np.ndarray:
    """One row per line, most of the mass on the named label."""
    rows = np.full((len(best), len(LABELS)), 0.02)
    for i, label in enumerate(best):
        rows[i, LABELS.index(label)] = 0.9
    return rows


def test_neighbours_doc_shares_and_blocks():
    probs = _probs("context", "sales", "sales", "strategic", "context")
    feats = context_features(probs, LABELS, is_heading=[True, False, False, False, False],
                             chrome=[False] * 5, headings=["", "Targets", "Targets", "Targets", ""])
    assert feats[0][:2] == ["prev=none", "next=sales"]
    assert feats[4][:2] == ["prev=strategic", "next=none"]
    # the requirement lines are two sales lines (0.63 of their mass) and one strategic (0.32)
    assert "doc_sales=hi" in feats[1] and "doc_strategic=mid" in feats[1]
    assert "doc_contact_centre=lo" in feats[1]
    # a block is read without the line itself: the strategic line's block is sales
    assert "blk=sales" in feats[3]
    assert not any(f.startswith("blk=") for f in feats[0] + feats[4])  # no heading


def test_a_block_that_mixes_kinds_names_no_label():
    # under one heading: three strategic lines, two contact-centre lines and one sales line
    kinds = ("strategic", "strategic", "contact_centre", "cost_cutting", "contact_centre", "sales", "strategic")
    feats = context_features(_probs(*kinds), LABELS, is_heading=[False] * 7, chrome=[False] * 7,
                             headings=["Duties"] * 7)
    # the cost line's others: three strategic lines of six (0.5 of their mass, less the spread)
    assert "blk=mixed" in feats[3]
    # a block of five sales lines and one strategic line names sales for the strategic line
    feats = context_features(_probs("sales", "sales", "sales", "strategic", "sales", "sales"), LABELS,
                             is_heading=[False] * 6, chrome=[False] * 6, headings=["Targets"] * 6)
    assert "blk=sales" in feats[3]


def test_a_lists_heading_and_furniture_do_not_make_it_mixed():
    # a heading (context) over three strategic items, and an "Apply now" button under them
    probs = _probs("context", "strategic", "strategic", "strategic", "context")
    probs[1:4] = np.where(probs[1:4] > 0.5, 0.85, 0.03)
    feats = context_features(probs, LABELS, is_heading=[True, False, False, False, False],
                             chrome=[False, False, False, False, True], headings=["What you will do"] * 5)
    assert all("blk=strategic" in feats[i] for i in range(4))
    # a body line whose block holds only its heading reads the heading, as before
    feats = context_features(_probs("context", "sales"), LABELS, is_heading=[True, False], chrome=[False, False],
                             headings=["Targets", "Targets"])
    assert "blk=context" in feats[1] and "blk=sales" in feats[0]


def test_chrome_counts_as_context_whatever_the_first_pass_says():
    probs = _probs("sales", "strategic")
    feats = context_features(probs, LABELS, is_heading=[False, False], chrome=[True, False],
                             headings=["", ""])
    assert "prev=context" in feats[1]
    assert "doc_sales=lo" in feats[1] and "doc_strategic=hi" in feats[1]


def test_a_posting_of_context_only_has_every_share_low():
    feats = context_features(_probs("context", "context"), LABELS, is_heading=[False, False],
                             chrome=[False, False], headings=["About", "About"])
    assert [f for f in feats[0] if f.startswith("doc_")] == [
        f"doc_{label}=lo" for label in LABELS[1:]]
    assert "blk=context" in feats[0]
    assert context_features(np.zeros((0, 6)), LABELS, is_heading=[], chrome=[], headings=[]) == []


@pytest.fixture(scope="module")
def two_pass(tiny_corpus_dir):
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.train import LinearConfig, train_pipeline

    postings = read_corpus(tiny_corpus_dir)
    config = LinearConfig(C=10.0, min_count=1, folds=2, context=True)
    return train_pipeline(postings, config), postings


def test_a_context_model_learns_weights_for_the_context(two_pass):
    nlp, _ = two_pass
    clf = nlp.get_pipe("cco_jobs_line_classifier")
    assert clf.has_context
    context_rows = [i for f, i in clf.vocab.items() if f.startswith(("prev=", "next=", "doc_", "blk="))]
    assert context_rows
    assert np.abs(clf.weights[context_rows]).sum() > 0
    assert not clf.first_weights[context_rows].any()  # the first pass reads the line alone


def test_the_context_reaches_each_line_at_run_time(two_pass):
    """Weight one context feature heavily: exactly the lines that carry it move."""
    import copy

    from cco_jobs.training.train import annotated_to_posting

    nlp, postings = two_pass
    clf = nlp.get_pipe("cco_jobs_line_classifier")
    docs = [nlp(posting_doc(nlp, annotated_to_posting(p))) for p in postings]
    feature = "next=sales"
    column, sales = clf.vocab[feature], clf.labels.index("sales")
    before = [np.asarray(d.spans["line_labels"].attrs["probs"]) for d in docs]
    saved = copy.deepcopy(clf.weights)
    try:
        clf.weights[column, sales] += 20.0
        after = [np.asarray(nlp(posting_doc(nlp, annotated_to_posting(p))).spans["line_labels"].attrs["probs"])
                 for p in postings]
    finally:
        clf.weights = saved
    moved = carrying = 0
    for doc, b, a in zip(docs, before, after):
        chrome = doc.spans["lines"].attrs["chrome"]
        first = clf.first_pass(clf._line_columns(doc, clf._read(doc))).argmax(axis=1)
        first_labels = ["context" if c else clf.labels[k] for k, c in zip(first, chrome)]
        for i in range(len(first_labels)):
            if chrome[i]:
                continue
            moved += abs(a[i, sales] - b[i, sales]) > 1e-4
            carrying += first_labels[i + 1:i + 2] == ["sales"]
    assert moved and moved == carrying
    with pytest.raises(ModelError, match="layout"):
        clf.predict_proba([["sec=duties"]])


def test_a_two_pass_model_round_trips_and_a_one_pass_one_still_loads(two_pass, tmp_path, tiny_nlp):
    import spacy

    nlp, postings = two_pass
    from cco_jobs.training.train import annotated_to_posting

    for model in (nlp, tiny_nlp):
        path = tmp_path / ("two" if model is nlp else "one")
        model.to_disk(path)
        loaded = spacy.load(path)
        clf = loaded.get_pipe("cco_jobs_line_classifier")
        assert clf.has_context == model.get_pipe("cco_jobs_line_classifier").has_context
        for posting in postings[:3]:
            a = model(posting_doc(model, annotated_to_posting(posting)))
            b = loaded(posting_doc(loaded, annotated_to_posting(posting)))
            np.testing.assert_allclose(a.spans["line_labels"].attrs["probs"],
                                       b.spans["line_labels"].attrs["probs"], atol=1e-6)


def test_too_few_postings_to_hold_one_out_give_no_context(tiny_corpus_dir):
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.train import LinearConfig, base_pipeline, featurize, with_context

    config = LinearConfig(C=10.0, min_count=1, folds=2, context=True)
    postings = read_corpus(tiny_corpus_dir)
    one = featurize(base_pipeline(config), postings[:1], config)
    assert with_context(one, config) is one
    two = featurize(base_pipeline(config), postings, config)
    added = with_context(two, config)
    assert len(added.features) == len(two.features)
    assert all(len(a) > len(b) and a[:len(b)] == b for a, b in zip(added.features, two.features))


def test_a_two_pass_model_is_format_2_and_a_mismatch_is_refused(two_pass, tmp_path):
    import json

    import spacy

    nlp, _ = two_pass
    nlp.to_disk(tmp_path / "m")
    cfg_path = tmp_path / "m" / "cco_jobs_line_classifier" / "cfg.json"
    cfg = json.loads(cfg_path.read_text())
    assert (cfg["format_version"], cfg["context"]) == (2, True)
    for version in (1, 3):
        cfg_path.write_text(json.dumps({**cfg, "format_version": version}))
        with pytest.raises(ModelError, match="format"):
            spacy.load(tmp_path / "m")
