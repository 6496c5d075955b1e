"""Who acts in a clause: the words of a sentence, and the agent kind of a subject.

`unblame.language.clause` reads a sentence into clauses; this module says who each
clause's subject is: the writer (SELF), the writer's group (GROUP), another person
(OTHER: a pronoun, role, team, @handle or a capitalised name whether or not a list
knows it), nobody, another person's work, or a thing (SYSTEM). Small closed word
lists and the shape of a word decide; no tagger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from .lexicon import (
    NAME_MARK,
    PEOPLE_PLURALS,
    ROLE_SET,
    TRADE_WORDS,
    WORK_WORDS,
    WORKER_WORDS,
    is_role,
)
from .verb_words import _IRREGULAR_PAST, _MODALS

# Numbers with thousands separators and decimals ("4,000-line", "2.5") and versions
# ("2.4.1", "v3.0.0") are one word: their comma or point ends no clause.
WORD_RE = re.compile(
    r"@[\w.-]*\w|\d+(?::\d+)+|\d{1,3}(?:,\d{3})+(?:[\w’'-]*\w)?|[vV]?\d+(?:\.\d+)+(?:[\w’'-]*\w)?"
    r"|[\w’'](?:[\w’'-]*\w)?|[^\w\s]"
)

# --- Who acts -----------------------------------------------------------------------------

SELF = "self"  # the writer: I, me, my
GROUP = "group"  # the writer's group: we, us, none of us
OTHER = "other"  # another person, role, team, @handle or name
NOBODY = "nobody"  # nobody, no one: a judgement about everyone at once
ELIDED = "elided"  # chat with the subject left out: "Accidentally pushed to main"
WORK = "work"  # another person's work: "your PR", "Lachlan's hotfix"
SYSTEM = "system"  # anything else: a job, a config, a service
# People in general, told in the present: "People misread instruments", "Sometimes a
# developer saves the key in the repo". How work goes, not what someone did.
GENERIC = "generic"
AGENTS = frozenset({SELF, GROUP, OTHER, NOBODY, ELIDED, WORK, SYSTEM, GENERIC})


def _contracted(pronouns: tuple[str, ...], verbs: tuple[str, ...]) -> frozenset[str]:
    """Each pronoun with each contracted verb, with either apostrophe: "you're", "you’re"."""
    return frozenset(f"{p}{a}{v}" for p in pronouns for v in verbs for a in ("'", "’"))


_SELF_WORDS = frozenset({"i", "me"}) | _contracted(("i",), ("m", "ve", "d", "ll"))
_GROUP_WORDS = frozenset({"we", "us"}) | _contracted(("we",), ("re", "ve", "d", "ll"))
_OTHER_WORDS = (
    frozenset({"he", "she", "they", "you", "whoever", "someone"})
    | {"somebody", "everyone", "everybody", "anyone", "anybody"}
    # Not "you'll": "you'll run a command on the wrong machine one day" foretells, it
    # does not accuse.
    | _contracted(("you", "they"), ("re", "ve", "d"))
    | _contracted(("he", "she"), ("s", "d"))
)
_NOBODY_WORDS = frozenset({"nobody", "noone"})
# Pronouns a place or group can follow: "someone on the data team", "nobody at the colo".
_INDEFINITES = frozenset(
    {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "noone"}
)
_PRONOUNS = _SELF_WORDS | _GROUP_WORDS | _OTHER_WORDS | _NOBODY_WORDS
# The writer's own hands and head act for the writer.
_BODY_PARTS = frozenset(
    {"fingers", "finger", "hands", "hand", "brain", "eyes", "head", "fingertips"}
)
# Adverbs that comment on a whole clause from its start, before its subject.
_SENTENCE_ADVERBS = frozenset(
    {"apparently", "clearly", "obviously", "evidently", "basically", "honestly", "frankly"}
    | {"unfortunately", "sadly", "luckily", "fortunately", "naturally", "predictably", "somehow"}
    | {"inevitably", "eventually", "finally", "suddenly", "presumably", "probably", "possibly"}
    | {"maybe", "perhaps", "literally", "seriously", "actually", "then", "also", "again"}
)
# A pronoun in the object case after a word that governs it names no one who acts
# (not after "of": "none of us", "one of us" are the group, quantified).
_OBJECT_PRONOUNS = frozenset({"me", "us"})
_GOVERNING = frozenset({"to", "for", "with", "by", "from", "at", "on", "about", "like"})


class _RoleWords(frozenset[str]):
    """The role words, and any word with a trade's ending ("signalman", "millwright",
    `lexicon.is_role`): `in` asks both, as every reader of roles does."""

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and is_role(word)


_ROLES = _RoleWords(ROLE_SET)
# "Worker", "agent", "supervisor" are mostly processes; after a trade or
# department they are people ("a maintenance worker", "a support agent").
_WORKERS = frozenset(WORKER_WORDS) | {w + "s" for w in WORKER_WORDS}
_TRADES = frozenset(TRADE_WORDS)
# Departments named alone and capitalised, as people name the team they blame.
_DEPARTMENTS = frozenset(
    {"networking", "infra", "infrastructure", "legal", "finance", "procurement"}
)
_SHIFTS = frozenset({"night", "day", "late", "early", "weekend", "morning", "evening", "graveyard"})
# Adverbs that stand between a subject and its verb ("the engineer somehow
# managed to …") and that _is_verb does not already stop at: it knows the
# auxiliary-like ones (_AUX: "then", "just", "never") and any "-ly" after a noun.
_PRE_VERB_ADVERBS = frozenset(
    {"somehow", "already", "still", "again", "once", "always", "later", "soon", "first", "even"}
    | {"instead"}
)
# Heads that are never people, even capitalised at the start of a sentence.
_THING_SUFFIXES = ("ing", "tion", "ment", "ness", "ity", "ure", "ance", "ence", "age", "ism")
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "its"}
    | {"my", "your", "some", "one", "two", "three", "several", "many", "all", "every", "each"}
    | {"another", "other", "no", "any"}
)
_FUNCTION_CAPITALS = frozenset(
    {"the", "a", "an", "this", "that", "it", "its", "there", "here", "then", "these", "those"}
    | {"what", "when", "where", "why", "how", "which", "who", "if", "so", "but", "and", "or"}
    | {"yes", "no", "ok", "okay", "well", "also", "after", "before", "during", "since", "while"}
    | {"because", "as", "once", "today", "yesterday", "tomorrow", "now", "later", "please"}
    | {"sorry", "thanks", "hi", "hey", "fyi", "note", "update", "edit", "root", "cause"}
)


class Word(NamedTuple):
    # A tuple rather than a dataclass: a sentence makes dozens, and a tuple is
    # about three times cheaper to build.
    text: str
    low: str
    start: int
    end: int


def words_of(text: str, offset: int = 0) -> tuple[Word, ...]:
    """The words and punctuation of `text`, with offsets shifted by `offset`.

    A word's `low` is its lower case, except that chat's "your" and "ur" for
    "you're" read as "you're" where no possessive can follow ("your so bad at it").
    """
    spans = map(_SPAN, WORD_RE.finditer(text))
    # Built as plain tuples (Word's own constructor is a call in Python): every
    # sentence read makes dozens.
    make = tuple.__new__
    if text.isascii():
        # ASCII lowers letter by letter, so each word's lower case is its slice
        # of the lowered text (not so elsewhere: "İ" lowers to two characters).
        low = text.lower()
        words = [make(Word, (text[a:b], low[a:b], a + offset, b + offset)) for a, b in spans]
    else:
        words = [
            make(Word, (text[a:b], text[a:b].lower(), a + offset, b + offset)) for a, b in spans
        ]
    starts = {m.start() + offset for m in _YOURE_MISSPELT.finditer(text)} if "ur " in text else None
    if starts:
        words = [w._replace(low="you're") if w.start in starts else w for w in words]
    return tuple(words)


# "your so bad at this", "ur such a": a possessive is never followed by "so",
# "such" or a lower-case "an", so the writer meant "you're".
_YOURE_MISSPELT = re.compile(r"\b(?:[Yy]our|[Uu]r)(?=\s+(?:so|such|an)\s)")


_SPAN = re.Match.span


def _person_word(word: Word, *, first: bool) -> bool:
    """A role, handle, name or (not first in its clause) capitalised word."""
    text = word.text
    if word.low in _ROLES or text.startswith(("@", NAME_MARK)):
        return True
    return not first and text[:1].isupper() and word.low not in _FUNCTION_CAPITALS


def agent_of(phrase: str) -> str:
    """The agent kind of a noun phrase read on its own ("the on-call" is OTHER)."""
    words = words_of(phrase.strip())
    return _agent(words, first=False) if words else SYSTEM


# The writer's own group after "my": "my team", "my crew".
_OWN_GROUPS = frozenset({"team", "crew", "squad", "group", "org", "department", "staff", "unit"})

_OPENING_QUOTES = frozenset({"'", '"', "‘", "“"})


def _agent(subject: tuple[Word, ...], *, first: bool) -> str:
    if any(w.low == "(" for w in subject):
        subject = _outside_brackets(subject)  # "The operator (a new hire)"
    if any(w.low == "." for w in subject):
        subject = _without_title_stops(subject)  # "Mr. Okafor", "J. Okafor"
    if len(subject) > 1 and subject[-1].low in _OPENING_QUOTES:
        subject = subject[:-1]  # "One employee 'pushed the wrong button'": scare quotes open
    if len(subject) > 1 and subject[-1].low in _REFLEXIVES:
        subject = subject[:-1]  # "The CEO himself"
    if len(subject) > 2 and subject[-2].low == "#" and _identifier(subject[-1]):
        subject = subject[:-2] + subject[-1:]  # "Nurse #1", "Employee #3", as "Nurse 1"
    if len(subject) > 1 and _identifier(subject[-1]) and subject[-2].low in _ROLES:
        subject = subject[:-1]  # "Team member 2", "Engineer B": a person kept anonymous
    while len(subject) > 1 and subject[0].low in _SENTENCE_ADVERBS:
        subject = subject[1:]  # "Somehow your PR broke …", "Unfortunately you mixed …"
    if not subject or (len(subject) == 1 and _adverb(subject[0])):
        # "Totally forgot to renew the cert": an adverb before the verb is no subject.
        return ELIDED if first else SYSTEM
    if len(subject) > 1 and subject[-1].low in _OBJECT_PRONOUNS and subject[-2].low in _GOVERNING:
        return SYSTEM  # "To me, the deploy …", "user error to me": governed, not acting
    if len(subject) > 1 and subject[-1].low in _PRONOUNS:
        # "Turns out I'd forgotten ...": the pronoun that ends the subject acts.
        subject = subject[-1:]
    elif len(subject) > 2 and subject[-2].low == "no" and subject[-1].low == "one":
        subject = subject[-2:]  # "… a mismatch no one noticed", as "nobody" would be
    if len(subject) > 1 and subject[0].low.endswith("ing") and subject[0].low not in _ROLES:
        return SYSTEM  # "Appointing an incident manager could have helped": an activity
    lows = [w.low for w in subject]
    if lows[0] in _SELF_WORDS or (lows[0] == "my" and lows[-1] in _BODY_PARTS):
        return SELF  # "my fingers typed it on the production window"
    if lows[:1] == ["my"] and len(lows) == 2 and lows[1] in _ROLES:
        # "My team deleted …" owns it as "we" would; "my colleague", "my boss" is someone else.
        return GROUP if lows[1] in _OWN_GROUPS else OTHER
    if (
        lows[0] in _NOBODY_WORDS
        or lows[0] == "neither"  # "Neither bug was caught": "none" of two
        or lows == ["none"]  # "None were acknowledged"
        or lows[:2] in (["no", "one"], ["none", "of"], ["not", "one"])
        # "Not a single reviewer noticed", not "not a single alert fired".
        or (
            lows[:3] == ["not", "a", "single"]
            and len(lows) > 3
            and lows[3] in _ROLES | {"person", "soul"}
        )
    ):
        return GROUP if lows[:3] == ["none", "of", "us"] else NOBODY
    if lows[0] in _GROUP_WORDS:
        return GROUP
    if lows[0] in _OTHER_WORDS:
        return OTHER
    if _of_yours(subject):
        return WORK  # "this PR of yours", read before "of" ends the subject
    subject = _before_preposition(subject)
    if _possessed_work(subject):
        return WORK
    head = subject[-1]
    if head.text.startswith("@") or head.text.startswith(NAME_MARK) or head.low in _ROLES:
        return OTHER
    if head.text in {"IT", "OP"} or (
        len(subject) == 1 and head.low in _DEPARTMENTS and head.text[:1].isupper()
    ):
        return OTHER  # "IT broke the print servers", "Networking blackholed our traffic"
    if head.low in _WORKERS and len(subject) > 1 and subject[-2].low in _TRADES:
        return OTHER
    if head.low in {"shift", "shifts"} and len(subject) > 1 and subject[-2].low in _SHIFTS:
        return OTHER  # "the night shift": the people on it
    if any(w.text.startswith(("@", NAME_MARK)) for w in subject) and "of" not in lows:
        # "@vesna's laptop": what a handle owns is a thing.
        return SYSTEM if "'s" in lows or "’s" in lows else OTHER
    if head.text[:1].isupper() and any(w.low in _ROLES for w in subject[:-1]):
        return OTHER  # "staff member Brain", "engineer Dana"
    if len(subject) > 1 and _identifier(head):
        return SYSTEM  # "Server B", "Node 3": things are numbered
    if _name_shaped(subject):
        return OTHER
    return SYSTEM


def _identifier(word: Word) -> bool:
    """A number or a single capital that stands for a person's name in a write-up."""
    return word.text.isdigit() or (len(word.text) == 1 and word.text.isupper())


_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "themself", "yourself"})


def _without_title_stops(subject: tuple[Word, ...]) -> tuple[Word, ...]:
    """The subject without the full stops of titles and initials, which end no name."""
    return tuple(
        w
        for k, w in enumerate(subject)
        if not (w.low == "." and k > 0 and _title_or_initial(subject[k - 1]))
    )


def _title_or_initial(word: Word) -> bool:
    return word.low in _TITLES or (len(word.text) == 1 and word.text.isupper())


def _outside_brackets(subject: tuple[Word, ...]) -> tuple[Word, ...]:
    kept: list[Word] = []
    depth = 0
    for word in subject:
        depth += word.low == "("
        if depth == 0:
            kept.append(word)
        depth -= word.low == ")" and depth > 0
    return tuple(kept)


_QUANTIFIERS = frozenset({"one", "some", "none", "all", "many", "several", "two", "each", "any"})
_PLACE_PREPOSITIONS = frozenset({"at", "in", "on", "from", "of", "for", "with", "behind", "inside"})
_WORK_NOUNS = frozenset(
    set(WORK_WORDS)
    # Acts named as nouns: "the shift engineer's decision", "one engineer's actions".
    | {"action", "actions", "handling", "instruction", "instructions", "preparation", "conduct"}
    | {"choice", "choices", "order", "orders", "intervention"}
    | {"command", "job", "setting", "settings", "tweak", "cleanup", "rollout", "decision", "call"}
    | {"experiment", "experiments", "advice", "recommendation", "suggestion", "idea", "plan"}
    | {"shortcut", "shortcuts", "workaround", "handling", "approach", "response", "reaction"}
)


# Adjectives that follow their noun with a phrase of their own: "the person
# responsible for the backups", "the team accountable for the gateway".
_POSTPOSITIVES = frozenset(
    {"responsible", "accountable", "answerable", "assigned", "tasked"}
    # Where the person served: "one of the technicians on-site", "the engineer involved".
    | {"on-site", "onsite", "off-site", "offsite", "involved", "concerned"}
)


def _before_preposition(subject: tuple[Word, ...]) -> tuple[Word, ...]:
    """The subject up to its first prepositional, participle or postpositive phrase ("a
    field engineer at the colo", "the engineer running the cleanup", "the person
    responsible for the backups")."""
    for k in range(1, len(subject)):
        low = subject[k].low
        if low in _POSTPOSITIVES:
            return subject[:k]
        if low.endswith("ing") and low not in _ROLES and _person_word(subject[k - 1], first=k == 1):
            return subject[:k]
        if low in _PLACE_PREPOSITIONS and not (low == "of" and subject[k - 1].low in _QUANTIFIERS):
            return subject[:k]
    return subject


def _of_yours(subject: tuple[Word, ...]) -> bool:
    """ "this PR of yours", "that merge of his": a work noun owned after "of"."""
    lows = [w.low for w in subject]
    for k in range(len(lows) - 2):
        if lows[k] in _WORK_NOUNS and lows[k + 1] == "of" and lows[k + 2] in _OWNERS_AFTER_OF:
            return True
    return False


_OWNERS_AFTER_OF = frozenset({"yours", "his", "hers", "theirs"})


def _possessed_work(subject: tuple[Word, ...]) -> bool:
    """A person's work as the subject: "your PR", "his change", "Lachlan's hotfix #12",
    "a junior analyst's script" (the owner may follow an article and adjectives)."""
    owners = [k for k, w in enumerate(subject[:4]) if w.low.endswith(("'s", "’s"))]
    if owners and owners[0] > 0 and subject[owners[0]].low in {"'s", "’s"}:
        # A handle's possessive is a word of its own: "@vesna" "'s" "rebase".
        handle = subject[owners[0] - 1]
        if handle.text.startswith("@") and any(
            _work_noun(w) for w in subject[owners[0] + 1 : owners[0] + 3]
        ):
            return True
    if owners:
        subject = subject[owners[0] :]
    elif subject[0].low in {"the", "a", "an", "this", "that"}:
        subject = subject[1:]
    # Two words may describe the work: "Femi's unreviewed firewall change".
    if len(subject) < 2 or not any(_work_noun(w) for w in subject[1:4]):
        return False
    owner = subject[0]
    if owner.low in {"your", "his", "her", "their"}:
        return True
    possessive = owner.low.endswith(("'s", "’s"))
    if possessive and owner.low[:-2] in _ROLES | _WORKERS:
        return True  # "the staffer's botched update", "the site supervisor's instruction"
    return possessive and (owner.text[:1].isupper() or owner.text.startswith(("@", NAME_MARK)))


def _work_noun(word: Word) -> bool:
    """A piece of work, or an act named as a noun: a verb made a noun by its ending
    ("the operator's intervention", "the crew's management of the fuel", "the
    pilot's handling"), besides the listed words ("change", "shortcut")."""
    low = word.low
    if low in _WORK_NOUNS:
        return True
    return low.endswith(_ACT_NOUN_SUFFIXES) and low not in _THINGS_WITH_ACT_ENDINGS


# Endings that make a noun of a verb: "decision", "management", "compliance".
_ACT_NOUN_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure")
# Nouns with those endings that name a thing, a place, a state or a trait a person
# has, not something done: "the operator's station", "the pilot's experience".
_THINGS_WITH_ACT_ENDINGS = frozenset(
    {"station", "stations", "position", "positions", "session", "sessions", "section"}
    | {"location", "version", "mission", "permission", "question", "opinion", "vision"}
    | {"equipment", "department", "environment", "document", "instrument", "apartment"}
    | {"compartment", "comment", "moment", "statement", "account", "payment", "agreement"}
    | {"experience", "licence", "license", "residence", "presence", "absence", "sentence"}
    | {"balance", "distance", "instance", "insurance", "appearance", "confidence", "reference"}
    | {"pressure", "temperature", "signature", "structure", "picture", "furniture", "culture"}
    | {"procedure", "nature", "feature", "future", "career", "attention", "intention"}
)


_SS_NOUN_SUFFIXES = (
    "ness",
    "less",
    "cess",
    "gress",
    "ress",
    "ass",
    "loss",
    "cross",
    "gloss",
    "uss",
)
# Adverb endings no given name has: "Totally", "Accidentally", "Obviously", "Clearly".
_ADVERB_SUFFIXES = ("ally", "ully", "ously", "ably", "ibly", "ely", "tly", "arly")


def _adverb(word: Word) -> bool:
    """An adverb by its ending, which no given name has ("Sally" and "Kelly" are short)."""
    return len(word.low) > 5 and word.low.endswith(_ADVERB_SUFFIXES)


_NAME_PREFIXES = ("Mc", "Mac", "O'", "O’", "De", "Di", "Da", "La", "Le", "Van", "Von")


def _camel_case(text: str) -> bool:
    """A capital inside the word after a lower-case letter ("SeriLog", "IaC"), as
    product names are written; "McKenzie" and "DeShawn" are names."""
    inner = any(a.islower() and b.isupper() for a, b in pairwise(text))
    return inner and not text.startswith(_NAME_PREFIXES)


def _name_shaped(subject: tuple[Word, ...]) -> bool:
    """One or two capitalised words, not a function word or a noun by its ending."""
    # A name takes no article: "The API" and "This Worker" are things.
    if len(subject) > 3 or subject[0].low in _DETERMINERS:
        return False
    core = [w for w in subject if w.low not in {"staff", "member", "user"}]
    if not core or not all(w.text[:1].isupper() for w in core):
        return False
    head = core[-1]
    if head.low in _FUNCTION_CAPITALS or head.low.endswith(_THING_SUFFIXES):
        return False
    if _adverb(head):
        return False  # "Totally forgot …": an adverb opening a chat line ("Sally" is a name)
    if len(core) == 1 and head.low in _WORK_NOUNS:
        return False  # "Fix for #346 broke the build", "Refactor broke …": a piece of work
    if head.low.endswith(("bot", "bot]")):
        return False  # "Dependabot", "renovate[bot]": tools that open PRs
    if len(core) == 1 and head.text.isupper() and len(head.text) > 1:
        return False  # "CI", "DNS": an acronym names a thing
    if any(_camel_case(w.text) for w in core):
        return False  # "SeriLog", "IaC", "PowerShell": products, not people
    # "Validators", "Deploys": a capitalised plural is a thing more often than a
    # name; "Hollis" and "Marcus" are names.
    # A double "s" ends a name ("Voss", "Hess") more often than a plural; the
    # nouns that end so do by their suffix ("Access", "Business", "Progress").
    plural = head.low.endswith("s") and not head.low.endswith(("is", "us", "as", "os"))
    if head.low.endswith("ss") and len(head.low) > 3:
        plural = head.low.endswith(_SS_NOUN_SUFFIXES)
    return not (plural and not any(c.isdigit() for c in head.text))


def generic_people(subject: Sequence[Word], verb: Word | None, before: Sequence[Word]) -> bool:
    """The subject is people in general and the verb tells how things go, in the present:
    a bare plural ("People forget steps", "Engineers make mistakes") or one person picked
    at random when it happens at all ("Sometimes a developer saves the key …").

    `before` holds the clause's words before the subject (where "sometimes" may stand).
    A modal or "need to" keeps the subject specific ("engineers must double-check" asks
    something of them), as does a habit of care denied ("developers just don't test").
    """
    # "Sometimes a developer …", "Alternatively the engineers …": adverbs before the noun.
    while subject and (subject[0].low in _NOW_AND_THEN or subject[0].low.endswith("ly")):
        before, subject = (*before, subject[0]), subject[1:]
    if verb is None or not subject or verb.low in _MODALS_AND_NEEDS:
        return False
    lows = [w.low for w in subject]
    head = lows[-1]
    if lows[0] not in _DETERMINERS and (
        head in PEOPLE_PLURALS or (head.endswith("s") and head[:-1] in _ROLES)
    ):
        return not verb.low.endswith("ed") and verb.low not in _IRREGULAR_PAST
    if lows[0] in {"a", "an", "someone", "somebody"} and any(
        w.low in _NOW_AND_THEN for w in (*before, *subject)
    ):
        return verb.low.endswith("s") and not verb.low.endswith("ss")
    return False


_NOW_AND_THEN = frozenset(
    {"sometimes", "often", "occasionally", "usually", "inevitably", "eventually"}
)
_MODALS_AND_NEEDS = (
    _MODALS
    | {"need", "needs", "have", "has", "ought", "are", "were", "is", "was", "did", "had"}
    | {"didn't", "didn’t"}
    | {"hadn't", "hadn’t", "wasn't", "wasn’t", "weren't", "weren’t", "won't", "won’t"}
    # A habit of care denied is a verdict on the group: "developers just don't test".
    | {"don't", "don’t", "doesn't", "doesn’t", "never", "rarely", "seldom", "just", "simply"}
)
