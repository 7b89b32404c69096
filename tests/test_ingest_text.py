"""Plain text and Markdown: one Line per line, bullets, headings, tables, inline syntax."""
from __future__ import annotations

from cco_jobs.ingest import parse_text


def texts(posting):
    return [line.text for line in posting.lines]


def test_each_nonblank_line_of_plain_text_is_a_line_with_its_source_line():
    posting = parse_text("Chief Customer Officer\n\nAcme Ltd, London\n\nWe sell parcels to small firms.\n")
    assert texts(posting) == ["Chief Customer Officer", "Acme Ltd, London", "We sell parcels to small firms."]
    assert [line.source_line for line in posting.lines] == [1, 3, 5]
    assert [line.n for line in posting.lines] == [1, 2, 3]
    assert posting.format == "text"


def test_bullet_markers_are_stripped_and_flagged():
    posting = parse_text(
        "Responsibilities:\n- Own the NPS scorecard\n* Lead the service desk\n• Build the VoC programme\n"
        "· Chair the CX council\n▪ Set service standards\n– Run the QBRs\n1. Define the strategy\n"
        "2) Report to the board\na) Manage the budget\n(b) Hire the team\n•Glued bullet from a scrape\n",
        format="text",
    )
    bullets = [line for line in posting.lines if line.is_bullet]
    assert [line.text for line in bullets] == [
        "Own the NPS scorecard", "Lead the service desk", "Build the VoC programme", "Chair the CX council",
        "Set service standards", "Run the QBRs", "Define the strategy", "Report to the board",
        "Manage the budget", "Hire the team", "Glued bullet from a scrape",
    ]


def test_numbers_and_dashes_that_are_not_markers_stay():
    posting = parse_text("Salary\n1.5x bonus target and -5% cost\n2024 was a record year for us\n", format="text")
    assert "1.5x bonus target and -5% cost" in texts(posting)
    assert "2024 was a record year for us" in texts(posting)
    assert not any(line.is_bullet for line in posting.lines)


def test_plain_text_headings_colon_caps_known_name():
    posting = parse_text(
        "Chief Customer Officer\n\nKEY ACCOUNTABILITIES\nSet the strategy for the group.\n\n"
        "Who you are:\nA proven executive.\n\nBenefits\nPrivate medical cover.\n\n"
        "The successful candidate will:\nLead the team.\n\nLocation:\nLeeds\n",
        format="text",
    )
    headings = [line.text for line in posting.lines if line.is_heading]
    assert headings == ["Chief Customer Officer", "KEY ACCOUNTABILITIES", "Who you are", "Benefits"]
    lead_in = next(line for line in posting.lines if line.text.startswith("The successful"))
    assert not lead_in.is_heading  # a lead-in to a list, not a heading
    assert not next(line for line in posting.lines if line.text.startswith("Location")).is_heading


def test_short_phrase_above_a_list_is_a_heading():
    posting = parse_text("How we work\n- Remote first\n- Quarterly offsites in Lisbon\n", format="text")
    assert posting.lines[0].is_heading


def test_markdown_posting():
    markdown = (
        "# Chief Customer Officer at **Acme**\n\n"
        "Acme · London · Full-time\n\n"
        "## What you'll do\n\n"
        "- Lead the [customer strategy](https://acme.example/strategy) across the *whole* group\n"
        "- Own the `NPS` scorecard and __report__ it\n\n"
        "**Requirements**\n\n"
        "1. Ten years in ~~sales~~ customer roles\n\n"
        "| Grade | Salary |\n|:---|---:|\n| Executive | £150k |\n\n"
        "What we offer\n-------------\n\n"
        "> Pension &amp; private medical\n\n"
        "Email <jobs@acme.example> or see ![logo](logo.png) our site.\n"
    )
    posting = parse_text(markdown)
    assert posting.format == "markdown"
    assert texts(posting) == [
        "Chief Customer Officer at Acme", "Acme · London · Full-time", "What you'll do",
        "Lead the customer strategy across the whole group", "Own the NPS scorecard and report it",
        "Requirements", "Ten years in sales customer roles", "Grade | Salary", "Executive | £150k",
        "What we offer", "Pension & private medical", "Email jobs@acme.example or see logo our site.",
    ]
    headings = {line.text for line in posting.lines if line.is_heading}
    assert headings == {"Chief Customer Officer at Acme", "What you'll do", "Requirements", "What we offer"}
    assert posting.title == "Chief Customer Officer" and posting.company == "Acme"


def test_markdown_fenced_code_is_kept_verbatim():
    posting = parse_text("# Head of Support\n\nWe use:\n\n```\nzendesk --queues *all*\n```\n", format="markdown")
    assert "zendesk --queues *all*" in texts(posting)


def test_plain_text_keeps_link_syntax_it_cannot_know_is_markdown():
    posting = parse_text("Head of Support\nApply at [our site](https://x.example) by Friday.\n", format="text")
    assert "Apply at [our site](https://x.example) by Friday." in texts(posting)


def test_hard_wrapped_paragraph_is_joined():
    text = (
        "Head of Customer Experience\n\n"
        "Reporting to the Chief Executive, you will set the customer strategy for\n"
        "Harbourline and turn it into a three-year plan with milestones that the\n"
        "Board can hold us to. You will lead a team of forty people across three\n"
        "sites and own the budget for customer research.\n\n"
        "- Build the voice-of-the-customer programme and make sure the business\n"
        "  acts on what it hears.\n"
        "- Own NPS.\n"
    )
    posting = parse_text(text, format="text")
    assert texts(posting) == [
        "Head of Customer Experience",
        "Reporting to the Chief Executive, you will set the customer strategy for Harbourline and turn it "
        "into a three-year plan with milestones that the Board can hold us to. You will lead a team of forty "
        "people across three sites and own the budget for customer research.",
        "Build the voice-of-the-customer programme and make sure the business acts on what it hears.",
        "Own NPS.",
    ]


def test_lines_that_are_not_wrapped_stay_apart():
    text = "Chief Customer Officer\nManchester, Greater Manchester, United Kingdom\ntime type\nFull time\n"
    assert texts(parse_text(text, format="text")) == [
        "Chief Customer Officer", "Manchester, Greater Manchester, United Kingdom", "time type", "Full time",
    ]


def test_lowercase_continuation_of_a_long_line_is_joined():
    text = ("Head of Support\n\nWe are looking for someone who has led a support team of at least twenty\n"
            "people in a software company.\n")
    assert texts(parse_text(text, format="text"))[-1] == (
        "We are looking for someone who has led a support team of at least twenty people in a software company."
    )


def test_pipe_separated_text_line_is_a_table_row():
    posting = parse_text("Head of Support\nGrade|Band\nZone A | London | £90,000 - £100,000\n", format="text")
    assert posting.lines[-1].text == "Zone A | London | £90,000 - £100,000"


def test_entities_in_text_are_decoded_but_ampersands_in_words_stay():
    posting = parse_text("Head of CX at AT&T\nPension &amp; health &#8211; R&D &pound;5k\n", format="text")
    assert texts(posting)[1] == "Pension & health – R&D £5k"


def test_rules_and_separator_lines_are_dropped():
    posting = parse_text("Head of Support\n\n* * *\n-----\n=====\nWe answer the phone.\n", format="text")
    assert texts(posting) == ["Head of Support", "We answer the phone."]


def test_mixed_french_and_english():
    posting = parse_text(
        "Directeur de l'Expérience Client / Chief Customer Officer\n\nVos missions\n"
        "- Responsable de la stratégie expérience client à l'échelle du groupe\n\nProfil recherché\n"
        "- 15 ans d'expérience\n\nAvantages\n- Mutuelle\n",
        format="text",
    )
    sections = {line.text: line.section for line in posting.lines}
    assert sections["Responsable de la stratégie expérience client à l'échelle du groupe"] == "responsibilities"
    assert sections["15 ans d'expérience"] == "qualifications"
    assert sections["Mutuelle"] == "benefits"


def test_the_company_named_in_the_postings_own_sentences():
    text = """Chief Customer Officer
Remote · United States

About Marrowell
Marrowell Health is a virtual care company for people with chronic conditions.
We are growing fast and this role is new.
A Chief Customer Officer is expected to travel monthly.

What you will do
- Set the member experience strategy.

Marrowell Health is an equal opportunity employer."""
    assert parse_text(text, format="text").company == "Marrowell Health"


def test_no_company_from_sentences_that_name_none():
    text = """Head of Customer Support
We are a payments company in Leeds.
This role is hybrid.
Selection is based on a short case study.

Responsibilities
- Run the support queues."""
    assert parse_text(text, format="text").company is None


def test_an_about_heading_naming_a_camel_case_company_stays_whole():
    text = ("About HireHarbor\nHireHarbor runs an executive jobs board for employers across Colorado.\n"
            "AboutHireHarbor is not a heading.\nAbout usWe are a payments company with customers in the UK.")
    lines = [line.text for line in parse_text(text, format="text").lines]
    assert lines[0] == "About HireHarbor"
    assert lines[-2:] == ["About us", "We are a payments company with customers in the UK."]


def test_emoji_list_markers_are_bullets_and_emoji_headings_are_headings():
    text = ("Head of Support\n\n🚀 About us\nWe build payroll software for 9,000 firms.\n\n"
            "What you'll do\n🤖 AI and automation. Lead the rollout of our AI support agent.\n"
            "📉 Support efficiency. Own cost per ticket.\n\n👩‍💻 What you bring\n✅ 8+ years in support\n"
            "➕ Payroll experience\n\n🎁 Benefits\n✨ Equity for everyone\n")
    lines = [(line.text, line.is_heading, line.is_bullet, line.section) for line in parse_text(text).lines]
    assert ("About us", True, False, "about_company") in lines
    assert ("AI and automation. Lead the rollout of our AI support agent.", False, True, "responsibilities") in lines
    assert ("What you bring", True, False, "qualifications") in lines
    assert ("8+ years in support", False, True, "qualifications") in lines
    assert ("Equity for everyone", False, True, "benefits") in lines
    # a line that opens with an emoji and no space is text, not a marker
    assert parse_text("Head of Support\n\n🤖-assisted triage is part of the job.\n").lines[-1].is_bullet is False


def test_an_emoji_marked_phrase_standing_alone_is_a_heading_and_emoji_lists_stay_lists():
    text = ("Chief Customer Officer\n\n🎯 Why this role exists\nOur teams grew up side by side, not together.\n\n"
            "🙋 Who you are\n✅ You have led support and success at once\n➕ You have owned a budget\n\n"
            "🌱 A note from me\nI read every application myself.\n")
    lines = {line.text: (line.is_heading, line.is_bullet) for line in parse_text(text).lines}
    assert lines["Why this role exists"] == (True, False)
    assert lines["A note from me"] == (True, False)
    assert lines["You have led support and success at once"] == (False, True)
    assert lines["You have owned a budget"] == (False, True)
    # a list of one emoji with blank lines between its items stays a list
    text = "Head of CX\n\nWhat's in it for you?\n\n✅ A bonus\n\n✅ Private medical for you and your family\n\n✅ Holidays\n"
    assert [line.is_bullet for line in parse_text(text).lines][-3:] == [True, True, True]


def test_emoji_items_of_different_emoji_stay_items_and_sentences_stay_sentences():
    text = ("Head of Support\n\nWhat you'll do\n\n📞 Run the call centre rota every week\n\n"
            "⏱️ Hit our service level targets\n\n🧑‍🏫 Coach the team leads\n\nWhat we offer\n\n"
            "💰 Competitive salary\n\n🚨 We're hiring a Head of Support\nApply below.\n")
    lines = {line.text: (line.is_heading, line.is_bullet, line.section) for line in parse_text(text).lines}
    assert lines["Run the call centre rota every week"] == (False, True, "responsibilities")
    assert lines["Coach the team leads"] == (False, True, "responsibilities")
    assert lines["Competitive salary"][:2] == (False, True)
    assert lines["We're hiring a Head of Support"][0] is False
    # keycaps are markers; star ratings and a glyph's variation selector are not text
    posting = parse_text("Head of Support\n\n1️⃣ Own the support strategy\n✔️ 10+ years in support\n"
                         "★★★★☆ 4.1 rating on review sites\n")
    texts = [line.text for line in posting.lines]
    assert "Own the support strategy" in texts and "10+ years in support" in texts
    assert "★★★★☆ 4.1 rating on review sites" in texts


def test_why_this_role_exists_is_about_the_role_not_the_benefits():
    text = ("Chief Customer Officer\n\n🎯 Why this role exists\nYou will report directly to the CEO and sit on "
            "the executive committee.\n")
    line = next(line for line in parse_text(text).lines if line.text.startswith("You will report"))
    assert line.section != "benefits"


def test_emoji_in_html_paragraphs_reads_as_before():
    html = ("<h1>Head of CX</h1><p>🚀 About us</p><p>We sell sofas online.</p><p>🎯 The role</p>"
            "<p>You will run the contact centre.</p>")
    lines = parse_text(html, format="html").lines
    assert [line.is_bullet for line in lines] == [False] * len(lines)


def test_an_html_list_item_loses_its_emoji_marker():
    html = "<h1>Head of CX</h1><h2>What you will do</h2><ul><li>✅ Own the NPS programme</li></ul>"
    assert parse_text(html, format="html").lines[-1].text == "Own the NPS programme"



def test_a_scrape_of_long_one_line_bullets_and_short_lines_between_is_no_wrapped_file():
    """Long one-line bullets with unpunctuated key-fact lines between them (a scrape, not
    an editor's margin): the salary line stays a line of its own, not the tail of a duty."""
    bullets = "\n".join("- " + text for text in [
        "Own the end-to-end customer strategy across every channel, from onboarding to collections, and make sure "
        "every decision the bank takes starts from the customer",
        "Lead a team of 400 colleagues across our contact centres in Leeds and Glasgow, our complaints and vulnerable "
        "customers teams and our customer insight function",
        "Sit on the Executive Committee and report to the CEO, with a seat at the table for every major decision on "
        "product, pricing and technology",
        "Build the measurement framework: NPS, complaint volumes, first-contact resolution and customer outcomes under "
        "the Consumer Duty, reported to the Board every quarter"])
    text = ("Chief Customer Officer\nNorthwind Bank, London, United Kingdom - Hybrid working, three days in the office\n"
            "Northwind Bank is the UK's fastest growing challenger bank and we are hiring\n"
            "Our purpose is to make money simple and fair for every one of our customers\n"
            "What you will do\n" + bullets + "\n"
            "Salary up to £220,000 plus bonus and benefits, with a flexible hybrid working model\n")
    texts = [line.text for line in parse_text(text, format="text").lines]
    assert "Salary up to £220,000 plus bonus and benefits, with a flexible hybrid working model" in texts
