"""The Dask engine on a real local cluster: the same rows as the local engine, row for row."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import cco_jobs.cli.batch  # noqa: F401  (registers the command until cco_jobs.cli imports it)
from cco_jobs.batch import run_batch
from cco_jobs.cli import cli

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

POSTINGS = [
    "Chief Customer Officer\nReports to the CEO.\n- Set the customer strategy and own NPS.",
    "VP Customer Support\nReports to the COO.\n- Run the contact centre.\n- Cut the cost to serve.",
    "",
    None,
    "<html><body><h1>Chief Customer Officer</h1><ul><li>Carry a quota.</li></ul></body></html>",
    "<html><body><div></div></body></html>",
    "Head of Customer Success\n- Own renewals and expansion.\n- Reports to the CRO.",
]


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two single-threaded worker processes with a small memory limit."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                                  dashboard_address=":0", silence_logs=40) as local:
        yield local


def test_dask_engine_matches_the_local_engine_row_for_row(tmp_path, cluster):
    src = tmp_path / "in.parquet"
    n = 2 * len(POSTINGS)
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(n)], "text": POSTINGS * 2}), src,
                   row_group_size=5)
    result = CliRunner().invoke(cli, [
        "batch", str(src), "-o", str(tmp_path / "dask_out"), "--lines", str(tmp_path / "dask_lines"),
        "--engine", "dask", "--scheduler", cluster.scheduler_address, "--partition-rows", "3",
    ])
    assert result.exit_code == 0, result.output
    assert f"read {n} rows" in result.stderr
    run_batch([str(src)], tmp_path / "local.parquet", lines=tmp_path / "local_lines.parquet", jobs=1,
              progress=False)

    dask_postings = pd.read_parquet(tmp_path / "dask_out")
    assert len(list((tmp_path / "dask_out").glob("part-*.parquet"))) == 5  # 14 rows, 3 per partition
    pd.testing.assert_frame_equal(dask_postings, pd.read_parquet(tmp_path / "local.parquet"))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask_lines"),
                                  pd.read_parquet(tmp_path / "local_lines.parquet"))
    assert dask_postings.error.notna().sum() == 6

    again = CliRunner().invoke(cli, [
        "batch", str(src), "-o", str(tmp_path / "dask_out"), "--engine", "dask", "--resume",
        "--scheduler", cluster.scheduler_address, "--partition-rows", "3",
    ])
    assert again.exit_code == 0 and f"{n} skipped" in again.stderr
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask_out"), dask_postings)


def test_dask_engine_reads_only_parquet(tmp_path):
    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n')
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o"),
                                      "--engine", "dask"])
    assert result.exit_code == 1 and "Parquet" in result.stderr
