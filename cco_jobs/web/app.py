"""The draft checker's routes (see :mod:`cco_jobs.web`); imported only with the web extra.

``GET /`` is the page; ``POST /api/analyse`` takes ``{"text": ..., "format": null}`` and
answers ``{"report": <the JSON report>, "html": <the rendered report fragment>}``, or
``{"error": <one sentence for the page>, "reason": <code>}`` with status 400 (not a JSON
request), 413 (over the size limit) or 422 (not a readable posting);
``GET /api/example`` returns the shipped example posting as a draft to try.
"""
from __future__ import annotations

import json
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from ..errors import PostingInputError
from ..render.html import render_fragment, render_template
from . import DEFAULT_MAX_BYTES, LOOPBACK_NAMES, is_loopback

if TYPE_CHECKING:
    from spacy.language import Language

    from ..posting import Posting

INPUT_FORMATS = ("text", "markdown", "html")
ANALYSE_PATH = "/api/analyse"
EXAMPLE_PATH = "/api/example"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chief_customer_officer.html"
# JSON escaping can double a draft (newlines, quotes); the exact limit is checked on the text
_ENVELOPE_FACTOR = 2
_ENVELOPE_SLACK = 4096
_COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                   "Cache-Control": "no-store"}


class DraftTooLarge(Exception):
    """The draft (``size`` bytes, ``None`` when unknown) is over the limit."""

    def __init__(self, size: int | None) -> None:
        super().__init__(size)
        self.size = size


class BadDraftRequest(Exception):
    """The request is not ``{"text": str, "format": str | null}``."""


class DraftChecker:
    """Analyses drafts with one pipeline, one at a time, forgetting each afterwards.

    A lock serialises the analyses: a spaCy pipeline and its memory zones are not meant
    to be shared between threads, and a draft takes milliseconds.
    """

    def __init__(self, nlp: Language, max_bytes: int) -> None:
        self.nlp = nlp
        self.max_bytes = max_bytes
        self._lock = threading.Lock()

    def analyse(self, text: str, fmt: str | None) -> dict[str, Any]:
        """The JSON report and the rendered fragment of one draft."""
        from ..analysis import analyse_posting
        from ..ingest import parse_text

        size = len(text.encode("utf-8", "surrogatepass"))
        if size > self.max_bytes:
            raise DraftTooLarge(size)
        with self._lock, self.nlp.memory_zone():
            report = analyse_posting(parse_text(text, source="draft", format=fmt), nlp=self.nlp)
            return {"report": report.to_dict(), "html": render_fragment(report)}


def kilobytes(n: int) -> str:
    """``204800`` -> ``"204.8 kB"`` (decimal kB, as the limit is stated)."""
    return f"{n / 1000:.1f} kB".replace(".0 kB", " kB")


def too_large_message(size: int | None, limit: int) -> str:
    """The sentence the page shows when a draft is refused for its size."""
    what = f"This draft is {kilobytes(size)}" if size else "This draft is too large"
    return (f"{what}; the draft checker accepts up to {kilobytes(limit)}. Shorten it, or "
            "analyse the file with `cco-jobs analyse` (or restart the server with a larger --max-bytes).")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (without reading on) one longer than ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise DraftTooLarge(int(declared))  # the request's size: the draft's, give or take the JSON
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise DraftTooLarge(None)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_draft_request(body: bytes) -> tuple[str, str | None]:
    """``(text, format)`` from a request body, or :class:`BadDraftRequest` saying what is wrong."""
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadDraftRequest('Send the draft as JSON: {"text": "...", "format": null}.') from None
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise BadDraftRequest('The request needs a "text" field holding the draft as a string.')
    fmt = payload.get("format") or None
    if fmt is not None and fmt not in INPUT_FORMATS:
        raise BadDraftRequest(f'"format" must be one of {", ".join(INPUT_FORMATS)}, or null to guess.')
    return payload["text"], fmt


def draft_text(posting: Posting) -> str:
    """A posting written back as a Markdown draft (page furniture left out)."""
    rows, first = [], True
    for line in posting.lines:
        if line.chrome:
            continue
        if line.is_heading:
            rows += ["", ("# " if first else "## ") + line.text, ""]
            first = False
        else:
            rows.append(("- " if line.is_bullet else "") + line.text)
            if not line.is_bullet:
                rows.append("")
    return "\n".join(rows).strip().replace("\n\n\n", "\n\n") + "\n"


@lru_cache(maxsize=1)
def example_draft() -> str:
    """The shipped example posting as a draft to try on the page."""
    from ..ingest import read_posting

    return draft_text(read_posting(EXAMPLE))


#: What the page says for the input errors a draft can run into while being typed.
DRAFT_MESSAGES = {
    "empty": "The draft is empty.",
    "not_a_posting": "Nothing here reads like a job posting yet: add the title and a few lines "
                     "of what the role will do.",
    "no_text": "The HTML has no visible text: paste the posting's text, or choose Plain text.",
}


def _input_message(exc: PostingInputError) -> str:
    message = DRAFT_MESSAGES.get(exc.reason) or exc.message[:1].upper() + exc.message[1:]
    return message if message.endswith(".") else message + "."


def _error(status: int, reason: str, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "reason": reason}, status_code=status, headers=_COMMON_HEADERS)


def page_policy(nonce: str) -> str:
    """The page's Content-Security-Policy: its own script only, requests to itself only."""
    return ("default-src 'none'; "
            f"script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; connect-src 'self'; "
            "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def build_app(nlp: Language | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
              allowed_hosts: list[str] | None = None) -> Starlette:
    """The Starlette app (see :func:`cco_jobs.web.create_app`)."""
    from ..analysis import load_pipeline

    checker = DraftChecker(nlp or load_pipeline(), max_bytes)
    body_limit = _ENVELOPE_FACTOR * max_bytes + _ENVELOPE_SLACK

    async def page(request: Request) -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        html = render_template("web.html", nonce=nonce, max_bytes=max_bytes,
                               max_size=kilobytes(max_bytes), analyse_url=ANALYSE_PATH,
                               example_url=EXAMPLE_PATH)
        return HTMLResponse(html, headers={**_COMMON_HEADERS,
                                           "Content-Security-Policy": page_policy(nonce)})

    async def analyse_draft(request: Request) -> JSONResponse:
        try:
            text, fmt = parse_draft_request(await read_body(request, body_limit))
            result = await run_in_threadpool(checker.analyse, text, fmt)
        except DraftTooLarge as exc:
            return _error(413, "too_large", too_large_message(exc.size, max_bytes))
        except BadDraftRequest as exc:
            return _error(400, "bad_request", str(exc))
        except PostingInputError as exc:
            return _error(422, exc.reason, _input_message(exc))
        return JSONResponse(result, headers=_COMMON_HEADERS)

    async def example(request: Request) -> JSONResponse:
        text = await run_in_threadpool(example_draft)
        return JSONResponse({"text": text, "format": "markdown"}, headers=_COMMON_HEADERS)

    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] if allowed_hosts else []
    return Starlette(routes=[
        Route("/", page, methods=["GET"]),
        Route(ANALYSE_PATH, analyse_draft, methods=["POST"]),
        Route(EXAMPLE_PATH, example, methods=["GET"]),
    ], middleware=middleware)


def run(nlp: Language | None = None, *, host: str = "127.0.0.1", port: int = 8000,
        max_bytes: int = DEFAULT_MAX_BYTES, **uvicorn_options: Any) -> None:
    """Serve the app with uvicorn (see :func:`cco_jobs.web.serve`)."""
    import uvicorn

    # Starlette's host check cannot parse an IPv6 Host header, so ::1 goes unchecked
    allowed = [*LOOPBACK_NAMES, host] if is_loopback(host) and ":" not in host else None
    app = build_app(nlp, max_bytes=max_bytes, allowed_hosts=allowed)
    options = {"server_header": False, "access_log": False, **uvicorn_options}
    uvicorn.run(app, host=host, port=port, **options)


@contextmanager
def run_in_background(nlp: Language | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
                      startup_timeout: float = 20.0) -> Iterator[str]:
    """Serve the app in a thread on a free loopback port (see :func:`cco_jobs.web.serve_in_background`)."""
    import uvicorn

    # the same Host guard as serve() on loopback: a page elsewhere cannot rebind a name to it
    app = build_app(nlp, max_bytes=max_bytes, allowed_hosts=list(LOOPBACK_NAMES))
    with socket.socket() as sock:  # bound here and handed to uvicorn, so no one can take the port in between
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        try:
            deadline = time.monotonic() + startup_timeout
            while not server.started:
                if time.monotonic() > deadline or not thread.is_alive():
                    raise RuntimeError(f"the draft checker did not start within {startup_timeout:g} s")
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)
