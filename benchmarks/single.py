"""One posting: warm latency, and the cold start of ``cco-jobs analyse`` (issue 5, "Speed").

Prints, in one run:

* warm latency of :func:`cco_jobs.analyse` on one ~500-word HTML posting, pipeline
  loaded (median and p95; goal: p95 under 20 ms), with the share of parsing;
* cold ``cco-jobs analyse POSTING --format json`` in a fresh process against
  ``python -c "import spacy; spacy.blank('en')"``, runs interleaved, median of each
  (goal: at most 1.3 times);
* with ``--import-times``, what the cold command spends on imports and the model load.

Usage::

    python benchmarks/single.py
    python benchmarks/single.py --runs 200 --cold-runs 7 --import-times
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BLANK = [sys.executable, "-c", "import spacy; spacy.blank('en')"]


def posting_html(words: int = 500) -> str:
    """The corpus posting whose ATS page has the nearest to ``words`` visible words."""
    from cco_jobs.ingest import parse_text
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.render import render

    pages = [render(p, "html_ats") for p in read_corpus(ROOT / "corpora" / "postings")]
    return min(pages, key=lambda page: abs(len(parse_text(page, format="html").text.split()) - words))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def warm(html: str, runs: int) -> dict:
    from cco_jobs.analysis import analyse, load_pipeline
    from cco_jobs.ingest import parse_text

    nlp = load_pipeline()
    for _ in range(10):
        analyse(html, nlp=nlp)
    total, parse = [], []
    for _ in range(runs):
        start = time.perf_counter()
        parse_text(html, format="html")
        parse.append(time.perf_counter() - start)
        start = time.perf_counter()
        report = analyse(html, nlp=nlp)
        total.append(time.perf_counter() - start)
    return {"median_ms": 1000 * statistics.median(total), "p95_ms": 1000 * percentile(total, 0.95),
            "parse_median_ms": 1000 * statistics.median(parse), "lines": len(report.lines),
            "words": len(report.lines and " ".join(line.text for line in report.lines).split())}


def cco_jobs_command() -> list[str]:
    """The console script a user of this Python runs: the one beside ``sys.executable``.

    Not ``shutil.which``: under pyenv that finds a shell shim that adds its own start-up
    (about 0.1 s here) to every run, which is pyenv's cost, not cco_jobs'.
    """
    exe = Path(sys.executable).parent / "cco-jobs"
    if exe.is_file():
        return [str(exe)]
    # not installed: the same entry point the console script calls
    return [sys.executable, "-c", "import sys; from cco_jobs.cli import main; sys.argv[0] = 'cco-jobs'; main()"]


def timed_run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - start


def cold(path: Path, runs: int) -> dict:
    analyse_cmd = cco_jobs_command() + ["analyse", str(path), "--format", "json"]
    timed_run(BLANK), timed_run(analyse_cmd)  # fill the OS file cache for both
    blank, ours = [], []
    for _ in range(runs):  # interleaved, so load on a shared machine hits both alike
        blank.append(timed_run(BLANK))
        ours.append(timed_run(analyse_cmd))
    b, o = statistics.median(blank), statistics.median(ours)
    return {"blank_s": b, "analyse_s": o, "ratio": o / b}


def import_times(path: Path) -> str:
    """The slowest imports of the cold command (python -X importtime), and the model load."""
    code = ("import time, sys; t = time.perf_counter(); from cco_jobs.analysis import load_pipeline; "
            "nlp = load_pipeline(); print(f'LOAD {time.perf_counter() - t:.3f}', file=sys.stderr)")
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}).stderr
    rows = []
    for line in out.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            depth = (len(name) - len(name.lstrip())) // 2  # nested imports are indented
            if cumulative.strip().isdigit() and depth <= 1:
                rows.append((int(cumulative), name.strip()))
    load = next((line.split()[1] for line in out.splitlines() if line.startswith("LOAD")), "?")
    top = [f"    {us / 1e6:6.3f} s  {name}" for us, name in sorted(rows, reverse=True)][:10]
    return (f"  `from cco_jobs.analysis import load_pipeline; load_pipeline()`: {load} s in all; "
            "slowest imports it triggers (cumulative, top level):\n" + "\n".join(top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100, help="warm analyses to time")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold processes of each command")
    parser.add_argument("--import-times", action="store_true", help="break the cold start down")
    args = parser.parse_args()
    html = posting_html()
    print(f"cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    w = warm(html, args.runs)
    print(f"warm analyse(), one posting ({w['words']} words, {w['lines']} lines), {args.runs} runs: "
          f"median {w['median_ms']:.1f} ms, p95 {w['p95_ms']:.1f} ms (goal p95 < 20 ms); "
          f"of which parsing the HTML: median {w['parse_median_ms']:.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posting.html"
        path.write_text(html, encoding="utf-8")
        c = cold(path, args.cold_runs)
        print(f"cold, median of {args.cold_runs}: `cco-jobs analyse` {c['analyse_s']:.2f} s, "
              f"`import spacy; spacy.blank('en')` {c['blank_s']:.2f} s: ratio {c['ratio']:.2f} (goal <= 1.3)")
        if args.import_times:
            print(import_times(path))


if __name__ == "__main__":
    main()
