"""The Slack app end to end: signed requests in, a fake Slack Web API on 127.0.0.1 answering.

Requests are signed here the way Slack documents it (HMAC-SHA256 of
`v0:{timestamp}:{body}`), computed independently of unblame's own code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from urllib.parse import urlencode

import pytest
from django.test import Client

from unblame.accounts.models import User
from unblame.incidents.models import Incident, Responder, TimelineEvent
from unblame.integrations.models import CHAT_SOURCE, LanguageFlag, PrivateNote, import_chat
from unblame.integrations.slack import parse_slack_export
from unblame.integrations.slackbot import SlackChannel, SlackPerson, link_code

from .conftest import make_user
from .fake_servers import FakeServer

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SLACK_USERS = {
    "U_ED": {"name": "ed", "real_name": "Ed Editor", "email": "ed@example.com"},
    "U_VIC": {"name": "vic", "real_name": "Vic Viewer", "email": "vic@example.com"},
    "U_NEW": {"name": "newbie", "real_name": "New Person", "email": "nobody@example.com"},
    "U_OTTO": {"name": "otto", "real_name": "Otto Outsider", "email": "otto@example.com"},
}


def _user_info(request):
    slack_id = request.form()["user"]
    known = SLACK_USERS.get(slack_id)
    if known is None:
        return 200, {"ok": False, "error": "user_not_found"}
    profile = {"display_name": known["name"], "real_name": known["real_name"]}
    profile["email"] = known["email"]
    return 200, {"ok": True, "user": {"id": slack_id, "name": known["name"], "profile": profile}}


@pytest.fixture
def slack(monkeypatch):
    with FakeServer() as server:
        server.routes[("POST", "/api/users.info")] = _user_info
        server.routes[("POST", "/api/chat.postEphemeral")] = (200, {"ok": True})
        monkeypatch.setenv("UNBLAME_SLACK_SIGNING_SECRET", SECRET)
        monkeypatch.setenv("UNBLAME_SLACK_BOT_TOKEN", "xoxb-test-token")
        monkeypatch.setenv("UNBLAME_SLACK_API_URL", server.url + "/api/")
        yield server


@pytest.fixture
def people(db):
    return {
        "ed": make_user("ed", User.Role.EDITOR, email="ed@example.com"),
        "vic": make_user("vic", User.Role.VIEWER, email="vic@example.com"),
        "otto": make_user("otto", User.Role.EDITOR, email="otto@example.com"),
    }


def signed(body: bytes, *, at: float | None = None, secret: str = SECRET) -> dict[str, str]:
    timestamp = str(int(time.time() if at is None else at))
    base = b"v0:" + timestamp.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"HTTP_X_SLACK_REQUEST_TIMESTAMP": timestamp, "HTTP_X_SLACK_SIGNATURE": "v0=" + digest}


def post(path: str, body: bytes, content_type: str, headers: dict[str, str] | None = None):
    extra = signed(body) if headers is None else headers
    return Client().post(path, data=body, content_type=content_type, **extra)


def command(run, user_id: str, text: str, channel=("C_INC", "incident-42")):
    body = urlencode(
        {
            "command": "/unblame",
            "text": text,
            "user_id": user_id,
            "channel_id": channel[0],
            "channel_name": channel[1],
            "team_id": "T1",
        }
    ).encode()
    with run(execute=True):
        return post("/hooks/slack/commands", body, "application/x-www-form-urlencoded")


def message(run, user_id: str, text: str, ts: str, channel: str = "C_INC"):
    payload = {
        "type": "event_callback",
        "event_id": "Ev" + ts.replace(".", ""),
        "event": {"type": "message", "channel": channel, "user": user_id, "text": text, "ts": ts},
    }
    with run(execute=True):
        return post("/hooks/slack/events", json.dumps(payload).encode(), "application/json")


def replies(slack, user_id: str | None = None) -> list[dict]:
    calls = [r.json() for r in slack.calls("/api/chat.postEphemeral")]
    return [c for c in calls if user_id is None or c["user"] == user_id]


@pytest.fixture
def declared(slack, people, sev2, django_capture_on_commit_callbacks):
    command(django_capture_on_commit_callbacks, "U_ED", "declare Checkout is down")
    return Incident.objects.get(title="Checkout is down")


# -- Signatures -------------------------------------------------------------------------------


def test_it_answers_the_url_verification_challenge(slack, db):
    body = json.dumps({"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmd"})
    response = post("/hooks/slack/events", body.encode(), "application/json")
    assert response.status_code == 200
    assert response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmd"}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_X_SLACK_REQUEST_TIMESTAMP": str(int(time.time()))},
        {"HTTP_X_SLACK_REQUEST_TIMESTAMP": "soon", "HTTP_X_SLACK_SIGNATURE": "v0=00"},
    ],
    ids=["unsigned", "no-signature", "bad-timestamp"],
)
def test_unsigned_requests_get_401_and_leave_no_trace(slack, people, headers, caplog):
    body = json.dumps({"type": "url_verification", "challenge": "x"}).encode()
    with caplog.at_level(logging.DEBUG):
        response = post("/hooks/slack/events", body, "application/json", headers)
    assert response.status_code == 401
    assert b"challenge" not in response.content
    assert not [r for r in caplog.records if r.name.startswith("django.request")]
    assert not SlackPerson.objects.exists()


def test_a_signature_with_another_secret_is_refused(slack, people, sev2):
    body = urlencode({"text": "declare Forged", "user_id": "U_ED", "channel_id": "C1"}).encode()
    headers = signed(body, secret="not-the-secret")
    response = post("/hooks/slack/commands", body, "application/x-www-form-urlencoded", headers)
    assert response.status_code == 401
    assert not Incident.objects.exists()


def test_a_body_changed_after_signing_is_refused(slack, db):
    headers = signed(b'{"type": "url_verification", "challenge": "a"}')
    tampered = b'{"type": "url_verification", "challenge": "b"}'
    assert post("/hooks/slack/events", tampered, "application/json", headers).status_code == 401


def test_a_request_older_than_five_minutes_is_refused(slack, db):
    body = json.dumps({"type": "url_verification", "challenge": "old"}).encode()
    stale = signed(body, at=time.time() - 6 * 60)
    assert post("/hooks/slack/events", body, "application/json", stale).status_code == 401
    fresh = signed(body, at=time.time() - 4 * 60)
    assert post("/hooks/slack/events", body, "application/json", fresh).status_code == 200


def test_without_a_signing_secret_everything_is_refused(slack, monkeypatch, db):
    monkeypatch.delenv("UNBLAME_SLACK_SIGNING_SECRET")
    body = json.dumps({"type": "url_verification", "challenge": "x"}).encode()
    headers = signed(body, secret="")
    assert post("/hooks/slack/events", body, "application/json", headers).status_code == 401


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b"\xff\xfe"])
def test_a_signed_but_malformed_event_body_is_a_400(slack, db, body):
    assert post("/hooks/slack/events", body, "application/json").status_code == 400


def test_a_signed_command_without_user_or_channel_is_a_400(slack, db):
    body = urlencode({"text": "status"}).encode()
    assert (
        post("/hooks/slack/commands", body, "application/x-www-form-urlencoded").status_code == 400
    )


def test_a_signed_interaction_with_a_malformed_payload_is_a_400(slack, db):
    body = urlencode({"payload": "{oops"}).encode()
    response = post("/hooks/slack/interactions", body, "application/x-www-form-urlencoded")
    assert response.status_code == 400


# -- Commands -----------------------------------------------------------------------------------


def test_help_is_answered_at_once_without_calling_slack(slack, db):
    body = urlencode({"text": "", "user_id": "U_ED", "channel_id": "C1"}).encode()
    response = post("/hooks/slack/commands", body, "application/x-www-form-urlencoded")
    assert response.json()["response_type"] == "ephemeral"
    assert "/unblame declare" in response.json()["text"]
    assert slack.requests == []


def test_declare_opens_an_incident_linked_to_the_channel_with_its_declarer_in_command(
    declared, people, slack
):
    assert declared.created_by == people["ed"]
    assert declared.responders.get().role == Responder.Role.INCIDENT_COMMANDER
    link = SlackChannel.objects.get(channel_id="C_INC")
    assert (link.incident, link.name) == (declared, "incident-42")
    reply = replies(slack, "U_ED")[-1]
    assert reply["channel"] == "C_INC"
    assert f"Declared #{declared.pk} Checkout is down" in reply["text"]
    assert (
        slack.calls("/api/chat.postEphemeral")[-1].headers["authorization"]
        == "Bearer xoxb-test-token"
    )


def test_declare_is_refused_in_a_channel_already_on_an_open_incident(
    declared, slack, django_capture_on_commit_callbacks
):
    command(django_capture_on_commit_callbacks, "U_ED", "declare Second one")
    assert Incident.objects.count() == 1
    assert "already linked" in replies(slack, "U_ED")[-1]["text"]


def test_a_viewer_cannot_declare(slack, people, sev2, django_capture_on_commit_callbacks):
    command(django_capture_on_commit_callbacks, "U_VIC", "declare Not mine to declare")
    assert not Incident.objects.exists()
    assert "not declare" in replies(slack, "U_VIC")[-1]["text"]


def test_an_unmatched_person_is_asked_once_to_link_then_acts_as_their_account(
    slack, people, sev2, django_capture_on_commit_callbacks
):
    run = django_capture_on_commit_callbacks
    command(run, "U_NEW", "declare Something broke")
    assert not Incident.objects.exists()
    assert "/slack/link/" in replies(slack, "U_NEW")[-1]["text"]
    page = Client()
    page.force_login(people["otto"])
    shown = page.get("/slack/link/")
    code = link_code(people["otto"])
    assert code in shown.content.decode()
    command(run, "U_NEW", f"link {code}")
    assert "linked to the unblame account otto" in replies(slack, "U_NEW")[-1]["text"]
    command(run, "U_NEW", "declare Something broke")
    assert Incident.objects.get().created_by == people["otto"]


def test_a_forged_link_code_links_nobody(slack, people, django_capture_on_commit_callbacks):
    command(django_capture_on_commit_callbacks, "U_NEW", "link 1:forged:code")
    assert "not valid" in replies(slack, "U_NEW")[-1]["text"]
    assert SlackPerson.objects.get(slack_id="U_NEW").user is None


def test_note_adds_to_the_timeline_as_the_person(
    declared, people, slack, django_capture_on_commit_callbacks
):
    command(django_capture_on_commit_callbacks, "U_ED", "note Rolled back build 4411")
    event = declared.events.get(text="Rolled back build 4411")
    assert event.author == people["ed"] and event.kind == TimelineEvent.Kind.NOTE


def test_status_shows_the_linked_incident(declared, slack, django_capture_on_commit_callbacks):
    command(django_capture_on_commit_callbacks, "U_VIC", "status")
    text = replies(slack, "U_VIC")[-1]["text"]
    assert f"#{declared.pk} Checkout is down: Investigating" in text


def test_a_restricted_incident_stays_invisible_to_others_in_its_channel(
    declared, people, slack, django_capture_on_commit_callbacks
):
    Incident.objects.filter(pk=declared.pk).update(restricted=True)
    run = django_capture_on_commit_callbacks
    command(run, "U_OTTO", "status")
    command(run, "U_OTTO", "note sneaking in")
    for reply in replies(slack, "U_OTTO")[-2:]:
        assert "not linked to an incident you can see" in reply["text"]
        assert "Checkout" not in reply["text"]
    assert not declared.events.filter(text="sneaking in").exists()


# -- Messages and the nudge ----------------------------------------------------------------------


def test_a_message_in_a_linked_channel_goes_onto_the_timeline(
    declared, people, slack, django_capture_on_commit_callbacks
):
    response = message(
        django_capture_on_commit_callbacks,
        "U_ED",
        "Deploy 4411 is rolling out",
        "1772625600.000100",
    )
    assert response.status_code == 200
    event = declared.events.get(source=CHAT_SOURCE)
    assert event.text == "Deploy 4411 is rolling out"
    assert event.external_id == "slack:incident-42:1772625600.000100"
    assert event.author == people["ed"]
    assert replies(slack, "U_ED")[-1]["text"].startswith("Declared")  # no nudge for plain news


def test_a_message_in_an_unlinked_channel_is_ignored(
    declared, slack, django_capture_on_commit_callbacks
):
    message(
        django_capture_on_commit_callbacks,
        "U_ED",
        "sorry, all my fault",
        "1772625600.000100",
        channel="C_OTHER",
    )
    assert not TimelineEvent.objects.filter(source=CHAT_SOURCE).exists()


def test_self_blame_is_answered_privately_and_kept_for_its_writer_alone(
    declared, people, slack, django_capture_on_commit_callbacks
):
    message(
        django_capture_on_commit_callbacks,
        "U_ED",
        "sorry, this is all my fault, I broke prod",
        "1772625601.000100",
    )
    nudge = replies(slack, "U_ED")[-1]
    assert nudge["channel"] == "C_INC" and nudge["user"] == "U_ED"
    assert nudge["text"].startswith("Only you can see this")
    assert "what were you trying to do" in nudge["text"]
    assert nudge["blocks"][1]["elements"][0]["action_id"] == "unblame_nudges_off"
    notes = PrivateNote.objects.all()
    assert notes and {(n.recipient, n.event.incident) for n in notes} == {(people["ed"], declared)}
    # Nothing was posted where others can read it.
    assert [r.path for r in slack.requests if "postMessage" in r.path] == []


def test_blaming_a_colleague_gets_a_private_note_to_the_writer_only(
    declared, people, slack, django_capture_on_commit_callbacks
):
    message(
        django_capture_on_commit_callbacks,
        "U_VIC",
        "Ed broke prod again, he never tests",
        "1772625602.000100",
    )
    nudge = replies(slack, "U_VIC")[-1]
    assert nudge["user"] == "U_VIC"
    assert "A person is named as the cause" in nudge["text"]
    assert len(replies(slack, "U_ED")) == 1  # only Ed's own "Declared" reply
    assert LanguageFlag.objects.filter(event__incident=declared).exists()


def test_nudges_are_rate_limited_per_person(
    declared, people, slack, django_capture_on_commit_callbacks
):
    run = django_capture_on_commit_callbacks
    message(run, "U_ED", "sorry, this is all my fault", "1772625603.000100")
    message(run, "U_ED", "I messed up the config, my bad", "1772625604.000100")
    nudges = [r for r in replies(slack, "U_ED") if r["text"].startswith("Only you")]
    assert len(nudges) == 1
    # Both messages still keep their private notes.
    assert (
        PrivateNote.objects.filter(recipient=people["ed"]).values("event").distinct().count() == 2
    )


def test_a_person_can_turn_nudges_off_and_on(
    declared, people, slack, django_capture_on_commit_callbacks
):
    run = django_capture_on_commit_callbacks
    command(run, "U_ED", "nudges off")
    message(run, "U_ED", "sorry, this is all my fault", "1772625605.000100")
    assert not [r for r in replies(slack, "U_ED") if r["text"].startswith("Only you")]
    command(run, "U_ED", "nudges on")
    message(run, "U_ED", "sorry, my fault again", "1772625606.000100")
    assert [r for r in replies(slack, "U_ED") if r["text"].startswith("Only you")]


def test_the_stop_button_turns_nudges_off_for_that_person(
    declared, slack, django_capture_on_commit_callbacks
):
    payload = {
        "type": "block_actions",
        "user": {"id": "U_ED"},
        "channel": {"id": "C_INC"},
        "actions": [{"action_id": "unblame_nudges_off"}],
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = post("/hooks/slack/interactions", body, "application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert SlackPerson.objects.get(slack_id="U_ED").nudges is False
    assert "will not send you these notes" in replies(slack, "U_ED")[-1]["text"]


def test_a_channel_can_turn_nudges_off(declared, slack, django_capture_on_commit_callbacks):
    run = django_capture_on_commit_callbacks
    command(run, "U_ED", "channel-nudges off")
    message(run, "U_VIC", "sorry, this is all my fault", "1772625607.000100")
    assert not replies(slack, "U_VIC")
    assert SlackChannel.objects.get().nudges is False


def test_a_redelivered_event_adds_nothing_twice(
    declared, slack, django_capture_on_commit_callbacks
):
    run = django_capture_on_commit_callbacks
    message(run, "U_ED", "sorry, this is all my fault", "1772625608.000100")
    message(run, "U_ED", "sorry, this is all my fault", "1772625608.000100")
    assert declared.events.filter(source=CHAT_SOURCE).count() == 1
    assert len([r for r in replies(slack, "U_ED") if r["text"].startswith("Only you")]) == 1


def test_a_later_export_of_the_channel_adds_no_duplicates(
    declared, people, slack, django_capture_on_commit_callbacks
):
    run = django_capture_on_commit_callbacks
    message(run, "U_ED", "Deploy 4411 is rolling out", "1772625609.000100")
    message(run, "U_VIC", "errors are dropping", "1772625610.000200")
    day = [
        {
            "type": "message",
            "user": "U_ED",
            "text": "Deploy 4411 is rolling out",
            "ts": "1772625609.000100",
        },
        {
            "type": "message",
            "user": "U_VIC",
            "text": "errors are dropping",
            "ts": "1772625610.000200",
        },
        {"type": "message", "user": "U_VIC", "text": "all clear", "ts": "1772625700.000300"},
    ]
    exported = parse_slack_export(
        json.dumps(day).encode(), name="2026-03-04.json", channel="incident-42"
    )
    result = import_chat(declared, exported, people["ed"], filename="export.zip")
    assert (result.added, result.duplicates) == (1, 2)


def test_bot_messages_and_edits_stay_off_the_timeline(
    declared, slack, django_capture_on_commit_callbacks
):
    for extra in ({"bot_id": "B1"}, {"subtype": "message_changed"}):
        event = {
            "type": "message",
            "channel": "C_INC",
            "user": "U_ED",
            "text": "x",
            "ts": "1772625611.1",
        }
        payload = {"type": "event_callback", "event": {**event, **extra}}
        with django_capture_on_commit_callbacks(execute=True):
            post("/hooks/slack/events", json.dumps(payload).encode(), "application/json")
    assert not declared.events.filter(source=CHAT_SOURCE).exists()


def test_a_message_is_kept_when_slack_cannot_say_who_wrote_it(
    declared, slack, django_capture_on_commit_callbacks
):
    message(
        django_capture_on_commit_callbacks,
        "U_GHOST",
        "paging the database team",
        "1772625612.000100",
    )
    event = declared.events.get(source=CHAT_SOURCE)
    assert (event.author, event.author_name) == (None, "U_GHOST")


# -- Settings page ---------------------------------------------------------------------------


def test_the_settings_page_shows_a_manifest_with_the_request_urls(as_admin, settings, monkeypatch):
    monkeypatch.delenv("UNBLAME_SLACK_SIGNING_SECRET", raising=False)
    settings.SITE_URL = "https://incidents.example.com"
    response = as_admin.get("/settings/slack/")
    manifest = json.loads(response.context["manifest"])
    assert manifest["settings"]["event_subscriptions"]["request_url"] == (
        "https://incidents.example.com/hooks/slack/events"
    )
    assert manifest["settings"]["interactivity"]["request_url"].endswith(
        "/hooks/slack/interactions"
    )
    assert manifest["features"]["slash_commands"][0]["url"].endswith("/hooks/slack/commands")
    assert "not set" in response.content.decode()


def test_only_admins_open_the_slack_settings(as_editor):
    assert as_editor.get("/settings/slack/").status_code == 403


def test_secrets_saved_on_the_page_are_used_and_never_shown_or_audited(as_admin, monkeypatch):
    from unblame.accounts.models import AuditEntry
    from unblame.integrations.slackbot import current_settings

    for name in ("SIGNING_SECRET", "BOT_TOKEN", "API_URL"):
        monkeypatch.delenv(f"UNBLAME_SLACK_{name}", raising=False)
    as_admin.post("/settings/slack/", {"signing_secret": "s3cret-value", "bot_token": "xoxb-1"})
    assert current_settings().signing_secret == "s3cret-value"
    assert "s3cret-value" not in as_admin.get("/settings/slack/").content.decode()
    assert "s3cret-value" not in json.dumps(list(AuditEntry.objects.values("before", "after")))
    # A variable that is set wins over the page.
    monkeypatch.setenv("UNBLAME_SLACK_SIGNING_SECRET", "from-env")
    assert current_settings().signing_secret == "from-env"


def test_an_admin_turns_a_channels_nudges_off_from_the_page(declared, as_admin):
    link = SlackChannel.objects.get()
    as_admin.post(f"/settings/slack/channels/{link.pk}/nudges/")
    link.refresh_from_db()
    assert link.nudges is False


def test_blank_secrets_keep_the_saved_ones_and_a_cleared_api_url_goes_back_to_the_default(
    as_admin, monkeypatch
):
    from unblame.accounts.models import AuditEntry
    from unblame.integrations.slackbot import DEFAULT_API_URL, SlackConfig, current_settings

    for name in ("SIGNING_SECRET", "BOT_TOKEN", "API_URL"):
        monkeypatch.delenv(f"UNBLAME_SLACK_{name}", raising=False)
    as_admin.post(
        "/settings/slack/",
        {"signing_secret": "first", "bot_token": "xoxb-1", "api_url": "https://slack.example/api/"},
    )
    # Blank password fields keep what was saved; an emptied URL clears it.
    as_admin.post("/settings/slack/", {"signing_secret": "", "bot_token": "", "api_url": ""})
    config = SlackConfig.load()
    assert (config.signing_secret, config.bot_token, config.api_url) == ("first", "xoxb-1", "")
    assert current_settings().api_url == DEFAULT_API_URL
    last = AuditEntry.objects.filter(action="update").latest("at")
    assert last.after == {"changed": []}


def test_a_bad_api_url_is_refused_and_nothing_saved(as_admin, monkeypatch):
    from unblame.integrations.slackbot import SlackConfig

    response = as_admin.post("/settings/slack/", {"signing_secret": "x", "api_url": "not a url"})
    assert response.status_code == 400
    assert SlackConfig.load().signing_secret == ""


def test_a_missing_channel_link_is_a_404_and_editors_cannot_toggle(declared, people, as_admin):
    assert as_admin.post("/settings/slack/channels/999999/nudges/").status_code == 404
    link = SlackChannel.objects.get()
    editor = Client()
    editor.force_login(people["otto"])
    assert editor.post(f"/settings/slack/channels/{link.pk}/nudges/").status_code == 403
    link.refresh_from_db()
    assert link.nudges is True


def test_an_unsigned_interaction_is_a_401_and_changes_nothing(slack, people):
    payload = json.dumps({"type": "block_actions", "user": {"id": "U_ED"}})
    body = urlencode({"payload": payload}).encode()
    response = post(
        "/hooks/slack/interactions", body, "application/x-www-form-urlencoded", headers={}
    )
    assert response.status_code == 401
    assert not SlackPerson.objects.exists()
