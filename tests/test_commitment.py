"""Commitment signals (positive, negative, negated, hedged), the score, questions, suggestions."""
from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Span

from cco_jobs.commitment import BANDS, assess, read_signals, suggest, title_level
from cco_jobs.commitment.score import PRIOR
from cco_jobs.pipeline.doc import posting_doc
from cco_jobs.posting import Line, Posting


@pytest.fixture(scope="module")
def ruler_nlp():
    from cco_jobs import pipeline  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("cco_jobs_signal_ruler")
    return nlp


def reading_of(nlp, lines, title="Chief Customer Officer", section="responsibilities"):
    """Read the signals of ``lines``: (text, label) pairs, labels given by hand, all in ``section``."""
    posting = Posting(lines=[Line(n=i + 1, text=t, section=section) for i, (t, _) in enumerate(lines)],
                      title=title)
    doc = nlp(posting_doc(nlp, posting))
    doc.spans["line_labels"] = [Span(doc, s.start, s.end, label=lab)
                                for s, (_, lab) in zip(doc.spans["lines"], lines)]
    return read_signals(doc, title)


@pytest.mark.parametrize("title, level, hybrid", [
    ("Chief Customer Officer", "c_customer", False),
    ("VP, Chief Experience Officer", "c_customer", True),
    ("Chief Patient Experience Officer", "c_customer", False),
    ("Chief Financial Officer", "c_other", False),
    ("SVP Customer Success", "evp_svp", False),
    ("Vice President, Customer Experience", "vp", False),
    ("Head of Customer Support", "head", False),
    ("Director, Customer Service", "director", False),
    ("Customer Care Manager", "manager", False),
    (None, "unknown", False),
    # a chief's deputy is the rank under the C-level (001: a true C-level title is a peer of the COO)
    ("Deputy Chief Client Experience Officer", "evp_svp", False),
    ("Associate Chief Experience Officer - Patient Services", "evp_svp", False),
    ("Chef adjointe de l'expérience client", "evp_svp", False),
    ("Deputy Chief Executive and Chief Customer Officer", "c_customer", False),
    ("Deputy Chief Financial Officer", "c_other", False),
    ("Cheffe adjointe de l'expérience client et chef de l'exploitation", "c_other", False),
    ("Deputy Chief Operating Officer and Deputy Chief Customer Officer", "c_other", False),
    # a chief of the employees' experience is an HR title, unless it names the customer too
    ("Chief People & Experience Officer", "c_other", False),
    ("Chief Employee Experience Officer", "c_other", False),
    ("Chief Employee and Customer Experience Officer", "c_customer", False),
    ("Chief Digital Experience Officer", "c_customer", False),
    ("Chief Customer Officer & Chief People Experience Officer", "c_customer", False),
    ("General Counsel", "c_other", False),
    ("Chief Employee Experience Officer - Patient Care Services", "c_other", False),
    ("Chief Customer Success, Service Operations, Digital Transformation and Strategic Partnerships Officer",
     "c_customer", False),
    ("Chief People Officer and Chief Experience Officer", "c_customer", False),
    ("Adjoint au chef de la direction, expérience client", "c_other", False),
    ("Chef de la direction des services à la clientèle", "c_customer", False),
    # Quebec: "chef de la direction" alone is the CEO, with a customer function the CCO
    ("Chef de la direction expérience client", "c_customer", False),
    ("Cheffe de la direction, Clientèle", "c_customer", False),
    ("Chef de la direction des relations avec la clientèle", "c_customer", False),
    ("Chef de la direction des finances", "c_other", False),
    # below a manager is a manager's level at most, in English, Portuguese and French
    ("Analista de Experiência do Aluno | Student Experience Analyst", "manager", False),
    ("Customer Success Associate", "manager", False),
    ("Conseillère clientèle", "manager", False),
    ("Associate Director, Customer Experience", "director", False),
    # the chief a job serves is not the job's level
    ("Senior Advisor to the Chief Customer Officer", "manager", False),
    ("Executive Assistant to the CEO", "unknown", False),
])
def test_title_level(title, level, hybrid):
    assert title_level(title) == (level, hybrid)


@pytest.mark.parametrize("text, expected", [
    ("Reports to the CEO.", "top"),
    ("You will report directly to our founder and chief executive.", "top"),
    ("Reporting to the Chief Operating Officer, you will lead care.", "below"),
    ("This role reports to the VP of Operations.", "below"),
    ("Reports to the Senior Vice President, Customer Care.", "below"),  # not "President"
    ("Reports to the CEO or COO depending on the final structure.", "hedged"),
    ("Reports to the Deputy Chief Executive.", "deputy"),
    ("The role does not report to the CEO.", "negated_top"),
    ("Lead the customer strategy.", "unstated"),
])
def test_reporting_line(ruler_nlp, text, expected):
    assert reading_of(ruler_nlp, [(text, "context")]).reports == expected


@pytest.mark.parametrize("text, expected", [
    ("You will be a member of the executive leadership team.", "member"),
    ("The CCO sits on the Executive Committee.", "member"),
    ("You won't sit on the executive committee but are invited to its quarterly reviews.", "partial"),
    ("This role is not a member of the executive team.", "negated"),
    ("Lead the care team.", "unstated"),
])
def test_executive_seat(ruler_nlp, text, expected):
    assert reading_of(ruler_nlp, [(text, "context")]).seat == expected


def test_authority_signals(ruler_nlp):
    r = reading_of(ruler_nlp, [
        ("Service, Claims and Digital Care report to you.", "context"),
        ("You will own a budget of $40M and a team of 300 people.", "context"),
    ])
    assert r.functions_in and r.budget and r.headcount and not r.advisory
    weak = reading_of(ruler_nlp, [("This is an advisory role: you will influence without authority.", "context")])
    assert weak.advisory and not weak.functions_in
    assert reading_of(ruler_nlp, [("Set the vision.", "strategic")]).budget == []


def test_accountability_counts_metrics_in_requirements_only(ruler_nlp):
    owned = reading_of(ruler_nlp, [("Own NPS, churn and the customer dashboard.", "strategic")])
    assert len(owned.metrics) >= 2
    blurb = reading_of(ruler_nlp, [("Our NPS is the best in the industry.", "context")])
    assert blurb.metrics == []
    slogan = reading_of(ruler_nlp, [("A genuine passion for customers.", "neutral")])
    assert slogan.slogans and not slogan.metrics


def test_personal_versus_delegated_tactical_work(ruler_nlp):
    personal = reading_of(ruler_nlp, [("Personally handle escalated complaints.", "contact_centre")])
    assert personal.personal
    delegated = reading_of(ruler_nlp, [("Run the contact centres through your directors.", "contact_centre")])
    assert delegated.delegated and not delegated.personal
    # the same words in a strategic line are not tactical work done personally
    assert not reading_of(ruler_nlp, [("Be hands-on in shaping the strategy.", "strategic")]).personal


def test_strong_posting_scores_above_weak_one(ruler_nlp):
    strong = reading_of(ruler_nlp, [
        ("Reports to the CEO and sits on the executive committee.", "context"),
        ("Service and Success report to you, with a budget of $30M.", "context"),
        ("Set the customer strategy and its milestones.", "strategic"),
        ("Own NPS and retention and present the dashboard to the board.", "strategic"),
        ("Lead journey redesign across functions.", "strategic"),
    ])
    weak = reading_of(ruler_nlp, [
        ("Reports to the VP of Operations.", "context"),
        ("Personally handle escalations.", "contact_centre"),
        ("Hit the renewal quota.", "sales"),
        ("Cut cost per contact.", "cost_cutting"),
        ("Supervise agents on every shift.", "contact_centre"),
    ])
    s, w = assess(strong, PRIOR), assess(weak, PRIOR)
    assert s.score > w.score
    assert s.band == BANDS[0]
    assert w.band == BANDS[2]
    assert w.title_vs_substance and "contact-centre" in w.title_vs_substance
    assert any("report" in f for f in w.red_flags)


def test_a_not_real_verdict_needs_two_agreeing_signals(ruler_nlp):
    # one down signal only (a tactical mandate), nothing else said: diluted, not "tactical job"
    one = reading_of(ruler_nlp, [
        ("Run the support queues.", "contact_centre"), ("Manage the contact centre rota.", "contact_centre"),
        ("Keep queues inside the SLA.", "contact_centre"),
    ])
    result = assess(one, PRIOR)
    assert len(result.red_flags) == 1
    assert result.band == BANDS[1]
    two = reading_of(ruler_nlp, [("Reports to the COO.", "context")] + [
        ("Run the support queues.", "contact_centre"), ("Manage the contact centre rota.", "contact_centre"),
        ("Keep queues inside the SLA.", "contact_centre")])
    assert len(assess(two, PRIOR).red_flags) >= 2
    assert assess(two, PRIOR).band == BANDS[2]


def test_another_functions_c_level_posting_is_called_not_a_customer_role(ruler_nlp):
    cfo = reading_of(ruler_nlp, [
        ("Reports to the CEO and sits on the executive committee.", "context"),
        ("Lead treasury, tax and audit for the group.", "neutral"),
        ("Cut operating costs by 10% across the plants.", "cost_cutting"),
        ("Run the annual budget and forecast.", "neutral"),
    ], title="Chief Financial Officer")
    result = assess(cfo, PRIOR)
    assert result.band == BANDS[4] == "not a C-level customer role"
    assert result.verdict.startswith("Not a customer role: the title is C-level for another function")
    assert "tactical role" not in result.verdict


def test_a_low_vp_posting_is_called_tactical_only_when_its_lines_are(ruler_nlp):
    strategic = [("Set the customer strategy for the group.", "strategic"),
                 ("Redesign the customer journeys with product and sales.", "strategic"),
                 ("Own the retention and NPS goals.", "strategic")]
    below = [("Reports to the VP of Operations.", "context")]
    tactical = [("Run the support queues.", "contact_centre"),
                ("Manage the contact centre rota.", "contact_centre"),
                ("Keep queues inside the SLA.", "contact_centre"),
                ("Hit the renewal quota.", "sales")]
    title = "Director, Customer Experience"
    mostly_strategic = assess(reading_of(ruler_nlp, below + strategic + tactical[:1], title), PRIOR)
    mostly_tactical = assess(reading_of(ruler_nlp, below + strategic[:1] + tactical, title), PRIOR)
    assert mostly_strategic.band == mostly_tactical.band == BANDS[4]
    assert mostly_strategic.verdict.startswith("A customer role below C-level: the title is a")
    assert mostly_tactical.verdict.startswith("The evidence points to a tactical role")


def test_no_strategic_line_is_said_in_words(ruler_nlp):
    r = reading_of(ruler_nlp, [("Run the support queues.", "contact_centre")] * 4)
    assert "none of the 4 requirements is strategic" in assess(r, PRIOR).red_flags
    r = reading_of(ruler_nlp, [("Set the strategy.", "strategic")] + [("Run the queues.", "contact_centre")] * 5)
    assert "only 1 of 6 requirements are strategic" in assess(r, PRIOR).red_flags


def test_missing_signals_become_questions(ruler_nlp):
    r = reading_of(ruler_nlp, [("Set the customer strategy.", "strategic")])
    missing = {m.signal: m for m in assess(r, PRIOR).missing}
    assert set(missing) == {"reporting line", "executive seat", "authority", "accountability"}
    assert all("?" in m.question and re.search(r"\(0\d\d", m.question) for m in missing.values())
    full = reading_of(ruler_nlp, [
        ("Reports to the CEO and is a member of the executive team.", "context"),
        ("Owns a budget of $5M.", "context"), ("Own NPS.", "strategic")])
    assert assess(full, PRIOR).missing == []


@pytest.mark.parametrize("label, text, rewrite_word, belongs_word", [
    ("contact_centre", "Handle customer escalations.", "escalation process", "head of support"),
    ("contact_centre", "Lead the 24/7 phone and chat team.", "service standards", "round-the-clock"),
    ("sales", "Carry the renewal quota.", "retention", "account management"),
    ("sales", "Prospect, pitch and close new deals.", "customer's voice", "sales executive"),
    ("cost_cutting", "Reduce average handle time by 30 seconds.", "quality of resolution", "operations"),
    ("cost_cutting", "Deflect 40% of contacts to self-service.", "effort", "digital"),
])
def test_suggestions_for_each_tactical_kind(label, text, rewrite_word, belongs_word):
    s = suggest(label, text)
    assert s is not None and "001" in s.reason
    assert rewrite_word in s.rewrite
    assert belongs_word in s.belongs_to


def test_no_suggestion_for_strategic_or_context_lines():
    assert suggest("strategic", "Set the vision.") is None
    assert suggest("context", "We are a bank.") is None


@pytest.mark.parametrize("text, expected", [
    ("Reports to the VP of Operations, who reports to the CEO.", "below"),
    ("The CEO reports to the board; this role reports to the CFO.", "below"),
    ("This director-level role reports to the CEO.", "top"),
])
def test_someone_elses_reporting_line_is_not_the_roles(ruler_nlp, text, expected):
    assert reading_of(ruler_nlp, [(text, "context")]).reports == expected


@pytest.mark.parametrize("text", [
    "Never a dull day: you will sit on the executive team.",
    "No relocation needed and you will be a member of the executive leadership team.",
])
def test_a_negation_in_another_clause_does_not_negate_the_seat(ruler_nlp, text):
    assert reading_of(ruler_nlp, [(text, "context")]).seat == "member"


def test_company_lines_carry_no_signals(ruler_nlp):
    from cco_jobs.posting import Line, Posting

    posting = Posting(lines=[
        Line(n=1, text="Our CEO sits on the executive team of the parent group and reports to the board.",
             section="about_company"),
        Line(n=2, text="We manage a $300M budget for our clients.", section="about_company")],
        title="Chief Customer Officer")
    doc = ruler_nlp(posting_doc(ruler_nlp, posting))
    doc.spans["line_labels"] = [Span(doc, s.start, s.end, label="context") for s in doc.spans["lines"]]
    reading = read_signals(doc, posting.title)
    assert (reading.reports, reading.seat, reading.budget) == ("unstated", "unstated", [])


@pytest.mark.parametrize("text, reports, seat", [
    # the role as the subject, or a key-fact row: the role's own line and seat, even where an
    # unknown heading left them inside About us
    ("The CCO reports directly to the Group Chief Executive Officer and is a member of the Group "
     "Executive Committee.", "top", "member"),
    ("Reports to: Group Chief Executive Officer", "top", "unstated"),
    ("Member of: Group Executive Committee", "unstated", "member"),
    ("In this role you will report to the COO.", "below", "unstated"),
    # someone else as the subject: the company's, not the role's
    ("Our CEO sits on the executive team of the parent group and reports to the board.", "unstated", "unstated"),
    ("Our regional teams report to the COO, and our founder is a member of the board.", "unstated", "unstated"),
    # review: the title's last word names other people too; "you" in another clause
    ("Our Chief Operating Officer sits on the Group Executive Committee.", "unstated", "unstated"),
    ("Wherever you travel, our network reports to a single global CEO.", "unstated", "unstated"),
    ("The role has the CEO's full sponsorship, a seat on the executive team and a budget.", "unstated", "member"),
])
def test_the_roles_own_line_and_seat_count_in_about_us(ruler_nlp, text, reports, seat):
    r = reading_of(ruler_nlp, [(text, "context")], section="about_company")
    assert (r.reports, r.seat) == (reports, seat)


def test_the_role_is_named_by_its_acronym_whatever_decorates_the_title():
    from cco_jobs.commitment.signals import _title_names

    assert _title_names("Chief Customer Officer") == {"cco"}
    assert _title_names("Chief Customer Officer (m/f/d)") == {"cco"}
    assert _title_names("Chief Customer Officer - EMEA") == {"cco"}
    assert _title_names("Directeur de la Relation Client (H/F)") == {"drc"}
    assert _title_names("Director of Customer Experience at Acme") == {"dce"}
    assert _title_names(None) == frozenset()


@pytest.mark.parametrize("title, level", [
    ("Customer Success Manager - Cairo", "manager"),
    ("Director of Customer Support, Cisco Webex", "director"),
    ("Chief Commercial Officer (CCO)", "c_other"),
    ("CCO", "c_customer"),
])
def test_title_words_that_only_look_like_acronyms(title, level):
    assert title_level(title)[0] == level


def test_score_model_fits_saves_and_reloads_with_the_same_scores(ruler_nlp, tmp_path):
    """The trainable part of the score: fit on two postings, save in a pipeline, reload."""
    from cco_jobs.pipeline.scorer import CommitmentScorer
    from cco_jobs.training.commitment_fit import fit_score_model

    strong = reading_of(ruler_nlp, [("Reports to the CEO.", "context"), ("Set the strategy.", "strategic"),
                                    ("Own NPS and retention.", "strategic")])
    weak = reading_of(ruler_nlp, [("Reports to the COO.", "context"), ("Run the queues.", "contact_centre"),
                                  ("Hit the quota.", "sales")])
    model = fit_score_model([strong, weak], [5, 1])
    assert assess(strong, model).score > assess(weak, model).score
    scorer = CommitmentScorer(ruler_nlp, model=model)
    scorer.to_disk(tmp_path / "scorer")
    reloaded = CommitmentScorer(ruler_nlp).from_disk(tmp_path / "scorer")
    for reading in (strong, weak):
        assert assess(reading, reloaded.model).score == assess(reading, model).score
    assert reloaded.model.reference == model.reference


@pytest.mark.parametrize("text, reports, seat", [
    ("Help the CFO with monthly reporting to the Board on claims trends.", "unstated", "unstated"),
    ("Prepare quarterly reports to the board and the regulator.", "unstated", "unstated"),
    ("Own budgeting, forecasting and reporting to the Board.", "unstated", "unstated"),
    ("You will be reporting to the CEO.", "top", "unstated"),
    ("The post holder will report to the Board of Trustees.", "top", "member"),
])
def test_reporting_as_a_noun_is_not_the_roles_line(ruler_nlp, text, reports, seat):
    """The reports the holder writes are not the line the role reports on (002, 004)."""
    r = reading_of(ruler_nlp, [(text, "context")])
    assert (r.reports, r.seat) == (reports, seat)


@pytest.mark.parametrize("text, size", [
    ("Founded in 1990, we are a cooperative of 2,000 people across the region.", None),
    ("Meridale is a consultancy of 480 people advising water companies.", None),
    ("Company size: 201-500 employees", None),
    ("We look after 3.4 million members in four states.", None),
    ("Coach your six team leads and their advisers.", None),
    ("Ten years' experience leading organisations of 300+ people.", None),
    ("You will lead a team of 35 advisers in Leeds.", "team of 35"),
    ("You will head an organisation of 220.", "organisation of 220"),
    ("Around 300 people report to you across three sites.", "300 people"),
    ("Team size: 85", "Team size: 85"),
    ("Direct reports: 5 (two directors, three managers)", "Direct reports: 5"),
])
def test_team_size_is_the_roles_own_team(ruler_nlp, text, size):
    """A team size names the role's team (002), not the company's or its customers' size."""
    r = reading_of(ruler_nlp, [(text, "context")])
    assert [e.words for e in r.headcount] == ([size] if size else [])


@pytest.mark.parametrize("text, personal", [
    ("Hands-on knowledge of Genesys and Salesforce Service Cloud.", False),
    ("Automate billing queries so that fewer advisers are needed on the phones.", False),
    ("Make sure agents answer calls within 20 seconds.", False),
    ("Five years handling escalated complaints in a regulated business.", False),
    ("Expect to take calls yourself at peak times.", True),
    ("Be on the phones every Monday morning.", True),
    ("Work the queue yourself when volumes spike.", True),
    ("Cover the weekend rota twice a month.", True),
])
def test_tactical_work_done_personally_is_the_holders_own(ruler_nlp, text, personal):
    """001's balance: the holder doing the work, not a tool skill or other people's work."""
    assert bool(reading_of(ruler_nlp, [(text, "contact_centre")]).personal) is personal


@pytest.mark.parametrize("text, metrics", [
    ("Own the QA scorecard and agent calibration sessions.", []),
    ("Hit the contact-centre KPIs: service level, AHT and abandonment.", []),
    ("Cut staff churn and improve colleague retention.", []),
    ("Own NPS and customer effort and report them to the board.", ["NPS", "customer effort"]),
    ("Introduce client measures, including a loyalty survey, and report them to the board twice a year.",
     ["client measures", "loyalty survey"]),
    ("Publish a monthly customer dashboard for the executive team.", ["dashboard"]),
])
def test_accountability_is_customer_outcomes_not_queue_kpis(ruler_nlp, text, metrics):
    """Accountability is named CX outcomes and metrics (000, 003, 004), not queue KPIs (001)."""
    assert [e.words for e in reading_of(ruler_nlp, [(text, "strategic")]).metrics] == metrics


@pytest.mark.parametrize("title, level", [
    ("Chef de l’expérience client", "c_customer"),
    ("CHEFFE DE LA CLIENTÈLE", "c_customer"),
    ("Chef de la direction financière", "c_other"),
    ("Directrice de l'expérience client", "director"),
    ("Vice-présidente, Expérience membre", "vp"),
    ("Responsable du service client", "manager"),
])
def test_french_titles(title, level):
    assert title_level(title)[0] == level


@pytest.mark.parametrize("title, level", [
    ("Managing Director, Customer", "evp_svp"), ("Managing Director – Customer & Digital", "evp_svp"),
    # the chief executive's own title, and a group's director, are not a division's head
    ("Managing Director", "director"), ("Group Customer Director", "director"),
    # the managing director someone works for, or a company's own chief executive
    ("Executive Assistant to the Managing Director, Customer Services", "director"),
    ("Managing Director of Brindle Homes", "director"),
])
def test_a_divisions_managing_director_ranks_with_an_evp(title, level):
    assert title_level(title)[0] == level


@pytest.mark.parametrize("text, reports, seat", [
    ("Relevant de la présidente et cheffe de la direction, vous siégez au comité de direction.", "top", "member"),
    ("Rattaché(e) au directeur général, le titulaire siège au comité de direction.", "top", "member"),
    ("Sous la responsabilité de la vice-présidente Opérations, vous êtes membre du comité exécutif.",
     "below", "member"),
    ("Rattaché(e) au Président, vous êtes membre du COMEX.", "top", "member"),
    ("Membre du CODIR, vous reportez directement au Directeur Général.", "top", "member"),
    ("Rattaché(e) à l'Administrateur Délégué, vous siégez au comité de direction.", "top", "member"),
    ("Rattaché hiérarchiquement au Directeur Général.", "top", "unstated"),
    # the chief executive's deputy: "Directeur Général Adjoint", "DG délégué"
    ("Rattaché au Directeur Général Adjoint en charge des Clients.", "deputy", "unstated"),
    ("Sous la responsabilité du Directeur Général Délégué.", "deputy", "unstated"),
    # key-fact rows and inclusive spellings of French boards
    ("Rattachement hiérarchique : Directeur Général du Groupe", "top", "unstated"),
    ("Rattachement fonctionnel : Comité Exécutif", "unstated", "unstated"),
    ("Membre de la Direction générale, vous êtes rattaché·e au CEO.", "top", "member"),
    ("En tant que Chief Customer Officer, vous rapportez directement au CEO et faites partie du Management "
     "Committee.", "top", "member"),
])
def test_french_reporting_line_and_seat(ruler_nlp, text, reports, seat):
    r = reading_of(ruler_nlp, [(text, "context")])
    assert (r.reports, r.seat) == (reports, seat)


def test_french_teams_report_in(ruler_nlp):
    """French functions and team size (002); "nous sommes 900" is the company's size."""
    r = reading_of(ruler_nlp, [
        ("Les équipes Plaintes et Service aux membres (240 personnes) relèvent du poste.", "context"),
        ("Vous dirigerez une équipe de 30 personnes.", "context"),
        ("Nous sommes 900 personnes au Québec.", "context")])
    assert [e.words for e in r.functions_in] == ["relèvent du poste"]
    assert [e.words for e in r.headcount] == ["240 personnes", "équipe de 30"]


@pytest.mark.parametrize("body, label, reading", [
    ("5 people ", "strategic", lambda r: r.headcount == []),
    ("Lead a team of 5 ", "strategic", lambda r: len(r.headcount) == 300),
    ("Improve nps scorecard ", "strategic", lambda r: len(r.metrics) == 600),
    ("reporting to the CEO ", "context", lambda r: r.reports == "top"),
    ("Take calls on the phones ", "contact_centre", lambda r: len(r.personal) == 600),
])
def test_a_long_line_is_folded_once_and_read_a_window_at_a_time(ruler_nlp, monkeypatch, body, label, reading):
    """A scraped posting can be one long line: each match reads a window of it, not the
    line from its start (the work grew with the square of the line's length)."""
    from cco_jobs.commitment import signals, wording

    calls, real_fold = [], wording.fold

    def counting_fold(text):
        calls.append(text)
        return real_fold(text)

    monkeypatch.setattr(wording, "fold", counting_fold)
    monkeypatch.setattr(signals, "fold", counting_fold)
    text = (body * 300).strip()
    r = reading_of(ruler_nlp, [(text, label)])
    assert reading(r)
    assert len(calls) < 2 * len(ruler_nlp.make_doc(text))  # each word once (and the title)
    line = wording.LineWords(ruler_nlp.make_doc(text)[:])
    assert len(line.sentence_before(len(line.words) - 1)) == wording.WINDOW
    assert len(line.sentence_before(3)) == 3


@pytest.mark.parametrize("text, size", [
    ("Lead all 85 advisers in the Glasgow and Cardiff centres.", ["85 advisers"]),
    ("As director you will oversee all 60 colleagues in claims.", ["60 colleagues"]),
    ("Manage the culture across all 3,000 employees.", []),  # the whole company, not the team
    ("Across the next three years you will build and lead a team of 45.", ["team of 45"]),
    ("Twelve years leading contact centres of 400 people.", []),  # a past job
    ("You will run 25-30 people across two sites.", ["30 people"]),
    ("You will lead a team of 8 to 10 people.", ["team of 8"]),  # one team, counted once
    ("Company size: 1,001-5,000 employees", []),
    ("Run a contact centre of 250 agents in Belfast.", ["250 agents"]),
    ("Lead a service centre helping customers with 180 agents.", ["180 agents"]),
    ("Our platform serves businesses with 2,000+ employees.", []),
    ("Head of Member Experience: 90 people across four hubs", ["90 people"]),
    ("Brightwater is a consultancy of 300 people.", []),
    ("We are a mutual of 900 people.", []),
])
def test_a_leading_verb_names_the_roles_team(ruler_nlp, text, size):
    """An explicit "lead"/"manage" before a count, or a range after one, sizes the role's
    team (002); a company size, a customer base or a past job still does not."""
    assert [e.words for e in reading_of(ruler_nlp, [(text, "context")]).headcount] == size


@pytest.mark.parametrize("text, metrics", [
    ("Own client KPIs for every channel, including the agent-led ones.", ["client KPIs"]),
    ("Own the QA scorecard and the AHT targets.", []),
    ("Own the support KPIs, including backlog and CSAT.", ["CSAT"]),
])
def test_a_queue_word_far_from_a_customer_measure_does_not_rule_it_out(ruler_nlp, text, metrics):
    """The words near a measure decide whether it is the queue's (001), not the whole line."""
    assert [e.words for e in reading_of(ruler_nlp, [(text, "strategic")]).metrics] == metrics


@pytest.mark.parametrize("text, reports", [
    ("Vous relevez du PDG et siégez au comité de direction.", "top"),
    ("Vous relèverez directement de la présidente.", "top"),
    ("Le poste relèvera directement de la présidente du conseil.", "top"),
    ("Vous relevez de la vice-présidente Opérations.", "below"),
])
def test_french_reporting_verbs_in_every_tense(ruler_nlp, text, reports):
    assert reading_of(ruler_nlp, [(text, "context")]).reports == reports


@pytest.mark.parametrize("title, level", [
    ("Chef de la direction de l'expérience client", "c_customer"),
    ("Cheffe de la direction de l’expérience membre", "c_customer"),
    ("Chef de la direction", "c_other"),  # the CEO
    ("Chef de la direction des finances", "c_other"),
])
def test_a_french_chief_of_customer_experience_is_c_customer(title, level):
    assert title_level(title)[0] == level


def test_a_reporting_line_is_read_within_its_own_line(ruler_nlp):
    """ "chef de la direction" split over two lines is not the CEO of the first line."""
    split = reading_of(ruler_nlp, [("Reports to the chef de", "context"), ("la direction des finances.", "context")])
    assert (split.reports, [e.words for e in split.reports_evidence]) == ("below", ["Reports to the chef"])
    assert reading_of(ruler_nlp, [("Reports to the chef de la direction.", "context")]).reports == "top"


@pytest.mark.parametrize("text, personal", [
    ("Set the tone by joining your advisers on the phones every Friday.", True),
    ("Plan the rota so that fewer advisers are on the phones at night.", False),
    ("Make sure your team is on the phones by 8am.", False),
])
def test_joining_the_team_on_the_phones_is_the_holders_own_work(ruler_nlp, text, personal):
    """001's balance: the holder on the phones with the team, not the team without them."""
    assert bool(reading_of(ruler_nlp, [(text, "contact_centre")]).personal) is personal


def test_a_diluted_posting_with_nothing_against_it_is_told_what_it_leaves_unsaid(shipped_nlp):
    """The verdict of a middling C-level posting no signal undercuts names what is unsaid,
    never "few of the signals" while its signals table lists several."""
    from cco_jobs import analyse

    report = analyse("Chief Customer Officer\nResponsibilities\n- Set the customer strategy for the company.\n"
                     "- Build the voice of the customer programme.\n- Map customer journeys and lead their redesign.\n"
                     "- Coach and develop the team.\n- Excellent communication skills.\n", nlp=shipped_nlp)
    c = report.commitment
    assert c.band == "diluted C-level role" and not c.red_flags
    assert c.verdict.startswith("A mixed picture: nothing undercuts the C-level pitch, but ")
    assert "no reporting line is stated" in c.verdict and "few of the signals" not in c.verdict


def test_one_or_two_requirement_lines_are_too_few_for_a_tactical_share_flag(shipped_nlp):
    from cco_jobs import analyse

    one = analyse("Chief Customer Officer job description template\n\nUse this template to hire a CCO.\n\n"
                  "Responsibilities\n- Oversee the customer service centre and its queues.\n", nlp=shipped_nlp)
    assert not any("requirements are tactical" in flag for flag in one.commitment.red_flags)
    three = analyse("Chief Customer Officer\n\nResponsibilities\n- Oversee the customer service centre and its queues.\n"
                    "- Handle escalated complaints personally.\n- Schedule the agents' shifts and breaks.\n"
                    "- Set the customer strategy.\n", nlp=shipped_nlp)
    assert any("requirements are tactical" in flag for flag in three.commitment.red_flags)


def test_the_accountability_summary_counts_each_metric_once_and_names_them(shipped_nlp):
    from cco_jobs import analyse

    report = analyse("Chief Customer Officer\nResponsibilities\n- Own NPS and retention for the company.\n"
                     "- Report retention and churn to the board each quarter.\n- Set the customer strategy.\n",
                     nlp=shipped_nlp)
    summary = next(s.summary for s in report.commitment.signals if s.name == "accountability")
    assert summary.startswith("3 named customer metrics in the requirements (")
    assert summary.count("retention") == 1 and "nps" in summary and "churn" in summary


def test_joining_the_executive_team_is_a_seat_on_it(shipped_nlp):
    from cco_jobs import analyse

    report = analyse("Chief Customer Officer\nYou will join the executive leadership team and set the customer "
                     "strategy.\nResponsibilities\n- Own the customer strategy.\n", nlp=shipped_nlp)
    seat = next(s for s in report.commitment.signals if s.name == "executive seat")
    assert seat.value == "member" and "join the executive leadership team" in seat.evidence[0].words


def test_the_candidates_past_is_not_the_roles_authority(shipped_nlp):
    """A team, budget or board the candidate has had (qualifications) is not this role's;
    the same words among the duties are."""
    from cco_jobs import analyse

    past = analyse("Chief Customer Officer\n\nQualifications\n- Has led a customer organisation of 200 people.\n"
                   "- Has managed a budget of $20M.\n- Experience presenting to a board.\n\nResponsibilities\n"
                   "- Set the customer strategy.\n", nlp=shipped_nlp)
    signals = {s.name: s for s in past.commitment.signals}
    assert signals["authority"].value == "unstated" and not signals["authority"].evidence
    assert signals["executive seat"].value == "unstated"
    duties = analyse("Chief Customer Officer\n\nResponsibilities\n- Lead a customer organisation of 200 people.\n"
                     "- Own a budget of $20M.\n- Set the customer strategy.\n", nlp=shipped_nlp)
    authority = next(s for s in duties.commitment.signals if s.name == "authority")
    assert authority.value == "named" and {e.n for e in authority.evidence} == {3, 4}


@pytest.mark.parametrize("line", ["TBC: own a budget of £X million.", "Own the [budget] for customer experience.",
                                  "Deliver savings of 4% across the customer service budget by cutting headcount."])
def test_a_placeholder_or_a_budget_to_cut_names_no_budget(shipped_nlp, line):
    from cco_jobs import analyse

    report = analyse(f"Chief Customer Officer\n\nResponsibilities\n- {line}\n- Set the customer strategy.\n",
                     nlp=shipped_nlp)
    authority = next(s for s in report.commitment.signals if s.name == "authority")
    assert authority.value == "unstated" and not authority.evidence
    owned = analyse("Chief Customer Officer\n\nResponsibilities\n- Own a budget of £12 million.\n"
                    "- Set the customer strategy.\n", nlp=shipped_nlp)
    assert next(s for s in owned.commitment.signals if s.name == "authority").evidence


def test_a_line_that_opens_with_the_reporting_line_outweighs_one_met_in_a_paragraph(ruler_nlp):
    lines = [("Reports to: Director of Customer Operations", "context"),
             ("The post holder is responsible for complaints reporting to the Executive Team and the Board.",
              "strategic")]
    assert reading_of(ruler_nlp, lines).reports == "below"
    # without the field, the paragraph's mention is all there is, and it is read as before
    assert reading_of(ruler_nlp, lines[1:]).reports == "top"
    # a duty in the imperative opens its line but states no reporting line, and the
    # role's own direct reports are not its line either
    prose = [("As Chief Customer Officer you will report to the CEO and sit on the executive team.", "strategic"),
             ("Report to the COO monthly on complaint volumes.", "contact_centre"),
             ("Reporting to you: Head of Service, Head of Insight", "context")]
    reading = reading_of(ruler_nlp, prose)
    assert reading.reports == "top"
    assert not any("Head of Service" in e.words for e in reading.reports_evidence)


@pytest.mark.parametrize("text, reports", [
    ("Reporting to the Chief Experience Officer will be the Patient Access Center and Patient Relations.", "unstated"),
    ("Reporting to the CCO are four directors and the insight team.", "unstated"),
    ("Reporting to the CEO, you will lead customer strategy.", "top"),
    ("Reporting to the CEO you will lead customer strategy.", "top"),
    ("Reporting to the COO.", "below"),
    ("Reporting line is to the CEO.", "top"),
    ("Reporting lines are into the COO.", "below"),
    ("Reporting to the CEO the successful candidate will lead the customer function.", "top"),
    ("Reporting to the Managing Director the Head of Customer Service will be accountable for service.", "top"),
    ("Reporting directly to the Group CEO this is a newly created role.", "top"),
])
def test_teams_reporting_to_the_role_are_not_its_reporting_line(ruler_nlp, text, reports):
    assert reading_of(ruler_nlp, [(text, "context")]).reports == reports


@pytest.mark.parametrize("text", [
    "You would not manage teams directly; instead you advise each portfolio company's CEO.",
    "There is no team to manage and no direct reports.",
    "You'll influence, not run.",
    "You will shape decisions through influence rather than authority.",
])
def test_a_role_without_a_team_is_advisory(ruler_nlp, text):
    assert reading_of(ruler_nlp, [(text, "strategic")]).advisory


@pytest.mark.parametrize("text", [
    "Candidates who cannot lead people will not succeed here.",
    "You will influence not only the customer function but the whole company.",
    "Use insight to influence, not just to report.",
    "You will lead change through influence as well as through line authority.",
])
def test_influence_and_leading_people_are_not_advisory_in_themselves(ruler_nlp, text):
    assert not reading_of(ruler_nlp, [(text, "strategic")]).advisory


@pytest.mark.parametrize("text", [
    "This is not an advisory role. The incumbent will hold decision rights over customer changes.",
    "It is far more than an advisory role: the service directors report to you.",
    "The remit goes beyond a coordinating role.",
])
def test_an_advisory_wording_the_posting_denies_is_not_advisory(ruler_nlp, text):
    # r02 (held out): "This is not an advisory role" had been read as the advisory shape
    assert not reading_of(ruler_nlp, [(text, "context")]).advisory


@pytest.mark.parametrize("text, teams", [
    ("Direct reports: Head of Customer Journeys & Design; Head of Voice of Customer & Analytics", True),
    ("Direct reports | Customer Service Manager, Customer Insight Lead, Account Care Team Lead", True),
    ("Direct reports: none", False),
])
def test_a_key_fact_row_naming_direct_reports_is_teams_reporting_in(ruler_nlp, text, teams):
    assert bool(reading_of(ruler_nlp, [(text, "context")]).functions_in) is teams


@pytest.mark.parametrize("text, reports", [
    ("- Report to the founders every month on what customers are saying.", "unstated"),
    ("Report to the Board quarterly on complaint trends.", "unstated"),
    ("Report to: Chief Executive Officer", "top"),
    ("Report to the CEO.", "top"),
])
def test_an_imperative_reporting_duty_is_not_the_roles_line(ruler_nlp, text, reports):
    assert reading_of(ruler_nlp, [(text, "strategic")]).reports == reports


@pytest.mark.parametrize("text, reports, seat", [
    # a bare COMEX or CODIR after "au", "du" is the audience of the role's work, not a seat
    ("Présenter les résultats au COMEX chaque trimestre.", "unstated", "unstated"),
    ("Préparer les supports du CODIR.", "unstated", "unstated"),
    ("Vous siégez au COMEX.", "unstated", "member"),
    ("Vous serez invité au COMEX une fois par mois.", "unstated", "partial"),
    ("Vous n'êtes pas membre du CODIR.", "unstated", "negated"),
    # French duties in the infinitive, and "se rapportant à" (relating to), state no line
    ("- Reporter à la Direction Générale l'état d'avancement du plan.", "unstated", "unstated"),
    ("Préparer les dossiers se rapportant à la Direction Générale.", "unstated", "unstated"),
    # a functional (dotted) line is not the line; the solid one before it is
    ("Rattaché fonctionnellement au Directeur Général.", "unstated", "unstated"),
    ("Rattaché hiérarchiquement au Directeur Commercial et fonctionnellement au Directeur Général.", "below",
     "unstated"),
    ("Rattachement hiérarchique : Directeur Commercial | Rattachement fonctionnel : Directeur Général", "below",
     "unstated"),
    ("Rattaché au DG adjoint.", "deputy", "unstated"),
    ("Rattaché hiérarchiquement et fonctionnellement au Directeur Général.", "top", "unstated"),
    # a chief executive's title followed by a unit is that unit's head (a federal branch's
    # director general, a bank division's managing director); followed by a name, the CEO
    ("Le directeur relève du directeur général, Prestation des services à la clientèle.", "below", "unstated"),
    ("Reporting to the Managing Director, Retail Operations, you will lead the centres.", "below", "unstated"),
    ("Rattaché au Directeur Général, Marc Dupont.", "top", "unstated"),
    ("Reports to: Managing Director, Executive Team", "top", "unstated"),
    # review: the board or other chiefs after the comma are no unit
    ("Reports to: Chief Executive, Group Board", "top", "unstated"),
    ("Reports to the Managing Director, Operations Director and Board.", "top", "unstated"),
    ("Rattaché(e) au Directeur Général, vous êtes responsable de la performance.", "top", "unstated"),
    # the dotted line first: the solid one comes after "et hiérarchiquement"
    ("Rattaché fonctionnellement au DG et hiérarchiquement au Directeur Commercial.", "below", "unstated"),
    ("Rattachée fonctionnellement à la Directrice Générale et hiérarchiquement au DAF.", "below", "unstated"),
    ("Rattaché fonctionnellement au Directeur Commercial et hiérarchiquement au Président.", "top", "unstated"),
    ("Vous reportez au DRH.", "below", "unstated"),
    # a reporting duty names how often or on what right after whom; these state the line
    ("Report to the CEO and sit on the Executive Committee.", "top", "member"),
    ("Report directly to the Group CEO, based on site in Leeds.", "top", "unstated"),
    ("Report to the CEO with a focus on customer outcomes", "top", "unstated"),
    ("1. Report to the founders every month on what customers are saying.", "unstated", "unstated"),
    ("Report to the Board quarterly on complaint trends.", "unstated", "unstated"),
])
def test_french_seats_and_reporting_duties_found_in_review(ruler_nlp, text, reports, seat):
    r = reading_of(ruler_nlp, [(text, "strategic")])
    assert (r.reports, r.seat) == (reports, seat)


@pytest.mark.parametrize("text", [
    "Operating with no line authority in an advisory capacity, you will shape decisions.",
    "You will lead without authority in an advisory role.",
    "The CCO has no P&L and no team in a coordinating role.",
])
def test_a_negation_of_something_else_leaves_the_advisory_reading(ruler_nlp, text):
    assert reading_of(ruler_nlp, [(text, "context")]).advisory


@pytest.mark.parametrize("text, reports, seat", [
    # second review: seat words a few words before "au"/"du"; Quebec "se rapporter à"; French
    # infinitives with no object; English duties to a recipient with a longer name
    ("Vous siégerez au sein du COMEX.", "unstated", "member"),
    ("Vous siégez également au CODIR.", "unstated", "member"),
    ("Vous serez membre permanent du COMEX.", "unstated", "member"),
    ("Vous êtes invité permanent au COMEX.", "unstated", "partial"),
    ("You will present to the COMEX every month.", "unstated", "unstated"),
    ("Le titulaire du poste se rapporte au président et chef de la direction.", "top", "unstated"),
    ("Se rapportant à la vice-présidente principale, Opérations, vous dirigez le service.", "below", "unstated"),
    ("Vous devrez reporter au Président.", "top", "unstated"),
    ("Reporter directement au Président, vous pilotez l'expérience client.", "top", "unstated"),
    ("Report to the Board of Directors quarterly on customer experience performance.", "unstated", "unstated"),
    ("Report to the Chief Executive Officer monthly on churn and NPS.", "unstated", "unstated"),
    ("Report to the CEO, monthly, on NPS.", "unstated", "unstated"),
    ("Report to the CEO and the Board on progress.", "unstated", "unstated"),
    # French negation needs "ne ... pas" in the clause ("et" ends it)
    ("Vous n'hésitez pas à challenger et vous êtes membre du COMEX.", "unstated", "member"),
    ("Vous ne comptez pas vos efforts et rapportez directement au PDG.", "top", "unstated"),
])
def test_readings_found_in_the_second_review(ruler_nlp, text, reports, seat):
    r = reading_of(ruler_nlp, [(text, "strategic")])
    assert (r.reports, r.seat) == (reports, seat)


@pytest.mark.parametrize("text", [
    "This is not a consulting or advisory role.",
    "You will not be in an advisory capacity.",
])
def test_a_denied_advisory_wording_with_words_between(ruler_nlp, text):
    assert not reading_of(ruler_nlp, [(text, "context")]).advisory


def test_the_candidates_ability_to_lead_by_influence_is_not_the_roles_authority(ruler_nlp):
    assert not reading_of(ruler_nlp, [("You'll influence, not run.", "neutral")], section="qualifications").advisory


@pytest.mark.parametrize("title, level", [
    ("Analyst, Office of the CCO", "manager"),
    ("Senior Manager, Office of the Chief Experience Officer", "manager"),
    ("Chief of Staff, Office of the Chief Customer Officer", "unknown"),
    ("Chargée de mission auprès de la Directrice de l'expérience client", "unknown"),
    ("Chief Customer Officer, Office of the CEO", "c_customer"),
])
def test_the_office_a_job_serves_is_not_its_level(title, level):
    assert title_level(title)[0] == level


def test_a_strategic_mandate_also_counts_as_a_c_level_customer_titles_mandate(ruler_nlp):
    from cco_jobs.commitment import feature_values

    lines = [("Set the customer strategy with the executive team.", "strategic"),
             ("Build a customer-centric culture across every function.", "strategic"),
             ("Run the contact centre rota.", "contact_centre")]
    chief = feature_values(reading_of(ruler_nlp, lines, title="Chief Customer Officer"))
    head = feature_values(reading_of(ruler_nlp, lines, title="Head of Customer Insight"))
    assert chief["strategic_share"] == head["strategic_share"] > 0.4
    assert chief["c_title_strategic_share"] == chief["strategic_share"]
    assert head["c_title_strategic_share"] == 0.0


@pytest.mark.parametrize("title, level", [
    ("Mitglied des Vorstands – Kunden (m/w/d)", "c_customer"),
    ("Member of the Management Board – Customers (m/f/d)", "c_customer"),
    ("Member of the Management Board (m/f/d)", "unknown"),  # the department is not named
    ("Vorstand Kunden (m/w/d)", "c_customer"),
    ("Vorstand Finanzen (CFO) (m/w/d) für unseren Kunden", "c_other"),  # a search firm's client
    ("Member of the Executive Board – Finance, for our client", "unknown"),
])
def test_a_management_board_member_for_customers_is_a_c_level_customer_title(title, level):
    assert title_level(title)[0] == level


def test_a_management_board_member_answers_at_the_top_when_no_line_is_stated(ruler_nlp):
    board = [("As a member of the Management Board you are responsible, together with the CEO and the CFO, "
              "for the strategic development of the company.", "strategic")]
    reading = reading_of(ruler_nlp, board)
    assert reading.seat == "member" and reading.reports == "top"
    # a stated line wins, and an executive team's seat implies no reporting line
    stated = reading_of(ruler_nlp, board + [("Reports to: Chief Operating Officer", "context")])
    assert stated.reports == "below"
    team = reading_of(ruler_nlp, [("You will be a member of the executive leadership team.", "strategic")])
    assert team.seat == "member" and team.reports == "unstated"



def test_one_tactical_line_never_raises_a_c_level_score(shipped_nlp):
    def score(lines):
        posting = Posting(lines=[Line(n=i + 1, text=t, section=sec) for i, (t, sec) in enumerate(lines)],
                          title="Chief Customer Officer")
        return shipped_nlp(posting_doc(shipped_nlp, posting)).user_data["cco_commitment"].score

    bare = [("Chief Customer Officer", "header"), ("Reports to: CEO", "header")]
    assert score(bare + [("Answer customer calls and emails every day.", "responsibilities")]) <= score(bare)


@pytest.mark.parametrize("text, reports", [
    ("Reports to: Group Chief Executive Officer", "top"),
    ("Relevant du vice-président principal, Opérations / Reporting to the SVP, Operations.", "below"),
])
def test_a_line_stating_the_reporting_line_counts_even_under_the_requirements(ruler_nlp, text, reports):
    # a key-facts line or a closing sentence that a page sets among the requirements is
    # still the role's line; "experience reporting to a board" there is the candidate's
    reading = reading_of(ruler_nlp, [(text, "context"), ("Experience reporting to a board.", "neutral")],
                         title="Director of Customer Experience", section="qualifications")
    assert reading.reports == reports
    assert all("board" not in e.words for e in reading.reports_evidence)


@pytest.mark.parametrize("text, seat", [
    ("Take the top complaint themes to the Executive Committee every quarter.", "unstated"),
    ("Build the CX dashboards for the Executive Committee.", "unstated"),
    ("Get the roadmap approved by the executive committee.", "unstated"),
    ("This is a new position on the Executive Board, reporting to the CEO.", "member"),
    ("The CCO is a new member of the Agency's Executive Committee.", "member"),
])
def test_work_presented_to_the_executive_committee_is_no_seat_on_it(ruler_nlp, text, seat):
    assert reading_of(ruler_nlp, [(text, "strategic")], title="Head of Customer Insight").seat == seat


@pytest.mark.parametrize("title, level", [
    ("Deputy to the CCO", "evp_svp"),  # the chief's deputy, the rank below the C-level (001)
    ("Deputy to the CFO", "unknown"),
    ("General Manager, Customer Success", "director"),
    ("GM Customer Operations", "director"),
    ("Customer Service Manager", "manager"),
])
def test_a_chiefs_deputy_and_a_general_manager_read_their_rank(title, level):
    assert title_level(title)[0] == level

