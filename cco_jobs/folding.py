"""Fold text for matching words, whatever accents and apostrophes it was typed with.

Shared by ingestion (:func:`cco_jobs.ingest.sections.section_key` reads "Compétences"
as "competences") and the commitment rules (:mod:`cco_jobs.commitment.wording` reads
"l’expérience client" as "l'experience client"). It lives outside both packages so that
importing it imports neither.
"""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` without accents and with straight apostrophes: "l’expérience" -> "l'experience".

    Compatibility decomposition (NFKD) then dropping combining marks, so "ﬁ" reads "fi"
    and "É" reads "E"; ASCII text is returned as it is. Case is kept.
    """
    if text.isascii():  # nearly every English word: nothing to fold
        return text
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))
