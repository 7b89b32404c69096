"""Batch speed and memory, measured in one run (issue 5, "Speed").

Generates HTML postings of about 500 visible words from the annotated corpus
(``corpora/postings`` rendered by ``cco_jobs.training.render``; each row gets its own
job reference, date and company suffix so the vocabulary keeps meeting new strings, as a
real scrape does), then prints:

* postings/s of the batch engine with ``-j1`` and ``-j2`` (Parquet in, both tables out,
  each run a fresh process): end to end (wall time including start-up and the pipeline
  load) and steady (from the first chunk's results to the last: the rate a long run
  keeps, which the progress bar shows);
* the yardstick: spaCy's blank English tokenizer alone over the same postings' visible
  text, whitespace collapsed, in one process; and the ratio ``-j2 / yardstick``
  (goal: at least 0.6 on a 2-core machine);
* peak memory (VmHWM) of every process of each run (goal: under 300 MB per worker),
  and of the workers at two sizes (goal: flat between 10,000 and 100,000 rows);
* with ``--stages``, where one process spends its time per posting (ms).

Usage::

    python benchmarks/batch.py                                  # 2,000 rows; memory at 10k and 100k
    python benchmarks/batch.py --rows 1000 --memory-rows 1000,4000 --stages
    python benchmarks/batch.py --start-methods forkserver,fork,spawn   # compare how workers start
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# -- postings --------------------------------------------------------------------------

def base_documents() -> list[str]:
    """Each corpus posting rendered as an ATS page and as a plain page."""
    from cco_jobs.training.corpus import read_corpus
    from cco_jobs.training.render import render

    postings = read_corpus(ROOT / "corpora" / "postings")
    return [render(p, fmt) for p in postings for fmt in ("html_ats", "html_plain")]


def generate(n: int, seed: int = 5) -> list[tuple[str, str]]:
    """``n`` (id, html) rows, each made unique by a reference, a date and a company suffix."""
    docs = base_documents()
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        doc = docs[i % len(docs)]
        extra = (f"<p>Job reference JR-{rng.randrange(10**7):07d} · posted "
                 f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} · req {rng.getrandbits(40):x}</p>")
        doc = re.sub(r"(</h1>)", r"\1" + extra.replace("\\", r"\\"), doc, count=1)
        if "</h1>" not in doc:
            doc = extra + doc
        rows.append((f"post-{i:06d}", doc))
    return rows


def write_input(path: Path, rows: list[tuple[str, str]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": [r[0] for r in rows], "html": [r[1] for r in rows]}), path,
                   row_group_size=1000)


def visible_texts(rows: list[tuple[str, str]]) -> list[str]:
    """What the tokenizer sees: the postings' lines, whitespace collapsed."""
    from cco_jobs.ingest import parse_text

    return [" ".join(parse_text(html, format="html").text.split()) for _, html in rows]


# -- measurements --------------------------------------------------------------------------

def yardstick(texts: list[str]) -> dict:
    """spaCy's blank English tokenizer alone, one pass, one process."""
    import spacy

    nlp = spacy.blank("en")
    start = time.perf_counter()
    tokens = sum(len(nlp.make_doc(text)) for text in texts)
    seconds = time.perf_counter() - start
    return {"postings_per_s": len(texts) / seconds, "tokens_per_s": tokens / seconds,
            "words_per_posting": statistics.mean(len(t.split()) for t in texts)}


def _peak_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_engine(src: Path, jobs: int, start_method: str, workdir: Path) -> dict:
    """One batch run in a fresh process; peak memory of it and its workers, polled."""
    import psutil

    out = workdir / f"out-j{jobs}-{start_method}.parquet"
    lines = workdir / f"lines-j{jobs}-{start_method}.parquet"
    cmd = [sys.executable, __file__, "--child", str(src), str(out), str(lines), str(jobs), start_method]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    parent = psutil.Process(proc.pid)
    peaks: dict[int, float] = {}
    cpu: dict[int, float] = {}  # last seen user + system seconds of each process
    while proc.poll() is None:
        try:
            family = [parent] + parent.children(recursive=True)
        except psutil.NoSuchProcess:
            family = []
        for p in family:
            mb = _peak_mb(p.pid)
            if mb is not None:
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), mb)
            try:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
            except psutil.Error:
                pass
        time.sleep(0.2)
    wall = time.perf_counter() - start
    summary = json.loads(proc.stdout.read().strip().splitlines()[-1])
    main = peaks.pop(proc.pid, 0.0)
    # workers (and a fork server, ~90 MB); not the resource tracker (~15 MB)
    workers = sorted((mb for mb in peaks.values() if mb > 60), reverse=True)
    n = max(1, summary["read"])
    # the workers' CPU as last polled (a fork server's workers are not our children, so
    # RUSAGE_CHILDREN misses them); within 0.2 s of the end of each worker
    worker_cpu = sum(seconds for pid, seconds in cpu.items() if pid != proc.pid)
    return {"jobs": jobs, "start": start_method, "wall_s": wall, "rows": summary["read"],
            "postings_per_s": summary["read"] / wall, "steady_per_s": summary["steady_per_s"],
            "first_result_s": summary["first_result_s"], "main_mb": main, "worker_mb": workers,
            "failed": summary["failed"], "main_cpu_ms": 1000 * summary["main_cpu"] / n,
            "worker_cpu_ms": 1000 * worker_cpu / n}


def child(src: str, out: str, lines: str, jobs: str, start_method: str) -> None:
    import resource

    from cco_jobs.batch import engine

    # when each chunk's rows came back (the progress bar's updates), for the steady rate
    marks: list[tuple[float, int]] = []
    update = engine.Progress.update

    def timed_update(self, n: int, failed: int = 0) -> None:
        marks.append((time.perf_counter(), n))
        update(self, n, failed)

    engine.Progress.update = timed_update
    started = time.perf_counter()
    summary = engine.run_batch([src], out, lines=lines, jobs=int(jobs), progress=False,
                               start_method=None if start_method in ("default", "in-process") else start_method)
    own = resource.getrusage(resource.RUSAGE_SELF)
    first_at, first_n = marks[0] if marks else (started, 0)
    last_at = marks[-1][0] if marks else started
    after_first = sum(n for _, n in marks[1:])
    print(json.dumps({"read": summary.read, "failed": summary.failed, "seconds": summary.seconds,
                      "main_cpu": own.ru_utime + own.ru_stime, "first_result_s": first_at - started,
                      "steady_per_s": after_first / (last_at - first_at) if last_at > first_at else 0.0}))


def stages(rows: list[tuple[str, str]]) -> dict[str, float]:
    """Milliseconds per posting in each step of one process (after a warm-up)."""
    from cco_jobs.analysis import build_report, load_pipeline, model_info
    from cco_jobs.batch.engine import scoring_gc
    from cco_jobs.batch.records import InputRecord
    from cco_jobs.batch.rows import line_rows, posting_row
    from cco_jobs.ingest import parse_text
    from cco_jobs.pipeline.doc import posting_doc

    nlp = load_pipeline()
    info = model_info(nlp)
    times: dict[str, float] = {}
    clock = time.perf_counter

    for warm in (False, True):  # round one teaches the tokenizer the vocabulary, as a worker's warm-up does
        times.clear()
        # as a worker runs: memory zones after the warm-up, the collector tuned (scoring_gc)
        with nlp.memory_zone() if warm else contextlib.nullcontext(), scoring_gc():
            t = clock()
            posts = [parse_text(html, format="html") for _, html in rows]
            t, times["ingest (parse HTML into lines)"] = clock(), clock() - t
            docs = [posting_doc(nlp, p) for p in posts]
            t, times["posting_doc (tokenize)"] = clock(), clock() - t
            for name, proc in nlp.pipeline:
                docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                t, times[name] = clock(), clock() - t
            reports = [build_report(p, d, info) for p, d in zip(posts, docs)]
            t, times["build_report"] = clock(), clock() - t
            for r in reports:
                posting_row(InputRecord("x", "x"), r, info), line_rows("x", r)
            times["batch rows"] = clock() - t
            del docs
    return {name: 1000 * s / len(rows) for name, s in times.items()}


# -- the report -----------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=2000, help="postings for the -j1/-j2 runs")
    parser.add_argument("--memory-rows", default="10000,100000",
                        help="two sizes for the -j2 memory comparison ('' to skip)")
    parser.add_argument("--start-methods", default="default",
                        help="worker start methods to compare for -j2: default, forkserver, fork, spawn")
    parser.add_argument("--stages", action="store_true", help="also time each step in one process")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    sizes = [int(s) for s in args.memory_rows.split(",") if s]
    print(f"cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        rows = generate(max([args.rows] + sizes))
        src = workdir / "postings.parquet"
        write_input(src, rows[:args.rows])
        texts = visible_texts(rows[:args.rows])
        yard = yardstick(texts)
        print(f"postings: {args.rows:,}, {yard['words_per_posting']:.0f} visible words each on average")
        print(f"yardstick (blank 'en' tokenizer, collapsed text, 1 process): "
              f"{yard['postings_per_s']:,.0f} postings/s ({yard['tokens_per_s']:,.0f} tokens/s)")
        results = [run_engine(src, 1, "in-process", workdir)]
        for method in args.start_methods.split(","):  # the first is the one compared below
            results.append(run_engine(src, 2, method, workdir))
        for r in results:
            print(f"batch -j{r['jobs']} ({r['start']}): {r['postings_per_s']:,.1f} postings/s end to end "
                  f"({r['rows']:,} rows in {r['wall_s']:.1f} s, {r['failed']} failed; ratio to yardstick "
                  f"{r['postings_per_s'] / yard['postings_per_s']:.3f}); steady {r['steady_per_s']:,.1f} "
                  f"postings/s after the first result at {r['first_result_s']:.1f} s (ratio "
                  f"{r['steady_per_s'] / yard['postings_per_s']:.3f}); peak MB main {r['main_mb']:.0f}, "
                  f"other processes {', '.join(f'{m:.0f}' for m in r['worker_mb']) or '-'}; "
                  f"CPU ms/posting main {r['main_cpu_ms']:.1f}, workers {r['worker_cpu_ms']:.1f}")
        j1, j2 = results[0], results[1]
        print(f"-j2 / -j1 speed-up: {j2['postings_per_s'] / j1['postings_per_s']:.2f}x end to end, "
              f"{j2['steady_per_s'] / j1['steady_per_s']:.2f}x steady; -j2 / yardstick: "
              f"{j2['postings_per_s'] / yard['postings_per_s']:.3f} end to end, "
              f"{j2['steady_per_s'] / yard['postings_per_s']:.3f} steady (goal >= 0.6)")
        for n in sizes:
            if n == args.rows:
                r = j2  # the -j2 run above
            else:
                path = workdir / f"memory-{n}.parquet"
                write_input(path, rows[:n])
                r = run_engine(path, 2, "default", workdir)
            print(f"memory at {n:,} rows (-j2): main {r['main_mb']:.0f} MB, workers "
                  f"{', '.join(f'{m:.0f}' for m in r['worker_mb'])} MB ({r['postings_per_s']:.1f} postings/s "
                  f"end to end, {r['steady_per_s']:.1f} steady)")
        if args.stages:
            sample = rows[:200]
            per = stages(sample)
            total = sum(per.values())
            print(f"one process, ms per posting over {len(sample)} postings (total {total:.1f} ms, "
                  f"{1000 / total:.0f} postings/s):")
            for name, ms in sorted(per.items(), key=lambda kv: -kv[1]):
                print(f"  {name:34s} {ms:7.2f} ms  {100 * ms / total:5.1f}%")


if __name__ == "__main__":
    main()
