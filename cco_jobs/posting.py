"""What ingestion produces: a :class:`Posting` made of ordered :class:`Line` objects."""
from __future__ import annotations

from dataclasses import dataclass, field

#: Normalised section keys. ``header`` is everything before the first heading.
SECTIONS = (
    "header",
    "summary",
    "about_company",
    "responsibilities",
    "qualifications",
    "benefits",
    "compensation",
    "eeo",
    "apply",
    "other",
)


@dataclass(frozen=True)
class Line:
    """One line of a posting as a reader sees it: a heading, a paragraph, a bullet, a table row.

    ``n`` counts lines from 1 in reading order. ``source_line`` is the 1-based line
    number in the source text where the line starts (for HTML, in the HTML source), or
    ``None`` where the format has none. ``section`` is one of :data:`SECTIONS` and
    ``heading`` the raw text of the heading the line sits under. ``chrome`` marks page
    furniture (navigation, cookie banners, footers) that can never be a requirement.
    """

    n: int
    text: str
    section: str = "header"
    heading: str | None = None
    is_heading: bool = False
    is_bullet: bool = False
    chrome: bool = False
    source_line: int | None = None


@dataclass
class Posting:
    """A parsed posting: its lines in order, plus what was found about it."""

    lines: list[Line]
    source: str = "<string>"
    format: str = "text"
    title: str | None = None
    company: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The posting's visible text, one line per :class:`Line`."""
        return "\n".join(line.text for line in self.lines)
