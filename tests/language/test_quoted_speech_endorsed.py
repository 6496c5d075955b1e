"""Quoted speech the writer takes for their own (learned on shapes-train10): a short
quotation is a term talked about, unless someone said it and the writer agrees ("…,"
said the head of support, and nobody here disagrees), in which case it is read as the
writer's claim. Quoted speech left as reported stays a quotation.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories

from unblame.language.surroundings import mentioned


@pytest.mark.parametrize(
    "text",
    [
        '"Caspar wiped the prod database," said the SRE lead, and I agree.',
        'As Marit said in the retro, "Odhran nuked staging again," and she is right.',
        'Our director put it best: "This outage has Ilse\'s name on it."',
        '"Yestin broke the release," the vendor wrote, and nobody here disagrees.',
    ],
)
def test_endorsed_speech_counts(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Reported, not endorsed: the review records what was said.
        'The customer wrote "your engineer broke our shop," and we answered within the hour.',
        "In the chat log, someone wrote 'who broke prod?' at 03:12.",
        # Endorsement of something else than the quote's blame.
        'The form offers a "human error" option, and I agree it should go.',
        # A term talked about.
        'Avoid writing "Sam broke it" in a review.',
    ],
)
def test_reported_or_mentioned_speech_does_not(text: str) -> None:
    assert "blame_other" not in categories(text)


def test_a_short_quote_is_a_mention_unless_said_and_endorsed() -> None:
    said = '"Caspar wiped it," said Marit, and I agree.'
    start = said.index("Caspar")
    assert not mentioned(said, start, start + 6)
    reported = '"Caspar wiped it," said Marit.'
    assert mentioned(reported, start, start + 6)
