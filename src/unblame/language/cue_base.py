"""What every cue of the sentence model reads: a clause's predicate, its verb, whether its act
is real, and the phrases several cues share (a wrong object, a warning set aside, a reason
given). See `unblame.language.cues` for the cues themselves."""

from __future__ import annotations

import re

from .agents import Word
from .clause import Clause, Sentence, _Lazy
from .clause_subject import _ARTICLES
from .verb_words import (
    _AUX,
    _EVENT_VERBS,
    _PRESENT_ACTS,
    _SLIP_ADVERBS,
    past_form,
)

_WRONG_OBJECT_RE = _Lazy(
    # Headlines drop the article: "emailed the file to wrong address".
    r"\b(?:the|a|to|at|into|onto)\s+wrong\b|\b(?:an?|the)\s+incorrect\b|\binstead\s+of\b|\brather\s+than\s+the\b"
    # A plural or mass object needs no article: "provided wrong release notes", "entered
    # incorrect values" (not "guessed wrong about", "did it wrong again").
    r"|\b(?:[a-z]+ed|sent|put|set|gave|wrote|ran|took|made|chose|picked)\s+(?:wrong|incorrect)\s+"
    r"(?!about\b|on\b|again\b|and\b|or\b|but\b|with\b|in\b|at\b|when\b|because\b|so\b|to\b)[a-z][\w-]*"
    # A thing left in an unsafe state: "left the bucket public", "left port 22 open to the world".
    r"|\bleft\s+(?:[\w-]+\s+){1,4}?(?:public|publicly\s+\w+|world-readable|unlocked|unencrypted"
    r"|unprotected|exposed|open\s+to\s+(?:the\s+)?(?:world|internet|public))\b"
    # A debug switch left on where it costs: "left the debug flag on in production".
    r"|\bleft\s+(?:[\w-]+\s+){1,4}?(?:on|enabled|running|turned\s+on)\s+in\s+(?:prod|production)\b"
    # Exposed by the act: "uploaded the customer list to a public bucket".
    r"|\b(?:uploaded|posted|pushed|copied|shared|published|pasted|put|leak(?:ed|s))\s+(?:[\w-]+\s+){1,4}?"
    r"(?:to|on|in|into)\s+(?:(?:a|the|their|his|her)\s+)?public\s+(?:bucket|repo|repository|channel|gist|site"
    r"|page|folder|share|forum|issue)\b"
    # Everything at once: "rolled the patch out to every customer at once".
    r"|\b(?:to|across|on)\s+(?:every|all)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:at\s+once|simultaneously"
    r"|in\s+one\s+go|at\s+the\s+same\s+time)\b"
    # A renewal let go: "let the domain lapse", "let the certificate expire".
    r"|\blet\s+(?:the|our|their|its|a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:lapse|expire|run\s+out"
    # A level let go past its limit: "let the disk fill up", "let the speed decay too far".
    r"|fill\s+up|(?:slip|drop|fall|decay|grow|build\s+up|climb)\s+(?:\w+\s+){0,2}?too\b)\b"
    r"|\bbackwards\b|\b(?:mixed|muddled)\s+(?:(?:something|things|them|it|the\s+(?:[\w-]+\s+)?[\w-]+)\s+)?up\b|\btransposed\b"
    # "wired both feeds to the same UPS": redundancy undone by the act.
    r"|\bboth\s+(?:[\w-]+\s+){1,5}?(?:to|on|into|onto|in)\s+the\s+same\b"
    # A secret put where others can read it, a lure taken: "committed the API key",
    # "clicked the phishing link".
    # Not "missed the hard-coded secret": there the participle describes the thing.
    r"|(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bthis\s)\b(?:committed|pushed|posted|pasted|hard-?coded|leaked"
    r"|uploaded|checked\s+in|emailed|shared|copied)\s+"
    r"(?:\w+\s+){0,3}?(?:api\s+keys?|secrets?|passwords?|tokens?|credentials|private\s+keys?)\b"
    r"(?!\s+(?:store|manager|vault|rotation|scanner))"
    # Put where secrets belong: "pasted the token into the vault".
    r"(?![^.;!?]{0,30}?\b(?:vault|secrets?\s+(?:store|manager)|password\s+manager|keychain|keyring)\b)"
    # A secret left where others read it: "left your signing key in the repo"; anything
    # leaked by a person: "after you leaked them".
    r"|\bleft\s+(?:\w+\s+){0,3}?(?:api\s+keys?|secrets?|passwords?|tokens?|credentials|private\s+keys?"
    r"|signing\s+keys?)\s+(?:in|on|inside)\s+"
    r"(?!(?:the\s+|a\s+|your\s+|their\s+|our\s+)?(?:vault|keychain|secret\s+store|password\s+manager|safe)\b)"
    r"|\bleaked\s+(?:it|them|this|that|the|a|an|our|their|your|his|her|\w+['’]s)\b"
    # Done badly: "the configuration was poorly modified", "hastily edited the zone file".
    r"|\b(?:poorly|badly|carelessly|sloppily|hastily|improperly|wrongly|incorrectly)\s+(?:\w+ly\s+)?"
    r"(?:modified|edited|changed|configured|written|merged|deployed|applied|reviewed|tested|typed|entered"
    r"|migrated|updated|set|installed|wired|patched)\b"
    r"|\b(?:clicked|opened|followed|downloaded)\s+(?:on\s+)?(?:\w+\s+){0,2}?(?:phishing|malicious|fake|spoofed"
    r"|suspicious|fraudulent)\b"
    r"|\btoo\s+(?:broadly|widely|early|soon|aggressively|hastily)\b"
    # Test things put into production: "loaded the test fixtures into the prod ledger".
    r"|(?<!from\s)\b(?:test|testing|staging|dev|sandbox|dummy|sample|fake|debug|qa)\s+(?:[\w-]+\s+)?"
    r"(?:data|fixtures?|records?|rows|entries|accounts?|users|credentials|keys?|config\w*|settings"
    r"|database|db|schema|values|emails?|orders|payments|transactions|dataset|seeds?|certs?|certificates?)"
    r"\s+(?:into|onto|to|against|in|on)\s+(?:the\s+)?(?:live|production|prod)(?![\w-])",
    re.IGNORECASE,
)


# The object carries the slip when the act put it in place: "pushed untested
# code", "entered an erroneous command". Rolling back or finding the faulty
# config is the response, not the slip, so the verb must be one that applies.
# Verbs that put something in place: the act the slip rides on.
_APPLYING = (
    r"(?:push|deploy|merg|ship|enter|ran\b|run|typ|appl|issu|execut|commit|upload|releas|install"
    r"|submitt?|introduc|wrote|writ|sen[dt]|us(?:e|ed|ing)\b|rolled\s+out|roll\w*\s+out|tagg?)"
)


# Words that make an act hypothetical, prevented or denied.
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})


_UNREAL = frozenset(
    {"can", "can't", "can’t", "cannot", "could", "couldn't", "would", "wouldn't", "might"}
    | {"may", "will", "won't", "nothing", "anything", "not", "never", "if", "avoid"}
    | {"don't", "doesn't", "didn't", "didn’t", "don’t", "prevent", "unless", "whether"}
    | {"prevents", "prevented", "preventing"}
    # "… to make it harder to run on the wrong host": the act made less likely.
    | {"harder"}
)


_GOOD_OUTCOME_RE = _Lazy(
    r"\b(?:recover\w*|resol\w+|restor\w+|fix\w*|mitigat\w+|stabili[sz]\w+|stopp?\w*|end\w*|correctly"
    r"|again|recreat\w+|work(?:ing|ed)?\s+(?:again|normally)"
    r"|improv\w+|faster|success\w*|green|healthy|normal)\b",
    re.IGNORECASE,
)


# --- Cues over a clause -----------------------------------------------------------------


def _predicate_start(clause: Clause) -> int:
    """Offset where the clause's predicate starts (its end when it has none)."""
    if clause.predicate >= len(clause.words):
        return clause.end
    return clause.words[clause.predicate].start


def _predicate(sentence: Sentence, clause: Clause) -> tuple[int, str]:
    """Offset and text of the clause from its predicate on."""
    start = _predicate_start(clause)
    return start, _clause_text(sentence, clause, start)


def _clause_text(sentence: Sentence, clause: Clause, start: int) -> str:
    return sentence.text[start - sentence.offset : clause.end - sentence.offset]


# A plain "not": in a shape that judges how an act was done ("didn't configure it
# properly") it is the judgement, so such a shape asks _unreal to pass over it.
_NEGATIONS = frozenset({"not", "didn't", "didn’t", "don't", "don’t", "doesn't", "doesn’t"})


def _unreal(clause: Clause, before: int, negation_expected: bool = False) -> bool:
    """True when the act before offset `before` did not happen as told.

    A condition ("if I had mistakenly ..."), a modal ("so that I can't
    accidentally push") or a denial ("did nothing wrong") speaks of an act
    that did not happen, which judges nobody. With `negation_expected`, a plain
    negation is part of what the shape says and does not count.
    """
    if clause.words[0].low in _CONDITIONS:
        return True
    skipped = _NEGATIONS if negation_expected else frozenset()
    if _asks_how_it_happened(clause.words):
        skipped = skipped | {"could"}
    return any(w.low in _UNREAL and w.low not in skipped for w in clause.words if w.start < before)


def _asks_how_it_happened(words: tuple[Word, ...]) -> bool:
    """ "How could the admins have mistakenly purged the domain?": the question takes the
    act as done and asks how, so its "could" makes nothing unreal."""
    return (
        len(words) > 3
        and words[0].low == "how"
        and words[1].low == "could"
        and any(w.low == "have" for w in words[2:8])
    )


# Finding something by chance is luck, not a slip: "accidentally discovered a bug".
_DISCOVERIES = frozenset(
    {"discovered", "found", "learned", "learnt", "stumbled", "noticed", "spotted", "realized"}
    | {"realised", "uncovered", "caught", "fixed", "solved", "came"}
)


# Verbs of finding and fixing: "found the wrong value" is the response to a slip.
_RESPONSES = frozenset(
    {"found", "spotted", "noticed", "saw", "identified", "discovered", "caught", "detected"}
    | {"flagged", "traced", "fixed", "corrected", "repaired", "finds", "spots", "notices", "fixes"}
    | {"corrects"}
)


# Not "replaced", "reverted" or "removed": "reverted the wrong commit" is a slip.


def _responds(clause: Clause) -> bool:
    """The clause's verb finds or fixes something rather than puts it in place."""
    verb = _first_verb(clause)
    return verb is not None and verb.low in _RESPONSES


_APPLYING_RE = _Lazy(_APPLYING, re.IGNORECASE)


def _phrase(
    sentence: Sentence, clause: Clause, regex: _Lazy, negation_expected: bool = False
) -> tuple[int, int] | None:
    """Where `regex` matches the clause's predicate, unless the act is unreal there."""
    start, text = _predicate(sentence, clause)
    match = regex.search(text)
    if match is None or _unreal(clause, start + match.end(), negation_expected):
        return None
    return start + match.start(), start + match.end()


# A warning set aside with its pronoun inside: "everyone still blew it off".
SET_ASIDE_WITH_PRONOUN = (
    r"(?:brushed|waved|shrugged|blew)\s+(?:it|them|this|that|these|those)\s+off"
)

# Acts that set a warning or a step aside on purpose: said of another person,
# a verdict on their will, where "missed" and "forgot" are hindsight.
_DISREGARD_RE = _Lazy(
    r"(?:(?:had|has|have|just|simply|then|instead|also|still|again|even|\w+ly)\s+){0,2}(?:ignored|disregarded|skipped|bypassed"
    r"|circumvented|overrode|dismissed|brushed\s+off|waved\s+off|(?:deviated|departed|strayed)\s+from"
    # "went around the change board": the step stepped round, not the room walked round.
    r"|(?:went|got|worked)\s+(?:a)?round(?=\s+(?:\w+\s+){0,2}?(?:board|review|process|freeze|rollout|approval"
    r"|ci|checks?|policy|policies|rules?|procedure|playbook|runbook|safeguards?|controls?)\b)"
    # A choice to set it aside: "chose to skip the load test".
    r"|(?:chose|decided|opted|elected)\s+(?:\w+ly\s+)?to\s+(?:ignore|disregard|skip|bypass|circumvent|override"
    # Wrecking on purpose, not a planned removal ("decided to delete the legacy endpoint").
    r"|shortcut|short-circuit|deviate\s+from|go\s+around|crash|wipe|destroy|nuke|trash)"
    # Acting alone past one's remit: "took it upon himself to disable both relays".
    r"|(?:took|takes|taking)\s+it\s+upon\s+(?:himself|herself|themselves|themself|yourself)\s+to\s+\w+)\s+(?:(?:\w+\s+)?(?:the|a|an|this|that|these|those|it|them|his|her|their|our|all"
    r"|every|several|two|three|four|five|\d+|multiple|repeated|both|any|each|numerous|some"
    r"|many)"
    # A warning in the plural needs no article: "ignored alarms for three hours".
    r"|warnings|alerts|alarms|pages|signals|signs|instructions|orders|procedures|rules"
    r"|protocols|objections|concerns)\b"
    # The warning set aside with it in between: "everyone still blew it off".
    rf"|(?:(?:still|just|simply|then|also|\w+ly)\s+)?{SET_ASIDE_WITH_PRONOUN}\b",
    re.IGNORECASE,
)


def _past_verb(clause: Clause) -> bool:
    """The clause's verb is a past form ("dropped the index"), events included."""
    verb = _first_verb(clause)
    if verb is None or verb.low in _AUX:
        return False
    return past_form(verb.low)


_ON_PURPOSE_RE = _Lazy(
    r"\b(?:by\s+design|as\s+(?:designed|planned|intended|agreed)|on\s+purpose|intentionally"
    r"|deliberately|per\s+(?:the\s+)?(?:runbook|policy|plan))\b",
    re.IGNORECASE,
)


def _explained(sentence: Sentence, clause: Clause) -> bool:
    """A later clause gives the reason ("because", "since", "as the runbook asked"),
    or the act is said to be on purpose."""
    if _reason_follows(sentence, clause, _BECAUSE | {"as"}):
        return True
    return _ON_PURPOSE_RE.search(sentence.text, clause.start - sentence.offset) is not None


_BECAUSE = frozenset({"because", "since"})


def _reason_follows(sentence: Sentence, clause: Clause, openers: frozenset[str]) -> bool:
    """A clause after `clause` opens with one of `openers`: the writer gives a reason
    ("since 2019", "since last week" tell a time, not a reason)."""
    return any(
        c.words[0].low in openers and not _since_a_time(c.words)
        for c in sentence.clauses
        if c.start > clause.start
    )


def _since_a_time(words: tuple[Word, ...]) -> bool:
    after = words[1].low if len(words) > 1 else ""
    return words[0].low == "since" and (after[:1].isdigit() or after in _TIME_AFTER_SINCE)


_TIME_AFTER_SINCE = frozenset(
    {"then", "last", "early", "late", "yesterday", "january", "february", "march", "april"}
    | {"may", "june", "july", "august", "september", "october", "november", "december"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _first_verb(clause: Clause) -> Word | None:
    """The clause's verb after any auxiliaries and adverbs."""
    words, k = clause.words, clause.predicate
    while k < len(words) and (words[k].low in _AUX or words[k].low.endswith("ly")):
        k += 1
    return words[k] if k < len(words) else None


def _from_predicate(sentence: Sentence, clause: Clause, regex: _Lazy) -> tuple[int, int] | None:
    """Where `regex` matches at the start of the clause's predicate."""
    start, text = _predicate(sentence, clause)
    match = regex.match(text)
    return (start + match.start(), start + match.end()) if match else None


def _acts(clause: Clause) -> bool:
    """True when the clause's verb is a deliberate act, not a state or an event."""
    words, k = clause.words, clause.predicate
    while k < len(words) and (words[k].low in _SLIP_ADVERBS or words[k].low.endswith("ly")):
        k += 1
    if k >= len(words):
        return False
    low = words[k].low
    if low in _EVENT_VERBS and k + 1 < len(words) and words[k + 1].low in _ARTICLES:
        return True  # "dropped the audit table": with an object, an event verb is an act
    if low in _AUX or low in _EVENT_VERBS:
        return False
    return past_form(low) or low in _PRESENT_ACTS
