"""Slips told by the shape of a person's act, with no slip word in it (`unblame.language.cues`):
a change let out ahead of its check, a live thing cleared while tidying up (or anything
destroyed on the way to other work), a test thing
turned on production, an outcome other than the one meant, a safeguard switched off for
convenience, a build cut from a stale source, a physical mishap, review stepped around,
live data carried off to a personal place, heavy work put in the busiest hour, one
version put where another belongs.

Each shape is about what the act did, so any wording of it counts; `slip` reads them
for another person's act only (the writer's own act, told plainly, is the behavioural
report the guide keeps)."""

from __future__ import annotations

import re

from .clause import Clause, Sentence, _Lazy
from .cue_base import _ON_PURPOSE_RE, _phrase, _predicate_start, _unreal
from .lexicon import RELEASE_ACTS

# A change let out ahead of the check meant to stop it: "merged it before CI
# finished", "fired off the campaign before the landing pages existed".
_AHEAD_OF_CHECK_RE = _Lazy(
    rf"\b(?:{RELEASE_ACTS}|fired\s+off|rolled\s+(?:it\s+|\w+\s+)?out"
    # The habit told as it goes on: "you're merging before the tests have finished".
    r"|(?:merg|push|deploy|releas|shipp|publish|tagg)ing)\b(?:\s+[\w'’-]+){0,6}?\s+before\s+"
    r"(?:(?:the|its|their|his|her|any|a|our)\s+)?(?:[\w-]+\s+){0,3}?(?:finished|passed|completed"
    r"|existed|landed|(?:was|is)\s+(?:ready|done|reviewed|approved|green|finished)|(?:were|are)\s+(?:ready"
    r"|done|reviewed|approved|live|up|finished)|ha[ds]\s+(?:finished|passed|run|landed)"
    r"|have\s+(?:finished|passed|run)|finish(?:es)?|pass(?:es)?|went\s+green|came\s+back"
    r"|(?:tests?|reviews?|ci|checks?|approval|sign-?off)\b(?!\s+(?:started|began|of|for|on|in|at)\b))"
    # Or while the check was still running or red: "merged while the checks were in progress".
    rf"|\b(?:{RELEASE_ACTS})\b(?:\s+[\w'’-]+){{0,4}}?\s+while\s+(?:(?:the|its|those|these|their|our|all)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:tests?|checks?|ci|builds?|pipelines?|canary|jobs?)\s+(?:was|were|is|are)\s+"
    r"(?:still\s+)?(?:running|in[\s_-]progress|pending|queued|red|failing|broken|yellow)\b",
    re.IGNORECASE,
)


# Tidying up that took a live thing with it: "removed the production DNS zone
# while cleaning up unused records". Clearing out the old and unused is the work;
# a live, production or primary thing cleared on the way is the slip.
_CLEARED_RE = _Lazy(
    r"\b(?:deleted|removed|dropped|wiped|erased|purged|truncated|destroyed|terminated|deprovisioned"
    r"|decommissioned|unplugged|rm['’]?d|nuked)\s+(?:[\w'’-]+\s+){0,3}?(?:production|prod|live|primary"
    r"|master|active|customer|customers['’]?)\b",
    re.IGNORECASE,
)
_TIDYING_RE = _Lazy(
    r"\b(?:while|when|during)\s+(?:\w+\s+){0,2}?(?:cleaning|tidying|clearing|pruning|purging"
    r"|cleanup|clean-up|housekeeping|decommissioning|deleting|removing)\b",
    re.IGNORECASE,
)


def _search_on(sentence: Sentence, clause: Clause, regex: _Lazy) -> re.Match[str] | None:
    """`regex` searched from the clause's predicate on, past the clause to the end of the
    sentence ("before …", "but …" and "as …" begin clauses of their own)."""
    return regex.search(sentence.text, _predicate_start(clause) - sentence.offset)


def _to_sentence_end(sentence: Sentence, clause: Clause, regex: _Lazy) -> tuple[int, int] | None:
    """Where `regex` is found from the clause's predicate on (`_search_on`), in an act that
    happened."""
    match = _search_on(sentence, clause, regex)
    if match is None or _unreal(clause, sentence.offset + match.end()):
        return None
    return sentence.offset + match.start(), sentence.offset + match.end()


# Work whose aim is not to destroy anything: whatever is destroyed on the way
# ("dropped the orders table while testing a script") was not meant to go.
_SIDE_WORK_RE = _Lazy(
    r"\b(?:while|when|during)\s+(?:\w+\s+){0,2}?(?:testing|debugging|troubleshooting|investigating"
    r"|experimenting|exploring|profiling|benchmarking|poking|playing|trying\s+out|trying\s+to\s+(?:fix"
    r"|debug|test|reproduce))\b",
    re.IGNORECASE,
)
# Things made to be thrown away are not: "deleted the stale pods while investigating".
_DESTROYED_RE = _Lazy(
    r"\b(?:deleted|dropped|wiped|erased|purged|truncated|destroyed|overwrote|emptied|rm['’]?d|nuked)\s+"
    r"(?:the|a|an|our|every|all|some|most|half)\b(?!\s+(?:[\w-]+\s+)?(?:stale|old|unused|orphaned"
    r"|temporary|temp|scratch|test|dangling|leftover|duplicate|extra|spare|stuck|broken|failed)\b)",
    re.IGNORECASE,
)


def _live_thing_cleared(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A live thing cleared while tidying up, or anything destroyed on the way to
    other work."""
    found = _phrase(sentence, clause, _CLEARED_RE)
    if found is None or _TIDYING_RE.search(sentence.text) is None:
        found = _phrase(sentence, clause, _DESTROYED_RE)
        if found is None or _SIDE_WORK_RE.search(sentence.text) is None:
            return None
    return None if _ON_PURPOSE_RE.search(sentence.text) else found


# A test, staging or debug thing turned on the live system: "ran the load test
# against the live cluster", "hard-coded the staging URL into the release build".
# Not smoke or synthetic tests: those are meant to run against production.
_TEST_ON_LIVE_RE = _Lazy(
    r"\b(?:load|stress|debug|staging|dev|local|experimental|sandbox)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:against|in|on|into|to|onto|at)\s+(?:the\s+|our\s+)?(?:live|production|prod|release"
    r"|customer|customers['’]?)\b(?!\s+(?:copy|clone|replica|snapshot|mirror)s?\b)",
    re.IGNORECASE,
)


# An outcome other than the one meant: "meant to restart one shard but restarted
# the whole cluster", "a command intended to remove a few hosts, but it removed far
# more". Not "tried to": an attempt the system stopped is no slip.
_MEANT_OTHERWISE_RE = _Lazy(
    r"\b(?:meant|intended|supposed)\s+to\s+[\w-]+(?:\s+[\w'’-]+){0,8}?(?:,\s*|\s+)(?:but|instead)"
    # … and then did something else: not "meant to help, but had no access".
    r"\s+(?:(?:it|he|she|they|this|that)\s+)?(?:also\s+|then\s+)?(?!(?:had|was|were|got|needed)\b)"
    r"(?:\w+ed|ran|hit|took|sent|put|cut|wrote|broke|set|shut|left|made|did)\b",
    re.IGNORECASE,
)


# A safeguard switched off for convenience, or left off: "turned off the health
# check to speed up the deploy", "silenced the alert and went to lunch" ("… and
# forgot to turn it back on" is hindsight, the counterfactual rules' to name).
# Not a test: a flaky one is switched off to unblock others, a trade-off, not a slip.
_SAFEGUARD_OFF_RE = _Lazy(
    r"\b(?:disabled|silenced|muted|suppressed|turned\s+off|switched\s+off|commented\s+out|snoozed"
    r"|acked|acknowledged|bypassed|skipped)\s+(?:[\w-]+\s+){0,3}?(?:alerts?|alarms?|pages?|paging"
    r"|health\s?checks?|checks?|monitors?|monitoring|validation|protection|guards?|limits?"
    r"|warnings?|2fa|mfa|firewall|lint\w*)\b(?:\s+[\w'’-]+){0,4}?\s+(?:to\s+(?:stop|silence|quiet"
    r"|speed|save|get|skip|avoid|hurry)|and\s+(?:went|left|headed"
    r"|logged\s+off))\b",
    re.IGNORECASE,
)


# A build or release cut from a stale source: "tagged the build from a stale branch".
_STALE_SOURCE_RE = _Lazy(
    r"\b(?:tagged|built|cut|deployed|released|published|shipped|pushed|uploaded|restored|synced)"
    r"\s+(?:[\w'’-]+\s+){0,4}?from\s+(?:a|an|the|his|her|their|my|your)\s+(?:[\w-]+\s+)?(?:stale"
    r"|outdated|out-of-date|old|expired|unmerged|personal)\s+(?:[\w-]+\s+)?(?:branch|checkout|clone"
    r"|copy|fork|laptop|machine|backup|snapshot|build|commit|config)\b"
    # A release cut from someone's fork rather than the project's repository.
    r"|\b(?:tagged|released|published|shipped)\s+(?:[\w'’.-]+\s+){0,4}?from\s+(?:a|his|her|their"
    r"|your)\s+(?:own\s+|personal\s+)?fork\b",
    re.IGNORECASE,
)


# A physical mishap: "tripped over the power cord", "cut the fiber line".
_MISHAP_ACT_RE = _Lazy(
    r"\b(?:tripped\s+over|knocked\s+(?:out|over|loose|down)|kicked\s+(?:out|loose)|spilled"
    r"|(?:cut|dug\s+through|dug\s+up|sliced\s+(?:through|into)|cut\s+(?:through|into)|drilled\s+(?:through|into)"
    r"|bored\s+(?:through|into)|ploughed\s+(?:through|into)|plowed\s+(?:through|into)|severed|hit|struck"
    r"|ruptured|punctured|damaged)\s+(?:[\w-]+\s+){0,3}?(?:fiber|fibre|cables?"
    r"|cords?|conduits?|lines?|power\s+feeds?|mains?|pipes?|pipelines?|ducts?))\b",
    re.IGNORECASE,
)


# Review or the pipeline stepped around: "pushed straight to main", "approved his
# own pull request".
_AROUND_REVIEW_RE = _Lazy(
    r"\b(?:pushed|committed|deployed|merged|force-pushed|hotfixed)\s+(?:[\w-]+\s+){0,2}?(?:directly"
    r"|straight)\s+(?:to|into|onto|on)\s+(?:the\s+)?(?:main|master|prod|production|release|trunk)\b"
    r"|\b(?:approved|merged|reviewed|signed\s+off\s+on|rubber-stamped)\s+(?:his|her|their|your)\s+own"
    r"\s+(?:pull\s+requests?|prs?|mrs?|merge\s+requests?|changes?|commits?|patch(?:es)?|diffs?|code)\b",
    re.IGNORECASE,
)


# Live data carried off to a personal place: "copied the production database to
# his laptop".
_DATA_CARRIED_OFF_RE = _Lazy(
    r"\b(?:copied|downloaded|exported|emailed|moved|dumped|synced|forwarded)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:production|prod|live|customer|customers['’]?|user|patient|payroll)\s+(?:[\w-]+\s+)?(?:data"
    r"|database|db|dump|records|list|table|backup|emails?)\s+(?:[\w-]+\s+){0,2}?to\s+(?:his|her"
    r"|their|your|a)\s+(?:own\s+|personal\s+|private\s+|home\s+)?(?:laptop|machine|desktop|phone"
    r"|drive|usb|gmail|inbox|account|dropbox|computer)\b",
    re.IGNORECASE,
)


# Heavy work put in the busiest hour: "scheduled the reindex during the Black
# Friday peak".
_AT_THE_PEAK_RE = _Lazy(
    r"\b(?:scheduled|ran|started|kicked\s+off|launched|triggered|deployed|rolled\s+out|began)\s+"
    r"(?:[\w-]+\s+){1,8}?(?:during|at|in\s+the\s+middle\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:peak|busiest\s+\w+|rush\s+hour|lunch\s+rush|trading\s+day|business\s+hours|sale)\b",
    re.IGNORECASE,
)


_SHAPES: tuple[_Lazy, ...] = (
    _TEST_ON_LIVE_RE,
    _SAFEGUARD_OFF_RE,
    _STALE_SOURCE_RE,
    _MISHAP_ACT_RE,
    _AROUND_REVIEW_RE,
    _DATA_CARRIED_OFF_RE,
    _AT_THE_PEAK_RE,
)
# Shapes that reach past the clause: "but …" and "before …" begin clauses of their own.
_REACHING = (_MEANT_OTHERWISE_RE, _AHEAD_OF_CHECK_RE)


# One version put where another belongs: "tagged the 2.4.1 release using the 2.4.10 tag",
# "published 3.0.0 as 2.9.9". The two numbers must differ (checked in code).
_VERSION_MIXUP_RE = _Lazy(
    r"\b(?:tagged|released|published|pushed|deployed|built|labell?ed|versioned|cut|uploaded)\s+"
    r"(?:the\s+)?v?(?P<meant>\d+(?:\.\d+)+)\s+(?:[\w-]+\s+){0,3}?(?:using|with|as|under)\s+"
    r"(?:the\s+|a\s+)?v?(?P<used>\d+(?:\.\d+)+)\b",
    re.IGNORECASE,
)


def _version_mixup(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    match = _search_on(sentence, clause, _VERSION_MIXUP_RE)
    if match is None or match.group("meant") == match.group("used"):
        return None
    if sentence.offset + match.start() >= clause.end:
        return None  # the act is another clause's
    return sentence.offset + match.start(), sentence.offset + match.end()


# What the slip precheck must let through for the shapes read in code.
_PRECHECKED = (_TIDYING_RE, _SIDE_WORK_RE, _VERSION_MIXUP_RE)


# "shouldn't have merged before the checks passed" is hindsight: the counterfactual
# rules name it.
_HINDSIGHT_MODALS = frozenset(
    {"should", "shouldn't", "shouldn’t", "should've", "should’ve", "ought", "could've", "could’ve"}
)


def slip_shape(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause's act has the shape of a slip (see the module docstring)."""
    if any(w.low in _HINDSIGHT_MODALS for w in clause.words):
        return None
    for regex in _SHAPES:
        found = _phrase(sentence, clause, regex)
        if found is not None:
            return found
    for regex in _REACHING:
        found = _to_sentence_end(sentence, clause, regex)
        if found is not None:
            return found
    return _live_thing_cleared(sentence, clause) or _version_mixup(sentence, clause)
