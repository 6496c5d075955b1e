"""How a clause's act is framed: each cue on clauses that carry it and ones that do not.

Sentences are written for this file. `Pemberton` is an invented name.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze, clause, cues
from unblame.language.agents import AGENTS, ELIDED, OTHER, SELF


def categories(text: str) -> list[str]:
    """The categories of every finding on `text`, in order (shared by the shape tests)."""
    return [f.category.value for f in analyze(text)]


def cue(text: str, name: str) -> str | None:
    """The words the first clause carrying cue `name` points at, or None."""
    sentence = clause.read(text, 0, len(text))
    for c in sentence.clauses:
        found = cues.CUES[name](sentence, c)
        if found is not None:
            return text[found[0] : found[1]]
    return None


# --- slip and blunder ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pemberton accidentally truncated the ledger table.", "accidentally"),
        ("Pemberton mislabeled the volume.", "mislabeled"),
        ("Pemberton misconfigured the proxy.", "misconfigured"),
        ("Pemberton fat-fingered the port number.", "fat-fingered"),
        ("Pemberton made a small mistake in the config.", "made a small mistake"),
        ("Pemberton deleted the archive by mistake.", "by mistake"),
        ("I hastily approved the migration.", "hastily"),
        ("Pemberton didn't pick the right cluster.", "n't pick the right"),
        ("I was not setting the correct variable.", "not setting the correct"),
    ],
)
def test_a_blunder_is_in_the_verb_or_a_phrase_about_the_act(text, words):
    assert cue(text, "blunder") == words
    # Every blunder is a slip too.
    assert cue(text, "slip") == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pemberton restarted the wrong replica.", "the wrong"),
        ("Pemberton pushed untested code to production.", "pushed untested"),
        ("Pemberton pushed a faulty update to the fleet.", "pushed a faulty update"),
        ("Pemberton applied the firewall rule too broadly.", "too broadly"),
        ("Pemberton drained node four instead of node five.", "instead of"),
        ("Pemberton left the staging bucket public.", "left the staging bucket public"),
        ("Pemberton left port 22 open to the world.", "left port 22 open to the world"),
    ],
)
def test_a_slip_may_be_in_the_object_of_the_act(text, words):
    assert cue(text, "slip") == words
    assert cue(text, "blunder") is None


@pytest.mark.parametrize(
    "text",
    [
        # The response to a fault is not the slip.
        "Pemberton rolled back the faulty config.",
        "Pemberton found the faulty config.",
        # Conditions, modals and denials speak of acts that did not happen.
        "The lock ensures nobody can accidentally overwrite it.",
        "Pemberton did nothing wrong.",
        "Pemberton never mistyped anything.",
        "Locks prevent anyone from accidentally dropping a table.",
        "If an operator mistakenly drains the pool, the canary catches it.",
        # "mismatched" describes a thing, not an act.
        "The mismatched versions broke the build.",
        # Plain narration.
        "Pemberton restarted the replica at noon.",
        # A condition, and having is no act of choosing.
        "If you do not set the correct flag, the job fails.",
        "Pemberton did not have the right access to the console.",
    ],
)
def test_no_slip_where_nothing_was_done_wrong(text):
    assert cue(text, "slip") is None


def test_they_needs_a_blunder_not_just_a_wrong_object():
    # "They" is often tools in technical writing.
    assert cue("They restarted the wrong replica.", "slip") is None
    assert cue("They accidentally dropped the index.", "slip") == "accidentally"


# --- omission -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pemberton didn't check the dashboard.", "didn't check"),
        ("Pemberton did not even look at the diff.", "did not even look"),
        ("Pemberton failed to verify the backup.", "failed to verify"),
        ("Pemberton forgot to renew the certificate.", "forgot to renew"),
        ("Pemberton missed the alert.", "missed the alert"),
        ("We skipped the canary stage.", "skipped the canary"),
        ("Pemberton approved it but maybe has not read it too closely.", "not read it too closely"),
        ("The on-call slept through three pages.", "slept through"),
        ("The responders were slow to escalate it.", "were slow to escalate"),
        ("Nobody noticed the disk filling.", "noticed"),
        ("Pemberton merged it without running the tests.", "without running"),
    ],
)
def test_care_left_undone_is_an_omission(text, words):
    assert cue(text, "omission") == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pemberton skipped the canary stage.", "skipped the"),
        ("The DBA simply ignored both warnings.", "simply ignored both"),
        ("Ops bypassed the approval step.", "bypassed the"),
        ("Pemberton decided to skip the soak test.", "decided to skip the"),
        ("Despite the warnings, Pemberton went ahead.", "went ahead"),
    ],
)
def test_another_persons_step_set_aside_is_disregard_not_omission(text, words):
    # "Ignored" and "skipped" tell of a choice: a verdict (UB106), not hindsight.
    assert cue(text, "disregard") == words
    assert cue(text, "omission") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("It broke because Pemberton lowered the quota.", "Pemberton lowered"),
        ("The outage was triggered when the operator pulled the uplink.", "the operator pulled"),
        ("The root cause was that a developer merged it early.", "a developer merged"),
        ("It broke because someone at the vendor rotated it.", "someone at the vendor rotated"),
        ("The issue was that Pemberton forgot the renewal.", "Pemberton forgot"),
    ],
)
def test_a_persons_plain_act_given_as_the_cause_is_cause(text, words):
    assert cue(text, "cause") == words


@pytest.mark.parametrize(
    "text",
    [
        # The act is a response, a perception, or the cause is a thing.
        "The incident was declared when Pemberton noticed the error rate.",
        "We rolled back because Pemberton saw the latency climb.",
        "It broke because the quota was lowered by the cleanup job.",
        # No outcome before the clause: a reason, not a cause.
        "Pemberton owns the runbook because she wrote the service.",
        # "began when" tells the time of an act, not its part in the outcome.
        "The incident began when the on-call engineer deployed version 4.2.",
        # "that" after no noun naming a cause.
        "The runbook said that Pemberton restarted it at noon.",
        # The act did not happen.
        "It failed because nobody could have restarted it in time.",
    ],
)
def test_a_response_a_reason_or_a_things_act_is_no_cause(text):
    assert cue(text, "cause") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pemberton doesn't even know how the cache works.", "doesn't even know how"),
        ("The contractor had no idea what she was doing.", "had no idea what she was doing"),
        ("The vendor's DBA has no clue about replication.", "has no clue"),
        ("The new admin didn't have the faintest idea.", "didn't have the faintest idea"),
        ("That intern shouldn't be allowed near prod.", "shouldn't be allowed near"),
        ("Whoever set this up should stay away from DNS.", "should stay away from"),
        ("Pemberton can't even read a stack trace.", "can't even read"),
        ("Pemberton had no idea what he was doing.", "had no idea what he was doing"),
        ("I have no idea what I'm doing with Helm.", "have no idea what I'm doing"),
        ("I can't even read a diff.", "can't even read"),
        ("The maintainers don't care about old releases.", "don't care about"),
    ],
)
def test_a_verdict_on_what_a_person_can_do_is_incompetence(text, words):
    assert cue(text, "incompetence") == words


@pytest.mark.parametrize(
    "text",
    [
        # What someone did not know then is the context a review wants.
        "Pemberton didn't know the flag was shared by every tenant.",
        "The on-call had no idea the replica was behind.",
        # Puzzlement about an event, or a pronoun that is the real subject.
        "Pemberton has no clue how this happened either.",
        "@pemberton lol, I have no clue about that one.",
        # A condition.
        "If the operator doesn't know how to roll back, the runbook should say.",
        # Said of oneself, not knowing how something works is honesty.
        "I don't know how the cache works yet.",
        "@pemberton I don't understand how this is possible.",
    ],
)
def test_not_knowing_at_the_time_or_puzzlement_is_no_incompetence(text):
    assert cue(text, "incompetence") is None


@pytest.mark.parametrize(
    "text",
    [
        "The scheduler skipped the run because the lock was held.",
        "Pemberton dismissed.",
        "The loader ignored blank lines.",
    ],
)
def test_a_system_skipping_or_a_verb_without_an_object_is_no_disregard(text):
    assert not [f for f in analyze(text) if f.rule == "UB106"]


@pytest.mark.parametrize(
    "text",
    [
        "The on-call ignored the noisy alert because it had fired falsely for weeks.",
        "The operator overrode the default, as the runbook asked.",
        "Pemberton skipped the canary on purpose for the hotfix.",
    ],
)
def test_setting_a_step_aside_for_a_reason_given_is_no_disregard(text):
    assert cue(text, "disregard") is None


@pytest.mark.parametrize(
    "text",
    [
        "We accidentally discovered a second bug while testing the fix.",
        "We inadvertently learned that the replica served stale reads.",
    ],
)
def test_a_lucky_find_is_no_accident(text):
    assert cue(text, "accident") is None
    assert analyze(text) == []


def test_a_step_skipped_by_design_is_no_neglect():
    assert cue("The soak test was skipped by design for hotfixes.", "neglect") is None


@pytest.mark.parametrize(
    "text",
    [
        "Pemberton forgot to mention the outage.",
        # The system's part is given: no verdict on the people.
        "No alert was configured, so nobody noticed the disk filling.",
        "Nobody noticed because the page went to an archived channel.",
        # Introduces what was unknown.
        "What we didn't realise was that the disk was full.",
        "Pemberton checked the dashboard twice.",
    ],
)
def test_explained_or_mentioned_things_are_no_omission(text):
    assert cue(text, "omission") is None


# --- harm, damage and wreck ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pemberton deployed on Friday, which took down checkout.", ", which took down"),
        ("Pemberton restarted the primary, causing a failover.", ", causing"),
        ("Pemberton resized the pool, leading to dropped requests.", ", leading to"),
    ],
)
def test_an_act_tied_to_the_outcome_that_followed_is_harm(text, words):
    assert cue(text, "harm") == words


@pytest.mark.parametrize(
    "text",
    [
        # A good outcome follows.
        "Pemberton deployed the fix, which restored checkout.",
        # An event, not a deliberate act.
        "The disk filled, which took down checkout.",
        "Pemberton restarted the primary at noon.",
    ],
)
def test_no_harm_without_an_act_and_a_bad_outcome(text):
    assert cue(text, "harm") is None


@pytest.mark.parametrize(
    ("text", "damage", "wreck"),
    [
        ("Pemberton broke the staging cluster.", "broke", "broke"),
        ("Pemberton took the API down.", "took the API down", "took the API down"),
        ("Pemberton wiped the table.", "wiped", None),
        ("Pemberton deleted the old snapshots.", "deleted", None),
        ("Pemberton bricked the router.", None, "bricked"),
    ],
)
def test_damage_and_wreck_read_the_verb_itself(text, damage, wreck):
    assert cue(text, "damage") == damage
    assert cue(text, "wreck") == wreck


@pytest.mark.parametrize(
    "text",
    [
        "Pemberton broke down the problem into steps.",
        "Pemberton restored the table.",
    ],
)
def test_verbs_that_wreck_nothing_are_no_wreck(text):
    assert cue(text, "wreck") is None


# --- hindsight and neglect ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pemberton should have read the runbook.", "should have read"),
        ("Pemberton could have known.", "could have known"),
        ("Pemberton clearly should have waited.", "clearly should have waited"),
        # The participle dropped, as writers often do.
        ("Pemberton should have bump the version.", "should have bump"),
        ("Pemberton should've check the tag.", "should've check"),
        # A reproach in the present.
        ("Pemberton could at least wait for one review.", "could at least wait"),
        ("Pemberton should know better.", "should know better"),
    ],
)
def test_should_have_judges_a_choice_with_hindsight(text, words):
    assert cue(text, "hindsight") == words


def test_a_contracted_should_have_after_a_name_is_hindsight():
    assert cue("Pemberton should've paged the owner.", "hindsight") == "should've paged"


def test_a_safeguard_that_prevents_a_slip_is_no_slip():
    assert cue("The wrapper prevents anyone from accidentally dropping a table.", "slip") is None


@pytest.mark.parametrize(
    "text",
    [
        "Pemberton should read the runbook.",
        "Pemberton read the runbook.",
        "Pemberton should have the runbook open.",
        "The canary could at least in theory catch it.",
    ],
)
def test_no_hindsight_without_a_past_counterfactual(text):
    assert cue(text, "hindsight") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The warning was ignored.", "was ignored"),
        ("The runbook was not followed.", "was not followed"),
        ("The regression should have been caught.", "should have been caught"),
        ("The ticket wasn't escalated.", "wasn't escalated"),
        ("The rebase could have been aborted.", "could have been aborted"),
        ("It was merged without anyone running it.", "was merged without anyone running"),
    ],
)
def test_a_passive_of_care_left_undone_is_neglect(text, words):
    assert cue(text, "neglect") == words


@pytest.mark.parametrize(
    "text",
    [
        # Things that run by themselves.
        "The job was skipped.",
        "The nightly build was skipped.",
        # The missing safeguard is named: what a review wants.
        "The regression should have been caught by our tests.",
        "The runbook was followed.",
        # A guess about attention, not a step someone could have taken.
        "The page could have been noticed earlier.",
    ],
)
def test_scheduled_runs_and_named_safeguards_are_no_neglect(text):
    assert cue(text, "neglect") is None


# --- plea and accusation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I'll try harder next time.", "I'll try"),
        ("Reviewers must double-check each flag flip.", "Reviewers must double-check"),
        ("Please bump the version next time.", "Please bump"),
        ("Always run the linter.", "Always run"),
        ("Contributors must not merge their own PRs.", "must not merge"),
        ("We need to be more careful with flags.", "We need to be more careful"),
        ("Tooling is needed to ensure we follow the steps.", "ensure we follow"),
        ("The fix is for reviewers to read the diff.", "fix is for reviewers to"),
        ("Reviewers will follow the checklist every time.", "follow the checklist every time"),
        (
            "We must check the flags on a staging (or canary) deploy every time we ship.",
            "must check the flags on a staging (or canary) deploy every time we",
        ),
        (
            "Double-checking the dose with a colleague may help.",
            "Double-checking the dose with a colleague may help",
        ),
    ],
)
def test_a_remedy_asking_people_to_try_harder_is_a_plea(text, words):
    assert cue(text, "plea") == words


@pytest.mark.parametrize(
    "text",
    [
        "We should add a pre-merge check.",
        "Contributors must add a changelog entry through the bot.",
        "The pipeline runs the linter on every push.",
    ],
)
def test_building_a_safeguard_is_no_plea(text):
    assert cue(text, "plea") is None


@pytest.mark.parametrize(
    "text",
    ["Did you even test it?", "@pell-3 merged it without a review?"],
)
def test_an_edged_question_about_a_past_act_is_an_accusation(text):
    assert cue(text, "accusation") == text


@pytest.mark.parametrize(
    "text",
    [
        "Why is the dashboard red?",
        "Did you even test it.",
        "Could you test it without a review?",
    ],
)
def test_plain_questions_and_statements_are_no_accusation(text):
    assert cue(text, "accusation") is None


# --- find: agents and cues together -------------------------------------------------------


def test_find_yields_spans_from_the_agent_to_the_cue():
    text = "Pemberton accidentally truncated the table."
    sentence = clause.read(text, 0, len(text))
    spans = list(cues.find(sentence, frozenset({OTHER}), "blunder"))
    assert [text[a:b] for a, b in spans] == ["Pemberton accidentally"]


def test_find_skips_clauses_whose_agent_is_not_asked_for():
    text = "Pemberton accidentally truncated the table."
    sentence = clause.read(text, 0, len(text))
    assert list(cues.find(sentence, frozenset({SELF}), "blunder")) == []


def test_an_elided_blunder_counts_only_when_the_line_leads_with_it():
    lead = "Accidentally truncated the ledger."
    late = "Truncated the ledger table in the morning by accident."
    for text, expected in ((lead, 1), (late, 0)):
        sentence = clause.read(text, 0, len(text))
        assert len(list(cues.find(sentence, frozenset({ELIDED}), "blunder"))) == expected


def test_find_in_reads_a_window_of_a_document():
    document = "All fine here. Pemberton misconfigured the proxy. Done."
    lo = document.index("Pemberton")
    hi = document.index(" Done")
    spans = list(cues.find_in(document, lo, hi, frozenset({OTHER}), "blunder"))
    assert [document[a:b] for a, b in spans] == ["Pemberton misconfigured"]


def test_find_in_skips_a_window_without_the_cues_words():
    document = "Pemberton restarted the proxy."
    assert list(cues.find_in(document, 0, len(document), AGENTS, "blunder")) == []


def test_every_cue_has_trigger_words_and_a_frame_for_it():
    for name in cues.CUES:
        check = cues.frame(AGENTS, name)
        assert check.cue == name
        assert check.triggers
        assert all(t == t.lower() for t in check.triggers)


def test_each_cues_span_contains_its_trigger_word():
    examples = {
        "blunder": "Pemberton accidentally truncated the ledger table.",
        "omission": "Pemberton failed to verify the backup.",
        "hindsight": "Pemberton should have read the runbook.",
        "neglect": "The warning was ignored.",
        "plea": "Reviewers must double-check each flag flip.",
        "wreck": "Pemberton broke the staging cluster.",
    }
    for name, text in examples.items():
        triggers = cues.frame(AGENTS, name).triggers
        assert any(t in text.lower() for t in triggers), name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Oops, I published the package with test keys.", "Oops, I published"),
        ("whoops, pushed to the wrong branch, reverting", "whoops, pushed"),
        ("Oops! We just deleted the staging bucket.", "Oops! We just deleted"),
    ],
)
def test_oops_then_the_writers_act_is_a_slip_told_in_chat(text, words):
    assert cue(text, "oops") == words


@pytest.mark.parametrize(
    "text",
    [
        "Oops, wrong channel.",
        "Oops, Pemberton pushed to main.",
        "Oops, I can't reproduce it.",
        "The oops handler restarted the worker.",
    ],
)
def test_oops_without_the_writers_act_is_no_slip(text):
    assert cue(text, "oops") is None


@pytest.mark.parametrize(
    "text",
    [
        "Do you even run the tests before tagging?",
        "Did anyone even look at the canary?",
        "Did you actually read the migration before merging it?",
    ],
)
def test_a_question_with_an_edge_about_a_persons_care_is_an_accusation(text):
    assert cue(text, "accusation") == text


@pytest.mark.parametrize(
    "text",
    [
        "Do you even need a lock here?",
        "Did you actually get a page for it?",
        "Did the retry actually fire after the timeout?",
        "Does anyone even use the old export endpoint?",
    ],
)
def test_a_real_question_is_no_accusation(text):
    assert cue(text, "accusation") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The contractor is a liability.", "is a liability"),
        ("Pemberton was completely useless on the bridge.", "was completely useless"),
        ("Pemberton is just bad at git.", "is just bad at git"),
    ],
)
def test_names_called_are_an_insult(text, words):
    assert cue(text, "insult") == words


@pytest.mark.parametrize(
    "text",
    [
        "The old failover script was a disaster waiting to happen.",
        "The rotation is a burden on three people.",
        "Pemberton said the dashboard was useless for this.",
    ],
)
def test_names_for_things_are_no_insult_of_a_person(text):
    assert not [f for f in analyze(text) if f.rule == "UB103"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A chat line that leads with the damage, its subject left out: the writer's.
        ("And broke the build.", ["UB205"]),
        ("Took the API down while testing the flag, reverting.", ["UB205"]),
        # A list of verbs in brackets is no line of chat.
        ("Causal verbs (broke, took down, wiped) need a person.", []),
    ],
)
def test_an_elided_wreck_counts_only_when_the_line_leads_with_it(text, expected):
    assert [f.rule for f in analyze(text) if f.rule == "UB205"] == expected
