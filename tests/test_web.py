"""The draft checker's app through Starlette's TestClient, and ``cco-jobs serve``."""
from __future__ import annotations

import json
import sys

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

pytest.importorskip("starlette", reason="the web extra is not installed: pip install 'cco-jobs[web]'")
from starlette.testclient import TestClient

from cco_jobs.report import LABELS, SCHEMA_VERSION
from cco_jobs.web import WebExtraMissing, create_app, require_web

DRAFT = """Chief Customer Officer

Reporting to the CEO, you will sit on the executive team.

Responsibilities:
- Set the three-year customer strategy and own the NPS scorecard.
- Run the contact centre rota and handle escalated complaints personally.
- Hit the quarterly upsell quota.
"""
LIMIT = 2_000


@pytest.fixture(scope="module")
def client(shipped_nlp):
    return TestClient(create_app(shipped_nlp, max_bytes=LIMIT))


def post(client, payload, **kw):
    return client.post("/api/analyse", json=payload, **kw)


def test_page_has_the_editor_and_a_strict_policy(client):
    res = client.get("/")
    assert res.status_code == 200
    doc = BeautifulSoup(res.text, "html.parser")
    assert doc.find("textarea", id="draft") is not None
    assert doc.find("input", attrs={"type": "file"}) is not None
    root = doc.select_one(".workspace")
    assert root["data-analyse-url"] == "/api/analyse" and root["data-max-bytes"] == str(LIMIT)
    policy = res.headers["content-security-policy"]
    (script,) = doc.find_all("script")
    assert f"'nonce-{script['nonce']}'" in policy
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert res.headers["cache-control"] == "no-store"
    assert client.get("/").headers["content-security-policy"] != policy  # a fresh nonce each time


def test_analyse_returns_the_report_and_its_fragment(client):
    res = post(client, {"text": DRAFT, "format": "text"})
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("application/json")
    body = res.json()
    assert set(body) == {"report", "html"}
    report = body["report"]
    assert report["schema"] == SCHEMA_VERSION and report["source"] == "draft"
    assert 0 <= report["commitment"]["score"] <= 100
    assert {ln["label"] for ln in report["lines"]} <= set(LABELS)
    assert {"strategic", "contact_centre"} <= {ln["label"] for ln in report["lines"]}
    doc = BeautifulSoup(body["html"], "html.parser")
    article = doc.select_one("article.cco-report")
    assert article["data-score"] == str(report["commitment"]["score"])
    assert [li["data-label"] for li in doc.select("li.line")] == [ln["label"] for ln in report["lines"]]


def test_format_is_guessed_when_null(client):
    res = post(client, {"text": "<h1>Chief Customer Officer</h1><ul><li>Own the customer strategy.</li></ul>",
                        "format": None})
    assert res.status_code == 200
    assert res.json()["report"]["format"] == "html"


def test_a_draft_over_the_limit_is_refused_with_a_message(client):
    res = post(client, {"text": DRAFT + "x" * LIMIT})
    assert res.status_code == 413
    body = res.json()
    assert body["reason"] == "too_large"
    assert "accepts up to 2 kB" in body["error"] and "This draft is" in body["error"]


def test_a_body_over_the_limit_is_refused_before_it_is_read(client):
    res = client.post("/api/analyse", content=b"{" + b" " * (10 * LIMIT) + b"}",
                      headers={"content-type": "application/json"})
    assert res.status_code == 413
    assert "accepts up to 2 kB" in res.json()["error"]


def test_a_draft_at_the_limit_is_accepted(client):
    text = DRAFT + "\nAbout us: " + "word " * LIMIT
    text = text[:LIMIT]
    assert len(text.encode()) == LIMIT
    assert post(client, {"text": text, "format": "text"}).status_code == 200


@pytest.mark.parametrize("content, needle", [
    (b"not json", "Send the draft as JSON"),
    (b"\xff\xfe", "Send the draft as JSON"),
    (json.dumps(["a list"]).encode(), '"text" field'),
    (json.dumps({"draft": "wrong key"}).encode(), '"text" field'),
    (json.dumps({"text": 42}).encode(), '"text" field'),
    (json.dumps({"text": DRAFT, "format": "pdf"}).encode(), '"format" must be one of'),
])
def test_a_bad_request_says_what_to_send(client, content, needle):
    res = client.post("/api/analyse", content=content, headers={"content-type": "application/json"})
    assert res.status_code == 400
    assert res.json()["reason"] == "bad_request"
    assert needle in res.json()["error"]


@pytest.mark.parametrize("text, reason, needle", [
    ("   \n  ", "empty", "The draft is empty."),
    ("hello", "not_a_posting", "reads like a job posting"),
])
def test_a_draft_that_is_not_a_posting_yet(client, text, reason, needle):
    res = post(client, {"text": text})
    assert res.status_code == 422
    assert res.json() == {"reason": reason, "error": res.json()["error"]}
    assert needle in res.json()["error"]


def test_a_path_in_the_draft_is_never_opened(client, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Chief Customer Officer\nThe secret is 1234.\n", encoding="utf-8")
    res = post(client, {"text": str(secret)})
    if res.status_code == 200:
        assert all("1234" not in ln["text"] for ln in res.json()["report"]["lines"])
    else:
        assert res.status_code == 422


def test_hostile_draft_comes_back_as_text(client):
    text = DRAFT + '- Own <script>alert(1)</script> <img src=x onerror=alert(1)> " onmouseover="x the board scorecard.\n'
    res = post(client, {"text": text, "format": "text"})
    doc = BeautifulSoup(res.json()["html"], "html.parser")
    assert doc.find_all("script") == [] and doc.find_all("img") == []
    assert not [a for tag in doc.find_all(True) for a in tag.attrs if a.lower().startswith("on")]
    assert "<script>alert(1)</script>" in doc.get_text()


def test_drafts_are_analysed_inside_a_memory_zone(shipped_nlp, monkeypatch):
    zones = []
    original = shipped_nlp.memory_zone

    def spy(*args, **kwargs):
        zones.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(shipped_nlp, "memory_zone", spy)
    client = TestClient(create_app(shipped_nlp))
    strings = len(shipped_nlp.vocab.strings)
    res = post(client, {"text": DRAFT + "- Champion the zyxwvutsronic quuxification programme.\n"})
    assert res.status_code == 200 and zones == [1]
    assert len(shipped_nlp.vocab.strings) == strings  # the draft's new words were forgotten


def test_example_draft_analyses(shipped_nlp):
    client = TestClient(create_app(shipped_nlp))
    res = client.get("/api/example")
    assert res.status_code == 200
    example = res.json()
    assert example["format"] == "markdown" and example["text"].startswith("# Chief Customer Officer")
    assert post(client, example).status_code == 200


def test_unknown_hosts_are_refused_when_hosts_are_restricted(shipped_nlp):
    client = TestClient(create_app(shipped_nlp, allowed_hosts=["127.0.0.1", "localhost"]))
    assert client.get("/").status_code == 400  # TestClient's Host is "testserver"
    local = TestClient(create_app(shipped_nlp, allowed_hosts=["127.0.0.1"]), base_url="http://127.0.0.1")
    assert local.get("/").status_code == 200


def test_only_get_and_post_where_expected(client):
    assert client.get("/api/analyse").status_code == 405
    assert client.post("/").status_code == 405


# -- the missing extra and the command -----------------------------------------------------

def test_missing_extra_names_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    with pytest.raises(WebExtraMissing, match=r"pip install 'cco-jobs\[web\]'"):
        require_web()
    with pytest.raises(ImportError):
        create_app()


def test_serve_without_the_extra_fails_with_one_line(monkeypatch):
    from cco_jobs.cli import cli
    from cco_jobs.cli import serve as _serve  # noqa: F401  (registers the command)

    monkeypatch.setitem(sys.modules, "starlette", None)
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 1
    assert "cco-jobs[web]" in result.output and "Traceback" not in result.output


def test_serve_passes_its_options_to_the_server(monkeypatch, shipped_nlp):
    import cco_jobs.web
    from cco_jobs.cli import cli
    from cco_jobs.cli import serve as _serve  # noqa: F401

    calls = []
    monkeypatch.setattr(cco_jobs.web, "serve", lambda nlp, **kw: calls.append((nlp, kw)))
    result = CliRunner().invoke(cli, ["serve", "--port", "9123", "--max-bytes", "5000"])
    assert result.exit_code == 0, result.output
    assert calls == [(shipped_nlp, {"host": "127.0.0.1", "port": 9123, "max_bytes": 5000})]
    assert "http://127.0.0.1:9123/" in result.output

    calls.clear()
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert calls[0][1]["host"] == "0.0.0.0" and calls[0][1]["max_bytes"] == 200_000
    assert "warning" in result.output


def test_serve_help_has_an_example():
    from cco_jobs.cli import cli
    from cco_jobs.cli import serve as _serve  # noqa: F401

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "cco-jobs serve --port" in result.output and "--max-bytes" in result.output


def test_serve_runs_uvicorn_quietly_and_guards_the_host_on_loopback(shipped_nlp, monkeypatch):
    import uvicorn

    from cco_jobs.web import is_loopback, serve

    runs = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append((app, kw)))
    serve(shipped_nlp, host="127.0.0.1", port=8123, max_bytes=LIMIT)
    serve(shipped_nlp, host="0.0.0.0", port=8124)
    (local, local_kw), (open_app, _) = runs
    assert local_kw == {"host": "127.0.0.1", "port": 8123, "server_header": False, "access_log": False}
    assert TestClient(local).get("/").status_code == 400  # Host: testserver
    assert TestClient(local, base_url="http://localhost:8123").get("/").status_code == 200
    assert TestClient(open_app).get("/").status_code == 200
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_serve_in_background_answers_on_a_free_port_until_the_block_ends(shipped_nlp):
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen

    from cco_jobs.web import serve_in_background

    with serve_in_background(shipped_nlp, max_bytes=LIMIT) as url:
        assert url.startswith("http://127.0.0.1:")
        with urlopen(url + "/", timeout=10) as res:
            assert res.status == 200 and f'data-max-bytes="{LIMIT}"' in res.read().decode()
        # guarded like serve() on loopback: a name rebound to 127.0.0.1 is refused
        with pytest.raises(HTTPError) as refused:
            urlopen(Request(url + "/", headers={"Host": "attacker.example"}), timeout=10)
        assert refused.value.code == 400
    with pytest.raises(URLError):
        urlopen(url + "/", timeout=2)
