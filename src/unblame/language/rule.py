"""A lint rule is one declarative object: its pattern, its documentation and its examples.

Docs, `unblame rules`, JSON output and the editor tooltip all read these fields,
and every `bad` and `good` example runs as a test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finding import Category, Severity

CODE_RE = re.compile(r"^UB[1-9]\d{2}$")
NAME_RE = re.compile(r"^[a-z]+(?:-[a-z]+)+$")
CONTEXTS = frozenset({"document", "action_item", "chat"})


@dataclass(frozen=True)
class Check:
    """One pattern of a rule with its own trigger words.

    A rule whose pattern has unrelated alternatives splits them into checks,
    so each alternative scans only the sentences that contain its words.
    """

    triggers: tuple[str, ...]
    pattern: str


@dataclass(frozen=True)
class Frame:
    """A check over the sentence model (`unblame.language.clause`) instead of a pattern.

    It fires on a clause whose agent is one of `agents` (self, group, other,
    nobody, elided, system) and whose act carries `cue` (slip, omission,
    harm): "an engineer mistyped a command" is an `other` agent with a `slip`,
    however the person and the slip are worded. The finding spans from the
    agent to the cue.
    """

    triggers: tuple[str, ...]
    agents: frozenset[str]
    cue: str
    # The cue reads the sentence's short chat line (`Sentence.line`), so a trigger
    # word anywhere in that line selects each of its sentences.
    line_wide: bool = False


@dataclass(frozen=True)
class Rule:
    """One check.

    `pattern` is a regular expression over prose (case-insensitive, verbose
    mode) in which `{PERSON}`, `{SELF}` and the other lexicon slots of
    `unblame.language.lexicon` are expanded once at compile time. A named
    group `span` narrows the reported span; otherwise the whole match is
    reported. A finding is dropped when `unless` matches anywhere in the
    sentence, or when `negatable` is set and a negation stands just before
    the match.
    `contexts` limits where the rule runs.

    `triggers` are lower-case substrings of which every match contains at
    least one; the engine scans only the blocks that contain a trigger, which
    keeps linting fast. A test checks that they never change the results.
    `pattern` may instead be a tuple of `Check`s and `Frame`s, each with its
    own triggers.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    rationale: str
    source: str
    suggestion: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    pattern: str | tuple[Check | Frame, ...]
    triggers: tuple[str, ...] = ()
    unless: str | None = None
    negatable: bool = True
    contexts: frozenset[str] = field(default=CONTEXTS)
    since: str = "0.1.0"
    # What the writer says of themself: every self_blame rule, and a rule of
    # another category whose agent is the writer ("I should have…" is a
    # counterfactual). Chat answers these privately and the editor kindly.
    about_the_writer: bool = False
    # For findings about the writer: a factual frame to write into instead of
    # a verdict on oneself, shown by the editor beside the finding. Frames keep
    # "I" as the subject: owning one's part is welcome, judging one's character
    # is what is left out.
    rewrite: str = ""

    @property
    def about_writer(self) -> bool:
        """True when the finding is about the writer themself (see `about_the_writer`)."""
        return self.about_the_writer or self.category is Category.SELF_BLAME

    @property
    def checks(self) -> tuple[Check | Frame, ...]:
        """The rule's patterns, each with the trigger words it needs."""
        if isinstance(self.pattern, str):
            return (Check(self.triggers, self.pattern),)
        return self.pattern

    @property
    def all_triggers(self) -> tuple[str, ...]:
        """Every trigger word of every check."""
        return tuple(dict.fromkeys(t for check in self.checks for t in check.triggers))

    @property
    def title(self) -> str:
        """The name as a sentence fragment, for headings: `allow human-error-as-cause`."""
        return f"allow {self.name}"
