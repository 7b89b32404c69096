"""The notebooks run top to bottom on a small sample, and are kept without outputs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed: pip install -e '.[test]'")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed: pip install -e '.[test]'")
pytest.importorskip("matplotlib", reason="matplotlib is not installed: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIGURES = {
    "0.1-corpus-exploration.ipynb": ["lines_per_posting.png", "label_shares_by_archetype.png"],
    "0.2-batch-scores.ipynb": ["scores_by_archetype.png", "tactical_mix.png", "score_vs_gold.png"],
}
SAMPLE = "14"  # one posting per archetype


def test_the_notebooks_are_there_and_numbered():
    assert [nb.name for nb in NOTEBOOKS] == sorted(FIGURES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, tmp_path, monkeypatch):
    figures = tmp_path / "figures"
    monkeypatch.setenv("CCO_NOTEBOOK_SAMPLE", SAMPLE)
    monkeypatch.setenv("CCO_NOTEBOOK_FIGURES", str(figures))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    # the kernel imports cco_jobs from this checkout even when it is not installed
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [out for cell in nb.cells if cell.cell_type == "code"
              for out in cell.outputs if out.output_type == "error"]
    assert errors == []
    for name in FIGURES[path.name]:
        assert (figures / name).stat().st_size > 5_000, name
    # the run never writes into the repository's copy
    assert nbformat.read(path, as_version=4).cells[1].outputs == []
