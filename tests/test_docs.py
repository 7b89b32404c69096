"""The README's model figures match the shipped model."""
from __future__ import annotations

from cco_jobs.training.docs import ROOT, blocks, render_readme


def test_readme_blocks_are_up_to_date():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert render_readme(text, blocks()) == text, "run `python -m cco_jobs.training.docs`"
