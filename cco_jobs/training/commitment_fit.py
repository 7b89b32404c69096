"""Fit the commitment score's weights on the corpus postings' levels, and evaluate them.

The model is ridge regression (scikit-learn ``RidgeCV``, the penalty chosen by
leave-one-out over a small grid) of the 1-5 commitment level on the signal features of
:mod:`cco_jobs.commitment.score`. A linear model keeps the score additive: the points
``cco-jobs explain-score`` prints add up to the score. The signal readings are taken from
the trained line classifier's *predicted* labels, as at run time.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

from ..commitment import FEATURE_NAMES, Reading, ScoreModel, feature_values, read_signals
from ..commitment.score import peer_family
from .corpus import AnnotatedPosting

if TYPE_CHECKING:
    from spacy.language import Language

ALPHAS = (0.1, 0.3, 1.0, 3.0, 10.0)


def score_readings(nlp: "Language", postings: Sequence[AnnotatedPosting]) -> list[Reading]:
    """The signal readings of corpus postings under ``nlp`` (without scoring them)."""
    from .build import predict_postings

    disabled = [n for n in ("cco_jobs_commitment_scorer",) if n in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        return [read_signals(doc, p.meta.get("title")) for p, doc in predict_postings(nlp, postings)]


def fit_score_model(readings: Sequence[Reading], levels: Sequence[int],
                    families: Iterable[str] | None = None) -> ScoreModel:
    """Fit the ridge model and build the peer reference table from the fitted scores."""
    from sklearn.linear_model import RidgeCV

    X = np.array([[feature_values(r)[f] for f in FEATURE_NAMES] for r in readings])
    y = np.asarray(levels, dtype=float)
    ridge = RidgeCV(alphas=ALPHAS).fit(X, y)
    model = ScoreModel(intercept=float(ridge.intercept_),
                       weights={f: round(float(w), 4) for f, w in zip(FEATURE_NAMES, ridge.coef_)},
                       reference={}, alpha=float(ridge.alpha_))
    reference: dict[str, list[float]] = {}
    for reading in readings:
        score = min(100.0, max(0.0, model.raw_score(feature_values(reading))))
        reference.setdefault(peer_family(reading.level), []).append(round(score, 1))
        reference.setdefault("all", []).append(round(score, 1))
    model.reference = {k: sorted(v) for k, v in reference.items()}
    return model


def evaluate_scores(nlp: "Language", postings: Sequence[AnnotatedPosting]) -> dict:
    """Spearman correlation of score and level, and the low-versus-high ordering check."""
    from scipy.stats import spearmanr

    from .build import predict_postings

    scores, levels, ids = [], [], []
    for posting, doc in predict_postings(nlp, postings):
        scores.append(doc.user_data["cco_commitment"].score)
        levels.append(posting.commitment)
        ids.append(posting.id)
    rho = float(spearmanr(scores, levels).statistic) if len(set(levels)) > 1 else float("nan")
    low = [(i, s) for i, s, lv in zip(ids, scores, levels) if lv <= 2]
    high = [(i, s) for i, s, lv in zip(ids, scores, levels) if lv >= 4]
    violations = [{"low": li, "low_score": ls, "high": hi, "high_score": hs}
                  for li, ls in low for hi, hs in high if ls >= hs]
    return {"postings": len(ids), "spearman": round(rho, 4),
            "low_high_pairs": len(low) * len(high), "low_high_violations": violations,
            "scores": dict(zip(ids, scores)), "levels": dict(zip(ids, levels))}
