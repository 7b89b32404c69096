"""What an HTML page says about itself outside its visible text: ``<title>``, Open Graph
and other ``<meta>`` tags, ``<html lang>`` and an embedded schema.org ``JobPosting``
(JSON-LD or microdata, read by :mod:`cco_jobs.ingest.structured`)."""
from __future__ import annotations

from typing import Any

from .normalise import clean_line
from .structured import find_job_posting, job_posting_fields

_META_KEYS = {"og:title": "og:title", "og:site_name": "og:site_name", "twitter:title": "twitter:title",
              "title": "meta_title", "application-name": "application_name", "author": "author"}


def page_metadata(root: Any) -> dict[str, str]:
    """Collect the page's title, meta tags and JobPosting fields (call before scripts are stripped).

    ``structured_data`` says which syntax carried a ``JobPosting`` (``"json-ld"``,
    ``"microdata"``, or ``""`` when the page has none); its fields are ``jsonld_title``,
    ``jsonld_company``, ``date_posted``, ``employment_type`` and ``location``.
    """
    meta: dict[str, str] = {}
    lang = root.get("lang")
    if lang:
        meta["lang"] = lang.strip()
    for el in root.iter("title", "meta"):
        if el.tag == "title":
            text = clean_line("".join(el.itertext()))
            if text and "html_title" not in meta:
                meta["html_title"] = text
        else:
            key = _META_KEYS.get((el.get("property") or el.get("name") or "").strip().lower())
            content = clean_line(el.get("content") or "")
            if key and content and key not in meta:
                meta[key] = content
    job = find_job_posting(root)
    meta.update(job_posting_fields(job) if job is not None else {"structured_data": ""})
    return meta
