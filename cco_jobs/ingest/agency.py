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
# "Our client, Pemberton Lisle Motor Group, is ...", "Our client Tidewell Energy is ..."
_OUR_CLIENT_NAMED = re.compile(rf"\b[Oo]ur client,?\s+{_CLIENT}(?:,|\s+(?=(?:is|are|has|have|was|were)\b))")
# "Summit Harbor Talent is hiring on behalf of Ledgerpine, a Series C ..."; not a person's
# office ("on behalf of the Chief Executive")
_ON_BEHALF_OF = re.compile(rf"\bon behalf of\s+(?:the\s+)?{_CLIENT}(?=[,.]|\s+(?:\(|to\b|in\b|is\b|who\b|which\b))")
_AN_OFFICE = re.compile(r"\b(?:Chief|Executive|Director|Officer|Manager|President|Head|Chair|Board|Team|Department"
                        r"|Council|Committee|Customers?|Members?|Clients?)\b")
# "... has been exclusively retained to find a Chief Technology Officer for Kestrel Freight Group, ..."
_RETAINED_FOR = re.compile(
    rf"\b(?:has|have) been (?:exclusively )?(?:retained|engaged|mandated|appointed) to (?:find|recruit|appoint|hire"
    rf"|identify|search for)\b[^.]{{0,80}}?\bfor\s+(?:the\s+)?{_CLIENT}(?=[,.]|\s+\()")
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
               for b in blocks) or client_named(blocks) is not None


def client_named(blocks: list[Block]) -> str | None:
    """The client a recruiter names: "Our client, Pemberton Lisle Motor Group, is...",
    "... has been retained by Nuwair Telecommunications Group to appoint ...", "... is
    hiring on behalf of Ledgerpine, ...", "... retained to find a CTO for Kestrel Freight
    Group, ..."."""
    return next((name for b in blocks if not b.chrome and (name := _client_in(b.text))), None)


# each pattern with a word it needs, which spares most lines the regex
_CLIENT_PATTERNS = (("lient", _OUR_CLIENT_NAMED), ("by", _RETAINED_BY), ("behalf", _ON_BEHALF_OF),
                    ("to ", _RETAINED_FOR))


def _client_in(text: str) -> str | None:
    """The client one line names (see :func:`client_named`), else ``None``."""
    for needle, pattern in _CLIENT_PATTERNS:
        match = pattern.search(text) if needle in text else None
        if match and not (pattern is _ON_BEHALF_OF and _AN_OFFICE.search(match.group(1))):
            return match.group(1)
    return None


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
