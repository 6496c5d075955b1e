"""More phrasing families of issue 7, written for this file (none from an evaluation set).

Each group names the mechanism of the sentence model it pins: a participle or
"who" phrase that only says which person, role nouns beyond engineering, care
adverbs and passives of care, and the wider lexicon of damage done. The hard
negatives beside each group are the same shapes told as facts.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.agents import OTHER
from unblame.language.clause import read
from unblame.language.finding import BLAME_CATEGORIES


def first_blame_category(text: str) -> str | None:
    found = [f for f in analyze(text) if f.category in BLAME_CATEGORIES]
    return found[0].category.value if found else None


def clauses_of(text: str):
    return read(text, 0, len(text)).clauses


# --- A phrase after the person says which person; the verb comes after it ---------------


def test_a_participle_phrase_after_a_person_is_part_of_the_subject():
    (clause,) = clauses_of("The admin handling the rotation should have paged storage.")
    assert clause.agent == OTHER
    assert clause.words[clause.predicate].low == "should"


def test_a_participle_with_no_tensed_verb_after_it_is_the_verb():
    (clause,) = clauses_of("An engineer performing maintenance unplugged a cable.")
    # "unplugged" is tensed: the participle phrase is part of the subject.
    assert clause.words[clause.predicate].low == "unplugged"
    first = clauses_of("After an engineer performing maintenance, the link dropped.")[0]
    assert first.words[first.predicate].low == "performing"


def test_a_who_clause_ends_where_the_main_verb_starts():
    clauses = clauses_of("The tech who rebooted the switch ought to have warned us.")
    texts = [" ".join(w.text for w in c.words) for c in clauses]
    assert texts[-1].startswith("ought to have warned")
    assert clauses[-1].agent == OTHER


def test_a_pronoun_in_the_who_clause_keeps_its_auxiliary():
    clauses = clauses_of("The SRE who said she had rotated the key was on leave.")
    assert not any(" ".join(w.text for w in c.words).startswith("had") for c in clauses)


PHRASE_THEN_VERB = [
    ("The analyst updating the report should have asked finance first.", "counterfactual"),
    ("The operator on shift who took the page could have failed over sooner.", "counterfactual"),
    ("The developer who owns the importer ought to have read the changelog.", "counterfactual"),
    ("The on-call could have escalated to the network team before midnight.", "counterfactual"),
]

PHRASE_THEN_VERB_NEGATIVES = [
    "The engineer handling the rotation paged storage at 02:10.",
    "The developer who owns the importer read the changelog during the review.",
    "The incident could have escalated into a full outage, but the breaker held.",
]


# --- People outside engineering, care adverbs and passives of care ----------------------

ROLES_AND_CARE = [
    ("The shift captain overlooked the amber light on the chiller panel.", "counterfactual"),
    (
        "A rookie pasted the staging token into the prod vault and locked every pod out.",
        "blame_other",
    ),
    ("Auditors should double-check the export totals before signing.", "try_harder"),
    (
        "The handover note didn't properly describe the half-finished migration, and the "
        "night operator never fully read it.",
        "counterfactual",
    ),
    ("The patch went out without first testing it on a replica.", "counterfactual"),
    ("The renewal reminders went unanswered by the account owners for a month.", "counterfactual"),
    # "even" measures the care and finds it short: a verdict on the reviewer (`habit`).
    ("The reviewer approved it without even opening the diff.", "blame_other"),
]

ROLES_AND_CARE_NEGATIVES = [
    "The shift captain opened the bridge call at 02:14.",
    "Our uptime probe watched only the API, so the docs outage went unnoticed for a day.",
    "The patch went out at 10:00 to every region.",
    "The auditors signed off on the export at noon.",
    "The steward restored the account from the backup.",
]


# --- The damage done: a wider lexicon of harm ------------------------------------------

DAMAGE = [
    "A trainee ran the reset job and erased the loyalty points of every member.",
    "The consultant added a route that blocked all traffic from the EU region.",
    "The director approved the cutover early, taking the store's checkout offline for an hour.",
    "An admin reran the import and overwrote three days of orders.",
    "Marketing sent the blast twice and the whole mail relay went dark.",
    "The contractor destroyed the only copy of the signing key.",
    "The new hire applied the old firewall template, cutting the office off the VPN.",
]

DAMAGE_NEGATIVES = [
    "The cleanup job erased the expired sessions as designed.",
    "The firewall blocked the scan from the unknown address.",
    "The director approved the cutover at 09:00 after the dry run passed.",
    "An admin reran the import, which restored the missing orders.",
]


# --- Who is named as the reason, and shame beside one's own act --------------------------

CULPRIT_AND_SHAME = [
    ("Honestly, Bertrand was the reason the nightly export stalled.", "blame_other"),
    ("Gwen is the problem here.", "blame_other"),
    ("I'm the reason the cron failed twice this week.", "self_blame"),
    ("Cringe: I rotated the keys for the whole fleet at once.", "self_blame"),
    ("So embarrassed, I restarted the scheduler in the middle of the batch.", "self_blame"),
    ("Not my best day: I published the draft to every customer.", "self_blame"),
    ("The mistake was entirely mine.", "self_blame"),
    ("I keep making the same silly error with the date format.", "self_blame"),
]

CULPRIT_AND_SHAME_NEGATIVES = [
    "Gwen is the reason the migration finished early.",
    "The reason the export stalled was a lock on the table.",
    "An embarrassing bug in the parser was fixed in 2.1.",
    "Embarrassing: the status page itself went down.",
    "I fixed an embarrassing typo in the docs.",
    "The pleasure was mine.",
]


def test_a_lone_word_and_comma_before_a_pronoun_is_an_opener():
    (clause,) = clauses_of("Frustrated, we rolled back the release.")
    assert clause.agent == "group"
    (clause,) = clauses_of("Yeah, this was my fault.")
    assert clause.agent != OTHER  # "Yeah" is no name


def test_a_contraction_carries_the_verb_of_a_clause_before_a_comma():
    clauses = clauses_of("Well that's awkward, I published the image twice.")
    assert [c.agent for c in clauses][-1] == "self"


# --- A person's work, a verdict of fault, a cause gone wrong, a plea in chat -------------

WORK_FAULT_CAUSE = [
    ("A new contractor's script emptied the staging bucket.", "blame_other"),
    ("Soren's firewall rule is what blocked the payroll sync.", "blame_other"),
    ("The breakage is on the mobile team.", "blame_other"),
    ("The deploy is stuck because Odile merged without rebasing.", "blame_other"),
    ("pls double-check the tag before you publish", "try_harder"),
]

WORK_FAULT_CAUSE_NEGATIVES = [
    "Soren's firewall rule blocks scans from unknown ranges.",
    "The dashboard is on the shared drive.",
    "The deploy is stuck because the runner lost its cache.",
    "pls see the thread above for the timeline",
]


# --- Acts done in the face of a warning, secrets put in reach, lures taken ----------------

DEFIANCE_AND_EXPOSURE = [
    "Viktor shipped the migration despite two warnings from the DBA.",
    "@hanne merged with failing checks again.",
    "Mateo restarted the cluster and skipped the drain step.",
    "The contractor committed the API key to a public fork.",
    "Our bookkeeper clicked the phishing link in the invoice email.",
]

DEFIANCE_AND_EXPOSURE_NEGATIVES = [
    "Viktor shipped the migration despite the short notice, and it went smoothly.",
    "The merge went in with failing checks because the status check had timed out.",
    "The scanner flagged the committed API key within a minute.",
    "The reviewer caught the leaked token in the diff.",
    "Mateo restarted the cluster after the drain step finished.",
]


# --- Ahead of the safeguard, at the riskiest time, singled out by a cleft, composure -------

AHEAD_RISKY_CLEFT = [
    ("Our CTO insisted on launching before the soak test finished.", "blame_other"),
    ("The DBA truncated the audit table during peak hours.", "blame_other"),
    ("Olu merged the hotfix before the review was done.", "blame_other"),
    ("It was Ignacio who disabled the disk alerts.", "blame_other"),
    ("The new on-call panicked and restarted every node.", "blame_other"),
    # Hindsight stays hindsight, whatever the timing.
    ("Wendell shouldn't have merged before the checks passed.", "counterfactual"),
]

AHEAD_RISKY_CLEFT_NEGATIVES = [
    "It was Ignacio who restored the backups.",
    "It was Ignacio who spotted the leak.",
    "Ilse described feeling panicked when the pager went off.",
    "We froze deploys during peak season.",
    "The incident began on a Friday afternoon.",
    "Nobody panicked.",
]


# --- The writer's own slip told with dismay, disbelief or guilt ----------------------------

OWN_SLIP_WITH_FEELING = [
    "Ugh, I merged the stale branch into release.",
    "Dammit, I restarted the wrong shard.",
    "I can't believe I did that, I wiped the cache cluster.",
    "Guilty: I left verbose tracing on in production.",
    "I introduced the regression in the exporter, sorry.",
    "I feel awful, the checkout errors were because of my config change.",
]

OWN_SLIP_WITH_FEELING_NEGATIVES = [
    "Ugh, we found another broken shard.",
    "Ugh, the build is red again.",
    "Crap, the vendor pushed the old tag.",
    "Guilty pleasure: I read postmortems for fun.",
    "I can't believe how quickly the team restored service.",
]


# --- Virtues and four eyes as the fix, steps left untaken, slips as the cause -------------

REMEDIES_STEPS_SLIPS = [
    ("From now on, schema changes must be double-checked by a second engineer.", "try_harder"),
    ("What we need is more discipline around hotfixes.", "try_harder"),
    ("In hindsight, the migration should have been halted at the first error.", "counterfactual"),
    ("The disk warnings kept coming, but no one acted on them.", "counterfactual"),
    ("The outage was caused by an operator mistake.", "human_error"),
    ("A technician's error knocked the storage array offline.", "human_error"),
]

REMEDIES_STEPS_SLIPS_NEGATIVES = [
    "The release was paused at 14:00 while we investigated.",
    "Schema changes must be reviewed by the migration linter before merge.",
    "No one was harmed, and the data was intact.",
    "No one on the rota was paged, because the route was missing.",
]


def test_no_one_is_one_pronoun_before_its_verb():
    (clause,) = clauses_of("No one acted on the warning.")
    assert clause.agent == "nobody"
    assert clause.words[clause.predicate].low == "acted"


# --- Fault said to someone's face, an author without an act, slips of the hand -------------

FAULT_AUTHOR_SLIP = [
    ("Honestly, that is your fault.", "blame_other"),
    ("A contractor did this.", "blame_other"),
    ("Yusuf slipped up during the cutover.", "blame_other"),
    ("Someone at the colo slipped on the keyboard and rebooted the spine switch.", "blame_other"),
    ("I slipped up and tagged the wrong commit.", "self_blame"),
    ("When you run the wipe, you need to be 100% sure which host you are on.", "try_harder"),
]

FAULT_AUTHOR_SLIP_NEGATIVES = [
    "It is not your fault.",
    "The release slipped a week.",
    "A verdict on a merge rebukes whoever did it.",
    "Nobody knows why the cron did that.",
]


# --- Judgements of care and thought, and haste told of one's own act ---------------------

JUDGED = [
    ("Their sloppiness cost us a day of backfills.", "blame_other"),
    ("Whoever set up this cron was clearly not thinking.", "blame_other"),
    ("What were you thinking, @ramon?", "blame_other"),
    ("Frankly the whole rollout was amateur hour.", "blame_other"),
    ("I tagged the release too early, sorry.", "self_blame"),
]

JUDGED_NEGATIVES = [
    "We were not thinking about DST when the schedule was written.",
    "The cache was not thinking ahead.",
    "The flag flipped too early because the clock on the host was skewed.",
]

# --- A mistake that names itself a person's, given as the cause -------------------------

SLIPS_AS_CAUSE = [
    (
        "The page storm was triggered by a wrong date entered by the scheduler on duty.",
        "human_error",
    ),
    ("In the end it boiled down to a small mistake in the runbook copy.", "human_error"),
    ("Honestly a classic case of fat fingers.", "human_error"),
    ("It was a case of an admin pasting the wrong token.", "human_error"),
    ("A misconfiguration by a contractor took the portal offline.", "human_error"),
    ("Root cause: manual misconfiguration of the load balancer.", "human_error"),
    ("The export failed because someone made a typo in the bucket name.", "human_error"),
    ("Operational error on our side delayed the refunds.", "human_error"),
]

SLIPS_AS_CAUSE_NEGATIVES = [
    "The crash was triggered by a wrong value in the config file.",
    "A misconfiguration in the chart defaults took the portal offline.",
    "It was a case of two retries colliding on the same lock.",
]

# --- Hindsight in the passive and in a glance held up as enough --------------------------

PASSIVE_HINDSIGHT = [
    ("A quick look at the queue graph would have shown the backlog.", "counterfactual"),
    ("The cutover went ahead without a rollback plan.", "counterfactual"),
    ("The page was acknowledged and then forgotten.", "counterfactual"),
    ("The ticket was raised twice and never followed up.", "counterfactual"),
    ("With hindsight, the failover was put off too long.", "counterfactual"),
]

PASSIVE_HINDSIGHT_NEGATIVES = [
    "Which deploy went out without a canary, and why did the pipeline allow it?",
    "A quick look at the new dashboard shows the backlog at a glance.",
    "The page was acknowledged and the failover started a minute later.",
    "The job was delayed until the window opened, as planned.",
]

# --- Training and asking first as the remedy ----------------------------------------------

TRAINING = [
    ("This will be covered in the next team training session.", "try_harder"),
    ("Next time, please ask first.", "try_harder"),
]

TRAINING_NEGATIVES = [
    "Please ask in #help if the deploy is stuck.",
    "Training data for the model is covered in the appendix.",
]

# --- More shapes of care left undone, flawed things put in place, apologies for slips ----

MORE_SHAPES = [
    ("The ticket was acknowledged but not acted on for a week.", "counterfactual"),
    ("The ops team let the cert-renewal reminder slide, so the cert expired.", "counterfactual"),
    ("The change checklist wasn't completed before the cutover began.", "counterfactual"),
    ("The patch went out without anyone reading the diff.", "counterfactual"),
    ("The migration was allowed to continue despite the lock warnings.", "counterfactual"),
    ("Reading the release notes would have been enough.", "counterfactual"),
    ("Hollis pushed a bad config to the edge tier.", "blame_other"),
    ("The vendor mixed up the primary and standby addresses.", "blame_other"),
    ("The electrician wired both feeds to the same breaker.", "blame_other"),
    ("Because Brisco dropped the audit table, we can't say who read what.", "blame_other"),
    ("Apologies, I pushed the tag to the wrong remote.", "self_blame"),
    ("oops 🙈 I merged into the wrong base branch", "self_blame"),
    ("I misread the retry docs and that's what caused the thundering herd.", "self_blame"),
]

MORE_SHAPES_NEGATIVES = [
    "The ticket was acknowledged and closed within the hour.",
    "The linter flagged a bad config before the merge.",
    "Because the disk filled, we can't say who read what.",
    "Sorry for the late reply, I pushed the fix to the release branch.",
    "I ran the backfill on the wrong shard first, then on the right one.",
]

# --- Owning the outcome, slips named as things, bots ----------------------------------------

OWNING_AND_SLIPS = [
    ("I take full responsibility for the outage.", "self_blame"),
    ("I've made a real mess of the cutover, sorry all.", "self_blame"),
    ("Typical rookie move, I forgot the LIMIT clause.", "self_blame"),
    ("A fat-fingered entry in the quota file blocked every tenant.", "human_error"),
    ("The inquiry pinned the lost parcels on clerical error.", "human_error"),
    ("We traced the spike to an input error in the nightly import.", "human_error"),
    ("Officials said a staff blunder during the move knocked out ticketing.", "human_error"),
]

OWNING_AND_SLIPS_NEGATIVES = [
    "Excuse the typo above, I meant `eu-west-1`.",
    "Dependabot forgot to regenerate the lockfile, so CI failed.",
    "Everyone fat-fingers a command eventually, so the tool asks for confirmation.",
    "We take responsibility for the checks the pipeline runs.",
]

# --- Remedies that re-send the lesson, pledge care or promise a sanction -----------------

REMEDIES_MORE = [
    ("Never, never restart the primary without a snapshot.", "try_harder"),
    ("Check the target cluster before you apply, please.", "try_harder"),
    ("Reiterate the change policy to every team.", "try_harder"),
    ("You never deploy on a Friday, end of story.", "try_harder"),
    ("Ask a second admin to watch over your shoulder during DNS edits.", "try_harder"),
    ("The platform group is committed to being more careful with quotas.", "try_harder"),
    ("Whoever skips the checklist again will be written up.", "try_harder"),
    ("If you have deploy rights, use them responsibly.", "try_harder"),
]

REMEDIES_MORE_NEGATIVES = [
    "Teams will be held accountable for their SLOs.",
    "The webhook will be fired twice.",
    "You never know which replica answers first.",
    "The platform group is committed to shipping the new quota service in May.",
]

# --- A debt that names a culprit; schedules and impact apologies stay unflagged ----------

DEBTS = [
    ("Whoever scheduled the reindex for Monday noon owes support an apology.", "blame_other"),
]

DEBTS_NEGATIVES = [
    "Everyone, I owe you a writeup of the timeline by Friday.",
    "We missed the 10:00 sync because of the failover; it moves to 14:00.",
    "Really sorry for the disruption, everyone — checkout is back and we're watching it.",
]

# --- Whole real reviews: shapes that are no verdict (read in public postmortems) ---------

REVIEW_PROSE_NEGATIVES = [
    "Q: Why did you not load-test the new fee market before launch?",
    "**Q: Why were the fixes not already part of the release?**",
    "The contractor's account was suspended by the identity provider at 22:04.",
    "Support told the user they would lose access to the wallet after 30 days.",
    "The vendor's team suggested verifying the audit trail for unusual logins.",
    "QuickLog should raise an error when it cannot open its file.",
    "Nothing unusual was found in the logs; we assumed user error at the time.",
    "Billing Terraform IaC accidentally reverted",
    "This was not caught by our unit/integration tests.",
    "No service in staging uses the /v2 path, so we didn't catch the change in testing.",
    "Had we not been monitoring, the stalled nodes would have forked the chain.",
    "Appointing an incident commander could have helped.",
    "Once the cause was validated, a fix went out within the hour.",
    "So far we only have evidence that a few tokens were exposed.",
]

# --- Sarcasm: praise and thanks for the damage ------------------------------------------

SARCASM = [
    ("Thanks Orla, really appreciate you wiping staging an hour before the demo.", "blame_other"),
    ("Stellar rollout from the data crew, only two shards down this time.", "blame_other"),
    ("Kind of the vendor to mention the breaking change after it went down.", "blame_other"),
]

SARCASM_NEGATIVES = [
    "Great job everyone, the outage was resolved in ten minutes.",
    "Perfect rollout, zero errors and nothing down.",
    "I appreciate you taking the pager this weekend.",
]


def test_a_number_with_separators_is_one_word():
    words = [w.text for w in read("Merged 4,000 rows in 2.5 hours", 0, 30).words]
    assert words == ["Merged", "4,000", "rows", "in", "2.5", "hours"]


def test_a_cleft_focus_is_the_agent_of_its_that_clause():
    cleft = clauses_of("It was Halvard's schema tweak that truncated the orders table.")
    assert [c.agent for c in cleft] == ["system", "work"]
    assert cleft[1].words[cleft[1].predicate].low == "truncated"
    assert clauses_of("It was the retry storm that locked the table.")[1].agent == "system"


def test_an_ed_word_between_an_owner_and_work_describes_the_work():
    (clause,) = clauses_of("Brannock's unreviewed migration dropped the rows.")
    assert clause.agent == "work"
    assert clause.words[clause.predicate].low == "dropped"


# --- A person's work in clefts and pseudo-clefts; test things in production; edged habits --

WORK_CLEFTS_AND_HABITS = [
    ("It was Halvard's schema tweak that truncated the orders table.", "blame_other"),
    ("It was the night operator that switched off the replication alarm.", "blame_other"),
    ("Brannock's unreviewed migration is what dropped the audit rows.", "blame_other"),
    ("Tamsin's rushed rollout is why the login page returned 503s.", "blame_other"),
    ("The release lead's call to skip staging is why checkout failed.", "blame_other"),
    ("Ilse seeded the dummy accounts into the production tenant.", "blame_other"),
    ("An analyst ran the sandbox schema against prod during the audit.", "blame_other"),
    (
        "@quill pushed a hand-built image to main and all the workers pulling it started failing.",
        "blame_other",
    ),
    ("Shipped a 12,000-row backfill without a single test?", "blame_other"),
    ("So you just rotate the keys and tell nobody?", "blame_other"),
    ("Honestly, how does someone drop the prod index twice in a month?", "blame_other"),
]

WORK_CLEFTS_AND_HABITS_NEGATIVES = [
    "It was the retry storm that took down the search API.",
    "It was Halvard's patch that restored the replication lag.",
    "It was Marguerite that spotted the lag at 02:10.",
    "Tamsin is why the outage stayed short.",
    "The new connection pool is why the queue backed up.",
    "We promoted the release candidate from staging to production at noon.",
    "The seed job loads sample data into production-like clusters every night.",
    "How does someone request access to the billing replica?",
    "So you just restart the pod?",
    "Nadia merged the retry patch at 09:40 and the export jobs began failing at 09:44.",
    "The import moved 4,000 rows, and 2.5 hours later the report was ready.",
]

# --- Care left undone as a habit or plain to see; names in all-lower-case chat ---------

HABITS_AND_LOWER_CASE = [
    ("Yet again the storage team resized the volumes without telling anyone.", "blame_other"),
    ("The approver didn't read the diff, as usual.", "blame_other"),
    ("As usual, ops skipped the canary and paged nobody.", "blame_other"),
    ("Corwin ought to know better than to patch prod by hand.", "blame_other"),
    ("The approver didn't even open the diff.", "blame_other"),
    ("She didn't test the rollback closely enough.", "blame_other"),
    ("@brisk approved it but did not look too closely at the migration.", "blame_other"),
    ("Even the on-call missed the page.", "counterfactual"),
    ("We didn't test it enough before the release.", "counterfactual"),
    ("ugh omar pushed the wrong tag", "blame_other"),
    ("lena forgot to bump the version", "counterfactual"),
    ("A contractor trenching by the depot severed the line that fed both racks.", "blame_other"),
    ("A clerk at the registrar let the domain lapse, and the shop went dark.", "blame_other"),
    (
        "The port said a staff member renamed the manifests, stranding ships for a day.",
        "blame_other",
    ),
    ("Bertil's quick experiment cost us six hours of downtime.", "blame_other"),
    ("Someone left verbose tracing on in production and the logs ate the disk.", "blame_other"),
    ("It was a rookie error by Quentin that cost us the afternoon.", "blame_other"),
    ("Payroll outage caused by contractor who renamed the share, union says.", "blame_other"),
    ("The comms team pasted the partner list into a public channel.", "blame_other"),
    ("Evidently the supplier flashed the firmware to all units at once.", "blame_other"),
    ("The consultant pushed the schema straight to prod, bypassing review.", "blame_other"),
    ("The analyst's advice to drop the replica is what lost us a week of data.", "blame_other"),
    ("Whoever tuned this cache has never heard of eviction.", "blame_other"),
    ("The trainee chose to restart the broker in the middle of the trading day.", "blame_other"),
]

OWN_TRAITS = [
    ("Honestly I've been sloppy with the rollout notes for weeks.", "self_blame"),
    ("That outage was just me being a clown with the cron syntax.", "self_blame"),
    ("I keep making the same rookie mistakes with the VPN config.", "self_blame"),
    ("Marisol has been careless with the release notes again.", "blame_other"),
]

OWN_TRAITS_NEGATIVES = [
    "I've been careful to keep the rollout notes current.",
    "I keep making the same request to the vendor.",
]

REMEDIES_BY_HAND = [
    (
        "Technicians were told not to unplug anything in the cage without the site lead.",
        "try_harder",
    ),
    ("An extra pair of eyes on each firewall change would prevent this.", "try_harder"),
]

REMEDIES_BY_HAND_NEGATIVES = [
    "Can someone give me a second set of eyes on this record?",
    "A second set of eyes caught the typo before it shipped.",
    "Dana was told not to worry about the alert.",
]

HABITS_AND_LOWER_CASE_NEGATIVES = [
    "The job failed again after the restart.",
    "We restarted the consumers again at 14:10.",
    "Clearly the alert threshold was too high.",
    "The on-call restarted the service again, and it recovered.",
    "Our reviewers always check the migration plan before approving.",
    "omar, can you look at the dashboard",
    "lena deployed 4.2 at noon",
    "The excavator severed the line that fed both racks.",
    "The cache warmup cost us two minutes of latency.",
    "Dana left the feature flag on in staging for testing.",
    "Dana restarted the queue, disrupting nothing.",
    "Let the job run out of retries before paging.",
    "The cost was high, but the migration finished.",
    "It was a schoolboy error by me, and the pipeline now blocks it.",
    "Outage caused by a storage driver bug.",
    "Delays blamed on staff shortages at the depot.",
    "The pipeline deploys to every region at once.",
    "We roll the flag out to all tenants at once by design.",
    "The bot posted the summary to the public channel.",
    "I had never heard of that flag before the incident.",
    "Once the deploy finished, Dana checked the graphs.",
]


def test_a_lower_case_given_name_is_a_person_only_in_a_lower_case_line():
    from unblame.language.lexicon import NAME_MARK, mark_names

    assert mark_names("ugh omar pushed the tag") == f"ugh {NAME_MARK}mar pushed the tag"
    # In a line with capitals, case is meaningful: "omar" there is no name.
    assert mark_names("Then omar pushed the tag") == "Then omar pushed the tag"
    # Without a past-tense verb after it, a lower-case word stays a word.
    assert mark_names("ask omar about it") == "ask omar about it"


# Every family sentence with the category it must get, and every hard negative.
READ_AS = [
    *PHRASE_THEN_VERB,
    *ROLES_AND_CARE,
    *((text, "blame_other") for text in DAMAGE),
    *CULPRIT_AND_SHAME,
    *WORK_FAULT_CAUSE,
    *((text, "blame_other") for text in DEFIANCE_AND_EXPOSURE),
    *AHEAD_RISKY_CLEFT,
    *((text, "self_blame") for text in OWN_SLIP_WITH_FEELING),
    *REMEDIES_STEPS_SLIPS,
    *FAULT_AUTHOR_SLIP,
    *JUDGED,
    *SLIPS_AS_CAUSE,
    *PASSIVE_HINDSIGHT,
    *TRAINING,
    *MORE_SHAPES,
    *OWNING_AND_SLIPS,
    *REMEDIES_MORE,
    *DEBTS,
    *SARCASM,
    *WORK_CLEFTS_AND_HABITS,
    *HABITS_AND_LOWER_CASE,
    *REMEDIES_BY_HAND,
    *OWN_TRAITS,
]
UNFLAGGED = [
    *PHRASE_THEN_VERB_NEGATIVES,
    *ROLES_AND_CARE_NEGATIVES,
    *DAMAGE_NEGATIVES,
    *CULPRIT_AND_SHAME_NEGATIVES,
    *WORK_FAULT_CAUSE_NEGATIVES,
    *DEFIANCE_AND_EXPOSURE_NEGATIVES,
    *AHEAD_RISKY_CLEFT_NEGATIVES,
    *OWN_SLIP_WITH_FEELING_NEGATIVES,
    *REMEDIES_STEPS_SLIPS_NEGATIVES,
    *FAULT_AUTHOR_SLIP_NEGATIVES,
    *JUDGED_NEGATIVES,
    *SLIPS_AS_CAUSE_NEGATIVES,
    *PASSIVE_HINDSIGHT_NEGATIVES,
    *TRAINING_NEGATIVES,
    *MORE_SHAPES_NEGATIVES,
    *OWNING_AND_SLIPS_NEGATIVES,
    *REMEDIES_MORE_NEGATIVES,
    *DEBTS_NEGATIVES,
    *REVIEW_PROSE_NEGATIVES,
    *SARCASM_NEGATIVES,
    *WORK_CLEFTS_AND_HABITS_NEGATIVES,
    *HABITS_AND_LOWER_CASE_NEGATIVES,
    *REMEDIES_BY_HAND_NEGATIVES,
    *OWN_TRAITS_NEGATIVES,
]


@pytest.mark.parametrize(("text", "category"), READ_AS)
def test_each_family_sentence_gets_its_category(text, category):
    assert first_blame_category(text) == category


@pytest.mark.parametrize("text", UNFLAGGED)
def test_each_hard_negative_stays_unflagged(text):
    assert first_blame_category(text) is None
