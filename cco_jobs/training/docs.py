"""Keep the README's model figures in step with the shipped model.

``python -m cco_jobs.training.docs`` rewrites the blocks of README.md between
``<!-- name:start -->`` and ``<!-- name:end -->`` markers from the shipped model:
``explain-score`` (the points table) and ``model-metrics`` (the headline figures).
``tests/test_docs.py`` fails when a block is stale.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def explain_score_block(model_dir: Path) -> str:
    from ..commitment import FEATURES

    data = json.loads((model_dir / "cco_jobs_commitment_scorer" / "model.json").read_text(encoding="utf-8"))
    weights = data["weights"]
    rows = [f"Base points (intercept): {25 * (data['intercept'] - 1):+.1f}", "",
            "| signal | feature | points at full value | source | meaning |", "| --- | --- | --- | --- | --- |"]
    for f in FEATURES:
        rows.append(f"| {f.signal} | `{f.name}` | {25 * weights.get(f.name, 0.0):+.1f} | {f.source} | {f.meaning} |")
    return "\n".join(rows)


def metrics_block(model_dir: Path) -> str:
    details = json.loads((model_dir / "train_details.json").read_text(encoding="utf-8"))
    m = details["metrics"]
    rows = ["| figure | corpus test split | held-out realism set |", "| --- | --- | --- |"]
    keys = [("requirement_vs_context_f1", "requirement-versus-context F1"),
            ("macro_f1_requirement_labels", "macro-F1, five requirement labels"),
            ("strategic_vs_tactical_accuracy", "strategic-versus-tactical accuracy"),
            ("expected_calibration_error", "expected calibration error")]
    test, held = m.get("test_lines") or {}, m.get("heldout_lines") or {}
    for key, name in keys:
        a = f"{test[key]:.3f}" if key in test else "-"
        b = f"{held[key]:.3f}" if key in held else "-"
        rows.append(f"| {name} | {a} | {b} |")
    ts, hs = m.get("test_scores") or {}, m.get("heldout_scores") or {}
    a = f"{ts['spearman']:.3f}" if ts else "-"
    b = f"{hs['spearman']:.3f}" if hs else "-"
    rows.append(f"| commitment score, Spearman with the 1-5 level | {a} | {b} |")
    d = details["data"]
    rows += ["", f"Trained on {d['splits']['train'] + d['splits']['dev']} corpus postings "
             f"({d['lines']} lines in the corpus); test split {d['splits']['test']} postings; "
             f"held-out realism set {m.get('heldout_postings', 0)} postings."]
    return "\n".join(rows)


def blocks(model_dir: Path = ROOT / "models" / "cco_lines") -> dict[str, str]:
    return {"explain-score": explain_score_block(model_dir), "model-metrics": metrics_block(model_dir)}


def render_readme(text: str, values: dict[str, str]) -> str:
    for name, body in values.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"README has no {name} block")
        text = pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
    return text


if __name__ == "__main__":
    readme = ROOT / "README.md"
    readme.write_text(render_readme(readme.read_text(encoding="utf-8"), blocks()), encoding="utf-8")
    print(f"updated {readme}")
