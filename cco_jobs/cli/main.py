"""The click group, the shared options, and how library errors become exit codes.

Exit codes (documented in the README):

- 0: success;
- 1: bad input or an unusable model (one line on stderr naming the input and the problem);
- 2: a usage error (unknown option, missing argument), from click;
- 3: ``--fail-under``: the posting scored below the threshold.
"""
from __future__ import annotations

import functools
import os
import sys
from typing import Any, Callable

import click

from ..errors import CcoJobsError

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_BELOW_THRESHOLD = 3


class AliasedGroup(click.Group):
    """A group that accepts ``analyze`` for ``analyse``."""

    aliases = {"analyze": "analyse"}

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, self.aliases.get(cmd_name, cmd_name))

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name, cmd, rest = super().resolve_command(ctx, args)
        return (cmd.name if cmd else name), cmd, rest


@click.group(cls=AliasedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cco-jobs", prog_name="cco-jobs")
def cli() -> None:
    """Read Chief Customer Officer job postings and say how real the role is.

    Every line of a posting is labelled (strategic, sales, contact-centre, cost-cutting,
    neutral or context) with the words that carry the label, and the posting's C-level
    commitment is scored 0-100 from the evidence.

    \b
    Examples:
      cco-jobs analyse posting.html
      cco-jobs analyse posting.md --format json
      cco-jobs analyse draft.txt --audience recruiter --fail-under 60
    """


def reports_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's own errors into one clean line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # here, so that a reader gone away is seen below, not by click (exit 1)
            return result
        except CcoJobsError as exc:
            click.echo(f"cco-jobs: error: {exc}", err=True)
            raise SystemExit(EXIT_INPUT) from None
        except BrokenPipeError:  # the reader went away (`| head`): nothing left to say
            # what is still buffered for stdout goes nowhere, not to a second error at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0) from None
        except OSError as exc:  # e.g. an output file that cannot be written
            name = getattr(exc, "filename", None) or "output"
            click.echo(f"cco-jobs: error: {name}: {exc.strerror or exc}", err=True)
            raise SystemExit(EXIT_INPUT) from None

    return wrapper


def model_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--model PATH``: a pipeline directory instead of the shipped one."""
    return click.option(
        "--model", "model_path", type=click.Path(file_okay=False, path_type=str), default=None,
        help="Pipeline directory to use instead of the shipped model (or set CCO_JOBS_MODEL).",
    )(func)


def max_bytes_option(refused: str, default: int | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--max-bytes N``, the same option in every command that reads postings; ``refused``
    says what happens to an input over the limit (``default``: the ingestion limit)."""
    from ..ingest import DEFAULT_MAX_BYTES

    return click.option(
        "--max-bytes", type=click.IntRange(min=1), default=default or DEFAULT_MAX_BYTES, show_default=True,
        help=f"Largest input in bytes; {refused}.",
    )


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="cco-jobs")
