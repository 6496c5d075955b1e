"""Cues that question a person (`unblame.language.cues`): a question with an edge, a
rhetorical one about what someone did, asking what a person was doing."""

from __future__ import annotations

import re

from .agents import ELIDED, OTHER, agent_of
from .clause import Clause, Sentence, _Lazy
from .cues_care import CARE_STEMS, DELIBERATE_CARE_STEMS
from .lexicon import ROLE_NOUNS
from .verb_words import (
    _AUX,
    _PRESENT_ACTS,
    past_form,
)

# Acts of care a question can ask about as not taken.
_ASKED_CARE = rf"(?:{CARE_STEMS})\w*\b"


# The person a question asks about, after its auxiliary: "the reviewer", "they".
_ASKED_PERSON = r"(?:the|your|our|their)\s+(?:[\w-]+\s+)??[\w-]+|he|she|they|you"


# A question aimed at a person: it asks who or why of a slip, or with an edge
# ("did anyone even test it?", "merged without a review?", "... with CI red, again?").
_EDGE_RE = _Lazy(
    # Disbelief: "how on earth", "who the hell", "how did nobody notice".
    r"\b(?:on\s+earth|the\s+(?:hell|heck|fuck))\b"
    r"|\b(?:how|why)\s+(?:did|could|would|was|were|has|had)\s+(?:nobody|no\s+one|noone|none\s+of)\b"
    # "Did you actually read it?" (not "did you actually get a page?", which asks for facts).
    r"|\bactually\s+(?:test|read|check|look|review|run|open|try|verify)\w*"
    r"|\b(?:even|seriously|asleep|twice|thinking)\b|,\s*again\s*\?|\bwithout\s+(?:a|any|the)\s+"
    r"(?:single\s+)?(?:review|test|tests|approval|canary|check|word|warning|heads-up)\b"
    r"|\bwithout\s+(?:telling|asking|testing|checking|reviewing|running)\b|\bthe\s+wrong\b"
    # Keeping others in the dark: "… and tell no one?".
    r"|\btell(?:ing)?\s+(?:no\s+one|nobody|noone)\b"
    # Work done on production, questioned: "why were they making CDN changes in prod?"
    r"|\bwhy\b[^?]*?\b(?:chang|deploy|test|push|experiment|hotfix|edit|tweak|debugg|fiddl)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:in|on|to|into|straight\s+to|directly\s+(?:in|on|to))\s+(?:prod|production|live)\b"
    # Care asked about as not taken: "Did the reviewer not check the diff?", "Didn't anyone
    # test this?" (not "Did the job not run?": a person must be asked about).
    r"|\bdid\s+(?P<asked>(?:[\w@/-]+\s+){1,3}?)not\s+(?:even\s+)?"
    + _ASKED_CARE
    + r"|\bdid(?:n['’]t|\s+not)\s+(?P<asked_after>anyone|anybody|you|he|she|they"
    r"|(?:the|your)\s+(?:[\w-]+\s+)??[\w-]+)\s+"
    r"(?:even\s+)?"
    + _ASKED_CARE
    # The same care asked about as failed or as not going on: "Did the crew fail to
    # monitor the altitude?", "Why wasn't the reviewer running the tests?".
    + r"|\bdid\s+(?P<asked_failed>(?:[\w@/-]+\s+){1,3}?)fail\s+to\s+(?:\w+ly\s+)?(?:monitor|watch|"
    + CARE_STEMS
    + r")\w*\b"
    + r"|\bwhy\s+(?:was|were)(?:n['’]t|\s+not)\s+(?P<asked_doing>"
    + _ASKED_PERSON
    + r")\s+(?:\w+ly\s+)?(?:monitor|watch|acknowledg|"
    + CARE_STEMS
    + r")\w*ing\b"
    # A bad turn allowed: "Why did the operator let the tank overflow?" (not "why did the
    # scheduler let it run?", asked of a thing: the subject must be a person).
    r"|\b(?:why|how)\s+(?:did|could|would)\s+(?P<asked_let>"
    + _ASKED_PERSON
    + r")\s+(?:just\s+)?let\s+(?:the|it|this|that|them|a|an)\b",
    re.IGNORECASE,
)


_WHY_THEY_RE = _Lazy(
    r"\W*why\s+(?:on\s+earth\s+)?(?:do|did|were|was|are|is|would|does)(?:n['’]t)?\s+(?:they|he|she)\b",
    re.IGNORECASE,
)


_ADDRESSEE_RE = _Lazy(
    r"\b(?:you|your|he|she|someone|somebody|anyone|anybody|whoever|nobody|no\s+one|noone|who)\b|@\w",
    re.IGNORECASE,
)


# "Do you even run CI?": a habit questioned with an edge, in any tense.
_DO_YOU_EVEN_RE = _Lazy(
    r"\b(?:do|does|did)\s+(?:you|they|he|she|anyone|anybody|y['’]all|@[\w-]+)\s+(?:\w+\s+)?even\s+"
    # Only acts of care: "Do you even need a lock here?" is a real question.
    r"(?:test|read|check|look|review|run|know|understand|care|bother|try|open|bump)\w*\b",
    re.IGNORECASE,
)


# Who a question of care that cannot or will not be given asks about ("… he", "… the
# reviewers"), and the care (DELIBERATE_CARE_STEMS: "why doesn't the operator see the
# alarm?" asks about the panel, the review's own question).
_CARE_ASKED_OF = (
    r"(?:you|he|she|they|people|folks|anyone|anybody|@[\w-]+|(?:the\s+|our\s+|your\s+|these\s+|those\s+)?"
    r"(?:[\w-]+\s+)?(?:" + ROLE_NOUNS + r")s?)\s+"
)
_CARE_WITHHELD = (
    r"(?:" + DELIBERATE_CARE_STEMS + r"|understand|learn|follow|listen|remember|pay\s+attention)\b"
)

# Questions whose frame is the verdict, whatever the act: "Who in their right mind
# deploys on a Friday?", "How hard is it to read the runbook?", "Did nobody think
# to test this?".
# Acts whose having been done a bare "why …?" questions.
_BARE_ACTS = (
    r"(?:bother|comment|merge|push|deploy|release|ship|force[-\s]?push|delete|remove|close|publish|tag"
    r"|commit|approve|revert)"
)


_RHETORICAL_RE = _Lazy(
    r"\bin\s+(?:their|his|her|your)\s+right\s+mind\b"
    # Only care asked for: "How hard is it to add a retry?" asks about the work.
    r"|\bhow\s+(?:hard|difficult)\s+(?:is|was|can|would)\s+(?:it\s+)?(?:be\s+)?to\s+(?:"
    + CARE_STEMS
    + r"|follow|ask|wait|pay\s+attention|communicate|tell|ping)\b"
    # "Has no one tested it yet?" asks for news; "did nobody think to" does not.
    r"|\b(?:did|had)\s+(?:nobody|no\s+one|noone)\s+(?:\w+\s+){0,4}?(?:think|bother|check|test|read"
    r"|look|notice|review|verify)\w*\b"
    r"|\b(?:has|have|does|do)\s+(?:nobody|no\s+one|noone)\s+(?:\w+\s+){0,3}?(?:think|bother"
    r")\w*\b"
    # A habit of care asked after in the present: "Does nobody test these before merging?",
    # "Does anyone ever read the release notes?" (not "has anyone tried …", news asked).
    r"|\b(?:does|do)\s+(?:nobody|no\s+one|noone)\s+(?:\w+\s+){0,4}?(?:" + CARE_STEMS + r")\w*\b"
    r"|\b(?:does|do)\s+(?:anyone|anybody)\s+(?:here\s+|around\s+here\s+)?ever\s+(?:"
    + CARE_STEMS
    + r")\w*\b"
    # A trait asked about with "so": "why are you so afraid of a major version?" (not "why
    # is the cache so slow?", asked of a thing).
    r"|\bwhy\s+(?:are|were|is|was)\s+(?:you|he|she|@[\w-]+)\s+(?:so|such)\b"
    # Care asked after as something a person cannot or will not give: "why can't he read
    # the docs?", "why can he not understand how it works?" (not "why can't the cache
    # hold more?", asked of a thing).
    r"|\bwhy\s+(?:can['’]?t|cannot|won['’]t|don['’]t|doesn['’]t)\s+"
    + _CARE_ASKED_OF
    + r"(?:just\s+|ever\s+)?"
    + _CARE_WITHHELD
    + r"|\bwhy\s+(?:can|do|does|will|would)\s+"
    + _CARE_ASKED_OF
    + r"not\s+"
    + _CARE_WITHHELD
    # An act asked about with no subject, which questions it having been done at all, in a
    # reply ("then why comment on the PR?") or with an edge ("why merge it without the
    # tests?"); not an FAQ's "Why deploy on a canary first?" nor "why not use …?".
    + r"|\b(?:then|so|and|but)\s+why\s+(?:even\s+|on\s+earth\s+)?"
    + _BARE_ACTS
    + r"\b"
    r"|\bwhy\s+(?:even\s+|on\s+earth\s+)?" + _BARE_ACTS + r"\b[^?]{0,80}?\b(?:without|anyway|again"
    r"|if\s+you|when\s+you)\b"
    r"|\bwhy\s+even\s+bother\b"
    # The idea's owner asked for: "Whose bright idea was that?", "whose idea was it to …?".
    r"|\bwhose\s+(?:bright\s+|brilliant\s+|great\s+|genius\s+|stupid\s+|dumb\s+)?idea\s+(?:was|is)\s+"
    r"(?:this|that|it)\b",
    re.IGNORECASE,
)


# "What was the on-call doing for forty minutes?": the doing asked of a person.
_WHAT_DOING_RE = _Lazy(
    r"\W*what\s+(?:the\s+(?:hell|heck)\s+)?(?:was|were|is|are)\s+((?:[\w@.'’-]+\s+){1,3}?)doing\b",
    re.IGNORECASE,
)


def accusation(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A question with an edge about what a person did (checked once, on the first clause)."""
    text = sentence.text.rstrip()
    if clause is not sentence.clauses[0] or not text.endswith("?"):
        return None
    if (
        _asks_what_a_person_was_doing(text)
        or _DO_YOU_EVEN_RE.search(text)
        or _RHETORICAL_RE.search(text)
    ):
        return sentence.offset, sentence.offset + len(text)
    edge = _EDGE_RE.search(text)
    if edge is None or not _past_act(sentence):
        return None
    people = {c.agent for c in sentence.clauses} & {OTHER, ELIDED}
    asked = next((words for words in edge.groupdict().values() if words), None)
    if asked is not None and agent_of(asked) == OTHER:
        # "did the reviewer not check …", "why didn't the reviewer catch it?": the subject
        # after the auxiliary (not "why didn't the canary catch it?", asked of a thing).
        people.add(OTHER)
    if _WHY_THEY_RE.match(text):
        # "Why were they making changes in prod?": the subject after the auxiliary.
        people.add(OTHER)
    if sentence.words[0].low in _AUX:
        # "Did the retry actually fire?": the subject follows the auxiliary, and a
        # question that opens with one has not left it out.
        people.discard(ELIDED)
    if not people and _ADDRESSEE_RE.search(text) is None:
        return None
    return sentence.offset, sentence.offset + len(text)


# "wasn't the reviewer running …": the subject may stand between, so the -ing word is
# looked for a few words on.
_WAS_FORMS = frozenset({"was", "were", "wasn't", "weren't", "wasn’t", "weren’t"})


_DOES_SOMEONE_RE = _Lazy(
    # "Does anyone even use …?" asks about use: "even" questions are `_DO_YOU_EVEN_RE`'s.
    r"\b(?:do|does)\s+(?:you|someone|somebody|anyone|anybody|he|she|they|@[\w-]+)\s+(?!even\b)(?:\w+\s+)?(?!even\b)[\w-]+"
    r"|\byou\s+(?:just|simply|really|actually|seriously)\s+[\w-]+",
    re.IGNORECASE,
)


def _asks_what_a_person_was_doing(text: str) -> bool:
    match = _WHAT_DOING_RE.match(text)
    return match is not None and agent_of(match.group(1)) == OTHER


def _past_act(sentence: Sentence) -> bool:
    # A habit in the present counts too: "who approves a PR with 40 failing tests?",
    # "how does someone force-push over main twice?"
    if _DOES_SOMEONE_RE.search(sentence.text):
        return True
    words = sentence.words
    return (
        any(
            past_form(w.low) or w.low in _PRESENT_ACTS or w.low in {"did", "didn't", "didn’t"}
            for w in words
        )
        or any(  # "why were you testing in prod?", "who was pushing …": an act going on then
            w.low in _WAS_FORMS and any(n.low.endswith("ing") for n in words[i + 1 : i + 5])
            for i, w in enumerate(words)
        )
    )
