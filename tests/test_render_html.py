"""The HTML report: segments from cue offsets, the page's parts, and escaping of posting text."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from cco_jobs.render.html import (
    band_tone,
    render_fragment,
    render_html,
    report_view,
    segments,
)
from cco_jobs.report import (
    LABELS,
    Commitment,
    CommitmentSignal,
    Cue,
    Evidence,
    LineAnnotation,
    MissingInformation,
    PostingReport,
    Suggestion,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "cco_jobs" / "examples" / "chief_customer_officer.html"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
ATTR = '" onmouseover="x'
HOSTILE = f"Lead {SCRIPT} the {IMG} customer strategy {ATTR} now"


def line(n, text, label="strategic", cues=(), **kw):
    return LineAnnotation(n=n, text=text, section="responsibilities", label=label, confidence=0.91,
                          cues=list(cues), **kw)


def hand_report(lines, **commitment) -> PostingReport:
    c = {"score": 63, "band": "diluted C-level role", "verdict": "A mixed picture.", "level": 4,
         **commitment}
    counts = dict.fromkeys(LABELS, 0)
    for ln in lines:
        counts[ln.label] += 1
    return PostingReport(source="draft.txt", format="text", title="Chief Customer Officer",
                         company="Acme", lines=lines, commitment=Commitment(**c),
                         model={"name": "en_test", "version": "0.0.1"}, label_counts=counts)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def event_handlers(doc: BeautifulSoup) -> list[tuple[str, str]]:
    return [(tag.name, attr) for tag in doc.find_all(True) for attr in tag.attrs
            if attr.lower().startswith("on")]


# -- segments ------------------------------------------------------------------------------

def test_segments_mark_the_cue_offsets():
    text = "Own the NPS scorecard and the contact centre"
    cues = [Cue("NPS scorecard", 8, 21, "strategic"), Cue("contact centre", 30, 44, "contact_centre")]
    segs = segments(line(1, text, cues=cues))
    assert [(s.text, s.is_cue, s.label) for s in segs] == [
        ("Own the ", False, "strategic"), ("NPS scorecard", True, "strategic"),
        (" and the ", False, "strategic"), ("contact centre", True, "contact_centre"),
    ]


@pytest.mark.parametrize("cues", [
    [Cue("NPS", 8, 11, "strategic"), Cue("NPS scorecard", 8, 21, "strategic")],  # same start
    [Cue("the NPS", 4, 11, "strategic"), Cue("NPS scorecard", 8, 21, "strategic")],  # overlap
    [Cue("?", 30, 99, "strategic")],  # past the end of the line
    [],
])
def test_segments_always_join_back_to_the_line(cues):
    text = "Own the NPS scorecard"
    segs = segments(line(1, text, cues=cues))
    assert "".join(s.text for s in segs) == text
    assert all(s.text for s in segs)


def test_segments_of_an_empty_line():
    assert [s.text for s in segments(line(1, "", label="context"))] == [""]


# -- the page ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example_report(shipped_nlp):
    from cco_jobs.analysis import analyse

    return analyse(EXAMPLE, nlp=shipped_nlp)


def test_report_page_shows_every_part(example_report):
    html = render_html(example_report)
    doc = soup(html)
    c = example_report.commitment
    assert doc.title and "Chief Customer Officer" in doc.title.string
    # every line, coloured by its label, under an anchor
    items = doc.select("ol.lines > li.line")
    assert [li["id"] for li in items] == [f"line-{ln.n}" for ln in example_report.lines]
    assert [li["data-label"] for li in items] == [ln.label for ln in example_report.lines]
    for li, ln in zip(items, example_report.lines):
        assert f"lab-{ln.label}" in li["class"]
        assert li["title"].startswith(f"{ln.label.replace('_', '-')} · confidence {ln.confidence:.2f}")
        assert li.select_one(".txt").get_text() == ln.text
        assert [m.get_text() for m in li.select("mark.cue")] == [cue.text for cue in ln.cues]
    # the suggestion in a side note and on hover
    tactical = [ln for ln in example_report.lines if ln.suggestion]
    assert tactical
    for ln in tactical:
        li = doc.find(id=f"line-{ln.n}")
        assert ln.suggestion.rewrite in li.select_one(".suggestion").get_text()
        assert ln.suggestion.rewrite in li["title"]
    # legend, gauge and band
    assert [chip.get_text() for chip in doc.select(".legend .chip")] == [lab.replace("_", "-") for lab in LABELS]
    gauge = doc.select_one("svg.gauge")
    assert gauge.select_one(".gauge-score").get_text() == str(c.score)
    assert gauge.select_one(".gauge-value")["stroke-dasharray"].startswith(f"{c.score} ")
    assert doc.select_one(".band").get_text() == c.band
    assert doc.select_one(".cco-report")["data-score"] == str(c.score)
    # signals link to their evidence lines, and every link has a target
    links = doc.select(".signal .evidence a")
    assert links
    for a in links:
        assert a["href"].startswith("#line-") and doc.find(id=a["href"][1:]) is not None
    assert [n.get_text() for n in doc.select(".signal-name")] == [s.name for s in c.signals]
    # the missing-information questions
    for m in c.missing:
        assert m.question in doc.select_one(".questions").get_text()


def test_report_page_is_self_contained(example_report):
    doc = soup(render_html(example_report))
    assert not doc.find_all("script")
    assert not doc.find_all("link")
    for tag in doc.find_all(True):
        for attr in ("src", "href"):
            value = tag.get(attr)
            assert value is None or value.startswith("#"), (tag.name, value)
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert "default-src 'none'" in policy["content"]


def test_fragment_is_the_report_body_only(example_report):
    doc = soup(render_fragment(example_report))
    assert doc.find("html") is None and doc.find("style") is None
    assert doc.select_one("article.cco-report") is not None


def test_a_report_without_requirements_or_signals():
    doc = soup(render_html(hand_report([line(1, "About us", label="context")], score=0)))
    assert doc.select_one(".gauge-value") is None  # no arc for a zero score
    assert doc.select_one(".mix-bar") is None
    assert "Nothing" in doc.select_one(".none").get_text()


def test_band_tone():
    from cco_jobs.commitment import BANDS

    assert band_tone(BANDS[0]) == "good" and band_tone(BANDS[2]) == "poor"
    assert band_tone("a band from a newer model") == "mixed"


def test_evidence_for_an_unknown_line_is_not_a_link():
    signal = CommitmentSignal("reporting line", "top", "strong", 5.0, "reports to the CEO", "002",
                              [Evidence(1, "CEO"), Evidence(99, "board")])
    view = report_view(hand_report([line(1, "Reports to the CEO.")], signals=[signal]))
    assert [(link.n, link.anchor) for link in view.signals[0].links] == [(1, "line-1"), (99, None)]


# -- escaping ------------------------------------------------------------------------------

def hostile_report() -> PostingReport:
    start = HOSTILE.index("customer strategy")
    cues = [Cue(SCRIPT, HOSTILE.index(SCRIPT), HOSTILE.index(SCRIPT) + len(SCRIPT), "strategic"),
            Cue("customer strategy", start, start + len("customer strategy"), "strategic")]
    lines = [
        line(1, SCRIPT, label="context", is_heading=True),
        line(2, HOSTILE, cues=cues, meaning=f"meaning {ATTR}"),
        line(3, IMG, label="contact_centre", second_label="sales",
             suggestion=Suggestion(f"reason {SCRIPT}", f"rewrite {IMG}", f"belongs {ATTR}")),
        line(4, ATTR, label="neutral"),
    ]
    signal = CommitmentSignal(f"name {SCRIPT}", "v", "weak", -2.0, f"summary {IMG}", ATTR,
                              [Evidence(2, SCRIPT), Evidence(3, ATTR)])
    report = hand_report(lines, band=f"band {SCRIPT}", verdict=f"verdict {IMG}", signals=[signal],
                         missing=[MissingInformation("x", f"what {ATTR}", f"question {SCRIPT}")],
                         red_flags=[IMG], title_vs_substance=ATTR, percentile=12.0,
                         peer_group=SCRIPT)
    report.title, report.company, report.source = SCRIPT, IMG, ATTR
    report.model = {"name": SCRIPT, "version": ATTR}
    return report


@pytest.mark.parametrize("render", [render_html, render_fragment])
def test_hostile_text_everywhere_renders_as_text(render):
    html = render(hostile_report())
    doc = soup(html)
    assert doc.find_all("script") == []
    assert doc.find_all("img") == []
    assert event_handlers(doc) == []
    assert "<script>" not in html and "<img" not in html
    text = doc.get_text()
    for payload in (SCRIPT, IMG, ATTR):
        assert payload in text
    # attribute values keep the quote as a character
    assert doc.find(id="line-2")["title"].count(ATTR) == 1
    assert doc.find(id="line-4").select_one(".txt").get_text() == ATTR
    marks = [m.get_text() for m in doc.find(id="line-2").select("mark.cue")]
    assert marks == [SCRIPT, "customer strategy"]


def test_analysed_hostile_posting_renders_as_text(shipped_nlp):
    from cco_jobs.analysis import analyse

    posting = "\n".join([
        "Chief Customer Officer", "", "Responsibilities:",
        f"- Set the customer strategy {SCRIPT}", f"- Run the contact centre {IMG}",
        f'- Own the NPS scorecard {ATTR} and report to the CEO',
    ])
    report = analyse(posting, nlp=shipped_nlp, format="text")
    doc = soup(render_html(report))
    assert doc.find_all("script") == [] and doc.find_all("img") == []
    assert event_handlers(doc) == []
    texts = [li.select_one(".txt").get_text() for li in doc.select("li.line")]
    assert texts == [ln.text for ln in report.lines]
    assert any(SCRIPT in t for t in texts) and any(IMG in t for t in texts) and any(ATTR in t for t in texts)


# -- the command line ----------------------------------------------------------------------

def test_cli_analyse_writes_the_html_report(tmp_path):
    from cco_jobs.cli import cli

    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["analyse", str(EXAMPLE), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = soup(out.read_text(encoding="utf-8"))
    assert doc.select_one("svg.gauge") is not None
    assert len(doc.select("li.line")) > 10


def test_the_percentile_names_its_reference_group_in_words(shipped_nlp):
    """"of the reference CCO and CXO postings", and for postings with no title level
    "of all the reference postings" (not "the reference all postings")."""
    import io

    from cco_jobs import analyse
    from cco_jobs.render.terminal import make_console, render

    manager = analyse("Team Lead, Customer Support\n\nResponsibilities\n- Answer customer calls and chats.\n"
                      "- Handle escalations from the queue.\n", nlp=shipped_nlp)
    assert manager.commitment.peer_group == "all"
    out = io.StringIO()
    render(manager, make_console(out, width=100))
    assert "of all the reference postings." in out.getvalue()
    assert "of all the reference postings." in render_html(manager)
    assert "reference all postings" not in out.getvalue() + render_html(manager)
    cco = analyse(EXAMPLE.read_text(encoding="utf-8"), nlp=shipped_nlp)
    assert "of the reference CCO and CXO postings." in render_html(cco)
