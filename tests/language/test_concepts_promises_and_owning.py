"""Shapes learned from probes of real writing kept outside the project (issue 7): the
label "human error" talked about as a concept, promises to take more care, care asked
of a step, owning the fault in other words than "my fault", and a slip's cause named
as a compound ("operator-driven error").

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

# --- "Human error" as a concept, not this incident's cause ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Scripting the rotation takes away the possibility of operator error.",
        "There is plenty of room for user error in the current form.",
        "The new wizard removes most manual errors from the setup.",
        "Human error is an unavoidable fact of working at three in the morning.",
        "Human errors are the symptoms we start from, not the end of the story.",
        "Under load, human error compounds into cascading retries.",
        "Please never punish anyone for human error in this team.",
        "We do not discipline engineers for operator error.",
    ],
)
def test_human_error_talked_about_is_not_a_cause(text: str) -> None:
    assert "human_error" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Human error is the root cause of Tuesday's outage.",
        "Human error is to blame for the lost queue.",
        "Human error is the main factor in this incident.",
        "The outage was put down to operator error.",
        "The engineer was fired for human error after the outage.",
    ],
)
def test_human_error_given_as_this_incident_s_cause_still_counts(text: str) -> None:
    assert "human_error" in categories(text)


# --- Promises of more care, and care asked of a step ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'll proofread the changelog more rigorously from now on.",
        "We will verify tags more carefully before the next cut.",
        "Next sprint I will take a bit more care with the feature flags.",
        "I promise I won't retag the release again.",
        "I promise never to edit the prod config by hand again.",
        "We won't skip the staging soak again.",
        "Schema changes warrant additional scrutiny from everyone.",
        "The cutover needs extra caution on the operator's part.",
        "Just don't deploy on a Friday.",
    ],
)
def test_promises_of_care_and_care_asked_are_try_harder(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Handling a task, not care taken.
        "I'll take care of the rollback once the pager quiets down.",
        "We'll take care of the DNS change tomorrow morning.",
        # An outcome that will not come back, not a promise of behaviour.
        "We won't see this again once the quota alarm lands.",
        "We won't need to rotate keys by hand again after the job ships.",
        # A mechanism that asks for the care.
        "The deploy script now prompts for confirmation before any production push.",
        "Setting up the exporter requires some attention to the port mapping.",
    ],
)
def test_handling_outcomes_and_mechanisms_are_not_pleas(text: str) -> None:
    assert "try_harder" not in categories(text)


# --- Owning the fault in other words, and the person folded into a compound -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The worst failure of the night belongs to me.",
        "Responsibility for the lost exports rests solely with me.",
        "Looking back, the blame for the stale cache falls on me.",
        "It was, honestly, the fault of myself and nobody else.",
    ],
)
def test_the_fault_placed_with_the_writer_is_self_blame(text: str) -> None:
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The on-call rota for December belongs to me.",
        "Credit for the quick rollback goes to the whole team, not to me.",
        "The decision to fail over rests with me as incident commander.",
    ],
)
def test_duties_and_decisions_held_by_the_writer_are_not_fault(text: str) -> None:
    assert "self_blame" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Investigators traced the outage to an operator-induced misconfiguration.",
        "It was a technician-caused wiring error in rack 12.",
    ],
)
def test_a_person_folded_into_a_compound_is_human_error(text: str) -> None:
    assert "human_error" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The operator-initiated failover finished in four minutes.",
        "A user-driven spike in uploads filled the queue.",
    ],
)
def test_a_person_led_act_that_is_no_error_is_not_human_error(text: str) -> None:
    assert "human_error" not in categories(text)


# --- Apologies that blame nobody ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I offer my apologies for the delay in getting this out.",
        "My apologies, the link in the status update was wrong.",
        "We apologize for the error that left the mirror empty for a day.",
        "We are truly sorry for the mistake in last week's invoices.",
    ],
)
def test_one_apology_or_the_organisation_s_is_not_self_blame(text: str) -> None:
    assert "self_blame" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "My deepest apologies to everyone I woke up last night.",
        "Sorry for the silly mistake, I tagged the wrong commit.",
    ],
)
def test_an_intensified_apology_or_a_judged_mistake_still_is(text: str) -> None:
    assert "self_blame" in categories(text)


# --- "they" that points back at things ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "When the brokers restarted they failed to rejoin the cluster.",
        "Both replicas fell behind because they missed the leader's heartbeats.",
        "After the rollout the pods came up, but they failed to read the new secret.",
    ],
)
def test_they_after_plural_things_is_no_person(text: str) -> None:
    assert categories(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "They failed to check the config before the deploy.",
        "The on-call engineers were paged twice, but they failed to acknowledge.",
        "Sales emailed 40,000 customers the test template because they never read the checklist.",
        # The subject before any object: the engineers, not the nodes.
        "The engineers rebooted the nodes and they failed to check the mounts.",
    ],
)
def test_they_after_people_or_alone_stays_people(text: str) -> None:
    assert categories(text) != []


# --- Ability denied to another person ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The contractor on site was incapable of reseating a cable.",
        "You're so bad at cutting releases.",
        "Honestly, Bartek is hopeless at reading dashboards.",
        "The night crew was oblivious, and the disk filled up.",
    ],
)
def test_ability_or_attention_denied_to_someone_is_blame(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The old exporter was incapable of handling nested labels.",
        "The status page is useless at showing partial outages.",
        "In the interview, Ulla said she felt terrible at the time.",
        "Our alerting was so bad at grouping that pages came in dozens.",
    ],
)
def test_tools_and_feelings_are_not_judged_people(text: str) -> None:
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Roughly 60% of change-related outages come down to operator error, the report says.",
        "Human error accounts for about 40 percent of the incidents in that dataset.",
    ],
)
def test_a_statistic_about_the_label_is_no_cause(text: str) -> None:
    assert "human_error" not in categories(text)


def test_an_impact_figure_elsewhere_leaves_the_cause_given() -> None:
    text = "Operator error during the cutover led to the loss of 0.3% of queued writes."
    assert "human_error" in categories(text)


# --- Hindsight with "never", and habits asked of people ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Those migrations should never have been merged during the freeze.",
        "The tag should never have been pushed from a laptop.",
    ],
)
def test_should_never_have_been_is_passive_hindsight(text: str) -> None:
    assert "counterfactual" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Learn from this mistake, and slow down on release days.",
        "That is why you always check the diff before you publish.",
        "My proposal: before any tag, at least one other engineer reviews the changelog.",
    ],
)
def test_habits_and_four_eyes_by_hand_are_try_harder(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We learn from this incident by changing how the pipeline gates tags.",
        "Branch protection means at least one reviewer approves every merge.",
        "The pager bot makes sure you always get the escalation.",
    ],
)
def test_lessons_and_mechanisms_are_not_habits_asked(text: str) -> None:
    assert "try_harder" not in categories(text)


@pytest.mark.parametrize(
    "text",
    ["Our fault, entirely.", "We totally screwed up the registrar move.", "Honestly, our bad."],
)
def test_the_writer_s_group_owning_the_fault_is_self_blame(text: str) -> None:
    assert "self_blame" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was not our fault; the upstream CDN dropped the routes.",
        "We messed with the config flags until the canary passed.",
    ],
)
def test_denial_and_tinkering_are_not_owning_a_fault(text: str) -> None:
    assert "self_blame" not in categories(text)


# --- Self-deprecation in other words, chat hindsight, and people-focused action items --------


@pytest.mark.parametrize(
    "text",
    [
        "I know, I know, I'm a lousy sysadmin.",
        "Sorry to have wasted everyone's time on this.",
        "As hopelessly clueless as I am about DNS, I should not have touched it.",
        "You'd think I'd know better after ten years of this.",
        "I cursed at myself the whole drive home.",
        "Should've read the release notes.",
        "Ugh, totally forgot about renewing the domain.",
    ],
)
def test_self_deprecation_and_chat_hindsight_are_found(text: str) -> None:
    assert set(categories(text)) & {"self_blame", "counterfactual"}


@pytest.mark.parametrize(
    "text",
    [
        "I'm a terrible person to ask about DNS; try Priya.",
        "I'm a big fan of the new pipeline.",
        "You'd think the cache would know better than to evict hot keys.",
    ],
)
def test_suitability_praise_and_tools_are_not_self_blame(text: str) -> None:
    assert "self_blame" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ensure the night shift teams are aware that the switch has two modes.",
        "Reviewers to be more thorough with migrations.",
        "We need to sharpen our focus on release deadlines.",
        "The new procedure instructs staff not to bypass the checklist.",
        "Train all the new operators on the failover steps.",
    ],
)
def test_people_focused_action_items_are_try_harder(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Train the model on last quarter's labels.",
        "Improve our alerting coverage for the ingest queue.",
        "The bot instructs the runner to retry twice.",
    ],
)
def test_system_focused_items_are_not_try_harder(text: str) -> None:
    assert "try_harder" not in categories(text)
