"""``cco-jobs train``, ``evaluate`` and ``explain-score``: the model's own commands."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .main import cli, model_option, reports_errors

_ROOT = Path(__file__).resolve().parents[2]


@cli.command("train")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=_ROOT / "corpora" / "postings", show_default=True,
              help="Folder of annotated corpus postings (*.txt, see corpora/FORMAT.md).")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path),
              default=_ROOT / "models" / "cco_lines", show_default=True,
              help="Where to save the trained pipeline.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              default=_ROOT / "configs" / "lines.cfg", show_default=True,
              help="Hyper-parameters of the line classifier.")
@click.option("--splits", "splits_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the split files (default: beside the corpus folder, in splits/).")
@click.option("--card/--no-card", default=True, show_default=True,
              help="Write MODEL_CARD.md beside the pipeline.")
@reports_errors
def train_command(corpus: Path, output: Path, config_path: Path, splits_dir: Path | None,
                  card: bool) -> None:
    """Rebuild the pipeline from the annotated corpus, deterministically.

    Trains the line classifier on the train and dev postings, fits the commitment score,
    evaluates both on the test postings and saves the pipeline with train_details.json.

    \b
    Example:
      cco-jobs train --corpus corpora/postings --output models/cco_lines
    """
    from ..training.build import build
    from ..training.card import write_model_card

    result = build(corpus, output, config_path=config_path, splits_dir=splits_dir)
    if card:
        write_model_card(output, result.details)
    lines = result.details["metrics"]["test_lines"]
    scores = result.details["metrics"]["test_scores"]
    click.echo(f"saved {output}")
    if lines:
        click.echo("test: " + ", ".join(f"{k}={v}" for k, v in lines.items()
                                         if isinstance(v, float)))
    if scores:
        click.echo(f"test score spearman={scores['spearman']} "
                   f"low/high violations={len(scores['low_high_violations'])}")


@cli.command("evaluate")
@click.option("--split", type=click.Choice(["train", "dev", "test", "all"]), default="test",
              show_default=True, help="Which corpus split to evaluate on.")
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=None,
              help="A corpus-format posting file or folder to evaluate on instead of a split.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=_ROOT / "corpora" / "postings", show_default=True, help="The corpus folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@model_option
@reports_errors
def evaluate_command(split: str, data: Path | None, corpus: Path, as_json: bool,
                     model_path: str | None) -> None:
    """Print per-label precision, recall and F1, the headline figures and a confusion matrix.

    \b
    Examples:
      cco-jobs evaluate
      cco-jobs evaluate --split dev --json
      cco-jobs evaluate --data my_annotated_postings/
    """
    from ..analysis import load_pipeline
    from ..training.build import evaluate_lines
    from ..training.commitment_fit import evaluate_scores
    from ..training.corpus import parse_posting, read_corpus, read_text
    from ..training.evaluate import format_report
    from ..training.splits import read_splits

    nlp = load_pipeline(model_path)
    if data is not None:
        if data.is_dir():
            postings = read_corpus(data)
        else:
            postings = [parse_posting(read_text(data), str(data))]
        name = str(data)
    else:
        postings = read_corpus(corpus)
        if split != "all":
            keep = set(read_splits(corpus.parent / "splits")[split])
            postings = [p for p in postings if p.id in keep]
        name = f"{split} split"
        trained_on = _trained_on(model_path)
        if split != "test" and split in trained_on.split("+") or split == "all":
            name += " (in-sample: the model was trained on it)"
    if not postings:
        raise click.ClickException(f"{name}: no postings to evaluate")
    metrics = evaluate_lines(nlp, postings)
    scores = evaluate_scores(nlp, postings)
    if as_json:
        click.echo(json.dumps({"data": name, "lines": metrics.to_dict(),
                               "scores": {k: v for k, v in scores.items() if k not in ("scores", "levels")}},
                              indent=2))
        return
    click.echo(format_report(metrics, f"{name}: {len(postings)} postings, {metrics.n_lines} lines"))
    click.echo("")
    click.echo(f"commitment score: spearman {scores['spearman']:.3f} with the 1-5 level; "
               f"{len(scores['low_high_violations'])} of {scores['low_high_pairs']} level-1/2 vs "
               f"level-4/5 pairs out of order")


@cli.command("explain-score")
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@model_option
@reports_errors
def explain_score_command(as_json: bool, model_path: str | None) -> None:
    """Print the commitment score's points per signal, with the source document for each.

    The score is 25 x (intercept - 1) plus, for each signal feature, weight x value x 25
    (values are 0/1 flags or shares), clipped to 0-100.

    \b
    Example:
      cco-jobs explain-score
    """
    from ..analysis import load_pipeline
    from ..commitment import FEATURES

    model = load_pipeline(model_path).get_pipe("cco_jobs_commitment_scorer").model
    rows = [{"feature": f.name, "signal": f.signal, "meaning": f.meaning,
             "points_at_full_value": round(25 * model.weights.get(f.name, 0.0), 1),
             "source": f.source} for f in FEATURES]
    base = round(25 * (model.intercept - 1), 1)
    if as_json:
        click.echo(json.dumps({"base_points": base, "features": rows}, indent=2))
        return
    click.echo(f"base points (intercept): {base:+.1f}")
    click.echo(f"{'signal':16s}{'feature':28s}{'points':>8s}  source    meaning")
    for r in rows:
        click.echo(f"{r['signal']:16s}{r['feature']:28s}{r['points_at_full_value']:+8.1f}  "
                   f"{r['source']:9s} {r['meaning']}")


def _trained_on(model_path: str | None) -> str:
    """Which splits the pipeline was trained on, from its train_details.json."""
    from ..analysis import default_model_path

    details = Path(model_path or default_model_path()) / "train_details.json"
    try:
        return json.loads(details.read_text(encoding="utf-8"))["data"]["trained_on"]
    except (OSError, ValueError, KeyError):
        return ""
