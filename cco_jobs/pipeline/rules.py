"""What the two rule components share: patterns by label, saved with the pipeline."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import srsly


class SavedPatterns:
    """Mixin for a component whose state is ``patterns`` (by label) and ``spans_key``.

    Subclasses provide ``_new_matcher()`` and ``add_patterns(patterns)``; saving writes
    ``patterns.json`` and ``cfg.json`` into the component's folder of the pipeline, so a
    saved pipeline carries the rules it was built with.
    """

    patterns: dict[str, list[Any]]
    spans_key: str

    def _new_matcher(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def add_patterns(self, patterns: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _clear(self) -> None:
        """Forget every pattern (before the saved ones are loaded)."""
        self.patterns = {}
        self.matcher = self._new_matcher()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "patterns.json", self.patterns)
        srsly.write_json(path / "cfg.json", {"spans_key": self.spans_key})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        path = Path(path)
        self.spans_key = srsly.read_json(path / "cfg.json")["spans_key"]
        self._clear()
        self.add_patterns(srsly.read_json(path / "patterns.json"))
        return self
