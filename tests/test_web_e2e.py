"""The draft checker end to end in a real headless Chromium (Playwright, the system browser).

The server runs in a thread on a free 127.0.0.1 port (``cco_jobs.web.serve_in_background``).
Screenshots go to ``test-output/`` (git-ignored). Chromium comes from ``.ci/install-browser.sh``;
without it the test skips.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed: pip install -e '.[test]'")
pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install 'cco-jobs[web]'")

CHROMIUM = Path(os.environ.get("CCO_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.is_file():
    pytest.skip(f"Chromium is not installed at {CHROMIUM}: run .ci/install-browser.sh",
                allow_module_level=True)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
OUTPUT = Path(__file__).resolve().parents[1] / "test-output"
LIMIT = 20_000
# how Chromium logs a refused request (413, 422); the page shows the server's message
REFUSED = "Failed to load resource: the server responded with a status of 4"
DRAFT = """Chief Customer Officer

Reporting to the CEO, you will sit on the executive team.

Responsibilities:
- Set the three-year customer strategy and own the NPS scorecard the board reviews.
- Map the customer journey and lead the cross-functional redesign.
- Run the contact centre rota and handle escalated complaints personally.
- Hit the quarterly upsell quota.
"""
EXTRA = "- Reduce cost per contact by moving customers to self-service.\n"


@pytest.fixture(scope="module")
def server(shipped_nlp):
    from cco_jobs.web import serve_in_background

    with serve_in_background(shipped_nlp, max_bytes=LIMIT) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page on the draft checker; fails the test on any console error or page error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda msg: problems.append(msg.text) if msg.type == "error"
          and not msg.text.startswith(REFUSED) else None)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    pg.goto(server + "/")
    yield pg
    context.close()
    assert problems == [], problems


def screenshot(pg, name: str) -> Path:
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / name
    pg.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def expected_report(nlp, text: str):
    from cco_jobs.analysis import analyse_posting
    from cco_jobs.ingest import parse_text

    return analyse_posting(parse_text(text, source="draft"), nlp=nlp)


def wait_for_lines(pg, n: int) -> None:
    pg.wait_for_function(
        "n => document.querySelector('#report').dataset.state === 'ready'"
        " && document.querySelectorAll('#report li.line').length === n", arg=n, timeout=15_000)


def test_pasted_draft_is_annotated_and_scored(page, shipped_nlp):
    expected = expected_report(shipped_nlp, DRAFT)
    page.locator("#draft").fill(DRAFT)
    wait_for_lines(page, len(expected.lines))

    labels = page.eval_on_selector_all("#report li.line", "els => els.map(e => e.dataset.label)")
    assert labels == [ln.label for ln in expected.lines]
    assert {"strategic", "contact_centre", "sales"} <= set(labels)
    score = expected.commitment.score
    assert page.get_attribute("#report .cco-report", "data-score") == str(score)
    assert page.text_content("#report .gauge-score") == str(score)
    assert page.inner_text("#report .band") == expected.commitment.band
    assert page.locator("#report mark.cue").count() >= 3
    assert page.locator("#report .suggestion").count() >= 2
    assert "score " + str(score) in page.inner_text("#status")
    assert page.is_hidden("#error")
    screenshot(page, "web-e2e.png")


def test_edits_update_the_view_debounced(page, shipped_nlp):
    page.locator("#draft").fill(DRAFT)
    wait_for_lines(page, len(expected_report(shipped_nlp, DRAFT).lines))
    posts: list[str] = []
    page.on("request", lambda req: posts.append(req.url) if req.method == "POST" else None)

    page.locator("#draft").press("End")
    page.keyboard.press("Control+End")
    page.keyboard.type(EXTRA, delay=15)  # one request per pause, not per key
    expected = expected_report(shipped_nlp, DRAFT + EXTRA)
    wait_for_lines(page, len(expected.lines))

    assert 1 <= len(posts) <= 3, posts
    labels = page.eval_on_selector_all("#report li.line", "els => els.map(e => e.dataset.label)")
    assert labels == [ln.label for ln in expected.lines]
    assert labels[-1] == "cost_cutting"
    assert page.get_attribute("#report .cco-report", "data-score") == str(expected.commitment.score)


@pytest.mark.parametrize("excess", [1, 50], ids=["just-over", "refused-unread"])
def test_a_draft_over_the_limit_shows_the_message(page, excess):
    with page.expect_response(lambda r: r.url.endswith("/api/analyse")) as answer:
        page.locator("#draft").fill(DRAFT + "x" * LIMIT * excess)
    assert answer.value.status == 413
    page.wait_for_selector("#error", state="visible")
    message = page.inner_text("#error")
    assert "accepts up to 20 kB" in message and "This draft is" in message
    assert page.inner_text("#status") == "Draft too large"
    assert "over" in page.get_attribute("#size", "class")
    screenshot(page, f"web-e2e-too-large-{excess}.png")


def test_hostile_draft_stays_text(page, shipped_nlp):
    payload = ('- Own <script>window.pwned = 1</script> the <img src=x onerror="window.pwned = 2"> '
               'board scorecard " onmouseover="window.pwned = 3\n')
    text = DRAFT + payload
    page.locator("#draft").fill(text)
    wait_for_lines(page, len(expected_report(shipped_nlp, text).lines))
    page.hover("#report li.line:last-child")
    assert page.evaluate("window.pwned") is None
    assert page.locator("#report script, #report img").count() == 0
    assert "<script>window.pwned = 1</script>" in page.inner_text("#report li.line:last-child")


def test_evidence_links_jump_to_their_lines(page):
    page.locator("#draft").fill(DRAFT)
    page.wait_for_selector("#report .evidence a")
    link = page.locator("#report .evidence a").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.evaluate("document.querySelector(':target').id") == target[1:]


def test_uploaded_file_fills_the_editor(page):
    page.set_input_files("#upload", files=[{
        "name": "draft.md", "mimeType": "text/markdown",
        "buffer": b"# Chief Customer Officer\n\n## What you will do\n\n- Own the customer strategy.\n"}])
    page.wait_for_function("() => document.querySelector('#report').dataset.state === 'ready'")
    assert page.input_value("#format") == "markdown"
    assert page.input_value("#draft").startswith("# Chief Customer Officer")
    assert "strategic" in page.eval_on_selector_all("#report li.line", "els => els.map(e => e.dataset.label)")


def test_clearing_the_draft_returns_to_the_empty_state(page):
    page.locator("#draft").fill(DRAFT)
    page.wait_for_selector("#report[data-state=ready]")
    page.locator("#draft").fill("")
    page.wait_for_selector("#report[data-state=empty] .empty")
    assert page.inner_text("#status") == "Waiting for a draft"
