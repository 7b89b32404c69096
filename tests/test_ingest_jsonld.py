"""schema.org JobPosting in a page (JSON-LD or microdata): fields used, description as the body."""
from __future__ import annotations

import html
import json
from pathlib import Path

from cco_jobs.ingest import parse_text, read_posting

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
DESCRIPTION = (
    "<p>Harbourline moves parcels for forty thousand small businesses across the UK.</p>"
    "<h3>Responsibilities</h3><ul><li>Set the three-year customer strategy with the board.</li>"
    "<li>Own the NPS scorecard and report it to the board every quarter.</li></ul>"
    "<h3>Requirements</h3><ul><li>Ten years leading customer operations at executive level.</li></ul>"
)
CHROME = ('<nav><a href="/">Home</a> <a href="/jobs">Search jobs</a></nav>'
          '<aside class="similar-jobs"><h2>Similar jobs</h2><p>Head of Customer Operations</p></aside>'
          "<footer><p>Privacy policy and cookie settings</p></footer>")


def page(job: object, body: str = "<main><h1>Board teaser</h1><p>Apply via the button below.</p></main>") -> str:
    """A job-board page embedding ``job`` as JSON-LD (a dict, a list, or raw text)."""
    script = job if isinstance(job, str) else json.dumps(job)
    return (f'<!DOCTYPE html><html lang="en"><head><title>CCO | Board</title>'
            f'<script type="application/ld+json">{script}</script></head>'
            f"<body>{CHROME}{body}</body></html>")


def job(**fields: object) -> dict:
    base = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Chief Customer Officer",
            "hiringOrganization": {"@type": "Organization", "name": "Harbourline Logistics"},
            "employmentType": ["FULL_TIME", "PERMANENT"], "datePosted": "2025-03-02",
            "description": DESCRIPTION}
    base.update(fields)
    return base


def texts(posting) -> list[str]:
    return [line.text for line in posting.lines]


def test_json_ld_description_is_the_body_and_fields_are_used():
    posting = parse_text(page(job()))
    assert texts(posting)[:2] == ["Chief Customer Officer",
                                  "Harbourline moves parcels for forty thousand small businesses across the UK."]
    assert posting.title == "Chief Customer Officer" and posting.company == "Harbourline Logistics"
    assert posting.lines[0].is_heading
    assert not any(t in texts(posting) for t in ("Home Search jobs", "Similar jobs", "Board teaser"))
    by_text = {line.text: line for line in posting.lines}
    assert by_text["Set the three-year customer strategy with the board."].section == "responsibilities"
    assert by_text["Set the three-year customer strategy with the board."].is_bullet
    assert by_text["Ten years leading customer operations at executive level."].section == "qualifications"
    meta = posting.metadata
    assert meta["structured_data"] == "json-ld" and meta["body_from"] == "description"
    assert meta["file_type"] == "html" and meta["employment_type"] == "FULL_TIME, PERMANENT"
    assert meta["date_posted"] == "2025-03-02" and meta["jsonld_company"] == "Harbourline Logistics"
    assert all(line.source_line is None for line in posting.lines)  # a JSON string has no page lines
    assert posting.format == "html"


def test_a_tiny_description_falls_back_to_the_page():
    body = ("<main><h1>Chief Customer Officer</h1><p>Reporting to the CEO, you will own the customer "
            "strategy for the group.</p></main>")
    posting = parse_text(page(job(description="<p>Great role, apply now!</p>"), body))
    assert "Reporting to the CEO, you will own the customer strategy for the group." in texts(posting)
    assert "Great role, apply now!" not in texts(posting)
    assert posting.metadata["structured_data"] == "json-ld" and posting.metadata["body_from"] == "page"
    assert posting.company == "Harbourline Logistics"  # the fields are still used


def test_no_description_uses_the_page_and_the_fields():
    posting = read_posting(FIXTURES / "job_board_page.html")
    assert posting.metadata["structured_data"] == "json-ld" and posting.metadata["body_from"] == "page"
    assert posting.metadata["employment_type"] == "FULL_TIME" and posting.title == "Chief Customer Officer"
    assert any(line.chrome for line in posting.lines)  # the whole page, chrome marked


def test_page_without_structured_data_says_so():
    posting = parse_text("<html><body><h1>Chief Customer Officer</h1><p>Own the customer strategy "
                         "across the group.</p></body></html>")
    assert posting.metadata["structured_data"] == "" and "body_from" not in posting.metadata
    assert parse_text("Chief Customer Officer\nOwn the customer strategy.").metadata == {
        "file_type": "text", "structured_data": ""}


def test_description_escaped_twice_is_read_as_html():
    posting = parse_text(page(job(description=html.escape(DESCRIPTION))))
    assert "Own the NPS scorecard and report it to the board every quarter." in texts(posting)
    assert not any("<li>" in t for t in texts(posting))


def test_plain_text_description_keeps_its_lines():
    description = ("Harbourline moves parcels for forty thousand small businesses across the UK.\n\n"
                   "Responsibilities\n- Set the three-year customer strategy with the board.\n"
                   "- Own the NPS scorecard and report it to the board every quarter.")
    posting = parse_text(page(job(description=description)))
    by_text = {line.text: line for line in posting.lines}
    assert by_text["Own the NPS scorecard and report it to the board every quarter."].is_bullet
    assert by_text["Own the NPS scorecard and report it to the board every quarter."].section == "responsibilities"


def test_job_posting_inside_a_graph_a_list_or_a_web_page():
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Board"}, job()]}
    listed = [{"@type": "BreadcrumbList"}, job()]
    nested = {"@type": "WebPage", "mainEntity": job()}
    for data in (graph, listed, nested):
        posting = parse_text(page(data))
        assert posting.metadata["body_from"] == "description", data
        assert posting.company == "Harbourline Logistics"


def test_malformed_json_ld_is_ignored():
    posting = parse_text(page('{"@type": "JobPosting", "title": "Chief', "<main><h1>Chief Customer Officer</h1>"
                              "<p>Own the customer strategy across the group.</p></main>"))
    assert posting.metadata["structured_data"] == "" and posting.title == "Chief Customer Officer"


MICRODATA = """<!DOCTYPE html>
<html><head><title>Careers</title></head>
<body>
<nav><a href="/">Home</a> <a href="/jobs">All jobs</a></nav>
<div itemscope itemtype="https://schema.org/JobPosting">
  <h1 itemprop="title">Chief Customer Officer</h1>
  <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
    <span itemprop="name">Harbourline Logistics</span>
  </div>
  <meta itemprop="employmentType" content="FULL_TIME">
  <time itemprop="datePosted" datetime="2025-03-02">2 March</time>
  <div itemprop="description">
    <p>Harbourline moves parcels for forty thousand small businesses across the UK.</p>
    <h3>Responsibilities</h3>
    <ul><li>Set the three-year customer strategy with the board.</li>
    <li>Own the NPS scorecard and report it to the board every quarter.</li></ul>
  </div>
</div>
<footer>Privacy policy and cookie settings for this careers site</footer>
</body></html>
"""


def test_microdata_job_posting():
    posting = parse_text(MICRODATA)
    meta = posting.metadata
    assert meta["structured_data"] == "microdata" and meta["body_from"] == "description"
    assert meta["employment_type"] == "FULL_TIME" and meta["date_posted"] == "2025-03-02"
    assert posting.title == "Chief Customer Officer" and posting.company == "Harbourline Logistics"
    assert texts(posting)[0] == "Chief Customer Officer"
    assert "Home All jobs" not in texts(posting) and not any("Privacy" in t for t in texts(posting))
    line = next(line for line in posting.lines if line.text.startswith("Own the NPS"))
    assert line.is_bullet and line.section == "responsibilities"
    assert line.source_line == 16  # where it is in the page source


def test_saved_page_and_batch_input_use_the_description(tmp_path):
    from cco_jobs.batch.records import InputRecord
    from cco_jobs.batch.scoring import parse_record

    path = tmp_path / "saved.html"
    path.write_text(page(job()), encoding="utf-8")
    saved = read_posting(str(path))
    assert saved.metadata["body_from"] == "description" and saved.metadata["file_type"] == "html"
    for record in (InputRecord(id="1", source="scrape.jsonl:1", text=page(job())),
                   InputRecord(id="2", source="dump.jsonl:2", text=page(job()), format="html"),
                   InputRecord(id="3", source=str(path), path=str(path))):
        posting = parse_record(record, 5_000_000)
        assert posting.metadata["structured_data"] == "json-ld", record
        assert texts(posting)[:2] == texts(saved)[:2]
