"""Run-together scraped text is split back into lines, without splitting what must stay whole."""
from __future__ import annotations

import pytest

from cco_jobs.ingest import parse_text


def lines(text):
    return [(line.text, line.is_heading, line.is_bullet) for line in parse_text(text, format="text").lines]


def test_sentence_glued_to_the_next():
    assert [t for t, _, _ in lines(
        "Head of Service\nCandidates must have held a supervisory position.The Chief Customer Officer will lead."
    )][1:] == ["Candidates must have held a supervisory position.", "The Chief Customer Officer will lead."]


def test_heading_fused_to_its_first_line():
    assert lines("Chief Customer Officer\nKey Responsibilities:Manage a robust team of 40 across three sites")[1:] == [
        ("Key Responsibilities", True, False),
        ("Manage a robust team of 40 across three sites", False, False),
    ]


def test_heading_fused_without_a_colon():
    assert lines("Chief Customer Officer\nWhat you'll doLead the group customer strategy")[1:] == [
        ("What you'll do", True, False), ("Lead the group customer strategy", False, False),
    ]


def test_a_chain_of_fused_headings_and_a_sentence():
    got = lines("VP Customer Success\nWe are growing fast.Key Responsibilities:Strategy:Own the plan for renewals")
    assert got[1:] == [
        ("We are growing fast.", False, False), ("Key Responsibilities", True, False),
        ("Strategy", True, False), ("Own the plan for renewals", False, False),
    ]


def test_bullets_glued_with_bullet_glyphs():
    got = lines("Head of CX\nResponsibilities • Lead the customer strategy for the group • Own the NPS scorecard "
                "and report it • Build the team of leaders")
    assert got[1:] == [
        ("Responsibilities", True, False), ("Lead the customer strategy for the group", False, True),
        ("Own the NPS scorecard and report it", False, True), ("Build the team of leaders", False, True),
    ]


def test_a_heading_glued_after_the_last_bullet_of_a_list_opens_the_next_list():
    got = lines("Head of Support\nResponsibilities: • Run the team of forty agents. • Own the queue and coordinate "
                "the operation.What You Bring:• Ten years of experience in service.• A degree.What We Offer:"
                "• A pension and a car.• Private medical cover.")
    assert got[3:] == [
        ("Own the queue and coordinate the operation.", False, True), ("What You Bring", True, False),
        ("Ten years of experience in service.", False, True), ("A degree.", False, True),
        ("What We Offer", True, False), ("A pension and a car.", False, True), ("Private medical cover.", False, True),
    ]
    # a sentence that happens to be a heading's words keeps its full stop and stays a sentence
    assert lines("Head of Support\n• We grow fast.Benefits.")[1:] == [("We grow fast.", False, True),
                                                                     ("Benefits.", False, True)]


def test_long_run_of_items_glued_with_dashes():
    text = ("Director of Service\nDefining what good looks like for every customer - Owning the group customer "
            "scorecard and the board pack - Leading an end-to-end redesign of the claims journey with partners")
    assert [t for t, _, _ in lines(text)][1:] == [
        "Defining what good looks like for every customer", "Owning the group customer scorecard and the board pack",
        "Leading an end-to-end redesign of the claims journey with partners",
    ]


def test_bullets_glued_without_any_separator():
    got = [t for t, _, _ in lines("Benefits\nCompany carCompany pensionHealth & wellbeing programmeLife insurance"
                                  "Private medical insurance")]
    assert got[1:] == ["Company car", "Company pension", "Health & wellbeing programme", "Life insurance",
                       "Private medical insurance"]


def test_amount_glued_to_the_previous_line():
    got = [t for t, _, _ in lines("Benefits\nMedical and dental, with premiums covered401(k) with a 4% match"
                                  "16 weeks of paid parental leave")]
    assert got[1:] == ["Medical and dental, with premiums covered", "401(k) with a 4% match",
                       "16 weeks of paid parental leave"]


@pytest.mark.parametrize("text", [
    "We operate across the U.S.and Europe with a team of 300 people.",
    "Use a CRM (e.g.Salesforce or HubSpot) every day of the week.",
    "Acme Holdings Inc.The group has 40 offices in total.",
    "We rank No.1 for service and grew revenue £1.2m last year.",
    "Our platform v2.0 shipped and the team grew 3.5x in a year.",
    "Email John.Smith@acme.example or visit www.Acme.Com today.",
    "Harbourline Logistics · Leeds, UK (hybrid) · Full-time",
    "Work with LinkedIn, WeWork, HubSpot, easyJet and OneDrive daily.",
    "Pay: $135,000 - $160,000 a year - Full-time",
    "Location: Charlotte, NC (Hybrid - 3 days in office)",
    "Reporting to the CEO at 10:30 each Monday; see https://acme.example/Jobs for details.",
])
def test_what_must_not_be_split(text):
    assert [t for t, _, _ in lines(f"Head of Customer Success\n{text}")][1:] == [text]


def test_a_heading_glued_in_mid_line_is_cut_out():
    got = lines("Head of Claims Service Quillmoor Insurance Hartford, CT About UsQuillmoor "
                "Insurance writes home and auto cover for two million households.")
    assert [t for t, _, _ in got] == ["Head of Claims Service Quillmoor Insurance Hartford, CT", "About Us",
                                      "Quillmoor Insurance writes home and auto cover for two million households."]
    assert got[1][1] and not got[2][1]  # "About Us" is the heading


@pytest.mark.parametrize("text", [
    "Telecom or subscription business experience preferredLead the claims team through the peak season.",
    "Tallgrass is an Equal Opportunity EmployerTallgrass Airlines welcomes applications for every role.",
    "Vous êtes responsable de l'Expérience membre dans toutes nos agences du Québec.",
])
def test_words_that_only_look_like_a_heading_stay_in_their_sentence(text):
    assert not any(h for _, h, _ in lines(text))


@pytest.mark.parametrize("marker", ["(H/F)", "(m/f/d)", "(F/H/X)"])
def test_a_titles_gender_marker_glued_to_the_next_line(marker):
    got = [t for t, _, _ in lines(f"Directeur Clientèle / Head of Client Services {marker}CARTHEA CONTACT GROUP - Tunis\n"
                                  "Le poste\nDévelopper le chiffre d'affaires du Groupe.")]
    assert got[:2] == [f"Directeur Clientèle / Head of Client Services {marker}", "CARTHEA CONTACT GROUP - Tunis"]


def test_a_gender_marker_inside_a_line_stays():
    text = "Chief Customer Officer (m/f/d) in Berlin, reporting to the CEO"
    assert [t for t, _, _ in lines(text)] == [text]


@pytest.mark.parametrize("heading, first, section", [
    ("Ce que nous offrons", "Un rôle clé dans la réussite du projet", "benefits"),
    ("Main responsibilities", "Define and execute the customer care strategy", "responsibilities"),
])
def test_a_heading_glued_to_its_first_dash_bullet(heading, first, section):
    posting = parse_text("Directeur Relation Client H/F\nAcme Télécom - Casablanca\n\nLe poste\n"
                         "Vous dirigez la relation client du groupe et ses quatre centres.\n"
                         f"{heading}- {first}\n- Second item of the list", format="text")
    got = [(line.text, line.section, line.is_heading, line.is_bullet) for line in posting.lines[-3:]]
    assert got == [(heading, section, True, False), (first, section, False, True),
                   ("Second item of the list", section, False, True)]


@pytest.mark.parametrize("text", ["Customer-first culture- Build it with every team", "Lead the Tier-2 team- Own it"])
def test_a_dash_glued_to_words_that_name_no_section_stays(text):
    assert [t for t, _, _ in lines(f"Head of Support\n{text}")][1:] == [text]


@pytest.mark.parametrize("text, pieces", [
    ("Head of Quality & CX at Savanna Connect BPO LtdNairobi, Kenya", ["Head of Quality & CX at Savanna Connect BPO Ltd",
                                                                    "Nairobi, Kenya"]),
    ("Careers HomeSearch JobsSaved JobsSign InDirector, Enterprise Access", ["Careers HomeSearch Jobs", "Saved Jobs",
                                                                           "Sign In", "Director, Enterprise Access"]),
    ("Back to all jobs VP of Customer SuccessNew York, NY · Full-time", ["Back to all jobs VP of Customer Success",
                                                                       "New York, NY · Full-time"]),
])
def test_a_word_that_ends_lines_glued_to_the_next_line(text, pieces):
    assert [t for t, _, _ in lines(f"Chief Customer Officer\n{text}")][1:] == pieces


@pytest.mark.parametrize("text", [
    "Experience with ServiceNow, Salesforce Service Cloud and Zendesk is required",
    "Partner with CenterPoint and other utilities on outage communications",
    "Hiring #BPOJobs #CebuJobs #OperationsDirector across our Cebu sites",
])
def test_names_and_hashtags_that_look_like_glue_stay_whole(text):
    assert [t for t, _, _ in lines(f"Chief Customer Officer\n{text}")][1:] == [text]


def test_a_title_word_inside_an_email_address_is_no_glue():
    text = "Questions: write to Experience-ExperienceClient.LPE@benefits.example before applying"
    assert [t for t, _, _ in lines(f"Chief Customer Officer\n{text}")][1:] == [text]


def test_a_page_scraped_onto_one_line_with_pipes_in_it_is_split_not_read_as_a_table_row():
    page = ("Customer Experience Manager (m/w/d)Salzburg | Vollzeit | Job-ID 1187Jetzt bewerbenÜber unsThe Salzach "
            "Regionalverkehr GmbH moves the region with 14 railway and 60 bus lines and 920 employees across the "
            "province, and with our new ticket app we want to make public transport even more attractive for "
            "everyone who travels with us every day.Your tasksYou analyse and further develop our customer journeys, "
            "in particular ticket purchase and information in case of disruptions.You coordinate the yearly customer "
            "satisfaction survey and the NPS measurement with an external institute.Your profileAt least 2-3 years "
            "of professional experience in customer experience or market research.")
    posting = parse_text(page, format="text")
    sections = {line.section for line in posting.lines}
    assert len(posting.lines) > 5 and {"responsibilities", "qualifications"} <= sections


def test_a_bullets_own_label_before_a_dash_starts_no_section():
    """"- Compensation- Redesign the incentive scheme" is a duty labelled by its topic: the
    lines after it stay in the duties (the reviewer's case: the score lost the reporting line)."""
    posting = parse_text("Chief Customer Officer\n\nResponsibilities\n- Compensation- Redesign the incentive scheme for "
                         "the service teams.\n- Governance- Report to the CEO and sit on the Executive Committee.\n",
                         format="text")
    assert [line.section for line in posting.lines[-2:]] == ["responsibilities", "responsibilities"]
    assert not any(line.is_heading for line in posting.lines[-2:])


@pytest.mark.parametrize("text", ["Integration with SAP SuccessFactors and Workday is required for this role",
                                  "Partner with CorpDev on acquisitions and integration planning"])
def test_product_and_team_names_that_end_in_a_title_word_stay_whole(text):
    assert [t for t, _, _ in lines(f"Chief Customer Officer\n{text}")][1:] == [text]


def test_a_markdown_table_row_with_a_long_cell_is_still_a_row():
    row = "| Customer strategy | " + "Set the strategy for all customers across every channel. " * 9 + "| 40% |"
    posting = parse_text("# Chief Customer Officer\n\n## Duties\n| Area | Duty | Share |\n|---|---|---|\n" + row + "\n",
                         format="markdown")
    assert posting.lines[-1].text.startswith("Customer strategy | Set the strategy")


def test_a_job_boards_fields_glued_after_the_text_before_them():
    got = [t for t, _, _ in lines("Director, Enterprise Access Center\nProvidence, RIReq ID: HB-058821Full timeDay shift")]
    assert got[1:] == ["Providence, RI", "Req ID: HB-058821", "Full time", "Day shift"]
