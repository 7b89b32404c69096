"""The arithmetic of the linear line classifier, in NumPy: sums of weight rows, the L2
normalisation of binary features and the softmax (training fits the same model with
scikit-learn's ``LogisticRegression``; see :mod:`cco_jobs.training.train`)."""
from __future__ import annotations

from itertools import chain
from typing import Sequence

import numpy as np


def column_sums(rows: Sequence[tuple[Sequence[int], int]], weights: np.ndarray
                ) -> tuple[np.ndarray, list[int]]:
    """For lines given as ``(feature columns, number of distinct features)``, the rows of
    ``weights`` summed over each line's columns, and each line's feature count."""
    counts = [count for _, count in rows]
    lengths = np.fromiter((len(columns) for columns, _ in rows), dtype=np.intp, count=len(rows))
    sums = np.zeros((len(rows), weights.shape[1]), dtype=np.float32)
    total = int(lengths.sum())
    if total:
        # one gather of every line's columns (np.take and fromiter: a third of the time of
        # fancy indexing a list), then a sum per line over the lines that have columns:
        # their segments follow each other, so reduceat needs only their starts
        index = np.fromiter(chain.from_iterable(columns for columns, _ in rows),
                            dtype=np.intp, count=total)
        gathered = np.take(weights, index, axis=0)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        some = lengths > 0
        sums[some] = np.add.reduceat(gathered, starts[some], axis=0)
    return sums, counts


def norm(counts: Sequence[int]) -> np.ndarray:
    """The L2 normalisation of binary features: the square root of their number (at least 1)."""
    return np.sqrt(np.maximum(np.asarray(counts, dtype=np.float32), 1.0))


def softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=1, keepdims=True)
