"""Links fetched from a local HTTP server on 127.0.0.1 that the tests start; no other address is used."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from cco_jobs import __version__
from cco_jobs.cli import cli
from cco_jobs.cli.main import EXIT_INPUT
from cco_jobs.errors import PostingInputError
from cco_jobs.ingest import fetch, read_posting

PAGE = ("<!DOCTYPE html><html><head><title>Chief Customer Officer | Harbourline</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/jobs'>Jobs</a></nav><main><h1>Chief Customer Officer</h1>"
        "<p>Reporting to the CEO, you will own the customer strategy across the group.</p>"
        "<h2>Responsibilities</h2><ul><li>Set the three-year customer strategy with the board.</li></ul>"
        "</main></body></html>")
JOB = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Chief Customer Officer",
       "hiringOrganization": {"@type": "Organization", "name": "Harbourline Logistics"},
       "employmentType": "FULL_TIME",
       "description": "<p>Harbourline moves parcels for forty thousand small businesses across the UK.</p>"
                      "<h3>Responsibilities</h3><ul><li>Set the three-year customer strategy with the board."
                      "</li><li>Own the NPS scorecard and report it to the board every quarter.</li></ul>"}
JSONLD_PAGE = (f"<html><head><script type='application/ld+json'>{json.dumps(JOB)}</script></head>"
               "<body><nav>Home Jobs Sign in</nav><p>Apply with one click.</p></body></html>")
TEXT = "Head of Customer Support\n\nResponsibilities\n- Run the 24/7 service desk.\n"
LATIN1 = "<html><body><h1>Directeur expérience client</h1><p>Vous piloterez l’équipe.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    """The fixture site. Every request's headers are kept in ``server.seen``."""

    def do_GET(self) -> None:
        self.server.seen.append(dict(self.headers))
        path = self.path
        if path.startswith("/hop/"):  # a redirect chain: /hop/3 -> /hop/2 -> ... -> /posting.html
            left = int(path.rsplit("/", 1)[1])
            return self._send(302, b"", "text/html", {"Location": f"/hop/{left - 1}" if left else "/posting.html"})
        if path == "/slow":
            time.sleep(1.5)
            return self._send(200, PAGE.encode(), "text/html")
        if path == "/big":
            return self._send(200, b"x" * 300_000, "text/html")
        if path == "/endless":  # no Content-Length, never ends: only the size limit stops it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"<p>Chief Customer Officer</p>" * 1000)
            except OSError:
                return
        pages = {"/posting.html": (PAGE.encode(), "text/html; charset=utf-8"),
                 "/jsonld.html": (JSONLD_PAGE.encode(), "text/html"),
                 "/posting.txt": (TEXT.encode(), "text/plain; charset=utf-8"),
                 "/latin1.html": (LATIN1.encode("cp1252"), "text/html; charset=ISO-8859-1"),
                 "/logo.png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "image/png")}
        if path in pages:
            return self._send(200, *pages[path])
        if path == "/broken":
            return self._send(503, b"<h1>Service unavailable</h1>", "text/html")
        return self._send(404, b"<h1>Not found</h1>", "text/html")

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client gave up first (the slow page)
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch):
    """Proxies off, and any host name but 127.0.0.1 fails to resolve: nothing leaves the machine."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    real = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        if host not in ("127.0.0.1", b"127.0.0.1"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", server
    server.shutdown()
    server.server_close()


def failure(url: str, **kwargs) -> PostingInputError:
    with pytest.raises(PostingInputError) as info:
        if kwargs:
            fetch.fetch_url(url, kwargs.pop("max_bytes", 5_000_000), **kwargs)
        else:
            read_posting(url)
    error = info.value
    assert error.source == url and str(error).startswith(f"{url}: ") and "\n" not in str(error)
    return error


def test_page_is_fetched_with_an_honest_user_agent(site):
    base, server = site
    posting = read_posting(f"{base}/posting.html")
    assert posting.format == "html" and posting.title == "Chief Customer Officer"
    assert posting.source == f"{base}/posting.html"
    assert posting.metadata["file_type"] == "url" and posting.metadata["url"] == f"{base}/posting.html"
    assert posting.metadata["final_url"] == f"{base}/posting.html"
    assert posting.metadata["structured_data"] == "" and posting.metadata["http_status"] == "200"
    assert server.seen[-1]["User-Agent"] == f"cco-jobs/{__version__} (+job posting analysis)"
    assert {line.text: line.chrome for line in posting.lines}["Home Jobs"]


def test_page_with_json_ld_uses_its_description(site):
    base, _ = site
    posting = read_posting(f"{base}/jsonld.html")
    assert posting.metadata["structured_data"] == "json-ld" and posting.metadata["body_from"] == "description"
    assert posting.company == "Harbourline Logistics" and posting.metadata["employment_type"] == "FULL_TIME"
    texts = [line.text for line in posting.lines]
    assert texts[0] == "Chief Customer Officer" and "Apply with one click." not in texts


def test_text_and_declared_charset(site):
    base, _ = site
    text = read_posting(f"{base}/posting.txt")
    assert text.format == "text" and text.lines[-1].is_bullet
    latin = read_posting(f"{base}/latin1.html")
    assert latin.lines[0].text == "Directeur expérience client" and latin.lines[1].text == "Vous piloterez l’équipe."
    assert latin.metadata["encoding"] == "windows-1252"


def test_redirects_are_followed_and_recorded(site):
    base, _ = site
    posting = read_posting(f"{base}/hop/3")
    assert posting.metadata["url"] == f"{base}/hop/3"
    assert posting.metadata["final_url"] == f"{base}/posting.html"


def test_too_many_redirects(site):
    base, _ = site
    error = failure(f"{base}/hop/9")
    assert error.reason == "fetch" and "too many redirects" in error.message


def test_slow_response_times_out(site, monkeypatch):
    base, _ = site
    error = failure(f"{base}/slow", timeout=0.3)
    assert error.reason == "fetch" and "timed out" in error.message
    monkeypatch.setattr(fetch, "DEFAULT_TIMEOUT", 0.3)
    assert failure(f"{base}/slow").reason == "fetch"


@pytest.mark.parametrize("path, words", [("/missing", "HTTP 404 Not Found"),
                                          ("/broken", "HTTP 503 Service Unavailable")])
def test_http_errors(site, path, words):
    base, _ = site
    error = failure(base + path)
    assert error.reason == "fetch" and error.message == words


def test_binary_content_is_refused(site):
    base, _ = site
    error = failure(f"{base}/logo.png")
    assert error.reason == "fetch" and "image/png" in error.message and "not an HTML page" in error.message


def test_oversized_bodies_stop_at_the_limit(site):
    base, _ = site
    declared = failure(f"{base}/big", max_bytes=100_000)
    assert declared.reason == "too_large" and "100 kB" in declared.message
    started = time.monotonic()
    streamed = failure(f"{base}/endless", max_bytes=100_000)  # would never end if we read it all
    assert streamed.reason == "too_large" and time.monotonic() - started < 5


def test_refused_connection_and_unknown_host():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = failure(f"http://127.0.0.1:{port}/posting.html")
    assert refused.reason == "fetch" and "refused" in refused.message
    unknown = failure("https://jobs.example.invalid/cco")  # resolution fails in only_localhost
    assert unknown.reason == "fetch" and "cannot resolve the host name jobs.example.invalid" in unknown.message


def test_what_counts_as_a_link():
    assert fetch.is_url("https://jobs.example.com/cco.html") and fetch.is_url("HTTP://example.com")
    assert not fetch.is_url("https://") and not fetch.is_url("see https://example.com")
    assert not fetch.is_url("https://example.com/a b")


def test_cli_analyses_a_link(site):
    base, _ = site
    result = CliRunner().invoke(cli, ["analyse", f"{base}/jsonld.html", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["source"] == f"{base}/jsonld.html" and report["format"] == "html"
    provenance = report["provenance"]
    assert provenance["file_type"] == "url" and provenance["structured_data"] == "json-ld"
    assert provenance["final_url"] == f"{base}/jsonld.html"


def test_cli_fetch_failure_is_one_line_naming_the_url(site):
    base, _ = site
    result = CliRunner().invoke(cli, ["analyse", f"{base}/missing"])
    assert result.exit_code == EXIT_INPUT
    lines = [row for row in result.stderr.splitlines() if row.strip()]
    assert lines == [f"cco-jobs: error: {base}/missing: HTTP 404 Not Found"]
    assert result.stdout == "" and "Traceback" not in result.output


def test_importing_ingest_loads_no_optional_reader():
    code = ("import sys, cco_jobs.ingest; "
            "print(sorted(m for m in ('httpx', 'docx', 'pdfminer', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
