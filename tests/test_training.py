"""Training: splits, metrics, kappa, `cco-jobs train` and `evaluate` on a tiny corpus."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from click.testing import CliRunner

from cco_jobs.cli import cli
from cco_jobs.training.agreement import cohen_kappa
from cco_jobs.training.corpus import CorpusError, parse_posting, read_corpus
from cco_jobs.training.evaluate import expected_calibration_error, line_metrics
from cco_jobs.training.splits import assign_splits, read_splits, split_of

ROOT = Path(__file__).resolve().parents[1]


def test_splits_are_stable_as_the_corpus_grows():
    ids = [f"p{i:03d}" for i in range(200)]
    before = assign_splits(ids[:150])
    after = assign_splits(ids)
    for name, members in before.items():
        assert set(members) <= set(after[name])
    assert abs(len(after["train"]) / 200 - 0.7) < 0.1


def test_committed_split_files_follow_the_rule():
    splits = read_splits(ROOT / "corpora" / "splits")
    corpus_ids = {p.id for p in read_corpus(ROOT / "corpora" / "postings")}
    listed = [i for members in splits.values() for i in members]
    assert len(listed) == len(set(listed)), "a posting is in two splits"
    assert set(listed) == corpus_ids
    for name, members in splits.items():
        assert all(split_of(i) == name for i in members)


def test_corpus_files_are_valid_and_big_enough():
    postings = read_corpus(ROOT / "corpora" / "postings")
    assert len(postings) >= 150
    assert sum(len(p.lines) for p in postings) >= 4000


@pytest.mark.parametrize("text, message", [
    ("@id: x\n", "no '---'"),
    ("@id: x\n---\ncontext\tA line.\n", "header lacks"),
])
def test_corpus_errors_name_the_problem(text, message):
    with pytest.raises(CorpusError, match=message):
        parse_posting(text, "x.txt")


def test_line_metrics_on_a_hand_checked_example():
    gold = ["context", "strategic", "sales", "contact_centre", "cost_cutting", "neutral", "strategic"]
    pred = ["context", "strategic", "contact_centre", "contact_centre", "strategic", "neutral", "context"]
    m = line_metrics(gold, pred)
    assert m.per_label["strategic"]["precision"] == 0.5 and m.per_label["strategic"]["recall"] == 0.5
    # strategic/tactical: 5 gold lines in those groups, group right for s, cc, (sales->cc) = 3
    assert m.strategic_tactical_accuracy == pytest.approx(3 / 5)
    # requirement vs context: 6 gold requirements, 5 found, 0 false alarms
    assert m.requirement_f1 == pytest.approx(2 * 1.0 * (5 / 6) / (1.0 + 5 / 6))
    assert sum(map(sum, m.confusion)) == len(gold)


def test_calibration_error_is_zero_when_confidence_matches_accuracy():
    assert expected_calibration_error([0.75] * 4, [True, True, True, False]) == pytest.approx(0.0)
    assert expected_calibration_error([1.0, 1.0], [False, False]) == pytest.approx(1.0)


def test_cohen_kappa_known_values():
    assert cohen_kappa(list("aabb"), list("aabb")) == 1.0
    assert cohen_kappa(list("abab"), list("aabb")) == pytest.approx(0.0)


def test_train_command_on_a_tiny_corpus_makes_a_loadable_deterministic_model(tmp_path, tiny_corpus_dir):
    runner = CliRunner()
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run / "model"
        result = runner.invoke(cli, ["train", "--corpus", str(tiny_corpus_dir), "--output", str(out),
                                     "--splits", str(tmp_path / run / "splits"), "--no-card",
                                     "--config", str(tmp_path / "missing.cfg")])
        assert result.exit_code == 0, result.output
        outs.append(out)
    nlp = spacy.load(outs[0])
    assert nlp.pipe_names == ["cco_jobs_cue_ruler", "cco_jobs_line_classifier",
                              "cco_jobs_signal_ruler", "cco_jobs_commitment_scorer"]
    w = [np.load(o / "cco_jobs_line_classifier" / "weights.npz")["weights"] for o in outs]
    np.testing.assert_array_equal(w[0], w[1])
    details = [json.loads((o / "train_details.json").read_text()) for o in outs]
    assert details[0]["metrics"] == details[1]["metrics"]
    assert details[0]["data"]["corpus_sha256"] == details[1]["data"]["corpus_sha256"]

    from cco_jobs.analysis import analyse

    report = analyse("Customer Care Manager\nSupervise the agents on the phone and chat queues every shift.",
                     nlp=nlp)
    assert report.lines[-1].label == "contact_centre"


def test_evaluate_command_prints_per_label_scores_and_a_confusion_matrix(tmp_path, tiny_corpus_dir):
    runner = CliRunner()
    out = tmp_path / "model"
    runner.invoke(cli, ["train", "--corpus", str(tiny_corpus_dir), "--output", str(out), "--no-card",
                        "--splits", str(tmp_path / "splits")])
    result = runner.invoke(cli, ["evaluate", "--data", str(tiny_corpus_dir), "--model", str(out)])
    assert result.exit_code == 0, result.output
    for word in ("precision", "recall", "confusion", "strategic_vs_tactical_accuracy", "spearman"):
        assert word in result.output
    as_json = runner.invoke(cli, ["evaluate", "--data", str(tiny_corpus_dir), "--model", str(out), "--json"])
    data = json.loads(as_json.output)
    assert data["lines"]["n_lines"] == sum(len(p.lines) for p in read_corpus(tiny_corpus_dir))


def test_explain_score_lists_every_feature_with_a_source():
    from cco_jobs.commitment import FEATURES

    result = CliRunner().invoke(cli, ["explain-score", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [r["feature"] for r in data["features"]] == [f.name for f in FEATURES]
    assert all(r["source"] for r in data["features"])
    # weights respect the sign DOMAIN.md gives each signal
    for row, feature in zip(data["features"], FEATURES):
        assert row["points_at_full_value"] * feature.sign >= 0


def test_shipped_model_card_matches_train_details():
    details = json.loads((ROOT / "models" / "cco_lines" / "train_details.json").read_text())
    card = (ROOT / "models" / "MODEL_CARD.md").read_text()
    m = details["metrics"]["test_lines"]
    assert f"{m['macro_f1_requirement_labels']:.3f}" in card
    assert details["data"]["corpus_sha256"][:16] in card


@pytest.mark.parametrize("study", ["", "blind"])
def test_agreement_figures_are_reproduced_from_the_committed_annotations(study):
    """Both agreement studies: the committed figures follow from the two annotations, and
    every sampled line is the corpus line it names."""
    import json

    from cco_jobs.training.agreement import agreement

    folder = ROOT / "corpora" / "agreement" / study
    assert json.loads((folder / "agreement.json").read_text(encoding="utf-8")) == agreement(folder)
    postings = {p.id: p for p in read_corpus(ROOT / "corpora" / "postings")}
    import csv

    with (folder / "sample.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows and all(postings[r["posting"]].lines[int(r["line"]) - 1].text == r["text"] for r in rows)


def test_writer_folds_deal_each_writer_into_one_fold():
    from cco_jobs.training.voices import writer_folds

    from types import SimpleNamespace

    postings = [SimpleNamespace(id=pid) for pid in ("aa01", "aa02", "bb01", "cc01", "cc02", "dd01")]
    folds = writer_folds(postings, folds=2, seed=3)
    assert sorted(w for fold in folds for w in fold) == ["aa", "bb", "cc", "dd"]
    assert all(len(fold) == 2 for fold in folds)
    assert writer_folds(postings, folds=2, seed=3) == folds  # the seed fixes them
    with pytest.raises(ValueError, match="4 writers cannot make 5 folds"):
        writer_folds(postings, folds=5)


def test_more_voices_reads_every_blind_line_once_under_both_models():
    """Each blind line is predicted once by the base model and once by the model with the
    other writers: both metrics count all of them, and adding voices changes the model."""
    from cco_jobs.training.voices import more_voices
    from cco_jobs.training.train import LinearConfig

    root = Path(__file__).resolve().parents[1] / "corpora"
    postings = read_corpus(root / "postings")
    by_writer: dict[str, list] = {}
    for p in postings:
        by_writer.setdefault(p.id.rstrip("0123456789"), []).append(p)
    base = by_writer["a"][:6] + by_writer["b"][:6]
    blind = [p for w in ("k", "da", "jd", "cp") for p in by_writer[w][:2]]
    without, with_more = more_voices(base, blind, LinearConfig(min_count=1), folds=2)
    lines = sum(len(p.lines) for p in blind)
    assert without.n_lines == with_more.n_lines == lines
    assert without.confusion != with_more.confusion
    with pytest.raises(ValueError, match="writers in both the base and the blind postings: a"):
        more_voices(base, by_writer["a"][6:8], LinearConfig(min_count=1), folds=2)
