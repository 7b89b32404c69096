"""Folding text for matching: accents dropped, curly apostrophes straightened, ASCII as it is."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cco_jobs.folding import fold


@pytest.mark.parametrize("text, folded", [
    ("Responsabilités", "Responsabilites"),
    ("Rémunération", "Remuneration"),
    ("Profil recherché", "Profil recherche"),
    ("Directrice Expérience Client", "Directrice Experience Client"),
    ("Coopérative Française à Genève", "Cooperative Francaise a Geneve"),
    ("ÉQUIPE", "EQUIPE"),  # case is kept
    ("Société\u0301", "Societe"),  # a combining mark typed separately goes too
    ("ﬁnance", "finance"),  # compatibility forms decompose
])
def test_accents_are_dropped(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text, folded", [
    ("l’expérience client", "l'experience client"),
    ("‘Directeur’ d’usine", "'Directeur' d'usine"),
    ("What You’ll Do", "What You'll Do"),
])
def test_curly_apostrophes_are_straightened(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text", ["", "Chief Customer Officer", "What you'll do: 1) NPS & CSAT (3)", "\t \n"])
def test_ascii_text_is_returned_as_it_is(text):
    assert fold(text) is text


def test_ingestion_and_commitment_fold_the_same_way():
    from cco_jobs.commitment import signals, wording
    from cco_jobs.ingest.sections import section_key

    assert wording.fold is fold and signals.fold is fold
    assert section_key("Rémunération") == section_key("Remuneration") == "compensation"
    assert section_key("What You’ll Do:") == section_key("What you'll do") == "responsibilities"


def test_import_imports_neither_layer():
    code = ("import sys, cco_jobs.folding; "
            "print(sorted(m for m in ('cco_jobs.ingest', 'cco_jobs.commitment', 'spacy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.strip()
    assert out == "[]"
