"""The posting around a line, as features for the line classifier's second pass.

A line alone is often ambiguous: "Own the weekly forecast" is sales in a customer-success
posting built on quota and neutral in one about culture, and "Monitor queues in real time"
reads as contact-centre work because its neighbours are. The annotators read a line in
its posting (``corpora/GUIDELINES.md``), and so does the second pass: a first linear
model labels every line from its own words, and these features say what it found around
the line, for a second linear model that also sees the line's own features.

Three kinds, all strings like the line's own features (:mod:`.features`):

- ``prev=`` / ``next=``: the first pass's label of the line just before and just after
  (``none`` at the posting's edges);
- ``doc_<label>=lo|mid|hi``: for each requirement label, its share of the first pass's
  probability over the posting's requirement lines (the mandate balance of DOMAIN.md,
  from 001: a posting "full of tactical requirements" colours each of its lines);
- ``blk=``: the first pass's label of the other lines under the same heading taken
  together, when it holds a clear majority of them (a block's lines usually share a
  kind); ``blk=mixed`` when no label does: a duties list that mixes strategy with
  service and sales work says nothing about its next line (the majority label of such a
  block had pulled seed 001's fourth excerpt, cost cutting in strategic words, to
  strategic in the seed check).

Training computes them from out-of-fold first-pass probabilities (see
:func:`cco_jobs.training.train.fit_model`), so the second pass learns how far to trust a
first pass that has not seen the line; at run time they come from the shipped first pass.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

#: Where a requirement label's share of the posting counts as ``lo``, ``mid`` or ``hi``.
SHARE_EDGES = (0.15, 0.35)
#: The share of the other lines' first-pass probability one label needs for ``blk=`` to
#: name it (a clear majority, three lines in five); a block with none is ``blk=mixed``.
BLOCK_MAJORITY = 0.6


def context_features(probs: np.ndarray, labels: Sequence[str], *, is_heading: Sequence[bool],
                     chrome: Sequence[bool], headings: Sequence[str | None]) -> list[list[str]]:
    """The context features of each line of one posting.

    ``probs`` is the first pass's (n_lines, n_labels) probabilities in ``labels`` order,
    for the posting's lines in order; page chrome counts as context whatever they say,
    as the classifier labels it. ``headings`` is the text of the heading each line sits
    under (``""`` or ``None`` for none).
    """
    n = len(probs)
    if n == 0:
        return []
    labels = list(labels)
    context = labels.index("context")
    probs = np.array(probs, dtype=np.float64)
    chrome_rows = np.asarray(chrome, dtype=bool)
    if chrome_rows.any():
        probs[chrome_rows] = 0.0
        probs[chrome_rows, context] = 1.0
    best = probs.argmax(axis=1).tolist()
    names = [labels[k] for k in best]

    requirement = [k for k, label in enumerate(labels) if label != "context"]
    counted = [i for i in range(n) if best[i] != context and not is_heading[i]]
    mass = probs[counted][:, requirement].sum(axis=0) if counted else np.zeros(len(requirement))
    total = float(mass.sum())
    doc = []
    for k, share in zip(requirement, (mass / total if total > 0 else mass).tolist()):
        level = "hi" if share > SHARE_EDGES[1] else "mid" if share > SHARE_EDGES[0] else "lo"
        doc.append(f"doc_{labels[k]}={level}")

    blocks: dict[str, list[int]] = {}
    for i, heading in enumerate(headings):
        if heading:
            blocks.setdefault(heading, []).append(i)
    block_of: dict[int, str] = {}
    body = ~(np.asarray(is_heading, dtype=bool) | chrome_rows)
    for rows in blocks.values():
        if len(rows) > 1:  # the other lines of the block, taken together, one array op a block
            block = probs[rows]
            # the heading and page furniture under it are context by their kind: they say
            # nothing of the list's majority (a block of only those reads as before)
            own = block * body[rows, None]
            others = own.sum(axis=0) - own
            empty = others.sum(axis=1) <= 0
            if empty.any():
                others[empty] = (block.sum(axis=0) - block)[empty]
            shares = (others.max(axis=1) / np.maximum(others.sum(axis=1), 1e-9)).tolist()
            for i, k, share in zip(rows, others.argmax(axis=1).tolist(), shares):
                block_of[i] = f"blk={labels[k]}" if share >= BLOCK_MAJORITY else "blk=mixed"

    out = []
    for i in range(n):
        feats = [f"prev={names[i - 1] if i else 'none'}",
                 f"next={names[i + 1] if i + 1 < n else 'none'}"]
        feats.extend(doc)
        if i in block_of:
            feats.append(block_of[i])
        out.append(feats)
    return out
