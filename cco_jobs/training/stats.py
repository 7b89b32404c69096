"""Corpus statistics for ``corpora/README.md``: ``python -m cco_jobs.training.stats``."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .compare import writer_of
from .corpus import LABELS, read_corpus


def corpus_stats(folder: str | Path) -> dict:
    """Counts of postings, lines, labels, archetypes, industries, formats, levels, writers."""
    postings = read_corpus(folder)
    labels: Counter[str] = Counter()
    second = 0
    words = []
    for p in postings:
        words.append(sum(len(line.text.split()) for line in p.lines))
        for line in p.lines:
            labels["heading" if line.is_heading else line.label] += 1
            second += line.second_label is not None
    meta = lambda key: Counter(p.meta[key] for p in postings)  # noqa: E731
    return {
        "postings": len(postings),
        "lines": sum(len(p.lines) for p in postings),
        "labels": {lab: labels.get(lab, 0) for lab in ("heading",) + LABELS},
        "second_labels": second,
        "words": {"min": min(words), "median": sorted(words)[len(words) // 2], "max": max(words)},
        "archetypes": dict(meta("archetype").most_common()),
        "industries": len(meta("industry")),
        "formats": dict(meta("format").most_common()),
        "spelling": dict(meta("spelling").most_common()),
        "sizes": dict(meta("size").most_common()),
        "commitment": dict(sorted(Counter(p.commitment for p in postings).items())),
        "writers": dict(sorted(Counter(writer_of(p.id) for p in postings).items())),
    }


if __name__ == "__main__":
    import json

    root = Path(__file__).resolve().parents[2]
    print(json.dumps(corpus_stats(root / "corpora" / "postings"), indent=2))
