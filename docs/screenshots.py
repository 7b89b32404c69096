"""Regenerate the README's two screenshots from the shipped model.

    python docs/screenshots.py

Needs the test extras (Playwright) and Chromium from ``.ci/install-browser.sh``. Writes
``docs/html-report.png`` (the HTML report of the bundled example) and ``docs/web-page.png``
(the draft checker with a short draft), which must be refreshed whenever the model's output
for them changes.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "cco_jobs" / "examples" / "chief_customer_officer.html"
CHROMIUM = os.environ.get("CCO_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
DRAFT = """Chief Customer Officer
Brightwater Home Services · Denver, CO (hybrid)

The role
Reporting to the Chief Operating Officer, the Chief Customer Officer will lead our customer care organisation and be the voice of the customer across the business.

What you will do
- Set a three-year customer experience strategy with clear objectives and milestones.
- Build a voice-of-the-customer programme that turns surveys and complaints into decisions.
- Direct the daily operation of our three contact centers, including staffing, queues and service levels.
- Personally handle escalated complaints from our largest clients.
- Reduce cost per contact by 15% this year by moving routine bookings to self-service.
- Hit quarterly targets for maintenance-plan upsells sold by care agents.

What you bring
- 12+ years in customer service leadership.
- A record of leading company-wide change that customers noticed.
"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    from cco_jobs import analyse
    from cco_jobs.analysis import load_pipeline
    from cco_jobs.render.html import render_html
    from cco_jobs.web import serve_in_background

    with tempfile.TemporaryDirectory() as tmp:
        report_page = Path(tmp) / "report.html"
        os.chdir(ROOT)  # the report names its source as the README's command does
        report_page.write_text(render_html(analyse(str(EXAMPLE.relative_to(ROOT)))), encoding="utf-8")
        with serve_in_background(load_pipeline()) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1500})
            page.goto(report_page.as_uri())
            page.screenshot(path=str(ROOT / "docs" / "html-report.png"))
            page = browser.new_page(viewport={"width": 1440, "height": 1250})
            page.goto(url + "/")
            page.locator("#draft").fill(DRAFT)
            page.locator("#status", has_text="score").wait_for()
            page.wait_for_timeout(500)
            page.screenshot(path=str(ROOT / "docs" / "web-page.png"))
            browser.close()
    print("wrote docs/html-report.png and docs/web-page.png")


if __name__ == "__main__":
    main()
