"""What real threads say without blaming anyone, learned from probes of real writing
kept outside the project: a condition still open where the words stand (supposed,
not told), "couldn't have known" (the writer or another could not have: the opposite
of hindsight), trying a method next time, a setting that takes the choice away, and a
check the system was to make.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language import surroundings


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, if a new hire wipes the database on day one, the access model is the problem.",
        "If some contractor broke the build, the pipeline should have stopped the merge.",
        "Outages would still happen even if being a bit more careful, and that is what CI is for.",
        "If you've never taken production down then you probably never had the access to.",
        "Sorry if my message caused any confusion earlier.",
    ],
)
def test_what_a_condition_supposes_is_not_told(text: str) -> None:
    assert not {"blame_other", "self_blame", "human_error", "try_harder"} & set(categories(text))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The condition is past perfect: it tells what happened, in hindsight.
        ("If Orla hadn't deleted the table, we would be fine.", "counterfactual"),
        # The verdict comes after the condition closes.
        ("If somebody has to be blamed, it's me.", "self_blame"),
        # The condition follows the verdict.
        ("Orla wiped the shared staging database, if you can believe it.", "blame_other"),
    ],
)
def test_what_is_told_beside_a_condition_still_counts(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tobiah couldn't have known the flag was global.",
        "Without a fresh install I couldn't have caught it.",
        "She could not have seen the second region from that dashboard.",
    ],
)
def test_could_not_have_says_it_was_not_possible(text: str) -> None:
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I could have checked the region first.",
        "Tobiah could have caught it with one look at the diff.",
        "Couldn't you have checked before merging?",
    ],
)
def test_could_have_still_judges_in_hindsight(text: str) -> None:
    assert "counterfactual" in categories(text)


def test_trying_a_method_is_not_a_promise_to_try_harder() -> None:
    assert categories("Resetting the local branch is gentler, I'll try that next time!") == []
    assert "try_harder" in categories("We'll try to be more careful with tags.")
    assert "try_harder" in categories("I'll try harder next time.")


def test_a_setting_that_takes_the_choice_away_is_a_mechanism() -> None:
    text = "You can configure the host so that you can't push to main without passing checks."
    assert categories(text) == []
    assert "counterfactual" in categories("Ines pushed to main without the checks passing.")


def test_a_check_the_system_was_to_make_is_not_a_neglect() -> None:
    text = "The error was new to us, so it was not checked for in our automated monitoring."
    assert categories(text) == []
    neglected = "The canary results were not checked before the second wave."
    assert "counterfactual" in categories(neglected)


@pytest.mark.parametrize(
    "text",
    [
        "'Operator error' led to the payroll outage, the council said.",
        "Yet 'human error' on Monday resulted in a six-hour outage.",
        "The carrier blamed the outage on an “unfortunate human error” that dropped a core router.",
        'The cause, according to the vendor, was "human error."',
    ],
)
def test_a_label_in_scare_quotes_given_as_the_cause_is_used(text: str) -> None:
    assert "human_error" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We avoid 'human error' as a root cause.",
        "The phrase 'human error' was banned from our templates.",
        "Our old form had a 'human error' checkbox that nobody questioned.",
    ],
)
def test_a_label_in_quotes_talked_about_is_a_mention(text: str) -> None:
    assert "human_error" not in categories(text)


def test_a_hedge_opens_and_the_work_after_it_is_judged() -> None:
    text = "@ren looks like your PR was not properly tested and main is failing."
    assert "counterfactual" in categories(text)
    assert categories("It looks like the cache expired before the deploy.") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("@ren this is the 3rd time you merged your own PRs.", "blame_other"),
        ("That's the second time Ilse has pushed straight to main.", "blame_other"),
        ("please don't ever delete published releases!", "try_harder"),
        ("You're right, this is 100% on me.", "self_blame"),
    ],
)
def test_tallies_pleas_and_owning_it_in_full(text: str, category: str) -> None:
    assert category in categories(text)


def test_a_tally_of_ones_own_sightings_is_not_blame() -> None:
    assert categories("This is the second time I've seen this error this week.") == []


# --- Where a condition closes (surroundings.supposed, unit) ------------------------------------


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("If the intern drops the table, the restore job runs.", "intern drops the table"),
        ("If the intern drops the table then the restore job runs.", "intern drops the table"),
        ("Unless an operator forgets the flag the gate holds.", "operator forgets the flag"),
    ],
)
def test_a_span_before_the_condition_closes_is_supposed(text: str, words: str) -> None:
    start, end = _span(text, words)
    assert surroundings.supposed(text, 0, start, end)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # The comma closes the condition inside the span: the end of it is told.
        ("If anyone asks, Ravi dropped the table.", "asks, Ravi dropped the table"),
        # Hindsight in the past perfect tells what happened.
        ("If the intern had checked the host, the table would be there.", "intern had checked"),
        # The past perfect after the span, still inside the condition, counts too.
        ("If the intern dropped it and had not told anyone, we would know.", "intern dropped it"),
        ("Ravi dropped the table.", "Ravi dropped the table"),
    ],
)
def test_a_span_the_condition_does_not_hold_is_told(text: str, words: str) -> None:
    start, end = _span(text, words)
    assert not surroundings.supposed(text, 0, start, end)
