"""Fetch a posting from an ``http://`` or ``https://`` link with httpx.

Polite and bounded: an honest ``User-Agent``, a timeout (per operation and for the
whole download), at most :data:`MAX_REDIRECTS` redirects, HTML or text only, and the
body streamed and abandoned as soon as it passes the size limit. Every failure is one
:class:`~cco_jobs.errors.PostingInputError` naming the URL, with reason ``fetch``
(DNS, refused, timeout, TLS, HTTP 4xx/5xx, too many redirects, not HTML or text) or
``too_large``.
"""
from __future__ import annotations

import re
import time
from typing import Any

from ..errors import PostingInputError
from .sources import RawInput, human_size

#: Seconds allowed for connecting, for each read, and for the whole download.
DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
_URL = re.compile(r"\Ahttps?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)
# Content types read as a posting, and the extension that tells read_posting the format.
_CONTENT_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
                  "text/markdown": ".md", "text/x-markdown": ".md"}
_WEB_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252",
                "ascii": "windows-1252", "us-ascii": "windows-1252"}


def is_url(text: str) -> bool:
    """True for one ``http://`` or ``https://`` address with no white space in it."""
    return bool(_URL.match(text.strip())) and "\n" not in text


def user_agent() -> str:
    """The ``User-Agent`` every request sends: who we are and what for."""
    from .. import __version__

    return f"cco-jobs/{__version__} (+job posting analysis)"


def fetch_url(url: str, max_bytes: int, *, timeout: float | None = None,
              max_redirects: int | None = None) -> RawInput:
    """Download ``url`` (following redirects) and return it as a :class:`RawInput`.

    The result's ``extension`` (``.html``, ``.txt`` or ``.md``) comes from the
    ``Content-Type``; its ``metadata`` records ``file_type`` (``"url"``), ``url``,
    ``final_url`` (after redirects), ``content_type`` and ``http_status``. Defaults for
    ``timeout`` and ``max_redirects`` are :data:`DEFAULT_TIMEOUT` and :data:`MAX_REDIRECTS`.
    """
    try:
        import httpx
    except ImportError:  # pragma: no cover - httpx is a core dependency
        raise PostingInputError(url, "unsupported", "reading links needs httpx (pip install httpx)") from None
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    max_redirects = MAX_REDIRECTS if max_redirects is None else max_redirects
    headers = {"User-Agent": user_agent(),
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=max_redirects, timeout=timeout,
                          headers=headers) as client, client.stream("GET", url.strip()) as response:
            return _read_response(url, response, max_bytes, time.monotonic() + timeout)
    except httpx.TooManyRedirects:
        raise PostingInputError(url, "fetch", f"too many redirects (more than {max_redirects})") from None
    except httpx.TimeoutException:
        raise PostingInputError(url, "fetch", f"timed out after {timeout:g} s") from None
    except httpx.UnsupportedProtocol as exc:
        raise PostingInputError(url, "fetch", f"cannot fetch ({exc})") from None
    except httpx.ConnectError as exc:
        raise PostingInputError(url, "fetch", _connect_failure(exc, url)) from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise PostingInputError(url, "fetch", f"cannot fetch ({_why(exc)})") from None


def _read_response(url: str, response: Any, max_bytes: int, deadline: float) -> RawInput:
    if not response.is_success:  # 4xx, 5xx, or a 3xx that is not a redirect
        phrase = response.reason_phrase or ""
        raise PostingInputError(url, "fetch", f"HTTP {response.status_code} {phrase}".rstrip())
    mime, charset = _content_type(response.headers.get("content-type", ""))
    if mime and mime not in _CONTENT_TYPES:
        raise PostingInputError(url, "fetch", f"not an HTML page or text (the server sent {mime})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise PostingInputError(url, "too_large", f"over the size limit of {human_size(max_bytes)}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:  # stop reading: the rest is never downloaded
            raise PostingInputError(url, "too_large", f"over the size limit of {human_size(max_bytes)}")
        if time.monotonic() > deadline:  # a server dripping bytes never trips the read timeout
            raise PostingInputError(url, "fetch", "timed out while downloading")
        chunks.append(chunk)
    data = b"".join(chunks)
    metadata = {"file_type": "url", "url": url.strip(), "final_url": str(response.url),
                "content_type": mime or "", "http_status": str(response.status_code)}
    body: bytes | str = data
    text = _decode_declared(data, charset)
    if text is not None:
        body, metadata["encoding"] = text, _WEB_ALIASES.get(charset, charset)
    return RawInput(url.strip(), body, _CONTENT_TYPES.get(mime), metadata)


def _content_type(header: str) -> tuple[str, str]:
    """``("text/html", "utf-8")`` from ``text/html; charset="UTF-8"``."""
    mime, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.IGNORECASE)
    return mime.strip().lower(), (match.group(1).lower() if match else "")


def _decode_declared(data: bytes, charset: str) -> str | None:
    """Text in the charset the server declared, when the bytes are not UTF-8 (strict
    UTF-8 wins over any declaration, as in :mod:`cco_jobs.ingest.decode`); else ``None``
    and the bytes go through the usual decoder."""
    if not charset or charset.replace("_", "-") in ("utf-8", "utf8") or not data:
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(_WEB_ALIASES.get(charset, charset))
    except (LookupError, UnicodeDecodeError):
        return None


def _connect_failure(exc: BaseException, url: str) -> str:
    text = _why(exc)
    lowered = text.lower()
    if any(s in lowered for s in ("name or service not known", "nodename nor servname", "getaddrinfo",
                                  "name resolution", "no address associated", "temporary failure")):
        host = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE).split("/", 1)[0]
        return f"cannot resolve the host name {host}"
    if "refused" in lowered:
        return "connection refused"
    if "certificate" in lowered:
        return "the TLS certificate could not be verified"
    return f"cannot connect ({text})"


def _why(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
