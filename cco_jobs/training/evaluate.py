"""Metrics of the line classifier, as the model card and ``cco-jobs evaluate`` report them.

The headline figures follow ``shared/design/TARGETS.md``:

- **requirement-versus-context F1**: F1 of "is a requirement" (any of the five
  requirement labels) against ``context``;
- **macro-F1 over the five requirement labels**: the mean of the per-label F1 of
  ``strategic``, ``sales``, ``contact_centre``, ``cost_cutting`` and ``neutral``, from the
  six-way predictions on every line;
- **strategic-versus-tactical accuracy**: over the lines whose gold label is strategic or
  one of the three tactical kinds, the share whose prediction falls in the same group
  (a prediction of ``neutral`` or ``context`` counts as wrong);
- **expected calibration error**: ten equal-width confidence bins, the weighted mean gap
  between confidence and accuracy.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .corpus import LABELS, REQUIREMENT_LABELS, TACTICAL_LABELS


def _group(label: str) -> str:
    if label == "strategic":
        return "strategic"
    if label in TACTICAL_LABELS:
        return "tactical"
    return "other"


@dataclass
class LineMetrics:
    """Per-label and headline metrics of one evaluation."""

    n_lines: int
    per_label: dict[str, dict[str, float]]
    confusion: list[list[int]]
    requirement_f1: float
    macro_f1: float
    strategic_tactical_accuracy: float
    accuracy: float
    ece: float | None = None
    extra: dict[str, float] = field(default_factory=dict)

    def headline(self) -> dict[str, float]:
        out = {
            "requirement_vs_context_f1": round(self.requirement_f1, 4),
            "macro_f1_requirement_labels": round(self.macro_f1, 4),
            "strategic_vs_tactical_accuracy": round(self.strategic_tactical_accuracy, 4),
            "accuracy": round(self.accuracy, 4),
        }
        if self.ece is not None:
            out["expected_calibration_error"] = round(self.ece, 4)
        return out

    def to_dict(self) -> dict:
        return {
            "n_lines": self.n_lines,
            **self.headline(),
            "per_label": self.per_label,
            "confusion": {"labels": list(LABELS), "matrix": self.confusion},
            **self.extra,
        }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def line_metrics(
    gold: Sequence[str],
    pred: Sequence[str],
    confidence: Sequence[float] | None = None,
) -> LineMetrics:
    """Compute :class:`LineMetrics` for aligned gold and predicted labels."""
    if len(gold) != len(pred):
        raise ValueError("gold and predicted labels differ in length")
    index = {lab: i for i, lab in enumerate(LABELS)}
    confusion = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    for g, p in zip(gold, pred):
        confusion[index[g], index[p]] += 1
    per_label = {}
    for lab, i in index.items():
        tp = int(confusion[i, i])
        p, r, f = _prf(tp, int(confusion[:, i].sum()) - tp, int(confusion[i, :].sum()) - tp)
        per_label[lab] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                          "support": int(confusion[i, :].sum())}
    is_req_g = np.array([g != "context" for g in gold])
    is_req_p = np.array([p != "context" for p in pred])
    _, _, req_f1 = _prf(int((is_req_g & is_req_p).sum()), int((~is_req_g & is_req_p).sum()),
                        int((is_req_g & ~is_req_p).sum()))
    macro = float(np.mean([per_label[lab]["f1"] for lab in REQUIREMENT_LABELS]))
    st = [(g, p) for g, p in zip(gold, pred) if _group(g) != "other"]
    st_acc = float(np.mean([_group(g) == _group(p) for g, p in st])) if st else 0.0
    accuracy = float(np.mean([g == p for g, p in zip(gold, pred)])) if gold else 0.0
    ece = expected_calibration_error(confidence, [g == p for g, p in zip(gold, pred)]) \
        if confidence is not None else None
    return LineMetrics(len(gold), per_label, confusion.tolist(), req_f1, macro, st_acc,
                       accuracy, ece)


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool],
                               bins: int = 10) -> float:
    """Weighted mean |accuracy - confidence| over equal-width confidence bins."""
    conf = np.asarray(confidence, dtype=float)
    hit = np.asarray(correct, dtype=float)
    if not len(conf):
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(conf, edges[1:-1]), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            ece += mask.mean() * abs(hit[mask].mean() - conf[mask].mean())
    return float(ece)


def format_report(metrics: LineMetrics, title: str = "") -> str:
    """A plain-text table of per-label scores, the headline figures and the confusion matrix."""
    rows = [title] if title else []
    rows.append(f"{'label':16s}{'precision':>10s}{'recall':>10s}{'f1':>10s}{'support':>10s}")
    for lab in LABELS:
        s = metrics.per_label[lab]
        rows.append(f"{lab:16s}{s['precision']:10.3f}{s['recall']:10.3f}{s['f1']:10.3f}"
                    f"{s['support']:10d}")
    rows.append("")
    for key, value in metrics.headline().items():
        rows.append(f"{key:34s}{value:.3f}")
    rows.append("")
    short = [lab[:8] for lab in LABELS]
    rows.append("confusion (rows gold, columns predicted)")
    rows.append(" " * 16 + "".join(f"{s:>10s}" for s in short))
    for lab, row in zip(LABELS, metrics.confusion):
        rows.append(f"{lab:16s}" + "".join(f"{v:10d}" for v in row))
    return "\n".join(rows)
