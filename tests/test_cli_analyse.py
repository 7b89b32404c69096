"""`cco-jobs analyse` through click's CliRunner: views, JSON contract, bad input, exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from cco_jobs.cli import cli
from cco_jobs.cli.main import EXIT_BELOW_THRESHOLD, EXIT_INPUT

EXAMPLE = Path(__file__).resolve().parents[1] / "cco_jobs" / "examples" / "chief_customer_officer.html"
SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "cco_jobs" / "schema" / "report.schema.json")
                    .read_text(encoding="utf-8"))
POSTING = """Chief Customer Officer
Reports to the CEO and sits on the executive team.

Responsibilities
- Set the customer experience strategy and the milestones the board tracks.
- Personally handle escalated complaints from key accounts.

Benefits
- Health insurance and a pension.
"""


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_json_report_follows_the_schema_and_keeps_every_line(runner, tmp_path):
    result = runner.invoke(cli, ["analyse", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["title"] == "Chief Customer Officer"
    assert [line["n"] for line in report["lines"]] == list(range(1, len(report["lines"]) + 1))
    texts = " ".join(line["text"] for line in report["lines"])
    for phrase in ("Personally handle escalated complaints", "equal opportunity employer", "Apply now"):
        assert phrase in texts
    by_text = {line["text"]: line for line in report["lines"]}
    cc = next(v for k, v in by_text.items() if k.startswith("Personally handle"))
    assert cc["label"] == "contact_centre" and cc["suggestion"]["rewrite"]
    for line in report["lines"]:
        for cue in line["cues"]:
            assert line["text"][cue["start"]:cue["end"]] == cue["text"]


def test_terminal_view_is_plain_without_a_tty_and_ends_with_the_score(runner):
    result = runner.invoke(cli, ["analyse", str(EXAMPLE)])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "Labels:" in result.stdout and "Commitment score:" in result.stdout


def test_color_can_be_forced_and_no_color_wins_over_auto(runner, monkeypatch):
    forced = runner.invoke(cli, ["analyse", str(EXAMPLE), "--color"])
    assert "\x1b[" in forced.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = runner.invoke(cli, ["analyse", str(EXAMPLE)])
    assert "\x1b[" not in plain.stdout


def test_analyze_is_an_alias_and_stdin_is_read(runner):
    result = runner.invoke(cli, ["analyze", "-", "--format", "json"], input=POSTING)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["source"] == "<stdin>"
    assert any(line["label"] == "strategic" for line in report["lines"])


@pytest.mark.parametrize("audience, expected, absent", [
    ("candidate", "What the posting leaves unsaid", "try:"),
    ("recruiter", "try:", None),
    ("researcher", "Line labels:", "try:"),
])
def test_audiences_order_and_trim_the_view(runner, tmp_path, audience, expected, absent):
    path = tmp_path / "p.txt"
    path.write_text(POSTING, encoding="utf-8")
    result = runner.invoke(cli, ["analyse", str(path), "--audience", audience])
    assert result.exit_code == 0
    assert expected in result.stdout
    if absent:
        assert absent not in result.stdout
    if audience == "candidate":
        assert result.stdout.index("Commitment score") < result.stdout.index("Set the customer")
        assert "Health insurance" not in result.stdout


def test_fail_under_gates_on_the_score(runner, tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(POSTING, encoding="utf-8")
    ok = runner.invoke(cli, ["analyse", str(path), "--fail-under", "0"])
    assert ok.exit_code == 0
    gated = runner.invoke(cli, ["analyse", str(path), "--fail-under", "100", "--format", "json"])
    score = json.loads(gated.stdout)["commitment"]["score"]
    assert score < 100
    assert gated.exit_code == EXIT_BELOW_THRESHOLD
    assert "below --fail-under 100" in gated.stderr


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[str, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 200)
    no_text = tmp_path / "blank.html"
    no_text.write_text("<html><head><script>var a = 1;</script></head><body><div></div></body></html>",
                       encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("Chief Customer Officer\n" + "Set the strategy.\n" * 50, encoding="utf-8")
    junk = tmp_path / "junk.txt"
    junk.write_text("1234 5678\n---\n!!!\n", encoding="utf-8")
    return {
        "missing": (str(tmp_path / "nope.html"), "nope.html"),
        "directory": (str(tmp_path), str(tmp_path)),
        "empty": (str(empty), "empty.txt"),
        "binary": (str(binary), "blob.txt"),
        "no_text": (str(no_text), "blank.html"),
        "too_large": (str(big), "big.txt"),
        "not_a_posting": (str(junk), "junk.txt"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "no_text", "too_large",
                                  "not_a_posting"])
def test_bad_input_is_one_line_naming_the_file_and_exit_1(runner, tmp_path, case):
    path, name = _bad_inputs(tmp_path)[case]
    args = ["analyse", path] + (["--max-bytes", "200"] if case == "too_large" else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == EXIT_INPUT, result.output
    assert "Traceback" not in result.output
    lines = [row for row in result.stderr.splitlines() if row.strip()]
    assert len(lines) == 1 and name in lines[0] and lines[0].startswith("cco-jobs: error:")
    assert result.stdout == ""


def test_unreadable_file(runner, tmp_path, monkeypatch):
    import builtins

    import cco_jobs.ingest.sources as sources

    path = tmp_path / "secret.txt"
    path.write_text(POSTING, encoding="utf-8")

    def deny(file, *args, **kwargs):  # as open() behaves on a file without read permission
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(sources, "open", deny, raising=False)
    result = runner.invoke(cli, ["analyse", str(path)])
    assert result.exit_code == EXIT_INPUT
    assert "secret.txt" in result.stderr and "Traceback" not in result.output


def test_usage_errors_exit_2(runner):
    assert runner.invoke(cli, ["analyse"]).exit_code == 2
    assert runner.invoke(cli, ["analyse", "x", "--format", "pdf"]).exit_code == 2


def test_a_missing_model_is_a_clean_error(runner, tmp_path):
    result = runner.invoke(cli, ["analyse", str(EXAMPLE), "--model", str(tmp_path / "no-model")])
    assert result.exit_code == EXIT_INPUT
    assert "no-model" in result.stderr and "Traceback" not in result.output


def test_every_command_is_documented_in_the_readme():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"cco-jobs {name}" in readme, f"README does not show `cco-jobs {name}`"
        assert command.help and "Example" in command.help, f"{name} --help has no example"


def test_a_link_in_another_scheme_gets_one_line_naming_it(runner):
    result = runner.invoke(cli, ["analyse", "ftp://example.org/jobs/cco.html"])
    assert result.exit_code == EXIT_INPUT
    assert result.output.strip().splitlines() == [
        "cco-jobs: error: ftp://example.org/jobs/cco.html: ftp links are not read (only http:// and https://)"]
    # an argument that is no link alone is a path, never analysed as posting text
    result = runner.invoke(cli, ["analyse", "notes://a b"])
    assert result.exit_code == EXIT_INPUT and "no such file" in result.output


def test_the_recruiter_is_told_what_candidates_will_ask_not_asked_it(runner, tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(POSTING, encoding="utf-8")
    recruiter = runner.invoke(cli, ["analyse", str(path), "--audience", "recruiter"]).stdout
    candidate = runner.invoke(cli, ["analyse", str(path), "--audience", "candidate"]).stdout
    assert "Candidates will ask:" in recruiter and " Ask: " not in recruiter
    assert " Ask: " in candidate and "Candidates will ask:" not in candidate


@pytest.mark.parametrize("view", [["--audience", "candidate"], ["--format", "json"]])
def test_a_reader_that_goes_away_ends_the_run_quietly(view):
    """`cco-jobs analyse ... | head` : the closed pipe is no error (exit 0, nothing on
    stderr), in the terminal view (rich) as in JSON."""
    import subprocess
    import sys
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "cco_jobs" / "examples" / "chief_customer_officer.html"
    proc = subprocess.Popen([sys.executable, "-c", "from cco_jobs.cli import main; main()", "analyse",
                             str(example), "--no-color", *view],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # gone before the first line: every write meets a closed pipe
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and err == b""
