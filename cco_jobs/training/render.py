"""Render an annotated corpus posting as the raw document its ``@format`` names.

The ingestion round trip (``tests/test_ingest_roundtrip.py``) renders each corpus
posting, reads it back with :func:`cco_jobs.ingest.parse_text` and checks the lines
that come out are the annotated ones. Formats (``corpora/FORMAT.md``):

* ``html_ats``: a full applicant-tracking-system page: cookie banner, header menu,
  breadcrumbs, the posting in ``<main>``, share buttons, a similar-jobs sidebar, a
  footer menu, scripts and JSON-LD;
* ``html_plain``: a bare page of headings, paragraphs, lists and tables;
* ``markdown`` and ``text``: what people paste or save, with varied heading and list
  styles (text sometimes hard-wrapped);
* ``scraped``: run-together text as ``get_text()`` scrapers produce it: "Heading:First
  bullet", "sentence one.Sentence two", bullets glued with " • " or " - ".

Output is deterministic: every random choice is seeded by the posting id and format.
"""
from __future__ import annotations

import difflib
import hashlib
import html
import json
import random
import re
import textwrap
from collections.abc import Callable

from .corpus import AnnotatedLine, AnnotatedPosting

RENDER_FORMATS = ("html_ats", "html_plain", "markdown", "text", "scraped")
#: The file extension each rendered format would be saved under.
EXTENSIONS = {"html_ats": ".html", "html_plain": ".html", "markdown": ".md", "text": ".txt", "scraped": ".txt"}
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LIST_LIKE = re.compile(r"^(?:\d{1,2}[.)]|[-*+•#>]|\(?[a-zA-Z]\))\s")

Group = tuple[str, list[AnnotatedLine]]  # kind ("heading", "title", "bullets", "table", "para"), lines


def render(posting: AnnotatedPosting, fmt: str | None = None) -> str:
    """The raw document for ``posting`` in ``fmt`` (default: the posting's ``@format``)."""
    fmt = fmt or posting.meta.get("format", "text")
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown render format {fmt!r}; use one of {', '.join(RENDER_FORMATS)}")
    seed = int(hashlib.sha256(f"{posting.id}:{fmt}".encode()).hexdigest()[:16], 16)
    return _RENDERERS[fmt](posting, _groups(posting), random.Random(seed))


def _groups(posting: AnnotatedPosting) -> list[Group]:
    """Consecutive bullets form one list and consecutive table rows one table."""
    title = posting.meta.get("title", "").casefold()
    groups: list[Group] = []
    titled = False
    for line in posting.lines:
        if line.is_heading:
            kind = "title" if not titled and line.text.casefold() == title else "heading"
            titled = titled or kind == "title"
        elif line.is_bullet:
            kind = "bullets"
        elif " | " in line.text:
            kind = "table"
        else:
            kind = "para"
        if groups and kind == groups[-1][0] and kind in ("bullets", "table"):
            groups[-1][1].append(line)
        else:
            groups.append((kind, [line]))
    return groups


# --- HTML -------------------------------------------------------------------------

def _inline_html(text: str, rng: random.Random) -> str:
    out = html.escape(text, quote=False)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    out = _EMAIL.sub(lambda m: f'<a href="mailto:{m.group()}">{m.group()}</a>', out)
    if rng.random() < 0.3:
        out = out.replace("\u2019", "&rsquo;").replace("&amp;", "&#38;")
    return out


def _html_body(groups: list[Group], rng: random.Random, *, ats: bool) -> list[str]:
    tag = rng.choice(["h2", "h2", "h3"])
    bold_headings = not ats and rng.random() < 0.4
    out: list[str] = []
    for kind, lines in groups:
        if kind == "title":
            out.append(f'<h1 class="job-title">{_inline_html(lines[0].text, rng)}</h1>')
        elif kind == "heading":
            text = _inline_html(lines[0].text, rng)
            out.append(f"<p><strong>{text}</strong></p>" if bold_headings else f"<{tag}>{text}</{tag}>")
        elif kind == "bullets":
            wrap = ats and rng.random() < 0.3  # many ATSs put a <p> in every <li>
            cells = [_inline_html(line.text, rng) for line in lines]
            items = "".join(f"<li><p>{cell}</p></li>" if wrap else f"<li>{cell}</li>" for cell in cells)
            list_tag = "ol" if rng.random() < 0.15 else "ul"
            out.append(f"<{list_tag}>{items}</{list_tag}>")
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{_inline_html(c, rng)}</td>" for c in line.text.split(" | ")) + "</tr>\n"
                for line in lines
            )
            out.append(f'<table class="details">\n<tbody>\n{rows}</tbody>\n</table>')
        else:
            text = _inline_html(lines[0].text, rng)
            roll = rng.random()
            if roll < 0.15 and out and out[-1].startswith("<p>") and not out[-1].startswith("<p><strong>"):
                out[-1] = out[-1][:-4] + f"<br>\n{text}</p>"  # two paragraphs split by <br>
            elif roll < 0.35:
                out.append(f"<div>{text}</div>")
            else:
                out.append(f"<p>{text}</p>")
    return out


def _render_html_ats(posting: AnnotatedPosting, groups: list[Group], rng: random.Random) -> str:
    title = html.escape(posting.meta.get("title", ""))
    company = html.escape(posting.meta.get("company", ""))
    lang = "en-GB" if posting.meta.get("spelling") == "uk" else "en-US"
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "JobPosting", "title": posting.meta.get("title"),
                         "hiringOrganization": {"@type": "Organization", "name": posting.meta.get("company")}})
    head = [f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
            f"<title>{title} - {company} - Careers</title>", f'<meta property="og:title" content="{title}">',
            "<style>body{font-family:Arial,sans-serif} .cookie-banner{position:fixed}</style>"]
    if rng.random() < 0.5:
        head.append(f'<script type="application/ld+json">{jsonld}</script>')
    sep = "\n" if rng.random() < 0.8 else ""  # some ATSs minify the whole body onto one line
    body = sep.join(_html_body(groups, rng, ats=True))
    return "\n".join(head + [
        "</head>\n<body>",
        '<div id="onetrust-banner-sdk" class="cookie-banner" role="dialog" aria-label="Cookie consent">'
        "<p>We use cookies to give you the best experience and to measure how our site is used.</p>"
        "<button>Accept all cookies</button> <button>Manage preferences</button></div>",
        f'<header class="site-header"><a class="logo" href="/">{company}</a>',
        '<nav class="navbar" aria-label="Main menu"><ul><li><a href="/jobs">Search jobs</a></li>'
        '<li><a href="/teams">Our teams</a></li><li><a href="/signin">Sign in</a></li></ul></nav></header>',
        f'<div class="breadcrumbs"><a href="/">Careers</a> &rsaquo; <a href="/jobs">Jobs</a> &rsaquo; {title}</div>',
        '<main id="main-content"><article class="job-description">',
        body,
        '<div class="share-buttons">Share this job: <a href="#">LinkedIn</a> <a href="#">Email</a></div>',
        "</article></main>",
        '<aside class="similar-jobs"><h2>Similar jobs</h2><ul><li><a href="/j/1">Head of Customer Operations</a>'
        '</li><li><a href="/j/2">Director, Client Services</a></li></ul></aside>',
        '<footer class="site-footer"><ul class="footer-links"><li><a href="/privacy">Privacy notice</a></li>'
        f'<li><a href="/cookies">Cookie settings</a></li></ul><p>&copy; 2025 {company}</p></footer>',
        "<script>window.dataLayer = window.dataLayer || [];</script>\n</body>\n</html>\n",
    ])


def _render_html_plain(posting: AnnotatedPosting, groups: list[Group], rng: random.Random) -> str:
    title = html.escape(posting.meta.get("title", ""))
    body = "\n".join(_html_body(groups, rng, ats=False))
    return f"<html>\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n{body}\n</body>\n</html>\n"


# --- Markdown and text ------------------------------------------------------------

def _escape_marker(text: str, markdown: bool) -> str:
    """Keep a paragraph that starts like a list item from being read as one."""
    if _LIST_LIKE.match(text) and markdown:
        return "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


def _render_markdown(posting: AnnotatedPosting, groups: list[Group], rng: random.Random) -> str:
    bold_headings = rng.random() < 0.3
    marker = rng.choice(["-", "*", "-", "1."])
    out: list[str] = []
    for kind, lines in groups:
        if kind == "title":
            out.append(f"# {lines[0].text}")
        elif kind == "heading":
            out.append(f"**{lines[0].text}**" if bold_headings else f"## {lines[0].text}")
        elif kind == "bullets":
            out.append("\n".join(f"{marker} {_md_inline(line.text)}" for line in lines))
        elif kind == "table":
            rows = [f"| {line.text} |" for line in lines]
            cells = lines[0].text.count(" | ") + 1
            rows.insert(1, "|" + "---|" * cells)
            out.append("\n".join(rows))
        else:
            out.append(_escape_marker(_md_inline(lines[0].text), True))
    return "\n\n".join(out) + "\n"


def _md_inline(text: str) -> str:
    return _EMAIL.sub(lambda m: f"[{m.group()}](mailto:{m.group()})", text)


def _render_text(posting: AnnotatedPosting, groups: list[Group], rng: random.Random) -> str:
    style = rng.choice(["colon", "colon", "underline", "plain"])
    marker = rng.choice(["•", "-", "*", "•"])
    width = rng.choice([72, 78]) if rng.random() < 0.3 else None
    out: list[str] = []
    for kind, lines in groups:
        text = lines[0].text
        if kind == "title":
            out.append(text)
        elif kind == "heading":
            if style == "underline":
                out.append(f"{text}\n{'-' * len(text)}")
            elif style == "colon" and not text.endswith((":", "?", ".")):
                out.append(f"{text}:")
            else:
                out.append(text)
        elif kind == "bullets":
            out.append("\n".join(_wrap(f"{marker} {line.text}", width, "  ") for line in lines))
        elif kind == "table":
            out.append("\n".join(line.text for line in lines))
        else:
            out.append(_wrap(text, width, ""))
    return "\n\n".join(out) + "\n"


def _wrap(text: str, width: int | None, indent: str) -> str:
    if width is None:
        return text
    return "\n".join(textwrap.wrap(text, width, subsequent_indent=indent, break_long_words=False,
                                   break_on_hyphens=False))


def _render_scraped(posting: AnnotatedPosting, groups: list[Group], rng: random.Random) -> str:
    glue = rng.choice([" • ", " - ", "", "\n"])  # between bullets; "" is <li>s read with get_text()
    colon = rng.random() < 0.7
    title = posting.meta.get("title", "").casefold()
    physical: list[str] = []
    previous: AnnotatedLine | None = None
    for line in posting.lines:
        text = line.text
        if previous is None:
            physical.append(text)
        elif previous.is_heading and previous.text.casefold() != title:
            ends = previous.text.endswith((":", "?", ".", "!"))
            physical[-1] += ("" if ends or not colon else ":") + text  # "Key Responsibilities:Manage…"
        elif previous.text.endswith((".", "!", "?")) and (not line.is_heading or rng.random() < 0.5):
            physical[-1] += text  # "sentence one.Sentence two"
        elif previous.is_bullet and line.is_bullet and glue != "\n":
            physical[-1] += glue + text
        else:
            physical.append(text)
        previous = line
    return "\n".join(physical) + "\n"


def comparable(text: str) -> str:
    """A line's text with list markers, emphasis and a closing colon removed, for matching."""
    from ..ingest.blocks import split_bullet, split_emoji
    from ..ingest.normalise import clean_line

    text = split_emoji(split_bullet(clean_line(_BOLD.sub(r"\1", text)))[0])[0]
    return text.replace("**", "").replace("__", "").rstrip(":").strip()


def roundtrip_scores(postings: list[AnnotatedPosting], formats: tuple[str, ...] = RENDER_FORMATS,
                     ) -> dict[str, dict[str, int]]:
    """Render each posting in each format, read it back, and count line matches.

    Per format: ``lines`` annotated, ``matched`` recovered exactly (after
    :func:`comparable`, aligned in order with difflib), ``split``: annotated lines that
    are themselves run together ("Benefits:Company car") and came back as the pieces
    they are made of, ``extra`` lines read (page chrome aside) that match no annotated line, and
    how many annotated headings and bullets were read back as headings and bullets.
    """
    from ..errors import PostingInputError
    from ..ingest import parse_text

    fmt_of = {"html_ats": "html", "html_plain": "html", "markdown": "markdown", "text": "text", "scraped": "text"}
    scores = {fmt: dict.fromkeys(("lines", "matched", "split", "extra", "headings", "headings_read", "bullets",
                                  "bullets_read", "errors"), 0) for fmt in formats}
    for posting in postings:
        want = [comparable(line.text) for line in posting.lines]
        annotated = set(want)
        for fmt in formats:
            score = scores[fmt]
            score["lines"] += len(want)
            try:
                read = parse_text(render(posting, fmt), source=posting.id, format=fmt_of[fmt])
            except PostingInputError:
                score["errors"] += 1
                continue
            # the page chrome the renderer added is left out; an annotated line that is chrome
            # by its words ("Apply now", "Sign in") is read back as chrome, and counts
            lines = [line for line in read.lines if not line.chrome or comparable(line.text) in annotated]
            got = [comparable(line.text) for line in lines]
            matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
            score["split"] += _split_as_designed(matcher, want, got)
            for a, b, size in matcher.get_matching_blocks():
                score["matched"] += size
                for k in range(size):
                    gold, line = posting.lines[a + k], lines[b + k]
                    score["headings_read"] += gold.is_heading and line.is_heading
                    score["bullets_read"] += gold.is_bullet and line.is_bullet
            # chrome left unmatched is the renderer's own ("Sign in" in its menu when the
            # posting has one too), not an extra line read
            aligned = {b + k for _, b, size in matcher.get_matching_blocks() for k in range(size)}
            score["extra"] += sum(1 for j, line in enumerate(lines) if j not in aligned and not line.chrome)
            score["headings"] += sum(line.is_heading for line in posting.lines)
            score["bullets"] += sum(line.is_bullet for line in posting.lines)
    return scores


def _split_as_designed(matcher: difflib.SequenceMatcher[str], want: list[str], got: list[str]) -> int:
    """Count wanted lines equal to a run of read lines joined (spaces and colons aside)."""
    def squash(text: str) -> str:
        return re.sub(r"[\s:•]+", "", text)

    found = 0
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "replace":
            continue
        b = b1
        for a in range(a1, a2):
            target, joined = squash(want[a]), ""
            for k in range(b, b2):
                joined += squash(got[k])
                if joined == target:
                    found, b = found + 1, k + 1
                    break
                if not target.startswith(joined):
                    break
    return found


def _main(argv: list[str]) -> int:
    from .corpus import read_corpus

    folder = argv[0] if argv else "corpora/postings"
    postings = read_corpus(folder)
    print(f"{len(postings)} postings from {folder}")
    print(f"{'format':11s} {'lines':>6s} {'exact':>7s} {'+split':>7s} {'extra':>6s} {'headings':>9s} "
          f"{'bullets':>8s} errors")
    for fmt, s in roundtrip_scores(postings).items():
        total = max(s["lines"], 1)
        print(f"{fmt:11s} {s['lines']:6d} {s['matched'] / total:7.1%} {(s['matched'] + s['split']) / total:7.1%} "
              f"{s['extra']:6d} "
              f"{s['headings_read'] / max(s['headings'], 1):9.1%} {s['bullets_read'] / max(s['bullets'], 1):8.1%} "
              f"{s['errors']}")
    return 0


_RENDERERS: dict[str, Callable[[AnnotatedPosting, list[Group], random.Random], str]] = {
    "html_ats": _render_html_ats, "html_plain": _render_html_plain, "markdown": _render_markdown,
    "text": _render_text, "scraped": _render_scraped,
}


if __name__ == "__main__":  # python -m cco_jobs.training.render corpora/postings
    import sys

    sys.exit(_main(sys.argv[1:]))
