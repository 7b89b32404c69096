"""Tell page chrome (navigation, cookie banners, menus, footers, sidebars) from the posting.

Chrome is marked, never dropped: a reader may still want "Posted 3 days ago". The rules:

* ``<nav>``, and elements whose ``role`` is navigation, banner, contentinfo,
  complementary, menu, menubar or search;
* ``<footer>`` and ``<aside>``, and ``<header>`` holding a menu, unless they sit inside
  the posting's own container (an article's footer is part of the article);
* elements whose ``id``, ``class``, ``aria-label`` or test ids say cookie, consent,
  banner, breadcrumb, menu, navbar, share, social, footer, sidebar or similar jobs;
* when the page has a container that holds at least half its text (``<main>``,
  ``role="main"``, a job-description ``div`` or a single ``<article>``), everything
  outside that container;
* in any format, a line that is only a job board's furniture: a button or link
  ("Apply now", "Save job", "Show more", "Back to search results"), a site menu entry
  ("Skip to main content", "Sign in", "Find jobs"), a cookie notice, a breadcrumb
  ("Home > Careers > Vacancies") or a listing's counters ("Posted 3 days ago",
  "214 applicants"). Pasted or scraped text keeps no markup to tell them by, and the
  title is looked for below them (:func:`is_chrome_line`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search"})
_CHROME_WORDS = re.compile(
    r"cookie|consent|gdpr|onetrust|cookiebot|banner|breadcrumb|navbar|navigation|sidebar|footer|social"
    r"|sharing|sharebar|sharebutton|sharethis|similarjob|relatedjob|recommendedjob|morejobs|otherjobs"
    r"|jobalert|skiplink|skipto|sitenav|mainnav|topnav|globalnav|menu|masthead|siteheader|globalheader"
    r"|topbar|toolbar|languageselector|langswitch"
)
_CHROME_TOKENS = frozenset({"nav", "share", "shares"})
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NON_LETTERS = re.compile(r"[^a-z]")
_SPLIT = re.compile(r"[^a-z0-9]+")
_JOB_CONTAINER = re.compile(
    r"job(?:posting)?(?:description|details|detail|body|content|posting|ad|advert)|posting(?:description|body)"
    r"|vacancy(?:description|details|content)?|jobdescription"
)
_ATTRS = ("id", "class", "aria-label", "data-automation-id", "data-testid", "data-ui")
#: A container must hold this share of the page's text before what lies outside it is chrome.
MIN_CONTENT_SHARE = 0.5


# When a listing went up, alone or before its counters ("Posted 3 months ago · 12 applicants").
_AGO = r"\d+\+? (?:minutes?|hours?|days?|weeks?|months?) ago"
_POSTED = rf"(?:re)?posted:? (?:today|yesterday|{_AGO})|just posted|{_AGO}"
# Whole lines (lower case, arrows and trailing punctuation dropped) that are never part of
# a posting: what a job board or careers site wraps around one, in English and French.
_CHROME_LINE = re.compile(
    r"(?:skip to (?:main )?(?:content|navigation|search)|skip navigation|main menu|menu|search|home|accueil"
    r"|sign (?:in|up|out)|log ?in|log ?out|register|create (?:an )?account|(?:my|your) account"
    r"|se connecter|connexion|s'inscrire|mon compte"
    r"|sign in to (?:apply|save|create (?:a )?job alert|see .{1,40})|find (?:jobs|salaries)|company reviews"
    r"|upload your (?:cv|resume)|employers?(?: / post (?:a )?job)?|post (?:a )?job|(?:create )?(?:a )?job alerts?"
    r"|set alert for similar jobs|saved jobs|search (?:for )?jobs"
    r"|(?:easy |easily )?apply(?: now| online| here| for this (?:job|position|role|vacancy))?"
    r"|apply (?:on|via) (?:the )?company (?:site|website)|submit(?: your)? application|i'm interested"
    r"|postuler(?: maintenant| en ligne)?|save(?: (?:this )?job)?|share(?: this (?:job|post(?:ing)?))?"
    r"|enregistrer|partager|report(?: this)? job(?: ad| advert| listing)?|show (?:more|less)(?: options)?"
    r"|see more|read more|voir (?:plus|moins)|view all jobs|back to (?:all )?jobs|back to (?:the )?search(?: results)?"
    r"|retour aux (?:offres|r[ée]sultats)|similar jobs(?: \(\d+\))?|(?:offres|emplois) similaires"
    r"|people also viewed|jobs you may (?:also )?like|see who you know|meet the hiring team|promoted"
    r"|hiring insights|job activity|employer active .{1,20}|be an early applicant|print|email (?:this )?job"
    r"|copy link|follow|powered by (?:greenhouse|lever|ashby|workday|smartrecruiters|bamboohr|teamtailor"
    r"|recruitee|workable|jobvite|icims|personio)"
    r"|(?:accept|allow|reject|decline|refuse)(?: all| optional| analytics| marketing)?(?: cookies)?"
    r"|tout (?:accepter|refuser)|accepter|refuser|manage (?:cookies|preferences)"
    r"|cookie (?:settings|preferences|policy)|privacy policy|terms of (?:use|service)"
    rf"|posted on(?: .{{1,30}})?|{_POSTED}|publi[ée]e? il y a \d+ (?:minutes?|heures?|jours?|semaines?|mois)"
    rf"|(?:(?:{_POSTED}) ?[·•|] ?)?(?:over )?\d[\d,]* (?:applicants|applications|clicks on apply)"
    r"|get notified about new .{1,60} jobs(?: in .{1,60})?)"
)
_COOKIE_NOTICE = re.compile(
    r"^(?:we use (?:\w+ ){0,3}cookies|this (?:web)?site uses (?:\w+ )?cookies|by (?:continuing|using) (?:to (?:use|browse) )?"
    r"(?:this|our) (?:site|website)[^.]{0,40}cookies|cookies on (?:this|our) (?:service|site|website)"
    r"|nous utilisons (?:des )?(?:\w+ )?cookies|ce site (?:web )?utilise (?:des )?cookies)", re.I)
# Each crumb is a separator and what runs to the next one (its spaces included, so the
# regex cannot split them two ways and backtrack exponentially on a long line). "Home /
# office / hybrid" says where the job is done: a first crumb naming a place of work
# ("Remote jobs" aside) is no breadcrumb.
_BREADCRUMB = re.compile(
    r"^(?:home|accueil)\s*[>›»/|](?!\s*(?:office|hybrid|remote|field|on[- ]?site|site|client)\b(?!\s*(?:jobs|roles|vacancies)))"
    r"[^>›»/|]{1,60}(?:[>›»/|][^>›»/|]{1,60})+$", re.I)
# A trail from a site's list of jobs: "Search Results > Senior Director, Member Services",
# "Careers / Operations / Head of Patient Experience" ("|" separates a header's parts,
# "Careers | Acme", so it is no crumb here).
_JOBS_CRUMBS = re.compile(
    r"^(?:careers?|jobs|job search|search (?:results|jobs)|open (?:roles|positions|jobs)|all (?:jobs|openings|roles)"
    r"|work with us|join us|join our team"
    r"|current (?:openings|vacancies)|vacancies|carri[èe]res|emplois|offres d['’]emploi|empleos|vagas)"
    # with ">", one crumb after it is enough (a crumb may hold a "/": "Head of Engineering /
    # CTO"); with "/", two ("Career / development opportunities" and "Vacancies / workforce
    # planning" are a posting's own words)
    r"(?:\s*[>›»][^>›»|]{1,60}(?:[>›»][^>›»|]{1,60})*|\s*/[^>›»/|]{1,60}(?:/[^>›»/|]{1,60})+)$")
# A site's trail of three crumbs or more with "›" or "»", whatever the first is ("Resources ›
# Job Description Templates › Executive › Chief Customer Officer"); those glyphs are not
# written in a posting's own lines.
_GLYPH_CRUMBS = re.compile(r"^(?!.*«)[^›»\d]{1,60}(?:[›»][^›»\d]{1,60}){2,}$")  # « ... » are French quotes
# A blog's byline: "By Ines Harrowgate, Support Lead · 6 min read", "7 min read · Written by ...".
_BYLINE = re.compile(r"^(?:(?:written )?by [^·•|]{2,80}[·•|]\s*)?\d{1,2} ?min(?:ute)?s? read\b(?:\s*[·•|][^·•|]{1,80})?$")
# Furniture a whole line is, whatever its length up to a notice's: cookie notices, crumb
# trails, bylines.
_WHOLE_LINES = (_COOKIE_NOTICE, _BREADCRUMB, _JOBS_CRUMBS, _GLYPH_CRUMBS, _BYLINE)
# A row of buttons or footer links: "Apply · Save · Share", "Postuler / Apply", "Apply Save".
_ROW_SEPARATOR = re.compile(r"\s+[·•|/]\s+|\s*[·•|]\s*")
_LINE_START = re.compile(r"^[\s←‹«<]+")
# Two buttons a scrape ran together: a lower-case letter straight before a capital.
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# No colon: "Apply now:" or "Apply:" alone on a line is a heading over what follows.
_LINE_END = re.compile(r"[\s.!>›»→|]+$")
#: Longer lines are never a button or a menu entry; a cookie notice or a breadcrumb may be longer.
MAX_CHROME_LINE = 90
MAX_COOKIE_NOTICE = 400
# "We use cookies", "This site uses", "By continuing", "Home >", "Nous utilisons", "Ce site",
# "Cookies on this service", "Accueil >"
_NOTICE_STARTS = frozenset("WwTtBbHhNnCcAa")


def is_chrome_line(text: str) -> bool:
    """Whether a line, whatever the format, is a job board's furniture (see the module
    docstring): only whole lines match, so "Apply the same care to every complaint" or
    "Share what you learn" stay part of the posting."""
    if len(text) > MAX_COOKIE_NOTICE:
        return False
    if len(text) > MAX_CHROME_LINE and text.lstrip()[:1] not in _NOTICE_STARTS:
        return False  # most lines of a posting: long, and no notice or breadcrumb
    key = _key(text)
    if len(key) <= MAX_CHROME_LINE and (_CHROME_LINE.fullmatch(key) or _button_row(key)):
        return True
    if len(key) <= MAX_CHROME_LINE and _CAMEL_GLUE.search(text):  # a scrape's "Apply NowShare this job"
        if _button_row(_key(_CAMEL_GLUE.sub(" · ", text))):
            return True
    return any(pattern.match(key) for pattern in _WHOLE_LINES)


def _key(text: str) -> str:
    """A line as the furniture patterns read it: lower case, without leading arrows or
    trailing punctuation."""
    return _LINE_END.sub("", _LINE_START.sub("", text.lower()))


def _button_row(key: str) -> bool:
    """Two to five pieces of furniture on one line ("Apply · Save · Share", "Postuler /
    Apply", "Privacy Policy | Terms of Use"), also with spaces only between them ("Apply
    Save", "Apply Now Save Job Share")."""
    parts = [part for part in _ROW_SEPARATOR.split(key) if part]
    if len(parts) < 2:
        words = key.split()
        return 2 <= len(words) <= 8 and _buttons(tuple(words))
    return len(parts) <= 5 and all(_CHROME_LINE.fullmatch(part.strip()) for part in parts)


def _buttons(words: tuple[str, ...], pieces: int = 0) -> bool:
    """Whether ``words`` are two to five pieces of furniture written one after another with
    spaces only ("Apply Save", "Apply Now Save Job Share"), ``pieces`` of them read
    already; a piece is one to three words."""
    if not words:
        return pieces >= 2
    return pieces < 5 and any(_CHROME_LINE.fullmatch(" ".join(words[:k])) and _buttons(words[k:], pieces + 1)
                              for k in range(1, min(3, len(words)) + 1))


def describe(el: Any) -> str:
    """The element's identifying attributes as one string (id, class, aria-label, test ids)."""
    values = [el.get(name) for name in _ATTRS]
    return " ".join(v for v in values if v)


def is_chrome(el: Any, name: str, in_content: bool) -> bool:
    """Whether ``el`` starts a piece of page chrome (see the module docstring)."""
    if name == "nav":
        return True
    if not len(el.attrib) and name not in ("footer", "aside", "header"):
        return False  # the common case: a bare <p>, <li> or <span>
    role = el.get("role")
    if role and role.strip().lower() in _CHROME_ROLES:
        return True
    if not in_content:
        if name in ("footer", "aside"):
            return True
        if name == "header" and _holds_menu(el):
            return True
    attrs = describe(el)
    return bool(attrs) and _chrome_attrs(attrs)


def find_content(root: Any) -> tuple[Any | None, bool]:
    """The element holding the posting itself, and whether text outside it is chrome.

    Tries ``<main>``/``role="main"``, then a job-description container, then a lone
    ``<article>``; the first that holds at least half the page's text wins (the widest
    first, so that a job header beside the description is not taken for chrome).
    """
    total = _text_size(root)
    if not total:
        return None, False
    job, main, articles = None, None, []
    for el in root.iter():
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag:
            continue
        has_attributes = len(el.attrib) > 0  # most elements have none: no need to look them up
        if job is None and has_attributes:
            attrs = describe(el)
            if attrs and _names_job_container(attrs):
                job = el
        if main is None and (tag == "main" or (has_attributes and (el.get("role") or "").lower() == "main")):
            main = el
        if tag == "article":
            articles.append(el)
    for candidate in (main, job, articles[0] if len(articles) == 1 else None):
        if candidate is not None and _text_size(candidate) >= MIN_CONTENT_SHARE * total:
            return candidate, True
    return None, False


@lru_cache(maxsize=4096)
def _names_job_container(value: str) -> bool:
    """Whether identifying attributes name a job description (cached like :func:`_chrome_attrs`)."""
    return bool(_JOB_CONTAINER.search(_NON_LETTERS.sub("", value.lower())))


@lru_cache(maxsize=4096)
def _chrome_attrs(value: str) -> bool:
    """Whether identifying attributes name chrome (cached: a site repeats its class names
    on every element and every page)."""
    lowered = _CAMEL.sub(r"\1 \2", value).lower()
    if _CHROME_WORDS.search(_SPLIT.sub("", lowered)):
        return True
    return not _CHROME_TOKENS.isdisjoint(_SPLIT.split(lowered))


def _holds_menu(el: Any) -> bool:
    return (el.find(".//nav") is not None or el.find(".//ul") is not None or el.find(".//ol") is not None
            or len(el.findall(".//a")) >= 3)


def _text_size(el: Any) -> int:
    """How many characters of text ``el`` holds (``el.itertext()``'s, counted in one C call,
    which is six times faster than summing the pieces ``itertext`` yields)."""
    from lxml import etree

    return len(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
