"""Messy postings from the third smoke test: numbered and bilingual headings, titles that
carry a company or a descriptor, short company names, recruiters' postings for a client."""
from __future__ import annotations

import pytest

from cco_jobs.ingest import parse_text
from cco_jobs.ingest.sections import known_section, section_key
from cco_jobs.ingest.titles import trim_title


def rows(posting):
    return [(line.text, line.section, line.is_heading, line.is_bullet) for line in posting.lines]


# --- numbered headings ---------------------------------------------------------------

PASTED_FROM_WORD = (
    "HEAD OF CUSTOMER OPERATIONS\r\n"
    "\r\n"
    "1)\u00a0Purpose of the role\r\n"
    "Wrenfield sells booking software to 900 gyms. This role leads support and onboarding.\r\n"
    "\r\n"
    "2)\u00a0Key responsibilities\r\n"
    "\u2022\tWrite the customer strategy for the next two years.\r\n"
    "\t\u25aa\tCut time to first booking from 14 days to 7.\r\n"
    "\t\u25aa\tIntroduce a health score that sales also uses.\r\n"
    "1) Lead the support desk through its manager, including queues and SLAs.\r\n"
    "\r\n"
    "3. Knowledge, skills and experience\r\n"
    "\u2022\tSix years leading customer teams in SaaS.\r\n"
    "\r\n"
    "4) Terms\r\n"
    "Salary: \u00a380,000 plus bonus\r\n"
)


def test_numbered_headings_in_pasted_text_start_their_sections():
    got = rows(parse_text(PASTED_FROM_WORD, format="text"))
    assert ("1) Purpose of the role", "summary", True, False) in got
    assert ("2) Key responsibilities", "responsibilities", True, False) in got
    assert ("3. Knowledge, skills and experience", "qualifications", True, False) in got
    assert ("4) Terms", "benefits", True, False) in got
    assert ("Salary: £80,000 plus bonus", "benefits", False, False) in got
    # tab-indented sub-bullets are bullets of the section they sit in
    assert ("Cut time to first booking from 14 days to 7.", "responsibilities", False, True) in got
    assert ("Introduce a health score that sales also uses.", "responsibilities", False, True) in got
    assert not any("\r" in text for text, *_ in got)


def test_numbered_duties_and_unknown_wordings_stay_list_items():
    got = rows(parse_text(PASTED_FROM_WORD, format="text"))
    assert ("Lead the support desk through its manager, including queues and SLAs.", "responsibilities",
            False, True) in got
    posting = parse_text("Responsibilities\n1. Experience\n2) Key accounts. Own them.\n3) Board reporting\n",
                         format="text")
    assert [(line.text, line.is_bullet) for line in posting.lines[1:]] == [
        ("Experience", True), ("Key accounts. Own them.", True), ("Board reporting", True)]


def test_a_numbered_contents_list_is_a_list_not_a_run_of_headings():
    posting = parse_text(
        "Head of Service\n\nContents\n1. About us\n2. The role\n\n1. About us\nWe run 40 depots.\n\n"
        "2. The role\nYou will lead the service teams.\n", format="text")
    got = rows(posting)
    assert got[2:4] == [("About us", "other", False, True), ("The role", "other", False, True)]
    assert ("1. About us", "about_company", True, False) in got
    assert ("You will lead the service teams.", "responsibilities", False, False) in got


def test_a_numbered_item_worded_like_a_section_stays_in_its_list():
    posting = parse_text("Chief Customer Officer\nResponsibilities\n1. Own the strategy\n2. Your impact\n"
                         "3. Grow NPS by 10 points\n", format="text")
    assert rows(posting)[1:] == [
        ("Responsibilities", "responsibilities", True, False),
        ("Own the strategy", "responsibilities", False, True),
        ("Your impact", "responsibilities", False, True),
        ("Grow NPS by 10 points", "responsibilities", False, True),
    ]


def test_a_numbered_heading_after_a_numbered_list_still_starts_its_section():
    posting = parse_text("Head of Service\n\n1) Purpose of the role\nWe run 40 depots.\n\n"
                         "2) Key responsibilities\n1) Lead the depots\n2) Cut complaints by a third\n\n"
                         "3) Skills and experience\n- Ten years in field service\n", format="text")
    got = rows(posting)
    assert ("2) Key responsibilities", "responsibilities", True, False) in got
    assert ("Cut complaints by a third", "responsibilities", False, True) in got
    assert ("3) Skills and experience", "qualifications", True, False) in got
    assert ("Ten years in field service", "qualifications", False, True) in got


# --- heading wordings ------------------------------------------------------------------

@pytest.mark.parametrize("line, key", [
    ("À propos de nous / About us", "about_company"),
    ("Ce que nous offrons / What we offer", "benefits"),
    ("Profil recherché / Who we would love to meet", "qualifications"),  # one half is enough
    ("Postuler / Apply", "apply"),
    ("Pay and benefits", "compensation"),
    ("Terms", "benefits"),
    ("Terms and conditions", "benefits"),
    ("Rémunération et avantages", "compensation"),
    ("Profil recherché", "qualifications"),
    ("Vos missions", "responsibilities"),
    ("Qui sommes-nous ?", "about_company"),
])
def test_bilingual_and_other_headings_are_known(line, key):
    assert known_section(line) == key
    assert section_key(line) == key


@pytest.mark.parametrize("line, key", [
    ("Le poste / The role", "responsibilities"),  # "the role", as before halves were read
    ("Mission / Requirements", "responsibilities"),
    ("Pay / benefits", "compensation"),
])
def test_a_slashed_heading_keeps_the_section_its_whole_wording_names(line, key):
    assert known_section(line) is not None  # still a heading on a line alone
    assert section_key(line) == key


@pytest.mark.parametrize("line", ["Bristol / Remote (UK)", "Home / Jobs / About us", "24/7 support", "Apply now / Save",
                                  "Terms of use"])
def test_slashes_and_footer_words_are_still_not_headings(line):
    assert known_section(line) is None


def test_terms_and_conditions_over_footer_lines_starts_no_benefits_section():
    footer = parse_text("Head of Support\n\nHow to apply\nSend your CV to jobs@acme.com.\n\nTerms and Conditions\n"
                        "Privacy Policy\nCookie settings\n© 2024 Acme Ltd\n", format="text")
    assert [line.section for line in footer.lines[-4:]] == ["other"] * 4
    employment = parse_text("Head of Support\n\nHow to apply\nSend your CV.\n\nTerms and conditions\n"
                            "Salary: £98,000\nPension: 8%\n", format="text")
    assert [line.section for line in employment.lines[-3:]] == ["benefits"] * 3


def test_terms_of_use_starts_no_benefits_section():
    assert section_key("Terms of use") == "other"
    assert section_key("Terms of employment") == "benefits"


# --- titles ----------------------------------------------------------------------------

@pytest.mark.parametrize("document, title, company", [
    ("Brindlewood Labs - VP of Customer Success (Remote, US)\n\nBrindlewood builds payroll software for 2,000 "
     "firms.\n", "VP of Customer Success", "Brindlewood Labs"),
    ("Chief Client Officer, Harlow & Pike\n\nHarlow & Pike is a consultancy of 400 engineers.\n",
     "Chief Client Officer", "Harlow & Pike"),
    ("Chief Customer Officer — PE-backed B2B Logistics Scale-up\n\nWe move pallets for 3,000 shippers.\n",
     "Chief Customer Officer", None),
    ("Head of Support - Tasklark (Hybrid, London)\n\nTasklark connects renters with cleaners.\n",
     "Head of Support", "Tasklark"),
    ("Director of Customer Service - Columbus, OH\n\nWe repair boilers.\n", "Director of Customer Service", None),
])
def test_titles_lose_company_location_and_descriptor_parts(document, title, company):
    posting = parse_text(document, format="text")
    assert (posting.title, posting.company) == (title, company)
    assert posting.lines[0].is_heading


@pytest.mark.parametrize("title, company, trimmed", [
    ("Director, Care", "Care UK", ("Director, Care", None)),  # a word of the name is not the name
    ("Director, Experience", "Experience Matters Ltd", ("Director, Experience", None)),
    ("Director, Care UK", "Care UK Ltd", ("Director", "Care UK")),  # the name, its legal form aside
    ("Director - care uk plc", "Care UK", ("Director", "care uk plc")),
])
def test_only_the_company_name_itself_leaves_the_title(title, company, trimmed):
    assert trim_title(title, [company]) == trimmed


@pytest.mark.parametrize("title", [
    "Chief Customer Officer - Interim, 6 months",
    "Chief Customer Officer - Fractional, 2 days a week",
    "Head of CX - Maternity cover, 12 month contract",
    "Head of CX (Interim, Remote)",
])
def test_how_the_job_is_held_stays_in_the_title(title):
    assert trim_title(title, []) == (title, None)
    assert trim_title("Head of CX (Hybrid, London)", []) == ("Head of CX", None)


@pytest.mark.parametrize("document, title", [
    ("VP, Customer Success\n\nWe sell software.\n", "VP, Customer Success"),
    ("Director - Customer Experience\n\nWe sell software.\n", "Director - Customer Experience"),
    ("Chief Customer Officer (CCO)\n\nWe sell software.\n", "Chief Customer Officer (CCO)"),
    ("Chief Customer Officer – Business Services\n\nWe sell software.\n", "Chief Customer Officer – Business Services"),
    ("Head of Customer Support (EMEA)\n\nWe sell software.\n", "Head of Customer Support (EMEA)"),
    ("Fractional Chief Customer Officer (Advisory, Part-Time)\n\nWe sell software.\n",
     "Fractional Chief Customer Officer (Advisory, Part-Time)"),
    ("Skyline Depot - Head of Support\n\nWe sell software.\n", "Skyline Depot - Head of Support"),
])
def test_commas_dashes_and_brackets_that_belong_to_the_title_stay(document, title):
    assert parse_text(document, format="text").title == title


# --- company names ---------------------------------------------------------------------

@pytest.mark.parametrize("header, company", [
    ("Cobble Lane Software Ltd · Leeds, UK · On-site", "Cobble Lane Software Ltd"),
    ("Coopérative Cobble Lane de services financiers — Montréal (QC)", "Coopérative Cobble Lane de services financiers"),
    ("Cobble Lane Careers", "Cobble Lane"),  # a careers site's branding, not a fuller name
    ("Cobble Lane Ltd", "Cobble Lane"),  # a legal form alone adds nothing
    ("Cobble Lane Customer Experience", "Cobble Lane"),  # a team of the company, not its name
    ("Cobble Lane Support Team · Leeds", "Cobble Lane"),
    ("Cobble Lane makes booking software for dentists", "Cobble Lane"),  # a sentence, not a name
])
def test_a_short_company_name_takes_the_full_form_a_header_line_gives(header, company):
    document = f"Head of Customer Success\n{header}\n\nAbout us\nCobble Lane is a software company.\n"
    assert parse_text(document, format="text").company == company


def test_the_full_name_must_come_before_the_first_section():
    document = ("Head of Customer Success\n\nAbout us\nCobble Lane is a software company.\n\n"
                "Benefits\nCobble Lane Software Ltd · pension and healthcare\n")
    assert parse_text(document, format="text").company == "Cobble Lane"


# --- recruiters ------------------------------------------------------------------------

AGENCY = ("Chief Customer Officer\n\n{client}Our client is a payments platform serving 9,000 merchants.\n\n"
          "Responsibilities\n- Set the customer strategy.\n\n"
          "Falconridge Search Partners is acting as an employment agency in relation to this vacancy.\n")


def test_a_recruiter_advertising_for_an_unnamed_client_is_not_the_company():
    assert parse_text(AGENCY.format(client=""), format="text").company is None
    assert parse_text(AGENCY.format(client="Client: Confidential\n"), format="text").company is None


def test_a_client_the_recruiter_names_is_the_company():
    assert parse_text(AGENCY.format(client="Client: Eastmoor Borough Council\n"),
                      format="text").company == "Eastmoor Borough Council"
    document = AGENCY.format(client="").replace("Our client is", "Our client, Pemberton Hall Foods, is")
    assert parse_text(document, format="text").company == "Pemberton Hall Foods"
    retained = ("Chief Customer Officer\nAshcombe Fairley Executive Search · Abu Dhabi\n\n"
                "Ashcombe Fairley Executive Search has been exclusively retained by Nuwair Telecommunications "
                "Group (\"Nuwair\") to appoint its first Group Chief Customer Officer.\n\n"
                "Responsibilities\n- Set the customer strategy.\n")
    assert parse_text(retained, format="text").company == "Nuwair Telecommunications Group"
    # a French board's line under the title: "<agency> pour (le compte de) <client>"
    for agency in ("Cabinet Marlaud & Associés pour Voltéa Énergie",
                   "Cabinet Marlaud & Associés pour le compte de Voltéa Énergie"):
        board = f"Directeur Relation Client H/F\n{agency}\nLyon (69) - CDI\nVos missions\n- Piloter les centres.\n"
        assert parse_text(board, format="text").company == "Voltéa Énergie"
    assert parse_text("Directeur Relation Client H/F\nUne solution pour tous\nLyon\nVos missions\n- Piloter.\n",
                      format="text").company is None


@pytest.mark.parametrize("sentence, client", [
    ("Our client Tidewell Energy is one of Australia's fastest growing retailers.", "Tidewell Energy"),
    ("We are hiring a CHRO for our client Alcance Contact Group, one of Mexico's leading BPOs.",
     "Alcance Contact Group"),
    ("Summit Harbor Talent is hiring on behalf of Ledgerpine, a Series C SaaS platform.", "Ledgerpine"),
    ("Signalpath Technical Recruiting has been exclusively retained to find a Chief Customer Officer for "
     "Kestrel Freight Group, a privately held logistics company.", "Kestrel Freight Group"),
])
def test_a_job_boards_agency_repost_names_the_client_as_the_company(sentence, client):
    document = (f"Chief Customer Officer\nSoutherly Recruitment Group\nSydney NSW\n\nFull job description\n"
                f"{sentence}\n\nResponsibilities\n- Set the customer strategy.\n")
    assert parse_text(document, format="text").company == client


@pytest.mark.parametrize("about, company", [
    ("About Granitefield Bank\nGranitefield Bank is a full service Canadian bank.\n", "Granitefield Bank"),
    # the agency's own "About" names no client
    ("About Maplecrest Executive Staffing\nMaplecrest Executive Staffing places leaders.\n", None),
    # nor does a name the text never opens a sentence with
    ("About Granitefield Bank\nA bank for every Canadian.\n", None),
])
def test_an_agencys_client_described_under_about_its_name_is_the_company(about, company):
    document = ("Director, Customer Operations\nMaplecrest Executive Staffing\nToronto, ON\n\n"
                "Our client, a leading Canadian financial institution, is looking for a Director.\n\n"
                "Responsibilities\n- Lead the operating model transformation.\n\n" + about)
    assert parse_text(document, format="text").company == company


def test_a_duty_done_on_behalf_of_an_office_names_no_client():
    document = ("Head of Complaints\nKestrelmoor Hospitals NHS Foundation Trust\n\nResponsibilities\n"
                "- Sign off complaint response letters on behalf of the Chief Executive, ensuring they are accurate.\n")
    assert parse_text(document, format="text").company == "Kestrelmoor Hospitals NHS Foundation Trust"


def test_an_employer_speaking_of_its_own_clients_keeps_its_name():
    document = ("Head of Client Success\n\nMeadowlark Benefits is a benefits administrator. Our clients are HR "
                "leaders at large employers.\n\nResponsibilities\n- Lead our client success team.\n")
    assert parse_text(document, format="text").company == "Meadowlark Benefits"
    retained = ("Chief Customer Officer\n\nThistlemoor Insurance is a motor insurer. Our client is looking for a "
                "proven operator.\n\nThistlemoor Insurance welcomes everyone. Marlowe Kent Associates acts as an "
                "employment agency in relation to this vacancy.\n")
    assert parse_text(retained, format="text").company == "Thistlemoor Insurance"


# --- French titles ----------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Chef de l'expérience client",
    "Cheffe de la clientèle",
    "Vice-présidente, Service à la clientèle",
    "Président, Expérience membre",
])
def test_french_titles_are_found(title):
    posting = parse_text(f"{title}\n\nLe poste\nRelevant du président, vous dirigez le service.\n",
                         format="text")
    assert posting.title == title


def test_a_french_sentence_is_still_not_a_title():
    posting = parse_text("Le poste\nRelevant du président, vous dirigez le service.\n", format="text")
    assert posting.title is None


# --- a company named alone on the line under the title -------------------------------

def under_title(line, before="", after=""):
    text = f"{before}Chief Customer Officer\n{line}\n{after}\nResponsibilities\n- Set the customer strategy.\n"
    return parse_text(text, format="text")


@pytest.mark.parametrize("name", ["Quickdial Telecom Services", "Quickdial Telecom Ltd", "Fernhill Insurance Group",
                                  "Bramblecourt Stores, Inc."])
def test_a_name_alone_under_the_title_is_the_company(name):
    posting = under_title(name)
    assert (posting.title, posting.company) == ("Chief Customer Officer", name)


@pytest.mark.parametrize("line", [
    "Denver, CO", "London, UK", "San Francisco", "Remote", "Hybrid", "Full-time", "Customer Operations",
    "Marketing", "Powering the world's payments.", "We Are Hiring", "January 2025", "£95,000 - £110,000",
    "Job ID: 58213", "London",
])
def test_a_place_mode_department_or_tagline_under_the_title_is_not_the_company(line):
    assert under_title(line).company is None


def test_a_name_line_after_the_first_section_is_not_the_company():
    posting = parse_text("Responsibilities\nChief Customer Officer\nQuickdial Telecom Services\n- Own it.\n",
                         format="text")
    assert posting.company is None


def test_explicit_company_sources_win_over_the_line_under_the_title():
    assert under_title("Quickdial Telecom Services", after="Company: Fernhill Insurance Group\n").company == (
        "Fernhill Insurance Group")
    at = parse_text("Chief Customer Officer at Harbourline\nQuickdial Telecom Services\n\nResponsibilities\n"
                    "- Own it.\n", format="text")
    assert at.company == "Harbourline"
    html = ('<html><head><meta property="og:site_name" content="Fernhill Insurance Group"></head><body>'
            "<h1>Chief Customer Officer</h1><p>Quickdial Telecom Services</p>"
            "<h2>Responsibilities</h2><ul><li>Set the customer strategy.</li></ul></body></html>")
    assert parse_text(html, format="html").company == "Fernhill Insurance Group"


def test_a_header_line_with_place_and_mode_still_gives_its_first_part():
    posting = under_title("Brightwater Home Services · Denver, CO (hybrid) · Full-time",
                          after="Brightwater provides home repairs across Colorado.\n")
    assert posting.company == "Brightwater Home Services"


@pytest.mark.parametrize("line, after, company", [
    # French boards: "<Name> - <Ville> (<département>)", the name named again in the text
    ("Maison Brindille - Mérignac (33)", "Maison Brindille, c'est une boutique en ligne.\n", "Maison Brindille"),
    ("Assurances Mutuelles Ardilane – Niort (79)", "Assurances Mutuelles Ardilane protège 1,3 million de sociétaires.\n",
     "Assurances Mutuelles Ardilane"),
    # one word alone, named again as the employer
    ("Vallonergie", "Vallonergie est un distributeur d'électricité et de gaz.\n", "Vallonergie"),
    ("Klyvo", "À propos de Klyvo : une plateforme SaaS.\n", "Klyvo"),
])
def test_a_name_under_the_title_that_the_text_names_again_is_the_company(line, after, company):
    assert under_title(line, after=after).company == company


@pytest.mark.parametrize("line, after", [
    # a city, even one the text names again: as a place, not as the employer
    ("Bruxelles – Siège central", "Le Customer Contact Center (Bruxelles et Namur) compte 180 personnes.\n"),
    ("Gatineau", "Le poste est basé à Gatineau.\n"),
    ("Lausanne | Siège | CDI", "Nos bureaux de Lausanne accueillent 300 personnes.\n"),
    # a unit and its parent, not the employer
    ("Professional Services - Directorate of Student and Campus Services",
     "The Professional Services Redesign programme began in 2023.\n"),
    # a single word the text never names again
    ("Vallonergie", "Un distributeur d'électricité et de gaz.\n"),
])
def test_a_place_or_unit_under_the_title_is_not_the_company_even_when_named_again(line, after):
    assert under_title(line, after=after).company is None


@pytest.mark.parametrize("line, after", [
    # found in review: a city named again in a key-fact row or before a bracket; a region
    ("Toulouse", "Lieu de travail : Toulouse\n"), ("Leeds", "Location: Leeds\n"),
    ("Montréal", "Montréal (Québec), mode hybride\n"), ("Confidential", "Confidential search for a growing insurer.\n"),
    ("Central London - Hybrid", "Our office in Central London is new.\n"),
    ("Pays de la Loire - Nantes (44)", "Poste basé en Pays de la Loire.\n"),
    ("Direction Générale", "La Direction Générale pilote le groupe.\n"),
])
def test_places_regions_and_units_under_the_title_are_no_company(line, after):
    assert under_title(line, after=after).company is None


@pytest.mark.parametrize("after", ["We are Northwind Bank, a challenger bank.", "Welcome to Northwind Bank.",
                                   "Northwind Bank: a challenger bank for small firms.", "Why Northwind Bank?"])
def test_an_employer_named_again_in_the_ways_postings_name_it(after):
    assert under_title("Northwind Bank - London, UK", after=after + "\n").company == "Northwind Bank"


@pytest.mark.parametrize("first", ["Greater London", "Job Details", "Posted Today", "New Job Alert", "United Kingdom",
                                   "Senior Leadership Team Recruitment", "People and Culture Team",
                                   "CUSTOMER AND COMMUNITIES DIRECTORATE"])
def test_page_furniture_and_units_above_a_document_line_are_no_organisation(first):
    text = (f"{first}\nJob Description\n\nJob title: Head of Customer Experience\nGrade: 14\n\nPurpose of the role\n"
            "Set the customer strategy for our 1.2 million customers.\n")
    assert parse_text(text, format="text").company is None


@pytest.mark.parametrize("line, after", [
    ("Department of Health and Social Care", "The Department of Health and Social Care leads the nation's health.\n"),
    ("Office for National Statistics", "The Office for National Statistics is the UK's largest producer.\n"),
    ("Services Québec", "Services Québec offre des services aux citoyens.\n"),
    ("Vallonergie", "At Vallonergie, we keep the lights on.\n"),
    ("Assurances Mutuelles Ardilane – Niort (79)",
     "Fondée en 1934, AMA (Assurances Mutuelles Ardilane) protège 1,3 million de sociétaires.\n"),
])
def test_employers_whose_names_open_like_units_or_are_named_in_brackets(line, after):
    assert under_title(line, after=after).company == line.split(" – ")[0]


# --- long header lines, job-board taxonomies, a name alone under the furniture ---------

@pytest.mark.parametrize("document, title", [
    # a header line too long to be a title gives its leading parts
    ("Chief Customer Experience Officer - Licensing and Registration Division - Harwick City, NL\n"
     "Job Number: 2031-00417\nClass Code: X9000 (Executive)\n\n"
     "The division serves 2 million residents through 30 offices.\n",
     "Chief Customer Experience Officer - Licensing and Registration Division"),
    # a cleaner title line below wins over it
    ("Customer Care Manager - Tollbridge Homes - Shrewsbury, Shropshire, United Kingdom - Full time\n"
     "Customer Care Manager\nTollbridge Homes\n\nWe build 600 homes a year.\n", "Customer Care Manager"),
])
def test_the_title_of_a_header_line_too_long_to_be_one(document, title):
    assert parse_text(document, format="text").title == title


def test_a_job_boards_role_category_field_is_not_the_title():
    document = ("Chief Customer Officer (CCO) - Home Appliances\nKesar Appliances Ltd.\n\n"
                "Job description\nLead the customer function of a listed appliance maker.\n\n"
                "Role: Head - Sales / Business Development\nIndustry Type: Consumer Electronics\n"
                "Role Category: Retail & B2C Sales\n")
    assert parse_text(document, format="text").title == "Chief Customer Officer (CCO) - Home Appliances"
    # without the taxonomy block, a "Role:" line still states the title
    assert parse_text("Role: Head of Customer Care\n\nWe sell sofas.\n", format="text").title == "Head of Customer Care"
    # a "Role Title:" line is a title, taxonomy block or not
    document = "Role Title: Head of Customer Care\nRole Category: Customer Service\n\nWe sell sofas.\n"
    assert parse_text(document, format="text").title == "Head of Customer Care"


def test_a_name_alone_under_the_furniture_is_cut_from_the_title_and_is_the_company():
    document = ("Directeur de la Relation Client H/F - Ardoise Mobile - Rabat, Maroc\n"
                "Se connecter | Créer un compte\nPubliée il y a 3 jours · Rabat · CDI\n"
                "Ardoise Mobile\n\nDescription du poste\nArdoise Mobile est un opérateur de 4 millions de clients.\n"
                "Vous pilotez les centres de contact.\n")
    posting = parse_text(document, format="text")
    assert (posting.title, posting.company) == ("Directeur de la Relation Client H/F", "Ardoise Mobile")


@pytest.mark.parametrize("document, title, company", [
    # a place, a contract or a way of holding the job alone on a line is not a company
    ("Chief Customer Officer - Greater London\nGreater London\n\nWe supply energy in Greater London.\n",
     "Chief Customer Officer - Greater London", None),
    ("Chief Customer Officer - Interim\nInterim\n\nWe supply energy. Interim leaders welcome.\n",
     "Chief Customer Officer - Interim", None),
    # "Business, Country" is a business unit unless the header names the city as a place
    ("Chief Customer Officer - Home Insurance, Ireland\n\nWe insure homes.\n",
     "Chief Customer Officer - Home Insurance, Ireland", None),
    ("Head of Customer Success - Mid Market, Americas\n\nWe sell software.\n",
     "Head of Customer Success - Mid Market, Americas", None),
    ("Head of Customer Care - Cork, Ireland\nCork · Permanent\n\nWe insure homes.\n", "Head of Customer Care", None),
])
def test_places_contracts_and_business_units_in_a_header(document, title, company):
    posting = parse_text(document, format="text")
    assert (posting.title, posting.company) == (title, company)


def test_a_french_job_family_field_is_not_the_title():
    document = "Chief Customer Officer\nLumenrow\nFonction : Commercial / Vente\n\nNous vendons.\n"
    assert parse_text(document, format="text").title == "Chief Customer Officer"
    assert parse_text("Fonction : Directrice du service client\n\nNous vendons.\n",
                      format="text").title == "Directrice du service client"


def test_a_long_header_line_keeps_the_company_under_it_and_stops_at_the_place():
    document = ("Chief Customer Experience Officer - Licensing Division - Calder City, SN - Executive Band 3\n"
                "State of Calder\n\nThe division serves residents.\n")
    posting = parse_text(document, format="text")
    assert (posting.title, posting.company) == ("Chief Customer Experience Officer - Licensing Division",
                                                "State of Calder")
    document = "CCO - Lumenrow Energy - London - Permanent - Full Time - £180,000 plus bonus and car\n\nMore.\n"
    assert parse_text(document, format="text").title == "CCO"


@pytest.mark.parametrize("line", [
    "Working closely with the Director of Operations - and the wider executive team - you shape care",
    "Lead the customer function - set the strategy, build the team, own the budget, hire the leaders",
])
def test_a_long_first_line_that_is_a_clause_gives_no_title(line):
    assert parse_text(line + "\n\nMore.\n", format="text").title is None


def test_an_explicit_title_takes_the_parenthetical_the_header_line_adds_to_it():
    # the header line is too long to be a title: only the key and the bracket give the title
    document = ("Directrice principale de l'expérience patient (Chief Patient Experience Officer) - CHU Belair - "
                "Québec - Poste permanent\nCHU Belair\n\nTitre du poste | Directrice principale de l'expérience "
                "patient\nSupérieur immédiat | Présidente-directrice générale\n")
    assert parse_text(document, format="text").title == (
        "Directrice principale de l'expérience patient (Chief Patient Experience Officer)")
    # a salary in brackets is not part of the title
    document = "Head of Customer Care (£65,000 + bonus)\nJob title: Head of Customer Care\n\nWe sell sofas.\n"
    assert parse_text(document, format="text").title == "Head of Customer Care"


@pytest.mark.parametrize("document, title, company", [
    ("So... we're hiring a Chief Customer Officer 🙈\n\nOkay, before anyone starts negotiating a board seat, "
     "let me be honest. Mwangaza Books is eleven months old.\n", "Chief Customer Officer", None),
    ("Alright, LinkedIn, let's talk about the best job on my team.\n\nWe're hiring a Head of Customer Success at "
     "Tallyhook, and I'm going to pitch it the way I'd pitch a deal.\n", "Head of Customer Success", "Tallyhook"),
    ("Estamos contratando! We're looking for a CMO at Torra Viva ☕\n\n(English below because half of the people "
     "I want to reach don't read Portuguese.)\n", "CMO", "Torra Viva"),
    ("Night owls, this one's for you.\n\nWe're hiring a Customer Support Team Lead for our night shift.\n",
     "Customer Support Team Lead", None),
    ("Hello.\n\nWe're hiring a VP, Customer Success at Acme.\n", "VP, Customer Success", "Acme"),
    ("Hello.\n\nWe're hiring! We're looking for a Head of Customer Success at Tallyhook.\n",
     "Head of Customer Success", "Tallyhook"),
    ("Hi.\n\nWe are seeking a Leader who can run things.\n", None, None),
    ("Notes from the Exchange, Issue 31\nWhy I'm hiring someone with no team and no budget\n\nHello again.\n\n"
     "That's where this issue starts.\n\nSo we're creating a new role: Chief Experience Officer.\n",
     "Chief Experience Officer", None),
])
def test_a_post_in_prose_names_its_title_in_a_hiring_sentence(document, title, company):
    posting = parse_text(document, format="text")
    assert posting.title == title
    if company:
        assert posting.company == company


def test_a_hiring_sentence_never_outranks_a_title_line():
    posting = parse_text("Chief Customer and Operations Officer\nHearthlight Energy\n\n"
                         "We're looking for a Chief Customer to join us.\n", format="text")
    assert posting.title == "Chief Customer and Operations Officer"
    # a sentence that names no role gives no title
    assert parse_text("Why I'm hiring someone with no team and no budget\n\nHello again.\n", format="text").title is None


def test_a_position_description_field_aligned_by_spaces_gives_the_title():
    posting = parse_text("KESTREL COAST INSURANCE GROUP LIMITED\nPOSITION DESCRIPTION\n\n"
                         "Position title        Chief Customer Officer\nDivision              Customer\n"
                         "Reports to            Group Chief Executive Officer\n", format="text")
    assert posting.title == "Chief Customer Officer"


@pytest.mark.parametrize("html, title, company", [
    ("<html><head><title>Vice President, Customer Care - Halverton Communications Careers</title></head><body>"
     "<p>Halverton Communications is a Canadian telecom.</p><h2>Responsibilities</h2><ul><li>Run the centres.</li>"
     "</ul></body></html>", "Vice President, Customer Care", "Halverton Communications"),
    ("<html><body><h1>Senior Manager, Customer Support Operations (25001842)</h1><p>Wrenfield Airways</p>"
     "<h2>Responsibilities</h2><ul><li>Run the queues.</li></ul></body></html>",
     "Senior Manager, Customer Support Operations", None),
    ("<html><body><h1>Director, Member Services (Req ID: 4471)</h1><h2>Responsibilities</h2>"
     "<ul><li>Run the queues.</li></ul></body></html>", "Director, Member Services", None),
    ("<html><body><h1>Head of Customer Experience (JR-0983)</h1><h2>Responsibilities</h2>"
     "<ul><li>Run the queues.</li></ul></body></html>", "Head of Customer Experience", None),
    ("<html><body><h1>Head of Transformation (CX 2030)</h1><h2>Responsibilities</h2>"
     "<ul><li>Run the programme.</li></ul></body></html>", "Head of Transformation (CX 2030)", None),
])
def test_a_requisition_number_and_a_careers_sites_name_leave_the_title(html, title, company):
    posting = parse_text(html, format="html")
    assert posting.title == title
    if company:
        assert posting.company == company
