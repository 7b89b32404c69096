"""The run-time fast paths give what the reference implementations give.

The signal ruler runs the ``Matcher`` patterns as compiled regular expressions
(:mod:`cco_jobs.pipeline.token_patterns`) and the line classifier computes feature
columns straight from cached token infos (:class:`~cco_jobs.pipeline.features.IndexedFeaturizer`);
both were written for speed (issue 5) and must not change a single decision. Here they
are checked against spaCy's own ``Matcher`` and against :func:`line_features` on every
posting of the corpus's held-out realism set, in two renderings.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.matcher import Matcher
from spacy.util import filter_spans

from cco_jobs.ingest.sections import role_facts_heading
from cco_jobs.pipeline.doc import posting_doc
from cco_jobs.pipeline.signals import PATTERNS
from cco_jobs.pipeline.token_patterns import PatternError, TokenPatterns, encode_token

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus_docs(shipped_nlp):
    """Corpus postings as the pipeline sees them, after the cue ruler."""
    from cco_jobs.ingest import parse_text
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.render import render

    postings = read_corpus(ROOT / "corpora" / "heldout")
    cue_ruler = shipped_nlp.get_pipe("cco_jobs_cue_ruler")
    docs = []
    for posting in postings:
        for fmt in ("html_ats", "scraped"):
            parsed = parse_text(render(posting, fmt), format="html" if fmt.startswith("html") else "text")
            docs.append(cue_ruler(posting_doc(shipped_nlp, parsed)))
    return docs


def _matcher_spans(nlp, doc) -> list[tuple[str, int, int]]:
    """The spans spaCy's ``Matcher`` finds line by line, merged by label as the ruler merges them."""
    matcher = Matcher(nlp.vocab)
    for label, patterns in PATTERNS.items():
        matcher.add(label, patterns)
    by_label: dict[str, list] = {}
    for line in doc.spans["lines"]:
        for key, start, end in matcher(line):
            by_label.setdefault(nlp.vocab.strings[key], []).append(doc[line.start + start:line.start + end])
    return sorted((label, s.start, s.end) for label, group in by_label.items() for s in filter_spans(group))


def _pattern_ruler(nlp):
    """A signal ruler of the current :data:`PATTERNS` (the shipped pipeline carries the
    patterns it was saved with, which may be older)."""
    from cco_jobs.pipeline.signals import SignalRuler

    return SignalRuler(nlp, patterns=PATTERNS)


def test_signal_ruler_finds_what_the_matcher_finds(shipped_nlp, corpus_docs):
    ruler = _pattern_ruler(shipped_nlp)
    compared = found = 0
    for doc in corpus_docs:
        expected = _matcher_spans(shipped_nlp, doc)
        got = sorted((s.label_, s.start, s.end) for s in ruler(doc).spans["signals"])
        assert got == expected, doc.text[:80]
        compared += 1
        found += len(got)
    assert compared >= 40 and found >= 100  # the comparison covered real matches


def _pattern_words() -> list[str]:
    words = set()
    for patterns in PATTERNS.values():
        for pattern in patterns:
            for token in pattern:
                for key in ("LOWER", "ORTH"):
                    value = token.get(key)
                    words.update([value] if isinstance(value, str) else (value or {}).get("IN", []))
    return sorted(words)


def test_signal_ruler_equals_the_matcher_on_random_lines_of_the_patterns_words(shipped_nlp):
    """Lines made of the patterns' own words (and numbers, capitals, filler) meet every
    optional token and overlap the corpus rarely shows."""
    import random

    from spacy.tokens import Doc

    rng = random.Random(7)
    vocabulary = _pattern_words() + ["12", "three", "first", "The", "CEO", "Board", "x", "of", "and", ","]
    ruler = _pattern_ruler(shipped_nlp)
    compared = 0
    for _ in range(1500):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 12))]
        doc = Doc(shipped_nlp.vocab, words=words)
        doc.spans["lines"] = [doc[:]]
        got = sorted((s.label_, s.start, s.end) for s in ruler(doc).spans["signals"])
        assert got == _matcher_spans(shipped_nlp, doc), words
        compared += bool(got)
    assert compared > 300


def test_optional_tokens_give_every_length_as_the_matcher_does(shipped_nlp):
    """A shorter match of a pattern survives when its longest form loses an overlap."""
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    patterns = [[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c", "OP": "?"}],
                [{"LOWER": "b"}, {"LOWER": "c"}, {"LOWER": "d"}, {"LOWER": "e"}]]
    doc = Doc(shipped_nlp.vocab, words="a b c d e".split())
    matcher = Matcher(shipped_nlp.vocab)
    matcher.add("x", patterns)
    expected = sorted((s.start, s.end) for s in filter_spans([doc[a:b] for _, a, b in matcher(doc)]))
    ours = TokenPatterns()
    ours.add("x", patterns)
    tokens = [encode_token(t.lower_, t.like_num, t.is_alpha) for t in doc]
    got = sorted((s.start, s.end) for s in filter_spans([doc[a:b] for _, a, b in ours.match_line(tokens)]))
    assert got == expected == [(0, 1), (1, 5)]


def test_indexed_features_equal_the_feature_strings(shipped_nlp, corpus_docs):
    clf = shipped_nlp.get_pipe("cco_jobs_line_classifier")
    vocab = clf.vocab
    lines = 0
    for doc in corpus_docs:
        strings = clf.line_feature_lists(doc)
        columns = clf._line_columns(doc, clf._read(doc)).rows()
        chrome = doc.spans["lines"].attrs["chrome"]
        assert len(strings) == len(columns) == len(chrome)
        for feats, (known, count), is_chrome in zip(strings, columns, chrome):
            if is_chrome:  # labelled context without the model
                assert (known, count) == ([], 0)
                continue
            assert sorted(known) == sorted(vocab[f] for f in set(feats) if f in vocab)
            assert count == len(set(feats))
            lines += 1
    assert lines > 1000


def test_predictions_agree_between_the_two_paths(shipped_nlp, corpus_docs):
    clf = shipped_nlp.get_pipe("cco_jobs_line_classifier")
    for doc in corpus_docs[:10]:
        not_chrome = ~np.asarray(doc.spans["lines"].attrs["chrome"], dtype=bool)
        by_strings = clf.predict_proba(clf.line_feature_lists(doc), clf.line_layout(doc))
        by_columns = clf.predict_docs([doc], [clf._line_columns(doc, clf._read(doc))])[0]
        np.testing.assert_allclose(by_strings[not_chrome], by_columns[not_chrome], atol=1e-5)


def test_token_patterns_refuse_what_they_cannot_run():
    patterns = TokenPatterns()
    with pytest.raises(PatternError, match="operator"):
        patterns.add("x", [[{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}]])
    with pytest.raises(PatternError, match="not supported"):
        patterns.add("x", [[{"LOWER": "a"}, {"POS": "NOUN"}]])
    with pytest.raises(PatternError, match="without case"):
        patterns.add("x", [[{"ORTH": "Board"}]])
    with pytest.raises(PatternError, match="start with"):
        patterns.add("x", [[{"IS_ALPHA": True}, {"LOWER": "b"}]])


def test_token_patterns_match_whole_tokens_and_optional_starts():
    patterns = TokenPatterns()
    patterns.add("seat", [[{"LOWER": {"IN": ["the", "our"]}, "OP": "?"}, {"LOWER": "board"}]])
    patterns.add("count", [[{"LIKE_NUM": True}, {"LOWER": "agents"}]])
    tokens = [encode_token(w, w.isdigit() or w == "ten", w.isalpha())
              for w in "reports to our board and the boardroom of ten agents 40 agents".split()]
    found = sorted(patterns.match_line(tokens))
    assert ("seat", 2, 4) in found and ("seat", 3, 4) in found  # with and without "our"
    assert not any(start == 6 for _, start, _ in found)          # "boardroom" is not "board"
    assert ("count", 8, 10) in found and ("count", 10, 12) in found


def test_lines_without_known_features_anywhere_in_a_batch(shipped_nlp):
    """Each line's sum covers exactly its own columns, wherever empty lines fall."""
    clf = shipped_nlp.get_pipe("cco_jobs_line_classifier")
    a, b = ([1, 2, 3], 5), ([4, 5], 3)
    empty = ([], 0)
    alone = {name: clf.predict_columns([row]) for name, row in (("a", a), ("b", b), ("e", empty))}
    for order in (["a", "b", "e"], ["e", "a", "b"], ["a", "e", "b"], ["e", "e", "a"]):
        rows = {"a": a, "b": b, "e": empty}
        together = clf.predict_columns([rows[name] for name in order])
        for got, name in zip(together, order):
            np.testing.assert_allclose(got, alone[name][0], rtol=1e-6, atol=1e-7)


def test_run_time_caches_stay_bounded_and_give_the_same_answers(shipped_nlp, corpus_docs, monkeypatch):
    """A long batch run keeps meeting new tokens: the caches start afresh at their limit,
    and a cache that has just been emptied answers as a full one does."""
    import cco_jobs.pipeline.signals as signals
    from cco_jobs.pipeline.indexed import IndexedFeaturizer

    clf = shipped_nlp.get_pipe("cco_jobs_line_classifier")
    ruler = shipped_nlp.get_pipe("cco_jobs_signal_ruler")
    docs = corpus_docs[:12]
    def columns_of(doc):
        return [(sorted(known), count) for known, count in clf._line_columns(doc, clf._read(doc)).rows()]

    expected = [columns_of(doc) for doc in docs]
    expected_signals = [sorted((s.label_, s.start, s.end) for s in ruler(doc).spans["signals"]) for doc in docs]

    small = IndexedFeaturizer(clf.vocab, clf.char_ngrams)
    small.cache_limit = 50
    monkeypatch.setattr(clf, "_indexed", small)
    monkeypatch.setattr(signals, "_CACHE_LIMIT", 50)
    monkeypatch.setattr(ruler, "_encoded", {})
    for doc, columns, found in zip(docs, expected, expected_signals):
        assert columns_of(doc) == columns
        assert sorted((s.label_, s.start, s.end) for s in ruler(doc).spans["signals"]) == found
        # the tables start afresh between postings: at most the limit plus one posting's tokens
        assert len(small._tokens) <= 50 + len(doc) and len(small._words) <= 50 + len(doc)
        assert len(ruler._encoded) <= 50
    assert small._token_kind.size < sum(len(doc) for doc in docs)  # it did start afresh


def test_signal_patterns_added_later_are_found_and_bad_ones_change_nothing(shipped_nlp):
    from cco_jobs.pipeline.signals import SignalRuler
    from spacy.tokens import Doc

    ruler = SignalRuler(shipped_nlp, patterns={"budget": [[{"LOWER": "budget"}]]})
    doc = Doc(shipped_nlp.vocab, words="report to the boss and own the budget".split())
    doc.spans["lines"] = [doc[:]]
    assert [s.label_ for s in ruler(doc).spans["signals"]] == ["budget"]  # fills the word cache
    with pytest.raises(PatternError):
        ruler.add_patterns({"boss": [[{"LOWER": "boss"}]], "bad": [[{"POS": "NOUN"}]]})
    assert "boss" not in ruler.patterns and [s.label_ for s in ruler(doc).spans["signals"]] == ["budget"]
    ruler.add_patterns({"boss": [[{"LOWER": "the"}, {"LOWER": "boss"}]]})
    assert sorted(s.label_ for s in ruler(doc).spans["signals"]) == ["boss", "budget"]


def test_token_evidence_of_one_line_is_its_own(shipped_nlp, corpus_docs):
    """Evidence as first defined: word and stem weights, plus half of each word pair
    inside the line, whatever comes before or after it."""
    from cco_jobs.posting import Line, Posting

    clf = shipped_nlp.get_pipe("cco_jobs_line_classifier")
    weights = clf._evidence_columns
    # two lines where the last word of one and the first of the next make a known pair
    left, right = next(f[2:].split("_") for f, i in clf.vocab.items()
                       if f.startswith("b=") and f.count("_") == 1 and f[2:].replace("_", "").isalpha()
                       and abs(weights[:, i]).max() > 0.1)
    posting = Posting([Line(1, f"Own the {left}", "responsibilities"),
                       Line(2, f"{right} and the roadmap", "responsibilities")])
    docs = [posting_doc(shipped_nlp, posting)] + corpus_docs[:1]
    checked = 0
    for doc, span in ((doc, span) for doc in docs for span in list(doc.spans["lines"])[:12]):
        if len(span) < 2:
            continue
        norms = [token.norm_ for token in span]
        for k, label in enumerate(clf.labels):
            column = weights[k]
            expected = np.array([column[clf.vocab.get(f"w={norm}", -1)]
                                 + column[clf.vocab.get(f"p={norm[:5]}", -1) if len(norm) > 5 else -1]
                                 for norm in norms], dtype=np.float32)
            pairs = np.array([column[clf.vocab.get(f"b={a}_{b}", -1)] / 2 for a, b in zip(norms, norms[1:])],
                             dtype=np.float32)
            expected[:-1] += pairs
            expected[1:] += pairs
            np.testing.assert_allclose(clf.token_evidence(span, label), expected, rtol=1e-6, atol=1e-7)
            checked += 1
    assert checked > 20


def test_heading_words_reach_both_paths_alike(tiny_corpus_dir):
    """With heading words on, the indexed path still equals the feature strings, and the
    words of a line's heading are among its features (headings themselves get none)."""
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.train import LinearConfig, annotated_to_posting, train_pipeline

    postings = read_corpus(tiny_corpus_dir)
    nlp = train_pipeline(postings, LinearConfig(C=10.0, min_count=1, folds=2, heading_words=True))
    clf = nlp.get_pipe("cco_jobs_line_classifier")
    assert clf.heading_words
    seen = 0
    for posting in postings:
        doc = nlp.get_pipe("cco_jobs_cue_ruler")(posting_doc(nlp, annotated_to_posting(posting)))
        attrs = doc.spans["lines"].attrs
        strings = clf.line_feature_lists(doc)
        columns = clf._line_columns(doc, clf._read(doc)).rows()
        for i, (feats, (known, count)) in enumerate(zip(strings, columns)):
            if attrs["chrome"][i]:
                continue
            assert sorted(known) == sorted(clf.vocab[f] for f in set(feats) if f in clf.vocab)
            assert count == len(set(feats))
            has_words = any(f.startswith("hw=") for f in feats)
            assert has_words == bool(attrs["heading"][i] and not attrs["is_heading"][i] and
                                     any(ch.isalpha() for ch in attrs["heading"][i]))
            seen += has_words
            # a role profile's facts ("Dimensions", "Key relationships") are one kind of heading
            assert ("heading=facts" in feats) == bool(has_words and role_facts_heading(attrs["heading"][i]))
    assert seen > 10


def test_a_facts_heading_adds_its_kind_to_the_heading_words():
    from cco_jobs.pipeline.features import heading_features

    assert heading_features("2. DIMENSIONS") == ("hw=dimensions", "heading=facts")
    assert "heading=facts" in heading_features("Physical Demands / Working Conditions")
    assert heading_features("Delegated authority") == ("hw=delegated", "hw=authority")
