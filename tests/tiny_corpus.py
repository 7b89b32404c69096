"""A tiny annotated corpus written for the tests: every label, a few archetypes and levels."""
from __future__ import annotations

from pathlib import Path

HEADER = """@id: {id}
@title: {title}
@company: Test Co {id}
@archetype: {archetype}
@industry: testing
@size: startup
@spelling: us
@format: text
@commitment: {level}
@rationale: written for the tests
---
"""

STRONG = """heading\tAbout us
context\tTest Co makes testing kits for schools and has 200 staff.
context\tReports to the Chief Executive Officer and sits on the executive team.
heading\tResponsibilities
strategic*\tSet the customer experience vision and the milestones the board tracks.
strategic*\tOwn the NPS and retention dashboard and present it to the board.
strategic*\tMap customer journeys across every function and lead their redesign.
neutral*\tCoach and develop a high-performing leadership team.
heading\tBenefits
context\tHealth insurance, a pension and 25 days of paid time off.
"""

WEAK = """heading\tThe job
context\tThis role reports to the VP of Operations.
heading\tResponsibilities
contact_centre*\tSupervise the agents on the phone and chat queues every shift.
contact_centre*\tHandle customer escalations and keep tickets inside the SLA.
sales*\tHit the quarterly renewal quota and close upsell deals.
cost_cutting*\tCut cost per contact by deflecting calls to self-service.
neutral*\tExcellent written and verbal communication skills.
heading\tDimensions
context\tTeam: 40 agents on two sites, open seven days a week.
heading\tEqual opportunity
context\tWe are an equal opportunity employer and welcome all applicants.
"""


def write_tiny_corpus(folder: Path, copies: int = 3) -> Path:
    """Write ``2 * copies`` postings (strong and weak, varied ids) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        (folder / f"s{i}.txt").write_text(
            HEADER.format(id=f"s{i}", title="Chief Customer Officer", archetype="cco_genuine", level=5)
            + STRONG, encoding="utf-8")
        (folder / f"w{i}.txt").write_text(
            HEADER.format(id=f"w{i}", title="Customer Care Manager", archetype="head_support", level=1)
            + WEAK, encoding="utf-8")
    return folder
