"""schema.org ``JobPosting`` data that job boards embed in a page, as JSON-LD or microdata.

When a page carries a ``JobPosting``, its ``title``, ``hiringOrganization`` name,
``employmentType``, ``datePosted`` and ``jobLocation`` go into the posting's metadata
(:func:`job_posting_fields`), and its ``description`` (HTML) is read as the posting's
body by :func:`read_page`: the posting as the employer wrote it, without the board's
navigation, "similar jobs" and footers. When the description is missing or too short
to be the posting (some boards put a teaser there), the whole page is read instead.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from .blocks import Block, has_words
from .normalise import clean_line, normalise_document

MAX_JSONLD_CHARS = 200_000
#: A description with fewer words than this is a teaser: the page itself is read instead.
MIN_DESCRIPTION_WORDS = 20
MAX_JSONLD_DEPTH = 6
# "JobPosting" in any case, exactly as re.IGNORECASE matches it (ſ is a long s, İ and ı
# are Turkish i's), spelled out because a case-insensitive pattern keeps re from
# scanning for its first letter in C and takes twice as long on a page.
_MAY_HAVE_JOB_POSTING = re.compile("[Jj][Oo][Bb][Pp][Oo][Ssſ][Tt][Iiİı][Nn][Gg]")
_TAG = re.compile(r"<(?:p|br|li|ul|ol|div|h[1-6]|strong|b|em|span|table|section)\b[^<>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class JobPosting:
    """The fields of an embedded ``JobPosting`` that ingestion uses.

    ``syntax`` is ``"json-ld"`` or ``"microdata"``; ``description`` is HTML (or plain
    text) as the page gives it; ``description_line`` is where a microdata description
    starts in the page source (JSON-LD descriptions have no line in the page).
    """

    syntax: str
    title: str | None = None
    company: str | None = None
    description: str | None = None
    employment_type: str | None = None
    date_posted: str | None = None
    location: str | None = None
    description_line: int | None = None


def find_job_posting(root: Any) -> JobPosting | None:
    """The first ``JobPosting`` of an lxml page (JSON-LD first, then microdata), or ``None``.

    Call it before ``<script>`` elements are stripped from the tree.
    """
    for script in root.iter("script"):
        if "ld+json" in (script.get("type") or "").lower() and script.text and len(script.text) < MAX_JSONLD_CHARS:
            found = _from_json_ld(script.text)
            if found is not None:
                return found
    return _from_microdata(root)


def job_posting_fields(job: JobPosting) -> dict[str, str]:
    """The metadata a ``JobPosting`` contributes (``jsonld_title`` and ``jsonld_company``
    hold the title and company whichever syntax carried them)."""
    fields = {"structured_data": job.syntax}
    for key, value in (("jsonld_title", job.title), ("jsonld_company", job.company),
                       ("date_posted", job.date_posted), ("employment_type", job.employment_type),
                       ("location", job.location)):
        text = clean_line(html.unescape(value)) if value else ""
        if text:
            fields[key] = text
    return fields


def read_page(html_text: str) -> tuple[list[Block], dict[str, str]]:
    """Read a normalised HTML page into blocks and metadata, preferring its ``JobPosting``.

    The metadata always has ``structured_data`` (``"json-ld"``, ``"microdata"`` or
    ``""``) and, when a ``JobPosting`` was found, ``body_from``: ``"description"`` when
    its description is the body, ``"page"`` when the page was read instead.
    """
    from .html import parse_html, read_html

    job = root = None
    if _MAY_HAVE_JOB_POSTING.search(html_text):  # most pages have none: skip looking
        root = parse_html(html_text)
        job = find_job_posting(root) if root is not None else None
    body = _description_blocks(job) if job is not None else None
    if body is not None:
        from .page_meta import page_metadata

        meta = page_metadata(root)
        meta["body_from"] = "description"
        return body, meta
    blocks, meta = read_html(html_text, root=root)  # the page parsed once, not twice
    meta.setdefault("structured_data", "")
    if job is not None:
        meta["body_from"] = "page"
    return blocks, meta


def _description_blocks(job: JobPosting) -> list[Block] | None:
    """The description as blocks, the title heading first; ``None`` when it is too short."""
    description = (job.description or "").strip()
    if not description:
        return None
    if not _TAG.search(description) and "&lt;" in description:
        description = html.unescape(description)  # HTML escaped twice, as some boards do
    if _TAG.search(description):
        from .html import read_html

        blocks = read_html(normalise_document(description, html_markup=True))[0]
    else:
        from .text import read_text

        blocks = read_text(normalise_document(html.unescape(description)))
    if not has_words(blocks, MIN_DESCRIPTION_WORDS):
        return None
    for block in blocks:
        # Lines of a JSON-LD string have no place in the page source; microdata ones do.
        block.source_line = (None if job.description_line is None or block.source_line is None
                             else block.source_line + job.description_line - 1)
    title = clean_line(html.unescape(job.title or ""))
    if title and not any(b.text.casefold() == title.casefold() for b in blocks[:5]):
        blocks.insert(0, Block(title, is_heading=True, level=1))
    return blocks


def _from_json_ld(raw: str) -> JobPosting | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None  # malformed JSON-LD is common; the visible text still has everything
    item = _find_json_ld(data, 0)
    if item is None:
        return None
    org = item.get("hiringOrganization")
    if isinstance(org, list):
        org = org[0] if org else None
    employment = item.get("employmentType")
    if isinstance(employment, list):
        employment = ", ".join(str(e) for e in employment if isinstance(e, str))
    return JobPosting(
        "json-ld", title=_text(item.get("title")) or _text(item.get("name")),
        company=_text(org.get("name") if isinstance(org, dict) else org),
        description=_text(item.get("description")), employment_type=_text(employment),
        date_posted=_text(item.get("datePosted")), location=_locality(item.get("jobLocation")),
    )


def _find_json_ld(data: Any, depth: int) -> dict[str, Any] | None:
    """The first object typed ``JobPosting``: top level, in a list, an ``@graph`` or nested."""
    if depth > MAX_JSONLD_DEPTH:
        return None
    if isinstance(data, list):
        return next((found for d in data if (found := _find_json_ld(d, depth + 1)) is not None), None)
    if not isinstance(data, dict):
        return None
    kinds = data.get("@type")
    if any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting"
           for k in (kinds if isinstance(kinds, list) else [kinds])):
        return data
    for value in data.values():
        if isinstance(value, (dict, list)):
            found = _find_json_ld(value, depth + 1)
            if found is not None:
                return found
    return None


def _locality(location: Any) -> str | None:
    if isinstance(location, list):
        location = location[0] if location else None
    address = location.get("address") if isinstance(location, dict) else None
    if not isinstance(address, dict):
        return None
    parts = [address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
    return ", ".join(p for p in parts if isinstance(p, str) and p) or None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# --- microdata -------------------------------------------------------------------------

def _from_microdata(root: Any) -> JobPosting | None:
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("itemscope") is None:
            continue
        if not (el.get("itemtype") or "").rstrip("/").endswith("JobPosting"):
            continue
        props = _item_props(el)
        org = props.get("hiringOrganization")
        description = props.get("description")
        location = props.get("jobLocation")
        return JobPosting(
            "microdata", title=_prop_text(props.get("title")),
            company=_prop_text(_item_props(org).get("name") if _is_item(org) else org),
            description=_element_html(description) if description is not None else None,
            employment_type=_prop_text(props.get("employmentType")),
            date_posted=_prop_text(props.get("datePosted")),
            location=_microdata_locality(location),
            description_line=description.sourceline if description is not None else None,
        )
    return None


def _item_props(item: Any) -> dict[str, Any]:
    """An item's properties (first of each name), not descending into nested items."""
    props: dict[str, Any] = {}
    stack = list(item)
    while stack:
        el = stack.pop(0)
        if not isinstance(el.tag, str):
            continue
        for name in (el.get("itemprop") or "").split():
            props.setdefault(name.rsplit("/", 1)[-1], el)
        if el.get("itemscope") is None:
            stack[:0] = list(el)
    return props


def _is_item(el: Any) -> bool:
    return el is not None and el.get("itemscope") is not None


def _prop_text(el: Any) -> str | None:
    """A microdata property's value: ``content``, ``datetime`` or the element's text."""
    if el is None:
        return None
    value = el.get("content") or el.get("datetime") or " ".join(el.itertext())
    return clean_line(value) or None


def _microdata_locality(el: Any) -> str | None:
    if not _is_item(el):
        return _prop_text(el)
    address = _item_props(el).get("address")
    if not _is_item(address):
        return _prop_text(address)
    props = _item_props(address)
    parts = [_prop_text(props.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")]
    return ", ".join(p for p in parts if p) or None


def _element_html(el: Any) -> str:
    """The element as HTML, its start tag first so that its lines match the page's."""
    from lxml import etree

    return etree.tostring(el, encoding="unicode", method="html", with_tail=False)
