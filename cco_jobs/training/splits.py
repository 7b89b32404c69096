"""Train/dev/test splits by posting, stable as the corpus grows.

A posting's split is decided by a hash of its id and the seed, never by its position, so
adding postings never moves an existing one between splits and the test split is never
seen in training or tuning. The split files in ``corpora/splits/`` are written from this
rule and checked against it in the tests.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

SPLITS = ("train", "dev", "test")
DEFAULT_SEED = 13
#: Percent of postings in train and dev; the rest is test.
TRAIN_PCT, DEV_PCT = 70, 15


def split_of(posting_id: str, seed: int = DEFAULT_SEED) -> str:
    """The split of one posting: a stable function of its id and the seed."""
    bucket = int(hashlib.sha256(f"{seed}:{posting_id}".encode()).hexdigest(), 16) % 100
    if bucket < TRAIN_PCT:
        return "train"
    if bucket < TRAIN_PCT + DEV_PCT:
        return "dev"
    return "test"


def assign_splits(ids: Iterable[str], seed: int = DEFAULT_SEED) -> dict[str, list[str]]:
    """Group posting ids by split, each list sorted."""
    out: dict[str, list[str]] = {name: [] for name in SPLITS}
    for pid in sorted(ids):
        out[split_of(pid, seed)].append(pid)
    return out


def write_splits(ids: Iterable[str], folder: str | Path, seed: int = DEFAULT_SEED) -> dict[str, list[str]]:
    """Write ``train.txt``, ``dev.txt`` and ``test.txt`` (one id a line) into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    splits = assign_splits(ids, seed)
    for name, members in splits.items():
        (folder / f"{name}.txt").write_text("".join(f"{m}\n" for m in members), encoding="utf-8")
    return splits


def read_splits(folder: str | Path) -> dict[str, list[str]]:
    """Read the split files written by :func:`write_splits`."""
    folder = Path(folder)
    return {
        name: [row.strip() for row in (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines() if row.strip()]
        for name in SPLITS
    }
