"""Unit tests for the pieces of the sentence model added for issue 7's families.

Each helper is pinned on its own, with the edge it was written for and the case
it must leave alone; the family tables in test_families_more.py check the whole
analyzer. None of these sentences comes from an evaluation set.
"""

from __future__ import annotations

import re

import pytest

from unblame.language import (
    agents,
    clause,
    clause_relative,
    clause_subject,
    cue_base,
    cues_acts,
    cues_care,
    cues_people,
    cues_questions,
    cues_remedy,
    cues_slips,
    verb_words,
)
from unblame.language.agents import ELIDED, GROUP, NOBODY, OTHER, SELF, SYSTEM, words_of
from unblame.language.clause import read


def sentence(text: str):
    return read(text, 0, len(text))


def first_clause(text: str):
    return sentence(text).clauses[0]


def clause_texts(text: str) -> list[str]:
    return [" ".join(w.text for w in c.words) for c in sentence(text).clauses]


# --- Verbs known by shape -----------------------------------------------------------------


@pytest.mark.parametrize("word", ["reran", "overwrote", "redid", "underwent", "mistook", "reread"])
def test_prefixed_irregular_pasts_are_verbs(word):
    assert verb_words._prefixed_irregular_past(word)


@pytest.mark.parametrize("word", ["output", "outlet", "unread", "unset", "red", "rest", "over"])
def test_nouns_and_adjectives_that_look_prefixed_are_not(word):
    assert not verb_words._prefixed_irregular_past(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SeriLog", True),
        ("IaC", True),
        ("PowerShell", True),
        ("iPhone", True),
        ("McKenzie", False),
        ("DeShawn", False),
        ("Dana", False),
        ("CI", False),
    ],
)
def test_camel_case_marks_products_not_names(text, expected):
    assert agents._camel_case(text) is expected


# --- Where the subject ends ---------------------------------------------------------------


def test_a_participle_phrase_runs_to_a_modal():
    words = words_of("The engineer running the cleanup should have checked")
    assert words[clause_subject._subject_end(words, 0)].low == "should"


def test_a_participle_phrase_runs_to_a_past_verb():
    words = words_of("The engineer running the cleanup deleted the bucket")
    assert words[clause_subject._subject_end(words, 0)].low == "deleted"


def test_a_participle_before_a_comma_stays_the_verb():
    words = words_of("an engineer performing maintenance , the link dropped")
    assert words[clause_subject._subject_end(words, 0)].low == "performing"


def test_finite_after_participle_stops_at_a_clause_word():
    words = words_of("the admin fixing it because nothing worked")
    assert clause_subject._finite_after_participle(words, 2) is None


def test_finite_after_participle_ignores_an_adjective_after_an_article():
    words = words_of("the admin running the unversioned script was new")
    found = clause_subject._finite_after_participle(words, 2)
    assert found is not None and words[found].low == "was"


def test_no_one_is_one_pronoun():
    words = words_of("no one acted on it")
    assert clause_subject._no_one_acts(words, 0)
    assert clause_subject._subject_end(words, 0) == 2


def test_no_one_followed_by_a_place_reads_on():
    words = words_of("no one on the call picked it up")
    assert not clause_subject._no_one_acts(words, 0)
    assert words[clause_subject._subject_end(words, 0)].low == "picked"


# --- Where a clause ends ------------------------------------------------------------------


def test_a_who_clause_ends_at_the_main_modal():
    assert clause_texts("The lead who approved it should have asked first .")[-1].startswith(
        "should have asked"
    )


def test_a_who_clause_keeps_an_auxiliary_after_a_pronoun():
    texts = clause_texts("The SRE who said she had paged storage left early .")
    assert not any(t.startswith("had") for t in texts)


def test_a_who_clause_keeps_its_own_negated_auxiliary():
    texts = clause_texts("The admin who could not have known it was paged twice .")
    assert not any(t.startswith("have known") for t in texts)


def test_relative_ends_needs_a_who_clause():
    words = words_of("the lead approved it should have asked")
    assert not clause._relative_ends(words, 0, 4)


def test_the_who_clause_after_a_subject_without_a_verb_acts_through_its_head():
    clauses = sentence("The operator on shift who took the page could have failed over .").clauses
    assert [c.agent for c in clauses][-2:] == [OTHER, OTHER]


def test_a_capitalised_name_before_who_is_a_person():
    clauses = sentence("It was Ignacio who disabled the alerts .").clauses
    assert clauses[-1].agent == OTHER


@pytest.mark.parametrize(
    "text", ["Mortified, I deleted it.", "Dana, we rolled back.", "So sorry, I restarted it."]
)
def test_a_lone_word_and_comma_before_a_pronoun_is_skipped(text):
    words = words_of(text)
    begin = clause_subject._skip_openers(words)
    assert words[begin].low in {"i", "we"}


def test_a_lone_word_needs_a_verb_after_the_pronoun():
    words = words_of("Honestly, we the people of ops")
    assert not clause_subject._lone_word_before_pronoun(words, 0)


def test_contractions_carry_the_verb_before_a_comma():
    words = words_of("Well that's awkward , I published it twice")
    assert clause._has_verb(words, 0, 4)


def test_openers_are_skipped_before_looking_for_a_verb():
    words = words_of("Yeah , this was my fault , I did it")
    assert clause._has_verb(words, 0, 6)


# --- Who acts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Appointing an incident manager could have helped.", SYSTEM),
        ("Dependabot forgot to regenerate the lockfile.", SYSTEM),
        ("CI failed twice.", SYSTEM),
        ("SeriLog should throw an error.", SYSTEM),
        ("A junior analyst's script overwrote the table.", agents.WORK),
        ("The new hire wiped the table.", OTHER),
        ("No one acted on it.", NOBODY),
        ("Yeah, we broke it.", GROUP),
        ("I'm the reason it broke.", SELF),
    ],
)
def test_agents_of_the_new_shapes(text, agent):
    assert first_clause(text).agent == agent


# --- Shared helpers -----------------------------------------------------------------------


def test_an_event_verb_with_an_object_is_an_act():
    assert cue_base._acts(first_clause("Brisco dropped the audit table."))
    assert not cue_base._acts(first_clause("Traffic dropped at noon."))


def test_a_past_verb_counts_events_too():
    assert cue_base._past_verb(first_clause("The DBA dropped the index."))
    assert not cue_base._past_verb(first_clause("The DBA is on call."))


# --- The culprit cue ------------------------------------------------------------------------


def culprit(text: str):
    s = sentence(text)
    return [cues_people.culprit(s, c) for c in s.clauses]


def test_a_person_as_the_reason_of_a_failure_is_a_culprit():
    assert any(culprit("Dana was the reason the queue backed up."))


def test_a_person_as_the_reason_of_a_success_is_credit():
    assert not any(culprit("Dana was the reason the migration finished early."))


def test_the_copula_may_sit_in_a_contraction():
    assert any(culprit("I'm the reason the deploy froze."))


def test_without_copula_or_contraction_there_is_no_verdict():
    assert not any(culprit("Dana the reason the deploy froze."))


def test_problem_and_culprit_need_no_outcome():
    assert any(culprit("Gwen is the problem."))
    assert any(culprit("Honestly the vendor was the culprit."))


def test_an_author_without_an_act_is_a_culprit_only_at_the_end():
    assert any(culprit("A contractor did this."))
    assert not any(culprit("A contractor did this and then the pipeline retried."))


def test_whoever_did_it_is_no_one_in_particular():
    assert not any(culprit("It rebukes whoever did it."))


def test_owing_an_apology_names_a_culprit_only_in_the_third_person():
    assert any(culprit("Whoever scheduled it owes support an apology."))
    assert not any(culprit("Everyone, I owe you an apology."))


# --- The shame cue ----------------------------------------------------------------------------


def shame(text: str):
    s = sentence(text)
    return [cues_people.shame(s, c) for c in s.clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Embarrassing: I pushed the keys.",
        "Embarrassing one: I rotated the key.",
        "Not my finest hour: I restarted the primary.",
        "I can't believe I did that, I wiped the cache.",
        "Guilty: I left tracing on.",
    ],
)
def test_shame_beside_the_writers_act(text):
    assert any(shame(text))


@pytest.mark.parametrize(
    "text",
    [
        "I fixed an embarrassing bug.",
        "Embarrassing: the status page went down.",
        "Embarrassing: I found that the docs were stale.",
        "Dana was so embarrassed, she pushed the fix twice.",
    ],
)
def test_no_shame_without_the_writers_own_act(text):
    assert not any(shame(text))


def test_an_apology_with_a_wrong_object_is_self_blame_but_alone_it_is_not():
    assert any(shame("Apologies, I tagged it on the wrong commit."))
    assert not any(shame("Apologies, I tagged it on the release branch."))
    assert not any(shame("I tagged it on the wrong commit."))


# --- Acts done in the face of a warning -------------------------------------------------------


def defying(text: str):
    s = sentence(text)
    return [cues_people._defying(s, c) for c in s.clauses]


@pytest.mark.parametrize(
    "text",
    [
        "Viktor shipped it despite two warnings.",
        "Hanne merged with failing checks.",
        "Olu merged the hotfix before the review was done.",
        "The DBA truncated the table during peak hours.",
        "They rolled it out on a Friday evening.",
    ],
)
def test_defiance_is_found(text):
    assert any(defying(text))


@pytest.mark.parametrize(
    "text",
    [
        "Viktor shipped it despite the short notice.",
        "Wendell shouldn't have merged before the checks passed.",
        "Omar restarted the pod after the tests passed.",
    ],
)
def test_no_defiance_without_a_warning_or_with_hindsight(text):
    assert not any(defying(text))


def test_defiance_stops_at_a_clause_with_its_own_person():
    s = sentence("Dana restarted the pod because Omar shipped it despite the warnings.")
    first = s.clauses[0]
    assert cues_people._own_subject_after(s, first) == s.clauses[1].start
    assert cues_people._defying(s, first) is None


# --- The cleft ------------------------------------------------------------------------------------


def test_a_cleft_with_a_changing_act_singles_a_person_out():
    s = sentence("It was Tom who turned off the alerts.")
    assert cues_people.cause(s, s.clauses[-1]) is not None


@pytest.mark.parametrize(
    "text", ["It was Priya who noticed the spike.", "It was Priya who restored the service."]
)
def test_a_cleft_with_credit_singles_no_one_out(text):
    s = sentence(text)
    assert cues_people.cause(s, s.clauses[-1]) is None


# --- Passive neglect ------------------------------------------------------------------------------


def test_an_open_question_inquires():
    assert cues_care._asks_which(sentence("Which deploy went out without a canary?"))
    assert not cues_care._asks_which(sentence("The deploy went out without a canary."))


def test_a_shared_clause_from_not_is_read_as_neglect():
    s = sentence("The page was acknowledged but not acted on for an hour.")
    assert any(cues_care.neglect(s, c) for c in s.clauses)


# --- Remedies -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pls double-check the tag",
        "Never, never restart the primary without a snapshot.",
        "Reiterate the change policy to every team.",
        "The team is committed to being more careful.",
    ],
)
def test_remedy_shapes_plead(text):
    s = sentence(text)
    assert any(cues_remedy.plea(s, c) for c in s.clauses)


@pytest.mark.parametrize(
    "text",
    ["Please ask in #help if it is stuck.", "The vendor suggested verifying the logins."],
)
def test_requests_and_narrated_advice_do_not_plead(text):
    s = sentence(text)
    assert not any(cues_remedy.plea(s, c) for c in s.clauses)


def test_every_cue_module_is_prepared():
    from unblame.language import cues

    assert set(cues.CUE_MODULES) == {
        cue_base,
        cues_acts,
        cues_care,
        cues_people,
        cues_questions,
        cues_remedy,
        cues_slips,
    }
    cues.prepare()
    for module in cues.CUE_MODULES:
        lazies = [v for v in vars(module).values() if isinstance(v, clause._Lazy)]
        assert lazies and all("regex" in vars(v) for v in lazies)


def test_elided_is_still_an_agent_kind():
    assert ELIDED in agents.AGENTS


# --- Who a subject is: titles, initials, trades before process-like nouns, reflexives ----

PEOPLE_SUBJECTS = [
    "Mr. Adeyemi",
    "Ms. Lindqvist",
    "Dr. Haddad",
    "K. Adeyemi",
    "A support agent",
    "The night supervisor",
    "A security guard",
    "An air traffic controller",
    "The CEO himself",
    "The platform squad",
    "The new starter",
]

THING_SUBJECTS = [
    "The monitoring agent",
    "The supervisor",
    "The job itself",
    "The starter template",
    "The config controller",
]


@pytest.mark.parametrize("subject", PEOPLE_SUBJECTS)
def test_these_subjects_are_people(subject):
    assert first_clause(f"{subject} restarted the primary at noon.").agent == OTHER


@pytest.mark.parametrize("subject", THING_SUBJECTS)
def test_these_subjects_are_things(subject):
    assert first_clause(f"{subject} restarted the primary at noon.").agent != OTHER


# --- A negation the shape expects -----------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Hana did not update the mirror list.", "Hana didn't update the mirror list."]
)
def test_a_plain_negation_makes_an_act_unreal(text: str) -> None:
    only = first_clause(text)
    assert cue_base._unreal(only, only.end)


@pytest.mark.parametrize(
    "text", ["Hana did not update the mirror list.", "Hana didn’t update the mirror list."]
)
def test_a_shape_that_expects_the_negation_keeps_the_act(text: str) -> None:
    only = first_clause(text)
    assert not cue_base._unreal(only, only.end, negation_expected=True)


@pytest.mark.parametrize(
    "text",
    [
        "If Hana did not update the mirror list, the sync retries.",
        "Hana could not update the mirror list.",
        "Hana never updated the mirror list.",
    ],
)
def test_conditions_modals_and_never_stay_unreal_when_a_negation_is_expected(text: str) -> None:
    only = first_clause(text)
    assert cue_base._unreal(only, only.end, negation_expected=True)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Hana did not update the mirror list properly.",
            "did not update the mirror list properly",
        ),
        ("Hana just didn't tag the image correctly.", "just didn't tag the image correctly"),
    ],
)
def test_not_done_right_spans_the_judged_act(text: str, found: str) -> None:
    read_sentence = sentence(text)
    span = cues_acts.slip(read_sentence, read_sentence.clauses[0])
    assert span is not None
    assert text[span[0] : span[1]] == found


@pytest.mark.parametrize(
    "text",
    [
        "Hana said the tool did not tag the image correctly.",
        "Hana did not expect the image to be tagged correctly.",
    ],
)
def test_not_done_right_wants_the_clause_s_own_verb(text: str) -> None:
    read_sentence = sentence(text)
    assert cues_acts.slip(read_sentence, read_sentence.clauses[0]) is None


# --- "so" after a copula, and a contracted "be" ending the subject -------------------------


@pytest.mark.parametrize(
    "text", ["You're so bad at cutting releases.", "It was so slow that the pager fired twice."]
)
def test_so_after_a_copula_is_an_intensifier_not_a_clause(text: str) -> None:
    assert not any(c.startswith("so ") for c in clause_texts(text))
    assert clause_texts(text)[0].split()[:3] == text.split()[:3]


def test_so_after_a_comma_still_opens_a_clause() -> None:
    assert clause_texts("The deploy failed, so we rolled back.") == [
        "The deploy failed",
        "so we rolled back .",
    ]


@pytest.mark.parametrize(
    ("text", "agent"),
    [("You're so bad at cutting releases.", OTHER), ("I'm hopeless at tagging.", SELF)],
)
def test_a_contracted_be_ends_the_subject(text: str, agent: str) -> None:
    assert first_clause(text).agent == agent


# --- The passive's "by" names who acted -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The zone file was hastily edited by one of the engineers.", OTHER),
        ("The table was dropped by Dana and nobody noticed.", OTHER),
        ("The bug was caught by the linter.", SYSTEM),
        ("The notice was overlooked by the platform team.", SYSTEM),
        ("The alert was not acknowledged by the on-call.", SYSTEM),
    ],
)
def test_a_passive_takes_a_person_after_by_as_its_agent(text: str, agent: str) -> None:
    assert first_clause(text).agent == agent


@pytest.mark.parametrize(
    "text",
    [
        "The signing key was lost by one of the admins.",
        "The wrong branch was chosen by the release manager.",
        "The release branch was frozen by Dana.",
    ],
)
def test_a_passive_with_an_irregular_participle_takes_its_agent(text: str) -> None:
    # The participles that end neither in -ed nor -en come from one list (verb_words),
    # the one the lexicon's PARTICIPLE slot is built from.
    assert first_clause(text).agent == OTHER


def test_the_participle_slot_and_the_passive_read_one_list() -> None:
    from unblame.language.lexicon import PARTICIPLE
    from unblame.language.verb_words import IRREGULAR_PARTICIPLES

    slot = re.compile(rf"(?:{PARTICIPLE})\Z", re.IGNORECASE | re.VERBOSE)
    for word in IRREGULAR_PARTICIPLES:
        assert slot.match(word), word
        assert clause_relative._participle(word), word


def test_a_failure_to_attend_is_a_persons_and_to_connect_a_machines() -> None:
    neglect = cues_care._NEGLECT_RE
    assert neglect.search("the failure to verify the upgrade")
    assert neglect.search("a failure to double-check the target host")
    assert not neglect.search("a failure to connect to the broker")
    assert not neglect.search("the failure to respond within the timeout")


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("My colleague restarted the primary.", OTHER),
        ("My manager approved the change.", OTHER),
        ("My team restarted the primary.", GROUP),
        ("Ahmed, restarted the primary?", OTHER),
        ("Reverted, accidentally pushed the old tag first.", ELIDED),
        ("Fred restarted the primary.", OTHER),
    ],
)
def test_who_acts_after_my_and_a_status_word_before_a_comma(text: str, agent: str) -> None:
    # "My" before a role is someone else unless it is the writer's own group; a capitalised
    # past form alone before a comma opens a chat line with a status, not a name.
    assert first_clause(text).agent == agent
