"""Batch scoring: readers, writers, nothing lost, resume, strict, the CLI and the Python API."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import cco_jobs.cli.batch  # noqa: F401  (registers the command until cco_jobs.cli imports it)
from cco_jobs.batch import BatchError, run_batch, score_frame, score_many
from cco_jobs.batch.engine import StrictStop
from cco_jobs.batch.readers import Columns, choose_columns, plan_inputs
from cco_jobs.batch.rows import LINE_NAMES, POSTING_NAMES, SIGNALS
from cco_jobs.batch.writers import Output
from cco_jobs.cli import cli

CCO = ("Chief Customer Officer\nReports to the CEO and sits on the executive team.\n"
       "- Set the customer strategy and own the NPS scorecard.\n- Lead the journey redesign.")
VP = ("VP Customer Support\nReports to the COO.\n- Run the contact centre queues.\n"
      "- Cut the cost to serve by 20%.")
HTML = ("<html><body><h1>Chief Customer Officer</h1><p>Reporting to the CEO.</p>"
        "<ul><li>Own the customer strategy.</li><li>Carry a renewal quota.</li></ul></body></html>")
UNDECODABLE = b"Chief \x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d\x81 officer"


@pytest.fixture(autouse=True)
def _model(shipped_nlp):
    """Load the shipped pipeline once; run_batch(jobs=1) reuses the cached one."""
    return shipped_nlp


def _postings(path) -> pd.DataFrame:
    return pd.read_parquet(path) if str(path).endswith((".parquet", "/")) or Path(path).is_dir() else (
        pd.read_csv(path) if str(path).endswith(".csv") else pd.read_json(path, lines=True))


def _reason(error) -> str | None:
    return None if error is None or (isinstance(error, float)) else error.split(":", 1)[0]


def _write_jsonl(path: Path, lines: list) -> Path:
    with open(path, "wb") as out:
        for line in lines:
            out.write(line if isinstance(line, bytes) else json.dumps(line).encode())
            out.write(b"\n")
    return path


# -- readers ------------------------------------------------------------------------

def test_columns_are_detected_when_unambiguous_and_refused_otherwise():
    assert choose_columns(["job_id", "body", "x"], Columns(), "t") == Columns(text="body", id="job_id")
    assert choose_columns(["url", "html", "id"], Columns(), "t") == Columns(html="html", id="id")
    with pytest.raises(BatchError, match="--text-col"):
        choose_columns(["text", "description"], Columns(), "t")
    with pytest.raises(BatchError, match="--id-col"):
        choose_columns(["text", "job_id", "url"], Columns(), "t")
    with pytest.raises(BatchError, match="no column 'body'"):
        choose_columns(["text"], Columns(text="body"), "t")


def test_folders_are_searched_recursively_and_globs_expanded(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.html", "a/b/two.md", "three.txt", "four.htm", "notes.pdf", "draft.docx",
                 "a/.hidden.txt", "data.json", "logo.png"):
        (tmp_path / name).write_text("x")
    [source] = plan_inputs([str(tmp_path)])
    assert [Path(p).name for p in source.paths] == ["two.md", "one.html", "draft.docx", "four.htm",
                                                    "notes.pdf", "three.txt"]
    [source] = plan_inputs([str(tmp_path / "**" / "*.md")])
    assert [Path(p).name for p in source.paths] == ["two.md"]
    with pytest.raises(BatchError, match="no file matches"):
        plan_inputs([str(tmp_path / "*.rtf")])
    with pytest.raises(BatchError, match="no such file"):
        plan_inputs([str(tmp_path / "missing.jsonl")])


# -- nothing lost ---------------------------------------------------------------------

def test_every_jsonl_row_comes_out_once_scored_or_with_its_reason(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [
        {"id": "good", "text": CCO},
        {"id": "empty", "text": "   "},
        {"id": "missing", "title": "no text here"},
        {"id": "null", "text": None},
        {"id": "number", "text": 42},
        b'{"id": "broken", "text": ',
        b"[1, 2]",
        b'{"id": "bytes", "text": "' + UNDECODABLE + b'"}',
        {"id": "nohtml", "text": "<html><body><div> </div><script>x()</script></body></html>"},
        {"id": "big", "text": "Chief Customer Officer. " * 400},
        {"id": "html", "text": HTML},
    ])
    out = tmp_path / "out.parquet"
    summary = run_batch([str(src)], out, lines=tmp_path / "lines.parquet", jobs=1, max_bytes=4000,
                        progress=False)
    table = pd.read_parquet(out)
    assert list(table.columns) == POSTING_NAMES
    assert summary.read == len(table) == 11 and summary.scored == 2 and summary.failed == 9
    reasons = {row.id: _reason(row.error) for row in table.itertuples()}
    assert reasons == {
        "good": None, "empty": "empty", "missing": "missing_field", "null": "missing_field",
        "number": "not_text", f"{src}:6": "malformed", f"{src}:7": "malformed",
        "bytes": "undecodable", "nohtml": "no_text", "big": "too_large", "html": None,
    }
    scored = table[table.error.isna()]
    assert scored.score.between(0, 100).all() and scored.band.notna().all()
    assert (scored.model_version.notna() & scored.schema_version.notna()).all()
    lines = pd.read_parquet(tmp_path / "lines.parquet")
    assert list(lines.columns) == LINE_NAMES
    assert lines.groupby("id").size().to_dict() == dict(zip(scored.id, scored.n_lines))


def test_csv_rows_with_the_wrong_number_of_fields_fail_alone(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(
        b"job_id,description,extra\n"
        b'1,"' + CCO.encode() + b'",x\n'
        b"2,too,many,fields\n"
        b"3,short\n"
        b'4,"' + UNDECODABLE + b'",x\n'
        b'5,"' + VP.encode() + b'",y\n'
    )
    out = tmp_path / "out.csv"
    summary = run_batch([str(src)], out, jobs=1, progress=False)
    table = pd.read_csv(out, dtype={"id": str})
    assert summary.read == len(table) == 5
    assert [_reason(e) for e in table.error] == [None, "malformed", "malformed", "undecodable", None]
    assert list(table.id) == ["1", "2", "3", "4", "5"]
    assert table.source.tolist()[0].endswith("in.csv:2")


def test_parquet_html_and_binary_columns_and_posting_files(tmp_path):
    pq.write_table(pa.table({"url": ["u1", "u2", "u3"], "page": [HTML, "<div></div>", None]}),
                   tmp_path / "in.parquet")
    pq.write_table(pa.table({"url": ["b1", "b2"], "page": pa.array([HTML.encode("cp1252"), UNDECODABLE])}),
                   tmp_path / "bin.parquet")
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "a.md").write_text("# Chief Customer Officer\n\n- Own the customer strategy.\n")
    (folder / "b.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    run_batch([str(tmp_path / "in.parquet"), str(tmp_path / "bin.parquet"), str(folder)], out,
              html_col="page", jobs=1, progress=False)
    table = pd.read_json(out, lines=True)
    assert table.id.tolist() == ["u1", "u2", "u3", "b1", "b2", f"{folder.as_posix()}/a.md",
                                 f"{folder.as_posix()}/b.txt"]
    assert [_reason(e) for e in table.error] == [None, "no_text", "missing_field", None, "undecodable",
                                                None, "empty"]
    assert table.format.tolist()[0] == table.format.tolist()[3] == "html"
    assert table.format.tolist()[5] == "markdown"


def test_signals_are_flattened_into_columns(tmp_path):
    report = next(score_many([CCO]))
    assert {s.name for s in report.commitment.signals} <= set(SIGNALS)
    table = score_frame(pd.DataFrame({"text": [CCO]}))
    row = table.iloc[0]
    level = next(s for s in report.commitment.signals if s.name == "reporting line")
    assert row.sig_reporting_line == level.value and row.sig_reporting_line_points == level.points
    assert row.score == report.commitment.score
    assert row.share_strategic == pytest.approx(report.label_shares()["strategic"], abs=1e-4)


# -- parallel, order, outputs -----------------------------------------------------------

def test_two_workers_keep_the_input_order_and_match_one(tmp_path):
    rows = [{"id": f"r{i}", "text": [CCO, VP, HTML, ""][i % 4]} for i in range(24)]
    src = _write_jsonl(tmp_path / "in.jsonl", rows)
    run_batch([str(src)], tmp_path / "one.parquet", jobs=1, chunk_size=3, progress=False)
    run_batch([str(src)], tmp_path / "two", jobs=2, chunk_size=3, progress=False)
    one, two = pd.read_parquet(tmp_path / "one.parquet"), pd.read_parquet(tmp_path / "two")
    assert two.id.tolist() == [r["id"] for r in rows]
    pd.testing.assert_frame_equal(one, two)


# -- resume and interruption --------------------------------------------------------------

def test_resume_skips_done_ids_and_appends_the_rest(tmp_path):
    rows = [{"id": f"r{i}", "text": [CCO, VP][i % 2]} for i in range(6)]
    _write_jsonl(tmp_path / "first.jsonl", rows[:3])
    src = _write_jsonl(tmp_path / "all.jsonl", rows)
    out, lines = tmp_path / "out.csv", tmp_path / "lines.jsonl"
    run_batch([str(tmp_path / "first.jsonl")], out, lines=lines, jobs=1, progress=False)
    summary = run_batch([str(src)], out, lines=lines, jobs=1, resume=True, progress=False)
    assert (summary.skipped, summary.scored) == (3, 3)
    table = pd.read_csv(out)
    assert table.id.tolist() == [r["id"] for r in rows]
    assert sorted(set(pd.read_json(lines, lines=True).id)) == sorted(r["id"] for r in rows)


def test_ctrl_c_leaves_a_readable_output_that_resume_completes(tmp_path, monkeypatch):
    import cco_jobs.batch.engine as engine

    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": CCO} for i in range(6)])
    real = engine.score_chunk
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "score_chunk", interrupted)
    out = tmp_path / "out.parquet"
    summary = run_batch([str(src)], out, jobs=1, chunk_size=2, progress=False)
    assert summary.interrupted and pd.read_parquet(out).id.tolist() == ["r0", "r1"]
    assert not (tmp_path / "out.parquet.parts").exists()
    monkeypatch.setattr(engine, "score_chunk", real)
    summary = run_batch([str(src)], out, jobs=1, chunk_size=2, resume=True, progress=False)
    assert summary.skipped == 2 and pd.read_parquet(out).id.tolist() == [f"r{i}" for i in range(6)]


def test_sigterm_ends_a_cli_batch_as_ctrl_c_does(tmp_path):
    """``timeout`` or a scheduler stops a run with SIGTERM: OUT is still readable, the exit
    code and message say so, and --resume completes it."""
    import signal
    import time

    from cco_jobs.cli.batch import EXIT_INTERRUPTED

    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": VP} for i in range(3000)])
    out = tmp_path / "out.parquet"
    command = [sys.executable, "-c", "from cco_jobs.cli import main; main()",
               "batch", str(src), "-o", str(out), "-j", "1"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    parts = tmp_path / "out.parquet.parts"
    while not (parts.is_dir() and any(parts.iterdir())) and proc.poll() is None:
        assert time.monotonic() < deadline, "the batch never started writing"
        time.sleep(0.02)  # the first rows are being written: the run is under way
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == EXIT_INTERRUPTED, err
    assert "interrupted" in err and "--resume" in err and "Traceback" not in err
    done = pd.read_parquet(out).id.tolist()
    # the rows committed before the signal (none, if it came mid-way through the first
    # part), in input order; resume scores the rest
    assert len(done) < 3000 and done == [f"r{i}" for i in range(len(done))]
    summary = run_batch([str(src)], out, jobs=1, resume=True, progress=False)
    assert summary.skipped == len(done) and pd.read_parquet(out).id.nunique() == 3000


def test_a_signal_while_a_chunk_is_written_waits_for_the_chunk(tmp_path, monkeypatch):
    """Ctrl-C between writing a chunk's lines and its postings: the chunk is written
    whole, once, and then the run stops."""
    import os
    import signal

    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": CCO} for i in range(8)])
    real = Output.add
    calls = []

    def add_then_signal(self, chunk):
        calls.append(1)
        if len(calls) == 2:
            self.lines.write(chunk.lines, self.index)
            os.kill(os.getpid(), signal.SIGINT)  # arrives between the two tables
            self.postings.write(chunk.postings, self.index)
            self._pending += chunk.rows
            return
        real(self, chunk)

    monkeypatch.setattr(Output, "add", add_then_signal)
    out, lines = tmp_path / "out.parquet", tmp_path / "lines.parquet"
    summary = run_batch([str(src)], out, lines=lines, jobs=1, chunk_size=2, progress=False)
    assert summary.interrupted and summary.scored == 4
    assert pd.read_parquet(out).id.tolist() == ["r0", "r1", "r2", "r3"]  # each once
    assert sorted(set(pd.read_parquet(lines).id)) == ["r0", "r1", "r2", "r3"]


def test_sigterm_is_only_mapped_while_the_batch_runs():
    import os
    import signal
    import time

    from cco_jobs.cli.batch import terminate_as_interrupt

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt):
        with terminate_as_interrupt():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler runs before this ends
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_killed_run_keeps_committed_parts_and_drops_half_written_ones(tmp_path):
    from cco_jobs.analysis import load_pipeline
    from cco_jobs.batch.records import InputRecord
    from cco_jobs.batch.scoring import score_chunk

    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": VP} for i in range(4)])
    out, lines = tmp_path / "out.parquet", tmp_path / "lines"
    chunk = score_chunk([InputRecord("r0", "x", text=VP), InputRecord("r1", "y", text=VP)],
                        load_pipeline(), max_bytes=10**6)
    run = Output(out, lines, commit_rows=1)
    run.add(chunk)  # committed as part 0
    run.add(chunk)  # committed as part 1 ...
    (tmp_path / "out.parquet.parts" / "part-00001.parquet").unlink()  # ... but killed before its postings part
    (tmp_path / "out.parquet.parts" / ".part-00002.parquet.tmp").write_bytes(b"half")
    assert not out.exists()  # a killed run leaves OUT as it was
    summary = run_batch([str(src)], out, lines=lines, jobs=1, resume=True, progress=False)
    assert summary.skipped == 2
    assert pd.read_parquet(out).id.tolist() == ["r0", "r1", "r2", "r3"]
    assert pd.read_parquet(lines).groupby("id").size().index.tolist() == ["r0", "r1", "r2", "r3"]
    assert sorted(p.name for p in lines.iterdir()) == ["part-00000.parquet", "part-00001.parquet"]


# -- the CLI -------------------------------------------------------------------------

def test_cli_writes_both_tables_and_a_summary(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [{"job_id": 7, "body": CCO}, {"job_id": 8, "body": ""}])
    result = CliRunner().invoke(cli, ["batch", str(src), "-o", str(tmp_path / "out"),
                                      "--lines", str(tmp_path / "lines.csv"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "read 2 rows: 1 scored, 1 failed" in result.stderr and "postings/s" in result.stderr
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal
    assert pd.read_parquet(tmp_path / "out").id.tolist() == ["7", "8"]
    with open(tmp_path / "lines.csv", newline="") as handle:
        assert next(csv.reader(handle)) == LINE_NAMES
    quiet = CliRunner().invoke(cli, ["batch", str(src), "-o", str(tmp_path / "q.jsonl"), "-q", "-j1"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_cli_strict_stops_at_the_first_failed_row(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": CCO}, {"id": "b", "text": ""},
                                              {"id": "c", "text": CCO}])
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(cli, ["batch", str(src), "-o", str(out), "--strict", "-j1"])
    assert result.exit_code == 1
    assert "in.jsonl:2: empty:" in result.stderr
    assert pd.read_parquet(out).id.tolist() == ["a", "b"]
    with pytest.raises(StrictStop):
        run_batch([str(src)], out, strict=True, jobs=1, progress=False)


def test_cli_reports_bad_inputs_and_options_in_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.parquet")])
    assert result.exit_code == 1 and result.stderr.startswith("cco-jobs: error:")
    (tmp_path / "t.csv").write_text("text,body\nx,y\n")
    result = runner.invoke(cli, ["batch", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 1 and "unknown output type" in result.stderr
    result = runner.invoke(cli, ["batch", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 1 and "--text-col" in result.stderr
    result = runner.invoke(cli, ["batch", str(tmp_path / "t.csv"), "-o", "o.csv", "--scheduler", "x"])
    assert result.exit_code == 2


def test_cli_names_the_extra_when_dask_is_missing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": [CCO]}), src)
    result = CliRunner().invoke(cli, ["batch", str(src), "-o", str(tmp_path / "o"), "--engine", "dask"])
    assert result.exit_code == 1
    assert "pip install 'cco-jobs[dask]'" in result.stderr


# -- the Python API ---------------------------------------------------------------------

def test_score_many_yields_reports_in_order_and_handles_errors():
    reports = list(score_many([CCO, VP, HTML]))
    assert [r.title for r in reports] == ["Chief Customer Officer", "VP Customer Support",
                                          "Chief Customer Officer"]
    mixed = list(score_many([CCO, "", VP], on_error="return"))
    assert [type(r).__name__ for r in mixed] == ["PostingReport", "PostingInputError", "PostingReport"]
    assert len(list(score_many([CCO, "", VP], on_error="skip"))) == 2
    with pytest.raises(Exception, match="empty"):
        list(score_many(["", CCO]))


def test_score_frame_returns_one_row_per_input_row_with_its_index():
    df = pd.DataFrame({"key": ["a", "b", "c"], "text": [CCO, None, VP]}, index=[10, 20, 30])
    postings, lines = score_frame(df, id_col="key", lines=True)
    assert postings.index.tolist() == [10, 20, 30] and postings.id.tolist() == ["a", "b", "c"]
    assert [_reason(e) for e in postings.error] == [None, "missing_field", None]
    assert set(lines.id) == {"a", "c"}
    assert score_frame(df, jobs=1).id.tolist() == ["10", "20", "30"]


def test_importing_the_batch_modules_stays_light():
    code = ("import sys, cco_jobs.batch, cco_jobs.cli.batch; "
            "print([m for m in ('pandas', 'pyarrow', 'dask', 'spacy') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]"


def test_a_model_that_cannot_load_fails_the_run_in_one_line(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [{"text": CCO}, {"text": VP}, {"text": HTML}])
    empty = tmp_path / "no_model"
    empty.mkdir()
    for jobs in ("1", "2"):
        result = CliRunner().invoke(cli, ["batch", str(src), "-o", str(tmp_path / "o.parquet"), "-j", jobs,
                                          "--model", str(empty), "--batch-size", "1"])
        assert result.exit_code == 1, result.output
        assert "no trained pipeline here" in result.stderr
    assert not (tmp_path / "o.parquet").exists()


def test_the_progress_bar_shows_rate_and_eta_only_when_asked_or_on_a_terminal():
    import io

    from cco_jobs.batch.progress import BatchSummary, Progress

    stream = io.StringIO()
    with Progress(10, enabled=True, stream=stream) as bar:
        bar.update(4, failed=1)
    assert "4/10" in stream.getvalue() and "posting/s" in stream.getvalue() and "<" in stream.getvalue()
    quiet = io.StringIO()
    with Progress(10, stream=quiet) as bar:  # StringIO is not a terminal
        bar.update(4)
    assert quiet.getvalue() == ""
    line = BatchSummary(read=5, scored=3, failed=1, skipped=1, seconds=2.0).line()
    assert line.startswith("read 5 rows: 3 scored, 1 failed, 1 skipped") and "2.0 postings/s" in line


def test_resume_keeps_every_row_of_an_id_that_repeats_across_inputs(tmp_path):
    """Two scrapes that reuse ids: resuming skips exactly the rows already written."""
    first = _write_jsonl(tmp_path / "a.jsonl", [{"id": f"r{i}", "text": CCO} for i in range(3)])
    second = _write_jsonl(tmp_path / "b.jsonl", [{"id": f"r{i}", "text": VP} for i in range(3)])
    out = tmp_path / "out.csv"
    run_batch([str(first)], out, jobs=1, progress=False)
    summary = run_batch([str(first), str(second)], out, jobs=1, resume=True, progress=False)
    assert (summary.skipped, summary.scored) == (3, 3)
    table = pd.read_csv(out)
    assert table.id.tolist() == ["r0", "r1", "r2"] * 2
    assert table.source.str.endswith(("a.jsonl:1", "a.jsonl:2", "a.jsonl:3")).sum() == 3
    assert table.source.str.contains("b.jsonl").sum() == 3
