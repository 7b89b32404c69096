"""Inter-annotator agreement: the second annotation against the corpus labels.

``corpora/agreement/sample.tsv`` lists lines drawn at random (seeded) from the corpus;
``second_annotation.tsv`` holds an independent annotator's labels for them, made from
``corpora/GUIDELINES.md`` alone. This module computes Cohen's kappa on the primary label,
raw agreement, macro-F1 of one annotator against the other, and lists the disagreements.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from .corpus import LABELS, REQUIREMENT_LABELS, read_corpus
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


def agreement(corpus_dir: str | Path, folder: str | Path) -> dict:
    """Agreement figures between the corpus (first annotator) and the second annotation."""
    folder = Path(folder)
    gold = {(p.id, i + 1): line for p in read_corpus(corpus_dir) for i, line in enumerate(p.lines)}
    second = _read_tsv(folder / "second_annotation.tsv")
    sample = _read_tsv(folder / "sample.tsv")
    texts = {(r["posting"], int(r["line"])): r["text"] for r in sample}
    first_labels, second_labels, disagreements = [], [], []
    for row in second:
        key = (row["posting"], int(row["line"]))
        line = gold.get(key)
        if line is None or line.text != texts.get(key):
            continue  # the corpus line changed since the sample was drawn
        first_labels.append(line.label)
        second_labels.append(row["label"])
        if line.label != row["label"]:
            disagreements.append({"posting": key[0], "line": key[1], "text": line.text,
                                  "first": line.label, "second": row["label"]})
    m = line_metrics(first_labels, second_labels)
    req = [(x, y) for x, y in zip(first_labels, second_labels)]
    return {
        "n": len(first_labels),
        "kappa": round(cohen_kappa(first_labels, second_labels), 4),
        "agreement": round(sum(x == y for x, y in req) / max(len(req), 1), 4),
        "macro_f1_requirement_labels": round(m.macro_f1, 4),
        "requirement_vs_context_f1": round(m.requirement_f1, 4),
        "confusion": {"labels": list(LABELS), "rows_first_columns_second": m.confusion},
        "per_label_f1": {lab: m.per_label[lab]["f1"] for lab in LABELS},
        "requirement_labels": list(REQUIREMENT_LABELS),
        "disagreements": disagreements,
    }


if __name__ == "__main__":  # python -m cco_jobs.training.agreement
    root = Path(__file__).resolve().parents[2]
    result = agreement(root / "corpora" / "postings", root / "corpora" / "agreement")
    (root / "corpora" / "agreement" / "agreement.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print({k: v for k, v in result.items() if k not in ("disagreements", "confusion")})
