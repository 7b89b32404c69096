"""The spaCy components: cue ruler, line classifier, signal ruler, scorer; save and reload."""
from __future__ import annotations

import numpy as np
import pytest
import spacy

from cco_jobs.errors import ModelError
from cco_jobs.pipeline.doc import posting_doc
from cco_jobs.posting import Line, Posting


def _posting(*texts, section="responsibilities", chrome=()):
    return Posting(lines=[Line(n=i + 1, text=t, section=section, chrome=(i in chrome))
                          for i, t in enumerate(texts)], title="Chief Customer Officer")


def test_posting_doc_makes_one_span_per_line_with_collapsed_whitespace():
    nlp = spacy.blank("en")
    doc = posting_doc(nlp, _posting("Set  the\tvision.", "Handle escalations."))
    lines = doc.spans["lines"]
    assert [s.text for s in lines] == ["Set the vision.", "Handle escalations."]
    assert lines.attrs["n"] == [1, 2]
    assert [s.label_ for s in lines] == ["responsibilities", "responsibilities"]
    assert "\t" not in doc.text and "  " not in doc.text


def test_cue_ruler_prefers_the_longest_phrase():
    from cco_jobs import pipeline  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("cco_jobs_cue_ruler")
    doc = nlp(posting_doc(nlp, _posting("Run the Contact Centre and its queues.")))
    cues = [(c.text, c.label_) for c in doc.spans["cues"]]
    assert ("Contact Centre", "contact_centre") in cues
    assert not any(text == "Centre" for text, _ in cues)


def test_untrained_classifier_raises_a_model_error():
    from cco_jobs import pipeline  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("cco_jobs_cue_ruler")
    nlp.add_pipe("cco_jobs_line_classifier")
    with pytest.raises(ModelError):
        nlp(posting_doc(nlp, _posting("Set the vision.")))


def test_classifier_overfits_two_examples_and_survives_save_and_reload(tmp_path, tiny_nlp):
    text_strategic = "Set the customer experience vision and the milestones the board tracks."
    text_cc = "Supervise the agents on the phone and chat queues every shift."
    doc = tiny_nlp(posting_doc(tiny_nlp, _posting(text_strategic, text_cc)))
    labels = [s.label_ for s in doc.spans["line_labels"]]
    assert labels == ["strategic", "contact_centre"]
    tiny_nlp.to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    doc2 = reloaded(posting_doc(reloaded, _posting(text_strategic, text_cc)))
    assert [s.label_ for s in doc2.spans["line_labels"]] == labels
    np.testing.assert_allclose(doc2.spans["line_labels"].attrs["probs"],
                               doc.spans["line_labels"].attrs["probs"], rtol=1e-5)
    assert doc2.spans["line_labels"].attrs["cues"] == doc.spans["line_labels"].attrs["cues"]


def test_pipe_and_call_agree(tiny_nlp):
    postings = [_posting("Hit the quarterly renewal quota and close upsell deals."),
                _posting("Own the NPS and retention dashboard.", "Health insurance and a pension.")]
    one_by_one = [tiny_nlp(posting_doc(tiny_nlp, p)) for p in postings]
    piped = list(tiny_nlp.pipe(posting_doc(tiny_nlp, p) for p in postings))
    for a, b in zip(one_by_one, piped):
        assert [s.label_ for s in a.spans["line_labels"]] == [s.label_ for s in b.spans["line_labels"]]
        np.testing.assert_allclose(a.spans["line_labels"].attrs["probs"], b.spans["line_labels"].attrs["probs"],
                                   rtol=1e-6)


def test_probabilities_are_a_distribution_and_chrome_is_context(tiny_nlp):
    doc = tiny_nlp(posting_doc(tiny_nlp, _posting("Handle customer escalations.", "Sign in", chrome=(1,))))
    group = doc.spans["line_labels"]
    for row in group.attrs["probs"]:
        assert abs(sum(row) - 1) < 1e-5 and min(row) >= 0
    assert group[1].label_ == "context" and group.attrs["scores"][1] == 1.0


def test_cues_point_at_words_of_the_line(tiny_nlp):
    text = "Handle customer escalations and keep tickets inside the SLA."
    doc = tiny_nlp(posting_doc(tiny_nlp, _posting(text)))
    cues = doc.spans["line_labels"].attrs["cues"][0]
    assert cues, "a tactical line should come with the words that carry it"
    for start, end, label in cues:
        assert text[start:end].strip() == text[start:end] and text[start:end]
        assert label == "contact_centre"


def test_weights_of_the_wrong_shape_are_refused():
    from cco_jobs.pipeline.line_classifier import LineClassifier

    clf = LineClassifier(spacy.blank("en"))
    with pytest.raises(ModelError):
        clf.set_weights(["a", "b"], ["f1"], np.zeros((2, 2)), np.zeros(2))


def test_corrupt_weights_file_is_a_model_error(tmp_path, tiny_nlp):
    tiny_nlp.to_disk(tmp_path / "model")
    (tmp_path / "model" / "cco_jobs_line_classifier" / "weights.npz").write_bytes(b"not numpy")
    with pytest.raises(ModelError):
        spacy.load(tmp_path / "model")


def test_shipped_pipeline_loads_with_spacy_load_through_entry_points():
    """`spacy.load("models/cco_lines")` works in a fresh process that never imports cco_jobs."""
    import subprocess
    import sys
    from pathlib import Path

    model = Path(__file__).resolve().parents[1] / "models" / "cco_lines"
    code = ("import spacy; nlp = spacy.load(r'%s'); print(','.join(nlp.pipe_names))" % model)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ("cco_jobs_cue_ruler,cco_jobs_line_classifier,"
                                  "cco_jobs_signal_ruler,cco_jobs_commitment_scorer")


def test_duties_of_another_functions_chief_carry_no_customer_leaning(shipped_nlp):
    """A CFO's "forecast" and "negotiate" are finance, not sales (the leanings describe
    customer work); a revenue chief's targets stay sales."""
    from cco_jobs.analysis import analyse

    duties = ("Responsibilities\n- Own the annual budget, the forecast and the monthly reporting.\n"
              "- Negotiate the group's banking facilities and lead acquisitions from target to close.\n"
              "- Build the finance team and its controls.\n")
    cfo = analyse("Chief Financial Officer\n" + duties, nlp=shipped_nlp)
    assert {line.label for line in cfo.lines if line.label != "context"} == {"neutral"}
    cro = analyse("Chief Revenue Officer\nResponsibilities\n- Carry the company's new-business quota "
                  "and close the largest deals.\n- Run the sales forecast and pipeline reviews.\n",
                  nlp=shipped_nlp)
    assert "sales" in {line.label for line in cro.lines}



@pytest.mark.parametrize("title", ["Chief Nursing Officer", "Chief Supply Chain Officer",
                                   "Chief Digital & Information Officer (CDIO)", "Chief Procurement Officer"])
def test_clinical_supply_chain_and_it_chiefs_duties_carry_no_customer_leaning(shipped_nlp, title):
    """Other functions' duties are neutral (GUIDELINES.md): a hospital's nursing chief who
    "reduces agency staffing" or a supply-chain chief who "cuts cost per unit" is not
    taking cost out of customer service; a chief of the customer or a digital chief alone
    keeps the leanings."""
    from cco_jobs.analysis import analyse

    duties = ("\nResponsibilities\n- Reduce cost per unit and agency staff utilisation through productivity targets.\n"
              "- Set the long-term vision and strategy for the function and present it to the board.\n"
              "- Lead the transformation programme and its governance.\n")
    report = analyse(title + duties, nlp=shipped_nlp)
    assert {line.label for line in report.lines if line.label != "context"} == {"neutral"}
    for other in ("Chief Customer Officer", "Chief Digital Officer"):
        kept = analyse(other + duties, nlp=shipped_nlp)
        assert {line.label for line in kept.lines} - {"context", "neutral"}, other
    """"Chief People & Experience Officer" is an HR title: its engagement and culture duties
    carry no customer leaning, and the score reads another function's chief (001)."""
    from cco_jobs.analysis import analyse

    text = ("Chief People & Experience Officer\nReporting to the CEO.\nResponsibilities\n"
            "- Own the people strategy, workforce planning and organisational design.\n"
            "- Improve employee engagement and retention across warehouses and offices.\n"
            "- Build an inclusive culture where every colleague can do their best work.\n")
    report = analyse(text, nlp=shipped_nlp)
    assert {line.label for line in report.lines if line.label != "context"} == {"neutral"}
    level = next(s for s in report.commitment.signals if s.name == "level")
    assert level.value == "c_other"
    customer = analyse(text.replace("Chief People & Experience Officer", "Chief Customer Experience Officer"),
                       nlp=shipped_nlp)
    assert report.commitment.score < customer.commitment.score


def test_a_general_counsel_is_found_as_the_title_and_read_as_another_functions_chief(shipped_nlp):
    from cco_jobs.analysis import analyse

    text = ("General Counsel\nAcme Holdings · Boston, MA\n\nAbout the role\nReporting to the CEO and a member of the "
            "Executive Committee, the General Counsel sets the legal strategy for the group.\n\nResponsibilities\n"
            "- Set the legal strategy and the three-year plan, and present it to the Board.\n")
    report = analyse(text, nlp=shipped_nlp)
    assert report.title == "General Counsel"
    assert {line.label for line in report.lines if line.label != "context"} == {"neutral"}
    assert next(s for s in report.commitment.signals if s.name == "level").value == "c_other"
