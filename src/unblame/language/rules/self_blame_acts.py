"""Self-blame told through one's own acts: hindsight on oneself, a slip narrated, a
mistake judged (UB204-UB206).

Split from `self_blame` (UB201-UB203) to keep each file readable; both feed the one
registry, and the suggestions share its kind wording.
"""

from __future__ import annotations

from ..agents import AGENTS, ELIDED, GROUP, SELF
from ..cues import frame
from ..finding import Category, Severity
from ..rule import Check, Rule
from .self_blame import JANOFF_BULMAN, KIND_SUGGESTION, SLIP_MARKERS, SLIP_VERBS

RULES = (
    Rule(
        code="UB204",
        name="self-counterfactual",
        # The guide's counterfactual: hindsight about what a person should
        # have done, here the writer themself.
        category=Category.COUNTERFACTUAL,
        about_the_writer=True,
        severity=Severity.WARNING,
        message="You judge what you did or left undone with hindsight.",
        rationale=(
            "'I should have…' and 'I'd forgotten to…' measure your past self against "
            "knowledge you only gained from the outcome. What you knew then, and why the choice made sense, is what "
            "the review can learn from."
        ),
        source="Dekker, Field Guide, ch. 5 (counterfactuals); " + JANOFF_BULMAN,
        rewrite=(
            "I did not [the step], because at the time [what made it look unnecessary]. "
            "[What would have prompted it: a check, a warning, a default] was not there."
        ),
        suggestion=KIND_SUGGESTION,
        bad=(
            "Did not run the linter before tagging 2.4.",
            "I missed two edge cases in the date parser.",
            "I should have checked the dashboard before merging.",
            "Sorry, shouldn't have restarted that pod.",
            "If only I had waited for the canary.",
            "I could have caught this if I had read the diff twice.",
            "I didn't tell support about the maintenance ahead of time, like I should have.",
            "I didn't notice the PR was still a draft.",
            "I'd forgotten to rotate the staging key before the demo.",
            "Honestly, I didn't coordinate the cutover carefully enough.",
            "If I'd opened the dashboard first, I'd have seen the spike.",
            "I missed that in my review of the schema change.",
            "Sorry for not running the migration against a copy first.",
            "Apologies for forgetting to bump the version before the release.",
        ),
        good=(
            "Should have been a routine certificate rotation.",
            "Did not see any errors in the canary after the rollout.",
            "I should have the fix ready by Friday.",
            "I missed it while I was on leave last week.",
            "I could have lost the whole volume, but the snapshot held.",
            "How could I have known about the hidden dependency from the docs we had?",
            "The check should have caught this before it reached me.",
            "I forgot to mention that the dashboard moved.",
            "I didn't see that option because the settings page hid it.",
            "Sorry for not replying sooner, I was travelling.",
            "Apologies for missing your ping yesterday.",
        ),
        pattern=(
            Check(
                triggers=(
                    "should",
                    "could",
                    "ought",
                    "if only",
                    "if i",
                    "had i",
                    "would have",
                    "forgot",
                    "neglected",
                    "sorry",
                    "apologi",
                ),
                pattern=r"""
            (?P<span>
              \bi\s+(?:really\s+|definitely\s+|probably\s+|totally\s+)?
                (?:should(?:n't|\s+not|n’t)?\s*(?:have|'ve|’ve)|should've|could\s+have
                |ought\s+to\s+have)\s+{PARTICIPLE}
            | \bi\s+would\s+have\s+(?:caught|noticed|seen)\s+(?:it|this)\s+if\b
            | \bsorry\W+(?:i\s+)?should(?:n't|\s+not|n’t)?\s*(?:have|'ve|’ve)\b
            # Not "Should have been a routine deploy": what "it" was to be, not the writer.
            | (?:(?<=\n)|(?<=\.\ )|(?<=\A))\s*(?:should(?:n't|\s+not|n’t)?\s+have|should(?:n['’]t)?['’]ve)\s+
                (?:(?!been\b)\w+|been(?!\s+(?:a|an|the|no|nothing|easy|simple|quick|fine|routine|trivial)\b))
            | \b(?:like|as|than)\s+i\s+(?:should|ought\s+to)(?:'ve|’ve|\s+have)\b
            # The act left unsaid: "… when I really shouldn't have."
            | \bi\s+{SHOULD_HAVE_UNSAID}
            # Chat leaves the subject out: "Totally forgot to renew the cert, sorry".
            | {SENTENCE_START}\W*(?:(?:oh|ah|ugh|argh|damn|dang|welp|oops|whoops|yeah)\W+)?
                (?:\w{2,}(?:ally|ully|ously|ably|ibly|ely|tly|arly)\s+)?
                (?:(?:forgot|neglected)\s+to\b(?!\s+(?:mention|say|tell|ask|reply|respond|attach|link|cc|post|share)\b)
                |forgot\s+(?:all\s+)?about\s+(?:\w+ing|the\s+\w+)\b)
            | \bif\s+only\s+i\b | \bif\s+i(?:\s+had|['’]d)(?:n't|\s+not)?\s+(?:just\s+|only\s+)?\w+(?:ed|en)\b
            # The same condition inverted: "Had I messaged more, we might have caught it".
            # Inverted, at a start or after the clause it conditions ("I'd have caught it had I …"),
            # not after a question word ("what had I done").
            | (?:(?:(?<=\n)|(?<=[.!?,;]\ )|(?<=\A)|(?<=\band\ ))\W*|(?<=[a-z]\ )(?<!\bwhat\ )(?<!\bhow\ )(?<!\bwhy\ )
                (?<!\bwhere\ )(?<!\bwhen\ ))had\s+i\s+(?:not\s+|only\s+|just\s+|\w+ly\s+)?(?:been\s+\w+ing|\w+(?:ed|en)|known|done|thought)\b(?![^.!?\n]*\?)
            | \bif\s+(?:only\s+)?i\s+(?:had\s+|'d\s+)?\w+\s+(?:\w+\s+){0,3}?more\s+(?:carefully|closely|thoroughly)\b
            # An apology for care left undone is the same hindsight: "sorry for not testing
            # it properly", "apologies for forgetting to bump the version"; not etiquette
            # about the conversation ("sorry for not replying sooner", "for missing your ping").
            | \b(?:sorry|apologi[sz]e|apologies)\s+(?:again\s+)?(?:for|about)\s+(?:not|never|forgetting\s+to
                |failing\s+to|neglecting\s+to|missing|overlooking|skipping)\s+(?!(?:\w+ly\s+)?(?:mention|say|tell
                |ask|repl|respond|answer|attach|link|cc|post|shar|get|be\b|being|your|this\s+(?:message|thread
                |comment)|the\s+(?:message|ping|meeting|call)))\w+
            )
        """,
            ),
            # Care the writer left undone: "I'd forgotten to …", "I didn't notice …"; chat
            # leaves the subject out ("Didn't check the target before running it").
            frame(frozenset({SELF, ELIDED}), "omission"),
            # Hindsight the pattern's participles miss: "I should have bump the major".
            frame(frozenset({SELF}), "hindsight"),
        ),
        unless=r"""
            \bi\s+(?:\w+\s+){0,2}?(?:didn't|did\s+not)\s+(?:\w+\s+)?(?:see\s+that|check)\s+(?:the\s+)?
                (?:box|option|setting)\s+because
            | \bi\s+(?:should|could)\s+have\s+(?:the|a|it|this|that|some|more|an?)\b(?!\s*\w+ed\b)
            | \bcould(?:n't|\s+not)?\s+have\s+(?:lost|been\s+(?:much\s+|a\s+lot\s+|far\s+)?worse|gone\s+worse
                |caused|corrupted|deleted)\b
            | \bhow\s+(?:could|would|should)\s+i\b
            # A habit the writer keeps, not an act: "I would never release without testing".
            | \bi\s+(?:would|will|'d|’d)\s+never\s+(?!have\b)
        """,
    ),
    Rule(
        code="UB205",
        name="self-slip-narrated",
        category=Category.SELF_BLAME,
        severity=Severity.INFO,
        message="You narrate your own action as a slip.",
        rationale=(
            "Describing what you did is valuable. Wrapping it in 'accidentally', 'I broke' "
            "or 'I didn't notice' turns the account into a confession and leaves out what "
            "you were seeing, which is the part others can learn from."
        ),
        source=JANOFF_BULMAN,
        rewrite=(
            "I [the action, without adverbs]. What I expected to happen was [...]; "
            "what happened instead was [...]."
        ),
        suggestion=KIND_SUGGESTION,
        bad=(
            "I've broken the nightly export twice this week.",
            "I uploaded the wheel before the tests had finished.",
            "Sorry folks, I totally borked the deploy this morning.",
            "I merged the PR before the tests had finished.",
            "I accidentally pushed the branch to production.",
            "I misread the ticket and scaled the wrong pool.",
            "I broke the build with a one-line change.",
            "Accidentally force-pushed over the release branch, sorry all.",
            "I mistyped the namespace and scaled the prod pool to zero.",
            "We accidentally dropped the cache key when we renamed the job.",
            "I took the billing API down for an hour this morning.",
            "Oops, I published the package with the test credentials.",
            "whoops, tagged it from my fork, fixing",
            "I rebooted the gateway believing it was the lab one. Sorry about that.",
            "Welp. I rotated the signing key while two builds were still using it.",
            "By mistake, I synced the staging schema over production.",
            "Didn't realise the staging flag was global, sorry all.",
            "Apologies for the accidental force-push to the release branch.",
            "I keep misreading which terminal is pointed at prod.",
            "I scaled the wrong node group down to zero.",
            "I pushed an untested migration to the shared cluster.",
            "I merged the hotfix while the checks were still running.",
            "Sorry, I deleted the release branch.",
        ),
        good=(
            "I found the export job broken when I logged in.",
            "I merged the PR after the tests and the canary passed.",
            "We cannot accidentally delete the bucket now: it is versioned.",
            "I accidentally found the root cause while reading an unrelated log.",
            "Oops, wrong channel.",
            "I restarted the replica that the alert named.",
            "I ran the undo on the wrong deployment first, then on the right one.",
            "I restarted the replica instead of failing over, to keep the cache warm.",
            "I spent the morning making it harder to deploy the wrong image.",
            "We need people to stop acking alerts blindly; the pager should dedupe them.",
            "I ran the script against prod at 09:14.",
            "I broke the migration down into three steps.",
            "I noticed the PR was still a draft and pinged the author.",
            "I forgot to mention that the dashboard moved.",
            "I used the restore tool to bring the table back at 10:40.",
            "Pushed the hotfix to main at 09:12 after the canary passed.",
            "If I had accidentally deleted the bucket, versioning would have kept every object.",
            "I restarted the broker at 14:05. Sorry for the noise in this channel.",
            "Sorry for the late reply, I deleted the stale preview environments.",
            "I was paged twice overnight, ugh.",
            "Ugh. I found the stuck consumer and restarted it.",
            "Didn't get paged until 03:10, sorry for the slow reply.",
            "We are sorry for the unintended downtime our customers saw on Tuesday.",
        ),
        pattern=(
            Check(
                triggers=(
                    "accident",
                    "mistake",
                    "inadvertent",
                    "unintention",
                    "careless",
                    "stupid",
                    "foolish",
                    "whatever",
                    "without",
                    "misread",
                    "misjudg",
                    "misconfig",
                    "mistyp",
                    "misclick",
                    "misunderst",
                    "overlook",
                    "neglect",
                    "forgot",
                    "broke",
                    "managed",
                    "didn",
                    "did not",
                    "failed",
                    "never",
                    "too",
                    "pushed",
                    "merged",
                    "deployed",
                    "released",
                    "shipped",
                    "approved",
                    *("published", "tagged", "launched", "uploaded", "applied"),
                    "borked",
                    "botched",
                    "nuked",
                    "bricked",
                    "trashed",
                    "wrong",
                ),
                pattern=rf"""
            (?P<span>\bi(?:\s+|['’](?=(?:ve|d)\s))
                # After "I think" or "I saw" the slip is someone else's: "I think Pemberton broke it".
                (?!(?:think|thought|guess|believe|suspect|reckon|assume|heard|hear|saw|see|noticed|know
                |knew|said|say|told|hope|doubt)\b)
                (?:\w+\s+){{0,2}}?(?:{SLIP_MARKERS}|{SLIP_VERBS})\b)
        """,
            ),
            # "Accidentally pushed to main, whoops", "I used the wrong kubeconfig".
            frame(frozenset({SELF, ELIDED}), "blunder"),
            # "We accidentally removed a variable": the group owns the slip as the writer would.
            frame(frozenset({GROUP}), "accident"),
            # "I took down the site for an hour" (a wrong object alone, "I ran it on the
            # wrong deployment first", is the behavioural report the guide keeps).
            # "And broke the build." / "Took prod down, reverting": the subject left out.
            frame(frozenset({SELF, ELIDED}), "wreck"),
            # "I restarted the primary, which caused the failover storm": the writer's act
            # tied to the harm, as "I took the API down" is.
            frame(frozenset({SELF}), "harm"),
            # "I restarted the wrong node", "I pushed an untested build": the object
            # names the slip (not "… first, then the right one", the response told).
            frame(frozenset({SELF}), "wrong_choice"),
            # "Oops, I published the package with the test credentials."
            frame(AGENTS, "oops"),
            # "I unplugged the router thinking it was the spare. Sorry.": owned a
            # sentence away, in the same chat line.
            frame(frozenset({SELF, ELIDED}), "owned"),
            Check(
                triggers=(
                    *("accidental", "mistaken", "erroneous", "inadvertent", "unintend"),
                    *("unintention", "premature", "botched", "careless"),
                ),
                pattern=r"""
            # The apology names the act as a slip: "apologies for the accidental merge"
            # (not "sorry for the unintended downtime", the outcome the company regrets).
            (?P<span>\b(?:sorry|apologi[sz]e|apologies)\s+(?:\w+\s+){0,2}?(?:for|about)\s+(?:this|my|the|that|these
                |those|an?)\s+(?:accidental|mistaken|erroneous|inadvertent|unintended|unintentional|premature
                |botched|careless)\s+(?:force-?)?(?:push|merge|commit|deploy|deployment|release|publish|tag
                |change|deletion|removal|revert|rollback|upgrade|edit|close|closing|rename|restart|update)(?:es|s)?\b)
        """,
            ),
        ),
        unless=r"""
            # A slip imagined to test the design: "if I had mistakenly …, it would not have …".
            \bif\s+i\s+(?:had|'d|’d)\s+(?:\w+\s+){0,3}?\w+ed\b[^.!?]{0,200}?\bwould(?:n't|n’t|\s+not)?\s+have\b
            # A lucky find: "I accidentally found the root cause".
            | \b(?:accidentally|accidently|inadvertently|unintentionally|by\s+accident)\s+(?:discovered|found
                |learned|learnt|stumbled|noticed|spotted|reali[sz]ed|uncovered|caught|fixed|solved|came\s+across)\b
            | \b(?:discovered|found|learned|learnt|noticed|spotted|reali[sz]ed|uncovered|caught)\s+(?:[\w'’-]+\s+){0,5}?
                by\s+(?:accident|chance|mistake)\b
        """,
    ),
    Rule(
        code="UB206",
        name="own-mistake-judged",
        category=Category.SELF_BLAME,
        severity=Severity.WARNING,
        message="You pass judgement on your own mistake.",
        rationale=(
            "Apologising for a 'stupid mistake' or naming 'my lack of understanding' as the "
            "cause puts your ability on trial instead of the situation. Anyone can slip; "
            "what made the slip easy and costly is what the team can change."
        ),
        source=JANOFF_BULMAN,
        rewrite=(
            "I [what I did]. It was easy to get wrong because [what made it easy], and "
            "[what made it costly] turned a small slip into an outage."
        ),
        suggestion=KIND_SUGGESTION,
        bad=(
            "I was furious with myself for missing the expiry date.",
            "Apologies for this dumb mistake, reverting now.",
            "Apologies all, that was a sloppy merge on my end.",
            "That was such a rookie error, my apologies.",
            "My lack of experience with Helm charts caused the failed rollout.",
            "I'm rubbish with rebases, especially on long branches.",
            "I'm feeling mortified that it took me an hour to spot.",
            "Daft mistake on my part, the flag was on for every tenant.",
            "Sorry, I'm still learning the release tooling and tagged the wrong build.",
            "I feel terrible about this, it was my deploy.",
            "Still kicking myself for not catching it in review.",
        ),
        good=(
            "Sorry for the late reply, I was on a train.",
            "It was a rookie error to ship without a canary, and the pipeline now blocks it.",
            "My lack of sleep that week is in the timeline because it shaped the choices.",
            "I'm hopeful the new checks will catch this earlier.",
            "Sorry for the noise: the alert was a test.",
            "I'm new to the team and spent the first week shadowing the on-call.",
            "I feel bad for the on-call who got paged at 3am.",
            "Our apologies for the error some of you saw at checkout this morning.",
        ),
        pattern=(
            Check(
                triggers=("sorry", "apolog"),
                pattern=r"""
            # Not "our apologies for the error": with "the", an error is what the users saw.
            (?P<span>\b(?:sorry|apologi[sz]e|apologies)\s+(?:\w+\s+){0,2}?for\s+(?:this|my|the|that|such\s+a|a)
                \s+(?:\w+\s+)?(?:mistake|(?<!the\s)error|blunder|screw[-\s]?up|mess|mess[-\s]?up|mix[-\s]?up|oversight
                |typo|goof)s?\b)
        """,
            ),
            Check(
                triggers=(
                    *(
                        "silly",
                        "stupid",
                        "dumb",
                        "rookie",
                        "careless",
                        "noob",
                        "newbie",
                        "beginner",
                    ),
                    *(
                        "amateur",
                        "idiotic",
                        "bonehead",
                        "daft",
                        "schoolboy",
                        "sloppy",
                        "hasty",
                        "lazy",
                    ),
                    *("on my part", "on my end", "on my side"),
                ),
                pattern=r"""
            (?P<span>\b(?:silly|stupid|dumb|rookie|careless|noob|newbie|beginner['’]?s?|amateur|idiotic|boneheaded
                |daft|schoolboy|sloppy|hasty|lazy)\s+(?:mistake|error|move|blunder|merge|push|deploy|change|commit
                |call|review)\s*(?:on\s+my\s+(?:part|end|side)|of\s+mine|by\s+me|[,:;]\s+i\b)
            # Any act of mine, judged: "some sloppy editing on my part", "bad copy/pasting on my end".
            | \b(?:silly|stupid|dumb|careless|sloppy|hasty|lazy|bad|poor|clumsy|shoddy|lousy|terrible|awful)
                \s+(?:[\w/'’-]+\s+){1,2}?on\s+my\s+(?:part|end|side)\b)
        """,
            ),
            Check(
                triggers=("new to", "learning", "beginner", "noob", "newbie", "familiar"),
                pattern=r"""
            (?P<span>\b(?:sorry|apolog\w+)\b[^.!?\n]{0,40}?\bi['’]?m\s+(?:still\s+|pretty\s+|quite\s+|very\s+)?
                (?:new\s+to|learning|a\s+beginner|a\s+noob|a\s+newbie|not\s+(?:very\s+)?familiar\s+with)\b
            | \bi['’]?m\s+(?:still\s+|pretty\s+|quite\s+|very\s+)?(?:new\s+to|a\s+beginner\s+(?:at|with))\s+[^.!?\n]{1,40}?
                \b(?:and|so)\s+(?:i\s+)?(?:accidentally|mistakenly|messed|broke|pushed|deleted)\b)
        """,
            ),
            Check(
                triggers=("mistake", "error", "move", "blunder"),
                pattern=r"""
            (?P<span>\b(?:it|that|this)(?:\s+was|\s+is|['’]s)\s+(?:such\s+|really\s+|a\s+really\s+)?(?:a|an)
                \s+(?:silly|stupid|dumb|rookie|careless|noob|newbie|beginner['’]?s?|amateur|idiotic|boneheaded
                |daft|schoolboy)\s+(?:mistake|error|move|blunder)\b
                # "… a rookie mistake by Leif": someone else's, UB103's.
                (?!\s+(?:by|from)\s+(?!me\b|myself\b)\S))
        """,
            ),
            Check(
                triggers=("my ",),
                pattern=r"""
            (?P<span>\bmy\s+(?:own\s+)?(?:lack\s+of\s+(?:\w+\s+)?(?:understanding|knowledge|experience|attention|care
                |focus|diligence)|ignorance|inexperience|carelessness|negligence|sloppiness|stupidity
                |incompetence|laziness|haste|impatience)\b)
        """,
            ),
            Check(
                triggers=("with", " at "),
                pattern=r"""
            (?P<span>\bi(?:['’]m|\s+am)\s+(?:\w+\s+)?(?:terrible|awful|rubbish|hopeless|useless|clueless|inept
                |crap|garbage|so\s+bad|really\s+bad|not\s+good)\s+(?:with|at)\b)
        """,
            ),
            Check(
                triggers=(
                    *("feel", "kicking myself", "forgive myself", "believe i", "at myself"),
                    *("flagel", "beat myself", "beating myself", "punish"),
                    *("with myself", "in myself", "self-"),
                ),
                pattern=r"""
            (?P<span>\bi(?:['’]m|\s+am)\s+feeling\s+(?:so\s+|really\s+|very\s+|deeply\s+)?(?:ashamed|shameful
                |mortified|embarrassed|guilty|stupid|useless)\b
            # Guilt in the present about one's own doing: "I feel terrible about this", "I feel
            # bad for waking everyone up" (not sympathy: "I feel bad for the on-call").
            | \bi\s+(?:\w+ly\s+|just\s+|still\s+)?feel\s+(?:so\s+|really\s+|very\s+|absolutely\s+|pretty\s+)?
                (?:terrible|awful|horrible|guilty|sick|bad|ashamed|mortified|embarrassed|stupid|dumb|useless)
                \s+(?:about\s+(?:this|that|it|the|what|how|my)\b|for\s+(?:\w+ing|this|that|it|what|my)\b|that\s+i\b)
            | \bkicking\s+myself\b | \bnever\s+(?:going\s+to\s+)?forgive\s+myself\b
            | \b(?:flagell?at\w*|beat(?:ing)?|punish\w*)\s+myself(?:\s+up)?\b
            | \b(?:swore|sworn|cursed|cussed)\s+at\s+myself\b
            # Anger or disappointment turned on oneself: "I was furious with myself", "so
            # disappointed in myself", "a fair bit of self-loathing".
            | \b(?:angry|furious|mad|livid|annoyed|frustrated|disgusted|disappointed|upset)\s+(?:with|at|in)\s+myself\b
            | \bself-(?:loathing|hatred|disgust|flagellation)\b
            # Dismay at one's own act: "can't believe I did that", "still can't believe I missed it".
            | \b(?:can['’]?t|cannot|can\s+not)\s+believe\s+i\s+(?:actually\s+|really\s+|just\s+)?(?:did|missed
                |forgot|broke|deleted|dropped|pushed|merged|ran|made|overlooked|wiped|let)\b)
        """,
            ),
            # "Embarrassing: I pushed the staging keys to the public repo".
            frame(frozenset({SELF, ELIDED}), "shame"),
        ),
        # "It was a rookie error to ship ..., and the pipeline now blocks it"
        # weighs a choice the system has since made impossible.
        # An apology from "we" is the organisation's, for the impact ("We apologize for the
        # error that emptied the tarball"), as the guide has it, not a verdict on oneself.
        unless=r"""\b(?:now|since)\s+(?:blocks|prevents|catches|refuses|rejects)\b
            | \bwe(?:['’]re|\s+are|\s+were)?\s+(?:\w+\s+){0,2}?(?:sorry|apologi[sz]e)\b""",
    ),
)
