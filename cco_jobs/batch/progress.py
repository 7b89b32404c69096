"""What a batch run tells its user: a progress bar while it runs, a summary when it ends."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class BatchSummary:
    """Counts of one run: every row read is scored, failed or skipped (``--resume``)."""

    read: int = 0
    scored: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    first_error: tuple[str, str] | None = None  # (source, error) of the first failed row
    interrupted: bool = False
    outputs: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Postings processed (scored or failed) per second of wall time."""
        done = self.scored + self.failed
        return done / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """One line for stderr: ``read 1,000 rows: 990 scored, 10 failed ... (81.3 postings/s)``."""
        skipped = f", {self.skipped:,} skipped (already done)" if self.skipped else ""
        where = f" -> {', '.join(self.outputs)}" if self.outputs else ""
        state = "interrupted after reading" if self.interrupted else "read"
        return (f"{state} {self.read:,} rows: {self.scored:,} scored, {self.failed:,} failed{skipped} "
                f"in {self.seconds:.1f} s ({self.rate:,.1f} postings/s){where}")


class Progress:
    """A tqdm bar on stderr with rate and ETA; nothing at all when disabled.

    ``enabled=None`` shows the bar only when stderr is a terminal.
    """

    def __init__(self, total: int | None, *, enabled: bool | None = None, stream: IO[str] | None = None,
                 unit: str = "posting") -> None:
        stream = stream or sys.stderr
        if enabled is None:
            enabled = bool(getattr(stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.started = time.perf_counter()
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit=unit, file=stream, dynamic_ncols=True, smoothing=0.05,
                             mininterval=0.5)

    def update(self, n: int, failed: int = 0) -> None:
        if self._bar is not None:
            self._bar.update(n)
            if failed:
                self._bar.set_postfix(failed=failed, refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
