"""The local draft checker behind ``cco-jobs serve``: one page, one JSON endpoint.

A recruiter pastes or uploads a draft; the page posts it (debounced) to
``POST /api/analyse`` and shows the annotated posting and the score that come back. The
app is a thin view of :func:`cco_jobs.analysis.analyse_posting` and
:func:`cco_jobs.render.html.render_fragment`: it labels and scores nothing itself, and
it stores nothing (each draft is analysed in memory, inside ``nlp.memory_zone()``, and
forgotten).

Starlette and uvicorn are an optional extra (``pip install 'cco-jobs[web]'``); they are
imported only when the app is built.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import CcoJobsError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from spacy.language import Language
    from starlette.applications import Starlette

#: Drafts larger than this (200 kB) are refused with HTTP 413.
DEFAULT_MAX_BYTES = 200_000
EXTRA_HINT = "pip install 'cco-jobs[web]'"

#: Host names that reach this machine only (the ``Host`` headers the app accepts on loopback).
LOOPBACK_NAMES = ("127.0.0.1", "localhost")

__all__ = ["DEFAULT_MAX_BYTES", "WebExtraMissing", "create_app", "is_loopback", "serve", "serve_in_background"]


class WebExtraMissing(CcoJobsError, ImportError):
    """Starlette or uvicorn is not installed: the message names the extra to install."""


def is_loopback(host: str) -> bool:
    """Whether an interface to listen on is reachable from this machine only."""
    return host in LOOPBACK_NAMES or host.startswith("127.") or host == "::1"


def require_web() -> None:
    """Raise :class:`WebExtraMissing` unless the web extra's packages import."""
    for module in ("starlette", "uvicorn"):
        try:
            __import__(module)
        except ImportError as exc:
            raise WebExtraMissing(
                f"the web page needs {module}, which is not installed: {EXTRA_HINT}") from exc


def create_app(nlp: Language | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
               allowed_hosts: list[str] | None = None) -> Starlette:
    """The Starlette app of the draft checker (the shipped pipeline unless ``nlp`` is given).

    ``allowed_hosts`` restricts the ``Host`` header (a guard against DNS rebinding when
    the app listens on loopback); ``None`` accepts any host.
    """
    require_web()
    from .app import build_app

    return build_app(nlp, max_bytes=max_bytes, allowed_hosts=allowed_hosts)


def serve(nlp: Language | None = None, *, host: str = "127.0.0.1", port: int = 8000,
          max_bytes: int = DEFAULT_MAX_BYTES, **uvicorn_options: Any) -> None:
    """Run the draft checker with uvicorn until interrupted."""
    require_web()
    from .app import run

    run(nlp, host=host, port=port, max_bytes=max_bytes, **uvicorn_options)


def serve_in_background(nlp: Language | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
                        startup_timeout: float = 20.0) -> AbstractContextManager[str]:
    """Run the draft checker on a free 127.0.0.1 port in a background thread, for a ``with`` block.

    The block gets the server's address (``http://127.0.0.1:<port>``, no trailing slash)
    once the server accepts connections; leaving the block stops the server. For tests
    and scripts that drive the page in a browser::

        with serve_in_background(nlp) as url:
            page.goto(url + "/")

    Raises ``RuntimeError`` when the server has not started within ``startup_timeout`` seconds.
    """
    require_web()
    from .app import run_in_background

    return run_in_background(nlp, max_bytes=max_bytes, startup_timeout=startup_timeout)
