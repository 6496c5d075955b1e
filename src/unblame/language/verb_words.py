"""The verbs the sentence model (`unblame.language.clause`) knows by name.

Closed lists, not a tagger: auxiliaries and modals, irregular pasts, present
tenses of habits, verbs of events (which things do by themselves), and the
verbs and adverbs that tell an act as a slip. Kept apart from the clause
reader because they are data.
"""

from __future__ import annotations

import re

# --- What is done -------------------------------------------------------------------------

_AUX = frozenset(
    {"not"}
    | {"is", "was", "were", "are", "am", "be", "been", "being", "has", "had", "have", "did", "do"}
    | {"does", "can", "could", "will", "would", "shall", "should", "must", "may", "might", "ought"}
    | {"didn't", "didn’t", "wasn't", "wasn’t", "hasn't", "hadn't", "don't", "doesn't", "won't"}
    | {"can't", "cannot", "couldn't", "shouldn't", "wouldn't", "mustn't", "'d", "’d", "'ll"}
    | {"never", "just", "then", "also", "really", "actually", "apparently", "probably"}
    | {"should've", "should’ve", "could've", "could’ve", "would've", "would’ve", "must've"}
    | {"might've", "shouldn't've"}
)
# Forms of "be": what a copula and a passive's auxiliary are made of.
BE_FORMS = frozenset({"is", "are", "was", "were", "am", "be", "been", "being"})

# Participles that tell an act of attention left undone ("was overlooked", "was
# skipped"): the passive neglect cue and the clause model's passive read the same list.
NEGLECT_PARTICIPLES = (
    *("missed", "ignored", "disregarded", "overlooked", "skipped", "skimmed", "neglected"),
    *("forgotten", "dismissed"),
)

# Past participles that end neither in -ed nor in -en: the lexicon's PARTICIPLE slot
# ("should have rolled back" against "should have write access") and the clause model's
# passive ("was run by …") read the same list.
IRREGULAR_PARTICIPLES = (
    *("done", "run", "made", "gone", "seen", "known", "built", "kept", "left", "set", "put"),
    *("read", "sent", "caught", "thought", "told", "taken", "written", "given", "got"),
    *("gotten", "held", "hit", "cut", "shut", "split", "spent", "paid", "let", "brought"),
    *("sought", "taught", "dealt", "felt", "meant", "met", "lost", "found", "won", "stood"),
    *("understood", "begun", "become", "come", "spun", "stuck", "struck", "rung", "slept"),
    *("spoken", "chosen", "frozen", "woken", "withdrawn", "broken"),
)

_MODALS = frozenset({"should", "would", "could", "must", "will", "can", "may", "might", "shall"})
_IRREGULAR_PAST = frozenset(
    [
        "ran",
        "dug",
        "took",
        "made",
        "broke",
        "cut",
        "put",
        "set",
        "left",
        "sent",
        "hit",
        "kept",
        "lost",
        "told",
        "wrote",
        "gave",
        "got",
        "went",
        "did",
        "forgot",
        "brought",
        "began",
        "chose",
        "drew",
        "drove",
        "fell",
        "found",
        "held",
        "knew",
        "led",
        "let",
        "meant",
        "met",
        "paid",
        "read",
        "said",
        "saw",
        "shut",
        "spent",
        "stood",
        "struck",
        "threw",
        "thought",
        "understood",
        "withdrew",
        "overwrote",
        "mistook",
        "misread",
        "misunderstood",
        "undertook",
        "upheld",
        "won",
        "tore",
        "wiped",
        "reset",
        "quit",
        "spread",
        "overrode",
        "slept",
        "came",
        "became",
        # "The engineer blew it off", "the fuse blew".
        "blew",
        "shook",
        "hid",
        "rode",
        "rebuilt",
        "swept",
        # Past forms that are no noun or adjective of their own and whose subject is
        # mostly a person ("the crew fled", "the contractor sold the spare"). Not "bit",
        # "cost", "ground", "lay", "lit", "shot", "split", "wound" or "upset" (nouns or
        # adjectives too), nor "hung", "froze", "grew", "rose", "rang", "spun" or
        # "arose", which things do ("Nginx hung"): before them a capitalised word
        # would read as a name.
        *("clung", "flung", "slung", "wrung", "fled", "fought", "sought", "sold", "taught"),
        *("stole", "swore", "spoke", "drank", "ate", "wept", "knelt", "crept", "sang"),
        *("swam", "strode", "dealt", "bought", "forgave", "forbade", "undid", "wore"),
    ]
)
# A capitalised word before one of these reads as a name in subject position.
_PRESENT_ACTS = frozenset(
    [
        # Habits told of a person: "Tamsin keeps pushing …", "he refuses to …".
        "keeps",
        "kept",
        "continues",
        "insists",
        "refuses",
        "refused",
        "reverts",
        "clones",
        "pushes",
        "merges",
        "deploys",
        "deletes",
        "drops",
        "runs",
        "applies",
        "changes",
        "removes",
        "tags",
        "types",
        "enters",
        "updates",
        "restarts",
        "disables",
        "enables",
        "moves",
        "creates",
        "sets",
        "releases",
        "pulls",
        "plugs",
        "unplugs",
        "cuts",
        "edits",
        "copies",
        "renames",
        "overwrites",
        "kills",
        "reboots",
        "publishes",
        "approves",
        "commits",
        "uploads",
        "wipes",
        "breaks",
        "knocks",
        "wrecks",
        "erases",
        "corrupts",
        "empties",
        "crashes",
        "leaks",
        "nukes",
        "trashes",
        "floods",
        "takes",
        "uses",
        "forgets",
        "ignores",
        "skips",
        "misses",
    ]
)

# Things that happen to systems; a clause with one of these reports an event.
_EVENT_VERBS = frozenset(
    [
        "failed",
        "crashed",
        "died",
        "stopped",
        "expired",
        "timed",
        "fell",
        "hung",
        "went",
        "happened",
        "occurred",
        "started",
        "ended",
        "spiked",
        "dropped",
        "rose",
        "grew",
        "filled",
        "overloaded",
        "degraded",
    ]
)

# Adverbs that tell an act as done by accident, not by choice ("unknowingly he
# disconnected the feed"): the slip cue, the accident cue and the clause reader read
# this one list, spellings of the street included.
ACCIDENT_ADVERBS = (
    *("accidentally", "accidently", "accidentaly", "mistakenly", "inadvertently"),
    *("inadvertantly", "unintentionally", "erroneously", "unknowingly", "unwittingly"),
)
# Adverbs and phrases that present an act as a slip.
_SLIP_ADVERBS = frozenset(
    [
        *ACCIDENT_ADVERBS,
        "incorrectly",
        "wrongly",
        "carelessly",
        "blindly",
        "stupidly",
        "foolishly",
        "recklessly",
        "sloppily",
        "improperly",
        "hastily",
    ]
)
_SLIP_VERBS = frozenset(
    [
        "typoed",
        "mangled",
        "garbled",
        "typo'd",
        "typo’d",
        "fat-fingered",
        "fatfingered",
        "botched",
        "borked",
        "goofed",
        "bungled",
        "fumbled",
        "overfilled",
        "overreacted",
        "vaporized",
        "vaporised",
        "nuked",
        "trashed",
        "bricked",
        "clobbered",
        "messed",
        "screwed",
        "fucked",
    ]
)
_MIS_RE = re.compile(r"mis(?!s|sion|t\b|ter|chie|matched|aligned|sing)[a-z]{3,}(?:ed|d)$")
_MIS_IRREGULAR = frozenset({"misread", "misunderstood", "mistook", "misheard", "mistyped"})


_VERB_PREFIXES = ("re", "over", "under", "mis")


def _prefixed_irregular_past(low: str) -> bool:
    """An irregular past with a prefix: "reran", "overwrote", "redid", "mistook"."""
    return any(
        low.startswith(prefix) and low[len(prefix) :] in _IRREGULAR_PAST
        for prefix in _VERB_PREFIXES
        if len(low) > len(prefix) + 2
    )


def past_form(low: str) -> bool:
    """A lower-cased word in a past form: "-ed" ("need", "speed" and "feed" are none),
    an irregular past ("ran", "took"), or one with a prefix ("reran", "overwrote")."""
    return (
        (low.endswith("ed") and not low.endswith("eed"))
        or low in _IRREGULAR_PAST
        or _prefixed_irregular_past(low)
    )
