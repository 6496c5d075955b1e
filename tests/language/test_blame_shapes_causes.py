"""Who and what a sentence blames, read by shape: a person's work named as the reason things
went bad, a safeguard an act went without, anything destroyed on the way to other work, a
thing named bare after "so" that broke, a postpositive phrase after the person, an aside
before the subject, and a verdict told as blame or as a lesson earned.

Sentences are written for this file; the names in them are invented.
"""

from __future__ import annotations

import pytest
from test_cues import categories, cue

from unblame.language import agents, analyze, clause


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.category.value) for f in analyze(text)]


def first_agent(text: str) -> str:
    return clause.read(text, 0, len(text)).clauses[0].agent


# --- a person's work as the reason (`since`) ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Because of @oduya's change, every payment request timed out.",
            "Because of @oduya's change",
        ),
        (
            "Thanks to the contractor's script, the whole depot went dark.",
            "Thanks to the contractor's script",
        ),
        (
            "As a result of the DBA's migration, the sessions table was lost.",
            "As a result of the DBA's migration",
        ),
        ("Owing to @tarrow's push, the nightly build has been red.", "Owing to @tarrow's push"),
        # An unknown capitalised owner of work one person does.
        ("Because of Zelbrin's commit, uploads timed out.", "Because of Zelbrin's commit"),
        # The timing form the cue read before keeps working.
        ("CI has been red ever since @brun's commit.", "ever since @brun's commit"),
    ],
)
def test_a_persons_work_given_as_the_reason_things_went_bad(text: str, words: str) -> None:
    assert cue(text, "since") == words
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # A good outcome is credit.
        "Thanks to Oduya's change, the dashboards now load in under a second.",
        "Thanks to Oduya's change, the errors stopped.",
        # A capitalised owner of work a company does is as often a company.
        "Because of Cloudflare's change, requests failed.",
        "Due to Heroku's platform update, dynos restarted and requests timed out.",
        # Not a person's work at all.
        "Because of the retry storm, every payment request timed out.",
        "Because of the vendor's outage, logins failed.",
    ],
)
def test_no_person_blamed_for_credit_a_company_or_a_thing(text: str) -> None:
    assert cue(text, "since") is None
    assert "blame_other" not in categories(text)


def test_a_known_name_owns_any_work() -> None:
    # A name the analyzer knows (here from the roster) is a person, whatever the work.
    text = "Because of Wendeborn's migration, the sessions table was lost."
    assert "blame_other" not in categories(text)
    assert "blame_other" in [f.category.value for f in analyze(text, names=["Wendeborn"])]


def test_the_reason_needs_something_gone_bad() -> None:
    assert cue("Because of Oduya's change, we now page the database team.", "since") is None


@pytest.mark.parametrize(
    ("owner", "work", "personal"),
    [
        ("@tarrow", "change", True),
        ("contractor", "update", True),
        ("Zelbrin", "commit", True),
        ("Zelbrin", "refactor", True),
        ("Cloudflare", "change", False),
        ("Heroku", "update", False),
        ("Zelbrin", None, False),
    ],
)
def test_personal_work(owner: str, work: str | None, personal: bool) -> None:
    from unblame.language.cues_people import _personal_work

    assert _personal_work(owner, work) is personal


# --- a safeguard the act went without ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Oduya ran the migration without a backup.", "UB302"),
        ("Tarrow pushed the config without review.", "UB302"),
        ("The contractor deployed the change without a ticket or approval.", "UB302"),
        ("The release manager went ahead without a rollback plan.", "UB302"),
        ("The migration was run by Oduya without a backup.", "UB307"),
        ("The config was pushed by Tarrow without review.", "UB307"),
        ("The schema change was applied without a change request.", "UB307"),
    ],
)
def test_an_act_without_its_safeguard_is_care_left_undone(text: str, rule: str) -> None:
    assert (rule, "counterfactual") in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "The job runs nightly without a backup window.",
        "Oduya ran the migration without downtime.",
        "Tarrow pushed the config without any trouble.",
        "The review went ahead with a backup taken the hour before.",
    ],
)
def test_without_something_that_is_no_safeguard(text: str) -> None:
    assert "counterfactual" not in categories(text)


# --- anything destroyed on the way to other work ------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Someone dropped the invoices table while testing a script.", "dropped the"),
        ("Kesh wiped the staging database while debugging the importer.", "wiped the"),
        ("Kesh truncated the audit table when trying to fix the disk alert.", "truncated the"),
        ("While investigating the leak, Kesh deleted the primary's WAL files.", "deleted the"),
    ],
)
def test_destroyed_on_the_way_to_other_work(text: str, words: str) -> None:
    assert cue(text, "slip") == words
    assert categories(text) == ["blame_other"]


@pytest.mark.parametrize(
    "text",
    [
        # Things made to be thrown away.
        "While investigating the leak, Kesh deleted the stale pods.",
        "While investigating the leak, Kesh deleted all the stuck jobs.",
        "Kesh dropped the scratch tables while testing the migration.",
        # On purpose.
        "Kesh deleted the cache keys while debugging the importer, as planned.",
        # A thing did it.
        "The test suite dropped the invoices table while testing the migration.",
        # Destroying is what the work was for: tidying asks for a live thing (below).
        "Kesh deleted the old records while cleaning up the archive.",
    ],
)
def test_nothing_destroyed_by_the_way(text: str) -> None:
    assert "blame_other" not in categories(text)


def test_tidying_still_asks_for_a_live_thing() -> None:
    assert cue("Kesh deleted the production bucket while cleaning up test buckets.", "slip")
    assert cue("Kesh deleted the old bucket while cleaning up test buckets.", "slip") is None


# --- heavy work at the peak, with a longer object ----------------------------------------


def test_heavy_work_at_the_peak_with_a_long_object() -> None:
    text = "The analyst ran a full table scan on the primary during business hours."
    assert cue(text, "slip") == ("ran a full table scan on the primary during business hours")
    assert cue("The analyst ran a full table scan on the replica overnight.", "slip") is None


# --- harm named bare after "so" -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The developer changed the timeout, so checkout broke.",
        "Tarrow hard-coded the staging URL, so checkout broke for a week.",
        "The developer changed the timeout, so logins stopped working.",
        "Tarrow flipped the flag, so billing went dark.",
    ],
)
def test_a_bare_thing_broken_after_so(text: str) -> None:
    assert cue(text, "harm") is not None
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The developer changed the timeout, so we broke the work into two steps.",
        "The developer changed the timeout, so it broke nothing.",
        "The cache expired, so checkout broke.",
        "Tarrow changed the timeout, so checkout recovered.",
    ],
)
def test_no_person_tied_to_harm_after_so(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- who acts: the person before a postpositive phrase; an aside before the subject ------


@pytest.mark.parametrize(
    "subject",
    [
        "The person responsible for the backups",
        "The engineer accountable for the gateway",
        "The team assigned to the migration",
        "The analyst tasked with the cleanup",
    ],
)
def test_the_person_before_a_postpositive_phrase_acts(subject: str) -> None:
    assert agents.agent_of(subject) == agents.OTHER
    assert first_agent(f"{subject} deleted the wrong snapshot.") == agents.OTHER


def test_a_thing_before_a_postpositive_phrase_stays_a_thing() -> None:
    assert agents.agent_of("The job responsible for the backups") == agents.SYSTEM


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The person responsible for the backups deleted the wrong snapshot.", "blame_other"),
        ("The person responsible for the backups never tested a restore.", "counterfactual"),
    ],
)
def test_the_postpositive_person_is_read_as_the_agent(text: str, expected: str) -> None:
    assert expected in categories(text)


def test_the_responsible_person_doing_plain_work_is_not_blamed() -> None:
    assert analyze("The engineer responsible for the billing service paged the vendor.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Great, @kesh merged it with a red CI again.",
        "Honestly, @kesh merged it with a red CI.",
    ],
)
def test_an_aside_before_a_handle_leaves_the_handle_as_subject(text: str) -> None:
    sentence = clause.read(text, 0, len(text))
    assert sentence.clauses[0].agent == agents.OTHER
    assert text[sentence.clauses[0].agent_start :].startswith("@kesh")
    assert "blame_other" in categories(text)


def test_an_aside_before_a_handle_with_plain_work_blames_nobody() -> None:
    assert analyze("Sure, @kesh can take the next shift.") == []


# --- verdicts told as blame or as a lesson earned ----------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Blame the platform team for that one.", "blame_other"),
        ("I blame Oduya.", "blame_other"),
        ("That's what you get for deploying on a Friday.", "blame_other"),
        ("That's what Oduya gets for skipping the canary.", "blame_other"),
        ("Serves him right for skipping the canary.", "blame_other"),
        ("I blame myself for this one.", "self_blame"),
        ("That's what I get for deploying on a Friday.", "self_blame"),
    ],
)
def test_blame_said_outright_or_as_a_lesson_earned(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Don't blame the platform team for that one.",
        "We do not blame individuals.",
        "Blame the process, not the people.",
        "I don't blame myself for this one.",
        "This is what you get for free with the managed plan.",
        "This is what I get for free with the plan.",
    ],
)
def test_no_blame_said(text: str) -> None:
    assert not {"blame_other", "self_blame"} & set(categories(text))


# --- punishment called for, and ruled out -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Whoever set up this cron job should be fired.",
        "The engineer who did this needs to be disciplined.",
        "@vesna deserves to be written up for this.",
    ],
)
def test_punishment_called_for_is_a_verdict(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody should be fired for this.",
        "No one needs to be punished.",
        "Nobody will be disciplined for this outage.",
        "No one needs to be punished for a gap in the pipeline.",
    ],
)
def test_punishment_ruled_out_is_the_blameless_stance(text: str) -> None:
    assert categories(text) == []


def test_a_sanction_promised_is_still_a_punitive_remedy() -> None:
    text = "Anyone caught deploying on Friday will be reprimanded."
    assert ("UB503", "try_harder") in findings(text)


# --- types, sneers and habits -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This is exactly why we don't let interns near production.",
        "We don't let the contractor near the firewall.",
        "Our so-called senior engineer deleted the prod bucket.",
        "Our so-called experts missed it.",
        "The offshore vendor keeps breaking our builds.",
        "The engineers keep breaking the build.",
        "Thanks a lot @vesna for taking down staging.",
    ],
)
def test_a_person_judged_as_a_type_or_a_habit(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tests keep failing on the CI.",
        "The so-called test environment shares the prod database.",
        "Don't let the config drift.",
        "We don't let the deploy bot merge without a green build.",
    ],
)
def test_no_person_judged(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- work that led to the outage; work lost -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Management's decision led directly to this outage.", "led directly to this outage"),
        ("Vesna's change contributed to the outage.", "contributed to the outage"),
        ("@vesna's rebase lost half the commits.", "lost half the commits"),
    ],
)
def test_a_persons_work_led_to_the_outage(text: str, words: str) -> None:
    assert cue(text, "damage") == words
    assert "blame_other" in categories(text)


def test_a_thing_that_led_to_the_outage_blames_nobody() -> None:
    assert "blame_other" not in categories("The new retry policy led to the outage.")
    assert "blame_other" not in categories("The upgrade lost all the uploads.")


# --- the flawed thing pushed; a release from a fork; an anonymised person -----------------


@pytest.mark.parametrize(
    "text",
    [
        "Vesna pushed a half-finished feature to prod on her last day.",
        "The contractor deployed a half-baked migration.",
        "Someone tagged 2.0 from a fork.",
        "The maintainer published the release from his fork.",
        "Team member 2 ran the command on the wrong host.",
        "Engineer B restarted the wrong node.",
        "The helpdesk reset the wrong user's password.",
    ],
)
def test_slips_by_the_object_or_the_source(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We built the patch from a fork of the upstream project.",
        "Version 2 deleted the wrong rows.",
        "The unfinished migration was rolled back by the deploy tool.",
    ],
)
def test_no_slip_by_a_person(text: str) -> None:
    assert "blame_other" not in categories(text)


def test_an_identifier_after_a_role_is_the_persons_name() -> None:
    assert agents.agent_of("Team member 2") == agents.OTHER
    assert agents.agent_of("Engineer B") == agents.OTHER
    assert agents.agent_of("Version 2") == agents.SYSTEM
    assert agents.agent_of("Server B") == agents.SYSTEM


# --- "without … first": the step named as a precaution -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The person on call restarted the database without draining connections first.",
        "Vesna restarted the database without first draining it.",
    ],
)
def test_an_act_without_its_precaution_first(text: str) -> None:
    assert ("UB302", "counterfactual") in findings(text)


def test_a_thing_without_a_precaution_first_is_no_persons_omission() -> None:
    assert "counterfactual" not in categories(
        "The service restarted without draining connections first."
    )


# --- a handle's possessive ----------------------------------------------------------------


def test_a_handles_work_is_work_and_its_things_are_things() -> None:
    assert first_agent("@vesna's rebase lost half the commits.") == agents.WORK
    assert first_agent("@vesna's PR broke the build.") == agents.WORK
    assert first_agent("@vesna's laptop crashed.") == agents.SYSTEM
    assert first_agent("Team @ops deleted the wrong bucket.") == agents.OTHER


def test_a_numbered_ticket_after_a_persons_work_is_still_their_work() -> None:
    assert first_agent("Your PR #6185 broke the nightly build.") == agents.WORK


@pytest.mark.parametrize(
    "text",
    [
        "Kim led the response to the outage.",
        "The on-call lost connectivity to the bastion.",
        "Kim contributed to the incident review.",
    ],
)
def test_leading_contributing_and_losing_without_harm_blame_nobody(text: str) -> None:
    assert "blame_other" not in categories(text)


def test_a_person_who_lost_the_work_wrecked_it() -> None:
    assert cue("Kim lost half the commits during the rebase.", "wreck") == "lost half the commits"


# --- consequences foretold, sneers, praise for the unnamed, "courtesy of" -----------------


@pytest.mark.parametrize(
    "text",
    [
        "Someone is getting fired over this.",
        "Somebody's in trouble.",
        "Someone is in trouble over this outage.",
        "I doubt the people involved will get off lightly.",
        "I wouldn't want to be the DBA who ran that script.",
        "Maybe that engineer doesn't have such a bright future here.",
        "The contractor managed to delete the backups too.",
        "Somehow the new admin managed to lock everyone out.",
        "Only Vesna could break prod with a README change.",
        "Well done, whoever deployed this on a Friday.",
        "Another day, another outage courtesy of the platform team.",
        "Courtesy of @vesna's migration, checkout is down.",
    ],
)
def test_a_verdict_in_a_jab(text: str) -> None:
    assert "blame_other" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone is getting paged for this.",
        "The team is in trouble with the deadline.",
        "He doesn't have a career in comedy.",
        "The project does not have a future.",
        "The on-call managed to restore the database within minutes.",
        "Only the pipeline can deploy to production.",
        "Kudos to whoever wrote the runbook.",
        "Well done, whoever fixed the flaky test.",
        "Courtesy of the platform team, we now have a shared runbook.",
    ],
)
def test_no_jab(text: str) -> None:
    assert "blame_other" not in categories(text)


# --- guilt told in the present, and dismay at one's own act -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Can't believe I did that.",
        "I can't believe I missed that.",
        "I feel terrible about this.",
        "I feel really bad for waking everyone up.",
        "I'll never forgive myself for this one.",
        "I'm kicking myself for not catching it.",
        "Still kicking myself for not catching it in review.",
    ],
)
def test_guilt_and_dismay_at_ones_own_act(text: str) -> None:
    assert "self_blame" in categories(text)
    assert all(f.about_writer for f in analyze(text) if f.category.value == "self_blame")


@pytest.mark.parametrize(
    "text",
    [
        # Sympathy, a reported past feeling, and dismay at what happened.
        "I feel bad for the on-call who got paged at 3am.",
        "I felt bad about it at the time.",
        "I can't believe it took us an hour to notice.",
        "I feel good about the new checks.",
        # A plain report of one's own act is kept (the guide's behavioural self-report);
        # "I pasted the wrong token" calls the act a slip, as "accidentally" would.
        "I pasted the hotfix notes into the channel at 10:02.",
    ],
)
def test_no_self_blame(text: str) -> None:
    assert "self_blame" not in categories(text)


# --- a verbless fragment is no chat line with its subject left out ------------------------


def test_a_fragment_with_no_verb_names_a_thing_and_so_do_the_clauses_after_it() -> None:
    text = "YAML front matter; a five-whys section that names the developer (misjudged, forgot)"
    sentence = clause.read(text, 0, len(text))
    assert {c.agent for c in sentence.clauses} == {agents.SYSTEM}
    assert "self_blame" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Accidentally pushed to main, sorry.",
        "Restarted the wrong pod, sorry.",
        "Ran the migration on prod instead of staging, oops.",
    ],
)
def test_a_chat_line_that_opens_with_its_verb_still_leaves_the_writer_out(text: str) -> None:
    assert first_agent(text) == agents.ELIDED
    assert "self_blame" in categories(text)


# --- an adverb opening a chat line is no name ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Totally forgot to renew the cert.", agents.ELIDED),
        ("Completely missed the second alert.", agents.ELIDED),
        ("Kelly forgot to renew the cert.", agents.OTHER),
        ("Sally pushed the wrong tag.", agents.OTHER),
        ("Beverly pushed the wrong tag.", agents.OTHER),
    ],
)
def test_an_adverb_is_no_subject_and_short_names_stay_names(text: str, agent: str) -> None:
    assert first_agent(text) == agent


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Totally forgot to renew the cert, my bad.", "UB204"),
        ("Forgot to renew the cert, sorry.", "UB204"),
        ("Kelly forgot to renew the cert.", "UB302"),
    ],
)
def test_forgetting_with_the_subject_left_out_is_the_writers(text: str, rule: str) -> None:
    assert rule in [f.rule for f in analyze(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Forgot to mention: the dashboard moved.",
        "Sorry Vesna, didn't see your message until now.",
    ],
)
def test_forgetting_to_mention_and_etiquette_are_no_counterfactual(text: str) -> None:
    assert "counterfactual" not in categories(text)
