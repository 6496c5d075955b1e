"""Shapes that real GitHub threads and news writing showed (learned from two probes of
real sentences kept outside the project): a slip owned wherever its owner stands ("an
oversight of mine", "a mistake on Dana's part", "the typo @kiv made"), "why'd you",
a trade worker in a by-phrase, "double checked" written open, a possessive with an
adjective and a noun before the work ("Femi's unreviewed firewall change"), and
remedies that ask for vigilance: "watch out next time", "should be more thoroughly
tested", a checking habit taken up ("now I triple-check"), an imperative about the
reader's own work ("Test your pull requests").

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import clause
from unblame.language.agents import WORK


@pytest.mark.parametrize(
    "text",
    [
        "That was a silly oversight on my part.",
        "Fixes a dumb oversight of mine in the retry loop.",
        "Reverts an embarrassing mistake made by me on Tuesday.",
        "Sorry, my oversight, the flag is back on now.",
        "The first mistake I made was trusting the stale cache.",
        "Fixes my careless typo in the region name.",
    ],
)
def test_a_slip_the_writer_owns_is_self_blame(text: str) -> None:
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reverting Ilse's sloppy little mistake in the rate limiter.",
        "This was a mistake on Marten's part, plain and simple.",
        "Fixing a careless mistake @tovald made in the importer.",
        "A mistake on the part of the night operator left the valve open.",
        "hey why'd you yank the 2.0 release",
        "why’d you delete the staging tag?",
    ],
)
def test_another_persons_slip_or_a_why_d_you_is_blame(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "There's a small mistake in the runbook on page 3; the steps are swapped.",
        "My script errors on startup when the token is missing.",
        "My error budget for the quarter is already spent.",
        "I review my oversight duties with the board every quarter.",
        "Oversight of the vendor's change process was weak.",
        "Why'd the canary pass when the error rate doubled?",
        "Reverting Ilse's config change to restore the old timeout.",
    ],
)
def test_slips_that_nobody_owns_and_questions_about_systems_stay_clean(text: str) -> None:
    assert categories(text) == []


def test_a_trade_worker_after_by_is_a_person() -> None:
    assert "blame_other" in categories(
        "The blackout was caused by one utility worker doing routine maintenance."
    )
    assert "blame_other" in categories("The flood was caused by a maintenance worker.")
    assert categories("The crash was caused by a background worker that ran out of memory.") == []


@pytest.mark.parametrize(
    "text",
    [
        "I should have double checked the target cluster.",
        "Ebba should have double checked the tag before pushing.",
        "I should have triple checked.",
    ],
)
def test_double_checked_written_open_is_still_hindsight(text: str) -> None:
    assert "counterfactual" in categories(text)


def test_words_between_an_owner_and_the_work_keep_it_their_work() -> None:
    text = "Oyelaran's unreviewed firewall change took down the records system."
    first = clause.read(text, 0, len(text)).clauses[0]
    assert first.agent == WORK
    assert "blame_other" in categories(text)
    # "'s" for "has": an object follows the -ed word, which is the verb.
    has = "Oyelaran's deleted the old firewall change."
    assert clause.read(has, 0, len(has)).clauses[0].agent != WORK


@pytest.mark.parametrize(
    "text",
    [
        "We'll watch out for that next time.",
        "Releases should be more thoroughly tested before being pushed.",
        "Migrations should be reviewed more carefully from now on.",
        "Now I triple-check my connection strings.",
        "From now on we double-check the target cluster.",
        "Test your pull requests before merging.",
        "CHECK YOUR CONFIG BEFORE DEPLOYING",
        "Please don't force-push to the release branch.",
        "We should just avoid making the same mistake twice.",
    ],
)
def test_remedies_that_ask_for_vigilance(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Check your email for the invite link.",
        "The CI now checks every PR automatically.",
        "Releases are tested in staging for a day before they reach production.",
        "Now we run the migration checker in CI on every pull request.",
        "Nowadays the deploy tool blocks pushes to the release branch.",
    ],
)
def test_instructions_and_mechanisms_are_not_pleas(text: str) -> None:
    assert "try_harder" not in categories(text)


def test_who_after_a_person_and_a_comma_acts_through_the_person() -> None:
    text = (
        "The trouble began when an operator, who was doing routine maintenance, "
        "mistakenly entered the wrong command."
    )
    clauses = clause.read(text, 0, len(text)).clauses
    assert clauses[-1].agent == "other"
    assert "blame_other" in categories(text)


def test_where_the_person_served_does_not_end_the_subject() -> None:
    text = "One of the technicians on-site swapped the wrong drives in the array."
    assert clause.read(text, 0, len(text)).clauses[0].agent == "other"
    assert "blame_other" in categories(text)
    # "on-call" before the role is part of the role, not where it served.
    oncall = "The on-call build cop entered the rollback command incorrectly."
    assert "blame_other" in categories(oncall)
    assert categories("One of the disks on-site failed during the rebuild.") == []


@pytest.mark.parametrize(
    "text",
    [
        "TIP: when you have two terminals open, make sure you are on the staging one.",
        "Remember, test first and then push.",
        "@odile can you avoid pushing straight to the release branch?",
        "Can you build the docs locally before opening a PR?",
        "Everyone made aware that the freeze starts on Thursday.",
        "I'm gonna be way stricter with my release checklist now.",
        "There should be extra care with the billing migrations.",
        "Please follow the tagging guide to prevent this in the future.",
        "Schedule regular training sessions for the on-call rota.",
    ],
)
def test_vigilance_asked_of_the_reader_or_promised(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Will create a follow up task for fixing this in the future.",
        "Everyone was aware of the freeze.",
        "Can you check the logs on the second node?",
        "We test every PR in CI before merging.",
        "The runbook's first step makes sure the replica is in sync.",
    ],
)
def test_requests_narration_and_mechanisms_are_not_pleas(text: str) -> None:
    assert "try_harder" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Somebody didn't merge the lockfile correctly, I will fix.",
        "The contractor did not configure the firewall properly.",
        "Ansel failed to set the retention flag properly.",
    ],
)
def test_an_act_said_not_to_be_done_right_is_a_slip(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The job didn't run correctly after the upgrade.",
        "Ansel didn't reply right away; he was on another page.",
        "If the operator didn't set it correctly, the validator rejects the plan.",
    ],
)
def test_systems_timing_and_suppositions_are_no_slip(text: str) -> None:
    assert "blame_other" not in categories(text)
