"""Rebuild the shipped pipeline from the corpus: ``cco-jobs train``.

Steps (each deterministic, so the same corpus gives the same metrics):

1. read ``corpora/postings`` and write the splits (:mod:`.splits`);
2. train the line classifier on train + dev with the config in ``configs/lines.cfg``
   (the config itself was chosen on dev, see :mod:`.compare`);
3. fit the commitment score on the train + dev postings' levels
   (:mod:`.commitment_fit`), with the peer reference table;
4. evaluate lines and scores on the test split, and save the pipeline, ``train_details.json``
   and the model card (``MODEL_CARD.md``) beside it.
"""
from __future__ import annotations

import configparser
import json
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .corpus import AnnotatedPosting, CorpusError, corpus_hash, read_corpus
from .evaluate import LineMetrics, line_metrics
from .splits import DEFAULT_SEED, write_splits
from .compare import writer_of
from .train import LinearConfig, annotated_to_posting, train_pipeline

if TYPE_CHECKING:
    from spacy.language import Language

#: The shipped pipeline's version, in every report and batch row: raised whenever the
#: shipped weights or score change, so that tables scored by different builds can be
#: told apart (0.1.0 was every build before December 2026's ingestion and score changes).
MODEL_VERSION = "0.10.1"


def read_config(path: str | Path | None) -> LinearConfig:
    """Read ``[linear]`` from a config file; defaults where it is absent."""
    if path is None or not Path(path).is_file():
        return LinearConfig()
    parser = configparser.ConfigParser()
    parser.read(path, encoding="utf-8")
    section = parser["linear"] if parser.has_section("linear") else {}
    base = LinearConfig()
    kwargs = {}
    for name, default in base.to_dict().items():
        if name in section:
            raw = section[name]
            if isinstance(default, bool):
                kwargs[name] = raw.strip().lower() in {"1", "true", "yes"}
            elif isinstance(default, int):
                kwargs[name] = int(raw)
            elif isinstance(default, float):
                kwargs[name] = float(raw)
            else:
                kwargs[name] = None if raw.strip().lower() in {"none", ""} else raw.strip()
    return LinearConfig(**kwargs)


def predict_postings(nlp: "Language", postings: Sequence[AnnotatedPosting]):
    """Run ``nlp`` over corpus postings; yield ``(posting, doc)``."""
    from ..pipeline.doc import posting_doc

    docs = (posting_doc(nlp, annotated_to_posting(p)) for p in postings)
    yield from zip(postings, nlp.pipe(docs))


def evaluate_lines(nlp: "Language", postings: Sequence[AnnotatedPosting]) -> LineMetrics:
    """Line metrics of ``nlp`` on ``postings``."""
    gold, pred, conf = [], [], []
    for posting, doc in predict_postings(nlp, postings):
        group = doc.spans["line_labels"]
        for line, span, score in zip(posting.lines, group, group.attrs["scores"]):
            gold.append(line.label)
            pred.append(span.label_)
            conf.append(score)
    return line_metrics(gold, pred, conf)


@dataclass
class BuildResult:
    nlp: "Language"
    details: dict


def build(corpus_dir: str | Path, out_dir: str | Path, *, config_path: str | Path | None = None,
          splits_dir: str | Path | None = None, seed: int = DEFAULT_SEED,
          progress: Iterable[str] | None = None) -> BuildResult:
    """Train and save the complete pipeline; return it with its ``train_details``."""
    from .commitment_fit import evaluate_scores, fit_score_model, score_readings

    corpus_dir = Path(corpus_dir)
    postings = read_corpus(corpus_dir)
    if not postings:
        raise CorpusError(f"{corpus_dir}: no corpus postings (*.txt) found")
    splits = write_splits([p.id for p in postings], splits_dir or corpus_dir.parent / "splits", seed)
    by_id = {p.id: p for p in postings}
    train = [by_id[i] for i in splits["train"] + splits["dev"]]
    test = [by_id[i] for i in splits["test"]]
    config = read_config(config_path)
    nlp = train_pipeline(train, config)
    nlp.add_pipe("cco_jobs_signal_ruler")
    nlp.add_pipe("cco_jobs_commitment_scorer")
    readings = score_readings(nlp, train)
    model = fit_score_model(readings, [p.commitment for p in train],
                            families=[p.archetype for p in train])
    nlp.get_pipe("cco_jobs_commitment_scorer").model = model
    test_metrics = evaluate_lines(nlp, test) if test else None
    score_metrics = evaluate_scores(nlp, test) if test else {}
    # postings written without labels in mind and annotated afterwards by another hand:
    # never trained on, the closest thing here to the real postings the model will meet
    heldout_dir = corpus_dir.parent / "heldout"
    heldout = read_corpus(heldout_dir) if heldout_dir.is_dir() else []
    heldout_metrics = evaluate_lines(nlp, heldout) if heldout else None
    heldout_scores = evaluate_scores(nlp, heldout) if heldout else {}
    by_writer: dict[str, dict] = {}  # each blind writer's voice on its own
    for writer in sorted({writer_of(p.id) for p in heldout}):
        group = [p for p in heldout if writer_of(p.id) == writer]
        by_writer[writer] = {"postings": len(group), "lines": evaluate_lines(nlp, group).to_dict(),
                             "scores": evaluate_scores(nlp, group)}
    import sklearn
    import spacy

    n_lines = sum(len(p.lines) for p in postings)
    details = {
        "model": {"name": "cco_lines", "version": MODEL_VERSION},
        "data": {
            "corpus": _shown(corpus_dir), "corpus_sha256": corpus_hash(corpus_dir),
            "postings": len(postings), "lines": n_lines, "seed": seed,
            "splits": {k: len(v) for k, v in splits.items()},
            "trained_on": "train+dev", "held_out_test_postings": splits["test"],
        },
        "config": {"linear": config.to_dict(),
                   "temperature": nlp.get_pipe("cco_jobs_line_classifier").temperature,
                   "score_model": {"kind": "ridge, sign-constrained", "alpha": model.alpha}},
        "libraries": {"spacy": spacy.__version__, "scikit-learn": sklearn.__version__,
                      "python": platform.python_version()},
        "metrics": {"test_lines": test_metrics.to_dict() if test_metrics else None,
                    "test_scores": score_metrics,
                    "heldout_lines": heldout_metrics.to_dict() if heldout_metrics else None,
                    "heldout_scores": heldout_scores,
                    "heldout_postings": len(heldout),
                    "heldout_by_writer": by_writer},
    }
    nlp.meta.update({"name": "cco_lines", "version": MODEL_VERSION,
                     "description": "cco_jobs line classifier, cue and signal rulers, commitment score",
                     "author": "cco_jobs", "license": "MIT"})
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    (out_dir / "train_details.json").write_text(json.dumps(details, indent=2) + "\n", encoding="utf-8")
    return BuildResult(nlp, details)


def _shown(path: Path) -> str:
    """A path as the model card shows it: relative to the repository when inside it."""
    root = Path(__file__).resolve().parents[2]
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)
