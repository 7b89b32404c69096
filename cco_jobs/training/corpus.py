"""Read the annotated corpus in ``corpora/postings`` (format: ``corpora/FORMAT.md``)."""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import CcoJobsError
from ..report import LABELS, REQUIREMENT_LABELS, TACTICAL_LABELS  # noqa: F401  (re-exported)
ARCHETYPES = (
    "cco_genuine", "cco_advisory", "cco_sales", "cco_contact_centre", "cco_cost",
    "cxo_healthcare", "cxo_government", "vp_cx", "vp_customer_success", "head_support",
    "director_service", "account_management", "template", "other_clevel",
)
FORMATS = ("html_ats", "html_plain", "markdown", "text", "scraped")
SIZES = ("startup", "scaleup", "mid-market", "enterprise", "public-sector")
HEADER_KEYS = (
    "id", "title", "company", "archetype", "industry", "size", "spelling", "format",
    "commitment", "rationale",
)


class CorpusError(CcoJobsError, ValueError):
    """A corpus file does not follow ``corpora/FORMAT.md``."""


@dataclass(frozen=True)
class AnnotatedLine:
    """One line of a corpus posting with its gold label(s)."""

    text: str
    label: str
    second_label: str | None
    is_heading: bool
    is_bullet: bool
    section: str | None


@dataclass
class AnnotatedPosting:
    """A corpus posting: its header fields and its annotated lines."""

    id: str
    meta: dict[str, str]
    lines: list[AnnotatedLine] = field(default_factory=list)

    @property
    def commitment(self) -> int:
        return int(self.meta["commitment"])

    @property
    def archetype(self) -> str:
        return self.meta["archetype"]


def parse_posting(text: str, source: str = "<string>") -> AnnotatedPosting:
    """Parse one corpus file's text; raise :class:`CorpusError` naming the line at fault."""
    meta: dict[str, str] = {}
    rows = text.splitlines()
    i = 0
    while i < len(rows) and rows[i].strip() != "---":
        row = rows[i].strip()
        if row:
            if not row.startswith("@") or ":" not in row:
                raise CorpusError(f"{source}:{i + 1}: header line must be '@key: value'")
            key, value = row[1:].split(":", 1)
            meta[key.strip()] = value.strip()
        i += 1
    if i == len(rows):
        raise CorpusError(f"{source}: no '---' line after the header")
    missing = [k for k in HEADER_KEYS if not meta.get(k)]
    if missing:
        raise CorpusError(f"{source}: header lacks {', '.join(missing)}")
    _check_choice(source, "archetype", meta["archetype"], ARCHETYPES)
    _check_choice(source, "format", meta["format"], FORMATS)
    _check_choice(source, "size", meta["size"], SIZES)
    _check_choice(source, "spelling", meta["spelling"], ("us", "uk"))
    _check_choice(source, "commitment", meta["commitment"], ("1", "2", "3", "4", "5"))
    posting = AnnotatedPosting(id=meta["id"], meta=meta)
    section: str | None = None
    for n, row in enumerate(rows[i + 1:], start=i + 2):
        if not row.strip():
            continue
        if "\t" not in row:
            raise CorpusError(f"{source}:{n}: expected 'label<TAB>text'")
        tag, body = row.split("\t", 1)
        body = body.strip()
        if not body or "\t" in body:
            raise CorpusError(f"{source}:{n}: empty text or a second tab")
        tag = tag.strip()
        bullet = tag.endswith("*")
        tag = tag.rstrip("*")
        if tag == "heading":
            section = body
            posting.lines.append(AnnotatedLine(body, "context", None, True, False, section))
            continue
        first, _, second = tag.partition("+")
        for lab in filter(None, (first, second)):
            if lab not in LABELS:
                raise CorpusError(f"{source}:{n}: unknown label {lab!r}")
        if second and (second == first):
            raise CorpusError(f"{source}:{n}: second label repeats the first")
        posting.lines.append(
            AnnotatedLine(body, first, second or None, False, bullet, section)
        )
    if not posting.lines:
        raise CorpusError(f"{source}: no annotated lines")
    return posting


def _check_choice(source: str, key: str, value: str, allowed: Iterable[str]) -> None:
    if value not in allowed:
        raise CorpusError(f"{source}: {key} {value!r} is not one of {', '.join(allowed)}")


def read_corpus(folder: str | Path) -> list[AnnotatedPosting]:
    """Read every ``*.txt`` posting under ``folder``, sorted by id."""
    postings = []
    for path in sorted(Path(folder).glob("*.txt")):
        posting = parse_posting(read_text(path), str(path))
        if posting.id != path.stem:
            raise CorpusError(f"{path}: @id {posting.id!r} differs from the file name")
        postings.append(posting)
    return postings


def read_text(path: Path) -> str:
    """A corpus file's text; a file that is not UTF-8 is a :class:`CorpusError`."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from None


def corpus_hash(folder: str | Path) -> str:
    """SHA-256 over the corpus files' names and bytes, for the model card."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob("*.txt")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def iter_lines(postings: Iterable[AnnotatedPosting]) -> Iterator[tuple[AnnotatedPosting, AnnotatedLine]]:
    for posting in postings:
        for line in posting.lines:
            yield posting, line


def _summary(paths: list[str]) -> int:
    from collections import Counter

    labels: Counter[str] = Counter()
    errors = 0
    n_postings = 0
    words = []
    for p in paths:
        try:
            posting = parse_posting(Path(p).read_text(encoding="utf-8"), p)
        except CorpusError as exc:
            print(f"error: {exc}")
            errors += 1
            continue
        if posting.id != Path(p).stem:
            print(f"error: {p}: @id differs from the file name")
            errors += 1
        n_postings += 1
        words.append(sum(len(line.text.split()) for line in posting.lines))
        for line in posting.lines:
            labels["heading" if line.is_heading else line.label] += 1
    total = sum(labels.values())
    print(f"{n_postings} postings, {total} lines, words per posting {min(words, default=0)}-{max(words, default=0)}")
    for lab, k in labels.most_common():
        print(f"  {lab:15s} {k}")
    return 1 if errors else 0


if __name__ == "__main__":  # python -m cco_jobs.training.corpus corpora/postings/*.txt
    sys.exit(_summary(sys.argv[1:]))
