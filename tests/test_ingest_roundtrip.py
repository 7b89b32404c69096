"""Render annotated postings in every format, read them back, and compare the lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from cco_jobs.ingest import parse_text
from cco_jobs.training.corpus import parse_posting, read_corpus
from cco_jobs.training.render import RENDER_FORMATS, comparable, render, roundtrip_scores

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "postings"
READER_FORMAT = {"html_ats": "html", "html_plain": "html", "markdown": "markdown", "text": "text", "scraped": "text"}

SAMPLE = """\
@id: t001
@title: Chief Customer Officer
@company: Harbourline Logistics
@archetype: cco_genuine
@industry: logistics
@size: enterprise
@spelling: uk
@format: html_ats
@commitment: 5
@rationale: Reports to the CEO with service and success reporting in.
---
context\tSkip to main content
heading\tChief Customer Officer
context\tHarbourline Logistics · Leeds, UK (hybrid) · Full-time
heading\tAbout Harbourline
context\tHarbourline moves parcels for 40,000 small businesses across the UK and Ireland. We've grown 30% a year since 2019, and we're just getting started.
heading\tWhat you will do
strategic*\tSet the three-year customer strategy and the milestones the board will hold us to.
contact_centre*\tRun the 24/7 service desk and its three team leaders
cost_cutting+strategic*\tShape a multi-year vision for a lean, efficient service organisation
strategic*\tResponsable de la stratégie expérience client à l'échelle du groupe
heading\tWhat you bring
neutral*\tDegree-level education or equivalent experience
neutral*\tExperience with Zendesk, Salesforce Service Cloud or similar
heading\tSalary
context\tGrade | Salary
context\tExecutive 2 | £150,000 – £170,000
heading\tHow to apply
context\tSend your CV to talent@harbourline.example by 30 April.
"""


@pytest.fixture(scope="module")
def sample():
    return parse_posting(SAMPLE, "t001")


@pytest.mark.parametrize("fmt", RENDER_FORMATS)
def test_sample_round_trips_in_every_format(sample, fmt):
    posting = parse_text(render(sample, fmt), format=READER_FORMAT[fmt])
    # "Skip to main content" comes back in every format, as chrome (by its words)
    assert "Skip to main content" in [line.text for line in posting.lines if line.chrome]
    lines = [line for line in posting.lines if not line.chrome or line.text == "Skip to main content"]
    want = [comparable(line.text) for line in sample.lines]
    if fmt == "text":  # hard-wrapped here, and too short to tell wrapped lines from a list: no text lost
        assert " ".join(comparable(line.text) for line in lines).split() == " ".join(want).split()
    else:
        assert [comparable(line.text) for line in lines] == want
    if fmt not in ("scraped", "text"):
        assert [line.is_bullet for line in lines] == [line.is_bullet for line in sample.lines]
    assert posting.title == "Chief Customer Officer"


def test_html_ats_has_page_chrome_that_is_marked(sample):
    page = render(sample, "html_ats")
    for piece in ("<nav", "cookie", "<header", "<footer", "<h2>" if "<h2>" in page else "<h3>", "<ul><li>", "<table"):
        assert piece in page
    posting = parse_text(page)
    chrome = [line.text for line in posting.lines if line.chrome]
    assert "Accept all cookies Manage preferences" in chrome and "Similar jobs" in chrome
    assert posting.company == "Harbourline Logistics"


def test_scraped_render_runs_lines_together(sample):
    text = render(sample, "scraped")
    assert "Harbourline moves parcels" in text and "2019, and we're just getting started.What you will do" not in text
    assert "About Harbourline:Harbourline" in text or "About HarbourlineHarbourline" in text
    assert len(text.splitlines()) < len(sample.lines)


def test_render_is_deterministic_and_validates_the_format(sample):
    assert render(sample, "text") == render(sample, "text")
    assert render(sample) == render(sample, "html_ats")
    with pytest.raises(ValueError):
        render(sample, "pdf")


def test_scores_count_the_sample(sample):
    scores = roundtrip_scores([sample], ("markdown",))["markdown"]
    assert scores["lines"] == scores["matched"] == len(sample.lines)
    assert scores["headings_read"] == scores["headings"] and scores["bullets_read"] == scores["bullets"]


@pytest.mark.skipif(len(list(CORPUS.glob("*.txt"))) < 5, reason="fewer than 5 corpus postings")
def test_corpus_round_trip_rates():
    """Exact line matches per format (corpus lines that are themselves run together and come
    back as their pieces count as "split"): at least 95% except scraped text, 85%."""
    scores = roundtrip_scores(read_corpus(CORPUS))
    for fmt, score in scores.items():
        assert score["errors"] == 0, fmt
        exact = score["matched"] / score["lines"]
        recovered = (score["matched"] + score["split"]) / score["lines"]
        floor = 0.85 if fmt == "scraped" else 0.95
        assert recovered >= floor, (fmt, recovered)
        if fmt != "scraped":
            assert exact >= 0.95, (fmt, exact)
            assert score["bullets_read"] >= 0.95 * score["bullets"], fmt


def test_scores_leave_out_the_renderers_own_chrome_when_the_posting_has_the_same_words():
    # the html_ats page adds its own "Sign in" and "Search jobs" menu; the posting's own
    # "Sign in" counts once, the renderer's copy is not an extra line read
    posting = parse_posting(SAMPLE.replace("context\tSkip to main content\n",
                                           "context\tSkip to main content\ncontext\tSign in\n"), "t001")
    scores = roundtrip_scores([posting], ("html_ats",))["html_ats"]
    assert scores["matched"] == scores["lines"] == len(posting.lines)
    assert scores["extra"] == 0
