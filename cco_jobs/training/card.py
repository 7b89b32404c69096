"""Write the model card (``MODEL_CARD.md``) from ``train_details.json`` and the studies.

The card gathers what a user of the model needs in one page: the data and its hash, the
config, library versions, the test metrics, the model comparison and held-out-archetype
study (``models/comparison.json``, written by :mod:`.compare`), the inter-annotator
agreement (``corpora/agreement/agreement.json`` and ``blind/agreement.json``) and the known weaknesses
(``models/card_notes.md``, written by hand).
"""
from __future__ import annotations

import json
from pathlib import Path

from .corpus import LABELS


def _load(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def write_model_card(model_dir: str | Path, details: dict) -> Path:
    """Render the card into ``<model_dir>/../MODEL_CARD.md`` and return its path."""
    model_dir = Path(model_dir)
    root = model_dir.parent
    comparison = _load(root / "comparison.json")
    agreement = _load(root.parent / "corpora" / "agreement" / "agreement.json")
    blind = _load(root.parent / "corpora" / "agreement" / "blind" / "agreement.json")
    notes = root / "card_notes.md"
    d, m = details["data"], details["metrics"]
    out = [f"# Model card: {details['model']['name']} {details['model']['version']}", ""]
    out += ["The pipeline `cco-jobs` loads by default: a spaCy pipeline (blank English "
            "tokenizer) with `cco_jobs_cue_ruler` (domain lexicon), `cco_jobs_line_classifier` "
            "(linear model over line features, NumPy inference), `cco_jobs_signal_ruler` "
            "(Matcher patterns for the commitment signals) and `cco_jobs_commitment_scorer` "
            "(ridge score model). Rebuild it with `cco-jobs train`.", ""]
    out += ["## Data", "",
            f"- corpus: `{d['corpus']}`, {d['postings']} postings, {d['lines']} lines, "
            f"sha256 `{d['corpus_sha256'][:16]}…`",
            f"- splits by posting (seed {d['seed']}): " + ", ".join(f"{k} {v}" for k, v in d["splits"].items()),
            f"- trained on {d['trained_on']}; the {len(d['held_out_test_postings'])} test postings "
            "are listed in `train_details.json` and were never trained on (see the caveat under "
            "\"How the settings were chosen\")", ""]
    if agreement:
        out += ["- inter-annotator agreement on "
                f"{agreement['n']} double-annotated lines: Cohen's kappa {agreement['kappa']:.3f}, "
                f"raw agreement {agreement['agreement']:.3f} (see `corpora/README.md`)", ""]
    if blind:
        out += [f"- the same on {blind['n']} lines of blind-written postings: Cohen's kappa "
                f"{blind['kappa']:.3f} ({blind['kappa_requirement_lines']:.3f} on requirement lines), "
                f"macro-F1 of one annotation against the other {blind['macro_f1_requirement_labels']:.3f} "
                "over the five requirement labels: the nearer ceiling for the held-out figures", ""]
    out += ["## Config", "", "```json", json.dumps(details["config"], indent=2), "```", "",
            "Libraries: " + ", ".join(f"{k} {v}" for k, v in details["libraries"].items()), ""]
    lines = m.get("test_lines")
    if lines:
        out += ["## Metrics on the test split", "", "| metric | value |", "| --- | --- |"]
        for key in ("requirement_vs_context_f1", "macro_f1_requirement_labels",
                    "strategic_vs_tactical_accuracy", "accuracy", "expected_calibration_error"):
            if key in lines:
                out.append(f"| {key.replace('_', ' ')} | {lines[key]:.3f} |")
        out += ["", "| label | precision | recall | F1 | support |", "| --- | --- | --- | --- | --- |"]
        for lab in LABELS:
            s = lines["per_label"][lab]
            out.append(f"| {lab} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['support']} |")
        out += ["", "Confusion matrix (rows gold, columns predicted):", "",
                "| | " + " | ".join(LABELS) + " |", "|" + " --- |" * (len(LABELS) + 1)]
        for lab, row in zip(LABELS, lines["confusion"]["matrix"]):
            out.append(f"| {lab} | " + " | ".join(str(v) for v in row) + " |")
        out.append("")
    scores = m.get("test_scores")
    if scores:
        out += ["## Commitment score on the test split", "",
                f"- Spearman correlation with the 1-5 level: {scores['spearman']:.3f} "
                f"({scores['postings']} postings)",
                f"- level-1/2 postings scoring at or above a level-4/5 posting: "
                f"{len(scores['low_high_violations'])} of {scores['low_high_pairs']} pairs", ""]
        for v in scores["low_high_violations"]:
            out.append(f"  - {v['low']} (level ≤2, score {v['low_score']}) vs {v['high']} "
                       f"(level ≥4, score {v['high_score']})")
        out.append("")
    held = m.get("heldout_lines")
    if held:
        hs = m.get("heldout_scores") or {}
        out += ["## Held-out realism set", "",
                f"{m['heldout_postings']} postings in `corpora/heldout/` were written as plain job postings, "
                "with no labels in mind, and annotated afterwards by a different annotator. They are never "
                "trained on: the nearest thing here to the real postings the model will meet.", "",
                "| metric | value |", "| --- | --- |"]
        for key in ("requirement_vs_context_f1", "macro_f1_requirement_labels",
                    "strategic_vs_tactical_accuracy", "accuracy", "expected_calibration_error"):
            if key in held:
                out.append(f"| {key.replace('_', ' ')} | {held[key]:.3f} |")
        if hs:
            out.append(f"| commitment score Spearman | {hs['spearman']:.3f} |")
        out.append("")
        by_writer = m.get("heldout_by_writer") or {}
        if by_writer:
            out += ["By writer (each a voice of its own, labelled by another hand; see `corpora/README.md`):", "",
                    "| writer | postings | req-vs-context F1 | macro-F1 (5 req. labels) | strat-vs-tact acc. "
                    "| score Spearman |", "| --- | --- | --- | --- | --- | --- |"]
            for writer, row in by_writer.items():
                lines = row["lines"]
                rho = row["scores"].get("spearman")
                out.append(f"| {writer} | {row['postings']} | {lines['requirement_vs_context_f1']:.3f} | "
                           f"{lines['macro_f1_requirement_labels']:.3f} | "
                           f"{lines['strategic_vs_tactical_accuracy']:.3f} | "
                           f"{'-' if rho is None else f'{rho:.3f}'} |")
            out.append("")
    if comparison:
        out += ["## Model comparison (dev split) and generalisation", ""]
        out += comparison.get("markdown", [])
        out.append("")
    if notes.is_file():
        out += [notes.read_text(encoding="utf-8").strip(), ""]
    path = root / "MODEL_CARD.md"
    path.write_text("\n".join(out), encoding="utf-8")
    return path
