"""What a match's surroundings say about it, asked of the module directly.

The analyzer asks these questions of every match; here each answer is checked on
the project's own sentences, both ways, so that a change to one reading shows
where it lands before it shows in the findings.
"""

from __future__ import annotations

from unblame.language import surroundings
from unblame.language.finding import Category
from unblame.language.registry import RULES


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_a_term_in_short_quotes_is_mentioned_and_the_same_term_bare_is_used():
    quoted = 'We stopped writing "human error" in our reviews.'
    bare = "We stopped the rollout after a human error in the config."
    assert surroundings.mentioned(quoted, *_span(quoted, "human error"))
    assert not surroundings.mentioned(bare, *_span(bare, "human error"))


def test_a_quoted_term_given_as_the_cause_still_counts_as_the_cause():
    text = "The cause of the outage was a 'human error' in the deploy."
    start, end = _span(text, "human error")
    assert surroundings.given_as_cause(text, start, end)
    talked_about = "Our guide explains why 'human error' is a poor label."
    assert not surroundings.given_as_cause(talked_about, *_span(talked_about, "human error"))


def test_a_quoted_word_right_before_a_role_is_an_epithet_on_that_person():
    text = "The 'genius' contractor pushed to the main branch."
    end = text.index("genius") + len("genius")
    assert surroundings.applied_to_person(text, end)
    text = "The 'genius' feature flag was left on."
    end = text.index("genius") + len("genius")
    assert not surroundings.applied_to_person(text, end)


def test_negation_just_before_a_span_denies_it_and_an_assertion_does_not():
    denied = "This was not the operator's fault."
    start = denied.index("the operator")
    assert surroundings.negated(denied, 0, start)
    asserted = "Make no mistake, the operator's fault is clear."
    assert not surroundings.negated(asserted, 0, asserted.index("the operator"))


def test_an_open_condition_supposes_and_a_past_perfect_one_tells_hindsight():
    supposed = "If the on-call engineer deletes the table, the backup restores it."
    start, end = _span(supposed, "the on-call engineer deletes the table")
    assert surroundings.supposed(supposed, 0, start, end)
    hindsight = "If the on-call engineer had checked the table, nothing would have broken."
    start, end = _span(hindsight, "the on-call engineer had checked")
    assert not surroundings.supposed(hindsight, 0, start, end)


def test_a_span_after_its_closed_condition_is_told_not_supposed():
    text = "If anyone should take the blame for the rollback, it is me."
    start, end = _span(text, "it is me")
    assert not surroundings.supposed(text, 0, start, end)


def test_they_after_plural_things_are_things_and_after_people_are_people():
    things = "When the replicas restarted they failed to rejoin the cluster."
    start, end = _span(things, "they failed to rejoin")
    assert surroundings.they_are_things(things, 0, start - 1, end)
    people = "When the reviewers approved the change they failed to read the diff."
    start, end = _span(people, "they failed to read")
    assert not surroundings.they_are_things(people, 0, start - 1, end)


def test_people_in_general_as_the_agent_judge_nobody():
    general = "Sometimes an engineer forgets a step when the pager goes off at night."
    assert surroundings.people_in_general(general, 0, len(general), general.index("an engineer"))
    one = "The release manager skipped the canary stage."
    assert not surroundings.people_in_general(one, 0, len(one), one.index("The release"))


def test_a_remedy_inside_a_short_quotation_is_named_not_asked():
    remedy = next(rule for rule in RULES if rule.category is Category.TRY_HARDER)
    other = next(rule for rule in RULES if rule.category is Category.BLAME_OTHER)
    text = "If the answer is 'be more careful', we have not found the gap."
    end = text.index("careful") + len("careful")
    assert surroundings.quoted_remedy(remedy, text, end)
    assert not surroundings.quoted_remedy(other, text, end)
    plain = "Be more careful when merging."
    assert not surroundings.quoted_remedy(remedy, plain, plain.index("careful") + 7)
