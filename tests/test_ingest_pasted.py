"""Job pages pasted as text: the board's furniture is chrome by its words, the title is
found below it, and the company on the line under the title in its other forms."""
from __future__ import annotations

import pytest

from cco_jobs.ingest import parse_text
from cco_jobs.ingest.chrome import is_chrome_line

PASTED = """Skip to main content
Find jobs
Company reviews
Upload your CV
Sign in
What
Job title, keywords, or company
Where
Hartlepool
Find jobs
We use cookies to give you the best experience. You can change your settings at any time.
Accept all cookies
Manage cookies

Head of Customer Contact
Brackwater Home Insurance
Hartlepool TS24
£61,000 - £66,000 a year - Full-time
Apply now
Save
Share

Home > Careers > Customer Operations > Head of Customer Contact

About the role
Brackwater Home Insurance answers 2 million calls a year from policyholders.
You will run the claims contact centre and its four team managers.
Own service levels, rotas and call quality across both sites.
Posted 3 days ago · 214 applicants
Report this job
"""


@pytest.mark.parametrize("line", [
    "Skip to main content", "Sign in", "Apply now", "Apply for this Job", "Easy Apply", "Save job", "Share this job",
    "Show more", "Similar Jobs (3)", "Back to search results", "Report this job", "Posted 30+ days ago",
    "Posted 3 days ago · 214 applicants", "Accept all cookies", "Cookie Settings", "Menu", "Find jobs",
    "Home > Careers > Current vacancies > Customer Service Manager", "Home / Join us / Chief Patient Officer",
    "We use cookies to give you the best experience. You can change your settings at any time.",
    "This website uses cookies", "Get notified about new Customer Success Director jobs in London",
    # French boards
    "Postuler", "Postuler / Apply", "Se connecter", "Tout accepter", "Offres similaires", "Retour aux résultats",
    "Publiée il y a 3 jours", "Accueil > Emplois > Service client", "Nous utilisons des cookies pour améliorer le site.",
    # LinkedIn, Indeed, ATS pages, button and footer rows
    "Reposted 2 weeks ago · Over 100 applicants", "See who you know", "Meet the hiring team", "Just posted",
    "Employer active 3 days ago", "Report this job ad", "Posted on 12 March 2024", "Powered by Greenhouse",
    "Submit application", "← Back to all jobs", "Apply Save", "Apply · Save · Share",
    "Privacy Policy · Terms of Use · Cookie Settings", "Allow all cookies", "Cookies on this service",
    # buttons a scrape ran together
    "Apply NowShare this job", "SaveShareReport this job",
    # trails of crumbs with "›" or "»" from any first crumb; blog bylines
    "Resources › Job Description Templates › Executive › Chief Customer Officer",
    "Teamkettle Blog  ›  Hiring  ›  Support leadership", "Careers » Open roles » VP Customer Success",
    "By Ines Harrowgate, Support Operations Lead at Teamkettle  ·  6 min read",
    "7 min read · Written by the Brightroster Talent Team",
    # trails from a site's list of jobs, two crumbs or more, with ">" or "/"
    "Search Results > Senior Director, Member Services", "Open Roles > Customer Success > VP, Customer Success",
    "Careers / Operations / Head of Patient Experience", "Vacancies > Head of Customer Care",
    "Work With Us > Head Office > Head of Engineering / CTO", "Career > Chief Customer Officer (m/f/d)",
    "Career / Job Offers / Chief Customer Officer",
    # buttons in a row with spaces only
    "Apply Now Save Job Share", "Sign in Register",
])
def test_board_furniture_is_chrome_by_its_words(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", [
    "Apply the same care to every complaint", "Share what you learn with the product teams",
    "Save the company money on every contact", "Home office allowance of £500",
    "Search for the root causes of repeat calls", "Reports to: Chief Executive Officer",
    "Customer Service Manager", "Posted by the hiring manager", "Print and digital channels",
    "Menu planning for our hotel restaurants", "Promoted to director within two years", "Decline rates and churn",
    "Accept accountability for the NPS", "Partager la vision client avec le comité de direction",
    "Customer Success / Account Management", "Sales · Service · Success", "Follow up every complaint",
    "Apply NowThe role is new", "McDonald's Customer Service",
    "Grow NPS › 50 and retention » 90% by year end", "Own retention › renewals",
    # French quotes are not crumbs
    "- Piloter la « voix du client » et le « parcours client » sur tous les canaux.",
    "Champion our « customer first » and « one team » values.",
    "Read the 5 min read guide to our culture and values before applying today",
    # a careers site's header of parts names the employer; "Careers" alone is a heading
    "Careers | Quillstack", "Careers",
    # a posting's own words after one "/" (review)
    "Career / development opportunities", "Vacancies / workforce planning for the contact centre",
    "Jobs/tasks allocation across shifts", "Emplois / compétences", "Career/Life balance",
])
def test_posting_lines_with_the_same_words_are_not(line):
    assert not is_chrome_line(line)


def test_a_pasted_job_page_finds_title_and_company_below_the_furniture():
    posting = parse_text(PASTED, format="text")
    assert (posting.title, posting.company) == ("Head of Customer Contact", "Brackwater Home Insurance")
    chrome = {line.text for line in posting.lines if line.chrome}
    assert {"Skip to main content", "Accept all cookies", "Apply now", "Report this job",
            "Home > Careers > Customer Operations > Head of Customer Contact",
            "Posted 3 days ago · 214 applicants"} <= chrome
    duties = [line for line in posting.lines if line.text.startswith(("You will run", "Own service levels"))]
    assert len(duties) == 2 and not any(line.chrome for line in duties)


def test_a_heading_by_markup_stays_a_heading_that_starts_its_section():
    posting = parse_text("# Head of Support\n\nLead the support team.\n\n## Similar jobs\n\n- Support Lead\n",
                         format="markdown")
    similar = next(line for line in posting.lines if line.text == "Similar jobs")
    assert similar.is_heading and not similar.chrome and similar.section == "other"


def test_company_under_a_bilingual_title_and_with_a_lower_case_legal_form():
    text = ("Directrice, Expérience client\nDirector, Customer Experience\n\nMarelle Assurances inc.\n"
            "Lieu / Location : Québec\n\nMarelle Assurances protège 300 000 familles.\n"
            "Lead the customer experience strategy across all channels.\n")
    posting = parse_text(text, format="text")
    assert posting.title == "Directrice, Expérience client"
    assert posting.company == "Marelle Assurances inc."


@pytest.mark.parametrize("company", ["Brightwell Freight Services Centre Kraków Sp. z o.o.",
                                     "Grupo Pelícano Azul S.A. de C.V.", "Veltra Logistics s.r.o.",
                                     "Dunavia Services EOOD"])
def test_company_under_the_title_with_a_central_european_or_mexican_legal_form(company):
    text = (f"Head of Customer Service\n{company}\nWarsaw | Hybrid\n\nResponsibilities\n"
            "- Lead the support team of 40 specialists.\n")
    assert parse_text(text, format="text").company == company
    # the legal form makes no name of a sentence
    sentence = "Head of Customer Service\nWe are hiring in Warsaw for our team s.r.o.\n\nResponsibilities\n- Lead.\n"
    assert parse_text(sentence, format="text").company is None


def test_company_first_on_a_header_line_of_parts_when_the_posting_names_it_again():
    named = ("Chief Customer Officer\nVeldspar Energie B.V. | Utrecht | 36-40 hours per week\n\n"
             "Veldspar Energie supplies green power to 300,000 homes.\nOwn the customer strategy.\n")
    assert parse_text(named, format="text").company == "Veldspar Energie B.V."
    unnamed = ("Chief Customer Officer\nVacancy Reference | 4471 | Closing 30 June\n\n"
               "We supply green power to 300,000 homes.\nOwn the customer strategy.\n")
    assert parse_text(unnamed, format="text").company is None


@pytest.mark.parametrize("line", [
    "Home / office / hybrid", "Home | Office | Field",
    "Home/office-based, with travel across the UK / Europe as required",
])
def test_where_the_job_is_done_is_no_breadcrumb(line):
    assert not is_chrome_line(line)
    assert is_chrome_line("Home / Remote jobs / Customer Success Director")


@pytest.mark.parametrize("first", ["Home", "Careers"])
def test_a_breadcrumb_that_does_not_match_is_refused_in_linear_time(first):
    import time

    # twenty crumbs and a last one too long for a crumb: a pattern that can split a crumb's
    # spaces two ways tries 2^20 ways (seconds; each crumb more doubles it)
    line = first + "".join(f" / Crumb{i}" for i in range(20)) + " / " + "x" * 70
    started = time.perf_counter()
    assert not is_chrome_line(line)
    assert time.perf_counter() - started < 0.5


def test_a_button_word_ending_in_a_colon_is_a_heading_over_what_follows():
    text = ("Head of Customer Experience\nAcme Insurance Ltd\n\nRequirements:\n- 10 years leading contact centres\n"
            "- Experience of NPS programmes\n\nApply now:\nSend your CV to jobs@acme.example by 30 June.\n")
    lines = parse_text(text, format="text").lines
    apply = next(line for line in lines if line.text.startswith("Apply now"))
    assert apply.is_heading and not apply.chrome
    assert lines[-1].section == "apply"


def test_a_header_line_of_parts_under_a_bilingual_title_must_be_named_again_below_it():
    text = ("Directrice, Expérience client\nDirector, Customer Experience\n"
            "Vacancy Reference | 4471 | Closing 30 June\n\n"
            "Nous fournissons de l'énergie verte.\nOwn the customer strategy.\n")
    assert parse_text(text, format="text").company is None
    named = text.replace("Vacancy Reference | 4471", "Veldspar Energie B.V. | Utrecht").replace(
        "Nous fournissons", "Veldspar Energie fournit")
    assert parse_text(named, format="text").company == "Veldspar Energie B.V."


@pytest.mark.parametrize("line", ["Posted 3 months ago · 12 applicants", "Posted 20 minutes ago | 3 applicants",
                                  "Posted today · Over 40 applicants"])
def test_counters_follow_every_posted_when_that_stands_alone(line):
    assert is_chrome_line(line) and is_chrome_line(line.split(" ·")[0].split(" |")[0])


def test_no_requirement_line_of_the_annotated_postings_is_furniture():
    """Chrome lines are labelled context whatever the model says: the words must never
    take a duty or a qualification (every corpus and held-out line is checked)."""
    from pathlib import Path

    from cco_jobs.training.corpus import read_corpus

    root = Path(__file__).resolve().parents[1] / "corpora"
    lines = [line for folder in ("postings", "heldout") for p in read_corpus(root / folder) for line in p.lines]
    furniture = [line for line in lines if is_chrome_line(line.text)]
    assert len(furniture) > 500  # the boards' menus, buttons and notices the writers kept
    assert [(line.label, line.text) for line in furniture if line.label not in ("context", "heading")] == []


def test_a_role_profile_names_its_organisation_above_the_document_line():
    text = ("HARTWELL WATER SERVICES\nExecutive Role Profile\n\nRole profile: Chief Customer Officer\n"
            "Grade: Executive\nReports to: Chief Executive\n\nPurpose of the role\n"
            "Set the customer strategy for our 1.2 million customers.\n\n"
            "Safety is our first priority. All roles are subject to pre-employment screening.\n")
    posting = parse_text(text, format="text")
    assert (posting.title, posting.company) == ("Chief Customer Officer", "Hartwell Water Services")


@pytest.mark.parametrize("first, document, company", [
    ("CARROWMORE BANK p.l.c.", "Role Profile", "Carrowmore Bank p.l.c."),
    ("QASWARA AIRWAYS S.A.O.C.", "JOB DESCRIPTION", "Qaswara Airways S.A.O.C."),
    ("HALVORSEN MOTOR FINANCIAL SERVICES USA, LLC", "JOB DESCRIPTION", "Halvorsen Motor Financial Services USA, LLC"),
    ("Waimārie District Health Service", "Position Description", "Waimārie District Health Service"),
    ("GLANMORFA COUNTY COUNCIL / CYNGOR SIR GLANMORFA", "JOB PROFILE", "Glanmorfa County Council"),
    ("KAROO METROPOLITAN UNIVERSITY", "Division of Human Resources – Job Profile", "Karoo Metropolitan University"),
    # a unit or a page's furniture above the document line is no organisation
    ("Customer Operations", "Job Description", None),
    ("Home | Careers | Search", "Job Description", None),
])
def test_the_organisation_above_a_role_profiles_document_line(first, document, company):
    text = (f"{first}\n{document}\n\nJob title: Head of Customer Experience\nGrade: 14\n\nPurpose of the role\n"
            "Set the customer strategy for our 1.2 million customers.\n")
    assert parse_text(text, format="text").company == company


def test_no_company_from_a_sentence_opening_like_a_name():
    text = ("Chief Experience Officer (CXO) Job Description\n\n"
            "Below is a sample job description you can adapt for your own posting.\n"
            "Safety is our first priority on every site.\nSet the experience strategy.\n")
    assert parse_text(text, format="text").company is None


def test_a_scraped_header_line_runs_the_title_into_the_company():
    text = ("Job details Chief Customer Officer Veldmark CX Partners · Tampa, FL (Hybrid) · Full-time\n"
            "About Veldmark:Veldmark CX Partners is a customer experience outsourcer with 17 delivery centres. "
            "You will run client programmes and their margin.\n")
    posting = parse_text(text, format="text")
    assert (posting.title, posting.company) == ("Chief Customer Officer", "Veldmark CX Partners")
    from cco_jobs.ingest.blocks import Block
    from cco_jobs.ingest.titles import _title_before_name

    glued = Block("Chef de l'expérience client / Chief Customer OfficerBanque Rivoire / Rivoire Bank")
    assert _title_before_name([glued], "Rivoire Bank") is None  # words run together: no clean title


def test_a_role_profile_title_in_a_table_row_and_not_the_line_managers():
    text = ("Westmarch Community Health Partnership\nRole profile\nJob title | Head of Patient Experience\n"
            "Grade | Band 8b\nOrganisation | approx. 2,600 staff in 40 clinics\nAccountable to: Chief Nurse\n\n"
            "Purpose of the role\nLead the patient experience programme across our community services.\n")
    posting = parse_text(text, format="text")
    assert (posting.title, posting.company) == ("Head of Patient Experience", "Westmarch Community Health Partnership")
    alone = parse_text("Accountable to: Chief Nurse\nHead of Patient Experience\n"
                       "Lead the patient experience programme and its team.\n", format="text")
    assert alone.title == "Head of Patient Experience"


def test_a_template_pages_title_loses_the_page_type_and_its_parts_stay_sections():
    text = ("Brightroster\nResources › Job Description Templates › Executive › Chief Customer Officer\n\n"
            "Chief Customer Officer Job Description Template\n7 min read · Written by the Talent Team\n\n"
            "Use this template as your starting point.\n\n"
            "Chief Customer Officer responsibilities\n- Set the company-wide customer strategy.\n\n"
            "Chief Customer Officer requirements and skills\n- Ten years in customer leadership.\n")
    posting = parse_text(text, format="text")
    assert posting.title == "Chief Customer Officer"
    got = {line.text: (line.section, line.chrome) for line in posting.lines}
    assert got["Resources › Job Description Templates › Executive › Chief Customer Officer"][1]
    assert got["Set the company-wide customer strategy."][0] == "responsibilities"
    assert got["Ten years in customer leadership."][0] == "qualifications"
    # a title line that only names the page type is still the title's line
    plain = parse_text("Contact Centre Manager job description\n\nJob purpose\nTo run the floor.\n", format="text")
    assert plain.title == "Contact Centre Manager"
    assert plain.lines[0].is_heading and plain.lines[0].section == "header"


@pytest.mark.parametrize("title", ["Chief Customer Officer - Company Car + Bonus", "Chief Customer Officer – Apply by 30 June",
                                   "Chief Customer Officer – Board-level Opportunity"])
def test_a_title_line_with_a_tail_is_still_the_title_line_not_a_section(title):
    html = (f"<h1>{title}</h1><p>Corvanta Logistics · London</p><p>Reporting to the CEO, you will own the customer "
            "experience and lead a team of 120 people.</p><h2>Responsibilities</h2><ul><li>Set the strategy.</li></ul>")
    posting = parse_text(html, format="html")
    assert posting.title.startswith("Chief Customer Officer")
    intro = next(line for line in posting.lines if line.text.startswith("Reporting to the CEO"))
    assert intro.section == "header"


@pytest.mark.parametrize("line", ["Chief Customer Officer (B2B SaaS experience preferred)",
                                  "Chief Customer Officer - German speaker preferred"])
def test_a_title_whose_last_words_look_like_a_heading_is_still_a_title(line):
    assert parse_text(line + "\nAcme Ltd\n\nResponsibilities\n- Set the strategy.\n", format="text").title == line


def test_the_title_followed_by_job_overview_heads_a_part_but_job_description_is_the_title_line():
    html = ("<h1>Chief Client Officer job description</h1><h2>Chief Client Officer job overview</h2>"
            "<p>The Chief Client Officer leads the client teams of a firm.</p><h2>Responsibilities</h2>"
            "<ul><li>Set the strategy.</li></ul>")
    got = {line.text: (line.section, line.is_heading) for line in parse_text(html, format="html").lines}
    assert got["Chief Client Officer job description"] == ("header", True)
    assert got["The Chief Client Officer leads the client teams of a firm."][0] == "summary"


@pytest.mark.parametrize("text, title", [
    ("Bellmoor Health Plan | Careers\nSearch Results > Senior Director, Member Services\n"
     "Senior Director, Member Services\nApply for this job\nResponsibilities\n- Run the member call centres.\n",
     "Senior Director, Member Services"),
    ("Orrin Valley Power & Light Careers\nDirector, Customer Care Operations-2500317\n"
     "Position Summary\nThe Director leads the Customer Care organization.\n", "Director, Customer Care Operations"),
    ("Careers / Head of Customer Experience\nSaltmarrow\nResponsibilities\n- Own the experience.\n",
     "Head of Customer Experience"),
    # a short number stays part of the title
    ("Head of Tier-2 Support\nKelvara Ltd\nResponsibilities\n- Run tier-2 support.\n", "Head of Tier-2 Support"),
])
def test_a_trail_from_the_list_of_jobs_is_not_the_title_and_a_glued_requisition_number_goes(text, title):
    assert parse_text(text, format="text").title == title


@pytest.mark.parametrize("first, body, company", [
    # a careers site's header, also with a name that starts with a capital outside A-Z
    ("Çarşıla Careers", "Çarşıla is one of the fastest growing marketplaces of Türkiye.", "Çarşıla"),
    ("Cămara Express careers", "Hi, we are Cămara Express! We deliver groceries in 20 minutes.", "Cămara Express"),
    ("Carrières | Sentiers & Cie", "Depuis 1987, Sentiers & Cie équipe les amateurs de plein air.", "Sentiers & Cie"),
    # the name alone on the first line, named again as the employer
    ("Tiendas Lamadrid", "At Tiendas Lamadrid we believe that shopping for your home should be a happy experience.",
     "Tiendas Lamadrid"),
    # a menu that runs into the careers header names nobody; nor does a city named as a place
    ("Private Business About Lyntel Careers", "We build networks for Danish homes.", None),
    ("London", "We are based in London and we love it.", None),
    # review: a menu word named anywhere, a city in brackets, a person opening a sentence
    ("Global Careers", "We are looking for a leader for our global service teams.", None),
    ("Toronto", "Location: Hybrid (Toronto)", None),
    ("Daniel Reyes", "Daniel Reyes, our COO, leads the search for this role.", None),
    ("Maya Okafor", "I'm Maya Okafor, and at Maya Okafor Studio we design kitchens.", None),
    # second review: an employer introduced with an appositive or "is looking for" is one
    ("Tiendas Lamadrid", "At Tiendas Lamadrid, our customers come first.", "Tiendas Lamadrid"),
    ("Brindle Health", "Brindle Health is looking for a Chief Customer Officer.", "Brindle Health"),
    # a careers site's tabs are no employer
    ("Careers | Benefits", "Benefits include a pension.", None), ("Careers - Leadership", "Join leadership here.", None),
    # a group named by its text without its last word ("Holdings") and legal form
    ("Kasumi Denki Holdings Co., Ltd. | Careers", "Since 1952, Kasumi Denki has made radio parts.",
     "Kasumi Denki Holdings Co., Ltd."),
    ("Kasumi Denki Holdings | Careers", "Since 1952, Kasumi has made radio parts.", None),  # one word is not it
    # "Global Careers" after the name; a name with a section's word in it ("Company")
    ("SEORIN MOTOR COMPANY  |  Global Careers", "Seorin Motor Company, established in 1967, makes cars.",
     "SEORIN MOTOR COMPANY"),
])
def test_the_first_line_of_a_careers_page_names_the_employer_when_nothing_else_does(first, body, company):
    text = (f"{first}\nJobs   Life at the company\nHead of Customer Care\nIstanbul · Full time\nApply for this job\n"
            f"Description\n{body}\nResponsibilities\n- Run the support operation.\n")
    assert parse_text(text, format="text").company == company


@pytest.mark.parametrize("text, company", [
    # a footer menu that starts with "About" names no company; the text's name stands
    ("Chief Customer Officer\nDenver, CO · Hybrid\n\nLarderloop is a pantry-box company.\n\nWhat you will own\n"
     "- The customer strategy.\n\nAbout    Careers    Press    Help Center    Privacy    Terms\n", "Larderloop"),
    # a work pattern on the line under the title is no name
    ("CHIEF EXPERIENCE OFFICER\nFull Time | Based at our Aspley support office with travel to all clinics\n"
     "Join the team!\nWhat you will do\n- Own the patient journey.\n", None),
    # an About heading whose name holds one menu word names a company
    ("Chief Customer Officer\nDenver, CO\nAbout Press Ganey\nWe are a patient-experience firm.\n"
     "Responsibilities\n- Lead the customer organisation.\n", "Press Ganey"),
])
def test_menus_and_work_patterns_beside_the_company(text, company):
    assert parse_text(text, format="text").company == company
