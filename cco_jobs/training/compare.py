"""Choose the line classifier by measurement, and check that it generalises.

``python -m cco_jobs.training.compare`` trains each candidate on the train split and
scores it on the dev split (the test split is not touched), then runs two generalisation
studies with the chosen linear model:

- **leave one writer out**: the corpus was written in independent voices, one per id
  prefix (``corpora/README.md``); train on all but one voice, test on it;
- **held-out archetype**: train without one archetype family, test on it.

Results go to ``models/comparison.json`` and into the model card.
"""
from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from .corpus import AnnotatedPosting, read_corpus
from .evaluate import LineMetrics, line_metrics
from .splits import read_splits
from .train import LinearConfig, annotated_to_posting, train_pipeline

FAMILIES = {
    "C-level CCO/CXO": ("cco_genuine", "cco_advisory", "cco_sales", "cco_contact_centre", "cco_cost",
                        "cxo_healthcare", "cxo_government"),
    "VP/head/director": ("vp_cx", "vp_customer_success", "head_support", "director_service",
                         "account_management"),
    "templates": ("template",),
    "other C-level": ("other_clevel",),
}


def writer_of(posting_id: str) -> str:
    """The writer (voice) of a corpus posting: its id's letter prefix."""
    return posting_id.rstrip("0123456789")


def _linear_eval(train: Sequence[AnnotatedPosting], test: Sequence[AnnotatedPosting],
                 config: LinearConfig) -> LineMetrics:
    from .build import evaluate_lines

    nlp = train_pipeline(train, config, calibrate=False)
    return evaluate_lines(nlp, test)


def _textcat_eval(train: Sequence[AnnotatedPosting], test: Sequence[AnnotatedPosting],
                  architecture: str, epochs: int = 8, seed: int = 0) -> LineMetrics:
    """spaCy ``textcat`` on the line text, with the section as a leading token."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    if architecture == "bow":
        model = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                 "ngram_size": 2, "no_output_layer": False, "length": 262144}
    else:
        model = {"@architectures": "spacy.TextCatEnsemble.v2",
                 "linear_model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                                  "ngram_size": 2, "no_output_layer": False, "length": 262144},
                 "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                             "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                                       "rows": [2000, 2000, 1000, 1000], "attrs": ["NORM", "LOWER", "PREFIX", "SUFFIX"],
                                       "include_static_vectors": False},
                             "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64,
                                        "window_size": 1, "maxout_pieces": 3, "depth": 2}}}
    textcat = nlp.add_pipe("textcat", config={"model": model})

    def rows(postings):
        for p in postings:
            posting = annotated_to_posting(p)
            for line, gold in zip(posting.lines, p.lines):
                yield f"sec_{line.section} {line.text}", gold.label

    from .corpus import LABELS

    for lab in LABELS:
        textcat.add_label(lab)
    train_rows = list(rows(train))
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {lab: float(lab == y) for lab in LABELS}})
                for t, y in train_rows]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer)
    test_rows = list(rows(test))
    gold, pred = [], []
    for (text, y), doc in zip(test_rows, nlp.pipe(t for t, _ in test_rows)):
        gold.append(y)
        pred.append(max(doc.cats, key=doc.cats.get))
    return line_metrics(gold, pred)


def _row(name: str, m: LineMetrics, seconds: float) -> dict:
    return {"model": name, **m.headline(), "train_and_eval_seconds": round(seconds, 1)}


def compare(corpus_dir: Path, splits_dir: Path, base: LinearConfig,
            textcat: bool = True) -> dict:
    """Run the dev comparison and the generalisation studies."""
    postings = read_corpus(corpus_dir)
    by_id = {p.id: p for p in postings}
    splits = read_splits(splits_dir)
    train = [by_id[i] for i in splits["train"] if i in by_id]
    dev = [by_id[i] for i in splits["dev"] if i in by_id]
    candidates: list[tuple[str, Callable[[], LineMetrics]]] = [
        (f"linear C={c}", lambda c=c: _linear_eval(train, dev, replace(base, C=c))) for c in (1.0, 4.0, 16.0, 32.0)
    ]
    candidates += [
        ("linear, no lexicon features", lambda: _linear_eval(train, dev, replace(base, use_lexicon=False))),
        ("linear, no section features", lambda: _linear_eval(train, dev, replace(base, use_section=False))),
        ("linear, no class weights", lambda: _linear_eval(train, dev, replace(base, class_weight=None))),
        ("linear, no character 4-grams", lambda: _linear_eval(train, dev, replace(base, char_ngrams=False))),
        ("linear, no heading words", lambda: _linear_eval(train, dev, replace(base, heading_words=False))),
        ("linear, no document context (one pass)", lambda: _linear_eval(train, dev, replace(base, context=False))),
    ]
    if textcat:
        candidates += [("spaCy textcat BOW", lambda: _textcat_eval(train, dev, "bow")),
                       ("spaCy textcat ensemble", lambda: _textcat_eval(train, dev, "ensemble"))]
    dev_rows = []
    for name, run in candidates:
        t0 = time.perf_counter()
        dev_rows.append(_row(name, run(), time.perf_counter() - t0))
        print(dev_rows[-1], flush=True)
    writers = defaultdict(list)
    for p in postings:
        writers[writer_of(p.id)].append(p)
    lowo = []
    for writer, held in sorted(writers.items()):
        rest = [p for p in postings if writer_of(p.id) != writer]
        m = _linear_eval(rest, held, base)
        lowo.append({"held_out_writer": writer, "postings": len(held), **m.headline()})
        print(lowo[-1], flush=True)
    held_arch = []
    for family, members in FAMILIES.items():
        held = [p for p in postings if p.archetype in members]
        rest = [p for p in postings if p.archetype not in members]
        if held and rest:
            m = _linear_eval(rest, held, base)
            held_arch.append({"held_out_family": family, "postings": len(held), **m.headline()})
            print(held_arch[-1], flush=True)
    return {"dev": dev_rows, "leave_one_writer_out": lowo, "held_out_archetype": held_arch,
            "markdown": _markdown(dev_rows, lowo, held_arch)}


def _table(rows: list[dict], first: str) -> list[str]:
    keys = ["requirement_vs_context_f1", "macro_f1_requirement_labels", "strategic_vs_tactical_accuracy"]
    out = [f"| {first} | req-vs-context F1 | macro-F1 (5 req. labels) | strat-vs-tact acc. |",
           "| --- | --- | --- | --- |"]
    for r in rows:
        label = r.get("model") or r.get("held_out_writer") or r.get("held_out_family")
        if "postings" in r:
            label = f"{label} ({r['postings']} postings)"
        out.append(f"| {label} | " + " | ".join(f"{r[k]:.3f}" for k in keys) + " |")
    return out


def _markdown(dev: list[dict], lowo: list[dict], arch: list[dict]) -> list[str]:
    out = ["Candidates trained on the train split, scored on the dev split:", ""]
    out += _table(dev, "model")
    if lowo:
        mean = {k: sum(r[k] for r in lowo) / len(lowo) for k in
                ("requirement_vs_context_f1", "macro_f1_requirement_labels", "strategic_vs_tactical_accuracy")}
        out += ["", "Leave one writer out (the chosen linear model trained on the other voices, "
                    "tested on the held-out voice):", ""]
        out += _table(lowo + [{"held_out_writer": "mean", **mean}], "held-out writer")
    if arch:
        out += ["", "Held-out archetype family (trained without it, tested on it):", ""]
        out += _table(arch, "held-out family")
    return out


if __name__ == "__main__":
    import argparse

    from .build import read_config

    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-textcat", action="store_true", help="skip the spaCy textcat candidates")
    parser.add_argument("--output", type=Path, default=root / "models" / "comparison.json")
    args = parser.parse_args()
    result = compare(root / "corpora" / "postings", root / "corpora" / "splits",
                     read_config(root / "configs" / "lines.cfg"), textcat=not args.no_textcat)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("\n".join(result["markdown"]))
