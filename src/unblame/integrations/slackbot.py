"""The Slack app: channels linked to incidents, the people behind Slack ids, and the nudge.

What Slack sends is verified and acknowledged by slack_views; the work is
done here, from huey tasks (integrations.tasks):

- a message in a linked channel goes through the chat import
  (models.import_chat), exactly as a later export of the same channel would:
  the same external id (`slack:<channel>:<ts>`) so neither adds it twice, the
  same analyzer pass, flags and private notes;
- when that pass found blame in the message, its writer alone is answered
  with `chat.postEphemeral`: the nudge. Rate-limited per person; a person and
  a channel can each turn it off;
- `/unblame declare|note|status|nudges|channel-nudges` act as the unblame
  account matched to the Slack user (by email, or linked once through a
  signed link), through the same access rules as the pages.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from unblame.accounts.models import User
from unblame.incidents.access import can_write, visible_incidents
from unblame.incidents.models import Incident, Responder, Severity, Status, TimelineEvent
from unblame.incidents.services import declare
from unblame.integrations.chat import ChatMessage, ChatParseError
from unblame.integrations.models import LanguageFlag, PrivateNote, import_chat
from unblame.integrations.slack import parse_slack_export
from unblame.integrations.slack_client import DEFAULT_API_URL, SlackClient, SlackError
from unblame.server.env import env_int, env_str

logger = logging.getLogger(__name__)
LINK_SALT = "unblame.slack.link"
LINK_MAX_AGE = 24 * 3600
NUDGE_OFF_ACTION = "unblame_nudges_off"
# Messages that are conversation; joins, edits, deletions and bots are not.
CONVERSATION_SUBTYPES = (None, "thread_broadcast", "file_share", "me_message")
_MENTION_RE = re.compile(r"<@([A-Z0-9]{1,20})>")


def nudge_interval() -> timedelta:
    """At most one nudge per person per this long (UNBLAME_SLACK_NUDGE_MINUTES, default 30)."""
    return timedelta(minutes=env_int("UNBLAME_SLACK_NUDGE_MINUTES", 30, minimum=0))


# -- Settings -------------------------------------------------------------------------------


class SlackConfig(models.Model):
    """The settings page's values; an UNBLAME_SLACK_* variable that is set wins over each."""

    signing_secret = models.CharField(max_length=200, blank=True)
    bot_token = models.CharField(max_length=300, blank=True)
    api_url = models.URLField(blank=True, help_text=f"Default: {DEFAULT_API_URL}")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return "Slack settings"

    @classmethod
    def load(cls) -> SlackConfig:
        return cls.objects.get_or_create(pk=1)[0]


ENV_NAMES = {
    "signing_secret": "UNBLAME_SLACK_SIGNING_SECRET",
    "bot_token": "UNBLAME_SLACK_BOT_TOKEN",
    "api_url": "UNBLAME_SLACK_API_URL",
}


@dataclass(frozen=True)
class SlackSettings:
    signing_secret: str
    bot_token: str
    api_url: str
    from_env: frozenset[str]

    @property
    def configured(self) -> bool:
        return bool(self.signing_secret and self.bot_token)

    def client(self) -> SlackClient:
        return SlackClient(self.bot_token, self.api_url)


def current_settings() -> SlackSettings:
    stored = SlackConfig.objects.filter(pk=1).first() or SlackConfig()
    values, from_env = {}, set()
    for field, variable in ENV_NAMES.items():
        if env := env_str(variable):
            from_env.add(field)
        values[field] = env or getattr(stored, field)
    values["api_url"] = values["api_url"] or DEFAULT_API_URL
    return SlackSettings(**values, from_env=frozenset(from_env))


def manifest(site_url: str, name: str) -> dict[str, Any]:
    """The app manifest to paste into api.slack.com/apps, with unblame's request URLs."""
    base = site_url.rstrip("/")
    return {
        "display_information": {
            "name": name[:35],
            "description": "Incident timelines and blameless reviews, from the channel.",
        },
        "features": {
            "bot_user": {"display_name": name[:80], "always_online": False},
            "slash_commands": [
                {
                    "command": "/unblame",
                    "url": f"{base}/hooks/slack/commands",
                    "description": "Declare an incident, add a note, see its status",
                    "usage_hint": "declare <title> | note <text> | status | nudges off",
                    "should_escape": False,
                }
            ],
        },
        "oauth_config": {
            "scopes": {
                "bot": [
                    "commands",
                    "chat:write",
                    "channels:history",
                    "groups:history",
                    "users:read",
                    "users:read.email",
                ]
            }
        },
        "settings": {
            "event_subscriptions": {
                "request_url": f"{base}/hooks/slack/events",
                "bot_events": ["message.channels", "message.groups"],
            },
            "interactivity": {
                "is_enabled": True,
                "request_url": f"{base}/hooks/slack/interactions",
            },
            "org_deploy_enabled": False,
            "socket_mode_enabled": False,
            "token_rotation_enabled": False,
        },
    }


# -- Channels and people ---------------------------------------------------------------------


class SlackChannel(models.Model):
    """A Slack channel whose messages go onto an incident's timeline."""

    channel_id = models.CharField(max_length=40, unique=True)
    # The name at link time: export files are named by channel, so the
    # timeline's external ids use it too and an export import matches them.
    name = models.CharField(max_length=80)
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    nudges = models.BooleanField(default=True)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-linked_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.name} → incident {self.incident_id}"


class SlackPerson(models.Model):
    """A Slack user, the unblame account behind them (if any) and their nudge choices."""

    slack_id = models.CharField(max_length=40, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    display_name = models.CharField(max_length=64, blank=True)
    real_name = models.CharField(max_length=64, blank=True)
    handle = models.CharField(max_length=64, blank=True)
    nudges = models.BooleanField(default=True)
    last_nudged_at = models.DateTimeField(null=True, blank=True)
    looked_up_at = models.DateTimeField(null=True, blank=True)

    # An unmatched person is looked up in Slack again after this long (their
    # email may have been added to an account since).
    LOOK_UP_AGAIN = timedelta(hours=1)

    class Meta:
        ordering = ["slack_id"]

    def __str__(self) -> str:
        return self.display_name or self.real_name or self.handle or self.slack_id

    def profile(self) -> dict[str, str]:
        """As an export's `user_profile`, so a live message is read like an exported one."""
        return {"display_name": self.display_name, "real_name": self.real_name, "name": self.handle}

    def claim_nudge(self, now: Any) -> bool:
        """Take this person's nudge slot; False while the last nudge is too recent.

        One conditional UPDATE, so two messages at once cannot both nudge.
        """
        recent = Q(last_nudged_at__gt=now - nudge_interval())
        return bool(
            SlackPerson.objects.filter(pk=self.pk).exclude(recent).update(last_nudged_at=now)
        )


def person_for(slack_id: str, client: SlackClient | None) -> SlackPerson:
    """The SlackPerson for an id, looked up in Slack (names, email) when not yet matched.

    A failed lookup leaves them unmatched, named by their Slack id, and is
    logged: a message is never lost because users.info did not answer.
    """
    person, _ = SlackPerson.objects.get_or_create(slack_id=slack_id[:40])
    now = timezone.now()
    recent = person.looked_up_at and now - person.looked_up_at < SlackPerson.LOOK_UP_AGAIN
    if person.user_id is not None or client is None or recent:
        return person
    person.looked_up_at = now
    try:
        info = client.user_info(slack_id)
    except SlackError as error:
        logger.warning("Slack user %s not looked up: %s", slack_id, error)
        person.save(update_fields=["looked_up_at"])
        return person
    profile = info.get("profile") or {}
    person.display_name = str(profile.get("display_name") or "")[:64]
    person.real_name = str(profile.get("real_name") or info.get("real_name") or "")[:64]
    person.handle = str(info.get("name") or "")[:64]
    person.user = _account_for_email(str(profile.get("email") or ""))
    person.save()
    return person


def _account_for_email(email: str) -> User | None:
    """The one active account with this email; none when no account or several have it."""
    if not email:
        return None
    accounts = list(User.objects.filter(email__iexact=email, is_active=True)[:2])
    return accounts[0] if len(accounts) == 1 else None


def link_code(user: User) -> str:
    """A code the signed-in person sends as `/unblame link <code>` to link their Slack account.

    The code proves the unblame side (only its owner sees it) and Slack's
    signed request proves the Slack side, so neither can be claimed by someone else.
    """
    return signing.dumps(user.pk, salt=LINK_SALT)


def user_for_code(code: str) -> User | None:
    try:
        pk = signing.loads(code, salt=LINK_SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first() if isinstance(pk, int) else None


# -- Messages and the nudge -----------------------------------------------------------------


@dataclass(frozen=True)
class Nudge:
    channel: str
    user: str
    text: str


def receive_message(event: dict[str, Any], client: SlackClient) -> Nudge | None:
    """Put one message of a linked channel on its incident's timeline.

    Returns the nudge to send its writer, or None (not linked, not
    conversation, already on the timeline, nothing found, or nudges off).
    """
    if event.get("subtype") not in CONVERSATION_SUBTYPES or event.get("bot_id"):
        return None
    channel_id, user_id = str(event.get("channel") or ""), str(event.get("user") or "")
    link = SlackChannel.objects.filter(channel_id=channel_id).select_related("incident").first()
    if link is None or not user_id:
        return None
    person = person_for(user_id, client)
    message = _as_chat_message(event, link, person)
    if message is None:
        return None
    with transaction.atomic():
        result = import_chat(link.incident, [message], None, filename=f"Slack #{link.name}")
    if not result.events:
        return None
    return _nudge_for(result.events[0], link, person)


def _as_chat_message(event: dict, link: SlackChannel, writer: SlackPerson) -> ChatMessage | None:
    """The message as the export parser reads it, so both give the same timeline event."""
    names = {p.slack_id: str(p) for p in SlackPerson.objects.filter(slack_id__in=_mentions(event))}
    text = _MENTION_RE.sub(
        lambda m: f"<@{m[1]}|{names[m[1]]}>" if m[1] in names else m[0], _text(event)
    )
    item = {"type": "message", "user": writer.slack_id, "text": text, "ts": event.get("ts")}
    item["user_profile"] = writer.profile()
    try:
        messages = parse_slack_export(json.dumps([item]).encode(), name="event", channel=link.name)
    except ChatParseError:
        return None
    if not messages:
        return None
    message = messages[0]
    if writer.user is not None:
        # The account matched by email, so the import finds it whatever the Slack names are.
        message = ChatMessage(
            occurred_at=message.occurred_at,
            author=message.author,
            text=message.text,
            external_id=message.external_id,
            channel=message.channel,
            author_aliases=(*message.author_aliases, writer.user.username),
        )
    return message


def _text(event: dict) -> str:
    return event["text"] if isinstance(event.get("text"), str) else ""


def _mentions(event: dict) -> list[str]:
    return _MENTION_RE.findall(_text(event))


def _nudge_for(event: TimelineEvent, link: SlackChannel, person: SlackPerson) -> Nudge | None:
    notes = []
    if person.user_id is not None:
        notes = list(PrivateNote.objects.filter(event=event, recipient_id=person.user_id))
    flags = list(LanguageFlag.objects.filter(event=event))
    if not (notes or flags) or not (link.nudges and person.nudges):
        return None
    if not person.claim_nudge(timezone.now()):
        return None
    return Nudge(link.channel_id, person.slack_id, nudge_text(notes, flags))


def nudge_text(notes: list[PrivateNote], flags: list[LanguageFlag]) -> str:
    """What the writer alone reads: the analyzer's own messages and suggestions, once each."""
    seen: dict[str, str] = {}
    for finding in [*notes, *flags]:
        seen.setdefault(finding.suggestion, finding.message)
    lines = ["Only you can see this note from unblame."]
    lines += [f"{message} {suggestion}" for suggestion, message in seen.items()]
    if notes:
        lines.append("It is kept on the incident timeline for you alone, to reword when you like.")
    return "\n\n".join(lines)


def nudge_blocks(text: str) -> list[dict[str, Any]]:
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": text}},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": NUDGE_OFF_ACTION,
                    "text": {"type": "plain_text", "text": "Stop these notes"},
                }
            ],
        },
    ]


def receive_interaction(payload: dict[str, Any]) -> str | None:
    """A button pressed on a nudge; returns what to tell the person, if anything."""
    actions = payload.get("actions") or []
    user_id = str((payload.get("user") or {}).get("id") or "")
    if not user_id or not any(a.get("action_id") == NUDGE_OFF_ACTION for a in actions):
        return None
    SlackPerson.objects.update_or_create(slack_id=user_id[:40], defaults={"nudges": False})
    return "Done: unblame will not send you these notes. `/unblame nudges on` brings them back."


# -- The slash command ------------------------------------------------------------------------

USAGE = (
    "`/unblame declare <title>` declares an incident linked to this channel; "
    "`/unblame note <text>` adds a note to its timeline; `/unblame status` shows it; "
    "`/unblame nudges off|on` and `/unblame channel-nudges off|on` turn private notes "
    "off or on for you or for this channel."
)


def run_command(form: dict[str, str], client: SlackClient) -> str:
    """Do what `/unblame …` asks, as the matched account; returns the private reply."""
    verb, _, rest = form.get("text", "").strip().partition(" ")
    verb, rest = verb.lower(), rest.strip()
    person = person_for(form.get("user_id", ""), client)
    if verb == "nudges":
        return _set_own_nudges(person, rest)
    if verb == "link":
        return _link(person, rest)
    if person.user is None or not person.user.is_active:
        url = settings.SITE_URL + reverse("integrations:slack_link")
        return (
            "unblame could not match your Slack account to an unblame account by email. "
            f"Open {url} once while signed in to unblame and send the command it shows."
        )
    handlers = {
        "declare": _declare,
        "note": _note,
        "status": _status,
        "channel-nudges": _set_channel_nudges,
    }
    handler = handlers.get(verb)
    return handler(person.user, form, rest) if handler else USAGE


def _link(person: SlackPerson, code: str) -> str:
    user = user_for_code(code)
    if user is None:
        return f"That code is not valid (they last a day). Get a new one at {settings.SITE_URL}" + (
            reverse("integrations:slack_link")
        )
    SlackPerson.objects.filter(pk=person.pk).update(user=user)
    return f"Your Slack account is now linked to the unblame account {user.username}."


def _linked_incident(user: User, channel_id: str) -> Incident | None:
    link = SlackChannel.objects.filter(channel_id=channel_id).first()
    if link is None:
        return None
    return visible_incidents(user).select_related("severity").filter(pk=link.incident_id).first()


def _declare(user: User, form: dict[str, str], title: str) -> str:
    if not title:
        return "Give the incident a title: `/unblame declare <title>`."
    if not can_write(user):
        return "Your unblame account can read incidents but not declare them."
    channel_id, channel_name = form.get("channel_id", ""), form.get("channel_name", "")
    current = SlackChannel.objects.filter(channel_id=channel_id).select_related("incident").first()
    if current is not None and current.incident.is_open:
        return f"This channel is already linked to an open incident, #{current.incident_id}."
    severity = Severity.objects.order_by("-rank").first()
    if severity is None:
        return "unblame has no severity levels yet; an admin adds them under Settings."
    with transaction.atomic():
        incident = Incident(
            title=title[:200], severity=severity, summary=f"Declared from Slack, #{channel_name}."
        )
        declare(incident, user, role=Responder.Role.INCIDENT_COMMANDER)
        SlackChannel.objects.update_or_create(
            channel_id=channel_id[:40],
            defaults={"name": channel_name[:80], "incident": incident, "linked_by": user},
        )
    return (
        f"Declared #{incident.pk} {incident.title} as {severity}. Messages in this channel now go "
        f"onto its timeline: {settings.SITE_URL}{incident.get_absolute_url()}"
    )


def _note(user: User, form: dict[str, str], text: str) -> str:
    if not text:
        return "Write the note after the word: `/unblame note <text>`."
    incident = _linked_incident(user, form.get("channel_id", ""))
    if incident is None:
        return "This channel is not linked to an incident you can see."
    if not can_write(user):
        return "Your unblame account can read incidents but not add to them."
    incident.add_event(user, kind=TimelineEvent.Kind.NOTE, text=text, occurred_at=timezone.now())
    return f"Added to the timeline of #{incident.pk}."


def _status(user: User, form: dict[str, str], rest: str) -> str:
    incident = _linked_incident(user, form.get("channel_id", ""))
    if incident is None:
        return "This channel is not linked to an incident you can see."
    return (
        f"#{incident.pk} {incident.title}: {Status(incident.status).label}, {incident.severity}. "
        f"{settings.SITE_URL}{incident.get_absolute_url()}"
    )


def _on_off(word: str) -> bool | None:
    return {"on": True, "off": False}.get(word.lower())


def _set_own_nudges(person: SlackPerson, word: str) -> str:
    choice = _on_off(word)
    if choice is None:
        return "Say `/unblame nudges off` or `/unblame nudges on`."
    SlackPerson.objects.filter(pk=person.pk).update(nudges=choice)
    return "Private notes are on for you." if choice else "Private notes are off for you."


def _set_channel_nudges(user: User, form: dict[str, str], word: str) -> str:
    choice = _on_off(word)
    if choice is None:
        return "Say `/unblame channel-nudges off` or `/unblame channel-nudges on`."
    incident = _linked_incident(user, form.get("channel_id", ""))
    if incident is None:
        return "This channel is not linked to an incident you can see."
    if not can_write(user):
        return "Your unblame account can read incidents but not change their settings."
    SlackChannel.objects.filter(channel_id=form.get("channel_id", "")).update(nudges=choice)
    state = "on" if choice else "off"
    return f"Private notes are {state} for everyone in this channel."
