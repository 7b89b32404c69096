"""Check the model against the labelled examples in source document 001.

Seed 001 quotes six requirements from real CCO postings and annotates each as tactical,
and praises a posting whose six bullets it annotates as strategic. This module reads those
sentences from the seed file itself (they are kept out of the corpus and the tests),
strips 001's commentary, and reports the model's label for each::

    python -m cco_jobs.training.seedcheck ../shared/seeds
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

#: The kind 001's commentary gives each tactical excerpt, in order (sales; contact centre x2;
#: cost cutting; contact centre; sales): see DOMAIN.md, "Tactical, in three kinds".
TACTICAL_KINDS = ("sales", "contact_centre", "contact_centre", "cost_cutting", "contact_centre", "sales")
def _strip_commentary(item: str) -> str:
    """Cut 001's annotation, which follows the requirement after an en dash (or, once,
    after a full stop: "Handling customer escalations. CCO role should not ...")."""
    item = re.split(r"–|\s-(?=[A-Z])|\.\s+CCO role", item, maxsplit=1)[0]
    return item.strip().rstrip(";").strip()


def seed_examples(seeds: str | Path) -> list[tuple[str, str]]:
    """``(sentence, expected label)`` for the twelve examples in seed 001."""
    path = next(Path(seeds).glob("001_*.txt"))
    text = path.read_text(encoding="utf-8")
    start = text.index("excerpted requirements")
    block = text[start:text.index("The above requirements hint")]
    tactical = [m.group(1) for m in re.finditer(r"^\s*\d\.\s+(.+)$", block, re.M)]
    start = text.index("As The Chief Customer Experience Officer, You Will")
    block = text[start:text.index("Other (top 10)")]
    strategic = [m.group(1) for m in re.finditer(r"^\s*•\s+(.+)$", block, re.M)]
    if len(tactical) != 6 or len(strategic) != 6:
        raise ValueError(f"{path}: expected 6 tactical and 6 strategic examples, "
                         f"found {len(tactical)} and {len(strategic)}")
    out = [(_strip_commentary(t), kind) for t, kind in zip(tactical, TACTICAL_KINDS)]
    out += [(_strip_commentary(s), "strategic") for s in strategic]
    return out


def check(seeds: str | Path, nlp=None) -> list[tuple[str, str, str, float]]:
    """``(sentence, expected, predicted, confidence)`` under the shipped (or given) model.

    Each sentence is analysed as a bullet under a responsibilities heading, as it stood in
    its posting: 001 quotes each tactical excerpt from a posting of its own, so each is
    read as a posting of one duty, and the six strategic bullets, which come from one
    posting, are read together. (Until session 10 all twelve were read as one posting,
    a block that mixes seven postings; the classifier's second pass reads a line's
    neighbours, so that block measured the mix more than the lines.)
    """
    from ..analysis import analyse_posting, load_pipeline
    from ..posting import Line, Posting

    nlp = nlp or load_pipeline()
    examples = seed_examples(seeds)
    tactical = [[example] for example in examples if example[1] != "strategic"]
    strategic = [example for example in examples if example[1] == "strategic"]
    out = []
    for group in [*tactical, strategic]:
        lines = [Line(n=1, text="Responsibilities", section="responsibilities", is_heading=True)]
        lines += [Line(n=i + 2, text=s, section="responsibilities", heading="Responsibilities",
                       is_bullet=True) for i, (s, _) in enumerate(group)]
        report = analyse_posting(Posting(lines=lines, title="Chief Customer Officer"), nlp=nlp)
        out += [(s, want, line.label, line.confidence) for (s, want), line in zip(group, report.lines[1:])]
    return out


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "seeds"
    results = check(seeds)
    for sentence, want, got, conf in results:
        mark = "ok " if want == got else "MISS"
        print(f"{mark} expected {want:15s} got {got:15s} ({conf:.2f})  {sentence[:70]}")
    print(f"{sum(w == g for _, w, g, _ in results)} of {len(results)} as 001 labels them")
