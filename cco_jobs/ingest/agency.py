"""Tell a recruiter's posting for a client from an employer's own.

An agency advertising for a client it does not name ("Our client is a private-equity-
backed payments platform...") puts its own name where the employer's would be: in the
page's branding and in the lines it writes about itself ("Kestrel Search Partners is
acting as an employment agency..."). :func:`~cco_jobs.ingest.titles.find_title_and_company`
uses these tests to leave the company unknown rather than name the agency.
"""
from __future__ import annotations

import re

from .blocks import Block

# A recruiter advertising for a client: "Our client is a...",
# "on behalf of our client", "X is acting as an employment agency". "Our clients" and
# "our client services team" are an employer speaking of its own customers.
_FOR_A_CLIENT = re.compile(
    r"\bon behalf of (?:our|a|an|their) client\b"
    r"|(?:^|[.!?]\s+|,\s+)our client(?:,|['’]s\b|\s+(?:is|was|has|provides|works|operates|serves|handles"
    r"|delivers|runs|views|seeks|needs|wants|offers)\b)"
    r"|\bact(?:s|ing) as an? (?:employment|recruitment) (?:agency|business)\b",
    re.I,
)
# How an agency speaks of itself, and what agencies are called.
_AGENCY_SENTENCE = re.compile(
    r"\b(?:has|have) been (?:exclusively )?(?:retained|appointed|engaged)\b|\b(?:is|are) (?:partnering|working) with\b"
    r"|\bact(?:s|ing) as an? (?:employment|recruitment)\b|\bon behalf of (?:our|a|an|their) client\b",
    re.I,
)
_AGENCY_NAME = re.compile(
    r"\b(?:search|recruitment|recruiting|recruiters|talent|staffing|resourcing|headhunt\w*|appointments|personnel)\b",
    re.I,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# A client's name: capitalised words, with "&", "of", "and", "for" inside it.
_CLIENT = r"([A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|of|and|for)){0,5})"
_OUR_CLIENT_NAMED = re.compile(rf"\b[Oo]ur client,\s+{_CLIENT},")
# A search firm naming the client that retained it: "Ashcombe Fairley Executive Search has
# been exclusively retained by Nuwair Telecommunications Group ("Nuwair") to appoint ...".
_RETAINED_BY = re.compile(rf"\b(?:has|have) been (?:exclusively )?(?:retained|engaged|mandated) by\s+(?:the\s+)?{_CLIENT}"
                          r"(?=\s+(?:\(|to\b|as\b|in\b|for\b)|[,.])")


def for_a_client(blocks: list[Block]) -> bool:
    """Whether a recruiter posted this for a client ("Our client is a private-equity-backed
    payments platform..."), so a name found on the page may be the agency's."""
    # The substring tests spare most lines the regex, which would try every position.
    return any(not b.chrome and (("lient" in b.text or "GENCY" in b.text.upper()) and _FOR_A_CLIENT.search(b.text)
                                 or "by" in b.text and _RETAINED_BY.search(b.text))
               for b in blocks)


def client_named(blocks: list[Block]) -> str | None:
    """The client a recruiter names: "Our client, Pemberton Lisle Motor Group, is...", or
    "... has been retained by Nuwair Telecommunications Group to appoint ..."."""
    return next((m.group(1) for b in blocks if not b.chrome
                 and (m := _OUR_CLIENT_NAMED.search(b.text) or _RETAINED_BY.search(b.text))), None)


def is_agency(name: str | None, blocks: list[Block]) -> bool:
    """Whether ``name`` is the recruiter's: called "... Search", "... Recruitment", or the
    subject of a line where an agency speaks of itself ("Kestrel Search Partners is acting
    as an employment agency", "Ashdown Partners has been appointed to lead the search")."""
    if not name:
        return False
    return bool(_AGENCY_NAME.search(name)) or any(
        sentence.startswith(name) and _AGENCY_SENTENCE.search(sentence)
        for b in blocks if not b.chrome and name in b.text for sentence in _SENTENCE_BREAK.split(b.text)
    )
