"""Cues that judge a person or name a culprit (`unblame.language.cues`): a warning set aside,
names called, a verdict on ability, a plain act given as the cause, a person named as the
reason, shame beside one's own act; questions with an edge are in `cues_questions`."""

from __future__ import annotations

import re

from .agents import _PRONOUNS, _ROLES, ELIDED, GROUP, OTHER, SELF, SYSTEM, Word, agent_of
from .clause import Clause, Sentence, _Lazy
from .cue_base import (
    _CONDITIONS,
    _DISCOVERIES,
    _DISREGARD_RE,
    _GOOD_OUTCOME_RE,
    _NEGATIONS,
    _RESPONSES,
    _WRONG_OBJECT_RE,
    _acts,
    _clause_text,
    _explained,
    _first_verb,
    _from_predicate,
    _past_verb,
    _phrase,
    _predicate,
    _predicate_start,
    _responds,
    _unreal,
)
from .cue_triggers import _CANNOT_VERBS
from .cues_acts import slip
from .cues_care import omission
from .lexicon import DEPRECATING_ADJECTIVES, DEPRECATING_NOUNS, NAME_MARK, ROLE_WORDS

# A verdict on what a person can do, as a standing trait: "doesn't know how DNS
# works", "had no idea what he was doing", "should be kept away from prod".
# What someone did not know at the time ("didn't know the flag was shared") is
# the local rationality a review wants, so past "didn't know" is no verdict.
_INCOMPETENCE_RE = _Lazy(
    r"(?:doesn['’]t|does\s+not|don['’]t|dont|do\s+not)\s+(?:\w+ly\s+|even\s+)?(?:know|understand|comprehend|get)"
    r"\s+(?:how|what|the\s+(?:basics|first\s+thing|difference))\b"
    # "no clue how this happened" is puzzlement about an event, not a verdict.
    r"|(?:has|have)\s+(?:absolutely\s+)?no\s+(?:idea|clue|understanding)\b"
    r"(?!\s+(?:how|why|where|when|whether|if|what)\b)"
    r"|(?:had|has|have)\s+(?:absolutely\s+)?no\s+(?:idea|clue)\s+what\s+(?:he|she|they|you|i|we)"
    r"(?:\s+(?:was|were|is|are|am)|['’](?:m|s|re))\s+doing\b"
    r"|(?:didn['’]t|did\s+not|doesn['’]t|does\s+not)\s+have\s+(?:a|the\s+(?:slightest|faintest|first))"
    r"\s+(?:clue|idea)\b"
    r"|(?:shouldn['’]t|should\s+not|should\s+never|must\s+not|must\s+never)\s+be\s+(?:allowed|let"
    r"|trusted)\s+(?:near|anywhere|to\s+touch|with)\b"
    r"|should\s+(?:be\s+kept|stay)\s+(?:well\s+)?away\s+from\b"
    # A title mocked: "and you call yourself production ready?", "calls himself a DBA".
    r"|call(?:s|ed)?\s+(?:yourself|yourselves|himself|herself|themselves)\s+(?:an?\s+)?[\w-]+"
    # "Whoever wrote this query has never heard of an index".
    r"|(?:has|have|had)\s+(?:clearly\s+|obviously\s+)?never\s+heard\s+of\b"
    # "Bob should know better than to deploy on a Friday": a standard he falls short of.
    r"|(?:should|ought\s+to)\s+(?:have\s+)?know[n]?\s+better\b"
    r"|(?:is|are|was|were)\s+(?:not|n['’]t)\s+(?:qualified|competent|fit)\s+(?:to|for)\b"
    # Ability or attention denied: "was incapable of swapping a PDU", "you're so bad at
    # releases", "the crew was oblivious".
    r"|(?:is|are|was|were)\s+(?:\w+ly\s+|just\s+)?(?:incapable\s+of|oblivious\b"
    r"|(?:terrible|hopeless|useless|awful)\s+at(?!\s+(?:least|first|all|night|times?|the\s+(?:time|moment)"
    r"|that\s+(?:time|point|moment)|this\s+point)\b))"
    # With its intensifier it is a verdict even after a contracted "you're".
    r"|\b(?:so|really|truly|terribly|awfully)\s+bad\s+at\s+(?!least\b)"
    rf"|(?:can['’]t|cannot)\s+(?:even\s+)?(?:{'|'.join(_CANNOT_VERBS)})\b"
    # An attitude pinned on people: "the maintainers clearly don't care about …".
    r"|(?:doesn['’]t|doesnt|does\s+not|don['’]t|dont|do\s+not|didn['’]t|did\s+not)\s+(?:\w+ly\s+|even\s+)?care"
    # Or said alone: "management doesn't care and neither do the devs".
    r"(?:\s+(?:about|if|whether|at\s+all|anymore|any\s+more|and|but)\b|\s*(?:[.,;!]|$))"
    # Thought denied: "whoever configured this was clearly not thinking".
    r"|(?:was|were|is|are)\s+(?:\w+ly\s+)?not\s+thinking\b(?!\s+(?:about|of)\b)"
    # Composure judged: "the junior engineer panicked", "lost his head".
    r"|(?<!feeling\s)(?<!felt\s)(?<!was\s)(?<!were\s)(?<!got\s)(?<!being\s)(?:\w+ly\s+)?(?:panicked"
    r"|freaked\s+out|lost\s+(?:his|her|their|your)\s+(?:head|cool|nerve))\b",
    re.IGNORECASE,
)


# Said of oneself, not knowing how something works is honesty; only the idioms
# of self-deprecation count.
_SELF_DEPRECATING_RE = _Lazy(
    r"what\s+(?:i|we)(?:\s+(?:am|was|were|are)|['’](?:m|re))\s+doing|\beven\b",
    re.IGNORECASE,
)


# A person called names: "the contractor is a liability", "that DBA is useless".
_INSULT_RE = _Lazy(
    rf"""(?:is|was|are|were|['’]s|['’]re|seems|seemed)\s+
        (?:(?:\w+ly|just|such|so|a|an|the|absolute|complete|total|real|proper|bit\s+of)\s+){{0,3}}
        (?:{DEPRECATING_NOUNS}|{DEPRECATING_ADJECTIVES})\b""",
    re.IGNORECASE | re.VERBOSE,
)


def insult(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the predicate calls the person names, not what they did: a name on the
    list, or any noun an intensifier sharpens ("is a complete slob", "a total muppet")."""
    found = _from_predicate(sentence, clause, _INSULT_RE)
    if found is not None:
        return found
    start, text = _predicate(sentence, clause)
    match = _INTENSIFIED_NOUN_RE.match(text)
    if match is None or match.group("noun").lower() in _NOT_INSULTING:
        return None
    return start + match.start(), start + match.end()


# A person called a noun that "complete", "total" or "utter" sharpens: in a review that is
# a name called, whatever the noun ("Whoever did this is a complete slob").
_INTENSIFIED_NOUN_RE = _Lazy(
    # The copula may sit in the subject's contraction: "He's such a total …".
    r"(?:(?:is|was|are|were|['’]s|['’]re)\s+)?(?:just\s+|really\s+|clearly\s+|obviously\s+)?(?:a|an|such\s+an?)"
    r"\s+(?:complete|total|utter|absolute|big|real)\s+(?P<noun>[a-z][\w-]*)\b(?!\s+of\b)",
    re.IGNORECASE,
)
# Nouns an intensifier praises or measures with: "a real expert", "a big fan of …", "a
# big help", "a total professional", and the roles ("a real engineer").
_NOT_INSULTING = frozenset(
    {"fan", "believer", "help", "part", "deal", "asset", "pro", "professional", "legend", "hero"}
    | {"star", "expert", "champ", "champion", "natural", "advocate", "supporter", "proponent"}
    | {"gem", "lifesaver", "life-saver", "team", "player", "success", "win", "improvement"}
    | {"surprise", "shock", "relief", "pleasure", "honour", "honor", "privilege", "thanks"}
    | {"good", "great", "nice", "kind", "fine", "solid", "strong", "huge", "reason", "one"}
    | {w.lower() for w in ROLE_WORDS}
)


def incompetence(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the predicate passes a verdict on what the person is able to do."""
    if clause.words[0].low in _CONDITIONS:
        return None
    start, text = _predicate(sentence, clause)
    match = _INCOMPETENCE_RE.search(text)
    if match is None:
        return None
    said = text[match.start() : match.end() + 20]
    if clause.agent == SELF and not _SELF_DEPRECATING_RE.search(said):
        return None
    found = start + match.start(), start + match.end()
    # "@dana lol, I have no idea …": a pronoun in between is the real subject.
    between = (w for w in clause.words[clause.predicate :] if w.start < found[0])
    return None if any(w.low in _PRONOUNS for w in between) else found


# Care left undone told as the person's habit, as plain to see or as short of
# a measure ("didn't even read it", "not closely enough"): the writer
# judges the person, not the one slip ("once again the network team rolled out
# a change without telling anyone", "the approver clearly didn't read it").
_HABIT_RE = _Lazy(
    r"\b(?:once\s+again|yet\s+again|again|as\s+usual|as\s+always|always|clearly|obviously"
    r"|evidently|keeps?\s+[\w-]+ing|kept\s+[\w-]+ing"
    # The care measured and found short: "didn't even read it", "not closely enough".
    r"|even|enough|too\s+(?:closely|carefully|hard|much))\b",
    re.IGNORECASE,
)


def habit(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where an omission or slip of the clause comes with a word of habit or plainness."""
    found = omission(sentence, clause) or slip(sentence, clause)
    if found is None:
        return None
    marker = _HABIT_RE.search(_clause_text(sentence, clause, clause.start))
    if marker is None:
        return None
    at = clause.start + marker.start()
    if at < _predicate_start(clause) and marker.group().lower().startswith(_MEASURES):
        return None  # "Even the on-call missed it": so hard to see that the expert did too
    # The slip may stand before the subject ("Mistakenly, …"): the span covers it too.
    return min(at, clause.agent_start, found[0]), found[1]


_MEASURES = ("even", "enough", "too")


_WENT_AHEAD_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:proceeded|went\s+ahead|pressed\s+on|carried\s+on|pushed\s+ahead|continued"
    r"|(?:chose|decided|opted|elected)\s+to\s+(?:ship|push|deploy|merge|proceed|go\s+ahead|release|continue))\b",
    re.IGNORECASE,
)


_AGAINST_WARNINGS_RE = _Lazy(
    r"\b(?:despite|in\s+spite\s+of|regardless|anyway|even\s+though|nonetheless|all\s+the\s+same)\b",
    re.IGNORECASE,
)


# Knowing and doing it all the same: "was told the replica was behind and went ahead
# anyway", "knew the backup had not finished and started the wipe anyway".
_WARNED_YET_RE = _Lazy(
    r"\b(?:knew|was\s+told|were\s+told|was\s+warned|were\s+warned|had\s+been\s+(?:told|warned|asked)"
    r"|was\s+asked|were\s+asked)\b[^.;!?]{0,120}?\band\s+(?:then\s+|still\s+)?(?:[\w'’-]+\s+){1,8}?"
    r"(?:anyway|regardless|nonetheless|all\s+the\s+same)\b",
    re.IGNORECASE,
)


# The warning told before the one who set it aside: "Even after QA flagged the
# crash, Lars pushed the build", "In spite of the red canary, Yusra promoted …".
_WARNING_BEFORE_RE = _Lazy(
    r"(?:\b(?:despite|in\s+spite\s+of|regardless\s+of|against)\s+(?:the\s+|a\s+|an\s+|all\s+|several\s+"
    r"|multiple\s+|repeated\s+|\d+\s+)?(?:[\w-]+\s+){0,2}?(?:warnings?|red|failing|advice|objections?"
    r"|concerns?|alerts?|pages?|freeze)"
    r"|\beven\s+(?:after|though|when|as)\s+(?:[\w@'’-]+\s+){1,4}?(?:flagged|warned|objected|asked|pointed\s+out"
    r"|raised|reported|said|told|showed|went\s+red|was\s+failing|were\s+failing))\b[^.;!?]{0,100}$",
    re.IGNORECASE,
)


# An act done in the face of a warning or a rule: "pushed the build despite the
# red dashboard", "merged with failing checks", "rolled out against the runbook".
_DEFYING_RE = _Lazy(
    r"\b(?:despite|in\s+spite\s+of|against|contrary\s+to|ignoring|regardless\s+of)\s+(?:the\s+|a\s+|an\s+"
    r"|our\s+|their\s+|his\s+|her\s+|all\s+|several\s+|multiple\s+|repeated\s+|\w+\s+of\s+the\s+|\d+\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:warnings?|red|failing|advice|runbook|policy|policies|freeze|objections?"
    r"|concerns?|guidance|rules?|procedures?|recommendations?|instructions?|pages?|alerts?)\b"
    r"|\bwith\s+(?:\w+\s+)?(?:failing|red|broken)\s+(?:checks?|tests?|ci|builds?|pipelines?)\b"
    # Ahead of the safeguard: "shipped before the load test finished".
    r"|\bbefore\s+(?:the\s+|any\s+|a\s+)?(?:[\w-]+\s+)?(?:review|approval|tests?|checks?|ci|canary|load\s+test"
    r"|build|suite|soak)\s+(?:had\s+)?(?:finished|completed|passed|ran|came\s+back|was\s+done"
    r"|were\s+done|went\s+green)\b"
    # At the riskiest time: "dropped the index during peak traffic".
    r"|\b(?:during|at|in\s+the\s+middle\s+of)\s+(?:the\s+)?(?:peak|busiest|rush)\b"
    r"|\bin\s+the\s+middle\s+of\s+the\s+(?:business\s+|working\s+|work\s+|trading\s+)?day\b"
    # Round the safeguard: "pushed straight to production, bypassing CI".
    r"|\b(?:bypassing|skipping|circumventing|sidestepping)\s+(?:the\s+|a\s+|an\s+|all\s+|any\s+)?"
    r"(?:[\w-]+\s+)?(?:ci|reviews?|checks?|tests?|approvals?|canary|pipeline|safeguards?|process"
    r"|change\s+control)\b"
    r"|\bon\s+a\s+friday\s+(?:afternoon|evening|night)\b",
    re.IGNORECASE,
)


_AND_WENT_AHEAD_RE = _Lazy(r"\band\s+(?:then\s+|still\s+)?" + _WENT_AHEAD_RE.pattern, re.IGNORECASE)


# "… and skipped the review": a second act of the clause sets the step aside.
_AND_DISREGARD_RE = _Lazy(r"\band\s+(?:then\s+)?" + _DISREGARD_RE.pattern, re.IGNORECASE)


def disregard(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the act sets a warning or a step aside: "ignored three pages", "skipped step 4",
    "despite the warnings, the team proceeded", "went ahead with the purge anyway".

    A reason given beside it ("ignored the alert because it had fired falsely for
    weeks", "skipped it by design") is the local rationality a review wants.
    """
    found = _from_predicate(sentence, clause, _DISREGARD_RE)
    if found is None and _AGAINST_WARNINGS_RE.search(sentence.text):
        found = _from_predicate(sentence, clause, _WENT_AHEAD_RE)
        if found is None:
            found = _phrase(sentence, clause, _AND_WENT_AHEAD_RE)
        if found is None:
            found = _warned_yet(sentence, clause)
    if found is None and _acts(clause):
        found = _phrase(sentence, clause, _AND_DISREGARD_RE)
    if found is None and _past_verb(clause):
        found = _defying(sentence, clause) or _warned_before(sentence, clause)
    if found is None or _explained(sentence, clause):
        return None
    return found


def _warned_yet(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The clause knows or was told of a danger and acts all the same; a "not" inside
    what was known ("knew the backup had not finished") does not make the act unreal."""
    start, text = _predicate(sentence, clause)
    match = _WARNED_YET_RE.search(text)
    if match is None or _unreal(clause, start + match.start() + 1):
        return None
    return start + match.start(), start + match.end()


def _warned_before(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The warning stands before the clause's subject, in an opening of the sentence
    ("Even after QA flagged the crash, Lars pushed …"); the span is the warning."""
    before = sentence.text[: clause.agent_start - sentence.offset]
    match = _WARNING_BEFORE_RE.search(before)
    # The opening ends at a comma before the subject: "Even after QA flagged it, Lars …".
    if match is None or "," not in before[match.start() :]:
        return None
    return sentence.offset + match.start(), sentence.offset + match.end()


def _defying(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """An act done against a warning, ahead of a safeguard or at the riskiest time;
    "before the tests passed" stands in a clause of its own, so the rest of the
    sentence is read, up to a clause with a subject of its own."""
    start = _predicate_start(clause)
    end = _own_subject_after(sentence, clause)
    text = sentence.text[start - sentence.offset : end - sentence.offset]
    match = _DEFYING_RE.search(text)
    if match is None or _unreal(clause, start + match.end()):
        return None
    if any(w.low in _HINDSIGHT_MODALS for w in clause.words[: clause.predicate + 3]):
        return None  # "He shouldn't have merged before the tests finished" is hindsight
    return start + match.start(), start + match.end()


_HINDSIGHT_MODALS = frozenset(
    {"should", "shouldn't", "shouldn’t", "ought", "must", "mustn't", "could", "couldn't"}
)


def _own_subject_after(sentence: Sentence, clause: Clause) -> int:
    """Where the first later clause led by a person starts (the sentence end if none)."""
    later = [c for c in sentence.clauses if c.start > clause.start]
    for other in later:
        # A participle clause (", bypassing review") acts through this one's subject.
        own = other.agent_start >= other.start and other.agent in (OTHER, SELF, GROUP)
        if own and other.words[0].low not in {"before", "during"}:
            return other.start
    return sentence.offset + len(sentence.text)


# What a "because", "when" or "that" clause is given as the cause of.
_OUTCOME_BEFORE_RE = _Lazy(
    r"(?:\b(?:outage|incident|failure|problem|issue|downtime|breakage|errors?|it|this|that)\b"
    r"[^,;:]{0,40}?\b(?:was|is|happened|occurred|started|began|broke|failed|went\s+down"
    r"|came\s+about|(?:was\s+)?triggered|(?:was\s+)?caused)(?:\s+\w+){0,2}"
    r"|\b(?:root\s+)?(?:cause|issue|problem|reason|trigger)\s+(?:was|is)"
    # "Two hundred sailings were cancelled all because …": the loss told just before.
    r"|\b(?:were|was)\s+(?:\w+ly\s+)?(?:cancell?ed|grounded|stranded|lost|delayed|wiped|corrupted)"
    r"(?:\s+(?:all|just|only|simply))?)\s*$",
    re.IGNORECASE,
)


_OPENS_CAUSE = frozenset({"because", "when", "that"})


# After "when", only a verb of causing makes the clause a cause rather than a time.
_CAUSED_WHEN_RE = _Lazy(r"\b(?:triggered|caused|broke|went\s+down)\b", re.IGNORECASE)


# "The issue was that …": only a noun naming the cause makes "that" open one.
_NAMES_A_CAUSE_RE = _Lazy(r"\b(?:cause|issue|problem|reason|trigger)\s+(?:was|is)\b", re.IGNORECASE)


# Seeing and answering are what people do about a failure, not what causes it.
_NOT_CAUSES = _RESPONSES | {"saw", "noticed", "checked", "looked", "asked", "paged", "called"}


_CHANGING_ACTS = frozenset(
    {"turned", "disabled", "removed", "deleted", "changed", "approved", "restarted", "dropped"}
    | {"skipped", "ignored", "set", "edited", "modified", "killed", "stopped", "silenced", "muted"}
    | {"unplugged", "rebooted", "switched", "flipped", "toggled", "overrode", "bypassed"}
    | {"pushed", "deployed", "merged", "shipped", "ran", "applied", "committed", "released"}
)


_CLEFT_RE = _Lazy(
    r"\W*(?:it|this|that)(?:\s+(?:was|is)|['’]s)\s+(?:[\w@.'’-]+\s+){1,3}?(?:who|that)\b",
    re.IGNORECASE,
)


_CANNOT_RE = _Lazy(r"\b(?:can['’]?t|cannot|could\s*n['’]?t|unable|no\s+longer)\b", re.IGNORECASE)


def cause(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A person's plain act given as the cause: "It happened because an engineer changed the quota".

    Told of a thing the same sentence is the review's job ("because the quota
    changed"); told of a person it ends the inquiry at them.
    """
    opener = clause.words[0].low
    if opener in {"who", "that"} and clause.agent == OTHER and _CLEFT_RE.match(sentence.text):
        return _singled_out(sentence, clause)
    if opener not in _OPENS_CAUSE or not _acts(clause):
        return None
    verb = _first_verb(clause)
    if verb is None or verb.low in _NOT_CAUSES or _unreal(clause, verb.end):
        return None
    before = sentence.text[: clause.start - sentence.offset]
    if opener == "because" and clause is sentence.clauses[0]:
        # "Because Brisco truncated the audit table, we can't reconstruct …".
        after = sentence.text[clause.end - sentence.offset :]
        went_wrong = _WENT_WRONG_RE.search(after) or _CANNOT_RE.search(after)
        return (clause.agent_start, verb.end) if went_wrong else None
    outcome = _OUTCOME_BEFORE_RE.search(before)
    if outcome is None and opener == "because" and _WENT_WRONG_RE.search(before):
        # "The build is broken because Ana merged …": any state gone wrong.
        return clause.agent_start, verb.end
    if outcome is None or (opener == "that" and not _NAMES_A_CAUSE_RE.search(outcome.group())):
        return None
    if opener == "when" and not _CAUSED_WHEN_RE.search(outcome.group()):
        return None  # "The incident began when the on-call deployed 4.2" tells the time
    return clause.agent_start, verb.end


def _singled_out(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """ "It was Tom who turned off the alerts": the cleft singles the person out.

    Only acts that change the system count: "It was Priya who noticed" or "who
    restored the service" is credit.
    """
    verb = _first_verb(clause)
    if verb is None or verb.low not in _CHANGING_ACTS or _unreal(clause, verb.end):
        return None
    if _GOOD_OUTCOME_RE.search(_clause_text(sentence, clause, clause.start)):
        return None
    return clause.agent_start, verb.end


# A person named as what made the outcome happen: "Dana was the reason the
# queue backed up", "I'm the cause of the checkout errors".
_CULPRIT_RE = _Lazy(
    r"(?:(?:is|was|are|were|am)\s+)?(?:(?:really|probably|definitely|honestly|clearly|partly|solely"
    r"|entirely|directly|basically|literally)\s+)?(?:the|a|an|one\s+of\s+the)\s+(?:(?:main|real|root"
    r"|whole|only|sole|direct|primary|actual|likely|probable)\s+)?(?P<noun>reason|cause|culprit|problem)s?\b"
    # The pseudo-cleft: "Femi's hotfix is why checkout failed".
    r"|(?:is|was)\s+(?:exactly\s+|precisely\s+|partly\s+)?why\b",
    re.IGNORECASE,
)


# What the person caused went wrong: an event of failure or a bad state.
_WENT_WRONG_RE = _Lazy(
    r"\b(?:outage|incident|failure|breakage|mess|downtime|loss|regression|corruption|delay|errors?"
    r"|bugs?|damage|disaster|broke|broken|down|froze|frozen|stalled|stuck|backed\s+up|lost|leaked"
    r"|crash\w*|fail\w*|hung|timed\s+out|slow\w*|degraded|paged|woken|woke|spiked|filled|overflowed"
    r"|unavailable|unreachable|offline|late|wrong|missed|postmortem|post-mortem|sev\s?\d|red|empty"
    # Server errors by status: "users saw 502s".
    r"|5\d\ds|5xx)\b",
    re.IGNORECASE,
)


# Credit: "Dana is why the outage was short", "… the reason the errors stopped".
_KEPT_SMALL_RE = _Lazy(
    _GOOD_OUTCOME_RE.pattern + r"|\b(?:short|shorter|brief|contained|small|minor|no\s+worse)\b",
    re.IGNORECASE,
)


_COPULA_CONTRACTIONS = ("'m", "’m", "'s", "’s", "'re", "’re")


# Whoever it was is no one in particular: "… rebukes whoever did it".
_ANYONE = frozenset({"whoever", "who", "anyone", "anybody", "everyone", "everybody", "someone"})


# "An intern did this.": the act left unnamed, only its author.
# "Whoever decided … owes the support team an apology": the debt names a culprit.
_OWES_RE = _Lazy(r"owes\s+(?:[\w-]+\s+){0,4}?an?\s+(?:big\s+|huge\s+)?apology\b", re.IGNORECASE)


_DID_THIS_RE = _Lazy(
    r"did\s+(?:this|that|it)(?:\s+to\s+(?:us|me|them|you|the\s+[\w-]+))?\s*[.!]*\s*$", re.IGNORECASE
)


def culprit(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The person is said to be the reason or cause of something that went wrong,
    or the author of an act left unnamed ("An intern did this.").

    The copula may sit in the subject's contraction ("I'm the reason …"); the
    outcome must be a failure, not a credit ("Dana is the reason the migration
    went smoothly").
    """
    start, text = _predicate(sentence, clause)
    did = _DID_THIS_RE.match(text)
    subject_end = clause.words[clause.predicate - 1].low if clause.predicate else ""
    if did is not None and clause is sentence.clauses[-1] and subject_end not in _ANYONE:
        return start, start + did.end()
    owes = _OWES_RE.search(text)
    if owes is not None and not _unreal(clause, start + owes.end()):
        return start + owes.start(), start + owes.end()
    match = _CULPRIT_RE.match(text)
    if match is None:
        return None
    copula = match.group().split(None, 1)[0].lower() in {"is", "was", "are", "were", "am"}
    if not copula and not subject_end.endswith(_COPULA_CONTRACTIONS):
        return None
    rest = sentence.text[start - sentence.offset + match.end() :]
    # A culprit or "the problem" needs no outcome beside it: the noun is the verdict.
    noun = (match.group("noun") or "").lower()
    outcome = noun in {"culprit", "problem"} or _WENT_WRONG_RE.search(rest)
    if not outcome or _unreal(clause, start + match.end()) or _KEPT_SMALL_RE.search(rest):
        return None
    return start + match.start(), start + match.end()


# Shame said beside the writer's own act: "Embarrassing: I pushed the keys …",
# "Not my finest hour: I restarted the primary". The word stands on its own
# (followed by a mark), not before a noun ("an embarrassing bug in the parser").
_SHAME_RE = _Lazy(
    r"\b(?:(?:so\s+|really\s+|deeply\s+|very\s+)?(?:embarrass(?:ing|ed)|mortif(?:ying|ied)|ashamed"
    r"|humiliat(?:ing|ed)|shameful|cringe(?:worthy)?|guilty)|not\s+my\s+(?:finest|proudest|best|brightest)"
    r"\s+(?:hour|moment|day|work)|what\s+an?\s+(?:idiot|fool|moron|muppet|clown)\s+i\s+am)"
    r"(?:\s+(?:one|moment|bit|admission|update))?\s*[:,.!;—–-]"
    # Disbelief at one's own act: "I can't believe I did that, I deleted …".
    r"|\bi\s+(?:can['’]?t|cannot|could\s*n['’]?t)\s+believe\s+i\b",
    re.IGNORECASE,
)


_APOLOGY_RE = _Lazy(
    r"\b(?:sorry|apologi[sz]e|apologies|forgive|my\s+bad|mea\s+culpa)\b", re.IGNORECASE
)


def shame(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The line carries shame, and this clause tells the writer's own act; or it
    apologises, and the act went to the wrong thing ("Apologies, I tagged v2 on
    the wrong commit"): alone, that is the behavioural report the guide keeps."""
    if clause.agent not in (SELF, ELIDED) or not _acts(clause) or _responds(clause):
        return None
    if _APOLOGY_RE.search(sentence.text):
        wrong = _phrase(sentence, clause, _WRONG_OBJECT_RE)
        if wrong is not None:
            return wrong
    found = _SHAME_RE.search(sentence.text)
    verb = clause.words[clause.predicate] if clause.predicate < len(clause.words) else None
    if found is None or verb is None or _unreal(clause, verb.end):
        return None
    return sentence.offset + found.start(), verb.end


# Dismay said as an interjection of its own, anywhere in the line: "… over the
# remote. oops.", "Facepalm. I bumped …"; not a noun ("the oops page").
_DISMAY_RE = _Lazy(
    r"(?:^|[.!?,:;(]\s*|\s)(?:w?oops\w*|whoops|d'oh|doh|facepalm|argh|welp|ugh|dammit|damnit)"
    r"(?=\s*(?:[.!?,:;)…]|$|[^\w\s]))",
    re.IGNORECASE,
)


# A belief that turned out wrong, told of one's own act: "… thinking it was the
# spare", "… assuming it was staging".
_MISTAKEN_BELIEF_RE = _Lazy(
    r"\b(?:thinking|believing|assuming|sure|convinced)\s+(?:that\s+)?(?:it|this|that|they|he|she|i)"
    r"\s*(?:was|were|'d|’d|had|would|'s|’s|is)\b",
    re.IGNORECASE,
)


# Verbs that tell no act put in place: finding and fixing, or meaning and saying
# ("Oops, typo above: I meant 4.2").
_NOT_DONE = (
    _RESPONSES
    | _DISCOVERIES
    | {"meant", "said", "wrote", "asked", "thought", "wanted", "hoped", "guessed", "got", "had"}
)
# Auxiliaries of the passive: what was done to the writer.
_BEFALLEN = frozenset({"was", "were", "been", "being", "got", "get", "gets"})


def owned(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The writer's own act, owned in the same short chat line by dismay ("…
    force-pushed over the remote. oops.") or by an apology when the act went
    astray (the wrong thing, a belief that was wrong, ahead of its check).

    An apology beside a plain act is etiquette ("Restarted the router. Sorry for
    the noise."): alone, that is the behavioural report the guide keeps.
    """
    # Chat leaves the subject out: "Dropped the wrong table again, ugh."
    elided = clause.agent == ELIDED and clause is sentence.clauses[0]
    if clause.agent != SELF and not elided:
        return None
    verb = _first_verb(clause)
    if verb is None or verb.low in _NOT_DONE:
        return None
    before = clause.words[clause.predicate : clause.words.index(verb)]
    negated = any(w.low in _NEGATIONS for w in before)
    if _unreal(clause, verb.end, negation_expected=negated):
        return None
    if negated:
        return _overlooked(sentence, clause, verb)
    if not _past_verb(clause):
        return None
    if any(w.low in _BEFALLEN for w in before):
        return None  # "I was paged at 3am, ugh": it befell the writer
    if _DISMAY_RE.search(sentence.line):
        return clause.words[max(0, clause.predicate - 1)].start, verb.end
    if _APOLOGY_RE.search(sentence.line) is None:
        return None
    # `slip` reads the wrong object and the act ahead of its check ("merged before CI
    # finished"); a belief that turned out wrong is the writer's own shape.
    found = _phrase(sentence, clause, _MISTAKEN_BELIEF_RE) or slip(sentence, clause)
    if found is None and verb.low in _UNDOING and _APOLOGY_FOR_ACT_RE.search(sentence.line):
        # "Sorry, I deleted the branch", "I overwrote your changes, my apologies": an
        # apology with no other object, beside an act that undid work, is for that act.
        return clause.words[max(0, clause.predicate - 1)].start, verb.end
    return found


# Acts that undo or overwrite work, for which a bare apology beside them is owned.
_UNDOING = frozenset(
    {"deleted", "removed", "dropped", "wiped", "erased", "purged", "truncated", "overwrote"}
    | {"overwritten", "clobbered", "nuked", "force-pushed", "rebased", "reverted", "killed"}
    | {"destroyed", "unpublished", "yanked", "closed", "cleared", "reset"}
)
# An apology for the act itself: bare ("Sorry, …", "… my apologies!") or about "that"; not
# "sorry for the noise", "apologies for the late reply", etiquette for something else.
_APOLOGY_FOR_ACT_RE = _Lazy(
    r"\b(?:sorry|apologies|my\s+apologies|my\s+bad|mea\s+culpa)\b(?!\s+(?:for|to|if|that\s+(?!was\b)))"
    r"(?!\s+about\s+(?!(?:that|this|it)\b))",
    re.IGNORECASE,
)


def _overlooked(sentence: Sentence, clause: Clause, verb: Word) -> tuple[int, int] | None:
    """ "Didn't realise it was still targeted to next, whoops": a check the writer left
    undone, owned in the line by dismay or an apology. Other acts not done are no slip
    of theirs ("didn't get paged, sorry for the delay")."""
    if verb.low not in _OVERLOOKED:
        return None
    if _DISMAY_RE.search(sentence.line) is None and _APOLOGY_RE.search(sentence.line) is None:
        return None
    start = next(
        w.start for w in clause.words[max(0, clause.predicate - 1) :] if w.low[0].isalnum()
    )
    return start, verb.end


# Checks and realisations, the acts of attention a writer owns not having done.
_OVERLOOKED = frozenset({"realize", "realise", "notice", "check", "test", "verify", "double-check"})


# A mishap named as the subject: "the 3am alert storm", "that spike of 500s".
_MISHAP_RE = _Lazy(
    _WENT_WRONG_RE.pattern
    + r"|\b(?:spikes?|storms?|flush|burst|blip|drop|wipe|surge|flood|alerts?|pages|noise"
    r"|outages?)\b",
    re.IGNORECASE,
)


# A person's work, the thing a mishap is said to be.
_WORK = (
    r"(?:change|pr|commit|deploy|push|script|test|migration|config|query|job|cron|typo|mistake"
    r"|request|experiment|rollout|refactor|edit|command|fat\s+finger|bump|upgrade|update|merge|release"
    r"|tag|hotfix|patch|backfill|cutover|cleanup|reindex|failover|tweak|rewrite|pull\s+request)s?"
)


# Its author given as the complement: "… was me", "… was my load test", "… was
# Harlan's doing"; not "was me and Dana on call" or "was my first week".
_AUTHORED_RE = _Lazy(
    r"(?:was|is|were)\s+(?:all\s+|entirely\s+|totally\s+|just\s+|actually\s+|probably\s+)?"
    r"(?:(?P<me>me)\b(?!\s+(?:and|who|on|at|in|too|as|with|for|or)\b)"
    r"|my\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?P<mine>" + _WORK + r")\b"
    r"|(?P<owner>@?[\w.-]+)['’]s\s+(?:own\s+)?(?:doing|fault|" + _WORK + r")\b)",
    re.IGNORECASE,
)


def authored(sentence: Sentence, clause: Clause, *, by: str) -> tuple[int, int] | None:
    """A mishap said to be a person's doing: `by` is SELF ("the cache flush was me",
    "that spike was my load test") or OTHER ("the outage was Harlan's doing")."""
    if clause.agent != SYSTEM or clause.predicate == 0:
        return None
    subject_text = sentence.text[
        clause.start - sentence.offset : _predicate_start(clause) - sentence.offset
    ]
    if _MISHAP_RE.search(subject_text) is None:
        return None
    start, text = _predicate(sentence, clause)
    match = _AUTHORED_RE.match(text)
    if match is None or _unreal(clause, start + match.end()):
        return None
    owner = match.group("owner")
    author = SELF if owner is None else agent_of(owner)
    if owner is not None and owner.lower() in {"it", "that", "this", "there", "what", "who"}:
        return None
    return (clause.start, start + match.end()) if author == by else None


# A person's act or work as the moment or the reason things went bad: "ever since
# @brun's commit", "since @hollis merged #412", "came in with Lisette's refactor",
# "because of Priya's change", "thanks to the contractor's script".
_SINCE_WORK_RE = _Lazy(
    r"\b(?:ever\s+since|since|(?:right\s+|just\s+|shortly\s+|straight\s+)?after|came\s+in\s+with"
    r"|introduced\s+(?:in|by|with)|started\s+with|arrived\s+with|landed\s+with"
    r"|(?P<why>because\s+of|due\s+to|thanks\s+to|owing\s+to|(?:as\s+)?(?:a|the)\s+(?:direct\s+)?result"
    r"\s+of|trace[ds]?\s+(?:back\s+)?to|stemm(?:ed|ing)\s+from|courtesy\s+of"
    r"|came\s+(?:straight\s+|right\s+|directly\s+)?out\s+of))\s+"
    r"(?:(?:the|a|an)\s+(?:[\w-]+\s+)?(?=[\w.-]+['’]s\b))?"
    r"(?:(?P<owner>@?[\w.-]+)['’]s\s+(?:['‘’\"“]?[\w-]+['‘’\"”]?\s+){0,2}?['‘’\"“]?(?P<work>"
    + _WORK
    + r")\b"
    r"|(?P<actor>@?[\w.-]+)\s+(?:merged|pushed|landed|deployed|committed|released|shipped|changed"
    r"|updated|upgraded|bumped|tagged|applied|rolled\s+out|force-pushed)\b)",
    re.IGNORECASE,
)


# The bad state the act is set beside: "the windows build is red", "ci has been broken".
_BAD_STATE_RE = _Lazy(
    r"\b(?:broken|broke|red|failing|fails|failed|down|regression|outage|crash\w*|errors?|erroring"
    r"|5\d\ds|5xx|timing\s+out|timed\s+out|timeouts?|flaky|hangs?|hanging|corrupt\w*|missing|offline"
    r"|went\s+dark|lost|garbage|blank|nonsense|outages|incidents|duplicates?)\b",
    re.IGNORECASE,
)


# Less of the bad thing is a good outcome: "we saw fewer timeouts after Dana's change".
_LESS_RE = _Lazy(
    r"\b(?:fewer|less|lower|reduced|no\s+(?:more|longer)|(?:went|came|is|are)\s+down\s+to|went\s+down"
    r"|came\s+down|gone)\b",
    re.IGNORECASE,
)


# Work of a size one person does. A capitalised owner of other work is as often a
# company ("because of Cloudflare's change", "due to Heroku's update") as a person.
_PERSONAL_WORK = frozenset(
    {"commit", "commits", "pr", "prs", "push", "pushes", "script", "scripts", "typo", "typos"}
    | {"refactor", "refactors", "edit", "edits", "merge", "merges", "hotfix", "hotfixes", "query"}
    | {"command", "commands", "fat finger", "mistake", "mistakes", "bump", "bumps", "tag", "tags"}
    | {"experiment", "experiments", "tweak", "tweaks", "cleanup", "cleanups", "rewrite"}
)


def _personal_work(owner: str, work: str | None) -> bool:
    """Whether "because of OWNER's WORK" names a person: the owner is known to be one (a
    role, an @handle, a known name), or the work is of a size one person does."""
    if owner.startswith(("@", NAME_MARK)) or owner.lower() in _ROLES:
        return True
    return work is not None and work.lower() in _PERSONAL_WORK


def since(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Things went bad since, right after or because of a person's act or work ("ci has
    been broken ever since @brun's commit", "because of Priya's change, checkout timed
    out"): the timing or the cause names a culprit. Checked once, on the first
    clause; a good outcome ("the errors stopped after Dana's fix") is no blame."""
    if clause is not sentence.clauses[0]:
        return None
    match = _SINCE_WORK_RE.search(sentence.text)
    if match is None:
        return None
    who = match.group("owner") or match.group("actor") or ""
    if agent_of(who) != OTHER:
        return None
    if match.group("why") and not _personal_work(who, match.group("work")):
        return None
    text = sentence.text
    if _BAD_STATE_RE.search(text) is None or _GOOD_OUTCOME_RE.search(text) or _LESS_RE.search(text):
        return None
    return sentence.offset + match.start(), sentence.offset + match.end()
