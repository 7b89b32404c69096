"""HTML pages: blocks in document order, chrome marked (never dropped), source lines, metadata."""
from __future__ import annotations

from pathlib import Path

from cco_jobs.ingest import parse_text, read_posting

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def rows(posting):
    return [(line.text, line.is_heading, line.is_bullet, line.chrome) for line in posting.lines]


def test_headings_paragraphs_lists_breaks_tables_and_definition_lists():
    page = (
        "<html><body>\n"
        "<h1>Chief Customer Officer</h1>\n"
        "<p>Harbourline moves <b>parcels</b> for <a href='#'>small firms</a>.</p>\n"
        "<h2>Responsibilities</h2>\n"
        "<ul><li>Set the strategy</li><li>Own <em>NPS</em></li></ul>\n"
        "<p>Line one<br>Line two<br/><br/>Line three</p>\n"
        "<table><tr><th>Grade</th><th>Salary</th><td></td></tr><tr><td>E2</td><td>&pound;150k</td></tr></table>\n"
        "<dl><dt>Location</dt><dd>Leeds</dd></dl>\n"
        "<div>Direct text<p>Nested paragraph</p>tail text</div>\n"
        "</body></html>"
    )
    posting = parse_text(page)
    assert posting.format == "html"
    assert rows(posting) == [
        ("Chief Customer Officer", True, False, False),
        ("Harbourline moves parcels for small firms.", False, False, False),
        ("Responsibilities", True, False, False),
        ("Set the strategy", False, True, False),
        ("Own NPS", False, True, False),
        ("Line one", False, False, False),
        ("Line two", False, False, False),
        ("Line three", False, False, False),
        ("Grade | Salary", False, False, False),
        ("E2 | £150k", False, False, False),
        ("Location", False, False, False),
        ("Leeds", False, False, False),
        ("Direct text", False, False, False),
        ("Nested paragraph", False, False, False),
        ("tail text", False, False, False),
    ]
    assert [line.source_line for line in posting.lines][:5] == [2, 3, 4, 5, 5]


def test_invisible_elements_are_dropped():
    page = (
        "<html><head><title>T</title><style>p{}</style><script>var secret = 1;</script></head><body>"
        "<p>Head of Customer Success for a payments company</p><script>alert('x')</script>"
        "<noscript>Enable JS</noscript><template><p>Hidden template</p></template>"
        "<svg><title>Icon</title><text>svg text</text></svg><!-- a comment -->"
        "</body></html>"
    )
    text = parse_text(page).text
    assert text == "Head of Customer Success for a payments company"


def test_bold_only_paragraph_is_a_heading():
    posting = parse_text("<p><strong>What you'll do</strong></p><ul><li>Lead the team</li></ul>"
                         "<p><strong>Own</strong> the budget</p>")
    assert posting.lines[0].is_heading and posting.lines[0].section == "responsibilities"
    assert not posting.lines[-1].is_heading


def test_layout_table_cells_are_walked_as_blocks():
    page = ("<table><tr><td><h2>About us</h2><p>We make tea.</p><p>Lots of it.</p></td>"
            "<td><ul><li>Lead the tea strategy</li></ul></td></tr></table>")
    posting = parse_text(page, format="html")
    assert [line.text for line in posting.lines] == ["About us", "We make tea.", "Lots of it.", "Lead the tea strategy"]


def test_preformatted_text_keeps_its_lines():
    posting = parse_text("<h1>Head of Support</h1><pre>Line A\nLine B\n\nLine C</pre>")
    assert [line.text for line in posting.lines][1:] == ["Line A", "Line B", "Line C"]


def test_chrome_is_marked_not_dropped():
    page = (
        "<body><nav><a>Home</a> <a>Jobs</a></nav>"
        "<div class='cookie-consent'>We use cookies. <button>OK</button></div>"
        "<div id='breadcrumbs'>Careers &gt; Jobs</div>"
        "<header><a>Logo</a><ul><li>Menu one</li></ul></header>"
        "<h1>Chief Customer Officer</h1><p>Reporting to the CEO, you will own the customer strategy.</p>"
        "<div class='social-share'>Share on LinkedIn</div>"
        "<div role='navigation'>Next job</div>"
        "<section aria-label='Similar jobs'><h2>Similar jobs</h2><p>Head of CX</p></section>"
        "<aside>Sidebar text</aside><footer><ul><li>Privacy</li></ul></footer></body>"
    )
    posting = parse_text(page)
    chrome = {line.text: line.chrome for line in posting.lines}
    assert chrome == {
        "Home Jobs": True, "We use cookies. OK": True, "Careers > Jobs": True, "Logo": True, "Menu one": True,
        "Chief Customer Officer": False, "Reporting to the CEO, you will own the customer strategy.": False,
        "Share on LinkedIn": True, "Next job": True, "Similar jobs": True, "Head of CX": True,
        "Sidebar text": True, "Privacy": True,
    }
    similar = next(line for line in posting.lines if line.text == "Head of CX")
    assert similar.section == "header"  # chrome headings start no section


def test_everything_outside_the_main_container_is_chrome():
    page = ("<body><div class='top'>Welcome to our careers site</div><main>"
            "<h1>Head of Customer Support</h1><p>You will lead a team of forty agents across two sites.</p>"
            "<p>We offer a pension, private medical cover and twenty-eight days of holiday.</p></main>"
            "<div class='bottom'>All rights reserved</div></body>")
    chrome = {line.text: line.chrome for line in parse_text(page).lines}
    assert chrome["Welcome to our careers site"] and chrome["All rights reserved"]
    assert not chrome["Head of Customer Support"]


def test_small_container_does_not_make_the_posting_chrome():
    page = ("<body><main><p>Menu</p></main><h1>Head of Customer Support</h1>"
            "<p>You will lead a team of forty agents across two sites and report to the COO.</p></body>")
    lines = parse_text(page).lines
    # the posting's lines are not chrome ("Menu" alone is, by its words: see is_chrome_line)
    assert [line.text for line in lines if not line.chrome] == [
        "Head of Customer Support", "You will lead a team of forty agents across two sites and report to the COO."]


def test_header_inside_an_article_is_content():
    page = ("<article><header><h1>VP Customer Success</h1></header><p>Lead our customer success team.</p>"
            "<footer>Reference CS-2231</footer></article>")
    assert not any(line.chrome for line in parse_text(page).lines)


def test_saved_job_board_page():
    posting = read_posting(FIXTURES / "job_board_page.html")
    assert posting.format == "html"
    assert posting.title == "Chief Customer Officer"
    assert posting.company == "Harbourline Logistics"
    assert posting.metadata["date_posted"] == "2025-03-02"
    assert posting.metadata["location"] == "Leeds, GB"
    content = [line for line in posting.lines if not line.chrome]
    assert content[0].text == "Chief Customer Officer" and content[0].is_heading
    assert content[0].section == "header" and content[0].source_line == 37
    by_text = {line.text: line for line in posting.lines}
    assert by_text["Own the customer scorecard (NPS, complaints, retention) and report it to the board."].is_bullet
    assert by_text["What you’ll do"].section == "responsibilities"
    assert by_text["Degree-level education or equivalent experience."].section == "qualifications"
    assert by_text["Executive 2 | £150,000 – £170,000"].section == "compensation"
    assert by_text["talent@harbourline.example"].section == "apply"
    assert "Harbourline moves parcels for 40,000 small businesses across the UK and Ireland." in by_text
    for chrome_text in ("Skip to main content", "Accept all Reject non-essential", "Search jobs", "Sign in",
                        "Share this job LinkedIn Email", "Similar jobs", "Head of Customer Operations",
                        "Privacy policy", "© 2025 Harbourline Logistics Ltd"):
        assert by_text[chrome_text].chrome, chrome_text
    assert not by_text["Location"].chrome
    joined = posting.text
    assert "Template text" not in joined and "Please enable JavaScript" not in joined and "dataLayer" not in joined


def test_heading_level_below_a_known_section_keeps_it():
    page = "<h2>Responsibilities</h2><h3>Strategy</h3><ul><li>Own the plan</li></ul><h2>Perks</h2><p>Gym</p>"
    sections = [(line.text, line.section, line.heading) for line in parse_text(page).lines]
    assert sections == [
        ("Responsibilities", "responsibilities", "Responsibilities"),
        ("Strategy", "responsibilities", "Strategy"),
        ("Own the plan", "responsibilities", "Strategy"),
        ("Perks", "benefits", "Perks"),
        ("Gym", "benefits", "Perks"),
    ]


def test_html_fragment_without_html_element():
    posting = parse_text("<p>Head of Customer Experience</p><p>Lead the CX team at Acme.</p>")
    assert posting.format == "html" and len(posting.lines) == 2


def test_xml_declaration_and_unusual_markup_are_tolerated():
    page = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html><body><job-ad>'
            "<p>Director of Customer Service</p><p>Run the <unknown>contact</unknown> centre.</p>"
            "</job-ad></body></html>")
    assert parse_text(page).text == "Director of Customer Service\nRun the contact centre."


def test_a_job_boards_page_names_the_employer_not_the_board():
    page = """<html><head><title>Chief Customer Officer - Lumenrow | HireHarbor Jobs</title>
    <meta property="og:site_name" content="HireHarbor"></head><body>
    <nav><a href="/">HireHarbor Jobs</a> <a href="/search">Search</a></nav>
    <h1>Chief Customer Officer</h1>
    <div class="meta">Lumenrow · Denver, CO (Hybrid) · Full-time</div>
    <h2>About Lumenrow</h2><p>Lumenrow builds scheduling software for hospitals and hotels.</p>
    <h2>Responsibilities</h2><ul><li>Set the customer strategy and own retention.</li></ul>
    </body></html>"""
    posting = parse_text(page, format="html")
    assert (posting.title, posting.company) == ("Chief Customer Officer", "Lumenrow")


def test_an_employers_own_page_keeps_its_name_and_a_lone_board_name_is_still_used():
    own = """<html><head><title>Chief Customer Officer | Acme Freight</title>
    <meta property="og:site_name" content="Acme Freight"></head><body>
    <h1>Chief Customer Officer</h1><h2>About Acme Freight</h2><p>We move parcels.</p>
    <h2>Responsibilities</h2><ul><li>Own the customer strategy.</li></ul></body></html>"""
    assert parse_text(own, format="html").company == "Acme Freight"
    branded = """<html><head><title>Chief Customer Officer | Acme Careers</title></head><body>
    <h1>Chief Customer Officer</h1><h2>Responsibilities</h2><ul><li>Own the customer strategy.</li></ul>
    </body></html>"""
    assert parse_text(branded, format="html").company == "Acme"
