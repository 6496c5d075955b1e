"""The word-level reading under `clause`: the openers a clause starts with, which words
are verbs, and where a clause's subject ends.

`clause` splits a sentence into clauses and names each one's agent; it asks this module
where the noun phrase before the verb stops. Closed word lists and word shapes only, no
tagger (see `clause`)."""

from __future__ import annotations

from collections.abc import Sequence

from .agents import (
    _DETERMINERS,
    _INDEFINITES,
    _PLACE_PREPOSITIONS,
    _PRE_VERB_ADVERBS,
    _PRONOUNS,
    _ROLES,
    _WORK_NOUNS,
    Word,
    _contracted,
    _person_word,
)
from .lexicon import NAME_MARK
from .verb_words import (
    _AUX,
    _IRREGULAR_PAST,
    _MIS_IRREGULAR,
    _MIS_RE,
    _MODALS,
    _PRESENT_ACTS,
    _SLIP_ADVERBS,
    _SLIP_VERBS,
    _prefixed_irregular_past,
    past_form,
)

# --- Words that open or join clauses ---------------------------------------------------

_CLAUSE_WORDS = frozenset(
    {"because", "after", "when", "since", "while", "although", "though", "but", "so", "until"}
    | {"that", "which", "whereas", "once", "as", "if", "unless", "before", "who"}
)
_CLAUSE_PUNCT = frozenset({";", ":", "—", "–", "(", ")", '"', "“", "”"})
_OPENERS = frozenset(
    {"so", "well", "yes", "no", "ok", "okay", "fyi", "sadly", "unfortunately", "apparently"}
    | {"basically", "honestly", "then", "also", "anyway", "today", "yesterday", "later"}
    | {"meanwhile", "however", "and", "but", "yet", "oh", "oops", "whoops", "hi", "hey", "lol"}
    | {"first", "finally", "again", "sorry", "errr", "err", "um", "hmm", "frankly", "clearly"}
    | {"thanks", "apologies", "facepalm", "ugh", "argh", "yikes", "welp", "yep", "confession"}
    | {"yeah", "yea", "yup", "nope", "ah", "ahh", "wow", "whew", "phew", "hmm", "alright", "right"}
    # More of chat's interjections, capitalised like names at a line start: "Ack, sorry, I …".
    | {"ack", "gah", "oof", "eek", "dang", "darn", "drat", "jeez", "geez", "omg", "doh", "d'oh"}
    # Hedges before the verb of a clause that shares its subject: "but maybe has not …".
    | {"maybe", "perhaps"}
    # "Nonetheless, the pharmacists overrode …", "IMO it is …": the clause starts after them.
    | {
        "nonetheless",
        "nevertheless",
        "besides",
        "anyhow",
        "otherwise",
        "imo",
        "imho",
        "tbh",
        "fwiw",
    }
)
_VOCATIVES = frozenset(
    {"all", "everyone", "everybody", "folks", "team", "y'all", "guys", "friends"}
)
_PREPOSITIONS = frozenset(
    {"on", "at", "in", "during", "after", "before", "while", "when", "around", "by", "about", "per"}
    | {"according", "since", "until"}
    | {"following", "as", "with", "for", "from", "over", "within", "despite", "being", "having"}
    | {"against", "contrary", "regardless", "notwithstanding", "unlike", "without"}
)


# Conjunctions that open a clause before the main one ("After Dana restarted
# the pod, the alerts stopped"); after one of these, a comma can end a clause.
_SUBORDINATORS = frozenset(
    # Not "as": "such as `draft` or `published`, …" is a list, not a clause.
    {"after", "before", "when", "while", "since", "once", "because", "although", "though"}
    | {"if", "unless", "until", "whenever"}
)


_ASIDE_WORDS = 6


def _short_aside(words: tuple[Word, ...], i: int) -> bool:
    """The bracket at `i` encloses a few words with no verb: "(or staging)"."""
    if words[i].low == "(":
        open_ = i
        close = next(
            (j for j in range(i + 1, min(len(words), i + _ASIDE_WORDS + 2)) if words[j].low == ")"),
            -1,
        )
        inside = words[i + 1 : close]
    else:
        open_ = next(
            (j for j in range(i - 1, max(-1, i - _ASIDE_WORDS - 2), -1) if words[j].low == "("), -1
        )
        close, inside = (i, words[open_ + 1 : i]) if open_ >= 0 else (-1, ())
    if close < 0 or not inside:
        return False
    if len(inside) == 1 and open_ > 0 and words[open_ - 1].low in _DETERMINERS | {"another"}:
        return True  # "another (tired) sysadmin": an adjective, even one ending in -ed
    return _holds_no_verb(inside)


def _holds_no_verb(inside: Sequence[Word]) -> bool:
    """No verb and no word that opens a clause among `inside`: a phrase, not a clause."""
    return not any(
        _is_verb(w, inside[k - 1] if k else None) or w.low in _CLAUSE_WORDS
        for k, w in enumerate(inside)
    )


_PERSONAL = frozenset({"i", "we", "he", "she", "they", "you", "i've", "i’ve", "we've", "we’ve"})


_BE_CONTRACTIONS = (
    _contracted(("that", "it", "there", "here", "what", "he", "she"), ("s",))
    | _contracted(("we", "they", "you"), ("re",))
    | _contracted(("i",), ("m",))
)


def _opens_clause(words: tuple[Word, ...], i: int) -> bool:
    """The conjunction at `i` is followed by a subject and a verb, not by a phrase."""
    verb = _subject_end(words, i + 1)
    return i + 1 < verb < len(words) and words[verb].low != ","


def _skip_openers(words: tuple[Word, ...]) -> int:
    """Skip timestamps, list markers, interjections and a leading phrase up to its comma."""
    i = 0
    while i < len(words):
        low = words[i].low
        if low == "no" and i + 1 < len(words) and words[i + 1].low in {"one", "body"}:
            return i  # "No one saw the warning": the agent, not an interjection
        if low == "#" and _reference_follows(words, i):
            return i  # "#2211 broke the arm64 build": the PR named is the subject
        if low in _OPENERS or low in ",.!-*#>" or low[0].isdigit() or low in {"utc", "pm", "am"}:
            i += 1
        elif low in {"there", "here"} and i + 1 < len(words) and words[i + 1].low == ",":
            i += 2  # "There, the administrator made …": a place, not "there was"
        elif low in {"turns", "turned"} and i + 1 < len(words) and words[i + 1].low == "out":
            i += 2  # "Turns out I'd forgotten the flag"
        elif _hedge_at(words, i):
            # "@kim looks like your PR was not tested", "It seems like they …": the
            # hedge opens, the clause that follows has the subject.
            i = _hedge_at(words, i)
        elif low.startswith("@") and i + 1 < len(words) and words[i + 1].text[:1].isupper():
            # "@kim It should have been tested …", "@kim I merged …": a handle that a
            # capitalised word follows addresses the reader ("@kim merged …" is the subject).
            i += 1
        elif low.endswith("ly") and i + 1 < len(words) and words[i + 1].low == ",":
            i += 2  # "Seriously, ...", "Frankly, ..."
        elif low.endswith("ly") and i + 1 == len(words):
            i += 1  # the "Accidentally" of "Accidentally, I …", read up to its comma
        elif _lone_word_before_pronoun(words, i):
            i += 2  # "Mortified, I deleted …", "Dana, we rolled back …"
        elif i > 0 and words[i - 1].low in _OPENERS and _vocative(words, i):
            i += 2  # "Sorry all, ...", "Thanks Ilse, ..."
        elif low in _SUBORDINATORS and _opens_clause(words, i):
            return i  # "after an engineer performing maintenance, …": a clause, not a phrase
        elif after_time := _time_phrase_end(words, i):
            i = after_time  # "Later that night, …", "Last Friday, …"
        elif low in _PREPOSITIONS:
            comma = next((j for j in range(i, min(len(words), i + 25)) if words[j].low == ","), -1)
            if comma < 0 or any(w.low in _MODALS for w in words[i:comma]):
                # "Having a deploy fail like this should have …, not …": a modal
                # before the comma makes the phrase the subject, not an opener.
                return i
            i = comma + 1
        else:
            return i
    return i


_TIME_NOUNS = frozenset(
    {"night", "morning", "evening", "afternoon", "day", "week", "weekend", "month", "year"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    # "Other times, developers …", "Two days later, the team …".
    | {"time", "times", "nights", "days", "weeks", "months", "years", "hour", "hours", "minutes"}
    | {"later", "earlier", "ago"}
)


def _time_phrase_end(words: tuple[Word, ...], i: int) -> int:
    """The index after a short time phrase and its comma at `i` ("that night,", "last
    Friday,", "early one morning,"), or 0 when none stands there: a time, not the subject."""
    for j in range(i + 1, min(len(words), i + 5)):
        if words[j].low == ",":
            # "Pemberton deployed on Friday, …" holds a verb: a clause, not a time phrase.
            timed = words[j - 1].low in _TIME_NOUNS and not any(
                _is_verb(w, words[k - 1] if k > i else None) for k, w in enumerate(words[i:j], i)
            )
            return j + 1 if timed else 0
    return 0


_HEDGES = frozenset({"looks", "seems", "sounds", "seemed", "looked"})


def _hedge_at(words: tuple[Word, ...], i: int) -> int:
    """The index after a hedge at `i` ("looks like", "it seems like", "@kim looks
    like"), or 0 when none stands there."""
    k = i + 1 if words[i].low == "it" or words[i].text.startswith("@") else i
    if k + 2 < len(words) and words[k].low in _HEDGES and words[k + 1].low == "like":
        return k + 2
    return 0


def _reference_follows(words: tuple[Word, ...], i: int) -> bool:
    """ "#" written against a number: an issue or pull request, not a heading mark."""
    after = words[i + 1] if i + 1 < len(words) else None
    return after is not None and after.start == words[i].end and after.low.isdigit()


def _lone_word_before_pronoun(words: tuple[Word, ...], i: int) -> bool:
    """At `i`, one word, a comma, then a personal pronoun, @handle or known name and its
    verb: the word is a feeling, an aside or a name addressed ("Great, @kai merged …"),
    and what follows the comma is the subject."""
    if len(words) < i + 4 or words[i + 1].low != ",":
        return False
    subject = words[i + 2]
    if subject.low not in _PERSONAL and not subject.text.startswith(("@", NAME_MARK)):
        return False
    return _is_verb(words[i + 3], words[i + 2]) or words[i + 3].low.endswith("ed")


def _vocative(words: tuple[Word, ...], i: int) -> bool:
    """A name or "all" addressed after an interjection, before a comma."""
    if i + 1 >= len(words) or words[i + 1].low != ",":
        return False
    return words[i].low in _VOCATIVES or words[i].text[:1].isupper() or words[i].text[:1] == "@"


def _is_verb(word: Word, previous: Word | None) -> bool:
    kind = _VERB_KINDS.get(word.low)
    if kind is None:
        kind = _verb_kind(word.low)
    if kind & _ALWAYS_VERB:
        return True
    if kind & _PRESENT_VERB and _can_act(previous):
        return True
    # An -ed or -ly word after a noun: "the deploy failed", "Dana quickly …".
    return bool(kind & _SUFFIXED) and previous is not None and previous.low not in _DETERMINERS


# What `_is_verb` can tell from a word alone, as bits: a verb wherever it stands
# (an auxiliary, an irregular past, a slip verb or adverb, "reran", "misread"),
# a present act (a verb unless an acronym stands before it), an -ed or -ly word
# (a verb after a noun). Asked about every word of every sentence read, so kept
# by word: the sets and the prefix tests cost more than one lookup.
_ALWAYS_VERB, _PRESENT_VERB, _SUFFIXED = 1, 2, 4
_VERB_KINDS: dict[str, int] = {}
_VERB_KINDS_LIMIT = 50_000


def _verb_kind(low: str) -> int:
    """The bits of `low` (see `_VERB_KINDS`), remembered for the next time it is asked."""
    always = (
        low in _AUX
        or low in _IRREGULAR_PAST
        or low in _SLIP_ADVERBS
        or low in _SLIP_VERBS
        or _prefixed_irregular_past(low)  # "reran", "overwrote", "redid"
        or low in _MIS_IRREGULAR
        or _MIS_RE.match(low) is not None
    )
    kind = _ALWAYS_VERB if always else 0
    if low in _PRESENT_ACTS:
        kind |= _PRESENT_VERB
    if (low.endswith("ed") or low.endswith("ly")) and len(low) > 3:
        kind |= _SUFFIXED
    if len(_VERB_KINDS) >= _VERB_KINDS_LIMIT:  # a server reads text without end
        _VERB_KINDS.clear()
    _VERB_KINDS[low] = kind
    return kind


# Not "out" ("output", "outlet") or "un" ("unread", "unset"): they make nouns and adjectives.


def _subject_follows(words: tuple[Word, ...], k: int) -> bool:
    """A subject starts at `k`: a determiner, a personal pronoun, a name or a handle."""
    if k >= len(words):
        return False
    word = words[k]
    return (
        word.low in _ARTICLES
        or word.low in _SUBJECT_PRONOUNS
        or word.text.startswith(("@", NAME_MARK))
    )


# The personal pronouns as they open a subject (not "I've"), and an unnamed someone.
_SUBJECT_PRONOUNS = frozenset(w for w in _PERSONAL if "'" not in w and "’" not in w) | {
    "someone",
    "somebody",
}


# Prepositions that take a gerund, and with it an adverb of its own ("without first
# draining", "before even reading").
_GERUND_PREPOSITIONS = frozenset({"without", "before", "after", "by", "for"})


def _present_after_one_name(words: tuple[Word, ...], j: int) -> bool:
    """An -s word between a one-word named subject and an article is a present verb
    ("09:31 Ana clobbers the routing table", "Tancredi wipes our bucket"): a name takes
    no plural noun after it, and an article starts the verb's object (whether the
    capitalised word names a person is the agent reading's question). Timelines and
    headlines tell acts in the present with verbs no list can hold."""
    word, name = words[j], words[j - 1]
    low = word.low
    if not (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "'s", "’s", "us"))):
        return False
    if not (name.text[:1].isupper() or name.text.startswith((NAME_MARK, "@"))):
        return False
    return j + 1 < len(words) and words[j + 1].low in _ARTICLES


def _opening_past_verb(words: tuple[Word, ...], j: int) -> bool:
    """A regular past verb that opens a clause before an article ("Restarted the wrong
    pod"): capitalised like a name, but a name takes no article after it. Known names
    are marked ("Ahmed the DBA …" keeps its subject)."""
    word = words[j]
    if word.text.startswith(NAME_MARK) or not past_form(word.low) or len(word.low) <= 4:
        return False
    if j + 1 >= len(words) or words[j + 1].low not in _ARTICLES:
        return False
    # "Ahmed the DBA restarted …": a verb further on makes the first word the subject.
    for later in words[j + 2 :]:
        if later.low in {",", ";", ":", "."}:
            break
        if past_form(later.low) and later.low not in _DETERMINERS:
            return False
    return True


def _coordinated_past_verb(words: tuple[Word, ...], j: int) -> bool:
    """A regular past form right after "but", "and" or "yet" and before "to"
    ("but neglected to reset", "and decided to skip"): a second predicate of the
    subject before, where an -ed word alone could be an adjective ("but unused
    hosts …")."""
    return (
        0 < j < len(words) - 1
        and words[j - 1].low in {"but", "and", "yet"}
        and words[j + 1].low == "to"
        and past_form(words[j].low)
    )


def _can_act(previous: Word | None) -> bool:
    """Whether a present verb after `previous` is one ("Tamsin pushes", "the proxy
    drops requests") rather than a plural noun after an acronym ("SDK releases")."""
    return previous is None or not (previous.text.isupper() and len(previous.text) > 1)


def _subject_end(words: tuple[Word, ...], i: int) -> int:
    """Index of the first verb-like word after `i` (the subject is what comes before)."""
    aside_end = -1
    for j in range(i, min(len(words), i + 20)):
        low = words[j].low
        if j <= aside_end:
            continue
        if low == "(" and _short_aside(words, j):
            # "Another (tired) sysadmin had …": the aside describes the subject.
            aside_end = next(k for k in range(j, len(words)) if words[k].low == ")")
            continue
        # Each helper below is asked only of the words it can hold for (the
        # cheap test first): this loop runs over every subject of every clause.
        if j > i and low in _COST_VERBS and _costs_someone(words, j):
            return j  # "Kevin's experiment cost us the morning": "us" is the object
        if low in _BE_CONTRACTIONS:
            return j + 1  # "You're so bad at releases": the verb is inside the word
        if low in _PRONOUNS:
            placed = j + 1 < len(words) and words[j + 1].low in _PLACE_PREPOSITIONS
            if low in _INDEFINITES and placed:
                continue  # "someone on the network team added …"
            return j + 1
        if j == i and low == "not":
            continue  # "Not one reviewer ...": the negation belongs to the subject
        if low == "no" and _no_one_acts(words, j):
            return j + 2  # "no one acted": two words, one pronoun
        if j > i and low.endswith("ed"):
            if j > i + 1 and _adverb_then_adjective(words, j):
                continue  # "a recently introduced process": an adjective, not the verb
            if _adjective_after_owner(words, j):
                continue  # "Femi's unreviewed hotfix": the owner's 's is no "is"
        if j == i and low in _SLIP_ADVERBS and _subject_follows(words, j + 1):
            continue  # "Mistakenly the engineer applied …": the adverb is fronted
        if _is_verb(words[j], words[j - 1] if j > i else None) or low == ",":
            return j
        if j == i + 1 and _present_after_one_name(words, j):
            return j  # "Dana clobbers the routing table": a timeline's present tense
        if j == i and _opening_past_verb(words, j):
            return j  # "Restarted the wrong pod, sorry.": chat leaves the subject out
        if j == i and _coordinated_past_verb(words, j):
            return j  # "…, but neglected to reset the relay": the subject is the one before
        if j > i and low in _PRE_VERB_ADVERBS and words[j - 1].low not in _GERUND_PREPOSITIONS:
            return j  # not "without first draining them": the adverb is the phrase's
        # "an engineer performing maintenance" ends the subject at "performing";
        # "the warning" and "the morning" are nouns.
        ing = low.endswith("ing") and low not in _ROLES
        if j > i and ing and _person_word(words[j - 1], first=j - 1 == i):
            finite = _finite_after_participle(words, j)
            # "The engineer running the cleanup ought to have …": a tensed
            # verb a few words on is the verb; the participle's phrase
            # only says which engineer.
            return j if finite is None else finite
    return i


_COST_VERBS = frozenset({"cost", "costs"})
_COST_OBJECTS = frozenset({"us", "them", "me", "him", "her", "everyone", "customers"})


def _costs_someone(words: tuple[Word, ...], j: int) -> bool:
    """ "cost" before the one who paid is the verb, not the noun ("the cost was high")."""
    return words[j].low in _COST_VERBS and j + 1 < len(words) and words[j + 1].low in _COST_OBJECTS


def _finite_after_participle(words: tuple[Word, ...], j: int) -> int | None:
    """Index of a tensed verb (a modal, an auxiliary, a past form) that follows
    the participle at `j` closely, before any comma or clause word, or None when
    the participle is the verb."""
    for k in range(j + 1, min(len(words), j + 7)):
        low = words[k].low
        if low == "," or low in _CLAUSE_WORDS or low in _CLAUSE_PUNCT:
            return None
        if low in _MODALS or low in _FINITE_AUX or low in _IRREGULAR_PAST:
            return _adverbs_before(words, j, k)
        if low.endswith("ed") and len(low) > 3 and words[k - 1].low not in _DETERMINERS:
            return _adverbs_before(words, j, k)
    return None


def _adverbs_before(words: tuple[Word, ...], j: int, k: int) -> int:
    """Where the predicate starts: at the adverbs just before the verb at `k`
    ("A contractor working late inadvertently pulled …": "inadvertently" tells how
    the act was done, not which contractor), though not at the participle `j`."""
    while k - 1 > j and (words[k - 1].low.endswith("ly") or words[k - 1].low in _PRE_VERB_ADVERBS):
        k -= 1
    return k


# Auxiliaries that carry tense; "been", "being" and "not" do not.
_FINITE_AUX = frozenset(
    {"is", "was", "were", "are", "has", "had", "have", "did", "didn't", "didn’t", "wasn't"}
    | {"wasn’t", "hasn't", "hadn't", "ought", "shouldn't", "couldn't", "wouldn't", "mustn't"}
)


def _no_one_acts(words: tuple[Word, ...], j: int) -> bool:
    """ "no one" (or "no body") at `j`, not followed by a place ("no one on the call")."""
    if words[j].low != "no" or j + 2 >= len(words) or words[j + 1].low not in {"one", "body"}:
        return False
    return words[j + 2].low not in _PLACE_PREPOSITIONS


# Articles and possessives, not "that", which also opens a relative clause ("that
# eventually failed").
_ARTICLES = frozenset({"a", "an", "the", "our", "their", "his", "her", "its", "my", "your", "this"})


def _adverb_then_adjective(words: tuple[Word, ...], j: int) -> bool:
    low, before = words[j].low, words[j - 1].low
    return low.endswith("ed") and before.endswith("ly") and words[j - 2].low in _ARTICLES


def _adjective_after_owner(words: tuple[Word, ...], j: int) -> bool:
    """An -ed word between a possessive and a work noun describes the work, also
    with a noun between them ("Femi's unreviewed firewall change"); after "has"
    written "'s" an object follows instead ("Femi's deleted the index")."""
    owner, low = words[j - 1].low, words[j].low
    if not owner.endswith(("'s", "’s")) or not low.endswith("ed") or j + 1 >= len(words):
        return False
    return any(word.low in _WORK_NOUNS for word in words[j + 1 : j + 3])
