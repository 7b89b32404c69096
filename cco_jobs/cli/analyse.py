"""``cco-jobs analyse``: one posting, as a terminal view, JSON or HTML."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .main import EXIT_BELOW_THRESHOLD, cli, max_bytes_option, model_option, reports_errors

FORMATS = ("terminal", "json", "html")


@cli.command("analyse")
@click.argument("source", metavar="PATH|-|URL")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="terminal",
              show_default=True, help="terminal view, the JSON report, or a self-contained HTML page.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              default="-", help="Write the report here instead of standard output.")
@click.option("--audience", type=click.Choice(["candidate", "recruiter", "researcher"]),
              default="researcher", show_default=True,
              help="Order and trim the terminal view for a candidate, a recruiter or a researcher.")
@click.option("--input-format", type=click.Choice(["text", "markdown", "html", "docx", "pdf"]), default=None,
              help="Read the input as this format instead of guessing from its name and content.")
@max_bytes_option("a larger input is refused (exit code 1)")
@click.option("--fail-under", type=click.IntRange(0, 100), default=None,
              help="Exit with code 3 when the commitment score is below this (for gating drafts).")
@click.option("--color/--no-color", default=None, help="Force colour on or off (default: auto, NO_COLOR respected).")
@model_option
@reports_errors
def analyse_command(source: str, fmt: str, output: str, audience: str, input_format: str | None,
                    max_bytes: int | None, fail_under: int | None, color: bool | None,
                    model_path: str | None) -> None:
    """Label every line of one posting and score its C-level commitment.

    PATH is a .txt, .md, .html, .htm, .docx or .pdf file (other formats are
    sniffed from the content), an http(s) URL to fetch, or - for standard input.

    \b
    Examples:
      cco-jobs analyse cco_jobs/examples/chief_customer_officer.html
      cco-jobs analyse posting.md --format json -o report.json
      cco-jobs analyse draft.docx --audience recruiter
      cco-jobs analyse https://careers.example.com/jobs/123
      cat draft.txt | cco-jobs analyse - --audience recruiter --fail-under 60
    """
    from ..analysis import analyse, load_pipeline
    from ..ingest.sources import link_scheme

    nlp = load_pipeline(model_path)
    # On the command line the argument is always a path, "-" or a URL: never the posting
    # text itself, so a mistyped path is reported as missing rather than analysed.
    is_link = source.lower().startswith(("http://", "https://")) or link_scheme(source) is not None
    src = source if source == "-" or is_link else Path(source)
    report = analyse(src, nlp=nlp, format=input_format, max_bytes=max_bytes)
    with click.open_file(output, "w", encoding="utf-8") as out:
        if fmt == "json":
            out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        elif fmt == "html":
            from ..render.html import render_html

            out.write(render_html(report))
        else:
            from ..render.terminal import make_console, render

            console = make_console(out if output != "-" else None, color=color)
            render(report, console, audience=audience)
    if fail_under is not None and report.commitment.score < fail_under:
        click.echo(f"cco-jobs: score {report.commitment.score} is below --fail-under {fail_under}",
                   err=True)
        raise SystemExit(EXIT_BELOW_THRESHOLD)
