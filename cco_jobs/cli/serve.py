"""``cco-jobs serve``: the local draft checker (needs the ``web`` extra)."""
from __future__ import annotations

import click

from ..web import DEFAULT_MAX_BYTES, is_loopback
from .main import cli, max_bytes_option, model_option, reports_errors

DEFAULT_PORT = 8000


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Keep the default unless others on your network should use the page.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on.")
@max_bytes_option("a larger draft is refused (HTTP 413)", DEFAULT_MAX_BYTES)
@model_option
@reports_errors
def serve_command(host: str, port: int, max_bytes: int, model_path: str | None) -> None:
    """Start a local web page that annotates and scores a draft posting as you edit it.

    Paste or upload a draft: every line is coloured by label with its cue words, tactical
    lines get a suggested rewrite, and the commitment score and its signals update as you
    type. Drafts are analysed in memory and never stored. Needs the web extra:
    pip install 'cco-jobs[web]'.

    \b
    Examples:
      cco-jobs serve
      cco-jobs serve --port 9000 --max-bytes 500000
    """
    from ..analysis import load_pipeline
    from ..web import require_web, serve

    require_web()  # before the model loads, so a missing extra fails at once
    nlp = load_pipeline(model_path)
    if not is_loopback(host):
        click.echo(f"cco-jobs: warning: listening on {host}: anyone who can reach this machine "
                   "can use the page", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"cco-jobs draft checker on http://{shown}:{port}/ (drafts up to {max_bytes:,} bytes; "
               "Ctrl+C to stop)", err=True)
    serve(nlp, host=host, port=port, max_bytes=max_bytes)
