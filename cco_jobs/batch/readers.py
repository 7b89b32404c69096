"""Batch inputs: folders and globs of posting files, and JSONL, CSV or Parquet tables.

Every reader streams :class:`~cco_jobs.batch.records.InputRecord` objects, one per
input row, and never drops a row: a row that cannot become a posting comes out with
``error`` set (``malformed``, ``missing_field``, ``not_text``, ``too_large``).

Table columns: the posting is in ``--text-col`` (text, Markdown or HTML, sniffed) or
``--html-col`` (read as HTML). Without either, the one column named ``text``, ``body``,
``description``, ``content`` or ``html`` is used; the id comes from ``--id-col`` or
the column ``id``, else the one of ``job_id`` and ``url``, else the row's source
(``path:line``).
"""
from __future__ import annotations

import csv
import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .records import BatchError, InputRecord, cell_record, id_text, row_error

#: Files read as one posting each when found in a folder: the formats ``cco-jobs analyse``
#: reads (a folder of Word or PDF drafts is as natural an input as a scrape of pages).
POSTING_EXTENSIONS = (".html", ".htm", ".txt", ".md", ".markdown", ".docx", ".pdf")
#: Files read as tables of postings, by extension.
TABLE_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
TEXT_CANDIDATES = ("text", "body", "description", "content", "html")
ID_CANDIDATES = ("id", "job_id", "url")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Columns:
    """Which table columns hold the posting and the id, and how to read the posting."""

    text: str | None = None
    html: str | None = None
    id: str | None = None

    @property
    def value(self) -> str:
        return self.html or self.text or ""

    @property
    def format(self) -> str | None:
        return "html" if self.html else None


def choose_columns(names: Sequence[str], wanted: Columns, where: str) -> Columns:
    """Resolve ``wanted`` against a table's column ``names``; detect what was not given."""
    names = list(names)
    if wanted.text and wanted.html:
        raise BatchError("use --text-col or --html-col, not both")
    for given in filter(None, (wanted.text, wanted.html, wanted.id)):
        if given not in names:
            raise BatchError(f"{where}: no column {given!r} (columns: {', '.join(names) or 'none'})")
    text, html = wanted.text, wanted.html
    if not text and not html:
        found = [n for n in names if n.lower() in TEXT_CANDIDATES]
        if len(found) != 1:
            what = "several columns could hold the posting: " + ", ".join(found) if found else (
                f"no column named {', '.join(TEXT_CANDIDATES)}")
            raise BatchError(f"{where}: {what}; say which with --text-col or --html-col")
        text, html = (None, found[0]) if found[0].lower() == "html" else (found[0], None)
    ident = wanted.id
    if not ident:
        exact = [n for n in names if n.lower() == "id"]
        others = [n for n in names if n.lower() in ID_CANDIDATES[1:]]
        if len(exact) == 1:
            ident = exact[0]
        elif len(others) == 1 and not exact:
            ident = others[0]
        elif exact or others:
            raise BatchError(f"{where}: several columns could be the id: {', '.join(exact + others)}; "
                             "say which with --id-col")
    return Columns(text=text, html=html, id=ident)


class FileSource:
    """Posting files (:data:`POSTING_EXTENSIONS`), one record each; read by the worker."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths

    def count(self) -> int:
        return len(self.paths)

    def records(self, max_bytes: int) -> Iterator[InputRecord]:
        for path in self.paths:
            yield InputRecord(id=path, source=path, path=path)


def _strip_bom(raw: bytes, first: bool) -> bytes:
    """A UTF-8 byte-order mark opens some exported files; it is not part of the JSON."""
    return raw.removeprefix(b"\xef\xbb\xbf") if first else raw


class JsonlSource:
    """A JSON Lines file: one object per non-blank line."""

    def __init__(self, path: str, wanted: Columns) -> None:
        self.path = path
        # keys vary from row to row: a named column need only exist somewhere, and a row
        # without it is a missing_field error; detection looks at the first objects
        given = [c for c in (wanted.text, wanted.html, wanted.id) if c]
        self.columns = choose_columns(list(dict.fromkeys(self._sample_keys() + given)), wanted, path)

    def _sample_keys(self, limit: int = 50) -> list[str]:
        keys: dict[str, None] = {}
        seen = 0
        with open(self.path, "rb") as handle:
            for line in handle:
                if seen >= limit:
                    break
                if not line.strip():
                    continue
                seen += 1
                try:
                    obj = json.loads(_strip_bom(line, seen == 1).decode("utf-8", "surrogateescape"))
                except ValueError:
                    continue
                if isinstance(obj, dict):
                    keys.update(dict.fromkeys(obj))
        return list(keys)

    def count(self) -> int:
        with open(self.path, "rb") as handle:
            return sum(1 for line in handle if line.strip())

    def records(self, max_bytes: int) -> Iterator[InputRecord]:
        cols = self.columns
        with open(self.path, "rb") as handle:
            for lineno, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                source = f"{self.path}:{lineno}"
                try:
                    obj = json.loads(_strip_bom(raw, lineno == 1).decode("utf-8", "surrogateescape"))
                except ValueError as exc:
                    yield InputRecord(source, source, error=row_error("malformed", f"not valid JSON ({exc})"))
                    continue
                if not isinstance(obj, dict):
                    yield InputRecord(source, source, error=row_error(
                        "malformed", f"a JSON {type(obj).__name__}, not an object"))
                    continue
                ident = id_text(obj.get(cols.id) if cols.id else None, source)
                if cols.value not in obj:
                    yield InputRecord(ident, source, error=row_error(
                        "missing_field", f"no {cols.value!r} field"))
                    continue
                yield cell_record(ident, source, obj[cols.value], column=cols.value,
                                  fmt=cols.format, max_bytes=max_bytes)


class CsvSource:
    """A CSV file with a header row; a quoted field may span lines."""

    def __init__(self, path: str, wanted: Columns) -> None:
        self.path = path
        with self._open() as handle:
            header = next(csv.reader(handle), None)
        if not header:
            raise BatchError(f"{path}: the CSV file has no header row")
        self.header = header
        self.columns = choose_columns(header, wanted, path)

    def _open(self):
        # undecodable bytes survive as lone surrogates and are decoded per row by ingestion
        return open(self.path, encoding="utf-8-sig", errors="surrogateescape", newline="")

    def count(self) -> int:
        _raise_field_limit()
        with self._open() as handle:
            return max(0, sum(1 for _ in csv.reader(handle)) - 1)

    def records(self, max_bytes: int) -> Iterator[InputRecord]:
        _raise_field_limit()
        cols = self.columns
        width = len(self.header)
        value_at = self.header.index(cols.value)
        id_at = self.header.index(cols.id) if cols.id else None
        with self._open() as handle:
            reader = csv.reader(handle)
            next(reader, None)
            start = reader.line_num + 1
            for row in reader:
                source = f"{self.path}:{start}"
                start = reader.line_num + 1
                if not row:
                    continue  # a blank line is not a row
                ident = id_text(row[id_at] if id_at is not None and id_at < len(row) else None, source)
                if len(row) != width:
                    yield InputRecord(ident, source, error=row_error(
                        "malformed", f"the row has {len(row)} fields, the header {width}"))
                    continue
                yield cell_record(ident, source, row[value_at], column=cols.value,
                                  fmt=cols.format, max_bytes=max_bytes)


class ParquetSource:
    """A Parquet file, read in record batches of the two columns needed."""

    def __init__(self, path: str, wanted: Columns) -> None:
        import pyarrow.parquet as pq

        self.path = path
        self.file = pq.ParquetFile(path)
        self.columns = choose_columns(self.file.schema_arrow.names, wanted, path)

    def count(self) -> int:
        return self.file.metadata.num_rows

    def records(self, max_bytes: int, batch_rows: int = 256) -> Iterator[InputRecord]:
        cols = self.columns
        needed = list(dict.fromkeys(filter(None, (cols.value, cols.id))))
        row = 0
        # one reader per row group: a single iter_batches over a whole file kept more and
        # more Arrow memory as it went (17 MB flat this way, 72 MB and growing at 30k rows)
        for group in range(self.file.metadata.num_row_groups):
            for batch in self.file.iter_batches(batch_size=batch_rows, row_groups=[group], columns=needed):
                values = batch.column(cols.value).to_pylist()
                ids = batch.column(cols.id).to_pylist() if cols.id else [None] * len(values)
                yield from table_records(self.path, row, ids, values, cols, max_bytes)
                row += len(values)


def table_records(path: str, first_row: int, ids: Sequence, values: Sequence, cols: Columns,
                  max_bytes: int) -> Iterator[InputRecord]:
    """Records of table rows ``first_row``, ``first_row + 1``... (0-based; sources count from 1)."""
    for i, (ident, value) in enumerate(zip(ids, values), start=first_row + 1):
        source = f"{path}:{i}"
        yield cell_record(id_text(ident, source), source, value, column=cols.value,
                          fmt=cols.format, max_bytes=max_bytes)


Source = FileSource | JsonlSource | CsvSource | ParquetSource


def plan_inputs(inputs: Iterable[str], wanted: Columns = Columns()) -> list[Source]:
    """Resolve the INPUT arguments into sources, in order; raise :class:`BatchError` early."""
    sources: list[Source] = []
    files: list[str] = []

    def flush() -> None:
        if files:
            sources.append(FileSource(files.copy()))
            files.clear()

    for arg in inputs:
        for path in _expand(arg):
            kind = TABLE_KINDS.get(os.path.splitext(path)[1].lower())
            if kind is None:
                files.append(path)
                continue
            flush()
            sources.append({"jsonl": JsonlSource, "csv": CsvSource, "parquet": ParquetSource}[kind](path, wanted))
    flush()
    return sources


def _expand(arg: str) -> list[str]:
    """The files one INPUT names: itself, a folder's posting files (recursively), or a glob's."""
    if os.path.isdir(arg):
        return _folder_files(arg)
    if os.path.isfile(arg):
        return [arg]
    if _GLOB_CHARS.intersection(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            raise BatchError(f"{arg}: no file matches this pattern")
        out: list[str] = []
        for match in matches:
            out.extend(_folder_files(match) if os.path.isdir(match) else [match])
        return out
    raise BatchError(f"{arg}: no such file or folder")


def _folder_files(folder: str) -> list[str]:
    """Posting files under ``folder`` sorted by path; or its Parquet files when it is a Parquet dataset."""
    postings: list[str] = []
    tables: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            ext = os.path.splitext(name)[1].lower()
            if name.startswith("."):
                continue
            if ext in POSTING_EXTENSIONS:
                postings.append(Path(root, name).as_posix())
            elif TABLE_KINDS.get(ext) == "parquet":
                tables.append(Path(root, name).as_posix())
    return sorted(postings) or sorted(tables)


def _raise_field_limit() -> None:
    # postings are long; the size limit is checked per row, so the csv module need not
    limit = 2**31 - 1
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)
