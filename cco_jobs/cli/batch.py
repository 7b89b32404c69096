"""``cco-jobs batch``: score many postings into a postings table and a lines table."""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Iterator

import click

from .main import EXIT_INPUT, cli, max_bytes_option, model_option, reports_errors

#: Exit code when Ctrl-C stopped the run (what shells report for SIGINT).
EXIT_INTERRUPTED = 130


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--output", "-o", required=True, metavar="OUT",
              help="Postings table: a .parquet file, a folder (Parquet parts), .csv or .jsonl.")
@click.option("--lines", "lines_output", metavar="OUT2", default=None,
              help="Also write the lines table (one row per line), same choice of types.")
@click.option("--text-col", default=None, help="Table column holding the posting (text, Markdown or HTML).")
@click.option("--html-col", default=None, help="Table column holding the posting as HTML.")
@click.option("--id-col", default=None, help="Table column holding the row id (default: id, job_id or url).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of CPUs).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a Dask cluster (Parquet in and out).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to use (e.g. tcp://10.0.0.5:8786); default: a local cluster.")
@click.option("--resume", is_flag=True,
              help="Skip the rows already in OUT, matched by id (after an interrupted run).")
@click.option("--strict", is_flag=True, help="Stop with exit code 1 at the first row that fails.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@max_bytes_option("a larger row or file gets the error too_large, and the batch goes on")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Postings per task (one nlp.pipe batch in a worker).")
@click.option("--partition-rows", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Rows per Dask partition (--engine dask).")
@model_option
@reports_errors
def batch_command(inputs: tuple[str, ...], output: str, lines_output: str | None, text_col: str | None,
                  html_col: str | None, id_col: str | None, jobs: int | None, engine: str,
                  scheduler: str | None, resume: bool, strict: bool, quiet: bool, max_bytes: int | None,
                  batch_size: int, partition_rows: int, model_path: str | None) -> None:
    """Score many postings: one row per posting in OUT, one per line in OUT2.

    INPUT is a folder of .html, .htm, .txt, .md, .docx and .pdf postings (searched recursively), a
    glob pattern, or a JSONL, CSV or Parquet file with one posting per row. Every row
    appears exactly once in OUT, scored or with its `error` column set (the reason
    code first, e.g. "empty: ..."); a bad row never stops the batch unless --strict.
    A progress bar shows on a terminal; a summary line ends the run.

    \b
    Examples:
      cco-jobs batch scrape/ -o scores.parquet
      cco-jobs batch 'dumps/**/*.html' -o scores.csv --lines lines.csv -j 4
      cco-jobs batch jobs.jsonl --html-col page --id-col url -o scores.parquet --resume
      cco-jobs batch jobs.parquet -o scores/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from ..batch.engine import StrictStop, run_batch

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    options = dict(lines=lines_output, text_col=text_col, html_col=html_col, id_col=id_col, jobs=jobs,
                   resume=resume, strict=strict, progress=False if quiet else None,
                   max_bytes=max_bytes, model=model_path)
    try:
        if engine == "dask":
            from ..batch.dask_engine import MissingDask, run_dask

            try:
                summary = run_dask(inputs, output, scheduler=scheduler, partition_rows=partition_rows,
                                   chunk_size=batch_size, **options)
            except MissingDask as exc:
                raise click.ClickException(str(exc)) from None
        else:
            with terminate_as_interrupt():
                summary = run_batch(inputs, output, chunk_size=batch_size, **options)
    except StrictStop as exc:
        if not quiet:
            click.echo(exc.summary.line(), err=True)
        click.echo(f"cco-jobs: error: {exc}", err=True)
        raise SystemExit(EXIT_INPUT) from None
    if not quiet:
        click.echo(summary.line(), err=True)
    if summary.interrupted:
        click.echo("cco-jobs: interrupted; the rows scored so far are saved: rerun with --resume "
                   "to continue", err=True)
        raise SystemExit(EXIT_INTERRUPTED)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM (``timeout``, ``kill``, a job scheduler's stop) as Ctrl-C while a batch
    runs, so that the run ends the same way: the rows scored so far are committed and OUT
    is readable, ready for ``--resume``. The CLI's to set, not the library's."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
