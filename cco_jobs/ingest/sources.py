"""Where a posting comes from: a path, standard input, a file object, bytes, a string or a link.

Everything here ends in a :class:`RawInput` (bytes or text plus a name for messages)
or a :class:`~cco_jobs.errors.PostingInputError` naming what is wrong with the input.
Links (``http://``, ``https://``) are fetched by :mod:`cco_jobs.ingest.fetch`.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Union

from ..errors import PostingInputError

#: Extensions whose format we know.
EXTENSION_FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".pdf": "pdf",
}
# Extensions that make a string a path even though we cannot read the format, so
# "cv.doc" fails as a missing or binary file rather than being analysed as text.
OTHER_EXTENSIONS = frozenset({".doc", ".odt", ".rtf", ".json", ".csv"})
#: A string longer than this, or holding a line break, is a posting, never a path.
MAX_PATH_CHARS = 1000

Source = Union[str, "os.PathLike[str]", bytes, IO[bytes], IO[str]]


@dataclass(frozen=True)
class RawInput:
    """The undecoded input: ``data`` is bytes from files and streams, str from strings.

    ``metadata`` is what the source itself says about the input (a fetched link's URL,
    final URL and content type), copied into :attr:`~cco_jobs.posting.Posting.metadata`.
    """

    name: str
    data: bytes | str
    extension: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


#: A link, one line with no spaces: "ftp://host/job.html".
_LINK = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]{1,15})://\S+$")


def link_scheme(text: str) -> str | None:
    """The scheme of ``text`` when it is a link alone ("ftp" for "ftp://host/job.html"), else ``None``."""
    match = _LINK.match(text)
    return match.group(1) if match else None


def load(source: Source, max_bytes: int) -> RawInput:
    """Read ``source`` (see :func:`cco_jobs.ingest.read_posting`) up to ``max_bytes``."""
    if isinstance(source, os.PathLike):
        return _read_path(Path(source), max_bytes)
    if isinstance(source, str):
        if source == "-":
            return _read_stdin(max_bytes)
        if source[:8].lower().startswith(("http://", "https://")):
            from .fetch import fetch_url, is_url

            if is_url(source):
                return fetch_url(source, max_bytes)
        scheme = link_scheme(source)
        if scheme and scheme.lower() not in ("http", "https") and not os.path.exists(source):
            # "ftp://...", "file://...": say so, not "no such file"
            raise PostingInputError(source, "unsupported",
                                    f"{scheme} links are not read (only http:// and https://)")
        if looks_like_path(source):
            return _read_path(_expand(source), max_bytes)
        _check_size("<string>", len(source.encode("utf-8", "surrogatepass")), max_bytes)
        return RawInput("<string>", source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size("<bytes>", len(data), max_bytes)
        return RawInput("<bytes>", data)
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        label = name if isinstance(name, str) and name else "<stream>"
        return _read_stream(source, label, max_bytes)
    raise TypeError(f"cannot read a posting from {type(source).__name__}")


def looks_like_path(text: str) -> bool:
    """A string is a path when it is one short line that exists or ends in a known extension."""
    if not text.strip() or len(text) >= MAX_PATH_CHARS or "\n" in text or "\r" in text:
        return False
    suffix = os.path.splitext(text.rstrip())[1].lower()
    if suffix in EXTENSION_FORMATS or suffix in OTHER_EXTENSIONS:
        return True
    try:
        return _expand(text).exists()
    except (OSError, ValueError):  # a name too long for the OS, or an embedded NUL
        return False


def _expand(text: str) -> Path:
    """``~/cco.txt`` as the shell would read it; ``~nobody`` stays as written."""
    try:
        return Path(text).expanduser()
    except RuntimeError:  # "~name" for a user that does not exist
        return Path(text)


def extension_of(name: str) -> str | None:
    """The lower-case suffix of a file name, or ``None``."""
    return os.path.splitext(name)[1].lower() or None


def _read_path(path: Path, max_bytes: int) -> RawInput:
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PostingInputError(name, "missing", "no such file") from None
    except PermissionError:
        raise PostingInputError(name, "unreadable", "permission denied") from None
    except (OSError, ValueError) as exc:
        raise PostingInputError(name, "unreadable", f"cannot read ({_why(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise PostingInputError(name, "directory", "is a directory, not a posting file")
    if stat.S_ISREG(info.st_mode):
        _check_size(name, info.st_size, max_bytes)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)  # +1: a pipe or a growing file has no size
    except PermissionError:
        raise PostingInputError(name, "unreadable", "permission denied") from None
    except IsADirectoryError:
        raise PostingInputError(name, "directory", "is a directory, not a posting file") from None
    except OSError as exc:
        raise PostingInputError(name, "unreadable", f"cannot read ({_why(exc)})") from None
    _check_size(name, len(data), max_bytes)
    return RawInput(name, data, extension_of(name))


def _read_stdin(max_bytes: int) -> RawInput:
    stream = sys.stdin
    if stream is None:
        raise PostingInputError("<stdin>", "unreadable", "there is no standard input")
    # Prefer the byte stream so the decoder, not the locale, picks the encoding.
    return _read_stream(getattr(stream, "buffer", stream), "<stdin>", max_bytes)


def _read_stream(stream: IO[bytes] | IO[str], name: str, max_bytes: int) -> RawInput:
    try:
        data = stream.read(max_bytes + 1)
    except UnicodeDecodeError as exc:
        raise PostingInputError(name, "undecodable", f"text stream is not valid {exc.encoding}") from None
    except (OSError, ValueError) as exc:  # ValueError: reading a closed file
        raise PostingInputError(name, "unreadable", f"cannot read ({_why(exc)})") from None
    if data is None:  # a non-blocking stream with nothing ready
        data = b""
    size = len(data) if len(data) > max_bytes or not isinstance(data, str) else len(
        data.encode("utf-8", "surrogatepass")
    )
    _check_size(name, size, max_bytes)
    ext = extension_of(name) if not name.startswith("<") else None
    return RawInput(name, data if isinstance(data, str) else bytes(data), ext)


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise PostingInputError(name, "too_large", f"over the size limit of {human_size(max_bytes)}")


def human_size(n: int) -> str:
    """``5 MB``, ``200 kB``, ``100 bytes``: a size limit as messages state it."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
