"""What a match's surroundings say about it, read before it becomes a finding.

A rule's pattern finds words; whether those words blame depends on the text
around them: a quotation that mentions rather than uses them, a negation or a
denied claim just before them, a supposition ("if the engineer had been
careless"), a "they" that names things, or people in general as the agent.
The analyzer asks these questions of every match; they read the masked
document (names marked, code masked) and nothing of the rule but its category.
"""

from __future__ import annotations

import re

from .agents import GENERIC, SYSTEM
from .clause import _Lazy, read
from .clause_subject import _CLAUSE_WORDS, _OPENERS
from .finding import Category
from .lexicon import NAME_MARK, PEOPLE_PLURALS, ROLE_NOUNS
from .rule import Rule
from .verb_words import past_form

# Negation just before a match: "not Dana's fault", "we decided not to blame".
NEGATION_RE = _Lazy(
    # "make no mistake" and "no doubt" assert what follows rather than deny it.
    r"(?:\b(?:not(?!\s+(?:gonna|going\s+to)\s+lie)|never|no(?!\s+(?:mistake|doubt|question)\b)|none(?:\s+of\s+(?:which|them|these|those|it))?|nobody|neither|nor|without|hardly)|n't(?!\s+(?:believe|know))|n’t(?!\s+(?:believe|know)))\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)


_OPEN_QUOTES = "'\"‘“"
_CLOSE_QUOTES = "'\"’”"
_CLOSE_ONLY = "’”"
_BOTH_WAYS = "'\""
QUOTE_REACH = 60
_MENTION_LENGTH = 40


def mentioned(masked: str, start: int, end: int, longest: int | None = None) -> bool:
    """True when the span sits inside a short quotation: a term talked about, not used.

    "'human error'" and "a 'Root cause: human error' dropdown" both mention
    the label; a long quoted lesson ("'never ignore any errors in staging,
    they will bite you'") is still advice. An apostrophe inside a word
    ("don't") is not a quotation mark.
    """
    lo = max(0, start - QUOTE_REACH)
    opening = -1
    for i in range(start - 1, lo - 1, -1):
        ch = masked[i]
        if ch in _CLOSE_ONLY or (ch in _BOTH_WAYS and i + 1 < start and _is_closing(masked, i)):
            return False
        if ch in _OPEN_QUOTES and (i == 0 or not masked[i - 1].isalnum()):
            opening = i
            break
        if ch == "\n":
            return False
    if opening < 0 or _quoted_predicate(masked, opening):
        return False
    hi = min(len(masked), end + QUOTE_REACH)
    for i in range(end, hi):
        ch = masked[i]
        if ch in _CLOSE_QUOTES and (i + 1 == len(masked) or not masked[i + 1].isalnum()):
            # A short quote names a term; a long one states something, so it counts,
            # and so does a short one that someone said ("'Bertrand wrecked the
            # release,' said the head of support").
            limit = _MENTION_LENGTH if longest is None else longest
            return i - opening <= limit and not _spoken(masked, opening, i + 1)
        if ch == "\n":
            return False
    return False


_FIRST_WORD_RE = _Lazy(r"\s*([a-z]+)\b", re.IGNORECASE)
# Words before a quotation that make a quoted past form a label: "the so-called 'fixed'
# build", "what they called 'rushed'".
_LABEL_BEFORE_RE = _Lazy(
    r"\b(?:so[-\s]called|called|calls|labell?ed|termed|dubbed|word|words|the|a|an|as)\W*$",
    re.IGNORECASE,
)


def _quoted_predicate(masked: str, opening: int) -> bool:
    """A quotation that opens with a past form is what someone did, told in scare quotes
    ("how one employee 'pushed the wrong button' and caused a panic"): a predicate in
    use, not a term talked about."""
    word = _FIRST_WORD_RE.match(masked, opening + 1)
    if word is None or not past_form(word.group(1).lower()):
        return False
    return _LABEL_BEFORE_RE.search(masked, max(0, opening - 20), opening) is None


# A verb of saying just after a quotation, or a speaker and a colon or a verb of
# saying just before it: the quotation is speech, not a term talked about.
_SAID_AFTER_RE = _Lazy(
    r"\W{0,3}\s*(?:[\w@'’-]+\s+){0,3}?(?:said|says|told|wrote|writes|added|replied|put\s+it)\b",
    re.IGNORECASE,
)
_SAID_BEFORE_RE = _Lazy(
    r"\b(?:said|says|told|wrote|writes|replied|put\s+it\s+(?:best|well|plainly|bluntly))(?:\s+[\w@'’-]+){0,4}?"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)


# The writer takes the quoted words for their own: "… and I agree", "and she is right",
# "nobody here disagrees", "put it best".
_ENDORSED_RE = _Lazy(
    r"\b(?:(?:i|we)\s+(?:fully\s+|completely\s+)?agree|(?:she|he|they)(?:['’]s|['’]re|\s+is|\s+are|\s+was|\s+were)"
    r"\s+(?:absolutely\s+|quite\s+)?right|(?:nobody|no\s+one)\s+(?:here\s+)?(?:disagrees|would\s+disagree)"
    r"|put\s+it\s+(?:best|well|plainly|bluntly)|(?:our|my)\s+own\s+(?:report|review|findings?)\s+agrees?)\b",
    re.IGNORECASE,
)


def _spoken(masked: str, opening: int, after: int) -> bool:
    """True when the quotation from `opening` to `after` is what someone said and the
    writer takes for their own; quoted speech left as reported stays a quotation."""
    lo, hi = max(0, opening - 60), min(len(masked), after + 80)
    if _ENDORSED_RE.search(masked, lo, hi) is None:
        return False
    if _SAID_AFTER_RE.match(masked, after, min(len(masked), after + 30)):
        return True
    return _SAID_BEFORE_RE.search(masked, max(0, opening - 40), opening) is not None


# A quoted label right after a causal word is the writer's own claim in scare
# quotes ('blamed "human error"', 'due to an "embarrassing human error"').
_CAUSE_BEFORE_QUOTE_RE = _Lazy(
    r"\b(?:due\s+to|caused\s+by|because\s+of|blamed(?:\s+it)?(?:\s+(?:[\w-]+\s+){0,4}?on)?|attributed\s+to"
    r"|result\s+of|traced\s+to|down\s+to|cause\s+(?:was|is)"
    # "The cause, according to the company, was 'human error'", "it was a 'simple human error'".
    r"|cause\b[^.!?\n]{0,100}?\b(?:was|is)|(?:it|this|that)\s+(?:was|is)"
    # The event named as the thing the quote is: "the failure was an 'embarrassing human error'".
    r"|\bthe\s+(?:[\w-]+\s+)?(?:failure|outage|incident|crash|blackout|disruption|breach|glitch|mishap"
    r"|problem|fault)\s+(?:was|is))"
    r"\s+(?:an?\s+|the\s+)?(?:[\"“‘']\s*)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# … or a verb of causing right after the closing quote: "'Human error' led to the breach".
_CAUSE_AFTER_QUOTE_RE = _Lazy(
    r"[\w\s]{0,3}[\"”’']\s+(?:(?:\w+ly|yesterday|today|again|then|also|apparently|on\s+\w+day"
    r"|last\s+\w+)\s+){0,2}(?:led\s+to|resulted\s+in|caused|triggered|took|brought|knocked"
    r"|was\s+(?:to\s+blame|the\s+(?:root\s+)?cause))\b",
    re.IGNORECASE,
)


def given_as_cause(masked: str, start: int, end: int) -> bool:
    """True when a quoted span is given as the cause ("the cause was a 'human error'"):
    the quotation marks keep their distance, the sentence still blames."""
    # The reach covers the pattern's own: "The cause of this morning's blackout, lasting
    # over an hour, was a 'simple human error'" puts 60 characters between the two.
    if _CAUSE_BEFORE_QUOTE_RE.search(masked, max(0, start - 160), start) is not None:
        return True
    return _CAUSE_AFTER_QUOTE_RE.match(masked, end, min(len(masked), end + 60)) is not None


# A scare-quoted word right before a person is an epithet pinned on them
# ("'idiot' contractor", "the \"genius\" admin"), not a term talked about.
_EPITHET_RE = _Lazy(
    # An organisation's name may stand between: "'idiot' Acme engineer".
    rf"[\"”’']\s+(?:(?-i:[A-Z])[\w-]*\s+)?(?:{ROLE_NOUNS}|{NAME_MARK}|@)",
    re.IGNORECASE,
)


def applied_to_person(masked: str, end: int) -> bool:
    """True when a quoted word ending at `end` is pinned on the person named next."""
    return _EPITHET_RE.match(masked, end) is not None


def _is_closing(masked: str, i: int) -> bool:
    return masked[i - 1].isalnum() and (i + 1 >= len(masked) or not masked[i + 1].isalnum())


# A negation reaches every item of the list it opens: "the solution is not to scold
# users, ask them to try harder, or give them more training" rejects all three.
_NEGATED_LIST_RE = _Lazy(
    r"(?:\b(?:is|are|was|were)\s+not|\b(?:isn|aren|wasn|weren)['’]t)\s+(?:to|by|about)\b"
    # The items after the comma have no verb of their own ("…, and everyone should …").
    r"[^.;:!?]{0,120}?(?:,\s*(?:or\s+|and\s+|nor\s+)?|\s+(?:or|nor)\s+)"
    r"(?:(?!(?:should|must|will|would|can|need|needs|has|have|is|are|was|were)\b)\w+\W+){0,3}$",
    re.IGNORECASE,
)


# "It's not that people became careless, …", "not because the on-call was slow": the
# claim is denied whole, up to a "but" or "it's" that says what is so instead.
_DENIED_CLAIM_RE = _Lazy(
    r"(?:\b(?:it|this|that)(?:['’]s|\s+is|\s+was)\s+not|\b(?:it|this|that)\s+(?:isn|wasn)['’]t"
    r"|(?:^|[,;:(—–]\s*)not)\s+(?:just\s+|simply\s+|only\s+)?(?:that|because)\b"
    r"(?:(?!\bbut\b|\bit['’]s\b|\bit\s+(?:is|was)\b|\brather\b)[^.;:!?])*$"
    # Rumours denied: "Wright denied rumours of a botched upgrade".
    r"|\b(?:denied|denies|denying|dismissed|rejected|refuted)\s+(?:the\s+|any\s+)?(?:rumou?rs?|reports?|claims?"
    r"|allegations?|suggestions?|speculation)(?:\s+(?:of|that)\b[^.;:!?]*)?\s*$",
    re.IGNORECASE,
)


def negated(masked: str, sentence_start: int, start: int) -> bool:
    """True when the sentence denies what starts at `start`: a negation just before
    it, a negated list it belongs to, or a claim it reports as denied."""
    if NEGATION_RE.search(masked, sentence_start, start) is not None:
        return True
    lookback = max(sentence_start, start - 200)
    if _NEGATED_LIST_RE.search(masked, lookback, start) is not None:
        return True
    return _DENIED_CLAIM_RE.search(masked, lookback, start) is not None


# A condition still open where a match starts ("if the intern deletes the database,
# …", "even if being a bit more careful", "my apologies if it caused any issues"):
# what it says is supposed, not told. A condition in the past perfect ("if Dana had
# checked …") tells what happened and is hindsight, so it is not one of these.
_CONDITION_RE = _Lazy(
    r"\b(?:if|unless|whether|in\s+case|supposing|suppose)\b(?!\s+(?:only|so|not|any)\b)"
    # Concessive: "irrespective of who broke it, the name-calling should go".
    r"|\b(?:regardless|irrespective)\s+of\b|\bno\s+matter\b",
    re.IGNORECASE,
)
_CONDITION_CLOSED_RE = _Lazy(r"[,;:()]|\bthen\b", re.IGNORECASE)
_PAST_PERFECT_RE = _Lazy(r"\b(?:had|hadn['’]t|['’]d)\b", re.IGNORECASE)


def supposed(masked: str, sentence_start: int, start: int, end: int) -> bool:
    """True when `masked[start:end]` lies inside an open condition that is not hindsight."""
    opened = None
    for found in _CONDITION_RE.regex.finditer(masked, sentence_start, start):
        opened = found  # the last condition before the span
    if opened is None:
        return False
    # One scan to where the condition closes: the whole span must lie inside it ("If
    # anyone should be blamed, it's me" tells at the end).
    closing = _CONDITION_CLOSED_RE.search(masked, opened.end(), end + 200)
    if closing is not None and closing.start() < end:
        return False
    condition_end = closing.start() if closing else end
    if not opened.group(0).lower().startswith("if"):
        return True  # "whether anyone had been disciplined" asks; only "if … had" tells
    return _PAST_PERFECT_RE.search(masked, opened.end(), max(end, condition_end)) is None


# "When the nodes rebooted they failed to mount the volume": "they" opening a span points
# back at the subject of the nearest clause before it (a pronoun picks up the subject
# before any object: "the engineers rebooted the nodes and they failed to check" is the
# engineers). When that subject is plural things, the span judges nobody; after people,
# a singular subject or nothing at all, "they" stays people.
_THEY_OPENS_RE = _Lazy(r"\W*(?:(?:and|but|then|so)\s+)?(they)\b", re.IGNORECASE)


def they_are_things(masked: str, sentence_start: int, start: int, end: int) -> bool:
    """True when the span opens with a "they" that points back at plural things."""
    opened = _THEY_OPENS_RE.regex.match(masked, start, end)
    if opened is None or opened.start(1) <= sentence_start:
        return False
    for clause in reversed(read(masked, sentence_start, opened.start(1)).clauses):
        subject = [w.low for w in clause.words[: clause.predicate] if w.low not in _NOT_SUBJECT]
        if not subject:
            continue  # "… , but they …": no subject of its own, look further back
        head = subject[-1]
        plural = head.endswith("s") and not head.endswith(("ss", "'s", "’s", "us", "is"))
        return plural and head not in PEOPLE_PLURALS and clause.agent == SYSTEM
    return False


# What is said of people in general ("People forget steps under pressure", "Sometimes a
# developer accidentally saves the key …") tells how work goes: no one is judged.
ABOUT_OTHERS = frozenset({Category.BLAME_OTHER, Category.COUNTERFACTUAL})


def people_in_general(masked: str, sentence_start: int, sentence_end: int, start: int) -> bool:
    """Whether the clause the span starts in has people in general as its agent."""
    for clause in read(masked, sentence_start, sentence_end).clauses:
        if clause.words and clause.words[0].start <= start <= clause.words[-1].end:
            return clause.agent == GENERIC
    return False


# Words before a clause's verb that are not its subject.
_NOT_SUBJECT = _CLAUSE_WORDS | _OPENERS | {",", "and", "then"}


def quoted_remedy(rule: Rule, masked: str, end: int) -> bool:
    """Whether a remedy a frame found ends inside a short quotation: "if your
    answer is, 'don't do that', wrong answer" names the remedy, it does not ask it.

    A frame's span starts at its clause's agent, which an imperative takes from
    the clause before it, outside the quotation; its last word is the remedy's.
    """
    return rule.category is Category.TRY_HARDER and mentioned(masked, end - 1, end)
