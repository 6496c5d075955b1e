"""Rules for the writer blaming themself (UB2xx).

Self-blame is met with kindness: these suggestions help the writer describe
their part factually and turn to the system. They never reprimand.
"""

from __future__ import annotations

from ..agents import SELF, SYSTEM
from ..cues import frame
from ..finding import Category, Severity
from ..lexicon import (
    CARELESS,
    CARELESS_TRIGGERS,
    DEPRECATING_ADJECTIVES,
    DEPRECATING_NOUNS,
    WORK_VERDICT_TRIGGERS,
)
from ..rule import Check, Rule
from .judgement_words import RATING, RATING_TRIGGERS

JANOFF_BULMAN = (
    "Janoff-Bulman (1979), characterological vs behavioural self-blame; "
    "Neff (2003) and Breines & Chen (2012) on self-compassion after mistakes"
)
SECOND_VICTIM = "Wu (2000) and Scott et al. (2009) on the 'second victim'; Allspaw (2012)"

KIND_SUGGESTION = (
    "Thank you for being open about your part. Try describing it as it happened: what "
    "were you trying to do, what were you seeing at that moment, and what made the next "
    "step make sense? Would anyone on the rotation have made the same call with the same "
    "information? The review is looking for the gap in the system, not for a culprit."
)

# Marks an action as a slip: "accidentally", "without realising", "misread".
SLIP_MARKERS = r"""
    accidentally | mistakenly | inadvertently | unintentionally | carelessly | stupidly
    | foolishly | wrongly | by\s+(?:accident|mistake) | for\s+whatever\s+reason
    | without\s+(?:realizing|realising|noticing|checking|thinking|testing|looking|reading)
"""

SLIP_VERBS = r"""
    misread | misjudged | misconfigured | mistyped | misclicked | misunderstood
    | overlooked | neglected | forgot(?!\s+to\s+(?:mention|say|add\s+that|tell|ask|reply|respond
      |attach|link|cc|include\s+the\s+link|post|share))
    | broke(?!(?:\s+\w+){0,3}\s+(?:down|up|out|into|apart|even)\b) | borked | botched | nuked
    | bricked | trashed
    # The perfect tells the same slip: "I had just broken production", "I've broken the build"
    # (the participle alone is a state: "I found it broken").
    | (?:have|had|ve|d)\s+(?:just\s+|\w+ly\s+)?(?:broken(?!(?:\s+\w+){0,3}\s+(?:down|up|out|into|apart|even)\b)
      |borked|botched|nuked|bricked|trashed)
    | managed\s+to\s+(?:break|push|delete|take|bring|drop|wipe|nuke|lock)
    | (?:didn't|did\s+not|didnt|failed\s+to|never)\s+(?:\w+\s+)?
      (?:notice|realize|realise|check|test|think\s+to|bother|catch|see\s+that|double-check
      |verify|read|wait|run\s+(?:it|the\s+tests))
    | was\s+too\s+(?:fast|quick|hasty|eager|impatient|careless|sloppy|slow|tired)
    | pushed\s+broken | merged\s+(?:it\s+|this\s+)?too\s+early
    | (?:{RELEASE_ACTS})\s+(?:\w+\s+){0,3}?(?:without|before)\s+
      (?:\w+\s+){0,4}?(?:tests?|reviews?|ci|checks?|approval|canary|waiting|testing|looking)\b
"""

# Nouns and adjectives people use to run themselves down.
RULES = (
    Rule(
        code="UB201",
        name="self-fault-admission",
        category=Category.SELF_BLAME,
        severity=Severity.WARNING,
        message="You take the blame on yourself here.",
        rationale=(
            "'My fault' and 'I screwed up' put the outcome on one person, the writer. "
            "It reads as honest, but it closes the question of what in the system made "
            "the slip possible, and it teaches others that owning up means taking blame."
        ),
        source=SECOND_VICTIM,
        rewrite=(
            "I [what I did] at [when]. I was seeing [what was in front of me], so it "
            "looked like the right step."
        ),
        suggestion=KIND_SUGGESTION,
        bad=(
            "It was me who dropped the audit table.",
            "We dropped the ball on the cert renewal.",
            "The worst mistake I did was skipping the dry run.",
            "My hotfix took down checkout for an hour.",
            "Honestly this one is a mistake on our side, sorry all.",
            "We have nobody to blame but ourselves for the expired certificate.",
            "Honestly, it was really just me rushing the change.",
            "The dropped table? That was all my doing.",
            "guess I'm the reason we're all in a postmortem this week",
            "the outage was 100% caused by yours truly",
            "That one's on me, I pushed the bad config.",
            "the blame is mine, full stop",
            "I blame myself for this one.",
            "I was the one who broke it.",
            "Sorry all, this one is my fault.",
            "My bad, I ran it against the wrong cluster.",
            "I really screwed up the failover yesterday.",
            "It's all on me, I approved the change.",
            "That 3am cache purge was me, sorry all.",
            "guess who just force-pushed over the release branch",
            "my cleanup script nuked the shared fixtures, restoring now",
            "Yep, I caused this: the flag I flipped was global.",
            "My refactor broke every plugin, reverting.",
            "My merge of the auth branch was a mistake, reverting it now.",
            "Honestly my PR was rushed.",
            "Yeah, I jumped the gun on tagging the 3.0 release.",
            "The nightly export failed twice because of me.",
        ),
        good=(
            "It was me who pushed the tag, following the release checklist as written.",
            "The error I didn't expect was a timeout from the proxy.",
            "My cleanup script deleted the old snapshots as planned.",
            "An error on our side delayed the invoices by an hour.",
            "That was my doing the rollback, not the bot.",
            "I'm the reason we have restore tests at all, and they saved us.",
            "I was the one who noticed the spike first.",
            "That one is on the backlog for next sprint.",
            "It was not my fault or anyone's; the config loader ignored the flag.",
            "The fault tolerance of the queue held up well.",
            "I ran the migration against prod at 14:02.",
            "My alert fired at 14:10 and I acknowledged it.",
            "The person on the bridge call that night was me and Ola.",
            "My change fixed the login loop.",
            "My guess at the cause was wrong: it was the cache, not the pool.",
            "Because of me we now run restore drills every quarter.",
            "The timeout change was a mistake we could not have seen from staging.",
        ),
        pattern=(
            Check(
                triggers=(
                    "my",
                    "on me",
                    "blame",
                    "what i get",
                    "as me",
                    "yell",
                    "culpa",
                    "because of m",
                    "due to m",
                    "own this",
                    "the one who",
                    "screwed",
                    "messed",
                    "fucked",
                    "effed",
                    "goofed",
                    "mucked",
                    "blew",
                    "dropped",
                    "jumped the gun",
                    "my eye off",
                    "reason",
                    "cause",
                    "by me",
                    "myself",
                    "yours truly",
                    "mine",
                    "responsibility",
                    "mess of",
                    "was me",
                    "is me",
                    "'s me",
                    "’s me",
                    "all me",
                    "actually me",
                    "just me",
                    "the one",
                    "the reason",
                    "caused",
                    "egg on",
                    "guess who",
                    "how i",
                    *(
                        "nuked",
                        "trashed",
                        "killed",
                        "corrupted",
                        "flooded",
                        "overloaded",
                        "bricked",
                    ),
                    "borked",
                    *("with me", "to me", "of me", "our fault", "our own fault", "our bad", "we "),
                    *(
                        "as i am",
                        "know better",
                        "knew better",
                        "i'm a",
                        "i’m a",
                        "i am a",
                        "i'm such",
                    ),
                    *("i’m such", "i am such", "i'm really", "i’m really"),
                ),
                pattern=r"""
            (?P<span>
              \bmy\s+(?:own\s+|big\s+|huge\s+|stupid\s+)?(?:fault|bad|mistake|screw-?\s?up
                |fuck-?\s?up|blunder|stupidity|carelessness|negligence|doing|typo)\b
            | \b(?:it'?s|it’s|it\s+(?:is|was)|that'?s|that’s|that\s+(?:is|was)|this\s+(?:is|was)
                |(?:this|that)\s+one(?:'s|’s|\s+is|\s+was)?|all)\s+(?:all\s+|entirely\s+|totally\s+)?on\s+me\b
            | \bi(?:'m|’m|\s+am|\s+was)\s+(?:the\s+one\s+)?to\s+blame\b
            | \b(?:i|we)\s+(?:only\s+|really\s+)?ha(?:ve|d)\s+(?:only\s+)?(?:(?:no\s*one|nobody)\s+(?:else\s+)?to
                \s+blame\s+but\s+(?:myself|ourselves|me|us)|(?:myself|ourselves)\s+to\s+blame)\b
            # "this whole mess is on me", "that outage was entirely on me", "the corrupted
            # export is on me, nobody else", "someone as dumb as me".
            | \b(?:is|was|are|were)\s+(?:all\s+|entirely\s+|totally\s+|squarely\s+|100\s*%\s+|completely\s+
                |fully\s+)?on\s+me\b(?=\s*(?:[,.!;]|$))
            | \bas\s+(?:\w+ly\s+)?(?:dumb|stupid|useless|incompetent|clueless|careless|hopeless|ignorant)\s+as\s+
                (?:me\b|i\s+am\b)
            # The standard the writer fell short of: "you'd think I'd know better".
            | \b(?:you['’]d|one\s+would|you\s+would)\s+think\s+i(?:['’]d|\s+would)?\s+(?:know|knew|known)\s+better\b
            # "I know, I'm a terrible person", "I'm such a lousy sysadmin".
            | \bi(?:['’]m|\s+am)\s+(?:such\s+|really\s+|truly\s+)?an?\s+(?:terrible|horrible|awful|lousy|useless
                |hopeless|rubbish|miserable|crap|crappy|shitty)\s+(?:person|human(?:\s+being)?|engineer|developer|dev
                |sysadmin|admin|programmer|coder|maintainer|operator|piece\s+of\s+\w+)\b(?!\s+to\b)
            | \b(?:this|that|it)\s+(?:[\w-]+\s+){1,3}?(?:is|was|['’]s)\s+(?:all\s+|entirely\s+|totally\s+
                |squarely\s+)?on\s+me\b(?!\s+(?:and|to|for|at|in)\b)
            | \bblame\s+(?:it\s+(?:all\s+)?on\s+)?me\b | \byell\s+at\s+me\b | \bmea\s+culpa\b
            | \bi\s+(?:\w+ly\s+|only\s+|just\s+)?blame\s+myself\b
            # A lesson the writer says they earned: "that's what I get for deploying on a Friday".
            | \b(?:that['’]?s|that\s+is|this\s+is)\s+what\s+i\s+get\s+for\s+(?:\w+\s+)?\w+ing\b
            | \bblame\s+(?:is|was)\s+(?:all\s+)?mine\b | \bblamed,?\s+it(?:'s|’s|\s+is)\s+me\b
            | \bi\s+own\s+this\s+(?:failure|outage|mistake|mess)\b
            | \bi\s+own\s+(?:this|that)(?:\s+one)?\s*[;:,.!—–-]
            | \bi(?:'m|’m|\s+am|\s+was)\s+(?:\w+\s+)?the\s+(?:reason|cause)\s+(?:for\s+|why\s+|that\s+|of\s+)?
                (?:we|the|this|everyone|our|it)\b[^.!?\n]{0,50}?(?:{BAD_OUTCOME}|postmortem|paged|woke|down\b|broke|broken|failed)
            | \b(?:caused|introduced|triggered|broken)\s+by\s+(?:me|myself|yours\s+truly)\b
            # The writer as the cause after a causal link: "the outage happened because of me".
            | \b(?:because\s+of|due\s+to)\s+(?:me|myself)\b(?!\s+(?:we|you|they|everyone)\b)
            | \bmy\s+own\s+(?:typo|slip|oversight|error)\b
            # The writer named as the one who did it, either way round: "I was the one who
            # deleted it", "it was me who dropped the table", "the one who added it was me".
            | \bi(?:\s+was|\s+am|['’]m)\s+the\s+one\s+who\s+(?:{OWNED_ACTS}|pushed)\b
            | \b(?:it|that|this)\s+(?:was|is)\s+me\s+(?:who|that)\s+{OWNED_ACTS}\b
            | \bthe\s+(?:one|person|guy|idiot|culprit)\s+(?:who|that)\s+{OWNED_ACTS}\b[^.!?\n]{0,80}?\s+(?:was|is)\s+me\b
            | \bi\W{1,3}(?:\w+\s+)?(?:screwed|messed|fucked|effed|goofed|mucked)(?:\s+\w+)?\s+up\b
            # The writer's group owning it the same way: "Our fault.", "we really messed up".
            | \bour\s+(?:own\s+)?(?:fault|bad)\b(?![\s-]+(?:{FAULT_KINDS}|model))
            | \bwe\s+(?:\w+ly\s+|really\s+|totally\s+|just\s+)?(?:screwed|messed|fucked|effed|goofed|mucked)
                (?:\s+(?!with\b)\w+)?\s+up\b
            # Idioms of a lapse: "I dropped the ball", "I jumped the gun on v2", "took my eye off it".
            # The team's own lapse in the same idioms: "we dropped the ball on this one".
            | \b(?:i|we)\s+(?:really\s+|totally\s+|completely\s+|kinda\s+|kind\s+of\s+|just\s+)?(?:blew\s+it
                |dropped\s+the\s+ball|jumped\s+the\s+gun|took\s+(?:my|our)\s+eyes?\s+off)\b
            | \b(?:that|this|it)\s+(?:[\w'’-]+\s+){0,5}?(?:was|is|['’]s)\s+(?:literally\s+|really\s+|honestly\s+)?
                (?:all\s+|actually\s+|just\s+|only\s+)?me\b(?!\s+(?:and|who|on|at|in|too))
            # "That was my doing" (not "my doing the rollback", a gerund's subject).
            | \b(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:all\s+|entirely\s+)?my\s+(?:own\s+)?doing\b(?!\s+\w)
            | \bi\s+caused\s+(?:this|it|that|all\s+this|the\s+\w+)\b
            # The writer's own piece of work as the agent ({WORK}): "my code caused …".
            | \bmy\s+(?:[\w"“”'‘’-]+\s+){0,2}?(?:{WORK}|request|typo)
              \s+(?:\w+\s+){0,3}?(?:caused|broke|took|brought|wiped|deleted|crashed|nuked|trashed|killed
                |corrupted|flooded|overloaded|bricked|borked|is\s+what|was\s+what)\b
                # Not "my script deleted the old logs as planned": what was meant to happen.
                (?![^.!?\n]{0,60}?\bas\s+(?:planned|intended|expected|designed)\b)
            # The answer is the writer: "guess who forgot to bump the version".
            | \bguess\s+who\s+(?:just\s+|totally\s+)?(?:forgot|broke|pushed|deleted|merged|took|nuked|messed
                |did|wiped|dropped|tagged|force-pushed)\b
            # Disbelief at one's own slip: "no idea how I missed that".
            | \b(?:no\s+idea|not\s+sure|don['’]?t\s+know)\s+how\s+i\s+(?:managed\s+to\s+)?(?:missed|forgot
                |overlooked|broke|did|messed)\b
            | \begg\s+on\s+my\s+face\b
            | \bi(?:['’]ve|\s+have)?\s+(?:really\s+|totally\s+)?made\s+(?:a|such\s+a)\s+(?:\w+\s+)?mess\s+of\b
            | \bi\s+(?:take|accept)\s+(?:full\s+|complete\s+|total\s+|sole\s+)?(?:responsibility|the\s+blame)\b
            | \b(?:because\s+of|due\s+to|caused\s+by|thanks\s+to)\s+my\s+(?:own\s+)?(?:[\w-]+\s+)?(?:change|pr
                |commit|deploy|push|mistake|error|typo|script|migration|config|edit|slip|oversight)\b
            | \b(?:the\s+)?(?:fault|blame|mistake|error|screw-?up)\s+(?:is|was)\s+(?:all\s+|entirely\s+|completely
                \s+|totally\s+|100%\s+|solely\s+)?mine\b
            # The fault placed with the writer in other words: "the biggest failure belongs to
            # me", "responsibility for the outage rests with me", "it was the fault of myself".
            | \b(?:fault|blame|failure|mistake|responsibility)\s+(?:(?:for|of)\s+(?:[\w-]+\s+){1,4}?)?(?:here\s+)?
                (?:belongs|belonged|lies|lay|rests|rested|sits|sat|falls|fell)\s+(?:squarely\s+|entirely\s+
                |solely\s+|fully\s+|completely\s+)?(?:to|with|on)\s+(?:me|myself)\b
            | \bthe\s+fault\s+of\s+(?:me|myself)\b
            )
        """,
            ),
            # "I didn't understand how the keys worked and that's what broke invalidation".
            Check(
                triggers=("that's what", "that’s what", "that is what", "that was what"),
                pattern=r"""
            (?P<span>\bi\s+[^.!?\n]{3,80}?,?\s+and\s+that(?:'s|’s|\s+is|\s+was)\s+what\s+(?:\w+\s+){0,3}?
                (?:took|caused|broke|crashed|led|brought|corrupted|failed|killed|wiped))
        """,
            ),
            # A slip the writer owns, wherever the owner stands: "my oversight", "an
            # oversight on my part", "a mistake of mine", "the typo I made".
            Check(
                triggers=(
                    "my ",
                    "mine",
                    "by me",
                    "i made",
                    "i introduced",
                    "i committed",
                    "i did",
                    "on our",
                ),
                pattern=r"""
            # "A mistake on our side": a team owning a slip (not "an error on our side", which
            # status pages say of a system).
            (?P<span>\b(?:mistake|blunder|screw-?\s?up|oversight|mess-?\s?up|goof)s?\s+on\s+our\s+(?:own\s+)?
                (?:part|end|side)\b
            | \bmy\s+(?:own\s+)?(?:[\w-]+\s+)?{SLIP}\b(?!(?:(?<=error)|(?<=errors))\s+(?:out|on|in|when|if|while|with)\b)
            | \b{SLIP}\s+(?:[\w-]+\s+)?(?:on\s+my\s+(?:own\s+)?(?:part|end|side)\b|of\s+mine\b
                |(?:made\s+|committed\s+)?by\s+(?:me|myself)\b)
            | \b{SLIP}\s+(?:that\s+)?i\s+(?:\w+ly\s+|just\s+|then\s+)?(?:made|introduced|committed|did(?!\s+not\b|n['’]t))\b)
            # Owned beside the mechanism that now stops it, as UB206 lets it be: "a
            # schoolboy error by me, and the pipeline now blocks it".
            (?!{INSENT}{0,80}?\b(?:now|since)\s+(?:blocks|prevents|catches|refuses|rejects)\b)
        """,
            ),
            # "Dana was the reason …" said of oneself: "I'm the reason the deploy froze".
            frame(frozenset({SELF}), "culprit"),
            # The mishap as the subject, the writer as its author: "the 2am page storm was me".
            frame(frozenset({SYSTEM}), "authored_self"),
            # The writer's own work judged: "my merge was a mistake", "my PR was rushed".
            Check(
                triggers=WORK_VERDICT_TRIGGERS,
                pattern=r"""
            (?P<span>\bmy\s+(?:[\w-]+\s+)?(?:{WORK}){WORK_TOLD_AS_DONE}\s+{WORK_VERDICT})
        """,
            ),
        ),
        unless=r"\bmy\s+doing\s+(?:the|a|this|so)\b",
    ),
    Rule(
        code="UB202",
        name="self-deprecation",
        category=Category.SELF_BLAME,
        severity=Severity.WARNING,
        message="You describe yourself, not what happened.",
        rationale=(
            "Calling yourself stupid or unfit is characterological self-blame: it is about "
            "who you are, which cannot be fixed, instead of what happened, which can. It "
            "also discourages the next person from speaking up."
        ),
        source=JANOFF_BULMAN,
        rewrite=(
            "I [what I did]. At that moment [what I knew and what I expected] made it "
            "look right, and [what would have told me otherwise] was not in front of me."
        ),
        suggestion=KIND_SUGGESTION,
        bad=(
            "Honestly we were such amateurs about backups.",
            "I should have my admin rights on prod revoked.",
            "Frankly I should have my deploy rights revoked.",
            "not gonna lie, I'm the weak link on this rotation",
            "Feel like a complete fraud after today.",
            "tbh I'd have fired me for that one",
            "I wiped the mount because I wasn't paying attention.",
            "I got distracted halfway through and skipped the drain step.",
            "I have a bad habit of skimming the upgrade notes.",
            "Can't believe I'm this stupid.",
            "Six years on this pager and I still made a newbie move with the flags.",
            "Honestly I should never have been trusted with the root keys.",
            "I feel terrible, it never would have happened if I wasn't so sloppy.",
            "Honestly I'm a liability on call.",
            "ugh, that was stupid of me",
            "I let the whole team down last night.",
            "Please don't let me do the next deploy.",
            "I'm such an idiot, I pointed it at production.",
            "I was too quick deleting the old branch.",
            "I shouldn't be allowed near prod.",
            "I always break something on release day.",
            "It was a Friday, I got lazy and skipped the canary.",
            "I obviously had no business running that script unsupervised.",
            "Honestly I don't know what I'm doing with Helm.",
            "I have a real talent for breaking the staging cluster.",
            "I was hasty and merged before the checks had finished.",
        ),
        good=(
            "We were not careless; the tool hid the flag.",
            "Please remove my admin access, I've moved teams.",
            "I was distracted by a second page from the billing cluster at 02:10.",
            "The weak link in the chain was the DNS cache.",
            "I wasn't on call that week, so Dana took the page.",
            "I was embarrassed to see the dashboard so empty of alerts before we built them.",
            "The migration let me down twice: it timed out silently.",
            "Let me run the failover drill next week.",
            "I was too far from a laptop to respond within five minutes.",
            "I am the on-call for the search cluster this week.",
            "I always run the smoke tests before a release.",
            "I made a rookie-friendly checklist for the release.",
            "The runbook step was too quick to misread.",
        ),
        pattern=(
            # A punishment the writer proposes for themself: "I should probably have my push
            # rights revoked", "someone should take away my prod access" (not "please remove
            # my access, I've changed teams", a request without the verdict).
            Check(
                triggers=("revoke", "taken away", "take away", "pull my"),
                pattern=r"""
                    (?P<span>\b(?:should|ought\s+to|deserve\s+to)\s+(?:probably\s+|really\s+|just\s+)?
                        (?:have|get)\s+my\s+(?:[\w-]+\s+){0,2}?(?:rights|access|privileges|permissions|commit\s+bit
                        |keys)\s+(?:(?:to|on|for)\s+[\w-]+\s+)?(?:revoked|taken\s+away|removed|pulled)\b
                    | \b(?:should|ought\s+to)\s+(?:probably\s+|really\s+|just\s+)?(?:revoke|take\s+away|pull)
                        \s+my\s+(?:[\w-]+\s+){0,2}?(?:rights|access|privileges|permissions|commit\s+bit|keys)\b)
                """,
            ),
            # The writer rating themself as a worker or judging their own decision: "I'm
            # not a strong enough engineer for this", "I made a poor decision to fail over".
            Check(
                triggers=RATING_TRIGGERS,
                pattern=rf"""(?P<span>\bi(?:['’]m)?\s+(?:\w+\s+)?(?:{RATING}))""",
            ),
            # A judged slip that opens a chat line with an apology beside it, the subject left
            # out as chat does: "Silly mistake, sorry", "sorry, dumb typo" (not "… by the vendor").
            Check(
                triggers=("sorry", "apolog", "oops", "whoops", "my bad"),
                pattern=r"""
                    (?P<span>
                      {SENTENCE_START}\W*(?:(?:oh|ugh|argh|damn|welp|oops|whoops)\W+)?(?:a\s+|my\s+)?
                        (?:stupid|dumb|silly|idiotic|careless|boneheaded|rookie|noob|newbie)\s+(?:\w+\s+)?(?:mistake
                        |error|typo|move|slip|blunder)s?\b(?!\s+(?:by|from|of)\s+(?!me\b))
                        (?=[^.!?\n]{0,30}\b(?:sorry|apologies|my\s+bad|oops|whoops)\b)
                    | {SENTENCE_START}\W*(?:sorry|(?:my\s+)?apologies|oops|whoops)\W+(?:a\s+|my\s+)?
                        (?:stupid|dumb|silly|idiotic|careless|boneheaded|rookie|noob|newbie)\s+(?:\w+\s+)?(?:mistake
                        |error|typo|move|slip|blunder)s?\b(?!\s+(?:by|from|of)\s+(?!me\b))
                    )
                """,
            ),
            Check(
                triggers=(
                    "idiot",
                    "moron",
                    "fool",
                    "rookie",
                    *("newbie", "amateur", "beginner", "noob", "daft", "idiotic", "bonehead"),
                    "keep making",
                    "keep doing",
                    "klutz",
                    "muppet",
                    "clown",
                    "liability",
                    "burden",
                    "disaster",
                    "menace",
                    "joke",
                    "failure",
                    "fraud",
                    "screw",
                    "walking",
                    "weakest",
                    "outage generator",
                    "danger",
                    "stupid",
                    "dumb",
                    "useless",
                    "incompetent",
                    "hopeless",
                    "pathetic",
                    "ashamed",
                    "guilty",
                    "embarrassed",
                    "rushed",
                    "enough",
                    "cut out",
                    "terrible",
                    "worst",
                    "too",
                    "allowed",
                    "trusted",
                    "let",
                    "always",
                    "again",
                    "what a",
                    "brain",
                    "silly",
                    "failed",
                    "weak",
                    "impost",
                    "bad at",
                    "no business",
                    "knack",
                    "talent",
                    "gift for",
                    "good at",
                    "feel",
                    "fire",
                    "still have a job",
                    "wasn",
                    "was not",
                    *("distracted", "lost focus", "lost concentration", "zoned out", "spaced out"),
                    "habit",
                    *CARELESS_TRIGGERS,
                ),
                pattern=rf"""
                    (?P<span>
                      \bi(?:'m|’m|\s+am|\s+was|\s+feel|\s+felt|\s+must\s+be)\s+(?:just\s+|clearly\s+|genuinely\s+
                        |honestly\s+|really\s+|such\s+|so\s+|completely\s+|totally\s+|this\s+)?
                        (?:an?\s+|the\s+)?(?:absolute\s+|complete\s+|total\s+|real\s+|proper\s+|team's\s+)?
                        (?:{DEPRECATING_NOUNS}|{DEPRECATING_ADJECTIVES})\b
                    # The writer's team called names by the writer: "we were idiots about this".
                    | \bwe(?:['’]re|\s+are|\s+were|\s+feel|\s+felt)\s+(?:just\s+|clearly\s+|honestly\s+|really\s+
                        |such\s+|so\s+|complete\s+|total\s+|absolute\s+|the\s+|a\s+bunch\s+of\s+)*(?:(?:{DEPRECATING_NOUNS})s
                        |amateurs|rookies|newbies|noobs|{DEPRECATING_ADJECTIVES})\b
                    | \bwe(?:\s+were|['’]re|\s+are|\s+got)\s+(?:(?!not\b|never\b)\w+\s+)?{CARELESS}
                    | \bi(?:\s+was|m|\s+got|\s+get|\s+became)\s+(?:(?!not\b|never\b)\w+\s+)?{CARELESS}
                    | \bim\s+(?:such\s+|so\s+|a\s+|an\s+|the\s+)*(?:{DEPRECATING_NOUNS}|{DEPRECATING_ADJECTIVES})\b
                    # "I've been careless all week", "me being an idiot", "I keep making careless mistakes".
                    | \bi(?:'ve|’ve|\s+have|'d|’d|\s+had)\s+been\s+(?:so\s+|really\s+|very\s+|pretty\s+|such\s+)?
                        (?:an?\s+)?(?:{CARELESS}|idiot|moron|fool
                        |stupid|dumb|clown)\b
                    | \b(?:me|i\s+was|i\s+am|i['’]m)\s+being\s+(?:so\s+|such\s+)?(?:an?\s+)?(?:idiot|moron|fool|stupid|dumb|careless|sloppy
                        |lazy|clown|hasty)\b
                    | \bi\s+keep\s+(?:making|doing)\s+(?:the\s+same\s+)?(?:\w+\s+)?(?:careless|stupid|dumb|silly
                        |sloppy|rookie)\s+(?:mistakes?|errors?|things)\b
                    | \bi\s+was\s+(?:way\s+|much\s+)?too\s+(?:fast|quick|hasty|eager|impatient|careless
                        |sloppy|confident|cocky|lazy)\b
                    | \b(?:i|me)\s+(?:\w+\s+)?(?:should(?:n't|\s+not)?|must(?:n't|\s+not)?|can't|cannot|can\s+not)
                        \s+(?:ever\s+|never\s+)?(?:have\s+been|be)\s+(?:allowed|trusted|let)\b
                        # Not the guardrail asked for: "I shouldn't be allowed to push without a PR".
                        (?!\s+to\s+(?:[\w-]+\s+){{1,5}}?without\b)
                    # "… and still made a rookie move": the slip judged as a beginner's.
                    | \bi(?:['’]\w+)?\b(?:\s+[\w'’]+){{0,10}}?\s+(?:made|make)\s+(?:a|such\s+a|another)\s+(?:total\s+|classic\s+
                        |real\s+)?(?:rookie|newbie|amateur|beginner|noob|dumb|stupid|silly|daft|idiotic)\s+(?:move
                        |mistake|error|thing)\b
                    | \b(?:don't|do\s+not)\s+let\s+me\s+(?:\w+\s+){{0,3}}?(?:deploy|merge|push|touch|near|run)
                    | \bi\s+(?:\w+ly\s+)?(?:have|had)\s+no\s+business\s+(?:touching|being|running|deploying|near|doing)
                    | \bi\s+(?:\w+\s+)?(?:have|'ve|’ve|got)\s+(?:a\s+|quite\s+a\s+|such\s+a\s+)?(?:real\s+)?(?:knack|talent|gift)\s+for
                        \s+(?:breaking|touching|messing|screwing|deleting|crashing|taking\s+down|nuking)
                    | \bi(?:'m|’m|\s+am|\s+feel)\s+(?:so\s+|really\s+|deeply\s+|genuinely\s+|very\s+)?
                        (?:ashamed|guilty|embarrassed)\b
                    | {{SENTENCE_START}}\W*guilty\s+as\s+charged\b
                    | \bi\s+always\s+(?:manage\s+to\s+)?(?:break|mess\s+up|screw\s+up|ruin|forget)\b
                    | \bfeel(?:ing|s)?\s+(?:like\s+(?:such\s+)?(?:a|an)\s+(?:complete\s+|total\s+|absolute\s+)?(?:fraud|impostor|imposter|idiot|failure|moron|clown|fool)
                        |(?:pretty\s+|so\s+|really\s+|very\s+)?(?:stupid|dumb|useless))\b
                    | \b(?:fire|fired|firing)\s+me\b | \bhow\s+i\s+still\s+have\s+a\s+job\b
                    | \bi\s+(?:wasn't|was\s+not|wasn’t)\s+(?:paying\s+attention|thinking|being\s+careful|focused)\b
                    # A failing owned as a trait: "I have a bad habit of only skimming the notes".
                    | \bi\s+(?:have|['’]ve\s+got|have\s+got|got)\s+(?:a|this)\s+(?:bad|terrible|awful|nasty|lazy)\s+
                        habit\s+(?:of|to)\b
                    # Attention lapsed, told as the writer's own ("I got distracted and …"); "I was
                    # distracted by the second page" gives the situation, which the guide asks for.
                    | \bi\s+(?:got|was|became)\s+(?:so\s+|too\s+|a\s+bit\s+|kind\s+of\s+|a\s+little\s+)?distracted\b
                        (?!\s+(?:by|with|from)\b)
                    | \bi\s+(?:completely\s+|totally\s+)?(?:lost\s+(?:focus|concentration)|zoned\s+out|spaced\s+out)\b
                    | \bif\s+i\s+(?:wasn't|wasn’t|weren't|hadn't\s+been|had\s+not\s+been)\s+(?:so\s+)?(?:sloppy|careless
                        |lazy|stupid|hasty|rushed|distracted|impatient)\b
                    | \bi(?:'ll|’ll|\s+will)\s+(?:just\s+|probably\s+)?(?:break|mess\s+up|screw\s+up|ruin)\s+it\s+again\b
                    | \bwhat\s+an?\s+(?:idiot|fool|moron|clown)\b
                    | \bhow\s+(?:dumb|stupid|careless|useless)\s+(?:am\s+i|can\s+i\s+be)\b
                    | \b(?:stupid|dumb|idiotic|careless|brain-?dead|boneheaded|silly)\s+(?:\w+\s+)?(?:of\s+me|on\s+my\s+part
                        |from\s+me|on\s+my\s+(?:side|end))\b

                    | \bi\s+(?:let\s+(?:\w+\s+){{0,3}}?down|failed\s+(?:everyone|everybody|the\s+team|you\s+all|you|us))\b
                    )
                """,
            ),
            Check(
                # Self-blame told with irony, as a record, or as shame and no excuse.
                triggers=(
                    *("fit to", "fit for", "weak", "my part", "by me", "from me", "yours truly"),
                    *(
                        "classic me",
                        "everything i touch",
                        "every time i",
                        "whenever i",
                        "name on it",
                    ),
                    *("still can", "apparently", "clearly can", "obviously can", "evidently can"),
                    *("earn back", "win back", "excuse", "inexcusable", "rests with", "lies with"),
                    *("sits with", "falls on", "falls with", "amateur", "rookie", "newbie", "noob"),
                    *("idiot", "beginner", "silly me", "keep doing this", "even be trusted"),
                    *("even be allowed", "mortified", "humiliated", "ashamed", "too stupid"),
                    *("too dumb", "too thick", "too slow", "too careless", "too sloppy"),
                ),
                pattern=r"""
                    (?P<span>
                    # Unfit for the job: "I'm too stupid for this job", "i'm not fit to be let
                    # near terraform", "I'll prove I'm not the weak link".
                    \bi(?:'m|’m|\s+am|m)\s+(?:clearly\s+|just\s+|probably\s+|simply\s+)?(?:too\s+(?:stupid|dumb|thick
                        |slow|careless|sloppy)\s+(?:for|to)\b|not\s+(?:fit|cut\s+out|good\s+enough|smart\s+enough)
                        \s+(?:to|for)\s+(?:be\s+(?:let|allowed|trusted)|this|the\s+job|on-?call|the\s+rotation|touch
                        |work|run|deploy|handle))
                    | \bprove\s+(?:that\s+)?i(?:'m|’m|\s+am)\s+not\s+(?:the\s+)?(?:weak(?:est)?\s+link|a\s+liability
                        |useless|incompetent|a\s+danger)\b
                    # Ironic praise of oneself: "Genius move on my part", "a masterclass in
                    # release engineering from yours truly", "Classic me, …".
                    | \b(?:genius|brilliant|smart|great|stellar|masterful|nice)\s+(?:move|work|job|idea|stuff)\s+(?:on\s+my
                        \s+part|by\s+me|from\s+me)\b(?!\s+and\b)
                    | \b(?:masterclass|genius|brilliant|stellar|flawless)\b[^.!?\n]{0,60}?\bfrom\s+yours\s+truly\b
                    | (?:^|(?<=\n)|(?<=[,:;]\s))classic\s+me\b
                    # A record or a habit of breaking things: "everything I touch breaks",
                    # "every time I go near the DNS config something explodes", "third outage
                    # this quarter with my name on it".
                    | \b(?:break|breaks|ruin|ruins)\s+everything\s+i\s+touch\b|\beverything\s+i\s+touch\s+(?:breaks|turns
                        |dies|falls)\b
                    | \b(?:every\s+time|whenever)\s+i\s+(?:go\s+near|get\s+near|touch|deploy|look\s+at|open)\b[^.!?\n]{0,60}?
                        \b(?:breaks|explodes|dies|falls\s+over|goes\s+down|crashes|catches\s+fire|blows\s+up)\b
                    | \b(?:outage|incident|failure|breakage|sev\s?\d)s?\b[^.;!?\n]{0,40}?\bwith\s+my\s+name\s+on\s+it\b
                    # Not able to do one's own craft, said with irony: "Eleven years in and I
                    # still can't write a cron expression", "apparently I can't tell two
                    # terminal colours apart".
                    | \b(?:i\s+(?:still|apparently|clearly|evidently|obviously)|apparently\s+i)\s+(?:can['’]?t|cannot
                        |don['’]?t\s+know\s+how\s+to)\s+(?:even\s+)?(?:write\s+(?:a|an|one|proper|simple|basic|correct)\b
                        |spell\b|count\b|tell\s+(?:[\w-]+\s+){0,4}?(?:apart|the\s+difference)|follow\s+(?:a|the)\s+
                        (?:simple\s+)?(?:runbook|checklist|instructions?)\b)
                    | \b(?:earn|win)\s+back\s+(?:your|everyone['’]s|the\s+team['’]s|y['’]?all['’]s)\s+trust\b
                    # No excuse for oneself: "I have no excuse for forgetting the freeze",
                    # "inexcusable on my part", "the blame rests with me and nobody else".
                    | \bno\s+excuse\s+for\s+(?:me|my)\b|\bi\s+have\s+no\s+excuse\b
                    | \binexcusable\s+(?:on\s+my\s+part|of\s+me)\b
                    | \bblame\b{INSENT}{0,40}?\b(?:rests|lies|sits|falls)\s+(?:squarely\s+|entirely\s+|solely\s+)?(?:with|on)
                        \s+me\b
                    # "… from the wrong branch like a total amateur", "silly me", "I keep doing this".
                    | \bi\b[^.!?\n]{0,80}?\blike\s+(?:a|an)\s+(?:total\s+|complete\s+|absolute\s+)?(?:amateur|rookie
                        |newbie|noob|idiot|beginner)\b
                    | (?:^|(?<=\n)|(?<=[,:;]\s))silly\s+me\b|\bi\s+keep\s+doing\s+this\b
                    | \b(?:i\s+can['’]?t|i\s+cannot)\s+even\s+be\s+(?:trusted|allowed)\s+to\b
                    # Shame over one's own act: "mortified that my migration locked …".
                    | \b(?:mortified|humiliated|ashamed)\b[^.!?\n]{0,60}?\b(?:my|me)\b
                    )
                """,
            ),
            # "I clearly don't know what I'm doing", "I can't even read a diff".
            frame(frozenset({SELF}), "incompetence"),
        ),
    ),
    Rule(
        code="UB203",
        name="repeated-apology",
        category=Category.SELF_BLAME,
        severity=Severity.INFO,
        message="A strong or repeated personal apology.",
        rationale=(
            "A short 'sorry' is courtesy. An intense or repeated apology from the person "
            "closest to the change signals guilt, and in a review it keeps the spotlight "
            "on that person rather than on the conditions."
        ),
        source=SECOND_VICTIM,
        rewrite=(
            "I [what I did], and here is what I saw while doing it: [...]. "
            "(One thank-you to the people who helped says more than several apologies.)"
        ),
        suggestion=(
            "No apology is needed in the review. If it helps, thank the responders instead "
            "and describe your part as it happened; the review is about the system."
        ),
        bad=(
            "I'm so, so sorry for the mess this caused.",
            "Really sorry everyone, I apologize for all the trouble.",
            "Sorry for wasting everyone's time tonight.",
            "I apologise for the outage, it won't happen again.",
            "Sorry all, shouldn't have merged that before lunch.",
        ),
        good=(
            "Sorry, I was on mute.",
            "My sincere apologies for the delay in replying.",
            "We are sorry for the impact on our customers.",
            "We're truly sorry for the disruption this caused to your teams.",
            "Sorry for the late reply, I was in another call.",
            "So sorry, you are quite right: the flag is read per tenant.",
            "The outage cost many of you a night's sleep, and I am truly sorry for that.",
        ),
        triggers=("sorry", "apologi"),
        pattern=r"""
            (?P<span>
              # An apology joined to a verdict on oneself ("sorry, shouldn't have…"):
              # hindsight (UB204) said as a confession.
              \bsorry\W+(?:\w+\W+)?(?:i\s+)?should(?:n't|\s+not|n’t)?\s*(?:have|'ve|’ve)\b
            |
              \b(?:so|really|very|truly|terribly|deeply|extremely|incredibly|super|awfully)
                (?:,?\s+(?:so|very|really))?,?\s+sorry\b
            | \b(?:sorry|apologi[sz]e|apologies)\b[^.!?\n]{0,60}\b(?:sorry|apologi[sz]e|apologies)\b
            # Intensified after it, as learners of English write it: "sorry very much".
            | \bsorry\s+(?:very|so)\s+much\b
            | \bi\s+(?:\w+\s+)?apologi[sz]e\s+(?:again\s+)?(?:for|to)\s+(?:all|the\s+(?:outage|incident
                |mess|trouble|issues?|problems?|breakage|downtime|disruption|distraction|damage)
                |this|everything|breaking|causing)
            | \bsorry\s+to\s+(?:have\s+)?wasted?\s+(?:your|everyone['’]s|everybody['’]s|y['’]all['’]s)\s+time\b
            | \bsorry\s+(?:for|about)\s+(?:wasting|all\s+the|the\s+mess|breaking|causing|this\s+mess
                |the\s+trouble|the\s+outage|the\s+breakage|this\s+distraction)
            | \bsorry\s+to\s+(?:everyone|everybody|all|you\s+all|the\s+team|be\s+such)\b
            # Intensified: a bare "my apologies" is one apology, which the guide leaves alone, and
            # so is "my sincere apologies", a letter's formula of politeness, not its depth.
            | \bmy\s+(?:most\s+)?(?:deepest|profound|heartfelt|abject)\s+apologies\b
            )
        """,
        unless=r"""
            \bwe(?:'re|’re|\s+are|\s+were)?\s+(?:\w+\s+){0,3}(?:sorry|apologi[sz]e)
            | \bsorry,?\s+(?:i\s+was\s+on\s+mute|for\s+the\s+(?:late|slow|delayed)\s+(?:reply|response))
            # Conceding a point in a thread is etiquette: "so sorry, you are right".
            | \bsorry\W+you(?:'re|’re|\s+are)\s+(?:\S+\s+)?(?:right|correct)\b
            # Sorry for what the readers went through, named first: an apology
            # for the impact, as a company's "we are sorry for the impact" is.
            | (?:\b(?:many|all|some|most|each)\s+of\s+you|\b(?:for|on|to)\s+you
                |\bour\s+(?:customers|users))\b[^.!?]{0,80}?\bsorry\s+(?:for|about)\s+(?:this|that|it)\b
            # Sorry for the readers' downtime, with no act of the writer's beside it.
            | \bsorry\s+(?:for|about)\s+(?:the|any|this)\s+(?:downtime|disruption|inconvenience|impact|delay
                |interruption|outage)\b(?![^.!?]{0,60}\b(?:i|i['’]m|i['’]ve|my|me)\b)
        """,
    ),
)
