"""Batch outputs: Parquet (a file or a folder), CSV or JSONL, written as committed parts.

Rows go into a part file under a temporary name (``.part-00003.parquet.tmp``) and the
part is renamed into place (``part-00003.parquet``) when it is committed, every few
thousand postings or every minute; a rename is atomic, so a part is either whole or
absent. A Parquet folder *is* its parts. A single output file is assembled from the
parts, which wait beside it in ``OUT.parts/``, and replaces ``OUT`` atomically when the
run ends (or is interrupted with Ctrl-C). A killed run therefore leaves ``OUT`` as it
was and its committed parts in ``OUT.parts/``; ``--resume`` finds the ids in both.

The lines table is committed in lockstep with the postings table (lines part first),
so a posting counts as done only when its lines are saved too.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import IO, Any, Iterator

from .records import BatchError
from .rows import LINE_NAMES, POSTING_NAMES
from .scoring import ChunkRows

KINDS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_EXT = {"parquet": ".parquet", "parquet_dir": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}
_PART = re.compile(r"^part-(\d{5,})\.(parquet|csv|jsonl)$")


def output_kind(path: str | os.PathLike[str]) -> str:
    """``parquet``, ``csv`` or ``jsonl`` by extension; ``parquet_dir`` for a folder."""
    text = os.fspath(path)
    ext = os.path.splitext(text.rstrip("/\\"))[1].lower()
    if os.path.isdir(text) or text.endswith(("/", os.sep)) or not ext:
        return "parquet_dir"
    if ext not in KINDS:
        raise BatchError(f"{text}: unknown output type {ext!r}; use .parquet, .csv, .jsonl or a folder")
    return KINDS[ext]


class TableStore:
    """One output table (``postings`` or ``lines``) written as numbered, committed parts."""

    def __init__(self, target: str | os.PathLike[str], table: str, *, group_rows: int) -> None:
        self.target = Path(target)
        self.table = table
        self.kind = output_kind(target)
        self.ext = _EXT[self.kind]
        self.names = POSTING_NAMES if table == "postings" else LINE_NAMES
        self.parts_dir = self.target if self.kind == "parquet_dir" else self.target.with_name(
            self.target.name + ".parts")
        self.group_rows = group_rows
        self._buffer: list[tuple] = []
        self._writer: Any = None
        self._tmp: Path | None = None
        self._index: int | None = None
        #: whether rows already in a single-file target belong in the result (only on --resume)
        self.keep_existing = False

    # -- parts on disk ----------------------------------------------------------------
    def committed(self) -> dict[int, Path]:
        """Committed part files by index."""
        if not self.parts_dir.is_dir():
            return {}
        found = {}
        for entry in self.parts_dir.iterdir():
            match = _PART.match(entry.name)
            if match and entry.suffix == self.ext:
                found[int(match.group(1))] = entry
        return dict(sorted(found.items()))

    def clean(self, *, keep: set[int] | None) -> None:
        """Remove temporary parts, and committed parts not in ``keep`` (all when ``None``)."""
        if not self.parts_dir.is_dir():
            return
        for entry in self.parts_dir.iterdir():
            if entry.name.startswith(".part-") and entry.name.endswith(".tmp"):
                entry.unlink()
        for index, path in self.committed().items():
            if keep is None or index not in keep:
                path.unlink()

    def ids(self) -> Iterator[str]:
        """The ids already written: in the output file and in the committed parts."""
        sources = list(self.committed().values())
        if self.kind != "parquet_dir" and self.target.is_file():
            sources.insert(0, self.target)
        for path in sources:
            yield from _read_ids(path, self.kind, header=path == self.target)

    # -- writing ----------------------------------------------------------------------
    def write(self, rows: list[tuple], index: int) -> None:
        if self._index is None:
            self._open(index)
        self._buffer.extend(rows)
        if len(self._buffer) >= self.group_rows:
            self._flush()

    def _open(self, index: int) -> None:
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        self._index = index
        self._tmp = self.parts_dir / f".part-{index:05d}{self.ext}.tmp"
        if self.kind in ("parquet", "parquet_dir"):
            import pyarrow.parquet as pq

            from .rows import arrow_schema

            self._writer = pq.ParquetWriter(self._tmp, arrow_schema(self.table))
        else:
            self._writer = open(self._tmp, "w", encoding="utf-8", newline="")

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self.kind in ("parquet", "parquet_dir"):
            from .rows import arrow_table

            self._writer.write_table(arrow_table(self.table, self._buffer))
        elif self.kind == "csv":
            csv.writer(self._writer).writerows(self._buffer)
        else:
            names = self.names
            self._writer.writelines(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n"
                                    for row in self._buffer)
        self._buffer.clear()

    def commit(self, index: int) -> None:
        """Close the open part and rename it into place (writes an empty part if none is open)."""
        if self._index is None:
            self._open(index)
        self._flush()
        self._writer.close()
        assert self._tmp is not None
        os.replace(self._tmp, self.parts_dir / f"part-{self._index:05d}{self.ext}")
        self._writer = self._tmp = self._index = None

    def abort(self) -> None:
        """Drop the open part, if any."""
        if self._writer is not None:
            self._writer.close()
        if self._tmp is not None and self._tmp.exists():
            self._tmp.unlink()
        self._buffer.clear()
        self._writer = self._tmp = self._index = None

    def finalize(self) -> None:
        """Assemble a single output file from itself and the parts; a folder needs nothing."""
        if self.kind == "parquet_dir":
            self.parts_dir.mkdir(parents=True, exist_ok=True)
            if not self.committed():  # an empty run still leaves a readable table
                self.commit(0)
            return
        existing = [self.target] if self.keep_existing and self.target.is_file() else []
        sources = existing + list(self.committed().values())
        tmp = self.target.with_name(f".{self.target.name}.tmp")
        if self.kind == "parquet":
            _merge_parquet(sources, tmp, self.table)
        else:
            _merge_text(sources, tmp, self.target, self.names if self.kind == "csv" else None)
        os.replace(tmp, self.target)
        if self.parts_dir.is_dir():
            shutil.rmtree(self.parts_dir)


class Output:
    """The postings table and, optionally, the lines table of one run."""

    def __init__(self, postings: str | os.PathLike[str], lines: str | os.PathLike[str] | None = None, *,
                 resume: bool = False, commit_rows: int = 5000, commit_seconds: float = 60.0) -> None:
        if lines is not None and Path(lines).resolve() == Path(postings).resolve():
            raise BatchError("the lines table needs its own output path")
        self.postings = TableStore(postings, "postings", group_rows=4096)
        self.lines = TableStore(lines, "lines", group_rows=16384) if lines is not None else None
        self.stores = [s for s in (self.lines, self.postings) if s is not None]
        self.commit_rows = commit_rows
        self.commit_seconds = commit_seconds
        for store in self.stores:
            store.keep_existing = resume
        done = self.postings.committed()
        if resume:
            for store in self.stores:  # a lines part without its postings part is an orphan
                store.clean(keep=set(done))
        else:
            for store in self.stores:
                store.clean(keep=None)
        self.index = max(done, default=-1) + 1 if resume else 0
        self.resume = resume
        self._pending = 0
        self._since = time.monotonic()

    def done_ids(self) -> list[str]:
        """Ids already in the postings output, once per row (empty unless resuming)."""
        return list(self.postings.ids()) if self.resume else []

    def add(self, chunk: ChunkRows) -> None:
        """Write one scored chunk; commit when enough rows or time have gone by."""
        if self.lines is not None:
            self.lines.write(chunk.lines, self.index)
        self.postings.write(chunk.postings, self.index)
        self._pending += chunk.rows
        if self._pending >= self.commit_rows or time.monotonic() - self._since >= self.commit_seconds:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            for store in self.stores:  # lines first: a committed posting has its lines
                store.commit(self.index)
            self.index += 1
        self._pending = 0
        self._since = time.monotonic()

    def finish(self) -> None:
        """Commit what is buffered and assemble the outputs."""
        self.commit()
        for store in self.stores:
            store.finalize()

    def abort(self) -> None:
        """Drop the uncommitted rows; committed parts stay for ``--resume``."""
        for store in self.stores:
            store.abort()


def _read_ids(path: Path, kind: str, *, header: bool) -> Iterator[str]:
    if kind in ("parquet", "parquet_dir"):
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(columns=["id"], batch_size=65536):
            yield from batch.column(0).to_pylist()
    elif kind == "csv":
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            at = next(reader, ["id"]).index("id") if header else 0
            for row in reader:
                if len(row) > at:
                    yield row[at]
    else:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    yield json.loads(line)["id"]
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a crash: its posting is not done


def _merge_parquet(sources: list[Path], tmp: Path, table: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .rows import arrow_schema

    schema = arrow_schema(table)
    with pq.ParquetWriter(tmp, schema) as writer:
        for source in sources:
            for batch in pq.ParquetFile(source).iter_batches(batch_size=16384):
                writer.write_table(pa.Table.from_batches([batch]).select(schema.names).cast(schema))
        if not sources:
            writer.write_table(schema.empty_table())


def _merge_text(sources: list[Path], tmp: Path, target: Path, header: list[str] | None) -> None:
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        if header is not None:
            csv.writer(out).writerow(header)
        out.flush()
        for source in sources:
            with open(source, encoding="utf-8", newline="") as handle:
                if header is not None and source == target:
                    _skip_csv_header(handle)
                shutil.copyfileobj(handle, out)


def _skip_csv_header(handle: IO[str]) -> None:
    next(csv.reader(handle), None)
