"""``cco_jobs_commitment_scorer``: the posting's commitment score, from signals and labels.

It reads ``doc.spans["signals"]`` and ``doc.spans["line_labels"]`` and the title stored
in ``doc.user_data["cco_title"]``, and stores a :class:`~cco_jobs.report.Commitment` in
``doc.user_data["cco_commitment"]``. The fitted score model and the peer reference table
are saved inside the pipeline directory (``model.json``), so a saved pipeline is complete.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..commitment import ScoreModel, assess, read_signals
from ..commitment.score import PRIOR
from ..errors import ModelError
from .doc import TITLE_KEY

COMMITMENT_KEY = "cco_commitment"


@Language.factory("cco_jobs_commitment_scorer", assigns=["doc.user_data"],
                  requires=["doc.spans"])
def make_commitment_scorer(nlp: Language, name: str) -> "CommitmentScorer":
    """Build a scorer with the prior weights; ``from_disk`` loads the fitted ones."""
    return CommitmentScorer(nlp, name)


class CommitmentScorer:
    """Assess each posting ``Doc`` with a :class:`ScoreModel`."""

    def __init__(self, nlp: Language, name: str = "cco_jobs_commitment_scorer",
                 model: ScoreModel = PRIOR) -> None:
        self.nlp = nlp
        self.name = name
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        reading = read_signals(doc, doc.user_data.get(TITLE_KEY))
        doc.user_data[COMMITMENT_KEY] = assess(reading, self.model)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "model.json", self.model.to_dict())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "CommitmentScorer":
        try:
            self.model = ScoreModel.from_dict(srsly.read_json(Path(path) / "model.json"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{path}: cannot load the commitment score model ({exc})") from exc
        return self
