"""Does reading more voices help a voice the model has never read?

The study behind model 0.10.0 (``corpora/README.md``, "The held-out realism set"). The
blind-written postings are split into folds by writer; for each fold, two models are
compared on it: one trained on the base postings alone, one trained on the base postings
and the other folds' writers. A writer's postings are never on both sides.

It is the one-pass model (each line's own features, :func:`.train.fit_linear`), so the
study runs in about two minutes; the shipped model adds document context on top::

    python -m cco_jobs.training.voices --base corpora/postings --splits corpora/splits \\
        --blind corpora/heldout

At commit 30ab3eb (the 274 blind postings of thirty writers still held out) it printed
macro-F1 0.728 -> 0.749 and strategic-versus-tactical accuracy 0.789 -> 0.810
(requirement-versus-context F1 0.947 both).
"""
from __future__ import annotations

import random
from typing import Sequence

from .compare import writer_of
from .corpus import AnnotatedPosting
from .evaluate import LineMetrics, line_metrics
from .train import LinearConfig, LineExamples, base_pipeline, featurize, fit_linear, linear_logits


def writer_folds(postings: Sequence[AnnotatedPosting], folds: int = 5, seed: int = 0) -> list[set[str]]:
    """The writers of ``postings`` dealt into ``folds`` groups, shuffled by ``seed``."""
    writers = sorted({writer_of(p.id) for p in postings})
    if len(writers) < folds:
        raise ValueError(f"{len(writers)} writers cannot make {folds} folds")
    random.Random(seed).shuffle(writers)
    return [set(writers[k::folds]) for k in range(folds)]


def _predict(examples: LineExamples, rows: Sequence[int], model) -> list[str]:
    labels = model[0]
    return [labels[k] for k in linear_logits([examples.features[i] for i in rows], model).argmax(axis=1)]


def more_voices(base: Sequence[AnnotatedPosting], blind: Sequence[AnnotatedPosting],
                config: LinearConfig = LinearConfig(), folds: int = 5,
                seed: int = 0) -> tuple[LineMetrics, LineMetrics]:
    """The blind postings' line metrics, each fold read by a model trained on ``base``
    alone and by one trained on ``base`` plus the other folds: ``(without, with)``."""
    shared = {writer_of(p.id) for p in base} & {writer_of(p.id) for p in blind}
    if shared:
        raise ValueError(f"writers in both the base and the blind postings: {', '.join(sorted(shared))}")
    nlp = base_pipeline(config)
    own, other = featurize(nlp, base, config), featurize(nlp, blind, config)
    alone = fit_linear(own, config)
    gold: list[str] = []
    without: list[str] = []
    with_more: list[str] = []
    for fold in writer_folds(blind, folds, seed):
        test = [i for i, g in enumerate(other.groups) if writer_of(g) in fold]
        rest = [i for i, g in enumerate(other.groups) if writer_of(g) not in fold]
        more = fit_linear(LineExamples(own.features + [other.features[i] for i in rest],
                                       own.labels + [other.labels[i] for i in rest],
                                       own.groups + [other.groups[i] for i in rest], [], []), config)
        gold += [other.labels[i] for i in test]
        without += _predict(other, test, alone)
        with_more += _predict(other, test, more)
    return line_metrics(gold, without), line_metrics(gold, with_more)


if __name__ == "__main__":
    import argparse
    from pathlib import Path

    from .build import read_config
    from .corpus import read_corpus
    from .splits import read_splits

    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=root / "corpora" / "postings")
    parser.add_argument("--splits", type=Path, default=root / "corpora" / "splits")
    parser.add_argument("--blind", type=Path, default=root / "corpora" / "heldout")
    parser.add_argument("--config", type=Path, default=root / "configs" / "lines.cfg")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    splits = read_splits(args.splits)
    by_id = {p.id: p for p in read_corpus(args.base)}
    base = [by_id[i] for i in splits["train"] + splits["dev"]]
    before, after = more_voices(base, read_corpus(args.blind), read_config(args.config), args.folds)
    for name, m in (("base alone", before), ("with the other writers", after)):
        print(f"{name:24s} requirement-vs-context {m.requirement_f1:.3f}  macro-F1 {m.macro_f1:.3f}  "
              f"strategic-vs-tactical {m.strategic_tactical_accuracy:.3f}")
