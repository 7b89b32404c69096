"""The fast report and batch paths give exactly what their plain versions gave.

:func:`cco_jobs.analysis.build_report`, :func:`cco_jobs.commitment.suggest`,
:func:`cco_jobs.batch.rows.line_rows` and the batch reader's surrogate test were
rewritten for speed (issue 5). The plain versions they replaced are kept here, verbatim,
as references: every report (``to_dict()``, as JSON), suggestion and row must be the
same, on corpus postings and on lines made to reach the rare branches (white-space
lines, uncertain lines, non-ASCII and upper-case tactical lines).
"""
from __future__ import annotations

import dataclasses
import gc
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cco_jobs.analysis import build_report, model_info
from cco_jobs.commitment import line_meaning, suggest
from cco_jobs.commitment.advice import _DEFAULT_REWRITE, _REASONS, _REWRITES
from cco_jobs.posting import Line, Posting
from cco_jobs.report import LABELS, Cue, LineAnnotation, PostingReport, Suggestion

ROOT = Path(__file__).resolve().parents[1]


# -- the plain versions -------------------------------------------------------------------

def reference_suggest(label: str, text: str) -> Suggestion | None:
    if label not in _REASONS:
        return None
    for pattern, rewrite, belongs in _REWRITES[label]:
        if pattern.search(text):
            return Suggestion(_REASONS[label], rewrite, belongs)
    rewrite, belongs = _DEFAULT_REWRITE[label]
    return Suggestion(_REASONS[label], rewrite, belongs)


def reference_build_report(posting: Posting, doc, info: dict[str, str]) -> PostingReport:
    from cco_jobs.pipeline.scorer import COMMITMENT_KEY

    group = doc.spans["line_labels"]
    attrs = group.attrs
    by_n = {n: i for i, n in enumerate(doc.spans["lines"].attrs["n"])}
    labels_order = attrs["label_names"]
    lines: list[LineAnnotation] = []
    counts = dict.fromkeys(LABELS, 0)
    for line in posting.lines:
        i = by_n.get(line.n)
        if i is None:
            label, conf, cues, second, uncertain, runner = "context", 1.0, [], None, False, None
        else:
            label = group[i].label_
            conf = round(attrs["scores"][i], 4)
            text = " ".join(line.text.split())
            cues = [Cue(text[s:e], s, e, lab) for s, e, lab in attrs["cues"][i]]
            second = attrs["second"][i] or None
            uncertain = attrs["uncertain"][i]
            probs = attrs["probs"][i]
            ranked = sorted(range(len(probs)), key=lambda k: -probs[k])
            runner = labels_order[ranked[1]] if len(ranked) > 1 else None
        counts[label] += 1
        lines.append(LineAnnotation(
            n=line.n, text=" ".join(line.text.split()), section=line.section, label=label,
            confidence=conf, cues=cues, heading=line.heading, is_heading=line.is_heading,
            is_bullet=line.is_bullet, chrome=line.chrome, source_line=line.source_line,
            uncertain=uncertain, second_label=second,
            meaning=line_meaning(label, conf, uncertain, runner),
            suggestion=reference_suggest(label, line.text),
        ))
    return PostingReport(
        source=posting.source, format=posting.format, title=posting.title,
        company=posting.company, lines=lines, commitment=doc.user_data[COMMITMENT_KEY],
        model=info, label_counts=counts, provenance=dict(posting.metadata),
    )


def reference_line_rows(record_id: str, report: PostingReport) -> list[tuple]:
    return [
        (record_id, line.n, line.section, line.heading, line.text, line.label,
         float(line.confidence), line.second_label, bool(line.uncertain),
         "; ".join(f"{cue.text} [{cue.label}]" for cue in line.cues),
         bool(line.is_heading), bool(line.is_bullet), bool(line.chrome))
        for line in report.lines
    ]


# -- postings -----------------------------------------------------------------------------

TACTICAL = [
    "Own the ESCALATIONS from the contact centre floor.",
    "Run the 24x7 Phone, Chat and E-mail channels.",
    "Cut the ticket BACKLOG and meet every SLA.",
    "Manage the agents' SHIFT rota and staffing plan.",
    "Carry the Renewal target and NRR.",
    "Hit the quarterly QUOTA and forecast bookings.",
    "Close new deals; run the sales kick-off campaign.",
    "Reduce Average Handling Time and call length.",
    "Deflect contacts to self-service and automate.",
    "Lead the offshoring and right-sizing of headcount.",
    "Run the support desk.",
    "Grow the book of business.",
    "Lower the cost to serve.",
    # not ASCII: the case-insensitive search decides, as before
    "Own the contact-centre ESCALATIONS — every one of them.",
    "Run the \u017fla reviews with the \u212aPI owners.",  # long s, Kelvin sign
    "Gérer la backlog du support client.",
]


def _postings() -> list[Posting]:
    from cco_jobs.ingest import parse_text
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.render import render

    out = []
    for posting in read_corpus(ROOT / "corpora" / "heldout"):
        for fmt in ("html_ats", "scraped"):
            out.append(parse_text(render(posting, fmt), format="html" if fmt.startswith("html") else "text"))
    lines = [Line(1, "Chief Customer Officer", is_heading=True), Line(2, "   "),
             Line(3, "Reports to the CEO.", section="summary", heading="About the role", source_line=7)]
    lines += [Line(4 + i, f"  {text}\t ", section="responsibilities", heading="What you will do",
                   is_bullet=True) for i, text in enumerate(TACTICAL)]
    lines.append(Line(len(lines) + 1, "\u00a0"))
    out.append(Posting(lines, source="made.txt", title="Chief Customer Officer", company="Acme",
                       metadata={"url": "https://example.com/cco"}))
    return out


@pytest.fixture(scope="module")
def analysed(shipped_nlp):
    from cco_jobs.pipeline.doc import posting_doc

    postings = _postings()
    docs = list(shipped_nlp.pipe(posting_doc(shipped_nlp, p) for p in postings))
    return postings, docs, model_info(shipped_nlp)


def _json(report: PostingReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False)


# -- the checks ----------------------------------------------------------------------------

def test_build_report_gives_the_reference_report(analysed):
    postings, docs, info = analysed
    labels = set()
    for posting, doc in zip(postings, docs):
        fast, plain = build_report(posting, doc, info), reference_build_report(posting, doc, info)
        assert _json(fast) == _json(plain)
        labels.update(line.label for line in fast.lines)
    assert set(labels) >= {"context", "strategic", "sales", "contact_centre", "cost_cutting"}


def test_build_report_on_uncertain_lines_names_the_same_runner_up(analysed):
    postings, docs, info = analysed
    for posting, doc in list(zip(postings, docs))[-3:]:
        attrs = doc.spans["line_labels"].attrs
        saved = list(attrs["uncertain"])
        attrs["uncertain"] = [True] * len(saved)
        try:
            fast = build_report(posting, doc, info)
            assert _json(fast) == _json(reference_build_report(posting, doc, info))
            assert all(line.meaning.startswith("Uncertain") for line in fast.lines if line.text)
        finally:
            attrs["uncertain"] = saved


def test_line_annotations_are_built_in_field_order():
    # build_report passes LineAnnotation's fields by position, for speed
    assert [f.name for f in dataclasses.fields(LineAnnotation)] == [
        "n", "text", "section", "label", "confidence", "cues", "heading", "is_heading",
        "is_bullet", "chrome", "source_line", "uncertain", "second_label", "meaning", "suggestion"]


@pytest.mark.parametrize("label", ["sales", "contact_centre", "cost_cutting", "strategic", "context"])
def test_suggest_matches_the_case_insensitive_search(label):
    texts = TACTICAL + [t.upper() for t in TACTICAL] + [t.lower() for t in TACTICAL] + ["", " "]
    for text in texts:
        assert suggest(label, text) == reference_suggest(label, text), text


def test_line_rows_are_the_reference_rows(analysed):
    from cco_jobs.batch.rows import line_rows

    postings, docs, info = analysed
    for k, (posting, doc) in enumerate(zip(postings, docs)):
        report = build_report(posting, doc, info)
        assert line_rows(f"r{k}", report) == reference_line_rows(f"r{k}", report)


@pytest.mark.parametrize("text", [
    "", "plain ascii", "caf\u00e9 \u2022 \U0001f600", "x\udc80y", "\ud800", "a" * 10_000 + "\udfff",
    b"Chief \x81\x8d officer".decode("utf-8", "surrogateescape"), '{"t": "\\ud83d"}',
])
def test_surrogate_test_is_the_regex_test(text):
    from cco_jobs.batch.records import _has_surrogates

    assert _has_surrogates(text) == (re.search("[\ud800-\udfff]", text) is not None)


# -- the batch engine's process set-up ------------------------------------------------------

def test_scoring_gc_restores_the_collector():
    from cco_jobs.batch.engine import SCORING_GC_THRESHOLD, scoring_gc

    before = gc.get_threshold(), gc.get_freeze_count()
    assert before[1] == 0  # (pytest freezes nothing)
    with scoring_gc():
        assert gc.get_threshold() == SCORING_GC_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_scoring_gc_nested_and_in_threads_restores_the_collector_once_all_leave():
    import threading

    from cco_jobs.batch.engine import SCORING_GC_THRESHOLD, scoring_gc

    before = gc.get_threshold()
    with scoring_gc():
        with scoring_gc():
            pass
        assert gc.get_threshold() == SCORING_GC_THRESHOLD  # the outer use still holds
    assert gc.get_threshold() == before
    entered, release = threading.Barrier(3), threading.Event()

    def score():
        with scoring_gc():
            entered.wait()
            release.wait()

    threads = [threading.Thread(target=score) for _ in range(2)]
    for thread in threads:
        thread.start()
    entered.wait()
    assert gc.get_threshold() == SCORING_GC_THRESHOLD
    release.set()
    for thread in threads:
        thread.join()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_the_pipeline_preload_runs_only_in_the_fork_server():
    code = ("import sys, cco_jobs, cco_jobs.batch, cco_jobs.batch.engine, cco_jobs.batch.api; "
            "print('cco_jobs.batch.preload' in sys.modules, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"]
    code = ("import gc, cco_jobs.batch.preload, cco_jobs.analysis as a; "
            "print(a._load.cache_info().currsize, gc.get_freeze_count() > 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["0", "False"]  # imported elsewhere, it does nothing
    env = {**os.environ, "CCO_JOBS_FORKSERVER_PRELOAD": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env=env)
    assert out.stdout.split() == ["1", "True"]


def _pipeline_cache():
    from cco_jobs.analysis import _load

    info = _load.cache_info()
    return info.hits, info.misses


def test_workers_use_the_pipeline_their_fork_server_loaded():
    import multiprocessing

    from cco_jobs.batch.engine import ChunkScorer, WorkerConfig

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    with ChunkScorer(WorkerConfig(), jobs=2, start_method="forkserver") as scorer:
        hits, misses = scorer._pool.submit(_pipeline_cache).result(timeout=120)
    # one load, in the fork server (the worker inherits its count); the worker found it there
    assert (misses, hits >= 1) == (1, True)
    assert "CCO_JOBS_FORKSERVER_PRELOAD" not in os.environ
