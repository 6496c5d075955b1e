"""Who acts in each clause: the agent for many shapes of subject.

Sentences are written for this file; `Pemberton`, `Zephyrine` and `Ottoline`
are invented names no list knows, so only their position makes them people.
"""

from __future__ import annotations

import pytest

from unblame.language import agents as kinds
from unblame.language import clause
from unblame.language.agents import ELIDED, GROUP, NOBODY, OTHER, SELF, SYSTEM, WORK


def read(text: str) -> clause.Sentence:
    return clause.read(text, 0, len(text))


def agents(text: str) -> list[str]:
    return [c.agent for c in read(text).clauses]


def first_agent(text: str) -> str:
    return agents(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "I forgot the flag.",
        "I'm rebuilding the cache now.",
        "I’ve paged the database owner.",
        "Me and Tova restarted it.",
    ],
)
def test_the_writer_is_self(text):
    assert first_agent(text) == SELF


@pytest.mark.parametrize(
    "text",
    [
        "We paused the rollout.",
        "We’ve drained the queue.",
        "Us three paged the DBA.",
        "None of us saw the warning.",
    ],
)
def test_the_writers_group_is_group(text):
    assert first_agent(text) == GROUP


@pytest.mark.parametrize(
    "text",
    [
        "Nobody restarted the cron.",
        "Noone saw the warning.",
        "Not one engineer read the alert.",
    ],
)
def test_everyone_at_once_is_nobody(text):
    assert first_agent(text) == NOBODY


def test_no_one_is_nobody():
    assert first_agent("No one saw the warning.") == NOBODY


@pytest.mark.parametrize(
    "text",
    [
        "He merged the branch.",
        "She skipped the review.",
        "They reverted the patch.",
        "You deleted the index.",
        "Someone disabled the alarm.",
        "Everyone ignored the banner.",
        "Whoever approved it missed the typo.",
    ],
)
def test_other_pronouns_are_other_people(text):
    assert first_agent(text) == OTHER


@pytest.mark.parametrize(
    "text",
    [
        "The SRE rotated the keys.",
        "The intern deleted the table.",
        "An operator restarted the wrong host.",
        "The contractor unplugged the switch.",
        "A maintenance worker cut the fibre.",
        "The engineer at the desk restarted it.",
    ],
)
def test_a_role_noun_is_another_person(text):
    assert first_agent(text) == OTHER


@pytest.mark.parametrize(
    "text",
    [
        "@pell-3 tagged the release.",
        "Zephyrine rebooted the router.",
        "Ottoline Bracewell dropped the schema.",
        "Engineer Tibor pushed the fix.",
        "Zephyrine somehow deleted the bucket.",
    ],
)
def test_a_handle_or_capitalised_name_in_subject_position_is_other(text):
    assert first_agent(text) == OTHER


def test_a_worker_without_a_trade_is_a_process():
    assert first_agent("The worker crashed at noon.") == SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "His change broke staging.",
        "Her migration locked the table.",
        "Their patch corrupted the index.",
        "Ottoline's deploy took down the API.",
        "The intern's script wiped the bucket.",
    ],
)
def test_a_persons_work_as_subject_is_work(text):
    assert first_agent(text) == WORK


@pytest.mark.parametrize(
    "text",
    [
        "The cache expired at noon.",
        "The Deployment failed twice.",
        "Monitoring missed the spike.",
        "The Scheduler dropped jobs.",
        "The load balancer's health check removed the node.",
    ],
)
def test_things_are_system(text):
    assert first_agent(text) == SYSTEM


@pytest.mark.parametrize(
    "text",
    [
        "Forgot to bump the version.",
        "Oops, pushed to the wrong branch.",
        "Deleted the wrong bucket by mistake.",
    ],
)
def test_a_chat_line_without_a_subject_is_elided(text):
    assert first_agent(text) == ELIDED


def test_a_chat_line_opening_with_a_past_verb_and_a_comma_is_elided():
    assert first_agent("Restarted the wrong pod, sorry.") == ELIDED


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Sorry all, I deleted the wrong row.", SELF),
        ("Thanks Ilse, I restarted it.", SELF),
        ("At 09:14, the operator deleted the volume.", OTHER),
        ("During the window, Zephyrine restarted the proxy.", OTHER),
        ("Frankly, Zephyrine ignored the runbook.", OTHER),
        ("Yesterday we rebuilt the index.", GROUP),
    ],
)
def test_openers_before_the_subject_are_skipped(text, agent):
    assert first_agent(text) == agent


def test_each_clause_has_its_own_agent():
    assert agents("The alert fired, but the engineer ignored it.") == [SYSTEM, OTHER]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When Zephyrine restarted the proxy, the queue drained.", [OTHER, SYSTEM]),
        ("After the operator typoed the host, the deploy failed.", [OTHER, SYSTEM]),
        ("Because I skipped the canary, the bad build went out.", [SELF, SYSTEM]),
        ("Once the cache filled, Ottoline flushed it.", [SYSTEM, OTHER]),
    ],
)
def test_a_clause_opened_by_a_conjunction_ends_at_its_comma(text, expected):
    assert agents(text) == expected


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("After the deploy, Zephyrine restarted the proxy.", OTHER),
        ("Since the upgrade, the proxy drops requests.", SYSTEM),
        ("Until the fix, we paused the queue.", GROUP),
    ],
)
def test_a_conjunction_before_a_plain_phrase_is_an_opener(text, agent):
    # No verb before the comma: the phrase is stepped over, the main clause acts.
    assert agents(text) == [agent]


def test_a_participle_after_the_subject_does_not_end_the_clause():
    text = "It began after a technician working on the rack in Leeds, UK, mistakenly cut a cable."
    found = read(text).clauses
    acting = [c for c in found if c.agent == OTHER]
    assert len(acting) == 1
    predicate = " ".join(w.text for w in acting[0].words[acting[0].predicate :])
    assert "mistakenly cut a cable" in predicate


def test_a_relative_who_acts_through_the_noun_before_it():
    assert agents("The page went to an operator who ignored it.") == [SYSTEM, OTHER]


def test_a_clause_with_no_subject_shares_the_agent_before_it():
    found = agents("Zephyrine opened the console but dropped the table.")
    assert found == [OTHER, OTHER]


def test_an_aside_after_the_subject_keeps_the_subject():
    assert agents("The operator (a new hire) then deleted it.")[-1] == OTHER


def test_clause_words_and_offsets_index_the_document():
    document = "Intro. Zephyrine dropped it because the job hung."
    lo = document.index("Zephyrine")
    sentence = clause.read(document, lo, len(document))
    assert sentence.offset == lo
    for c in sentence.clauses:
        for w in c.words:
            assert document[w.start : w.end] == w.text
    first, second = sentence.clauses
    assert document[first.agent_start :].startswith("Zephyrine")
    assert second.words[0].low == "because"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@ana-b said 12:30:05 ok", ["@ana-b", "said", "12:30:05", "ok"]),
        ("don't re-run it!", ["don't", "re-run", "it", "!"]),
        ("a—b", ["a", "—", "b"]),
    ],
)
def test_words_of_keeps_handles_times_and_contractions_whole(text, expected):
    assert [w.text for w in kinds.words_of(text)] == expected


def test_words_of_shifts_offsets():
    (word,) = kinds.words_of("hi", offset=10)
    assert (word.start, word.end, word.low) == (10, 12, "hi")


def test_the_predicate_points_past_the_subject():
    sentence = read("The night operator restarted the proxy.")
    (only,) = sentence.clauses
    assert only.words[only.predicate].low == "restarted"
    assert only.agent == OTHER


@pytest.mark.parametrize(
    ("phrase", "agent"),
    [
        ("the on-call", OTHER),
        ("the two reviewers", OTHER),
        ("@ottoline", OTHER),
        ("the replica", SYSTEM),
        ("", SYSTEM),
    ],
)
def test_agent_of_reads_a_noun_phrase_on_its_own(phrase, agent):
    assert kinds.agent_of(phrase) == agent


def test_someone_on_a_team_is_one_subject():
    found = read("Someone on the data team dropped the index.").clauses[0]
    assert found.agent == OTHER
    assert found.words[found.predicate].text == "dropped"


@pytest.mark.parametrize(
    "text",
    [
        "It turned out the on-call had restarted the node.",
        "Turns out Ottoline restarted the node.",
        "It seems the contractor restarted the node.",
    ],
)
def test_what_turned_out_is_a_clause_with_its_own_agent(text):
    assert agents(text)[-1] == OTHER


def test_turned_out_to_be_is_no_report():
    assert agents("It turned out to be DNS.") == [SYSTEM]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The participle acts through the main clause, not the "after" clause before it.
        ("We paged late after it had paged twice, missing the window.", [GROUP, SYSTEM, GROUP]),
        ("Ottoline restarted the pod, using the old config.", [OTHER, OTHER]),
    ],
)
def test_a_trailing_participle_takes_the_main_clauses_agent(text, expected):
    assert agents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Consequences stay with the clause before them, whose predicate reads on.
        "The deploy went out at noon, causing errors.",
        # An aside after the subject: no verb before the comma.
        "The admin, having no access to the logs, restarted the pod.",
        "It paged everyone, including the CEO.",
    ],
)
def test_consequences_asides_and_prepositions_are_no_trailing_participle(text):
    assert len(read(text).clauses) == 1


def subject_words(text: str) -> str:
    first = read(text).clauses[0]
    return " ".join(w.text for w in first.words[: first.predicate])


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # An adjective after an adverb after an article: "a recently introduced process".
        ("A recently introduced check was not run.", "A recently introduced check"),
        # A plural noun after an acronym: "SDK releases".
        ("The SDK releases for Windows were not signed.", "The SDK releases for Windows"),
        # A modal before the comma: the phrase is the subject, not an opener.
        (
            "Having a deploy fail like this should have meant a rollback, not a fix.",
            "Having a deploy fail like this",
        ),
    ],
)
def test_the_subject_runs_to_its_real_verb(text, subject):
    assert subject_words(text) == subject


def test_a_present_verb_after_a_lower_case_noun_still_acts():
    assert subject_words("The proxy drops requests.") == "The proxy"


def test_a_short_aside_in_brackets_stays_inside_its_clause():
    found = read("We should test it in production (or staging) before we merge.").clauses
    assert "staging" in " ".join(w.text for w in found[0].words)


def test_an_aside_with_a_verb_is_a_clause_of_its_own():
    found = read("The job (which runs nightly) deleted it.").clauses
    assert len(found) >= 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that" after a person, then a verb: the person is the relative clause's subject.
        # (The noun phrase before "that" has no verb: it leaves no subject out.)
        ("The team that owns billing shipped it.", [SYSTEM, OTHER]),
        # "that" with its own subject after it: the main verb after the relative clause is
        # the config's, which Ottoline's pushing makes her work.
        ("The config that Ottoline pushed broke it.", [SYSTEM, OTHER, WORK]),
        # "that" after a thing.
        ("The job that owns billing shipped it.", [SYSTEM, SYSTEM]),
    ],
)
def test_a_relative_that_after_a_person_acts_through_the_person(text, expected):
    assert agents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I feel terrible, I took the site down.", [SELF, SELF]),
        ("Ottoline was tired, she restarted the wrong node.", [OTHER, OTHER]),
        ("The cache filled, we flushed it.", [SYSTEM, GROUP]),
        # After an adverb, a person named with an article and a verb.
        ("The disk filled, alternatively the operators didn't look.", [SYSTEM, OTHER]),
    ],
)
def test_a_comma_then_a_pronoun_and_its_verb_starts_a_clause(text, expected):
    assert agents(text) == expected


def test_a_comma_after_an_opener_is_no_clause_boundary():
    assert agents("Thanks Ilse, I restarted it.") == [SELF]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank said a clerk had typed it twice.", [SYSTEM, OTHER]),
        ("Ottoline admitted the cron had been off.", [OTHER, SYSTEM]),
    ],
)
def test_a_verb_of_saying_then_a_new_subject_reports_a_clause(text, expected):
    assert agents(text)[: len(expected)] == expected


def test_said_it_and_said_that_are_no_new_subject():
    assert agents("Ottoline said it twice.") == [OTHER]


def test_a_verb_after_that_and_an_adverb_is_the_verb():
    # "that" opens a relative clause here; "a recently introduced" is an adjective.
    found = read("The rings that eventually failed were cold.").clauses
    assert found[-1].words[found[-1].predicate].text == "failed"


def test_a_long_verbless_phrase_before_a_comma_is_no_clause_with_a_verb():
    # Past the subject reader's reach (20 words) there is no verb to find; the
    # phrase must not pass for a clause whose participle trails after the comma.
    long = "The " + " ".join(["very"] * 24) + " old rack, leaving the door open."
    words = kinds.words_of(long)
    comma = next(i for i, w in enumerate(words) if w.low == ",")
    assert not clause._has_verb(words, 0, comma)
    assert clause._has_verb(kinds.words_of("Dana pushed it, leaving"), 0, 3)
