"""The phrasing families of issue 7, one sentence each, written for this file.

Each list pins what the sentence model reads in a family of real-writing shapes
(the slip in the verb or the object, self-reports in chat, remedies that ask people
to try harder, hindsight without "should have", judgements not on a word list,
mistakes named as the cause), and the hard negatives pin what it must leave alone:
the same shapes told as facts, reasons, lucky finds and real questions. None of the
sentences comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze
from unblame.language.finding import BLAME_CATEGORIES


def first_blame_category(text: str) -> str | None:
    found = [f for f in analyze(text) if f.category in BLAME_CATEGORIES]
    return found[0].category.value if found else None


BLAME_OTHER = [
    "The contractor pulled the wrong drive from the array and the volume went read-only.",
    "Our DBA ran the cleanup script against production instead of staging.",
    "A junior admin fat-fingered the netmask and took the whole office offline.",
    "@kowalski pushed a config with a typo in the hostname, which broke DNS for an hour.",
    "The vendor's technician unplugged the wrong power cord.",
    "Management ignored the warnings from the on-call team for weeks.",
    "The developer hardcoded the timeout to 1 second, which caused the cascade.",
    "Why would anyone run a migration on a Friday afternoon?",
    "How did nobody on the team notice the disk filling up for three days?",
    "Whoever approved this change clearly did not understand the schema.",
    "This is what happens when you let amateurs touch production.",
    "Jenkins admin Raoul wiped the build history by accident.",
    "An engineer at the ISP misconfigured a BGP route, taking down half the region.",
    "They deployed on a holiday weekend with nobody on call, which is just negligent.",
    "The sysadmin was incompetent and should never have had root.",
    "Honestly the whole team was asleep at the wheel.",
    "A careless commit by one of the maintainers removed the lock file.",
    "The person who wrote this script had no idea what they were doing.",
    "He ignored three separate alerts before the site went down.",
    "The admin accidentally granted public read access to the bucket.",
    "The person who wrote this script had no idea what they were doing.",
    "Clearly the author doesn't know how DNS works.",
    "How did nobody on the team notice the disk filling up for three days?",
    "Who thought it was a good idea to run this on prod?",
    "Did anyone even test this before shipping it?",
    "Seriously, who approves a PR with 40 failing tests?",
    "Whoever set this up should be kept away from the firewall.",
    "The guy clearly has no business touching production.",
    "What was the on-call doing for the first forty minutes?",
    "Our so-called senior engineer deleted the wrong cluster.",
    "This contractor is a liability and keeps breaking things.",
    "The DBA didn't have a clue about replication lag.",
    "Nice job, @lena, you took down prod again.",
    "It was because someone on the network team added a route to prod.",
    "The outage happened because an engineer on the storage team changed the quota.",
    "The root cause was that a developer merged a change to the retry policy.",
    "This was caused by the DBA running a vacuum on the primary.",
    "It turned out the on-call had restarted the wrong node.",
    "Turns out Kavya pushed the cert to the wrong bucket.",
    "That is entirely on the vendor's support engineer.",
    "The incident was triggered when a technician at the colo pulled the uplink.",
    "The contractor's change took down the payment API for two hours.",
    "The problem was introduced by Jonah's refactor last week.",
    "@vorsk your last commit broke the Windows build again.",
    "This regression was introduced by @mira in #4411, please be more careful.",
    "The previous admin left the S3 bucket public.",
    "Our hosting provider's technician rebooted the wrong rack.",
    "Once again the frontend team pushed an untested build on a Friday.",
    "The night shift operator overrode the safety interlock.",
    "Management chose to skip the load test to hit the launch date.",
    "The release was botched by the packaging team.",
    "Despite multiple warnings, the team proceeded with the upgrade.",
    "The operator went ahead with the purge anyway.",
    "@dlee this release broke all our builds, please test before publishing.",
    "Your change in 3.2 removed the option without a warning, which broke our pipeline.",
    "This is the third time a release has shipped with a broken wheel. Do you even run CI?",
    "The maintainers clearly don't care about backwards compatibility.",
    "Thanks for breaking prod on a Friday, really appreciated.",
    "Great job, you deleted the production database.",
    "Did you actually read the migration before merging it?",
    "You published the wrong tarball to npm.",
    "The airline blamed the outage on a contractor who accidentally cut a fibre cable.",
    "According to the company, a technician disconnected the wrong server during maintenance.",
    "The bank said a staff member had entered an incorrect figure into the system.",
    "The outage was traced to an engineer who pushed a faulty update to thousands of machines.",
    "The council admitted that an officer had sent the file to the wrong address.",
]

SELF_BLAME = [
    "whoops, pushed to the wrong branch, reverting now",
    "My bad, I tagged the release from my fork.",
    "I made a mistake in the migration and dropped the wrong column.",
    "Ugh, rookie mistake on my part, forgot to rebase.",
    "I'm such an idiot, I ran it against prod.",
    "Totally my fault, I should have checked the diff.",
    "I messed up the version bump, sorry everyone.",
    "Sorry, I broke CI with my last commit.",
    "I clearly have no business touching the deploy scripts.",
    "Apologies, that was a careless merge on my end.",
    "I feel terrible, I took down the site for an hour.",
    "Oops, I published the package with the test credentials.",
    "I screwed up the DNS change this morning, fixing it.",
    "I'm the one who deleted the bucket, so this is on me.",
    "I am not good at this, I keep breaking the build.",
    "Mea culpa, I forgot to update the changelog.",
    "That was dumb of me.",
    "I goofed the regex and it matched everything.",
    "I clearly don't know what I'm doing with Kubernetes.",
    "I'm terrible with regex, sorry.",
    "I have no idea what I'm doing here, apologies for the noise.",
    "I'm not cut out for on-call.",
    "This is why I shouldn't be trusted with prod access.",
    "I was being lazy and skipped the tests.",
]

COUNTERFACTUAL = [
    "Someone on the platform team disabled the health checks and forgot to turn them back on.",
    "The operator forgot to pass the dry-run flag and instead rebooted every host.",
    "The engineer who made the change failed to consider the cache.",
    "Looks like someone forgot to bump the version before publishing.",
    "You merged this without waiting for CI, and now main is red.",
    "The team that owns billing shipped a breaking change without telling anyone.",
    "The person on call slept through the pages.",
    "This happened because the on-call didn't read the runbook.",
    "I should know better by now.",
    "The expiry warning was missed by the on-call.",
    "The second alert was overlooked during the handover.",
    "Nobody on the rota thought to check the replica lag.",
    "The reviewer had failed to provide a rollback plan.",
    "The change was merged without anyone running the integration suite.",
    "At no point did anyone verify the backup could be restored.",
    "The team neglected to update the DNS TTL before the migration.",
    "No one bothered to read the upgrade notes.",
    "If only someone had looked at the disk graph.",
    "Had the operator waited for the canary, the outage would not have happened.",
    "The engineer could easily have checked the target before running it.",
    "It would have been trivial to test this in staging.",
    "The responders were slow to escalate to the database team.",
    "Whoever merged #812 didn't run the tests, main has been red since.",
    "You really should have tagged this as a breaking change.",
    "Pinging @ops: someone on your team changed the firewall and didn't tell anyone.",
]

HUMAN_ERROR = [
    "The immediate cause was a mistake by the on-call engineer.",
    "A developer's typo in the manifest took out the ingress.",
    "The root cause was a typo in the load balancer config.",
    "It all came down to a missing comma in the YAML.",
    "The outage was caused by a fat-fingered command on the core switch.",
    "A copy-paste error in the runbook sent traffic to the wrong region.",
    "Cause: operator mistake while rotating keys.",
    "The incident was the result of a misconfiguration during the maintenance window.",
    "Someone's typo took down DNS for an hour.",
    "We lost the data because of a simple mistake in the cleanup script.",
    "The failure was ultimately due to an incorrect value entered in the admin panel.",
    'The postmortem blamed "human error" for the outage.',
]

TRY_HARDER = [
    "Note to self: never run terraform apply before coffee.",
    "I really need to be more careful with force pushes.",
    "I'll be more careful next time, promise.",
    "I need to slow down and read things twice.",
    "Lesson learned: I need to pay more attention.",
    "Action item: remind all engineers to double-check the target cluster before migrating.",
    "Going forward, engineers must get a second pair of eyes on any prod change.",
    "We have asked the team to be extra vigilant during deploys.",
    "The on-call engineer has been coached on the correct procedure.",
    "All developers will complete refresher training on the release process.",
    "Engineers should take more care when editing DNS records.",
    "The fix is for reviewers to actually read the diff.",
    "Staff have been reminded of the change-freeze policy.",
    "We'll send an email to everyone about proper tagging.",
    "Make sure to always check the environment before running commands.",
    "Ops will be more diligent about certificate expiry dates going forward.",
    "Operators need to pay closer attention to the dashboards.",
    "Everyone needs to slow down during incidents.",
]

HARD_NEGATIVES = [
    "The incident began when the on-call engineer deployed version 4.2 to the canary pool.",
    "The outage started when a config change removed the health-check port.",
    "It happened because the retry budget was shared across tenants.",
    "The root cause was that the cache key did not include the region.",
    "The problem was that the alert threshold was set above the peak.",
    "We declared the incident at 14:05, paging the database team.",
    "Priya restarted the consumers, draining the backlog within minutes.",
    "The deploy tool skipped the canary stage because the flag defaulted to off.",
    "The team that owns the gateway rolled back the release at 14:20.",
    "The engineer who noticed the spike opened the incident.",
    "After the rollback, the error rate returned to normal.",
    "When the primary failed over, the replicas lagged by 40 seconds.",
    "Because the runbook was out of date, the responders improvised the failover.",
    "The on-call followed the runbook every step of the way.",
    "Nobody at the colo could reach the rack because the badge reader was down.",
    "The operator did not know the flag applied to every tenant.",
    "The reviewer approved the change after the tests passed.",
    "Dana left the maintenance page up until the migration finished.",
    "We left the old cluster running for a week as a fallback.",
    "The vendor engineer replaced the faulty controller at 03:10.",
    "The script typed the hostname from the inventory, which had a stale entry.",
    "It turned out the certificate had expired on the intermediate CA.",
    "The person on call was paged twice, and acknowledged the second page within a minute.",
    "Marta chose to fail over early, which limited the impact to five minutes.",
    "The support team told customers about the delay within ten minutes.",
    "How did the cache end up with stale keys?",
    "What was the scheduler doing during the freeze?",
    "Why did the alert not fire?",
    "We had no idea the disk was filling because the metric was missing.",
    "The DBA doesn't have access to the production logs, which slowed the diagnosis.",
    "Some engineers have no access to the staging cluster.",
    "We accidentally discovered a second bug while testing the fix.",
    "I accidentally found the root cause while reading an unrelated log.",
    "We inadvertently learned that the replica was serving stale reads.",
    "The process was skipped by design for hotfixes.",
    "Our team ignored the noisy alert because it had fired falsely for weeks, so we retuned it.",
    "The operator overrode the default because the runbook told them to.",
    "She left the feature flag on for the beta users, as planned.",
    "The team that runs billing was paged at 14:02.",
    "Whoever is on call gets the page first.",
    "He had no access to the dashboard, so he asked in the channel.",
    "The old runbook should be kept away from new hires until it is rewritten.",
    "Someone at the ISP rerouted traffic, which restored service.",
    "Because the deploy tool retried, the partial rollout finished on its own.",
]


# Every family sentence with the category it must get.
READ_AS = [
    *((text, "blame_other") for text in BLAME_OTHER),
    *((text, "self_blame") for text in SELF_BLAME),
    *((text, "counterfactual") for text in COUNTERFACTUAL),
    *((text, "human_error") for text in HUMAN_ERROR),
    *((text, "try_harder") for text in TRY_HARDER),
]


@pytest.mark.parametrize(("text", "category"), READ_AS)
def test_each_family_sentence_gets_its_category(text, category):
    assert first_blame_category(text) == category


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_stay_unflagged(text):
    assert first_blame_category(text) is None


def test_firing_the_person_held_responsible_is_both_blame_and_a_punitive_remedy():
    # The sanction is a punitive remedy (try_harder) and "the engineer responsible for the
    # outage" makes a person the cause (blame_other): both findings, the sanction first.
    found = {
        f.category.value
        for f in analyze("The company fired the engineer responsible for the outage.")
    }
    assert {"blame_other", "try_harder"} <= found
