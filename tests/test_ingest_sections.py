"""Section keys from real heading wordings, and the posting's title and company."""
from __future__ import annotations

import pytest

from cco_jobs.ingest import parse_text
from cco_jobs.ingest.sections import known_section, role_facts_heading, section_key
from cco_jobs.posting import SECTIONS


def sections_of(text: str, fmt: str = "text") -> dict[str, tuple[str, bool]]:
    """Each line of a parsed posting: ``text -> (section, is_heading)``."""
    return {line.text: (line.section, line.is_heading) for line in parse_text(text, format=fmt).lines}


@pytest.mark.parametrize("heading, key", [
    ("What you'll do", "responsibilities"), ("What You’ll Do:", "responsibilities"),
    ("Key accountabilities", "responsibilities"), ("Responsibilities", "responsibilities"),
    ("The role", "responsibilities"), ("Your impact", "responsibilities"), ("Duties", "responsibilities"),
    ("Responsabilités", "responsibilities"), ("Vos missions", "responsibilities"),
    ("Essential Duties and Responsibilities", "responsibilities"), ("1. Responsibilities", "responsibilities"),
    ("Who you are", "qualifications"), ("Requirements", "qualifications"), ("Person specification", "qualifications"),
    ("Essential criteria", "qualifications"), ("Qualifications", "qualifications"),
    ("Profil recherché", "qualifications"), ("Nice to have", "qualifications"), ("About you", "qualifications"),
    ("About us", "about_company"), ("Who we are", "about_company"), ("The organisation", "about_company"),
    ("About Harbourline Logistics", "about_company"), ("Company Overview", "about_company"),
    ("Benefits", "benefits"), ("Perks", "benefits"), ("What we offer", "benefits"), ("Avantages", "benefits"),
    ("What's in it for you?", "benefits"),
    ("Salary", "compensation"), ("Compensation", "compensation"), ("Pay", "compensation"),
    ("Compensation & Benefits", "compensation"), ("Rémunération", "compensation"),
    ("Equal opportunity", "eeo"), ("Diversity", "eeo"), ("Our commitment to inclusion", "eeo"),
    ("How to apply", "apply"), ("Next steps", "apply"), ("Comment postuler ?", "apply"),
    ("Overview", "summary"), ("The opportunity", "summary"), ("Job summary", "summary"),
    ("Job purpose", "summary"), ("About the role", "summary"), ("Le poste", "summary"),
    ("Responsibilites", "responsibilities"), ("Qualifcations", "qualifications"),  # typos, fuzzy
    ("Your key responsibilities in this exciting role", "responsibilities"),  # keywords
    ("Similar jobs (3)", "other"), ("Chief Customer Officer", "other"), ("Hybrid working", "other"),
    # Quebec public-service notices and French boards; "admission" is not a mission
    ("NATURE DU POSTE", "summary"), ("CONDITIONS D'ADMISSION", "qualifications"),
    ("EXIGENCES ET ATOUTS", "qualifications"), ("Atouts", "qualifications"),
    ("PROCESSUS DE SÉLECTION", "apply"), ("Dossier de candidature", "apply"),
    # founders' and start-ups' headings
    ("What you'll actually do", "responsibilities"), ("What you’ll lead", "responsibilities"),
    ("You'll be a good fit if", "qualifications"), ("Things I'd love to see", "qualifications"),
    ("Vos principaux défis", "responsibilities"), ("De façon plus particulière, la personne titulaire :",
                                                    "responsibilities"),
    ("You'll likely be a fit if", "qualifications"), ("You might be right for this if", "qualifications"),
    ("What you'd actually be doing", "responsibilities"), ("Your first 90 days", "responsibilities"),
    ("Why we're hiring for this now", "summary"), ("Fitness benefits", "benefits"),
    # what the role is not lists no duties
    ("What you won't be doing", "other"), ("What this role is not", "other"),
    # review: "we" doing things is the company's, and a negation elsewhere changes nothing
    ("What we actually do", "other"), ("What we will be doing for you", "other"),
    ("Why you won't regret joining", "benefits"),
    ("Responsibilities include, but are not limited to", "responsibilities"),
    # the customer's experience as a topic of the duties is no requirement for experience
    ("Experience Strategy & Vision", "other"), ("Guest Experience Standards", "other"),
    ("Experience and skills", "qualifications"),
    ("Relevant Client Experience:", "qualifications"), ("Previous Guest Experience", "qualifications"),
    ("Patient experience and improvement", "other"), ("Executive Vice-President, Customer and Member Experience", "other"),
    ("Relevant experience required", "qualifications"), ("Experience & Qualifications", "qualifications"),
    # Taleo's and Workday's wordings
    ("Description", "summary"), ("Compensation Information", "compensation"),
    ("Supervisory Responsibilities", "other"), ("Chief Experience Officer: Job Description Template", "other"),
    ("Nossos benefícios", "benefits"), ("Beneficios", "benefits"),
    ("Essential Functions and Approximate Time Allocation", "responsibilities"), ("Supporting functions", "other"),
    # French start-ups' and Quebec's wordings; "Pourquoi <nous>" sells the job, "Pourquoi ce poste" does not
    ("Le rôle", "summary"), ("Le mandat", "summary"), ("Positionnement du poste", "summary"),
    ("Tes objectifs (on est transparents)", "responsibilities"), ("Ce que tu vas faire concrètement", "responsibilities"),
    ("Toi", "qualifications"), ("Pourquoi Quorly ?", "benefits"), ("Pourquoi ce poste ?", "summary"),
    ("Pourquoi nous recrutons ?", "summary"), ("Pourquoi on recrute ?", "summary"),
    ("Pourquoi recrutons-nous ?", "summary"), ("Pourquoi un Chief Customer Officer ?", "summary"),
    ("Pourquoi nous choisir ?", "benefits"), ("Pourquoi Gestiplex / Why Gestiplex", "benefits"),
    ("Patient Experience at Northwell", "other"), ("Employee Experience", "other"),
    ("General Responsibilities", "responsibilities"), ("General Requirements", "qualifications"),
    ("Fonction", "other"), ("General Terms", "other"),
    ("Le process", "apply"), ("Notre client", "about_company"), ("Présentation du groupe", "about_company"),
])
def test_section_key(heading, key):
    assert key in SECTIONS
    assert section_key(heading) == key


@pytest.mark.parametrize("line", ["Apply", "Customer Experience", "candidate", "Closing Date: 18/04/2025",
                                  "Base salary £190,000", "Chief Customer Officer"])
def test_bare_lines_that_are_not_headings(line):
    assert known_section(line) is None


def test_lines_get_the_section_of_the_nearest_heading_above():
    posting = parse_text(
        "Chief Customer Officer\nAcme · London\n\nAbout us\nWe sell tea.\n\nThe Role\nReporting to the CEO.\n"
        "- Own the strategy\n\nStrategy stuff:\n- Something\n\nBenefits\n- Pension\n\nSimilar jobs\n"
        "=============\nHead of CX\n",
        format="text",
    )
    got = [(line.text, line.section, line.heading) for line in posting.lines]
    assert got == [
        ("Chief Customer Officer", "header", None),
        ("Acme · London", "header", None),
        ("About us", "about_company", "About us"),
        ("We sell tea.", "about_company", "About us"),
        ("The Role", "responsibilities", "The Role"),
        ("Reporting to the CEO.", "responsibilities", "The Role"),
        ("Own the strategy", "responsibilities", "The Role"),
        ("Strategy stuff", "responsibilities", "Strategy stuff"),  # a sub-heading keeps its section
        ("Something", "responsibilities", "Strategy stuff"),
        ("Benefits", "benefits", "Benefits"),
        ("Pension", "benefits", "Benefits"),
        ("Similar jobs", "other", "Similar jobs"),  # a heading with markup starts a section
        ("Head of CX", "other", "Similar jobs"),
    ]


@pytest.mark.parametrize("document, title, company", [
    ("Job title: Head of Customer Success\nCompany: Brightlane Ltd\nWe are hiring.\n", "Head of Customer Success",
     "Brightlane Ltd"),
    ("Chief Customer Officer at Harbourline Logistics\nLeeds\nYou will own the customer strategy.\n",
     "Chief Customer Officer", "Harbourline Logistics"),
    ("VP, Customer Experience\n\nAbout Quaystone\nWe automate payments.\n", "VP, Customer Experience", "Quaystone"),
    ("Skip to main content\nSign in\nDirector of Customer Service\nWe are a utility.\n",
     "Director of Customer Service", None),
    ("We are looking for someone to lead our customer team and report to the Chief Executive.\nApply today.\n",
     None, None),
    ("<html><head><title>Careers at Meridian | Chief Customer Officer</title></head><body><h1>Chief Customer "
     "Officer</h1><p>Lead the group customer strategy.</p></body></html>", "Chief Customer Officer", "Meridian"),
    ("<html><head><meta property='og:title' content='Head of Support at Tasklane'></head><body>"
     "<p>Lead our support team across two continents.</p></body></html>", "Head of Support", "Tasklane"),
    ("<html><head><meta property='og:site_name' content='LinkedIn'><title>Careers</title></head><body>"
     "<h1>Welcome</h1><p>Lead our support team across two continents.</p></body></html>", None, None),
    ("# Chief Experience Officer\n\n**Lumenfold** | Remote\n\n## About Lumenfold\n\nWe run programs.\n",
     "Chief Experience Officer", "Lumenfold"),
])
def test_title_and_company(document, title, company):
    posting = parse_text(document)
    assert (posting.title, posting.company) == (title, company)


def test_title_line_starts_no_section_but_is_a_heading():
    posting = parse_text("Sign in\nHead of Support\nRemote, US\n\nResponsibilities\n- Run the queue\n", format="text")
    title = posting.lines[1]
    assert title.is_heading and title.section == "header"
    assert posting.lines[2].section == "header"


def test_the_position_alone_on_a_line_opens_the_roles_section():
    # a scraped page's "The position" heading after "About <company>": the role's own
    # paragraph (its reporting line, its seat) must not be filed under the company
    got = sections_of(
        "Chief Customer & Digital Officer\n\nAbout Lyntel\nLyntel is a Danish telecom operator.\n\n"
        "The position\nAs Chief Customer & Digital Officer you report to our CEO.\n\n"
        "Der Prozess / The process\nA call with our talent partner.\n")
    assert got["The position"] == ("summary", True)
    assert got["As Chief Customer & Digital Officer you report to our CEO."] == ("summary", False)
    assert got["Der Prozess / The process"] == ("apply", True)
    assert known_section("The job") == "responsibilities"
    assert known_section("The team") is None  # a site menu's link as often as a heading


def test_a_table_headed_by_pay_words_is_compensation_wherever_it_sits():
    posting = parse_text(
        "Vice President, Customer Experience\n\nKey Responsibilities\n"
        "Define the customer experience strategy for the group.\n"
        "Grade | Band | Salary range\nM4 | Senior Leader | SEK 1.1m – 1.4m\n"
        "Lead the contact centre managers and review their targets.\n\n"
        "Dimensions\nDimension | Value\nBudget | £4.2m\n",
        format="text",
    )
    got = {line.text: line.section for line in posting.lines}
    assert got["Grade | Band | Salary range"] == got["M4 | Senior Leader | SEK 1.1m – 1.4m"] == "compensation"
    # the duties around the table keep their section, and a table of other figures is not pay
    assert got["Lead the contact centre managers and review their targets."] == "responsibilities"
    assert got["Budget | £4.2m"] != "compensation"


def test_a_menu_bar_that_names_salaries_is_no_pay_table():
    posting = parse_text("JobsHub | Find Jobs | Salary Guide | Career Advice\nHead of Customer Service\n\n"
                         "About us\nWe sell tea.\n", format="text")
    assert posting.lines[0].section != "compensation"


def test_a_line_that_opens_with_a_section_name_is_read_in_that_section():
    posting = parse_text(
        "Vice President, Customer Experience\n\nAbout the job\n"
        "Role Purpose: The VP leads our service desks and the central contact centre.\n"
        "Key Responsibilities: Own the customer service budget and the yearly plan\n"
        "Key Skills: Operations, BPO, international voice, workforce management\n"
        "Current CTC\n",
        format="text",
    )
    got = {line.text[:20]: (line.section, line.heading) for line in posting.lines}
    # a summary's lead-in moves nothing ("Overview: Acme is an insurer..." is as often the company)
    assert got["Role Purpose: The VP"] == ("summary", "About the job")
    assert got["Key Responsibilities"] == ("responsibilities", "Key Responsibilities")
    assert got["Key Skills: Operatio"][0] == "qualifications"
    # the line after it stays in the section the headings gave it
    assert got["Current CTC"][0] == "summary"


def test_a_role_profiles_authority_relationships_and_conditions_are_sections_of_their_own():
    got = sections_of(
        "Head of Customer Contact Centre\nCorrib Mutual Bank\n\n2. KEY ACCOUNTABILITIES\n"
        "1. Operational performance (30%)\nDeliver the service levels agreed.\n\n"
        "4. DECISION-MAKING AUTHORITY\nApprove overtime within budget.\n\n"
        "Key Relationships\nInternal: the COO.\n\nResponsibilities\n- Run the floor\n"
        "Physical Demands\nAbility to lift 20 pounds.\n")
    # a numbered line in capitals is a heading; a key result area with its share of time
    # heads a group of duties within the duties (annotators label it a heading)
    assert got["4. DECISION-MAKING AUTHORITY"] == ("other", True)
    assert got["1. Operational performance (30%)"] == ("responsibilities", True)
    assert got["Deliver the service levels agreed."] == ("responsibilities", False)
    # the lines under them leave the duties' section: they are not the role's duties
    assert got["Approve overtime within budget."] == ("other", False)
    assert got["Internal: the COO."] == ("other", False)
    assert got["Run the floor"] == ("responsibilities", False)
    assert got["Ability to lift 20 pounds."] == ("other", False)


@pytest.mark.parametrize("heading, key", [
    ("Why this role, why now", "summary"), ("Why this role exists", "summary"),
    ("Key selection criteria", "qualifications"), ("Selection criteria", "qualifications"),
    ("Position dimensions", "other"),
])
def test_more_role_profile_and_founder_headings_are_known_alone_on_a_line(heading, key):
    assert known_section(heading) == key


@pytest.mark.parametrize("heading, facts", [
    ("2. DIMENSIONS", True), ("Key Dimensions", True), ("Key facts", True), ("KEY RELATIONSHIPS", True),
    ("6. Key relationships", True), ("Physical Demands / Working Conditions", True),
    ("Supervisory Responsibilities", True), ("Span of control", True),
    ("Physical Demands and Working Conditions", True), ("Sign-Off", True), ("Work environment", True),
    # authority is not a fact of the role (annotators split on it), nor are the duties or the pay
    ("Delegated authority", False), ("4. DECISION-MAKING AUTHORITY", False), ("Key Responsibilities", False),
    ("Dimensions of the role and what you will do", False), ("Salary / Dimensions", False), ("", False),
])
def test_a_role_profiles_facts_headings_are_one_kind(heading, facts):
    assert role_facts_heading(heading) is facts


@pytest.mark.parametrize("heading, key", [
    ("Ihre Aufgaben", "responsibilities"), ("Ihr Profil", "qualifications"), ("Wir bieten", "benefits"),
    ("Unser Klient", "about_company"), ("Funciones principales", "responsibilities"), ("Requisitos", "qualifications"),
    ("Ofrecemos", "benefits"), ("Atribuições", "responsibilities"), ("O que oferecemos", "benefits"),
    ("Wat ga je doen?", "responsibilities"), ("Jouw profiel", "qualifications"), ("Over ons", "about_company"),
    ("Misión del puesto", "summary"),
])
def test_german_spanish_portuguese_and_dutch_headings_are_known_alone_on_a_line(heading, key):
    assert known_section(heading) == key


def test_a_site_menus_contact_link_is_not_a_heading():
    assert known_section("Kontakt") is None
    assert section_key("Kontakt") == "apply"


@pytest.mark.parametrize("table", [
    "Dimension | Scale\nStaff managed | 78\nOperating budget | £2.1m\n",
    "Measure | Minimum | Target | Stretch\nNPS | 40 | 45 | 50\n",
])
def test_a_table_of_dimensions_or_targets_is_not_pay(table):
    posting = parse_text("Head of Customer Service\n\nKey Responsibilities\nRun the service.\n" + table, format="text")
    assert "compensation" not in {line.section for line in posting.lines}


def test_a_role_profile_part_inside_the_duties_hands_back_to_them():
    html = ("<html><body><h1>Head of CX</h1><h2>Key Responsibilities</h2><h3>Strategy</h3><ul><li>Set the "
            "strategy.</li></ul><h3>Key relationships</h3><ul><li>Internal: COO.</li></ul><h3>Operations</h3>"
            "<ul><li>Lead the five contact centres.</li></ul><h3>Relationships</h3><ul><li>Work with the CFO.</li>"
            "</ul></body></html>")
    got = {text: section for text, (section, _) in sections_of(html, "html").items()}
    assert got["Internal: COO."] == "other"
    assert got["Lead the five contact centres."] == "responsibilities"
    assert got["Work with the CFO."] == "responsibilities"  # "Relationships" alone is a group of duties


def test_a_table_right_after_a_pay_table_is_read_on_its_own():
    html = ("<html><body><h1>Director of Customer Service</h1><h2>Job details</h2>"
            "<table><tr><th>Grade</th><th>Salary</th><th>Hours</th></tr><tr><td>Band 8</td><td>£78,000</td>"
            "<td>37.5</td></tr></table><table><tr><td>Reports to</td><td>Chief Operating Officer</td></tr>"
            "<tr><td>Team</td><td>310 FTE</td></tr></table><h2>Main duties</h2><ul><li>Run the centres.</li></ul>"
            "</body></html>")
    got = {text: section for text, (section, _) in sections_of(html, "html").items()}
    assert got["Band 8 | £78,000 | 37.5"] == "compensation"
    # the reporting line and team size are the role's, read by the score: not pay
    assert got["Reports to | Chief Operating Officer"] != "compensation"
    assert got["Team | 310 FTE"] != "compensation"


def test_an_ats_heading_glued_to_its_first_sentence_is_cut_off_it():
    text = ("Director, Customer Care Operations\nDescriptionOrrin Valley Power & Light serves 1.1 million customers.\n"
            "Essential Functions\n1. Provides leadership to the contact centers.\n"
            "Supervisory ResponsibilitiesDirectly supervises 6 Managers.\n"
            "Compensation InformationJob Family: Customer Operations\n")
    lines = parse_text(text, format="text").lines
    headings = [line.text for line in lines if line.is_heading]
    assert {"Description", "Supervisory Responsibilities", "Compensation Information"} <= set(headings)
    by_text = {line.text: line.section for line in lines}
    assert by_text["Directly supervises 6 Managers."] == "other"
    assert by_text["Job Family: Customer Operations"] == "compensation"


def test_a_sub_heading_naming_the_experience_keeps_the_duties_under_them():
    text = ("Chief Customer Officer\nKey Responsibilities\nExperience Strategy & Vision\n"
            "- Define a multi-year customer experience strategy.\nOperational Leadership\n"
            "- Lead service operations across four centers.\nQualifications\n- 15 years of leadership.\n")
    sections = {line.text: line.section for line in parse_text(text, format="text").lines}
    assert sections["Define a multi-year customer experience strategy."] == "responsibilities"
    assert sections["Lead service operations across four centers."] == "responsibilities"
    assert sections["15 years of leadership."] == "qualifications"


def test_a_numbered_line_over_a_list_of_another_kind_heads_a_group_within_its_section():
    got = sections_of(
        "General Manager, Customer Service\nMekong Air\n\nJob Content\n"
        "1. Outsourcing\n- Lead the vendor selection for tier-1 voice.\n"
        "2. Organization\n- Restructure the three centres.\n"
        "3. Satisfaction and experience\n- Run the survey programme.\n"
        "Requirements\n1. Lead the contact centre\n2. Hire agents\n"
        "3) Own NPS, CSAT and retention\n- by region\n")
    # headings of their own, in the duties whatever their words name ("Organization",
    # "experience"), and the lines under them stay duties
    assert got["1. Outsourcing"] == ("responsibilities", True)
    assert got["2. Organization"] == ("responsibilities", True)
    assert got["3. Satisfaction and experience"] == ("responsibilities", True)
    assert got["Run the survey programme."] == ("responsibilities", False)
    # numbered duties counting up, and one with a comma, stay items
    assert got["Lead the contact centre"] == ("qualifications", False)
    assert got["Own NPS, CSAT and retention"] == ("qualifications", False)


@pytest.mark.parametrize("text, next_row, heads", [
    ("1. Operational performance (30%)", "Manage the day-to-day delivery.", True),
    ("(1) Financial Strategy and Planning", "- Lead the budget", True),
    ("1. Outsourcing", "(1) Lead the RFP", True),
    ("2. Hire agents", "3. Train them", False),             # the same list goes on
    ("(1) Outsourcing", "(2) Automation", False),
    ("1. Reduce cost per contact by 15%.", "- by March", False),  # a sentence
    ("1. Own the plan:", "- budget", False),                 # a lead-in
    ("1. 24/7 cover", "- nights", False),                    # no words first
    ("Outsourcing", "- Lead the RFP", False),                # not numbered
])
def test_numbered_subheadings(text, next_row, heads):
    from cco_jobs.ingest.blocks import is_numbered_subheading

    assert is_numbered_subheading(text, next_row) is heads


@pytest.mark.parametrize("row, body", [
    ("・Experience of managing 500 people", "Experience of managing 500 people"),
    ("・ Business level English", "Business level English"),
    ("④ Develop a global CX standard", "Develop a global CX standard"),
    ("①Set the strategy", "Set the strategy"),
])
def test_east_asian_list_markers_are_bullets(row, body):
    from cco_jobs.ingest.blocks import split_bullet

    assert split_bullet(row) == (body, True)


@pytest.mark.parametrize("heading, key", [
    ("◆ Treatment", "benefits"), ("Welfare", "benefits"), ("【Treatment & Welfare】", "benefits"),
    ("■ Job Content", "responsibilities"), ("[Must]", "qualifications"), ("[Want]", "qualifications"),
    ("■ Person Image We Want", "qualifications"), ("Qualification Requirement", "qualifications"),
])
def test_east_asian_employers_headings(heading, key):
    assert section_key(heading) == key
    # the words alone in a sentence name no section
    assert known_section(f"{heading.strip('◆■[]【】 ')} is what we offer to every new colleague in the region") is None


def test_lines_under_a_numbered_subsection_keep_their_sections_heading():
    posting = parse_text("Job Content\n1. Outsourcing\n- Lead the vendor selection.\n"
                         "2. Automation\n- Launch the chatbot.\n", format="text")
    by_text = {line.text: line for line in posting.lines}
    assert by_text["1. Outsourcing"].is_heading and by_text["2. Automation"].is_heading
    assert by_text["Lead the vendor selection."].heading == "Job Content"
    assert by_text["Launch the chatbot."].heading == "Job Content"


@pytest.mark.parametrize("text, want", [
    # a numbered duty with its own indented sub-list stays a duty
    ("Responsibilities\n1. Own the customer strategy\n   - Define the roadmap\n2. Lead the support team\n"
     "   - Hire five managers\n3. Grow net revenue retention\n",
     {"Own the customer strategy": ("responsibilities", False), "Lead the support team": ("responsibilities", False)}),
    # ... as does one that starts with a duty's verb, even over a list of another kind
    ("Responsibilities\n1. Lead the support team\n- Hire five managers\n",
     {"Lead the support team": ("responsibilities", False)}),
    # a key result area with its share of time heads its duties, indented or not
    ("Key accountabilities\n1. Revenue retention and growth (35%)\n   - Deliver the renewal forecast.\n",
     {"1. Revenue retention and growth (35%)": ("responsibilities", True)}),
    # a comma does not stop a run of sub-section titles
    ("Job Content\n(1) Financial Strategy\n- Lead the budget\n(2) Tax, Risk and Control\n- Oversee tax\n",
     {"(2) Tax, Risk and Control": ("responsibilities", True), "Oversee tax": ("responsibilities", False)}),
    # circled numbers are a list of their own, from ① to ⑳
    ("Job Content\n1. Outsourcing\n① Lead the RFP\n2. Automation\n⑩ Launch the bot\n",
     {"1. Outsourcing": ("responsibilities", True), "2. Automation": ("responsibilities", True)}),
    # numbered like its section's heading, a title is the next section, not a part of it
    ("1. Purpose\nText.\n2. Position Grade / Treatment\n・Grade: M1\n3. Application Conditions\n① 10 years in the Group\n",
     {"2. Position Grade / Treatment": ("compensation", True), "3. Application Conditions": ("qualifications", True),
      "10 years in the Group": ("qualifications", False)}),
    # box-marked section titles are headings; a dot-marked one only with its colon
    ("■ Job Content\n(1) Lead it\n■ Treatment\n・Salary\n・Requirements:\n・Calm\n",
     {"Job Content": ("responsibilities", True), "Salary": ("benefits", False), "Requirements": ("qualifications", True)}),
    # "Job Context" is near "Job Content" but is the role's setting
    ("Job Purpose\nLead service.\n\nJob Context\nThe centre handles two million calls a year.\n",
     {"The centre handles two million calls a year.": ("summary", False)}),
])
def test_numbered_and_marked_titles_in_context(text, want):
    got = sections_of("Chief Customer Officer\nAcme Holdings\n\n" + text)
    assert {k: got[k] for k in want} == want
