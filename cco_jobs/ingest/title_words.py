"""The words of job titles and of the lines around them, read by both the title rules
(:mod:`.titles`) and the company-name rules (:mod:`.company`).

A title names a role ("Head of Customer Success"); the same words tell a company name
from a title, a place or a work mode on the lines near it.
"""
from __future__ import annotations

import re

# Words only a job title has: ranks and heads, English and French.
TITLE_WORDS = re.compile(
    r"\b(?:chief|officer|vp|svp|evp|avp|vice[- ]president|president|head|director|manager|lead|leader"
    r"|cco|cxo|ceo|coo|cfo|cto|cmo|cro|cso|cio|principal|gm|directeur|directrice"
    r"|responsable|dirigeant|dirigeante|chef|cheffe|(?:vice-)?pr[ée]sidente?|general counsel"
    # a two-tier board's member named with the department: "Member of the Management Board – Customers"
    r"|(?:member of the (?:management|executive) board|mitglied des vorstands?)\s+[–—-]\s+\w+|vorstand)\b",
    re.IGNORECASE,
)
# Words of a sentence, not of a title: "Reporting to the Chief Executive, you will…".
SENTENCE_WORDS = re.compile(r"\b(?:we|you|our|your|will|are|is|reports?|reporting|to the|who|which)\b", re.I)
# Between the parts of a page's title: "Chief Customer Officer - Lumenrow | HireHarbor Jobs".
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+·\s+")
# What an "About ..." heading, a site name or "<Title> at ..." names that is no employer:
# the reader, the role, a job board or an applicant-tracking system.
NOT_COMPANIES = re.compile(
    r"^(?:us|you|the role|the job|the position|this role|the opportunity|the team|the company|yourself)$"
    r"|linkedin|indeed|glassdoor|workday|greenhouse|lever|smartrecruiters|totaljobs|\breed\b|monster|ziprecruiter"
    r"|welcome to the jungle|otta|workable|ashby|teamtailor|bamboohr|jobvite|icims|taleo|successfactors"
    r"|^careers?$|^jobs?$|apec|hellowork|cadremploi",
    re.I,
)
#: How many of a posting's first blocks the title and company rules read (page furniture aside).
SEARCH_BLOCKS = 40
# How or where the job is done: "Remote", "Hybrid", "On-site", "Home-based".
WORK_MODE = re.compile(
    r"^(?:fully |100% )?(?:remote(?:[- ]first)?|hybrid|on[- ]?site|in[- ]office|office[- ]based|home[- ]based)$", re.I
)
# Countries and regions a posting's header names after a city ("Rabat, Maroc", "Leeds, West
# Yorkshire"), in English and French.
COUNTRIES = re.compile(
    r"^(?:united kingdom|uk|england|scotland|wales|northern ireland|ireland|united states|usa|canada|australia"
    r"|new zealand|india|singapore|malaysia|philippines|indonesia|south africa|nigeria|kenya|ghana|egypt"
    r"|uae|united arab emirates|qatar|saudi arabia|kingdom of saudi arabia|bahrain|oman|kuwait"
    r"|france|belgique|belgium|suisse|switzerland|luxembourg|maroc|morocco|tunisie|tunisia|alg[ée]rie|algeria"
    r"|s[ée]n[ée]gal|c[ôo]te d'ivoire|cameroun|cameroon|germany|deutschland|netherlands|nederland|spain|espagne"
    r"|italy|italie|portugal|austria|sweden|denmark|norway|finland|poland|mexico|brazil|japan|china|hong kong"
    r"|qu[ée]bec|ontario|british columbia|alberta|new south wales|victoria|queensland|west yorkshire"
    r"|greater manchester|[ée]le-de-france)$",
    re.I,
)
# A place and its state or country code: "Denver, CO", "Austin, TX".
CITY_STATE = re.compile(r"^[A-Z][\w.'’ -]*,\s*[A-Z]{2}$")
# Words naming a function or a part of an organisation: "Chief Customer Officer -
# Business Services" and "VP - Customer Experience" name the job in full.
FUNCTION_WORDS = re.compile(
    r"\b(?:customers?|clients?|members?|patients?|guests?|consumers?|users?|citizens?|experience|cx|success"
    r"|services?|support|care|operations?|ops|sales|revenue|accounts?|commercial|marketing|product|engineering"
    r"|finance|technology|digital|transformation|strategy|insights?|delivery|contact|centres?|centers?"
    r"|retention|growth|partnerships?|quality|complaints|relations|management|office|department|division"
    r"|directorate|unit|team|group|lines?|enterprise|retail|residential)\b",
    re.I,
)
# How the job is held, which is part of the job: "Chief Customer Officer - Interim, 6
# months", "Head of CX (Maternity cover, London)".
ENGAGEMENT = re.compile(
    r"\b(?:interim|fractional|contract|contractor|maternity|paternity|parental|cover|fixed[- ]term|ftc|part[- ]time"
    r"|temporary|secondment)\b",
    re.I,
)


# An office named after its chief is a unit of the organisation, not a job: "Benefits
# Delivery Canada - Office of the Chief Client Experience Officer".
_OFFICE_OF = re.compile(r"(?:^|\s[|–—-]\s)(?:the\s+)?office of the\b", re.I)


def looks_like_title(text: str) -> bool:
    """A short line naming a role ("Head of Customer Success"), not a sentence about one
    nor the office a chief runs."""
    words = text.split()
    return (
        0 < len(words) <= 12 and len(text) <= 100 and bool(TITLE_WORDS.search(text))
        and not text.endswith((".", "!", "?", ";")) and not SENTENCE_WORDS.search(text)
        and not _OFFICE_OF.search(text)
    )
