"""Rules for hindsight counterfactuals about what people did not do (UB3xx)."""

from __future__ import annotations

from ..agents import GROUP, NOBODY, OTHER, SYSTEM, WORK
from ..cues import frame
from ..finding import Category, Severity
from ..lexicon import RECHECK
from ..rule import Check, Rule

DEKKER_CF = "Dekker, The Field Guide to Understanding 'Human Error', ch. 5 (counterfactuals)"
BERGSTROM = "Bergström, 'Three analytical traps in accident investigation' (2021)"

SUGGESTION = (
    "Describe what did happen and why it made sense at the time: what the people involved "
    "knew, what the tools showed, and what competing goals they were balancing. Then ask "
    "what in the system would have made the safer path the easy one."
)

# "could have lost data" speculates about the outcome (where we got lucky);
# it judges nobody's choice. "could have escalated to the database team" is a
# person's step, not the incident growing.
OUTCOME_SPECULATION = r"""
    \bcould(?:n't|\s+not)?\s+have\s+(?:been\s+(?:much\s+|a\s+lot\s+|far\s+|way\s+)?(?:worse|bad|longer
    |disastrous|catastrophic|avoided\s+entirely)|lost|caused|led|resulted|affected|impacted|gone
    |happened|hit|corrupted|spread|escalated(?!\s+to\b)|cost|taken\s+(?:down|hours|days))\b
"""

# An open question is an inquiry, not a verdict.
INQUIRY = r"""
    \b(?:how|what|whether|which|where)\s+(?:\w+\s+){0,3}?(?:could|should|would|might)\s+(?:\w+\s+)?have\b
    | \bcould\s+(?:we|they|you)\s+have\b{INSENT}*\?
    # A question still open, or a possibility weighed: "we need to find out why the suite
    # didn't catch it", "it is possible that a reviewer overlooked a problem".
    | \b(?:need\s+to|needs\s+to|want\s+to|trying\s+to|try\s+to|will|going\s+to|let['’]s)\s+(?:\w+\s+)?
      (?:find\s+out|investigate|understand|figure\s+out|look\s+into)\s+(?:why|how|whether)\b
    | \b(?:it\s+is|it['’]s)\s+(?:\w+\s+)?possible\s+that\b
"""

SYSTEM_GERUNDS = (
    r"monitoring|alerting|logging|paging|tracking|caching|sampling|tracing|rate-limiting"
)
# Gerunds that build something: "adding a check would have caught it" proposes a
# system change, which is what a review should do.
BUILDING_GERUNDS = (
    r"adding|having|introducing|implementing|automating|enabling|building|creating|configuring"
    r"|using|setting|installing|requiring|enforcing|writing|pinning|limiting|bounding|something"
    r"|nothing|anything|everything|during|according|including|morning|evening"
)

# Acts of care done to a thing: what an inverted condition ("had the alert been
# acknowledged") says was left undone.
_CARED_FOR = (
    "acknowledged|read|checked|reviewed|tested|noticed|followed|escalated|"
    + RECHECK
    + "ed|verified"
    "|consulted|heeded|seen|looked\\s+at|answered|communicated|announced|monitored|watched"
)


# An outcome that the path not taken would have left as it was: a counterfactual said
# to clear the person, not to judge them.
MADE_NO_DIFFERENCE = r"""(?:would|could)(?:n['’]t|\s+not)\s+(?:\w+\s+)?have\s+(?:made\s+(?:\w+\s+){0,2}?(?:difference
    |change)|changed\s+(?:anything|much|a\s+thing|the\s+(?:outcome|result|impact))|helped|mattered
    |prevented\s+(?:it|this|that|the\s+\w+)|saved\s+(?:it|us|them|the\s+\w+))\b
    |\bnothing\s+would\s+have\s+(?:been\s+different|changed)\b
    |\bwould\s+(?:still\s+)?have\s+made\s+(?:little|no)\s+(?:\w+\s+)?difference\b"""

RULES = (
    Rule(
        code="UB301",
        name="should-have-about-person",
        category=Category.COUNTERFACTUAL,
        severity=Severity.WARNING,
        message="A hindsight judgement of what someone should have done.",
        rationale=(
            "'Should have' and 'could have' compare what people did with a path that was "
            "only visible after the outcome. It explains nothing about why their actions "
            "made sense at the time, which is what the review needs to learn."
        ),
        source=DEKKER_CF,
        suggestion=SUGGESTION,
        bad=(
            "In hindsight Chiara should never have approved the hotfix alone.",
            "Could the infra team not have staggered the reboots?",
            "Ivana was supposed to drain the node first.",
            "The on-call engineer should have rolled back immediately.",
            "We should have updated the second handler too.",
            "He shouldn't have merged before the tests finished.",
            "They could have asked the database team first.",
            "Tarquin should have checked the config before deploying.",
        ),
        good=(
            "The config should have been reloaded by the watcher.",
            "The job was supposed to run at 03:00.",
            "Developers shouldn't have write access to production.",
            "Reviewers should have test coverage for the new flag in front of them.",
            "We should add a canary stage to the deploy.",
            "The endpoint should return 200 when the queue is empty.",
            "A schema check would have caught this.",
            "We could have lost the whole volume, but the snapshot held.",
            "Tarquin should have the new dashboards ready by Friday.",
            "The retry bug made timeouts occur far more often than they should have.",
        ),
        pattern=(
            Check(
                triggers=("should", "could", "ought", "must", "supposed"),
                pattern=r"""
            (?P<span>{PERSON}\s+(?:[\w-]+\s+){0,2}?
              (?:should(?:n't|\s+not|n’t|\s+never)?(?:\s+(?:\w+ly|of\s+course|really|definitely|probably|also
                |all|both))?\s*(?:have|'ve|’ve)|should've|shouldn't've
              |could\s+(?:easily\s+|simply\s+|just\s+)?have|ought\s+to\s+have
              |must\s+have\s+(?:known|seen|noticed|realized|realised))
              \s+{PARTICIPLE}
            | \b(?:couldn't|shouldn't|wouldn't|couldn’t|shouldn’t)\s+{PERSON}\s+have\s+{PARTICIPLE}
            | \b(?:could|should)\s+{PERSON}\s+not\s+have\s+{PARTICIPLE}
            | {PERSON}\s+(?:was|were)(?:n['’]t|\s+not)?\s+supposed\s+to\b
            # The act left unsaid: "hit a spot they should not have", "lower than I should have".
            | {PERSON}\s+{SHOULD_HAVE_UNSAID}
            | \bthan\s+{PERSON}\s+(?:should|ought\s+to)\s+have\b
            )
        """,
            ),
            # Any name in subject position, known to a list or not.
            frame(frozenset({OTHER}), "hindsight"),
        ),
        unless=rf"""
            {OUTCOME_SPECULATION} | {INQUIRY}
            | \b(?:should|could)\s+have\s+(?:the|a|an|some|more|no|any|our|its|their)\b(?!\s*\w+ed\b)
            # "They" after "than" is the thing an event happens to: "the bug caused errors to
            # occur more often than they should have", "caused them to be worse than …".
            | \b(?:occur|happen|fire|fail|grow|grew|rise|rose|spike|last|recur|appear)\w*\s+(?:\w+\s+){{0,4}}?
              than\s+(?:they|it)\s+(?:should|ought\s+to)\s+have\b
            | \bcaused\s+(?:them|it)\s+to\s+(?:\w+\s+){{0,5}}?than\s+(?:they|it)\s+(?:should|ought\s+to)\s+have\b
            # An activity is the subject: "Appointing an incident manager could have helped".
            | \b(?:appointing|assigning|having|hiring|designating|adding|involving|paging|looping\s+in)
              \s+(?:an?|the|another|one|more)\s+(?:[\w-]+\s+){{0,2}}?(?:{{ROLE}})
            | \b(?:should|could)\s+have\s+been\s+(?:alerted|paged|notified|told|warned|given|shown)
            | \b(?:should|could)(?:n't|\s+not)?\s+have\s+been\s+[\w-]+ed\b
        """,
    ),
    Rule(
        code="UB302",
        name="omission-by-person",
        category=Category.COUNTERFACTUAL,
        severity=Severity.WARNING,
        message="The account dwells on what someone failed to do.",
        rationale=(
            "'Failed to', 'missed' and 'did not notice' describe people by what they did "
            "not do, a path only visible with hindsight. Ask instead what made the signal "
            "easy to miss."
        ),
        source=DEKKER_CF,
        suggestion=SUGGESTION,
        bad=(
            "The duty operator did not acknowledge the high-level alarm.",
            "The crew did not use the descent checklist.",
            "The contractor did not comply with the lockout procedure.",
            "The contractor did not subject the firmware to regression tests.",
            "Without sign-off, the lead promoted the build.",
            "The approver never took the time to open the diff.",
            "Neither reviewer noticed the second patchset.",
            "The stale cron entry that nobody removed kept firing.",
            "Without double-checking the target, the operator wiped the replica.",
            "The operator cleared the alarm after failing to confirm the caller's address.",
            "Whoever rebuilt it forgot to pin the base image.",
            "They shipped the hotfix without CI passing.",
            "Nobody thought to check whether the backup job produced files.",
            "03:12 engineer forgot to re-enable health checks.",
            "The engineer on shift missed the first three alerts.",
            "Nobody bothered to read the vendor's migration guide.",
            "the author never ran the integration tests before merging",
            "The reviewer failed to spot the missing index.",
            "We did not notice the disk filling up.",
            "The developer forgot to update the feature flag.",
            "Ops neglected to renew the certificate.",
            "Corvin copied the host list without validating it and started the purge.",
            "None of us noticed the expiry warning in the weekly report.",
            "The reviewer did not take the time to run the branch locally.",
            "We paged the wrong rotation, missing the chance to fail over early.",
            "The team shipped the build without ensuring the migrations had run.",
            "At no point did anyone on the rota open the capacity dashboard.",
            "Nobody mentioned the schema change in the release channel.",
            "No one did anything about the disk warnings that week.",
            "The nightly export failed for a week and nobody noticed.",
            "The certificate warnings kept coming, yet no one investigated them.",
            "None of the disk alerts were acknowledged that night.",
            "The release managers never even look at the canary graphs.",
            "The QA team still doesn't test anything properly.",
            "The support engineers never look at the capacity graphs.",
            "The responders were too slow to escalate to the storage team.",
            "Neither operator adequately monitored the replication lag.",
            "The export was empty because of a schema change no one noticed.",
            "The fitter did not isolate the valve before opening the line.",
            "The duty nurse did not complete the required hourly observations.",
            "The operator's failure to verify the isolation led to the burn.",
            "His failure to run the pre-start check let the pump run dry.",
        ),
        good=(
            "The level sensor did not detect the overflow.",
            "We didn't send the patch to the usual mailing list address.",
            "Nobody has needed the legacy VPN since 2019.",
            "The pump's failure to start tripped the low-pressure alarm.",
            "Without a quorum, the cluster stopped accepting writes.",
            "We would like to take the time to thank the on-call crew.",
            "We didn't catch it because the disk alert wasn't set up.",
            "Nobody deleted anything; the rows were only hidden.",
            "Without a backup, we could not restore the ledger.",
            "Without a replica, we can't serve reads during the upgrade.",
            "The importer gave up after failing to verify the signature.",
            "Once restarted it failed to rejoin the cluster.",
            "We keep asking why the pipeline let the change through without a review.",
            "Dana remembered to drain the node before patching.",
            "The cron scheduler neglected to account for DST.",
            "The job never ran after the upgrade.",
            "Nobody was paged because the route was missing.",
            "The job failed to start after the upgrade.",
            "Nobody did anything wrong: the deploy tool hid the region prompt.",
            "Script did not check the exit code of the backup step.",
            "The alert did not fire because the threshold was too high.",
            "It took a while before we noticed the error rate.",
            "Any idea how we missed this in staging?",
            "The importer loaded the file without validating it.",
            "The cron job skipped the run because the lock was held.",
            "No alert was configured for the disk, so nobody noticed it filling.",
            "The export failed for a week and nobody noticed, because its alert went to a retired channel.",
            "The region went dark and nobody could reach the status page.",
            "None of the regressions were caught by the nightly tests.",
            "None of the archived logs were read during the restore.",
            "Marisol doesn't review pull requests on Fridays.",
            "Reviewers never spot this kind of change because the diff viewer hides whitespace.",
            "Users don't even read the release notes, so the upgrade now waits for an acknowledgement.",
            "None of us noticed the expiry because the reminder went to a retired list.",
            "What we didn't realise at the time was that the cache shared one key.",
            "At no point did the alert fire during the incident.",
            "The disks were too slow to keep up with the compaction.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=("failed", "missed", "overlooked", "didn", "did not", "never"),
                pattern=r"""
            (?P<span>{PERSON}(?:\s*,\s*(?:\w+\s+){0,2}?\w+\s*,)?\s+(?:[\w-]+\s+){0,3}?
                (?:failed\s+to|(?:missed|overlooked)(?!\s+(?:nothing|none|no\b))
                |(?:did\s+not|didn't|didn’t|never)\s+(?:once\s+)?(?:\w+ly\s+)?(?:notice|catch|check|test|verify|realize
                  |realise|see|request|ask|follow|wait|read|escalate|review|coordinate|consult
                  |{RECHECK}|run|tell|inform|announce|page|update|look)
                |never\s+(?:once\s+)?(?:ran|checked|tested|read|asked|verified|reviewed|looked|told|updated))\b)
        """,
            ),
            Check(
                triggers=("forgot", "neglected", "bother", "misjudg", "think to", "think about"),
                pattern=r"""
            # A capitalised word is a name, not an adverb opening a chat line ("Totally forgot …").
            (?P<span>(?:(?-i:\b(?!The\b|A\b|An\b|This\b|That\b|It\b|Our\b|[\w-]*bot\b)(?![A-Z][a-z]{2,}(?:ally|ully
                |ously|ably|ibly|ely|tly|arly)\b)[A-Zꙮ][\w-]+)|{PERSON}
                |\b(?:the|a|an|our|their|that)\s+(?:\w+\s+)?users?|\b(?:{ROLE}))\s+(?:\w+\s+)?
                (?:forgot\s+(?:to|about|that)|neglected\s+to|didn't\s+bother|did\s+not\s+bother
                |never\s+bothered|bothered\s+to|misjudged|didn't\s+think\s+to|did\s+not\s+think\s+to
                |didn't\s+think\s+about|did\s+not\s+think\s+about)\b)
        """,
            ),
            Check(
                triggers=("at no point", "at no time", "at no stage"),
                pattern=r"""
            (?P<span>\bat\s+no\s+(?:point|time|stage)\s+(?:did|had|has|was|were)\s+
                (?:anyone|anybody|someone|somebody|we|they|he|she|you|{PERSON}|(?:either|neither|any|both|none)\s+of
                \s+(?:the\s+)?(?:\w+\s+)?\w+|the\s+(?:[\w-]+\s+)?(?:{ROLE}))\s+(?:\w+\s+)?\w+)
        """,
            ),
            Check(
                triggers=("occur", "reasonable", "adequate steps", "sufficient steps"),
                pattern=r"""
            # "It never occurred to anyone on the night shift to look at the backup logs".
            (?P<span>\b(?:never|didn['’]t|did\s+not|hadn['’]t|had\s+not)\s+(?:once\s+)?occur(?:red)?\s+to\s+(?:anyone
                |anybody|him|her|them|{OTHER}|(?-i:[A-Zꙮ][a-z]+))(?:\s+(?:on|in|at|from)(?:\s+[\w'’-]+){1,3}?)?\s+to\b
            # A regulator's words: "The master did not take all reasonable measures to …".
            | \b(?:the|a|an|our|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:did\s+not|didn't|failed\s+to)\s+take\s+(?:all\s+)?
                (?:reasonable|adequate|sufficient|appropriate)\s+(?:steps|measures|care|precautions)\b)
        """,
            ),
            Check(
                triggers=("nobody", "no one", "noone"),
                pattern=r"""
            (?P<span>\b(?:nobody|no\s+one|noone)\s+(?:thought|remembered|cared)\s+to\b)
        """,
            ),
            # A safety board's finding: "the captain's failure to adequately brief the crew",
            # "the failure of the operator to verify the isolation" (a person's, not "the
            # pump's failure to start").
            Check(
                triggers=("failure",),
                pattern=r"""
            (?P<span>(?:{OTHER}|\b(?:the|a|an|one)\s+(?:[\w-]+\s+)?(?:{ROLE}))['’]s?\s+failures?\s+to\s+(?:\w+ly\s+)?[a-z]+
            # The person a pronoun: "his failure to run the check" (a thing's is "its").
            | \b(?:his|her)\s+(?:\w+\s+)?failures?\s+to\s+(?:\w+ly\s+)?[a-z]+
            | \bfailures?\s+(?:of|by)\s+(?:{OTHER}|(?:the|a|an|one)\s+(?:[\w-]+\s+)?(?:{ROLE}))\s+to\s+(?:\w+ly\s+)?[a-z]+)
        """,
            ),
            # "took the list without validating it", "none of us noticed", "didn't take the time".
            frame(frozenset({OTHER, GROUP, NOBODY}), "omission"),
        ),
        unless=rf"""
            {INQUIRY} | \b(?:how|why)\s+(?:\w+\s+){{0,2}}?(?:missed|failed|overlooked)\b
            # A thing forgets nothing ("it failed"), unless it is the object of the verb
            # before it: "whoever deployed this forgot to …".
            | (?<!ed\s)(?<!\bran\s)(?<!wrote\s)(?<!\bmade\s)(?<!built\s)(?<!\bset\s)(?<!\bput\s)(?<!\bsent\s)
              (?<!took\s)(?<!broke\s)(?<!ing\s)\b(?:i|it|this|that)\s+(?:forgot|neglected|failed|missed)\b
            | \b(?:was|were|been|being|is|are)\s+(?:\w+\s+){{0,3}}?(?:misjudged|overlooked|forgotten|neglected
              |ignored|missed)\b
            | \bwhy\s+(?:was|were|did|do|does|is|are|didn't|wasn't)\b{{INSENT}}*\?
            # The thing as the subject, not as the object of a relative clause before the
            # verb ("the engineer who wrote the script forgot to …" is the engineer's).
            | (?<!\bwrote\s)(?<!\bran\s)(?<!\bbuilt\s)(?<!\bset\s)(?<!\bowns\s)(?<!\bowned\s)
              \bthe\s+(?:job|alert|check|build|test|script|deploy|pipeline|bot|tool|system)
              \s+(?:\w+\s+)?(?:forgot|neglected|failed|missed)
            # "What we didn't realise was that …" introduces what was unknown.
            | \bwhat\s+(?:\w+\s+){{1,2}}?(?:didn't|didn’t|did\s+not|hadn't|hadn’t|had\s+not)\s+(?:\w+\s+)?
              (?:reali[sz]e|know|see|notice|understand|expect)\w*\b
            # "We didn't catch it because the alert wasn't set up": the team's miss with the
            # gap that explains it, as the omission cue reads it for "we" and "nobody".
            | \b(?:we|nobody|no\s+one)\s+(?:didn['’]t|did\s+not|never)\s+(?:\w+ly\s+)?(?:notice|catch|see|spot
              |detect)\w*\s+(?:\w+\s+){{0,6}}?(?:because|since|as)\s+(?:the|our|its|there|no)\b
            # "… so we didn't catch it in testing": the consequence of a gap just named.
            | \bso\s+(?:we|they|nobody|no\s+one)\s+(?:didn['’]t|did\s+not|never|couldn['’]t|could\s+not)\b
            # Nobody to blame, said outright: "no one could have known the vendor would …".
            | \b(?:no\s+one|nobody|noone)\s+could\s+(?:have\s+)?(?:known|foreseen|predicted|expected
              |anticipated|guessed)\b
            # A meeting or a train missed is a schedule, not care left undone.
            | \bmissed\s+(?:the|our|a|an|my|his|her|their)\s+(?:[\w:.-]+\s+){{0,2}}?(?:standup|stand-up|meeting|call
              |sync|train|flight|bus|lunch|retro|demo|1:1|one-on-one)s?\b
            # How a design behaves for anyone, not what someone left undone: "if you didn't
            # pass a region, the tool would restart the fleet" (not "would have").
            | \bif\s+(?:you|one|anyone|someone|a\s+user|users)\s+(?:didn['’]t|did\s+not|don['’]t|do\s+not
              |forgot\s+to|failed\s+to)\s+{{INSENT}}{{0,120}}?\bwould\s+(?!have\b)
        """,
    ),
    Rule(
        code="UB303",
        name="if-only-counterfactual",
        category=Category.COUNTERFACTUAL,
        severity=Severity.WARNING,
        message="An 'if they had…' account of a path not taken.",
        rationale=(
            "'If we had deployed separately…' argues from a world that did not happen. "
            "The review learns more from why the path that was taken looked right."
        ),
        source=BERGSTROM,
        suggestion=SUGGESTION,
        bad=(
            "The rollback would have finished sooner had the on-call paged the DBA.",
            "@lena none of this happens if you'd waited for the canary",
            "Had the SRE on duty looked at the lag, the failover would have waited.",
            "Had the reviewer waited for the canary, we would have caught it at 1%.",
            "If the on-call had paged the DBA, we would have recovered in minutes.",
            "If only someone had read the release notes.",
            "If we had rolled out region by region, the impact would have been small.",
        ),
        good=(
            "Memory would have stayed flat had the queue been bounded.",
            "Had the queue been bounded, memory would have stayed flat.",
            "If the queue had been bounded, memory would have stayed flat.",
            "If you have questions, ask in the incident channel.",
            "If we had a staging database, we could test this first.",
            "If the on-call had paged sooner, it would not have made any difference.",
        ),
        triggers=("if only", " had", "'d", "’d", "had "),
        pattern=r"""
            (?P<span>\bif\s+only\b
            # The person may be named by what they ran: "if the engineer of train 720 had …".
            | \b(?:if\s+{PERSON}(?:\s+(?:of|on)(?:\s+[\w:.-]+){1,3}?)?(?:\s+had|'d|’d)
                |(?:(?<=\n)|(?<=\.\ )|(?<=\A)|(?<=,\ ))\s*had\s+{PERSON}
                (?:\s+(?:on\s+duty|on\s+call|on\s+shift|in\s+charge))?
                # The condition after its outcome: "… would have been avoided had we run …".
                |\bwould(?:n['’]t|\s+not)?\s+have\s+[^.!?\n]{1,60}?\s+had\s+{PERSON})
                (?:n't|\s+not)?\s+{PARTICIPLE}
            )
        """,
        # "Had we not been monitoring, …": what our watching saved, no choice judged; and
        # the path not taken that would have changed nothing ("if the on-call had paged
        # sooner, it would not have made any difference"), which clears the person.
        unless=rf"\bhad\s+{{PERSON}}\s+not\s+been\s+(?:{SYSTEM_GERUNDS})\b|{MADE_NO_DIFFERENCE}",
    ),
    Rule(
        code="UB304",
        name="action-not-taken-would-have",
        category=Category.COUNTERFACTUAL,
        severity=Severity.WARNING,
        message="An action nobody took is held up as what would have prevented this.",
        rationale=(
            "'Running the build locally would have revealed…' and 'the outage could have "
            "been avoided by deploying separately' are counterfactuals about people's "
            "actions. A system change that would have helped is useful; a person's "
            "missed step, seen with hindsight, is not."
        ),
        source=DEKKER_CF,
        suggestion=SUGGESTION,
        bad=(
            "The team skipped the repo, and simply grepping it would have found the forwarders.",
            "Talking to the DBA first would have prevented the lock contention.",
            "Waiting ten more minutes for the canary would have saved us a page.",
            "Reading the runbook would have shown the right flag.",
            "The outage could have been avoided by deploying the two changes separately.",
            "Checking the graph first would have made the problem obvious.",
            "Had the page been acknowledged, the failover would have started sooner.",
        ),
        good=(
            "Adding a lock timeout would have prevented the contention.",
            "Something in the config would have shown it, had we looked at the right panel.",
            "A schema check would have caught this.",
            "Monitoring the queue depth would have caught it earlier.",
            "The outage could have been prevented by adding a presubmit check.",
            "Had the disk been larger, the job would have finished.",
        ),
        triggers=("would", "could", "might"),
        pattern=rf"""
            (?P<span>
              (?:(?<=\n)|(?<=\.\ )|(?<=,\ )|(?<=:\ )|(?<=\A)|\bthat\ |\bbut\ |\band\ )\s*
                (?:(?:simply|just|merely|quickly|first)\s+)?
                (?!(?:{SYSTEM_GERUNDS}|{BUILDING_GERUNDS})\b)[a-z]+ing\s+(?:[\w-]+\s+){{0,6}}?
                (?:would|could|might)\s+(?:have\s+)?(?:revealed|caught|prevented
                |avoided|shown|found|spotted|saved|made\s+(?:\w+\s+){{1,3}}(?:obvious|clear)|told|surfaced|exposed
                |been\s+enough|sufficed)
            # A person's glance held up as enough: "a quick look at the logs would have
            # shown it" ("anyone glancing at it would have seen it" is UB701's obviousness).
            | \ba\s+(?:quick|simple|cursory|brief|single|careful|closer|second)\s+(?:look|glance|check|read
                |review)\s+(?:[\w-]+\s+){{0,6}}?(?:would|could|might)\s+(?:easily\s+)?have
                \s+(?:shown|revealed|caught|seen|spotted|noticed|found|made\s+(?:\w+\s+){{1,3}}(?:obvious|clear))
            | \b(?:could|would|might)\s+(?:easily\s+)?have\s+been\s+(?:avoided|prevented)\s+
                (?:if\s+{{PERSON}}\b|by\s+(?:simply\s+|just\s+)?(?!(?:{BUILDING_GERUNDS}|{SYSTEM_GERUNDS})\b)
                [a-z]+ing\s+(?:the|a|an|it|this|that|each|every|both|our)\b)
            # The inverted condition about an act of care: "Had the alert been acknowledged,
            # the failover would have started sooner" ("had the disk been larger" is a design).
            | (?:(?<=\n)|(?<=\.\ )|(?<=\A))\s*had\s+(?:the|a|an|this|that|our|their|his|her|your)\s+
                (?:[\w-]+\s+){{0,3}}?been\s+(?:\w+ly\s+)?(?:{_CARED_FOR})\b{{INSENT}}*?
                \b(?:would|could|might)(?:n['’]t|\s+not)?\s+have\b
            )
        """,
        negatable=False,
    ),
    Rule(
        code="UB305",
        name="diligence-judged-in-hindsight",
        category=Category.COUNTERFACTUAL,
        severity=Severity.WARNING,
        message="People's diligence is judged after the fact.",
        rationale=(
            "'Not thorough enough' or 'rushed' grades effort by its outcome. The same "
            "effort passes unnoticed on the days nothing breaks; the conditions that set "
            "the pace are what the review can change."
        ),
        source=BERGSTROM,
        suggestion=(
            "Describe the conditions instead: the time pressure, the size of the change, "
            "what the test environment could and could not show."
        ),
        bad=(
            "Testing in staging was not thorough enough.",
            "We had several outages caused by rushed releases.",
            "The team cut corners on the migration plan.",
        ),
        good=(
            "The staging data set was not large enough to show the slow query.",
            "The release was rushed out to fix a security issue, with sign-off from security.",
            "The migration plan left out the read replicas.",
        ),
        triggers=(
            "enough",
            "rushed",
            "corners",
            "lack",
            "care",
            "attention",
            "diligence",
            "caution",
        ),
        pattern=r"""
            (?P<span>
              \b(?:not|wasn't|weren't|isn't|aren't|wasn’t|weren’t)\s+(?:\w+\s+)?
                (?:thorough|careful|rigorous|diligent|cautious|attentive)\s+enough\b
            | \b(?:not|wasn't|weren't)\s+(?:tested|reviewed|checked)\s+(?:thoroughly|carefully|properly)\s+enough\b
            | \brushed\s+(?:\w+\s+)?(?:implementations?|deployments?|changes?|reviews?|fix(?:es)?|work|jobs?
                |rollouts?|releases?|merges?|code)\b
            | \bcut(?:ting)?\s+corners\b
            | \black\s+of\s+(?:care|diligence|attention|ownership|discipline|rigou?r|thoroughness)\b
            # A little more effort would have saved the day: "With a little more care during
            # review, this would have been caught", "A bit more attention from the approver
            # and the bad route would never have gone out".
            | \b(?:a\s+(?:little|bit|touch)\s+(?:more\s+)?|just\s+a\s+(?:little|bit)\s+more\s+|more\s+|extra\s+)
                (?:care|attention|diligence|caution|vigilance|scrutiny)\b[^.;!?]{0,80}?\b(?:would|could)\s+
                (?:(?:never|not|easily|surely|probably|have|been)\s+){1,3}(?:caught|spotted|avoided|prevented
                |noticed|stopped|gone\s+out|happened|shipped|merged)\b
            )
        """,
        unless=r"\brushed\s+(?:\w+\s+)?\w+\s+out\s+to\b|\bwith\s+sign-?off\b",
    ),
    Rule(
        code="UB306",
        name="would-have-been-better-to",
        category=Category.COUNTERFACTUAL,
        severity=Severity.INFO,
        message="A past step is graded as what would have been better.",
        rationale=(
            "'It would have been better to roll back first' is advice to the past, written "
            "with the outcome in hand. What made the other step look right then is the "
            "part the review can act on."
        ),
        source=DEKKER_CF,
        suggestion=SUGGESTION,
        bad=(
            "It would have been trivial to run the branch against staging first.",
            "It would have been better to roll back before debugging.",
            "It would have been useful to capture a heap dump once we suspected the node.",
            "In hindsight it would have been wiser to page the storage team.",
            "It might have been better not to hold the release until the morning.",
        ),
        good=(
            "It would have been useful to have a dashboard for queue depth.",
            "It would be better to roll back first next time, so the runbook now says so.",
            "A heap dump would have been useful, so the agent now captures one on OOM.",
            "It would have been easy to miss, as the banner was grey on grey.",
        ),
        triggers=(),
        pattern=(
            Check(
                triggers=(
                    *(
                        "would have had",
                        "mistake",
                        "wrong",
                        "bad call",
                        "bad decision",
                        "bad choice",
                        "poor",
                    ),
                    *(
                        "judgement",
                        "judgment",
                        "instead of",
                        "rather than",
                        "had to",
                        "how did",
                        "how could",
                    ),
                    *(
                        "how do",
                        "had simply",
                        "had just",
                        "had only",
                        "had actually",
                        "bothered to",
                    ),
                    *("would have prevented", "would have stopped", "would have caught"),
                    *("would have avoided", "would have saved", "will have", "sat on it"),
                    *("signed off", "ignored it", "did nothing"),
                    *(
                        "bad idea",
                        "poor idea",
                        "terrible idea",
                        "dumb idea",
                        "stupid idea",
                        "foolish idea",
                    ),
                ),
                pattern=r"""
            # A person's past decision graded: "It was a mistake for the lead to approve …",
            # "… was the wrong call by the DBA", "… was a mistake on the part of the team".
            (?P<span>\b(?:was|were)\s+(?:a|an|the)\s+(?:big\s+|huge\s+|clear\s+|serious\s+|costly\s+)?(?:mistake
                |error\s+of\s+judge?ment|wrong\s+(?:call|decision|choice|move)|bad\s+(?:call|decision|choice)
                |poor\s+(?:call|decision|choice|judge?ment))\s+(?:for\s+(?:{OTHER}|(?-i:[A-Zꙮ][a-z]+))\s+to\b
                |by\s+(?:{OTHER}|(?-i:[A-Zꙮ][a-z]+))|on\s+the\s+part\s+of\b)
            # A past decision graded with no one named: "it was a bad idea to deploy that many
            # changes at once" (an act of operating, not a design: "a bad idea to use floats").
            | \bit\s+was\s+(?:a|an)\s+(?:\w+\s+)?(?:bad|poor|terrible|dumb|stupid|foolish|reckless)\s+(?:idea
                |call|decision|choice|move)\s+to\s+(?:\w+ly\s+)?(?:deploy|ship|merge|push|release|roll|run|restart
                |reboot|skip|disable|delete|drop|migrate|upgrade|fail\s+over|go\s+ahead|proceed|approve)\b
            # The right step named beside the one taken: "Instead of waiting for the canary,
            # the deployer pushed straight to all regions".
            | (?:^|(?<=\n)|(?<=[:;]\s))\W*(?:instead\s+of|rather\s+than)\s+\w+ing\b[^,;.!?\n]{0,60},\s*(?:{OTHER}
                |(?-i:[A-Zꙮ][a-z]+)|@[\w-]+)\s+(?:\w+ly\s+)?(?:[a-z]+ed|ran|went|took|made|spent|sent|began|chose)\b
            # What it would have taken: "someone would have had to skip the warning entirely".
            | \bwould\s+have\s+had\s+to\s+(?:\w+ly\s+)?(?:ignore|skip|miss|overlook|bypass|click\s+through
                |scroll\s+past|disable|dismiss)\b
            # "Seriously, how did four reviewers approve a migration that drops a column?"
            | \bhow\s+(?:did|could|do|does)\s+(?:\w+\s+){0,2}?(?:{ROLE}|nobody|no\s+one|anyone|(?-i:[A-Zꙮ][a-z]+))
                \s+(?:\w+\s+)?(?:approve|miss|not\s+notice|not\s+catch|not\s+see|let|merge|ship|sign\s+off
                |overlook)\w*\b
            # "If Marguerite had simply read the ticket, …".
            | \bif\s+(?:{OTHER}|(?-i:[A-Zꙮ][a-z]+)|@[\w-]+)\s+had\s+(?:simply|just|only|actually|bothered\s+to)\s+\w+
            # "A two-minute glance at the dashboard by the release captain would have prevented …".
            | \b(?:a|one)\s+(?:[\w-]+\s+){0,2}?(?:glance|look|call|check|question|email|message|word)\b[^.!?\n]{0,40}?
                \b(?:by|from)\s+(?:{OTHER}|(?-i:[A-Zꙮ][a-z]+))\b[^.!?\n]{0,60}?\bwould\s+have\s+(?:prevented|stopped
                |caught|avoided|saved)\b
            # "Whoever signed the change ticket will have known the freeze was on".
            | \b(?:whoever|anyone\s+who|anybody\s+who|everyone\s+who)\b[^.!?\n]{0,60}?\bwill\s+have\s+(?:known
                |seen|noticed|read)\b
            | {OTHER}\s+will\s+have\s+had\s+(?:\w+\s+){0,3}?(?:warnings?|alerts?|pages?)\b
            # "had all the information they needed and sat on it", "… and still signed off".
            | \bhad\s+(?:all\s+)?the\s+(?:information|facts|data|correct\s+[\w-]+|right\s+[\w-]+)\b[^.!?\n]{0,60}?
                \band\s+(?:still\s+)?(?:sat\s+on\s+it|signed\s+off|ignored\s+it|did\s+nothing)\b)
        """,
            ),
            # What would have been better, wished for after the fact: "it would have been
            # wiser to page the storage team", "Would've been nice to wait" (the subject left
            # out, as chat leaves it), "Having a second reviewer would have been nice" (the
            # step as the subject). Its own check: only sentences with these words ask it.
            Check(
                triggers=(
                    *("would have been", "would've been", "would’ve been"),
                    *("might have been", "might've been", "might’ve been", "may have been"),
                ),
                pattern=r"""
            # A guess is as much hindsight as a verdict: "it might have been better to wait".
            (?P<span>(?:\bit\s+|{SENTENCE_START}\W*)(?:(?:would|might|may)\s+have|(?:would|might)['’]ve)\s+been
              \s+(?:much\s+|far\s+
              |a\s+lot\s+)?(?:better|wiser|smarter|useful|helpful|prudent|safer|good|nice|sensible|appropriate
              # How easy it would have been is hindsight too: "it would have been trivial to test".
              |(?:so\s+|very\s+|really\s+)?(?:trivial|easy|simple|straightforward))
              # … and for whom: "it would have been appropriate for the employee to disable one".
              # How easy a slip was is sympathy, not a verdict: "it would have been easy to miss".
              (?:\s+for\s+(?:{OTHER}|(?-i:[A-Zꙮ][a-z]+)|him|her|them|us|me))?\s+(?:not\s+)?to\s+
              (?!have\b|had\b|miss\b|overlook\b|forget\b|misread\b|confuse\b|mix\s+up\b)\w+
            | {SENTENCE_START}\W*\w+ing\s+(?:[\w'’-]+\s+){0,6}?(?:would\s+have|would['’]ve)\s+been\s+
                (?:much\s+|far\s+)?(?:better|wiser|smarter|great|nice|good|safer|prudent)\b)
        """,
            ),
        ),
        unless=r"{STRONG}",
    ),
    Rule(
        code="UB307",
        name="neglect-told-in-passive",
        category=Category.COUNTERFACTUAL,
        severity=Severity.WARNING,
        message="A passive sentence judges what someone did not do.",
        rationale=(
            "'The warning was missed' or 'the step was skipped' hides who, but still "
            "measures people against a path that only the outcome made visible. The useful "
            "question is what made the warning easy to miss or the step easy to skip."
        ),
        source=DEKKER_CF + "; " + BERGSTROM,
        suggestion=SUGGESTION,
        bad=(
            "Tagging without running the release checklist left the wheels unsigned.",
            "The migration went ahead despite two warnings from the DBA.",
            "The hotfix was shipped without following the change procedure.",
            "The incident was declared far too late.",
            "The new failover path was never exercised before launch.",
            "A more careful review would have caught the inverted condition.",
            "Three merge requests were approved without rebasing.",
            "The vendor's end-of-life notice was ignored for two quarters.",
            "The schema change was applied without the required sign-off.",
            "The disk-usage warnings were not acted on.",
            "A red canary should have led to a rollback, not a second push.",
            "The canary results should have been checked before the second wave.",
            "The schema migration should not have been merged during the freeze.",
            "The stale feature flag should have been spotted before the release.",
            "The cut-over to the new cluster could have been handled better.",
            "The cable swap was carried out contrary to the site's standard procedures.",
            "Dropping the v1 endpoints should have resulted in a major version bump.",
            "The firmware image did not undergo adequate regression testing before release.",
            "The shift lead had not received adequate training on the transfer procedure.",
            "The login outage happened because the signing certificate was not renewed.",
            "This should've been a pull request.",
            "Both regressions could have been avoided by first reading the upgrade notes.",
            "The package version had not been bumped before the tag went out.",
            "The health check was paused for the migration and never re-enabled.",
            "That rename should have been a breaking release.",
        ),
        good=(
            "The release went ahead despite the holiday, as planned.",
            "The alert fired late because of the five-minute window.",
            "The on-call was paged late last night.",
            "The merge request was not reviewed by a second engineer.",
            "The retry branch had never been executed by any test.",
            "The cron was not run because the scheduler was paused.",
            "A schema check would have caught the inverted condition.",
            "The requests were retried without backoff.",
            "The nightly job was skipped because the lock was held.",
            "The alert was acknowledged within two minutes.",
            "The warning was sent to a channel nobody had joined since the reorg.",
            "The old heartbeats were missed while the collector restarted.",
            "The off-by-one should have been caught by our integration tests.",
            "The stale feature flag should have been flagged by the config linter.",
            "The leaked token should have been discovered by the secret scanner.",
            "The cut-over could have been handled better with a dry-run mode in the tool.",
            "The null dereference was not caught during the compile step and surfaced at runtime.",
            "The rollback was approved in line with the change policy.",
            "The tool refused a restart that was contrary to the freeze.",
            "The hotfix did not receive any review because the repository allowed direct pushes.",
            "The outage could have been prevented by a canary stage.",
            "It is possible that a reviewer overlooked the second patchset.",
            "The on-call wiki page hasn't been updated since the storage migration.",
            "The rename was shipped as a breaking release with a migration guide.",
        ),
        # The passive hides who: "the deprecation notice was ignored for months".
        # A person's work too: "your PR was not properly tested".
        pattern=(
            frame(frozenset({SYSTEM, WORK}), "neglect"),
            # A rule set aside, told in the passive: "Despite the policy requiring review, the
            # PR was merged directly".
            Check(
                triggers=("despite", "in spite of", "regardless of"),
                pattern=r"""
            (?P<span>\b(?:despite|in\s+spite\s+of|regardless\s+of)\s+(?:the\s+|an?\s+|our\s+|its\s+)?
                (?:[\w-]+\s+){0,3}?(?:protocol|policy|process|procedure|rule|requirement|guideline|warning
                |alert|checklist|runbook|freeze)s?\b{INSENT}{0,100}?,\s*(?:the\s+|a\s+|an\s+|this\s+|that\s+)?
                (?:[\w-]+\s+){0,2}?(?:was|were)\s+(?:\w+ly\s+)?(?:merged|deployed|pushed|shipped|released|run
                |applied|approved|restarted|rebooted|deleted|dropped)\b)
        """,
            ),
            # A step told as against the rules, in the passive: "the work was done contrary to
            # standard procedures", "the change was pushed in breach of the freeze".
            Check(
                triggers=("contrary to", "in violation of", "in breach of", "in defiance of"),
                pattern=r"""
            (?P<span>\b(?:was|were)\s+(?:\w+ly\s+)?(?:done|carried\s+out|performed|merged|deployed|pushed
                |shipped|released|run|applied|approved|made|restarted|rebooted|deleted|dropped|changed)\s+
                (?:[\w-]+\s+){0,3}?(?:contrary\s+to|in\s+(?:violation|breach|defiance)\s+of)\s+
                (?:(?:the|our|its|their)\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,3}?(?:protocols?|polic(?:y|ies)
                |process(?:es)?|procedures?|rules?|requirements?|guidelines?|practices?|checklists?|runbooks?
                |freeze|instructions?)\b)
        """,
            ),
            # Care graded as short, with the work as subject: "the update did not undergo
            # adequate quality checks", "the patch never received proper review" (not "did
            # not receive any review": a plain fact a missing gate may explain).
            Check(
                triggers=("undergo", "underwent", "receive", "go through", "went through", "get "),
                pattern=r"""
            (?P<span>\b(?:did\s+not|didn['’]t|never|had\s+not|hadn['’]t|was\s+not|wasn['’]t)\s+(?:\w+ly\s+)?
                (?:undergo|undergone|receive|received|go\s+through|gone\s+through|get|got|gotten)\s+
                (?:(?:an?|the)\s+)?(?:adequate|proper|sufficient|enough|thorough|appropriate|rigorous|careful
                |real|serious)\s+(?:[\w-]+\s+)?(?:testing|tests?|reviews?|review|qa|checks?|scrutiny|validation
                |verification|vetting|training|simulations?|drills?|rehearsals?)\b)
        """,
            ),
            # More care by people as what would have saved it: "a more careful review would
            # have caught this", "better proofreading could have prevented it" (not "a schema
            # check would have caught this", a safeguard the system lacked).
            Check(
                triggers=("would have", "could have", "might have", "would've", "could've"),
                pattern=r"""
            (?P<span>\b(?:better|more\s+careful|closer|more\s+thorough|more\s+attentive|careful|proper
                |more)\s+(?:code\s+)?(?:review(?:ing|s)?|attention|care|diligence|reading|proofreading|scrutiny
                |checking|vigilance)\s+(?:[\w'’-]+\s+){0,4}?(?:would|could|might)\s+(?:\w+\s+)?(?:have|['’]ve)\s+
                (?:caught|prevented|avoided|spotted|found|stopped|flagged|saved)\b)
        """,
            ),
        ),
        # A check the system was to make: "was not checked for in our automated monitoring",
        # "was not caught during the build phase".
        unless=rf"""{INQUIRY} | \bwhy\s+(?:was|were)\b
            | \b(?:checked|tested|caught|detected|flagged|covered)\s+(?:for\s+)?(?:by|in|during|at)\s+(?:our|the|any)\s+
              (?:automated\s+|own\s+|existing\s+)?(?:[\w-]+\s+)?(?:monitoring|alerting|tests?|test\s+suite|ci
              |pipeline|checks?|linters?|validation|phase|stage|build|compil\w+)\b""",
    ),
)
