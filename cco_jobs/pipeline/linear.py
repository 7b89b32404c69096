"""The arithmetic of the linear line classifier, in NumPy: sums of weight rows, the L2
normalisation of binary features and the softmax (training fits the same model with
scikit-learn's ``LogisticRegression``; see :mod:`cco_jobs.training.train`)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .indexed import LineColumns


def column_sums(rows: "LineColumns | Sequence[tuple[Sequence[int], int]]", weights: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """For lines given as :class:`~.indexed.LineColumns` or as ``(feature columns, number
    of distinct features)``, the rows of ``weights`` summed over each line's columns, and
    each line's feature count."""
    if not isinstance(rows, LineColumns):
        rows = LineColumns.from_rows(rows)
    lengths = rows.lengths
    sums = np.zeros((len(lengths), weights.shape[1]), dtype=np.float32)
    if len(rows.columns):
        # one gather of every line's columns, then a sum per line over the lines that
        # have columns: their segments follow each other, so reduceat needs only their starts
        gathered = np.take(weights, rows.columns, axis=0)
        starts = np.cumsum(lengths) - lengths
        some = lengths > 0
        sums[some] = np.add.reduceat(gathered, starts[some], axis=0)
    return sums, rows.counts


def norm(counts: "Sequence[int] | np.ndarray") -> np.ndarray:
    """The L2 normalisation of binary features: the square root of their number (at least 1)."""
    return np.sqrt(np.maximum(np.asarray(counts, dtype=np.float32), 1.0))


def softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=1, keepdims=True)
