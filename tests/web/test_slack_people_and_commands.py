"""The Slack app rule by rule: who a Slack user is, what each command answers, the nudge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from unblame.accounts.models import User
from unblame.incidents.models import Incident, Status
from unblame.integrations import slackbot
from unblame.integrations.models import LanguageFlag, PrivateNote
from unblame.integrations.slack_client import SlackError
from unblame.integrations.slackbot import SlackChannel, SlackPerson

from .conftest import make_user


class FakeClient:
    """Answers users.info from a table; counts lookups; raises for unknown ids."""

    def __init__(self, users: dict[str, dict] | None = None) -> None:
        self.users = users or {}
        self.lookups: list[str] = []

    def user_info(self, user: str) -> dict:
        self.lookups.append(user)
        if user not in self.users:
            raise SlackError("users.info: user_not_found")
        return self.users[user]


def slack_user(name: str, email: str) -> dict:
    return {
        "name": name,
        "profile": {"display_name": name, "real_name": name.title(), "email": email},
    }


def form(user_id: str, text: str, channel=("C1", "incident-7")) -> dict[str, str]:
    return {"user_id": user_id, "text": text, "channel_id": channel[0], "channel_name": channel[1]}


@pytest.fixture
def dana(db) -> User:
    return make_user("dana", User.Role.EDITOR, email="Dana@Example.com")


@pytest.fixture
def client() -> FakeClient:
    return FakeClient(
        {
            "U_DANA": slack_user("dana", "dana@example.com"),
            "U_SHARED": slack_user("shared", "team@example.com"),
            "U_NOBODY": slack_user("nobody", ""),
        }
    )


def test_a_slack_user_is_matched_by_email_whatever_its_case(dana, client):
    person = slackbot.person_for("U_DANA", client)
    assert person.user == dana
    assert (person.display_name, person.real_name, person.handle) == ("dana", "Dana", "dana")


def test_an_email_two_accounts_share_matches_nobody(db, client):
    make_user("a1", User.Role.EDITOR, email="team@example.com")
    make_user("a2", User.Role.EDITOR, email="team@example.com")
    assert slackbot.person_for("U_SHARED", client).user is None


def test_a_deactivated_account_is_not_matched(dana, client):
    User.objects.filter(pk=dana.pk).update(is_active=False)
    assert slackbot.person_for("U_DANA", client).user is None


def test_a_matched_person_is_not_looked_up_again(dana, client):
    slackbot.person_for("U_DANA", client)
    slackbot.person_for("U_DANA", client)
    assert client.lookups == ["U_DANA"]


def test_an_unmatched_person_is_looked_up_again_only_after_a_while(db, client):
    slackbot.person_for("U_NOBODY", client)
    slackbot.person_for("U_NOBODY", client)
    assert client.lookups == ["U_NOBODY"]
    earlier = timezone.now() - SlackPerson.LOOK_UP_AGAIN - timedelta(minutes=1)
    SlackPerson.objects.filter(slack_id="U_NOBODY").update(looked_up_at=earlier)
    slackbot.person_for("U_NOBODY", client)
    assert client.lookups == ["U_NOBODY", "U_NOBODY"]


def test_a_failed_lookup_leaves_the_person_unmatched_and_is_tried_later(db, client):
    person = slackbot.person_for("U_GONE", client)
    assert person.user is None and person.looked_up_at is not None
    assert str(person) == "U_GONE"


def test_a_linking_code_is_for_one_account_and_cannot_be_altered(dana):
    code = slackbot.link_code(dana)
    assert slackbot.user_for_code(code) == dana
    assert slackbot.user_for_code(code[:-2] + "xx") is None
    assert slackbot.user_for_code("") is None


def test_an_unknown_word_answers_with_the_usage(dana, client):
    assert slackbot.run_command(form("U_DANA", "dance"), client) == slackbot.USAGE


def test_declare_without_a_title_asks_for_one(dana, client):
    assert "Give the incident a title" in slackbot.run_command(form("U_DANA", "declare"), client)
    assert not Incident.objects.exists()


def test_declare_uses_the_least_severe_level_and_keeps_long_titles_to_the_limit(dana, client):
    reply = slackbot.run_command(form("U_DANA", "declare " + "x" * 300), client)
    incident = Incident.objects.get()
    assert len(incident.title) == 200
    assert incident.severity.name == "SEV4"
    assert incident.summary == "Declared from Slack, #incident-7."
    assert f"#{incident.pk}" in reply


def test_a_channel_whose_incident_is_resolved_can_declare_a_new_one(dana, client):
    slackbot.run_command(form("U_DANA", "declare First"), client)
    first = Incident.objects.get()
    Incident.objects.filter(pk=first.pk).update(status=Status.RESOLVED)
    slackbot.run_command(form("U_DANA", "declare Second"), client)
    assert SlackChannel.objects.get().incident.title == "Second"


def test_note_without_text_asks_for_it(dana, client):
    slackbot.run_command(form("U_DANA", "declare First"), client)
    assert "Write the note" in slackbot.run_command(form("U_DANA", "note"), client)


def test_note_and_status_in_an_unlinked_channel_say_so(dana, client):
    for text in ("note hello", "status", "channel-nudges off"):
        reply = slackbot.run_command(form("U_DANA", text, channel=("C9", "random")), client)
        assert reply == "This channel is not linked to an incident you can see."


def test_a_viewer_cannot_turn_a_channels_nudges_off(dana, client):
    slackbot.run_command(form("U_DANA", "declare First"), client)
    make_user("vera", User.Role.VIEWER, email="vera@example.com")
    client.users["U_VERA"] = slack_user("vera", "vera@example.com")
    reply = slackbot.run_command(form("U_VERA", "channel-nudges off"), client)
    assert "not change their settings" in reply
    assert SlackChannel.objects.get().nudges is True


@pytest.mark.parametrize("text", ["nudges", "nudges maybe", "channel-nudges sometimes"])
def test_on_off_switches_need_on_or_off(dana, client, text):
    slackbot.run_command(form("U_DANA", "declare First"), client)
    assert "Say `/unblame" in slackbot.run_command(form("U_DANA", text), client)


def test_an_unmatched_person_may_still_turn_their_nudges_off(db, client):
    reply = slackbot.run_command(form("U_NOBODY", "nudges off"), client)
    assert reply == "Private notes are off for you."
    assert SlackPerson.objects.get(slack_id="U_NOBODY").nudges is False


def test_the_nudge_slot_is_taken_once_per_interval(db, settings, monkeypatch):
    monkeypatch.setenv("UNBLAME_SLACK_NUDGE_MINUTES", "10")
    person = SlackPerson.objects.create(slack_id="U1")
    now = timezone.now()
    assert person.claim_nudge(now)
    assert not person.claim_nudge(now + timedelta(minutes=9))
    assert person.claim_nudge(now + timedelta(minutes=11))


def test_a_zero_interval_never_holds_a_nudge_back(db, monkeypatch):
    monkeypatch.setenv("UNBLAME_SLACK_NUDGE_MINUTES", "0")
    person = SlackPerson.objects.create(slack_id="U1")
    now = timezone.now()
    assert person.claim_nudge(now) and person.claim_nudge(now)


def _finding(cls, message: str, suggestion: str):
    return cls(rule="UB201", excerpt="x", message=message, suggestion=suggestion)


def test_the_nudge_text_says_each_suggestion_once_and_where_the_note_is_kept():
    notes = [
        _finding(PrivateNote, "You take the blame on yourself here.", "Describe what you saw."),
        _finding(PrivateNote, "You narrate your own action as a slip.", "Describe what you saw."),
    ]
    text = slackbot.nudge_text(notes, [])
    assert text.startswith("Only you can see this note from unblame.")
    assert text.count("Describe what you saw.") == 1
    assert "kept on the incident timeline for you alone" in text


def test_a_nudge_about_a_colleague_mentions_no_private_note():
    flags = [_finding(LanguageFlag, "A person is named as the cause.", "Describe the action.")]
    text = slackbot.nudge_text([], flags)
    assert "A person is named as the cause. Describe the action." in text
    assert "for you alone" not in text


def test_the_manifest_names_every_request_url_and_the_scopes_the_app_uses():
    manifest = slackbot.manifest("https://incidents.example.com/", "unblame")
    urls = {
        manifest["settings"]["event_subscriptions"]["request_url"],
        manifest["settings"]["interactivity"]["request_url"],
        manifest["features"]["slash_commands"][0]["url"],
    }
    assert urls == {
        "https://incidents.example.com/hooks/slack/events",
        "https://incidents.example.com/hooks/slack/interactions",
        "https://incidents.example.com/hooks/slack/commands",
    }
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"chat:write", "commands", "users:read.email", "channels:history"} <= scopes


def test_a_button_other_than_stop_changes_nothing(db):
    payload = {"user": {"id": "U1"}, "actions": [{"action_id": "something_else"}]}
    assert slackbot.receive_interaction(payload) is None
    assert not SlackPerson.objects.exists()
