"""Cues over a clause's act (`unblame.language.cues`): a slip, harm that followed, damage
done, hindsight about a choice; care left undone is in `cues_care`."""

from __future__ import annotations

import re

from .agents import _DETERMINERS, Word
from .clause import Clause, Sentence, _Lazy
from .clause_subject import _CLAUSE_WORDS
from .cue_base import (
    _APPLYING,
    _APPLYING_RE,
    _CONDITIONS,
    _DISCOVERIES,
    _GOOD_OUTCOME_RE,
    _UNREAL,
    _WRONG_OBJECT_RE,
    _acts,
    _first_verb,
    _from_predicate,
    _phrase,
    _predicate,
    _predicate_start,
    _responds,
    _unreal,
)
from .cues_slips import _AHEAD_OF_CHECK_RE, _HINDSIGHT_MODALS, _to_sentence_end, slip_shape
from .verb_words import (
    _AUX,
    _IRREGULAR_PAST,
    _MIS_IRREGULAR,
    _MIS_RE,
    _SLIP_ADVERBS,
    _SLIP_VERBS,
    ACCIDENT_ADVERBS,
)

_BLUNDER_PHRASE_RE = _Lazy(
    r"\bby\s+(?:mistake|accident)\b|\bin\s+error\b"
    r"|\b(?:made|make|makes|making|did|committed)\s+(?:a|an|the|that|this|such\s+an?)\s+(?:\w+\s+){0,2}?(?:mistake|error|typo"
    r"|blunder|misstep|goof)\b"
    # Counted: "made several mistakes", "made more mistakes than usual".
    r"|\b(?:made|make|makes|making|committed)\s+(?:several|many|more|some|a\s+few|a\s+couple\s+of|two|three"
    r"|multiple|numerous|a\s+lot\s+of|lots\s+of)\s+(?:\w+\s+)?(?:mistakes|errors|typos|blunders|missteps)\b"
    r"|\bslipped\s+(?:up|on\s+(?:the|a|his|her|their|my|our)\s+keyboards?)\b"
    r"|\b(?:merged|shipped|deployed|released|pushed|published|tagged|acted)\s+(?:\w+\s+){0,3}?(?:way\s+|far\s+|much\s+)?"
    r"too\s+(?:soon|early|hastily|quickly|fast)\b"
    # Late to a warning: "reacted too late to the alarms", "responded far too slowly".
    r"|\b(?:reacted|responded|acted|escalated|intervened)\s+(?:\w+\s+){0,3}?(?:far\s+|way\s+|much\s+)?too\s+"
    r"(?:late|slowly)\b"
    r"|\b(?:did|done|got|get)\s+(?:\w+\s+){0,3}?wrong(?:ly)?\b|\bwithout\s+(?:even\s+)?(?:realizing"
    r"|realising|noticing|thinking|being\s+thorough)\b",
    re.IGNORECASE,
)


_FLAWED_OBJECT_RE = _Lazy(
    _APPLYING + r"\w*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:(?:untested|unreviewed|unvetted|unapproved|half-finished|unfinished|stray"
    r"|half-baked)\b"
    r"|(?:bad|broken|buggy)\s+(?:config\w*|commit|migration|release|change|value|patch|update|rule|query"
    r"|script|tag|image|build|data|dns\s+record|record|route|template|command|entry|input)s?\b"
    r"|(?:erroneous|errant|mistaken|faulty)\s+(?:[\w-]+\s+)?(?:command|input|value|query|entry"
    r"|entries|parameter|argument|setting|flag|rule|config\w*|change|cable|script|update|patch"
    r"|release|build|version|firmware|package|commit|file)s?\b)",
    re.IGNORECASE,
)


# A supply or a safety signal cut, by either verb: "cut power to the floor", "killed all
# power to the centre", "cut off the alarms".
_SUPPLY_CUT = (
    r"(?:cut|kill(?:ed|s)?)\s+(?:off\s+)?(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:signalling|signaling|monitoring"
    r"|alarms?|power|service|access|traffic|connectivity|comms)"
)


# Work or data gone ("lost half the commits"), or the outage as the act's outcome
# ("Management's decision led directly to this outage").
_LOST_OR_LED = (
    r"|lost\s+(?:half|all|most|some|every|\d+|(?:half|all|most|some)\s+of)\s+"
    r"(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+)?(?:commits|data|rows|records|files|changes|history"
    r"|messages|orders|emails|tags|work|uploads|backups)"
    r"|(?:(?:led|contributed)\s+(?:\w+ly\s+)?to|resulted\s+in)\s+(?:the|this|that|an?|our|today['’]s)\s+"
    # A report's outcome too: "the nurse's method of labelling contributed to the error".
    r"(?:[\w-]+\s+)?(?:outage|incident|failure|crash|breach|downtime|data\s+loss|error|accident"
    r"|collision|mix-?up)"
    # Not the work around the outage: "contributed to the incident review".
    r"(?![\w-]*\s+(?:review|report|retro\w*|call|channel|response|post-?mortem|doc\w*|write-?up"
    r"|meeting|commander|process|team)s?\b)"
)


# A loss charged to the act: "cost us four hours of downtime", "cost us the morning".
_COST_US = (
    r"(?:cost|lost)\s+(?:us|them|the\s+company|customers|everyone)\s+(?:[\w$,.-]+\s+){0,4}?(?:downtime|outage"
    r"|data|revenue|money|customers|morning|afternoon|evening|weekend|night|day|hours|days|sleep)"
)


# People locked out or a build turned red, whether the person or their work did it:
# "locks out all VPN users", "turned the Windows CI red".
_LOCKED_OUT_OR_RED = (
    r"locks?\s+out\s+(?:all|every|the|our|\d[\d,]*)"
    r"|turn(?:ed|s)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?red"
)


# The work itself did damage: "your PR broke the Windows build".
_DAMAGE_RE = _Lazy(
    # The damage told in the passive, its doer after "by" (the clause reads that as the
    # agent): "ten tests were broken by your commit".
    r"(?:was|were|got|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?(?:broken|wiped|deleted|dropped|corrupted|erased"
    r"|destroyed|overwritten|purged|truncated|emptied|taken\s+(?:down|offline))\s+by\b|"
    r"(?:(?:is|was)\s+what\s+)?(?:(?:may|might|must|probably|has|have|had)\s+(?:have\s+)?)?"
    r"(?:(?:\w+ly|just|each|all|both|again|also)\s+)?"
    # The present too, as headlines tell it: "Contributor's force-push erases three months …".
    r"(?:breaks|wipes|deletes|erases|drops|corrupts|empties|crashes"
    r"|knock(?:ed|s)\s+(?:[\w,]+\s+){1,4}?off\s+(?:broadband|power|the\s+grid|air|line|the\s+network)"
    r"|broke|broken|caused|crashed|wiped|emptied|dropped|deleted|erased|destroyed|overwr(?:ote|itten)"
    r"|purged|truncated|flattened|filled|flooded|saturated|overwhelmed|blocked|locked\s+(?:\w+\s+){0,3}?out"
    r"|corrupted|took\s+(?:\w+\s+){0,3}?(?:down|offline|out)|brought\s+(?:\w+\s+){0,3}?down"
    r"|(?:re)?introduced\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(?:bug|regression|crash|leak|outage|race|deadlock|error"
    r"|null|loop|bypass|vulnerability|hole)|triggered\s+(?:the|an?)\s+(?:\w+\s+)?(?:outage|incident|failure|crash)|knocked|hammered"
    r"|overloaded|exhausted|"
    + _SUPPLY_CUT
    + r"|locked\s+(?:the|every|all)\s+(?:[\w-]+\s+){0,2}?(?:table|tables|database|rows)\b"
    r"|" + _LOCKED_OUT_OR_RED + r"|severed|" + _COST_US + _LOST_OR_LED + r")\b",
    re.IGNORECASE,
)


# Verbs that say the act wrecked something, whoever did it: "Pascoe broke the build".
# Offline in other words, past a longer object: "took the company's whole server fleet off
# the internet".
_OFF_THE_NET = r"(?:[\w'’-]+\s+){1,6}?off\s+the\s+(?:internet|network|air|grid|web)\b"


# An act done to something, not the subject itself breaking: "Squeak broke, apparently"
# and "the pod crashed again" tell of the thing, "Dana broke prod" of a person.
_TAKES_AN_OBJECT = (
    r"(?!\s*(?:[,.;:!?)]|$)|\s+(?:again|apparently|today|yesterday|overnight|twice|badly|completely"
    r"|randomly|repeatedly|on\s+(?:\w+day|startup|boot|launch)|after|when|during|while|because|at)\b)"
)
# Past and present alike ("Tancredi breaks the VPN", in a timeline or a habit).
_WRECK_RE = _Lazy(
    r"(?:(?:has|have|had)\s+)?(?:(?:\w+ly|just|then|also|even|again|always|somehow|each|both|all)\s+)?"
    r"(?:(?:broke|breaks)(?!\s+(?:\w+\s+){0,3}?(?:down|up|out|into|apart|even)\b)"
    + _TAKES_AN_OBJECT
    + r"|(?:crash|corrupt|nuk|trash|bork|brick|hos|clobber|wreck|blackhol|ruin|botch)(?:ed|es|s)"
    + _TAKES_AN_OBJECT
    # Burnt out or swept away, said of a person's act: "fried the staging db", "blew away
    # the DNS zone" (the object makes it an act, not the thing's own failure).
    + r"|(?:fried|fries|blew\s+away|blows\s+away)"
    + _TAKES_AN_OBJECT
    + r"|destroy(?:ed|s)|flatten(?:ed|s)"
    r"|introduced\s+(?:the|a|this|that)\s+(?:[\w-]+\s+)?(?:bug|regression)"
    r"|(?:took|takes)\s+(?:\w+\s+){0,3}?(?:down|offline)|(?:brought|brings)\s+(?:\w+\s+){0,3}?down"
    r"|(?:took|takes)\s+"
    + _OFF_THE_NET
    + r"|knock(?:ed|s)\s+(?:\w+\s+){0,4}?(?:over|out|offline)|wipe[ds]\s+out"
    # Harm over time, or to the person's own thing: "has been corrupting our logs for
    # months", "wiped the volume himself", "took out email for the whole company".
    r"|(?:has|have)\s+been\s+(?:corrupting|breaking|crashing|wiping|deleting|trashing|nuking)\b"
    r"|(?:wip|corrupt|delet|nuk|dropp|trash|brick)(?:ed|es|s)?\s+(?:[\w-]+\s+){1,3}?(?:himself|herself"
    r"|themselves|themself)\b"
    r"|took\s+out\s+(?:\w+\s+){0,2}?(?:email|mail|dns|power|networking|service|prod|production|checkout"
    r"|login|payments|the\s+(?:site|network|api))\b"
    # A harm told as a knack: "always manages to break the release branch".
    r"|manage[sd]?\s+to\s+(?:break|crash|wipe|nuke|delete|take\s+(?:\w+\s+){0,3}?down|knock\s+(?:\w+\s+){0,3}?"
    r"(?:over|out|offline)|lock\s+(?:\w+\s+){0,3}?out)\b"
    r"|lock(?:ed|s)\s+(?:every|all|the|our|\d+)\s+(?:[\w-]+\s+){0,3}?out\s+of\b"
    r"|made\s+(?:a|the|this|that|such\s+a)\s+(?:\w+\s+)?mess\b|force-pushed\s+over"
    r"|pull(?:ed|s)\s+the\s+(?:power|plug)\b|left\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:a|in\s+a)\s+mess\b"
    # "spent the week wreaking havoc on our systems".
    r"|(?:wreak(?:ed|s|ing)?|wrought|caus(?:ed|es|ing))\s+havoc\b"
    # "left the main branch in a failing state for two years".
    r"|left\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,3}?in\s+an?\s+(?:\w+\s+)?(?:broken|failing|bad"
    r"|inconsistent|corrupt(?:ed)?|unusable|unbuildable|half-\w+)\s+state\b"
    r"|knock(?:ed|s)\s+(?:[\w,]+\s+){1,4}?off\s+(?:the\s+)?(?:broadband|power|the\s+grid|air|line|network)\b"
    r"|flood(?:ed|s)\s+(?:the|our)\s+(?:basement|room|floor|hall|data\s?cent(?:er|re)|server\s+room)"
    r"|" + _SUPPLY_CUT + r"|"
    # A shared or live thing destroyed, or a span of data: "deleted the shared staging
    # database", "wiped three months of audit logs" (planned work is UB101's to let go).
    r"(?:delet|wip|drop|truncat|empti|purg|eras)(?:ed|es|s)\s+(?:the|our|every|all|a)\s+(?:[\w-]+\s+)?"
    r"(?:shared|production|prod|live|primary|customer|customers['’]|user|users['’])\b"
    r"|(?:wip|eras|purg)(?:ed|es)\s+(?:\w+\s+){1,2}?(?:months?|weeks?|days?|years?|hours?)\s+(?:worth\s+)?of"
    r"|caused\s+(?:the|an?|this|that)\s+(?:\w+\s+)?(?:outage|incident|failure|crash|breakage|downtime|errors?"
    r"|blackout|disruption|data\s+loss)"
    # Whole collections, and the writer's own things: "deleted the whole category",
    # "deleted all my saved playlists" (not "deleted the old backups", planned work).
    r"|(?:delet|wip|eras|purg)(?:ed|es|s)\s+(?:the\s+whole|the\s+entire|all\s+(?:of\s+)?(?:my|our))\b"
    r"|(?:delet|wip|eras)(?:ed|es|s)\s+(?:all\s+)?(?:my|our)\s+"
    # "turned the Windows CI red", "locks out all VPN users", "blew through the quota".
    r"|"
    + _LOCKED_OUT_OR_RED
    + r"|blew\s+(?:through|past)\s+(?:the|our)\s+(?:[\w-]+\s+)?(?:quota|budget|limit)"
    r"|severed|" + _COST_US + _LOST_OR_LED + r")\b",
    re.IGNORECASE,
)


# Hindsight about a person's choice: "Tarquin should have checked the config".
_HINDSIGHT_RE = _Lazy(
    r"(?:\w+ly\s+)?(?:should|shouldn['’]t|should\s+not|ought\s+to|could)"
    # An adverb may stand inside the modal: "should obviously have", "should of course have".
    r"(?:\s+(?:\w+ly|of\s+course|really|definitely|probably|also|all|both))?\s*(?:have|['’]ve)\s+"
    r"(?:\w+ly\s+|just\s+|at\s+least\s+|double\s+|triple\s+)?(?:known|seen|done|run|read|caught|taken|written|told"
    r"|asked|kept|made|thought|left|\w+ed"
    # Writers drop the participle ("should have bump the major"): a hand act in
    # its plain form says the same.
    # Not the verbs that also name a permission or a kind ("write access",
    # "push rights", "test coverage").
    r"|bump|check|verify|wait|ask|tell|update|fix|revert|increase|restart|notify|inform|warn"
    r"|follow)\b"
    # A reproach in the present: "you could at least write LGTM and wait".
    r"|could\s+at\s+least\s+(?!(?:in|on|at|for|by|a|an|the|some|one|two|be)\b)\w+"
    r"|(?:\w+ly\s+)?should\s+(?:have\s+known|know)\s+better\b",
    re.IGNORECASE,
)


# An act tied to a bad outcome that followed from it.
_HARM_RE = _Lazy(
    # "…, but breaking prod is a symptom of …": after a conjunction an -ing word opens a
    # clause of its own, an activity as its subject, not the harm of the act before.
    r"(?:,\s*|\b(?:which|that|and)\s+)(?:(?:is|was)\s+what\s+|(?!(?:but|or|yet)\s+\w+ing\b)\w+\s+)?"
    r"(?:lead\w*\s+to|led\s+to|result\w*\s+in"
    r"|caus\w+|took\s+(?:[\w'’-]+\s+){0,3}?(?:down|offline|out)|brought\s+(?:[\w'’-]+\s+){0,3}?down"
    r"|(?:took|taking)\s+"
    + _OFF_THE_NET
    + r"|broke|triggered|knock\w*\s+(?:[\w'’-]+\s+){0,3}?(?:out|over|offline)"
    r"|taking\s+(?:[\w'’-]+\s+){0,3}?(?:down|offline)|bringing\s+(?:[\w'’-]+\s+){0,3}?down"
    r"|cut(?:ting)?\s+(?:[\w'’-]+\s+){0,3}?off|render\w*|left\s+(?:\w+\s+){0,2}?unable"
    r"|(?:dropp|lock|crash|empti|corrupt|fill|hammer|overload|kill|exhaust|saturat|flood|stall|break"
    r"|wip|eras|destroy|purg|truncat|flatten|block|clobber|ground|strand|disrupt)(?:ed|ing)"
    r"|overwr(?:ote|itten|iting)"
    r"|(?:it|(?:the|every|all|each|both|most|many)\s+(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:fell\s+over"
    r"|went\s+(?:down|red|dark|offline|silent|dead|read-only|un\w+ed)|crashed|broke|died|overheated"
    r"|lost\s+power|(?:was|were)\s+lost|stuck\s+around)"
    r"|froze\s+(?:all|every)\b"
    # "… and every stack tracking it started crash-looping": what used the thing
    # just put in place (not "… at 22:10 and the jobs began failing", a timeline).
    r"|(?:the|every|all|each|both|most|many)\s+(?:[\w-]+\s+){0,4}?(?:it|them|this|that)\s+(?:started|began)"
    r"\s+(?:crash\w*|fail\w*|erroring|timing\s+out|throwing|rejecting|dropping"
    r"|returning\s+(?:errors|5\d\ds|5xx))"
    # "… and now every import crashes", "…, and the queue backed up": the present or
    # a state tells the outcome as well as a past verb does.
    r"|(?:now\s+)?(?:it|(?:the|every|all|each|both|most|many|our|no)\s+(?:[\w-]+\s+){0,4}?[\w-]+)"
    r"\s+(?:backed\s+up|crash(?:es|ing)|fails|(?:is|are|was|were)\s+(?:now\s+)?(?:down|broken|failing"
    r"|crashing|offline|unreachable|unavailable)|rejected|stopped\s+(?:working|responding|serving)"
    r"|timed\s+out|filled\s+up|ran\s+out)"
    # "…, so checkout broke": a thing named bare, with no article, after "so".
    r"|(?<=\bso\s)(?!(?:we|i|he|she|they|you|it)\b)[\w-]+\s+(?:fell\s+over|went\s+(?:down|red|dark"
    r"|offline)|crashed|broke|died|stopped\s+(?:working|responding|serving))"
    # "… and 90,000 members lost their points": people counted, and what they lost.
    r"|\d[\d,]*\s+(?:\w+\s+)?(?:customers|users|members|people|homes|accounts)\s+(?:lost|were\s+locked\s+out"
    r"|could(?:n['’]?t|\s+not))"
    # "…, so nobody could log in": what people could no longer do.
    r"|now\s+(?:nothing|nobody|no\s+one|none\s+of\s+(?:\w+\s+){1,2}?)\s*(?:can|could|will|works|loads|starts)"
    r"|so\s+(?:nobody|no\s+one|none\s+of\s+\w+|users|customers|we|they)\s+(?:could(?:n['’]?t|\s+not)?"
    r"|can['’]?t|cannot|were\s+unable|was\s+unable)"
    # "… and now half of our customers can't reach the login page": the people a
    # service is for, counted or not, and what they lost or could no longer do.
    r"|(?:now\s+)?(?:(?:half|most|all|many|some|\d[\d,]*%?)\s+(?:of\s+)?)?(?:the\s+|our\s+|their\s+|every\s+)?"
    r"(?:[\w-]+\s+)?(?:customers|users|clients|members|tenants|merchants|subscribers|patients|passengers)"
    r"\s+(?:can['’]?t|cannot|couldn['’]?t|could\s+not|(?:were|are|was|is)\s+(?:now\s+)?(?:unable|locked\s+out"
    r"|double-charged|charged\s+twice|logged\s+out|stranded))"
    # "…, losing eleven minutes of orders": what went with the act.
    r"|(?<=,\s)losing\s+(?:[\w,-]+\s+){0,4}?(?:orders|data|events|messages|records|rows|payments|emails"
    r"|transactions|files|commits|uploads|work)"
    # "…, which is how we lost the weekend's events".
    r"|(?:which\s+)?is\s+(?:how|why)\s+(?:[\w'’,-]+\s+){0,5}?(?:lost|broke|crashed|died|went\s+down"
    r"|(?:were|was)\s+(?:lost|down|broken|double-charged|locked\s+out))"
    # "…, leaving the service to fall over at 19:20".
    r"|leaving\s+(?:[\w'’-]+\s+){1,4}?(?:to\s+(?:fall\s+over|crash|fail|die|go\s+down)|without\s+"
    r"(?:power|service|quorum|backups?|data|access))"
    # "… and the error rate tripled".
    r"|(?:the\s+)?(?:error\s+rate|errors|5xx|5\d\ds|latency|timeouts|queue|backlog)\s+(?:tripled|doubled"
    r"|quadrupled|spiked|soared|exploded|jumped|shot\s+up)"
    # Safety reports: "… and the line seized", "… and a worker was struck".
    r"|(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:line|rake|wagons?|train|vessel|ship|ferry|aircraft|plane|engine"
    r"|crane|load|pump|reactor|boiler|turbine)\s+(?:seized|derailed|collided|capsized|flooded|ran\s+aground"
    r"|caught\s+fire|exploded|rolled\s+away|rolled\s+(?:\w+\s+){0,3}?down|overran|stalled)"
    r"|(?:a|the|two|three|\d+)\s+(?:[\w-]+\s+)?(?:workers?|patients?|passengers?|people|staff|crew)\s+"
    # "… and got our sending domain blocklisted", "… and half the community left".
    r"(?:was|were)\s+(?:struck|injured|killed|hurt|hospitali[sz]ed|harmed|(?:moved|admitted|taken|rushed)\s+to"
    r"\s+(?:intensive\s+care|hospital|the\s+icu|icu))"
    r"|got\s+(?:our|the|us|them)\s+(?:[\w-]+\s+){0,3}?(?:blocklisted|blacklisted|banned|suspended|throttled"
    r"|rate-limited)"
    r"|half\s+(?:of\s+)?(?:the|our)\s+(?:[\w-]+\s+)?(?:community|users|customers|players|members|team|guild)\s+"
    r"(?:left|quit|churned))\b",
    re.IGNORECASE,
)


def blunder(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the act itself is called a slip: an adverb, a mis- verb, 'made a mistake'."""
    words = clause.words
    for k in range(clause.predicate, len(words)):
        low = words[k].low
        after_determiner = k > 0 and words[k - 1].low in _DETERMINERS
        if (
            low in _SLIP_ADVERBS
            or low in _SLIP_VERBS
            or low in _MIS_IRREGULAR
            or (_MIS_RE.match(low) and low != "mistaken" and not after_determiner)
            or (_KEEP_MIS_RE.match(low) and k > 0 and words[k - 1].low in _KEEP)
        ):
            found = words[k].start, words[k].end
        else:
            continue
        return None if _unreal(clause, found[1]) or _by_chance(clause, k) else found
    return (
        _phrase(sentence, clause, _BLUNDER_PHRASE_RE)
        or _phrase(sentence, clause, _PUSHED_INSTEAD_RE)
        or _fronted_accident(clause, _SLIP_ADVERBS)
        or _right_thing_missed(sentence, clause)
    )


# A slip that recurs: "I keep misreading the flag", "kept mistyping the host".
_KEEP = frozenset({"keep", "keeps", "kept"})
_KEEP_MIS_RE = _Lazy(r"mis(?!s|sion|ter|chie|match|align)[a-z]{2,}ing$")


# A change put where it was not meant to go: "pushed to main instead of my fork".
# Only acts on a repository, where "instead of" is a slip, not a choice made
# ("restarted the replica instead of failing over" is a decision to explain).
_PUSHED_INSTEAD_RE = _Lazy(
    r"\b(?:pushed|force-pushed|merged|committed|tagged)\s+(?:[\w'’./-]+\s+){0,4}?instead\s+of\b",
    re.IGNORECASE,
)


# The right value not used is the wrong one used: "I was not setting the correct
# variable", "he didn't pick the right cluster". Having ("didn't have the right
# access") is a condition, not an act, so only acts of choosing count.
_RIGHT_THING_MISSED_RE = _Lazy(
    r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+ly\s+)?(?:set|use|pass|pick|select|choose|enter|type|run|apply"
    r"|specify)(?:s|ting|ing|ning|ed)?\s+the\s+(?:correct|right|proper)\b",
    re.IGNORECASE,
)


def _right_thing_missed(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    if clause.words[0].low in _CONDITIONS:
        return None
    start, text = _predicate(sentence, clause)
    match = _RIGHT_THING_MISSED_RE.search(text)
    return (start + match.start(), start + match.end()) if match else None


_ACCIDENT_ADVERBS = frozenset(ACCIDENT_ADVERBS)


def _by_chance(clause: Clause, adverb: int) -> bool:
    """The adverb at index `adverb` tells of a lucky find, not a slip, or of what
    someone did not know ("unknowingly to everyone, the certificate had expired")."""
    following = clause.words[adverb + 1] if adverb + 1 < len(clause.words) else None
    if following is not None and following.low == "to":
        return adverb == 0  # not "deployed accidentally to production"
    return following is not None and following.low in _DISCOVERIES


def accident(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """An act told as unintended: "accidentally removed", "mistakenly thought".

    Narrower than `blunder`: a group's "overlooked" is an omission and its
    "blindly" usually sits in a plea, so only the adverbs of accident count.
    """
    words = clause.words
    for k in range(clause.predicate, len(words)):
        word = words[k]
        if word.low in _ACCIDENT_ADVERBS:
            if _unreal(clause, word.end) or _by_chance(clause, k):
                return None
            return word.start, word.end
        if _by_accident(words, k):
            # "We removed the index by mistake" (not "we found the leak by accident").
            verb = words[clause.predicate].low
            if _unreal(clause, word.end) or verb in _DISCOVERIES:
                return None
            return word.start, words[k + 1].end
    return _fronted_accident(clause, _ACCIDENT_ADVERBS)


def _fronted_accident(clause: Clause, adverbs: frozenset[str]) -> tuple[int, int] | None:
    """One of `adverbs` or "by mistake" said before the subject, of the act after it:
    "By mistake, I have pushed to main", "Inadvertently, the operator cleared the queue".

    Only words ahead of the clause's own subject count: the agent read from an
    earlier clause has no opener here.
    """
    words = clause.words
    if not words or not words[0].start <= clause.agent_start < words[-1].end:
        return None
    for k in range(min(clause.predicate, len(words))):
        word = words[k]
        # The subject may open with the adverb itself: "Mistakenly the engineer applied …".
        if word.start >= clause.agent_start and not (k == 0 and word.low in adverbs):
            return None
        phrase = _by_accident(words, k)
        if word.low in adverbs or phrase:
            end = words[k + 1].end if phrase else word.end
            verb = words[clause.predicate].low if clause.predicate < len(words) else ""
            # A modal or denial by the verb ("by mistake, nobody can delete it") unmakes the act.
            act_end = words[min(clause.predicate + 1, len(words) - 1)].end
            if _unreal(clause, act_end) or verb in _DISCOVERIES:
                return None
            return word.start, end
    return None


def _by_accident(words: tuple[Word, ...], k: int) -> bool:
    """ "by mistake" or "by accident" starts at `words[k]`."""
    return words[k].low == "by" and k + 1 < len(words) and words[k + 1].low in _BY_ACCIDENT


_BY_ACCIDENT = frozenset({"mistake", "accident"})


# Interjections of dismay that tell the line reports a slip: "Oops, I published …".
_OOPS = frozenset(
    {"oops", "whoops", "woops", "oopsie", "d'oh", "doh", "facepalm", "argh", "welp", "ugh"}
    | {"dammit", "damnit", "crap"}
)


_NOT_DONE = frozenset({"not", "never", "didn't", "didn’t"})
# Not steps: what did not reach the writer ("didn't get paged") and what an act did
# not achieve ("didn't help the situation", "didn't do any good").
_NO_STEP = frozenset(
    {"get", "receive", "hear", "have", "need", "expect", "see", "find", "know"}
    | {"do", "help", "work", "matter"}
)


def oops(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A line opened by "oops" and then the writer's act: a slip told in chat.

    "Oops, I published …" and "whoops, pushed to the wrong branch" (the subject
    left out); "Oops, Dana pushed …" and "Oops, wrong channel" are not the
    writer's act. Checked once, on the first clause.
    """
    words = sentence.words
    if not words or words[0].low not in _OOPS or clause is not sentence.clauses[0]:
        return None
    k = 1
    # Punctuation and emoji between: "oops 🙈 I deleted …".
    while k < len(words) and (words[k].low in _OOPS or not any(c.isalnum() for c in words[k].low)):
        k += 1
    said = k < len(words) and words[k].low in {"i", "we", "i've", "i’ve", "we've", "we’ve"}
    if said:
        k += 1
    undone = False
    while k < len(words) and (words[k].low in _AUX or words[k].low.endswith("ly")):
        undone = undone or words[k].low in _NOT_DONE
        k += 1
    if k >= len(words) or words[k].low in _UNREAL:
        return None
    low = words[k].low
    acted = low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 3)
    # "Oops, I didn't push the revert", "whoops, never tagged it": a step left
    # undone is the slip; what did not reach the writer is not ("didn't get paged"),
    # and with the subject left out an object shows it was a step ("welp, didn't
    # work" tells of a thing).
    acted = acted or (
        undone
        and low.isalpha()
        and low not in _NO_STEP
        and (said or (k + 1 < len(words) and words[k + 1].low in _DETERMINERS | {"it", "them"}))
    )
    if low in _DISCOVERIES:
        return None  # "Ugh, we found another broken shard" reacts to news
    return (words[0].start, words[k].end) if acted else None


# An act said not to have been done right: "didn't merge package.json correctly",
# "did not configure the firewall properly" (not "right away").
_NOT_DONE_RIGHT = (
    r"\b(?:didn['’]t|did\s+not|failed\s+to)\s+(?:[\w.'’-]+\s+){1,5}?(?:correctly|properly"
    # "right" as how it was done ends the clause: not "the right access", not "right away".
    r"|right(?=\s*(?:[,.;:!?]|$)))\b"
)
# Anywhere in the sentence for the cue's precheck; as the predicate's own verb, after
# one adverb at most ("just didn't"), for the slip itself.
_NOT_DONE_RIGHT_RE = _Lazy(_NOT_DONE_RIGHT, re.IGNORECASE)
_OWN_ACT_NOT_DONE_RIGHT_RE = _Lazy(r"\A(?:[\w'’-]+\s+)?" + _NOT_DONE_RIGHT, re.IGNORECASE)


def slip(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """A blunder, or an act on the wrong object: "used the wrong tag", "too broadly".

    "They" in technical writing is as often tools as people ("together they give us
    weeks of warning instead of minutes"), so for it only a blunder counts.
    """
    found = blunder(sentence, clause)
    # "IT" in capitals is the department, not the pronoun.
    subject = {w.text for w in clause.words[: clause.predicate]}
    if found is not None or subject & {"they", "They", "it", "It"} or _responds(clause):
        return found
    return (
        _wrong_object(sentence, clause)
        or _applied_flawed_thing(sentence, clause)
        or slip_shape(sentence, clause)
        # The negation is the point here, not a sign the act did not happen.
        or _phrase(sentence, clause, _OWN_ACT_NOT_DONE_RIGHT_RE, negation_expected=True)
    )


def _wrong_object(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause's act took the wrong or a flawed object: "used the wrong tag",
    "pushed an untested build"."""
    return _phrase(sentence, clause, _WRONG_OBJECT_RE) or _phrase(
        sentence, clause, _FLAWED_OBJECT_RE
    )


def wrong_choice(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The writer's own act on the wrong or a flawed object ("I restarted the wrong node"),
    or let out ahead of its check ("I merged while the checks were still running").

    Told with what came next ("on the wrong deployment first, then on the right one"),
    it is the sequence of events the guide keeps; "instead of failing over" is a choice
    to explain, not a slip; hindsight ("I should have … instead of …") is its own rule.
    """
    if _responds(clause) or any(w.low in _HINDSIGHT_MODALS for w in clause.words):
        return None
    ahead = _to_sentence_end(sentence, clause, _AHEAD_OF_CHECK_RE)
    if ahead is not None:
        return ahead  # "I merged it while the checks were still running"
    found = _wrong_object(sentence, clause)
    if found is None:
        return None
    rest = sentence.text[found[0] - sentence.offset :]
    return None if _CHOICE_OR_CORRECTION_RE.search(rest) else found


# What turns a wrong object into the story of the response or a choice: the right one
# reached afterwards, or an alternative act set aside ("instead of failing over"); and a
# belief that proved wrong ("made an incorrect assumption about the hash"), which is the
# local rationality the guide asks the writer to tell.
_CHOICE_OR_CORRECTION_RE = _Lazy(
    r"\bthe\s+(?:right|correct|intended)\b|\binstead\s+of\s+\w+ing\b"
    r"|\b(?:wrong|incorrect)\s+(?:assumptions?|beliefs?|guess(?:es)?|impressions?|conclusions?|ideas?"
    r"|understanding|reading\s+of)\b",
    re.IGNORECASE,
)


# "… errant input that the engineers entered": the flawed thing is named first
# and a relative clause says who put it in place.
_FLAWED_THING_BEFORE_RE = _Lazy(
    r"\b(?:wrong|incorrect|erroneous|errant|mistaken|faulty|untested|unreviewed)"
    r"\s+(?:[\w-]+\s+)?[\w-]+\s*$",
    re.IGNORECASE,
)


def _applied_flawed_thing(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """The clause is "that/which <person> <applied>" after a flawed thing.

    Responding to the flawed thing ("the faulty disk that the technician
    replaced") is no slip, so the verb must put something in place.
    """
    words = clause.words
    if words[0].low not in {"that", "which"} or clause.predicate >= len(words):
        return None
    verb = words[clause.predicate]
    if not _APPLYING_RE.match(verb.low) or _unreal(clause, verb.end):
        return None
    before = sentence.text[: words[0].start - sentence.offset]
    flawed = _FLAWED_THING_BEFORE_RE.search(before)
    return None if flawed is None else (sentence.offset + flawed.start(), verb.end)


_NO_HARM_RE = _Lazy(r"\s+(?:nothing|nobody|no\s+one|no|none)\b", re.IGNORECASE)


# A bad quantity brought down is a good outcome: "brought the error rate down".
_LESS_OF_THE_BAD_RE = _Lazy(
    r"\b(?:errors?|error\s+rate|latency|load|backlog|queue|lag|5xx|5\d\ds|retries|timeouts|cpu"
    r"|memory|pressure)\b",
    re.IGNORECASE,
)


def _less_of_the_bad(said: str) -> bool:
    """The words say a bad quantity was brought down: "brought the error rate down"."""
    return said.lower().endswith("down") and _LESS_OF_THE_BAD_RE.search(said) is not None


# Verbs that tell of a step not taken: the counterfactual rules name those.
_OMITTING = frozenset({"forgot", "neglected", "failed"})


def _opening_cause(sentence: Sentence, clause: Clause) -> bool:
    """The sentence opens with "Because …": the act it tells is given as the cause of
    the main clause after it ("Because Jurgis bulk-deleted the accounts, 2,300 users
    were locked out"), where a "because" inside a sentence gives a reason for it."""
    return clause is sentence.clauses[0] and clause.words[0].low == "because"


def harm(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the act is tied to a bad outcome that followed ("..., leading to ...")."""
    # The outcome may stand in a later clause, so the rest of the sentence is read.
    start = _predicate_start(clause)
    rest = sentence.text[start - sentence.offset :]
    # A relative or complement clause ("clues that they'd switched hubs,
    # leading to ...") tells what someone saw; the main clause carries the claim.
    opener = clause.words[0].low
    # "…, but the night-shift operator let it sound and the line seized": "but" joins
    # a main clause, where "that", "when" or "because" lead a clause told about.
    if opener in _CLAUSE_WORDS and opener != "but" and not _opening_cause(sentence, clause):
        return None
    if not _acts(clause):
        return None
    verb = _first_verb(clause)
    if verb is not None and verb.low in _OMITTING:
        return None  # "forgot to commit the lockfile, so …": hindsight, not an act's harm
    match = _HARM_RE.search(rest)
    if match is None or _GOOD_OUTCOME_RE.search(rest, match.end(), match.end() + 40):
        return None
    if _NO_HARM_RE.match(rest, match.end()):
        return None  # "…, disrupting nothing": the harm is denied
    if _less_of_the_bad(match.group()):
        return None  # "…, which brought the error rate down": less of a bad thing
    return start + match.start(), start + match.end()


def damage(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause's verb itself does damage ("broke the build", "wiped the table")."""
    return _from_predicate(sentence, clause, _DAMAGE_RE)


# A second act of the clause that wrecks: "… and broke checkout".
_AND_WRECK_RE = _Lazy(r"\band\s+(?:then\s+|also\s+)?" + _WRECK_RE.pattern, re.IGNORECASE)


def wreck(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause's verb, or a second act joined by "and", says the act wrecked
    something ("took the API down", "worked on the live cabinet and cut the
    signalling"); not a bad quantity brought down ("brought the error rate down")."""
    found = _from_predicate(sentence, clause, _WRECK_RE)
    if found is None and _acts(clause):
        found = _phrase(sentence, clause, _AND_WRECK_RE)
    if found is None:
        return None
    said = sentence.text[found[0] - sentence.offset : found[1] - sentence.offset]
    return None if _less_of_the_bad(said) else found


def hindsight(sentence: Sentence, clause: Clause) -> tuple[int, int] | None:
    """Where the predicate judges a choice with hindsight ("should have checked")."""
    return _from_predicate(sentence, clause, _HINDSIGHT_RE)
