"""Fit the commitment score's weights on the corpus postings' levels, and evaluate them.

The model is ridge regression (scikit-learn ``Ridge``, the penalty chosen by
leave-one-out over a small grid) of the 1-5 commitment level on the signal features of
:mod:`cco_jobs.commitment.score`, each weight constrained to the sign DOMAIN.md gives its
signal (strong commitment up, weak down). A linear model keeps the score additive: the points
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

ALPHAS = (0.3, 1.0, 3.0, 10.0)


def score_readings(nlp: "Language", postings: Sequence[AnnotatedPosting]) -> list[Reading]:
    """The signal readings of corpus postings under ``nlp`` (without scoring them)."""
    from .build import predict_postings

    disabled = [n for n in ("cco_jobs_commitment_scorer",) if n in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        return [read_signals(doc, p.meta.get("title")) for p, doc in predict_postings(nlp, postings)]


def _fit_signed_ridge(X: np.ndarray, y: np.ndarray, signs: np.ndarray, alpha: float):
    """Ridge with each weight constrained to its DOMAIN.md sign (``positive=True`` on X*sign)."""
    from sklearn.linear_model import Ridge

    ridge = Ridge(alpha=alpha, positive=True).fit(X * signs, y)
    return ridge.coef_ * signs, float(ridge.intercept_)


def choose_alpha(X: np.ndarray, y: np.ndarray, signs: np.ndarray) -> float:
    """The penalty with the lowest leave-one-out squared error."""
    best, best_err = ALPHAS[0], np.inf
    for alpha in ALPHAS:
        err = 0.0
        for i in range(len(y)):
            keep = np.arange(len(y)) != i
            coef, intercept = _fit_signed_ridge(X[keep], y[keep], signs, alpha)
            err += float((X[i] @ coef + intercept - y[i]) ** 2)
        if err < best_err:
            best, best_err = alpha, err
    return best


def fit_score_model(readings: Sequence[Reading], levels: Sequence[int],
                    families: Iterable[str] | None = None) -> ScoreModel:
    """Fit the sign-constrained ridge model and the peer reference table."""
    from ..commitment.score import FEATURES

    X = np.array([[feature_values(r)[f] for f in FEATURE_NAMES] for r in readings])
    y = np.asarray(levels, dtype=float)
    signs = np.array([f.sign for f in FEATURES], dtype=float)
    alpha = choose_alpha(X, y, signs)
    coef, intercept = _fit_signed_ridge(X, y, signs, alpha)
    model = ScoreModel(intercept=intercept,
                       weights={f: round(float(w), 4) for f, w in zip(FEATURE_NAMES, coef)},
                       reference={}, alpha=alpha)
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
