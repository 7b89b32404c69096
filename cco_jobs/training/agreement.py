"""Inter-annotator agreement: the second annotation against the corpus labels.

Two studies, each a folder: ``corpora/agreement/`` (lines of the one-hand postings) and
``corpora/agreement/blind/`` (lines of the blind-written postings of session 4).
``sample.tsv`` lists lines drawn at random (seeded) from the corpus;
``second_annotation.tsv`` holds an independent annotator's labels for them, made from
``corpora/GUIDELINES.md`` alone. This module computes Cohen's kappa on the primary label,
raw agreement, macro-F1 of one annotator against the other, and lists the disagreements.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from .corpus import LABELS, REQUIREMENT_LABELS
from .evaluate import line_metrics


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two label sequences."""
    n = len(a)
    if n == 0:
        return 0.0
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def agreement(folder: str | Path) -> dict:
    """Agreement figures between the first and the second annotation of the sample.

    ``first_annotation.tsv`` holds the corpus labels of the sampled lines as they were when
    the second annotator worked (the corpus was corrected afterwards, see
    ``resolution.tsv``), so the figure stays reproducible.
    """
    folder = Path(folder)
    first = {(r["posting"], r["line"]): r for r in _read_tsv(folder / "first_annotation.tsv")}
    texts = {(r["posting"], r["line"]): r["text"] for r in _read_tsv(folder / "sample.tsv")}
    first_labels, second_labels, disagreements = [], [], []
    for row in _read_tsv(folder / "second_annotation.tsv"):
        key = (row["posting"], row["line"])
        a = first[key]["label"]
        first_labels.append(a)
        second_labels.append(row["label"])
        if a != row["label"]:
            disagreements.append({"posting": key[0], "line": int(key[1]), "text": texts[key],
                                  "first": a, "second": row["label"]})
    m = line_metrics(first_labels, second_labels)
    req = [(x, y) for x, y in zip(first_labels, second_labels) if x != "context" or y != "context"]
    return {
        "n": len(first_labels),
        "kappa": round(cohen_kappa(first_labels, second_labels), 4),
        "agreement": round(sum(x == y for x, y in zip(first_labels, second_labels)) / max(len(first_labels), 1), 4),
        "n_requirement_lines": len(req),
        "kappa_requirement_lines": round(cohen_kappa([x for x, _ in req], [y for _, y in req]), 4),
        "macro_f1_requirement_labels": round(m.macro_f1, 4),
        "requirement_vs_context_f1": round(m.requirement_f1, 4),
        "confusion": {"labels": list(LABELS), "rows_first_columns_second": m.confusion},
        "per_label_f1": {lab: m.per_label[lab]["f1"] for lab in LABELS},
        "requirement_labels": list(REQUIREMENT_LABELS),
        "disagreements": disagreements,
    }


if __name__ == "__main__":  # python -m cco_jobs.training.agreement
    root = Path(__file__).resolve().parents[2] / "corpora" / "agreement"
    # the first study (one-hand postings) and the second (blind-written postings, blind/)
    for folder in (root, root / "blind"):
        result = agreement(folder)
        (folder / "agreement.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
        print(folder.name, {k: v for k, v in result.items() if k not in ("disagreements", "confusion")})
