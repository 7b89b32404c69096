"""The two batch tables, column by column, and how a report becomes their rows.

Rows are plain tuples in column order (cheap to pickle between processes); the
pyarrow schema is built only when a writer asks for it.

*Postings* (one row per input row, scored or not): ``id``, ``source``, ``format``,
``title``, ``company``, ``score`` (0-100), ``band``, ``commitment_level`` (1-5),
``percentile``, ``n_lines``, ``n_requirements``, ``n_<label>`` for each line label,
``share_<label>`` for each requirement label (share of the requirement lines), and for
each commitment signal ``sig_<signal>`` (its reading, e.g. ``below`` for the reporting
line), ``sig_<signal>_strength`` and ``sig_<signal>_points``; then ``red_flags``,
``model``, ``model_version``, ``schema_version`` and ``error`` (empty when scored).

*Lines* (one row per line of each scored posting): ``id``, ``n``, ``section``,
``heading``, ``text``, ``label``, ``confidence``, ``second_label``, ``uncertain``,
``cues`` (``"words [label]; ..."``), ``is_heading``, ``is_bullet``, ``chrome``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from ..report import LABELS, REQUIREMENT_LABELS, SCHEMA_VERSION, PostingReport
from .records import InputRecord

if TYPE_CHECKING:
    import pyarrow as pa

#: Version of the two tables' layout, stored in the Parquet metadata.
TABLE_VERSION = "1.0"

#: The commitment signals (``cco_jobs.commitment``) and their column stems.
SIGNALS = {
    "level": "level",
    "reporting line": "reporting_line",
    "executive seat": "executive_seat",
    "authority": "authority",
    "mandate": "mandate",
    "balance": "balance",
    "accountability": "accountability",
}

_HEAD = [("id", "string"), ("source", "string"), ("format", "string"), ("title", "string"),
         ("company", "string"), ("score", "int32"), ("band", "string"), ("commitment_level", "int32"),
         ("percentile", "float64"), ("n_lines", "int32"), ("n_requirements", "int32")]
_COUNTS = [(f"n_{lab}", "int32") for lab in LABELS]
_SHARES = [(f"share_{lab}", "float64") for lab in REQUIREMENT_LABELS]
_SIGNALS = [col for stem in SIGNALS.values()
            for col in ((f"sig_{stem}", "string"), (f"sig_{stem}_strength", "string"),
                        (f"sig_{stem}_points", "float64"))]
_TAIL = [("red_flags", "string"), ("model", "string"), ("model_version", "string"),
         ("schema_version", "string"), ("error", "string")]

#: ``(name, arrow type)`` of each column of the postings table, in order.
POSTING_COLUMNS: list[tuple[str, str]] = _HEAD + _COUNTS + _SHARES + _SIGNALS + _TAIL
#: ``(name, arrow type)`` of each column of the lines table, in order.
LINE_COLUMNS: list[tuple[str, str]] = [
    ("id", "string"), ("n", "int32"), ("section", "string"), ("heading", "string"),
    ("text", "string"), ("label", "string"), ("confidence", "float64"), ("second_label", "string"),
    ("uncertain", "bool"), ("cues", "string"), ("is_heading", "bool"), ("is_bullet", "bool"),
    ("chrome", "bool"),
]
POSTING_NAMES = [name for name, _ in POSTING_COLUMNS]
LINE_NAMES = [name for name, _ in LINE_COLUMNS]
_N_SIGNAL_COLUMNS = len(_SIGNALS)
_SIGNAL_OFFSET = {name: 3 * i for i, name in enumerate(SIGNALS)}


def posting_row(record: InputRecord, report: PostingReport, model: dict[str, str]) -> tuple:
    """The postings-table row of a scored posting."""
    c = report.commitment
    counts = report.label_counts
    shares = report.label_shares()
    signals: list[Any] = [None] * _N_SIGNAL_COLUMNS
    for signal in c.signals:
        at = _SIGNAL_OFFSET.get(signal.name)
        if at is not None:  # a signal added after this table version is left out
            signals[at:at + 3] = [signal.value, signal.strength, float(signal.points)]
    n_req = sum(counts.get(lab, 0) for lab in REQUIREMENT_LABELS)
    return (
        record.id, record.source, report.format, report.title, report.company,
        int(c.score), c.band, int(c.level),
        None if c.percentile is None else float(c.percentile),
        len(report.lines), n_req,
        *(int(counts.get(lab, 0)) for lab in LABELS),
        *(round(float(shares[lab]), 4) for lab in REQUIREMENT_LABELS),
        *signals,
        "; ".join(c.red_flags), model.get("name"), model.get("version"), report.schema, None,
    )


def error_row(record: InputRecord, error: str, model: dict[str, str]) -> tuple:
    """The postings-table row of an input row that could not be scored."""
    empty = [None] * (len(POSTING_COLUMNS) - 2 - len(_TAIL))
    return (record.id, record.source, *empty, None, model.get("name"), model.get("version"),
            SCHEMA_VERSION, error)


def line_rows(record_id: str, report: PostingReport) -> list[tuple]:
    """The lines-table rows of a scored posting, in reading order."""
    # (most lines have no cues: skipping the join for them saved a sixth of the time)
    return [
        (record_id, line.n, line.section, line.heading, line.text, line.label,
         float(line.confidence), line.second_label, bool(line.uncertain),
         "; ".join([f"{cue.text} [{cue.label}]" for cue in line.cues]) if line.cues else "",
         bool(line.is_heading), bool(line.is_bullet), bool(line.chrome))
        for line in report.lines
    ]


def arrow_schema(table: str) -> "pa.Schema":
    """The pyarrow schema of the ``"postings"`` or ``"lines"`` table."""
    import pyarrow as pa

    columns = POSTING_COLUMNS if table == "postings" else LINE_COLUMNS
    return pa.schema([(name, getattr(pa, "bool_" if kind == "bool" else kind)()) for name, kind in columns],
                     metadata={"cco_jobs.table": table, "cco_jobs.table_version": TABLE_VERSION,
                               "cco_jobs.schema_version": SCHEMA_VERSION})


def arrow_table(table: str, rows: Sequence[tuple]) -> "pa.Table":
    """Rows (tuples in column order) as a pyarrow table of the given schema."""
    import pyarrow as pa

    schema = arrow_schema(table)
    columns = list(zip(*rows)) if rows else [()] * len(schema)
    return pa.Table.from_arrays([pa.array(col, type=field.type) for col, field in zip(columns, schema)],
                                schema=schema)
