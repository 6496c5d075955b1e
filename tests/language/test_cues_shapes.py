"""Slips told by the shape of the act (`cues_slips`), acts owned a sentence away in a chat
line (`owned`), and mishaps named as a person's doing (`authored`).

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories, cue

from unblame.language import agents, clause

# --- the shape of the act -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Ahead of the check that would have stopped it.
        ("Ferreira merged the hotfix before CI finished.", "merged the hotfix before CI"),
        (
            "Sales launched the promo before the new pricing pages were live.",
            "launched the promo before the new pricing pages were live",
        ),
        # A live thing cleared while tidying up.
        (
            "An admin purged the production queue while clearing out old test jobs.",
            "purged the production",
        ),
        # A test thing on the live system.
        ("The intern pointed the stress test at production.", "stress test at production"),
        (
            "Ferreira pasted the staging endpoint into the production config.",
            "staging endpoint into the production",
        ),
        # An outcome other than the one meant.
        (
            "Ferreira meant to drain one node but drained the whole pool.",
            "meant to drain one node but drained",
        ),
        # A safeguard switched off for convenience.
        (
            "The operator muted the disk alarms to stop the noise.",
            "muted the disk alarms to stop",
        ),
        ("Ferreira snoozed the page and went back to sleep.", "snoozed the page and went"),
        # A stale source.
        (
            "Ferreira cut the release from an outdated local branch.",
            "cut the release from an outdated local branch",
        ),
        # A physical mishap.
        ("A contractor knocked loose the uplink cable.", "knocked loose"),
        ("The excavation crew dug through the fibre bundle.", "dug through the fibre"),
    ],
)
def test_a_slip_in_the_shape_of_another_persons_act(text, words):
    assert cue(text, "slip") == words
    assert categories(text)[:1] == ["blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        # Checks that ran first, or a "before" about something else.
        "Ferreira merged the hotfix after CI finished.",
        "Ferreira deployed the fix before the evening peak started.",
        "The team paged the DBA before the queue finished draining.",
        # Tidying up the old, or the live thing cleared on purpose.
        "An admin purged the old test queues while cleaning up.",
        "While cleaning up, Ferreira removed the production replicas as planned.",
        # Tests meant for production.
        "Ferreira ran the smoke tests against production after the deploy.",
        "The synthetic checks run against production every minute.",
        # Attempts the system stopped; intentions without another act.
        "Ferreira tried to restart the pod but the API was down.",
        "Ferreira meant to help, but she had no access.",
        "The script was supposed to finish in minutes, but it ran for hours.",
        # A flaky test switched off, or an alert muted while the fix went out.
        "Ferreira disabled the flaky test to unblock the release train.",
        "The team muted the alert while they fixed the queue.",
        # A release cut the usual way.
        "We cut the release from main at noon.",
        "Ferreira restored the table from the nightly snapshot.",
    ],
)
def test_acts_of_the_same_words_that_are_no_slip(text):
    assert "blame_other" not in categories(text)


def test_the_writers_own_act_in_the_same_shape_is_the_behavioural_report():
    # "slip" reads other people's acts; the writer's own plain report stays unflagged.
    assert categories("I ran the load test against the live cluster at 14:00.") == []


# --- owned in the chat line ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I rebooted the gateway believing it was the lab one. Sorry about that.",
        "Argh. I published the docs site from my scratch branch.",
        "I rotated the signing key while builds still used it, whoops.",
        "I merged before the checks went green, my bad.",
        "I renamed the bucket thinking it was unused. Sorry all.",
    ],
)
def test_an_act_owned_by_dismay_or_an_apology_in_its_line(text):
    assert categories(text)[:1] == ["self_blame"]


@pytest.mark.parametrize(
    "text",
    [
        # Etiquette: an apology beside a plain act.
        "I restarted the broker at 14:05. Sorry for the noise in this channel.",
        "Sorry for the delay, I reviewed the PR this morning.",
        # Dismay at what befell the writer, or at a find.
        "I was paged twice overnight, ugh.",
        "Ugh. I found the stuck consumer and restarted it.",
        # A correction of words, not an act put in place.
        "Oops, typo above: I meant port 8443.",
        # Dismay as a noun.
        "I fixed the layout of the oops page.",
    ],
)
def test_apologies_and_dismay_that_own_no_slip(text):
    assert "self_blame" not in categories(text)


def test_the_line_is_read_only_when_it_is_short_enough_to_be_chat():
    filler = "The queue drained slowly while the consumers recovered. " * 6
    prose = "I renamed the bucket thinking it was unused. " + filler + "Sorry."
    assert "self_blame" not in categories(prose)
    chat = "I renamed the bucket thinking it was unused. Sorry."
    assert categories(chat) == ["self_blame"]


def test_each_line_of_a_document_is_its_own_chat_line():
    text = "I renamed the bucket thinking it was unused.\n\nSorry for the delay on the review."
    assert categories(text) == []


# --- a mishap named as someone's doing ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Full disclosure: the 4am pager storm was me.", "self_blame"),
        ("That burst of 503s was my warm-up script hitting the origin.", "self_blame"),
        ("The checkout outage was Okonkwo's doing.", "blame_other"),
        ("The latency spike on Friday was @vral's script.", "blame_other"),
    ],
)
def test_a_mishap_named_as_a_persons_doing(text, category):
    assert categories(text)[:1] == [category]


@pytest.mark.parametrize(
    "text",
    [
        "The person on call was me.",
        "The incident commander was me.",
        "The fix was Okonkwo's work.",
        "The outage was in Okonkwo's region.",
        "The 4am page was me and Lee's to answer.",
        "The latency spike was the scheduler's doing.",
    ],
)
def test_a_role_a_credit_or_a_thing_is_no_authorship_of_a_mishap(text):
    found = categories(text)
    assert "self_blame" not in found and "blame_other" not in found


# --- harm told as a present or a state; names ending in a double s -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ferreira's patch dropped the timeout guard, and now every export hangs and fails.",
        "Ferreira's refactor removed the retry, and the mail queue backed up within minutes.",
        "Ferreira shipped a template with a stray brace and the renderer rejected it everywhere.",
        "Ferreira left the read-only flag on after the upgrade, so nobody could save drafts.",
    ],
)
def test_an_act_tied_to_an_outcome_told_as_a_state(text):
    assert categories(text)[:1] == ["blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        "Ferreira added a retry, so users can now resume uploads.",
        "Ferreira drained the node, and the pods were rescheduled.",
        # A step not taken is hindsight, which the counterfactual rules name.
        "Someone forgot to pin the base image, so every nightly build is failing.",
    ],
)
def test_outcomes_that_are_good_or_belong_to_hindsight(text):
    assert "blame_other" not in categories(text)


def test_a_name_ending_in_a_double_s_is_a_name_and_a_noun_so_ending_is_not():
    assert agents.agent_of("Voss") == agents.OTHER
    assert agents.agent_of("Hess") == agents.OTHER
    for noun in ("Access", "Business", "Progress", "Loss"):
        assert agents.agent_of(noun) == agents.SYSTEM, noun


def test_a_word_that_starts_with_a_slip_verb_is_not_the_slip_verb():
    # "broker" begins with "broke": the self-slip pattern ends at a word boundary.
    assert categories("I restarted the broker at 14:05.") == []
    assert categories("I broke the broker config at 14:05.") == ["self_blame"]


@pytest.mark.parametrize(
    "text",
    [
        "Ugh, @pell pushed straight to master again.",
        "Ferreira approved her own merge request to beat the freeze.",
        "Ferreira exported the customer records table to his personal laptop.",
        "Ferreira rolled the resolver change out to all regions at the same time.",
        "Ferreira kicked off the full reindex during the holiday sale peak.",
    ],
)
def test_review_stepped_around_data_carried_off_and_work_at_the_peak(text):
    assert categories(text)[:1] == ["blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        "The CI bot merged its own PR after the checks passed.",
        "Ferreira copied the production dashboard link to her notes.",
        "We scheduled the maintenance during the quietest hour.",
        "Ferreira pushed the docs fix to main after review.",
    ],
)
def test_the_same_acts_done_the_usual_way(text):
    assert "blame_other" not in categories(text)


# --- things went bad since a person's act -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "since @quirin merged #77 the arm64 build is red",
        "the nightly has been failing ever since @tove's bump",
        "this regression came in with Ferreira's refactor",
        "Checkout errors started right after @ilse's config change went out.",
        "Since he merged the PR, the tests are failing.",
    ],
)
def test_a_bad_state_dated_from_a_persons_act(text):
    assert categories(text)[:1] == ["blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        "The errors stopped after Ferreira's fix went out.",
        "Since Ferreira joined, the build has been stable.",
        "After Ferreira's change, we saw fewer timeouts.",
        "We have had an outage since Monday.",
        "Since we merged the PR, the tests are failing.",
    ],
)
def test_a_good_outcome_a_date_or_our_own_act_is_no_culprit(text):
    assert "blame_other" not in categories(text)


# --- self-judgement in other words -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Twelve years on call and I still made a beginner mistake with the flags.",
        "Honestly I should never have been allowed near the root keys.",
        "I own this one: I rushed the rollout.",
    ],
)
def test_self_judgement_in_other_words(text):
    assert categories(text)[:1] == ["self_blame"]


def test_owning_a_thing_is_not_owning_a_mistake():
    assert categories("I own that dashboard, ping me with questions.") == []


# --- "Human Error" as a title -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Further reading: Dekker, The Field Guide to Understanding Human Error.",
        "The team read Behind Human Error before the retro.",
        "See Reason's Human Error (1990) for the taxonomy of slips and lapses.",
    ],
)
def test_a_book_title_is_a_mention(text):
    assert "human_error" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Human Error caused the outage.",
        "The root cause was Human Error.",
        "Root Cause: Human Error",
        "Cause: Human Error on the deploy step.",
    ],
)
def test_a_capitalised_label_given_as_the_cause_is_still_the_label(text):
    assert "human_error" in categories(text)


# --- pleas that span a clause, compliance asked of everyone, promises to do it right ------


@pytest.mark.parametrize(
    "text",
    [
        "Think before you force-push, folks.",
        "Stick to the release checklist, everyone.",
        "Follow the deploy runbook to the letter.",
        "From here on I'll tag releases more carefully.",
    ],
)
def test_effort_asked_of_people(text):
    assert categories(text)[:1] == ["try_harder"]


@pytest.mark.parametrize(
    "text",
    [
        "Follow the runbook in docs/ops.md to restore the replica.",
        "Follow the restore steps below.",
        "Think about the blast radius before the design review.",
        "I'll configure the alert properly once the dashboard lands.",
        "We'll set the TTL properly in the template.",
    ],
)
def test_instructions_and_system_changes_ask_no_effort(text):
    assert "try_harder" not in categories(text)


# --- hindsight in an inverted condition, a safety option left off, names before "never" ---


@pytest.mark.parametrize(
    "text",
    [
        "Had the page been acknowledged, the failover would have started sooner.",
        "Had the migration been reviewed by the DB team, the lock would have been caught.",
        "If I'd opened the dashboard first, I'd have seen the spike.",
        "Ferreira didn't pass the --dry-run flag and rebooted every host.",
        "Ferreira never set a WHERE clause on the delete.",
    ],
)
def test_hindsight_about_care_left_undone(text):
    assert categories(text)[:1] == ["counterfactual"]


@pytest.mark.parametrize(
    "text",
    [
        "Had the disk been larger, the job would have finished.",
        "The client library didn't set a timeout.",
    ],
)
def test_a_design_condition_or_a_things_default_is_no_hindsight_about_people(text):
    assert "counterfactual" not in categories(text)


def test_a_name_before_never_is_the_subject_not_a_vocative():
    assert "try_harder" not in categories("Ferreira never set a WHERE clause on the delete.")
    assert categories("@robin, never force-push to main.") == ["try_harder"]
    assert categories("@robin @kai please double-check the tag next time.") == ["try_harder"]


@pytest.mark.parametrize(
    "text",
    [
        "A stray digit typed into the quota field doubled every tenant's bill.",
        "A copy-paste slip in the ACL opened the admin port to the world.",
        "A hand-edited value in the manifest took the cache offline.",
        "A wrong option selected in the console made all the buckets public.",
    ],
)
def test_a_slip_as_the_subject_that_did_the_damage(text):
    assert categories(text)[:1] == ["human_error"]


def test_a_typo_that_made_it_into_the_notes_did_no_damage():
    assert "human_error" not in categories("A typo made it into the release notes.")


def test_a_department_acts_through_its_people_and_it_in_capitals_is_no_pronoun():
    assert categories("The city's IT department pushed an untested update to every kiosk.") == [
        "blame_other"
    ]
    # "They" in technical writing is as often tools as people: only a blunder counts.
    assert categories("They pushed an untested update to every kiosk.") == []
    assert categories("The department's server went down at noon.") == []


def test_a_roles_misconfiguration_that_left_people_offline_is_the_slip_as_cause():
    text = "Officials said a technician's misconfiguration left the clinics offline for a day."
    assert categories(text) == ["human_error"]


@pytest.mark.parametrize(
    "text",
    [
        "guess who just deleted the shared fixtures",
        "my reindex script flooded the queue, draining it now",
        "No idea how I overlooked the second region.",
    ],
)
def test_self_blame_told_as_a_riddle_a_work_that_did_damage_or_disbelief(text):
    assert categories(text)[:1] == ["self_blame"]


@pytest.mark.parametrize(
    "text",
    [
        "Guess who is on call this weekend.",
        "I have no idea how the cache got corrupted.",
        "My patch fixed the flood of retries.",
    ],
)
def test_riddles_and_questions_about_the_system_are_not_self_blame(text):
    assert "self_blame" not in categories(text)


def test_knowing_better_with_an_adverb_is_still_hindsight_about_the_writer():
    assert categories("I really should know better than to rebase at 5pm.") == ["counterfactual"]


@pytest.mark.parametrize(
    "text",
    [
        "heads-up @pim, you tagged the 3.2.1 release using the 3.2.11 tag",
        "Ferreira published v5.0.0 as 4.9.9 on PyPI.",
    ],
)
def test_one_version_put_where_another_belongs(text):
    assert categories(text)[:1] == ["blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        "We tagged 1.2.0 using the 1.2.0 changelog draft.",
        "Ferreira tagged 2.0.0 from the 1.9 branch as planned.",
        "We upgraded to 2.4.1 at 14:05, and the errors stopped.",
    ],
)
def test_the_same_version_or_a_source_branch_is_no_mixup(text):
    assert "blame_other" not in categories(text)


def test_a_version_number_is_one_word_to_the_clause_reader():
    sentence = clause.read("Ferreira tagged v2.4.10 today.", 0, 30)
    assert [w.text for w in sentence.words][:3] == ["Ferreira", "tagged", "v2.4.10"]
    assert len(sentence.clauses) == 1


@pytest.mark.parametrize(
    "text",
    [
        "@orrin I don't understand how this is even possible.",
        "Vasquez is the expert on these outages, having caused most of them.",
        "bad @kev. three regressions this week.",
        "Intro line.\n\nTypical platform team, shipping on a Friday again.",
    ],
)
def test_incredulity_at_a_person_a_cause_pinned_in_passing_and_scolding(text):
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't understand how this is possible: the lock should have held.",
        "Vasquez, having restarted the primary, watched the replicas catch up.",
        "Bad news: the disk filled again.",
        "Bad idea.",
    ],
)
def test_confusion_a_narrated_participle_and_bad_news_blame_nobody(text):
    assert "blame_other" not in categories(text)


@pytest.mark.parametrize(
    "text",
    ["Noted, won't happen again.", "This will not happen again, I promise."],
)
def test_a_promise_with_nothing_behind_it(text):
    assert categories(text) == ["try_harder"]


@pytest.mark.parametrize(
    "text",
    [
        "We added a required check to the deploy job, so this won't happen again.",
        "The new lock means it won't happen again.",
    ],
)
def test_a_mechanism_behind_the_promise_is_a_fix(text):
    assert "try_harder" not in categories(text)


def test_one_reading_of_a_past_form_for_every_cue():
    from unblame.language.verb_words import past_form

    for word in ("dropped", "ran", "took", "reran", "overwrote", "mistook", "dug"):
        assert past_form(word), word
    for word in ("need", "speed", "feed", "run", "breaks"):
        assert not past_form(word), word
    # "I need the logs" names no act of the writer's.
    assert categories("Ugh. I need the logs from the primary.") == []


@pytest.mark.parametrize(
    "text",
    [
        "I ran the migration, leading to a twenty-minute outage.",
        "I restarted the primary, which caused the failover storm.",
    ],
)
def test_the_writers_act_tied_to_the_harm(text):
    assert categories(text)[:1] == ["self_blame"]


@pytest.mark.parametrize(
    "text",
    [
        "I rolled back the deploy, which brought the error rate down.",
        "Ferreira rolled back the deploy, which brought the latency back down.",
        "I restarted the consumer, and the queue drained.",
        "Ferreira took the API down for planned maintenance at 02:00.",
        "Ferreira took the queue down as scheduled.",
    ],
)
def test_less_of_a_bad_thing_and_planned_work_are_no_harm(text):
    found = categories(text)
    assert "self_blame" not in found and "blame_other" not in found


@pytest.mark.parametrize(
    "text",
    ["Dropped the wrong table again, ugh.", "Pushed to the wrong remote. Sorry!"],
)
def test_a_chat_line_with_its_subject_left_out_owned_by_dismay_or_an_apology(text):
    assert categories(text)[:1] == ["self_blame"]


@pytest.mark.parametrize(
    "text",
    [
        "Restarted the broker at 14:05. Sorry for the noise.",
        "Deployed the fix at 14:05, sorry for the delay.",
    ],
)
def test_a_plain_act_with_its_subject_left_out_and_etiquette_is_no_self_blame(text):
    assert categories(text) == []


def test_a_name_before_an_article_keeps_its_verb_further_on():
    sentence = clause.read("Ahmed the DBA restarted the primary.", 0, 36)
    assert sentence.clauses[0].agent == agents.OTHER
