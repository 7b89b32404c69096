"""What an HTML page says about itself outside its visible text: ``<title>``, Open Graph
and other ``<meta>`` tags, ``<html lang>`` and schema.org ``JobPosting`` JSON-LD."""
from __future__ import annotations

import json
from typing import Any

from .normalise import clean_line

_META_KEYS = {"og:title": "og:title", "og:site_name": "og:site_name", "twitter:title": "twitter:title",
              "title": "meta_title", "application-name": "application_name", "author": "author"}
MAX_JSONLD_CHARS = 200_000


def page_metadata(root: Any) -> dict[str, str]:
    """Collect the page's title, meta tags and JobPosting fields (call before scripts are stripped)."""
    meta: dict[str, str] = {}
    lang = root.get("lang")
    if lang:
        meta["lang"] = lang.strip()
    for el in root.iter("title", "meta", "script"):
        tag = el.tag
        if tag == "title":
            text = clean_line("".join(el.itertext()))
            if text and "html_title" not in meta:
                meta["html_title"] = text
        elif tag == "meta":
            key = _META_KEYS.get((el.get("property") or el.get("name") or "").strip().lower())
            content = clean_line(el.get("content") or "")
            if key and content and key not in meta:
                meta[key] = content
        elif "ld+json" in (el.get("type") or "").lower() and el.text and len(el.text) < MAX_JSONLD_CHARS:
            _job_posting_fields(el.text, meta)
    return meta


def _job_posting_fields(raw: str, meta: dict[str, str]) -> None:
    try:
        data = json.loads(raw)
    except ValueError:
        return  # malformed JSON-LD is common; the visible text still has everything
    for item in _objects(data):
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "JobPosting" not in kinds:
            continue
        _put(meta, "jsonld_title", item.get("title"))
        org = item.get("hiringOrganization")
        _put(meta, "jsonld_company", org.get("name") if isinstance(org, dict) else org)
        _put(meta, "date_posted", item.get("datePosted"))
        employment = item.get("employmentType")
        _put(meta, "employment_type", ", ".join(map(str, employment)) if isinstance(employment, list) else employment)
        _put(meta, "location", _locality(item.get("jobLocation")))
        return


def _objects(data: Any) -> list[dict[str, Any]]:
    """The JSON-LD objects in a document: a single object, a list, or an ``@graph``."""
    items = data if isinstance(data, list) else [data]
    found = []
    for item in items:
        if isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                found += [g for g in graph if isinstance(g, dict)]
    return found


def _locality(location: Any) -> str | None:
    if isinstance(location, list):
        location = location[0] if location else None
    if not isinstance(location, dict):
        return None
    address = location.get("address")
    if not isinstance(address, dict):
        return None
    parts = [address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
    return ", ".join(p for p in parts if isinstance(p, str) and p) or None


def _put(meta: dict[str, str], key: str, value: Any) -> None:
    if isinstance(value, str) and clean_line(value) and key not in meta:
        meta[key] = clean_line(value)
