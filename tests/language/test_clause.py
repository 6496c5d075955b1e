"""The sentence model: who acts in each clause, and how the act is framed.

The sentences here are the project's own, written to pin one behaviour each.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cues import cue

from unblame.language import agents as kinds
from unblame.language import analyze, clause, cues
from unblame.language.lexicon import mark_names
from unblame.language.rule import Frame


def agents(text: str) -> list[str]:
    sentence = clause.read(text, 0, len(text))
    return [c.agent for c in sentence.clauses]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("I mistyped the namespace.", kinds.SELF),
        ("Turns out I'd forgotten the flag.", kinds.SELF),
        ("We rolled back at 14:05.", kinds.GROUP),
        ("None of us noticed the banner.", kinds.GROUP),
        ("Nobody noticed the banner.", kinds.NOBODY),
        ("Not one reviewer spotted the inverted check.", kinds.NOBODY),
        ("The on-call engineer restarted the primary.", kinds.OTHER),
        ("@vorsk-9 pushed the tag.", kinds.OTHER),
        ("Quillan deleted the bucket.", kinds.OTHER),
        ("Hollis misread the graph.", kinds.OTHER),
        ("A field engineer at the colo unplugged the PDU.", kinds.OTHER),
        ("One of our senior DBAs working late dropped the index.", kinds.OTHER),
        ("Support staff member Trenn reset the router.", kinds.OTHER),
        ("Your PR broke the Windows build.", kinds.WORK),
        ("Lachlan's hotfix crashed the workers.", kinds.WORK),
        ("The cleanup job deleted the bucket.", kinds.SYSTEM),
        ("The API returned 500.", kinds.SYSTEM),
        ("Validators rejected the block.", kinds.SYSTEM),
        ("Accidentally pushed to main.", kinds.ELIDED),
    ],
)
def test_it_finds_the_agent_of_the_first_clause(text, agent):
    assert agents(text)[0] == agent


def test_a_leading_phrase_up_to_its_comma_is_not_the_subject():
    assert agents("On Friday at 16:20 UTC, an engineer applied the template.")[0] == kinds.OTHER


def test_a_clause_without_a_subject_shares_the_agent_before_it():
    text = "Mirela reverted the change, but cloned the wrong branch."
    assert agents(text) == [kinds.OTHER, kinds.OTHER]
    assert cue(text, "slip") == "the wrong"


@pytest.mark.parametrize(
    "text",
    [
        "The nightly export failed for a week and nobody noticed.",
        "The queue backed up, and no one paged the owner.",
        "The banner showed all week, yet none of us read it.",
        "The job broke, nobody noticed.",
    ],
)
def test_a_negated_agent_after_and_or_a_comma_opens_a_clause_of_its_own(text):
    found = agents(text)
    assert len(found) == 2
    assert found[0] == kinds.SYSTEM
    assert found[1] in (kinds.NOBODY, kinds.GROUP)


def test_nobody_inside_a_noun_phrase_does_not_split_it():
    # No verb stands before "and": "Tamsin and nobody else" is one subject.
    assert len(agents("Tamsin and nobody else held the deploy key.")) == 1


def test_a_marked_roster_name_is_a_person():
    text = mark_names("zorbel dropped the index by mistake.", ["zorbel"])
    assert agents(text)[0] == kinds.OTHER


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Quillan typoed the hostname.", "typoed"),
        ("The DBA misconfigured the replica set.", "misconfigured"),
        ("Ines used the wrong kubeconfig.", "the wrong"),
        ("Arvo applied the rule too broadly.", "too broadly"),
        ("Kaito made a silly mistake in the zone file.", "made a silly mistake"),
        ("Oren deleted the table by mistake.", "by mistake"),
        ("It read the wrong setting that Ysolde typed in.", "wrong setting that Ysolde typed"),
        ("The faulty rule which an operator pushed", "faulty rule which an operator pushed"),
        ("Tamsin reverted the wrong commit.", "the wrong"),
    ],
)
def test_it_finds_a_slip_in_the_verb_or_its_object(text, words):
    assert cue(text, "slip") == words


@pytest.mark.parametrize(
    "text",
    [
        # Responding to the flawed thing is no slip.
        "Dana swapped out the faulty disk that the monitor flagged.",
        "Mireille found the wrong value that the job had written.",
        "Ansel quickly spotted the incorrect limit.",
        # A thing put the flawed thing in place: the clause has no person.
        "The pager showed the wrong host that the template used.",
        # Denied or hypothetical.
        "It refused the wrong token that Ysolde could not enter.",
    ],
)
def test_a_flawed_thing_a_person_did_not_put_in_place_is_no_slip_of_theirs(text):
    assert not [f for f in analyze(text) if f.category.value == "blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        "Beatriz spotted the misrouted traffic.",
        "If I had mistakenly disabled access, the laptop would have failed too.",
        "The guard means I can't accidentally push to main.",
        "Jonas did nothing wrong with what he knew.",
    ],
)
def test_a_slip_that_did_not_happen_or_an_adjective_is_no_slip(text):
    assert cue(text, "slip") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Corvin copied the list without validating it.", "without validating"),
        ("The reviewer did not take the time to run it.", "did not take"),
        ("Ops neglected to renew the certificate.", "neglected to renew"),
        ("I'd forgotten to rotate the key.", "forgotten to rotate"),
        ("None of us noticed the expiry banner.", "noticed"),
    ],
)
def test_it_finds_care_left_undone(text, words):
    assert cue(text, "omission") == words


def test_forgetting_to_mention_something_is_no_omission():
    assert cue("I forgot to mention the dashboard moved.", "omission") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vorsk resized the volume, leading to read errors.", True),
        ("Odalys restarted the consumers, which brought the billing API down.", True),
        # Less of a bad thing is a good outcome.
        ("Odalys restarted the consumers, which brought the backlog down.", False),
        ("Odalys restarted the consumers, leading to a quick recovery.", False),
        ("The engineer had no clues that they'd switched hubs, leading to the outage.", False),
        ("The switch failed at once, which caused the VM to fail.", False),
    ],
)
def test_it_ties_a_deliberate_act_to_the_harm_that_followed(text, found):
    assert (cue(text, "harm") is not None) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The deprecation notice was ignored for months.", True),
        ("The instructions provided were not followed.", True),
        ("The change was applied without the required sign-off.", True),
        ("The nightly job was skipped because the lock was held.", False),
        ("The alert was acknowledged within two minutes.", False),
    ],
)
def test_it_reads_care_left_undone_in_the_passive(text, found):
    assert (cue(text, "neglect") is not None) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Going forward I'll do my best to double-check the notes.", True),
        ("You shouldn't merge when the preview fails.", True),
        ("Please bump the major version next time.", True),
        ("ALWAYS work from a checklist on the primary.", True),
        ("Reinforce training on deployment communications.", True),
        ("We will add a presubmit check for the version bump.", False),
        ("You should see a 200 from the health endpoint.", False),
        ("Please don't blame yourself, the alert was misrouted.", False),
    ],
)
def test_it_hears_a_plea_for_people_to_try_harder(text, found):
    assert (cue(text, "plea") is not None) is found


def test_a_frame_check_names_its_agents_and_cue_and_gets_the_cue_trigger_words():
    check = cues.frame(frozenset({kinds.OTHER}), "slip")
    assert check == Frame(cues.CUE_TRIGGERS["slip"], frozenset({kinds.OTHER}), "slip")
    assert set(cues.CUE_TRIGGERS) == set(cues.CUES)


def test_a_capitalised_name_no_list_knows_is_a_person_in_subject_position():
    findings = analyze("Tarquin should have checked the config before deploying.")
    assert [f.rule for f in findings] == ["UB301"]


def test_neutral_narration_of_who_did_what_stays_unflagged():
    assert analyze("Tarquin rolled back the release at 14:05, which stopped the errors.") == []


def test_a_pattern_finding_wins_over_a_frame_finding_on_the_same_words():
    findings = analyze("He pushed the change without thinking it through.")
    assert [f.rule for f in findings] == ["UB103"]


WORDS = st.sampled_from(
    [
        "I",
        "we",
        "you",
        "Quillan",
        "@kato",
        "the",
        "engineer",
        "job",
        "mistakenly",
        "typoed",
        "wrong",
        "without",
        "checking",
        "should",
        "have",
        "did",
        "not",
        ",",
        ";",
        "which",
        "leading",
        "to",
        "was",
        "ignored",
        ".",
        "?",
        "please",
        "always",
        "never",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=30))
def test_the_model_reads_any_word_salad_and_every_span_stays_inside_it(words):
    text = " ".join(words)
    sentence = clause.read(text, 0, len(text))
    for name in cues.CUES:
        for start, end in cues.find(sentence, kinds.AGENTS, name):
            assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        ("I think Quorra broke the staging cluster.", ["self", "other"]),
        ("I believe the contractor unplugged it.", ["self", "other"]),
        ("I saw the alert and restarted the pod.", ["self"]),
        ("I think I broke prod.", ["self"]),
    ],
)
def test_what_the_writer_thinks_or_sees_another_do_is_its_own_clause(text, agents):
    masked = mark_names(text)
    assert [c.agent for c in clause.read(masked, 0, len(masked)).clauses] == agents
