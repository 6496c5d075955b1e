"""Blame in the register of issue threads and incident chat (learned on shapes-train5):
questions without a question mark, sarcasm with emoji, "is on @x", "the one who", harm
in headline present tense, and a pull request named as the subject.

Sentences are written for this file; the names and handles in them are invented.
"""

from __future__ import annotations

import pytest

from unblame.language import agents, analyze, clause


def categories(text: str) -> list[str]:
    return [f.category.value for f in analyze(text)]


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
