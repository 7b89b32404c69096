"""``cco_jobs_cue_ruler``: marks the domain lexicon's cue phrases as ``doc.spans["cues"]``."""
from __future__ import annotations

from typing import Iterable, Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import LEXICON
from .rules import SavedPatterns

CUES_KEY = "cues"


@Language.factory(
    "cco_jobs_cue_ruler",
    assigns=["doc.spans"],
    default_config={"spans_key": CUES_KEY},
)
def make_cue_ruler(nlp: Language, name: str, spans_key: str) -> "CueRuler":
    """Build a cue ruler loaded with :data:`cco_jobs.lexicon.LEXICON`."""
    return CueRuler(nlp, name, spans_key=spans_key, lexicon=LEXICON)


class CueRuler(SavedPatterns):
    """Case-insensitive phrase matches of the cue lexicon, one span per match.

    Overlapping matches are resolved to the longest (``filter_spans``), so "contact
    centre" wins over "centre". The patterns are saved with the pipeline
    (``to_disk``), so a saved pipeline carries the lexicon it was trained with.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "cco_jobs_cue_ruler",
        *,
        spans_key: str = CUES_KEY,
        lexicon: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.patterns: dict[str, list[str]] = {}
        self.matcher = self._new_matcher()
        self._pending: dict[str, list[str]] = {}
        if lexicon:
            self.add_patterns(lexicon)

    def add_patterns(self, lexicon: Mapping[str, Iterable[str]]) -> None:
        """Add phrases by label; a phrase is tokenized with the pipeline's tokenizer.

        The phrases are tokenized on first use, not here: a pipeline loaded from disk
        replaces the factory's lexicon with the saved one, and would otherwise tokenize
        both (a cold-start cost).
        """
        for label, phrases in lexicon.items():
            phrases = list(dict.fromkeys(phrases))
            self.patterns.setdefault(label, []).extend(phrases)
            self._pending.setdefault(label, []).extend(phrases)

    def _compile(self) -> None:
        for label, phrases in self._pending.items():
            self.matcher.add(label, list(self.nlp.tokenizer.pipe(phrases)))
        self._pending = {}

    def __call__(self, doc: Doc) -> Doc:
        if self._pending:
            self._compile()
        matches = self.matcher(doc)
        spans = [Span(doc, start, end, label=key) for key, start, end in matches]
        doc.spans[self.spans_key] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc

    def _clear(self) -> None:
        super()._clear()
        self._pending = {}

    def _new_matcher(self) -> PhraseMatcher:
        return PhraseMatcher(self.nlp.vocab, attr="LOWER")
