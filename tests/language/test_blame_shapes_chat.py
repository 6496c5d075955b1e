"""Blame in the register of issue threads and incident chat (learned on shapes-train5):
questions without a question mark, sarcasm with emoji, "is on @x", "the one who", harm
in headline present tense, and a pull request named as the subject.

Sentences are written for this file; the names and handles in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import agents, clause


@pytest.mark.parametrize(
    "text",
    [
        "why did you delete the v3 tag, half our mirrors are broken now",
        "@tamsk why did you rewrite the history on develop",
        "ok which of you wiped the feature flags table",
        "who on earth deleted the release-4.1 branch",
        "who thought it was fine to tag 2.0.1 from a dirty checkout",
        "gg @tamsk, prod is down",
        "great job @tamsk, half the customers can't log in now",
        "nice one tamsin 👏 the entire eu fleet is offline",
        "Thank you @tamsk for force-pushing over my branch, really appreciated.",
        "yeah @tamsk is the one who wiped the shared volume",
        "checkout was down for forty minutes due to @tamsk",
        "Wystan bears the blame for the lost orders.",
        "the broken release is on @tamsk, not the pipeline",
        "@tamsk is responsible for breaking the public API in a minor release.",
        "we spent the weekend undoing whatever @tamsk did to the build farm",
        "Every time @tamsk touches the CI config, the whole pipeline goes down.",
        "@tamsk wiped the tags and left us to clean up his mess.",
        "@tamsk can't be trusted anywhere near the release branch.",
        "you rewrote the public history and now none of our forks can sync",
        "Wystan's cleanup script is why the backups bucket is empty.",
        "Contributor's force-push erases three months of history",
        "@tamsk's merge of the upstream branch reintroduced the auth bypass",
    ],
)
def test_blame_in_threads_and_chat(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "#2211 broke the arm64 build; a fix is in #2215.",
        "gg everyone, great game last night",
        "why did you choose Postgres for this",
        "who is on call tonight",
        "The outage was due to the storage array firmware.",
        "The meeting is on @tamsk's calendar.",
        "The cleanup script is why the bucket is empty.",
        "Thank you @tamsk for fixing my branch, really appreciated.",
    ],
)
def test_no_blame_in_threads_and_chat(text: str) -> None:
    assert "blame_other" not in categories(text)


def test_a_pull_request_number_is_the_subject_not_a_heading_mark() -> None:
    text = "#2211 broke the arm64 build."
    first = clause.read(text, 0, len(text)).clauses[0]
    assert first.agent == agents.SYSTEM
    heading = "# Broke the build"
    assert clause.read(heading, 0, len(heading)).clauses[0].agent == agents.ELIDED


# --- learned on shapes-train6: habits, others left to clean up, fault placed --------------


@pytest.mark.parametrize(
    "text",
    [
        "Whenever Rosalind touches the deploy scripts, somebody gets paged at 3am.",
        "Ignatius has a habit of pushing breaking changes on a Friday.",
        "Oswin drops a huge commit at 5pm and leaves the rest of us to revert it.",
        "We're still cleaning up Yusra's mess from the weekend cutover.",
        "He merges on his way out and we spend the evening cleaning up after him.",
        "Pain point: @ilse's untested commits keep breaking the mobile build.",
        "ty @hedda for breaking search on a friday 🙄",
        "If this were my company, Gudrun would be out of a job for what she did.",
        "The production bucket was emptied by someone on the analytics team.",
        "Checkout was taken down by Ottilie's untested feature flag.",
        "Make no mistake, the data loss is on the contractor.",
        "Responsibility for the corrupted exports lies with Tiberius and nobody else.",
        "Which genius on the data team decided to reindex during peak hours?",
        "Quillon has no idea how replication works.",
        "Whoever wrote that cron job has no business writing cron jobs.",
        "It was Percival who pulled the power on rack 12.",
        "Retro note: Kwabena left the sandbox server a mess.",
        "Contractor's late-night change knocks 300,000 homes off broadband",
        "Four of the last six outages trace back to @caspian's deploys.",
        "Another lost weekend, thanks to Saoirse's 'small tweak' to the rate limiter.",
        "Alistair's rewrite of the retry loop hammered the auth service into the ground.",
    ],
)
def test_blame_learned_on_train6(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Whenever the cache is cold, somebody gets paged.",
        "The retry job has a habit of firing twice.",
        "The bot leaves the rest of us a summary every morning.",
        "Responsibility for the exports lies with the data team.",
        "The production bucket was emptied by the lifecycle rule.",
        "Ravi pulled the logs from the bastion.",
        "Four of the last six outages trace back to the same flaky switch.",
        "Thanks to Saoirse's tweak, the rate limiter now holds.",
    ],
)
def test_no_blame_in_the_train6_shapes(text: str) -> None:
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I pushed the change without a canary because the window was closing.", False),
        ("I pushed the change without a canary.", True),
    ],
)
def test_the_writers_act_without_a_safeguard_and_the_reason_for_it(
    text: str, flagged: bool
) -> None:
    assert ("counterfactual" in categories(text)) is flagged


def test_no_pattern_holds_a_quantifier_that_an_f_string_turned_into_a_tuple() -> None:
    # A rule pattern written as an rf-string must double the braces of "{0,3}"; single
    # ones make Python print the tuple "(0, 3)" into the regex, which then never matches.
    import re

    from unblame.language import RULES

    for rule in RULES:
        checks = rule.pattern if isinstance(rule.pattern, tuple) else (rule.pattern,)
        for check in checks:
            text = getattr(check, "pattern", check)
            if isinstance(text, str):
                assert not re.search(r"\(\d+, \d*\)", text), rule.code


# --- learned on shapes-train7 --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A junior developer emptied the orders table while testing against the live database.",
        "ok who broke the build again and went home",
        "Two days of degraded search, and all of it is Wystan's doing.",
        "Wystan's migration locked the shipments table for an hour.",
        "Make no mistake, Wystan is responsible for this outage.",
        "The agency blamed an individual engineer for the 911 outage.",
        "The DBA dropped the loyalty schema and 90,000 members lost their points.",
        "The queue was flooded by Wystan, who replayed a week of events at once.",
        "Thanks to Wystan's little experiment, customers got 38,000 duplicate emails.",
        "The DNS outage came straight out of Wystan's cleanup script.",
        "The outage was caused by Wystan deleting the primary replica.",
    ],
)
def test_blame_learned_on_train7(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are not looking for someone to blame for the certificate expiry.",
        "We don't blame the engineer for the outage.",
        "Wystan is responsible for the billing service.",
        "The queue was flooded by a retry storm.",
        "Wystan's migration added an index to the shipments table.",
        "The outage was caused by a disk filling up.",
        "ok who is around to review the build fix",
    ],
)
def test_no_blame_in_the_train7_shapes(text: str) -> None:
    assert "blame_other" not in categories(text)
