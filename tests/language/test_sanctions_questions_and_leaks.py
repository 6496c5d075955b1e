"""Shapes learned from probes of real writing kept outside the project (issue 7): a person
sanctioned as the response, an accusing question about an act under way, a secret left or
leaked by a person, and a choice to cut a corner or act alone.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories


@pytest.mark.parametrize(
    "text",
    [
        "The on-call engineer was fired two days after the outage.",
        "Both operators were suspended pending a review of the logs.",
        "The charge nurse and pharmacist were both suspended after the dosing error.",
        "The utility suspended the field technician the same afternoon.",
        "Kasimir was let go at the end of the week.",
    ],
)
def test_a_person_sanctioned_as_the_response_is_punitive(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The VM was suspended overnight to save credits.",
        "The worker was suspended from the queue until the lock cleared.",
        "He was dismissed as a possible cause once the logs came in.",
        "Nobody was fired, and nobody will be.",
    ],
)
def test_machines_ideas_and_no_sanction_are_not_punitive(text: str) -> None:
    assert "try_harder" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Why are you force-pushing over the release branch?",
        "why are you still committing the generated files",
        "Why is he ignoring the failing check?",
    ],
)
def test_an_act_under_way_asked_about_is_an_accusing_question(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Why are you seeing a 404 on that route?",
        "Why is the job deleting rows older than a day?",
        "Why are you running the old client, out of interest?",
    ],
)
def test_questions_for_facts_are_not_accusations(text: str) -> None:
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "You left the signing key in the public repo.",
        "Rotate everything, since you leaked them in the screenshot.",
        "Marguerite leaked the customer list to the wrong channel.",
    ],
)
def test_a_secret_left_or_leaked_by_a_person_is_a_slip(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ines left the token in the vault, as the runbook says.",
        "The build script leaked the token into the job log.",
    ],
)
def test_a_secret_kept_safe_or_leaked_by_a_tool_is_not(text: str) -> None:
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The engineer instead decided to shortcut the change process.",
        "The technician decided hastily to deviate from the switching order.",
        "The duty engineer took it upon herself to disable both interlocks.",
    ],
)
def test_a_choice_to_cut_a_corner_or_act_alone_is_blame(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We decided to shortcut the queue by adding a second consumer.",
        "The scheduler decided to skip the job because the lock was held.",
    ],
)
def test_our_choices_and_a_tool_s_are_not(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- Pleas in more words, and clerical slips named as the cause -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please don't retag a published release.",
        "This should not happen again.",
        "Really try to avoid force-pushing over shared branches.",
        "Try not to merge on a Friday afternoon.",
        "Organisations must be more vigilant with shared drives.",
        "Provide training to warehouse staff on which sockets feed the racks.",
        "In the end the only real safeguard is discipline.",
    ],
)
def test_pleas_to_people_in_more_words_are_try_harder(text: str) -> None:
    assert "try_harder" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Try to avoid using the deprecated endpoint, which is slower.",
        "The alert should not happen again once the threshold is fixed.",
        "We provide training to new customers on the dashboard.",
        "Try not to worry about the alert noise this week; it is being tuned.",
    ],
)
def test_advice_on_tools_and_outcomes_fixed_are_not_pleas(text: str) -> None:
    assert "try_harder" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Personal details of 900 tenants were exposed due to an administrative error.",
        "The wrong dose was recorded because of a data entry error at intake.",
    ],
)
def test_clerical_slips_given_as_the_cause_are_human_error(text: str) -> None:
    assert "human_error" in categories(text)


# --- Openers before the agent, and a doer's fault -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nevertheless, the nurses overrode four separate warnings and gave the dose.",
        "IMO this one is mainly the estimators' fault, whoever they were that week.",
        "Frankly it was the auditor's mistake, start to finish.",
    ],
)
def test_an_opener_before_the_agent_and_a_doer_s_fault_are_blame(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was the router's fault: its firmware dropped the routes.",
        "Nonetheless, the pager fired four times before anyone saw it.",
        "The installer's fault handling retries the download twice.",
    ],
)
def test_a_machine_s_fault_and_an_opener_before_a_thing_are_not(text: str) -> None:
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Root cause: the proxy configuration was poorly modified by one of the engineers.",
        "You pretty much massacred the release branch.",
        "The moment I replied, you decided to nuke the whole thread.",
    ],
)
def test_slips_told_in_the_passive_wreckage_and_deletion_by_choice_are_blame(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The schema was poorly designed years before anyone on the team joined.",
        "The regression was caught by the linter before the merge.",
        "The outage was detected by the on-call within a minute.",
        "The team decided to delete the legacy endpoint in March, as announced.",
    ],
)
def test_old_design_and_credit_in_the_passive_are_not_blame(text: str) -> None:
    assert "blame_other" not in categories(text)
