"""Remedies that ask people for care, in the forms chat and issue threads use.

A promise with its subject left out, "let's", "one should", "better check", a lesson
learned as care, retraining, and a promise not to do it again whose clause the reader
cuts early. Each is pinned with the nearest neutral sentence. None of these sentences
comes from an evaluation set.
"""

from __future__ import annotations

import pytest

from unblame.language import analyze


def _categories(text: str) -> set[str]:
    return {finding.category.value for finding in analyze(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Will make sure that this does not slip through again.",
        "will be more careful with the tags next time",
        "Let's make sure every check is green before merging to trunk.",
        "Lets try to be more careful with the shared bucket.",
        "Let's avoid hand-edited lockfiles in the future.",
        "It goes without saying, but one should always watch the error channel after a rollout.",
        "Better verify the target cluster very carefully before running the purge.",
        "You'd better make sure the mirror is actually current before tagging.",
        "I learned to review even one-line config diffs properly.",
        "We have learned to always double-check the region flag.",
        "The clinic apologised and retrains its front-desk staff after the mix-up.",
        "I won't make that slip with the tags again.",
        "Sorry, I won't do that again.",
        "Please don't force push to the release branch.",
    ],
)
def test_care_asked_of_people_in_chat_forms_is_try_harder(text):
    assert "try_harder" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Will Okonkwo rolled the canary back at noon.",
        "Let's deploy the patched build now.",
        "Lets the proxy retry twice before failing.",
        "One should be enough for the cache tier.",
        "We retrained the ranking model on fresh data.",
        "I won't see this bug again: the cache is gone.",
        "Better tooling would have caught the bad flag.",
        "The tool lets us make sure the config parses before deploy.",
        "I learned to use the new restore tool during the drill.",
        "Don't force push to main: the branch protection now rejects it anyway.",
    ],
)
def test_the_neutral_neighbours_stay_unflagged(text):
    assert "try_harder" not in _categories(text)


# --- Scare quotes around what a person did --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "How one clerk 'deleted the wrong folder' and stalled a city's payroll",
        "A single technician ‘unplugged the wrong rack’ and took the region offline.",
    ],
)
def test_a_quoted_act_after_its_subject_is_the_writers_own_telling(text):
    assert "blame_other" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The form's 'Root cause' dropdown offers 'human error' first.",
        "They shipped the so-called 'fixed' build to staging.",
    ],
)
def test_a_quoted_label_is_still_a_term_talked_about(text):
    assert not _categories(text) & {"blame_other", "human_error"}


@pytest.mark.parametrize(
    "text",
    [
        "Let's make sure the new pager route points at the storage rota.",
        "Will make sure the dashboard links to the restore runbook.",
        "Let's not make this about Ilse; the script had no dry-run mode.",
        "Let's try restarting the broker first.",
        "Will try the other region tomorrow.",
        "Retraining people rarely changes outcomes while the console stays the same.",
    ],
)
def test_a_task_a_redirect_or_an_experiment_is_no_plea(text):
    assert "try_harder" not in _categories(text)


def test_steps_promised_to_keep_it_from_happening_again_are_no_plea():
    # "Make sure … again" counts only after "let's" or a promise with its subject left out.
    text = "We regret the delay and will take steps to make sure this does not happen again."
    assert "try_harder" not in _categories(text)
