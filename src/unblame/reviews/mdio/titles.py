"""Which template section a foreign heading is, by its normalised title.

Reviews written elsewhere follow a handful of templates (Google SRE,
Atlassian, PagerDuty, Etsy Morgue) under many spellings. A heading is lower-
cased, stripped of numbering, emphasis, parenthetical asides ("Timeline (times
in BST)"), a trailing "of the outage" and punctuation, then looked up as a
whole: "Follow-up timeline" is not "Follow-ups".
"""

from __future__ import annotations

import re

SYNONYMS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "overview",
        "executive summary",
        "incident summary",
        "tl;dr",
        "tldr",
        "abstract",
    ),
    "impact": ("impact", "customer impact", "user impact", "business impact", "impact assessment"),
    "timeline": (
        "timeline",
        "timeline of events",
        "incident timeline",
        "chronology",
        "sequence of events",
    ),
    "contributing_factors": (
        "contributing factors",
        "contributing factor",
        "root cause",
        "root causes",
        "causes",
        "contributing causes",
        "causal factors",
        "what went wrong",
        "what didn't go well",
        "what didn't go so well",
        "what did not go well",
        "what went badly",
        "what went poorly",
        "what could have gone better",
    ),
    "what_went_well": ("what went well", "went well", "things that went well", "what worked well"),
    "where_we_got_lucky": (
        "where we got lucky",
        "where we were lucky",
        "lucky",
        "luck",
        "what was lucky",
    ),
    "what_surprised_us": (
        "what surprised us",
        "surprises",
        "why were we surprised",
        "what was surprising",
    ),
    "action_items": (
        "action items",
        "action item",
        "actions",
        "follow-ups",
        "follow-up items",
        "follow-up actions",
        "followups",
        "remediation",
        "remediations",
        "remediation items",
        "next steps",
        "corrective actions",
        "corrective and preventative actions",
        "action plan",
        "todo",
        "to do",
    ),
    "learnings": (
        "lessons learned",
        "lessons",
        "learnings",
        "takeaways",
        "key takeaways",
        "what we learned",
    ),
}

LOOKUP: dict[str, str] = {
    synonym: key for key, synonyms in SYNONYMS.items() for synonym in synonyms
}

_PARENTHETICAL = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+")
_QUALIFIER = re.compile(r"\s+(?:of|for|from)\s+(?:the|this)\s+(?:outage|incident|event|issue)$")
_SPACES = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    """The comparable form of a heading: "2. Root Cause(s) of the Outage:" -> "root cause"."""
    text = title.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[*_`]", "", text)
    text = _PARENTHETICAL.sub("", text)
    text = _NUMBERING.sub("", text.strip())
    text = text.replace("follow up", "follow-up").replace("learnt", "learned")
    text = _SPACES.sub(" ", text).strip(" .:?!-–—")
    return _QUALIFIER.sub("", text)


def template_key(title: str) -> str | None:
    """The template section a heading stands for, or None when it is not one we know."""
    return LOOKUP.get(normalise_title(title))
