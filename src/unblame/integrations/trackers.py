"""Action items in the team's issue tracker: GitHub Issues, GitLab or Jira.

An admin sets up a tracker per team (an account's `team`; the blank team is
everyone else's default). "Send to tracker" on an action item opens an issue
there, on the task queue, whose text links back to the item; the item shows
the issue's link. The issue's state comes back two ways, both through
ActionItem.set_status, so it is audited and sends webhooks like any change:
closing the issue completes the item, reopening it reopens the item.

- GitHub and GitLab webhooks (`/hooks/trackers/<id>/`), checked with the
  tracker's webhook secret (GitHub's X-Hub-Signature-256 HMAC, GitLab's
  X-Gitlab-Token);
- a periodic sync task that asks the tracker for each linked issue's state
  (all three kinds; Jira only this way).

A restricted incident's items are never sent: the tracker is outside the
incident's circle.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from unblame.actions.models import ActionItem

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 15


class TrackerError(Exception):
    """The tracker refused or did not answer; the message says which and why."""


@dataclass(frozen=True)
class Issue:
    key: str
    url: str
    closed: bool


class Tracker(models.Model):
    class Kind(models.TextChoices):
        GITHUB = "github", "GitHub Issues"
        GITLAB = "gitlab", "GitLab"
        JIRA = "jira", "Jira"

    DEFAULT_URLS = {Kind.GITHUB: "https://api.github.com", Kind.GITLAB: "https://gitlab.com"}

    team = models.CharField(
        max_length=80,
        blank=True,
        unique=True,
        help_text="Blank: everyone without a team of their own.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    base_url = models.URLField(
        "API base URL",
        blank=True,
        help_text="Blank for github.com or gitlab.com; your Jira site, e.g. https://acme.atlassian.net.",
    )
    project = models.CharField(
        max_length=200,
        help_text="owner/repo on GitHub, the project path or id on GitLab, the Jira project key.",
    )
    token = models.CharField(max_length=300)
    email = models.EmailField(
        blank=True, help_text="Jira Cloud only: the account the API token belongs to."
    )
    webhook_secret = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["team"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.project} for {self.team or 'everyone'}"

    def new_webhook_secret(self) -> str:
        self.webhook_secret = "ubt_" + secrets.token_urlsafe(24)
        return self.webhook_secret

    @property
    def api_url(self) -> str:
        return (self.base_url or self.DEFAULT_URLS.get(self.kind, "")).rstrip("/")

    @classmethod
    def for_item(cls, item: ActionItem) -> Tracker | None:
        """The owner's team's tracker, else the default one."""
        team = item.owner.team if item.owner is not None else ""
        trackers = {t.team: t for t in cls.objects.filter(team__in={team, ""})}
        return trackers.get(team) or trackers.get("")

    # The three APIs, each in its documented shape ------------------------------------------

    def create_issue(self, title: str, body: str) -> Issue:
        if self.kind == self.Kind.GITHUB:
            data = self._call(
                "POST", f"/repos/{self.project}/issues", {"title": title, "body": body}
            )
            return Issue(str(data["number"]), data["html_url"], data.get("state") == "closed")
        if self.kind == self.Kind.GITLAB:
            data = self._call(
                "POST",
                f"/api/v4/projects/{self._gitlab_id()}/issues",
                {"title": title, "description": body},
            )
            return Issue(str(data["iid"]), data["web_url"], data.get("state") == "closed")
        fields = {
            "project": {"key": self.project},
            "summary": title,
            "description": body,
            "issuetype": {"name": "Task"},
        }
        data = self._call("POST", "/rest/api/2/issue", {"fields": fields})
        return Issue(data["key"], f"{self.api_url}/browse/{data['key']}", False)

    def fetch_closed(self, key: str) -> bool:
        if self.kind == self.Kind.GITHUB:
            return self._call("GET", f"/repos/{self.project}/issues/{key}").get("state") == "closed"
        if self.kind == self.Kind.GITLAB:
            data = self._call("GET", f"/api/v4/projects/{self._gitlab_id()}/issues/{key}")
            return data.get("state") == "closed"
        data = self._call("GET", f"/rest/api/2/issue/{urllib.parse.quote(key)}?fields=status")
        category = ((data.get("fields") or {}).get("status") or {}).get("statusCategory") or {}
        return category.get("key") == "done"

    def _gitlab_id(self) -> str:
        return urllib.parse.quote(self.project, safe="")

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.kind == self.Kind.GITHUB:
            headers |= {
                "Authorization": f"Bearer {self.token}",
                "Accept": "application/vnd.github+json",
            }
        elif self.kind == self.Kind.GITLAB:
            headers["PRIVATE-TOKEN"] = self.token
        elif self.email:
            pair = base64.b64encode(f"{self.email}:{self.token}".encode()).decode()
            headers["Authorization"] = f"Basic {pair}"
        else:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _call(self, method: str, path: str, body: dict | None = None) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.api_url + path, data=data, method=method, headers=self._headers()
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                answer = json.loads(response.read(2_000_000) or b"{}")
        except urllib.error.HTTPError as error:
            raise TrackerError(
                f"{self.get_kind_display()} answered {error.code} to {method} {path}"
            ) from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise TrackerError(f"{self.get_kind_display()} did not answer: {error}") from error
        except ValueError as error:
            raise TrackerError(
                f"{self.get_kind_display()} answered something other than JSON"
            ) from error
        if not isinstance(answer, dict):
            raise TrackerError(f"{self.get_kind_display()} answered something other than an object")
        return answer


class TrackerIssue(models.Model):
    """The issue an action item was sent to, and the state last seen there."""

    item = models.OneToOneField(ActionItem, on_delete=models.CASCADE, related_name="tracker_issue")
    tracker = models.ForeignKey(Tracker, on_delete=models.CASCADE, related_name="issues")
    key = models.CharField(max_length=60, blank=True)
    url = models.URLField(max_length=500, blank=True)
    closed = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tracker", "key"], condition=~models.Q(key=""), name="unique_tracker_issue"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.tracker.get_kind_display()} {self.key or '(pending)'} for item {self.item_id}"
        )

    @property
    def pending(self) -> bool:
        return not self.key


class NotSendable(Exception):
    """Why an item cannot go to a tracker, in words for the person who asked."""


def request_issue(item: ActionItem) -> TrackerIssue:
    """Record that the item is to be sent and queue the sending; raises NotSendable."""
    from unblame.integrations import tasks

    if item.incident.restricted:
        raise NotSendable("A restricted incident's action items stay in unblame.")
    tracker = Tracker.for_item(item)
    if tracker is None:
        raise NotSendable(
            "No tracker is set up for this item's team; an admin adds one in Settings."
        )
    with transaction.atomic():
        link, created = TrackerIssue.objects.get_or_create(item=item, defaults={"tracker": tracker})
        if not created and link.key:
            raise NotSendable(f"Already sent: {link.url}")
        link.error = ""
        link.save(update_fields=["error"])
        tasks.enqueue(tasks.open_tracker_issue, link.pk)
    return link


def open_issue(link: TrackerIssue) -> None:
    """Create the issue for a pending link (a task); a TrackerError is kept on it and raised."""
    if link.key:
        return
    item = link.item
    back = f"{settings.SITE_URL}{item.get_absolute_url()}"
    body = f"Action item from unblame incident #{item.incident_id}: {back}"
    if item.description:
        body = f"{item.description}\n\n{body}"
    try:
        issue = link.tracker.create_issue(item.title, body)
    except TrackerError as error:
        link.error = str(error)
        link.save(update_fields=["error"])
        raise
    link.key, link.url, link.closed, link.error = issue.key, issue.url, issue.closed, ""
    link.synced_at = timezone.now()
    link.save()


def apply_state(link: TrackerIssue, closed: bool) -> bool:
    """Bring the item in line with the issue: closed completes it, reopened reopens it.

    Returns whether the item changed. An item closed as "won't do" in unblame
    is left alone when the issue closes; it is reopened only from done.
    """
    link.closed, link.synced_at = closed, timezone.now()
    link.save(update_fields=["closed", "synced_at"])
    item = ActionItem.objects.get(pk=link.item_id)
    if closed and item.is_open:
        return item.set_status(ActionItem.Status.DONE, None)
    if not closed and item.status == ActionItem.Status.DONE:
        return item.set_status(ActionItem.Status.OPEN, None)
    return False


def sync_all() -> int:
    """Ask each tracker for its linked issues' state (the periodic task); returns items changed."""
    changed = 0
    for link in TrackerIssue.objects.exclude(key="").select_related("tracker"):
        try:
            closed = link.tracker.fetch_closed(link.key)
        except TrackerError as error:
            logger.warning("Tracker sync of %s failed: %s", link, error)
            continue
        if closed != link.closed or link.synced_at is None:
            changed += apply_state(link, closed)
    return changed


# -- Webhooks from the trackers ------------------------------------------------------------------


def receive_webhook(tracker: Tracker, headers: Any, body: bytes) -> tuple[int, str]:
    """Check and apply one tracker webhook; (HTTP status, short reason)."""
    if not _genuine(tracker, headers, body):
        return 401, "bad or missing signature"
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return 400, "body is not JSON"
    if not isinstance(payload, dict):
        return 400, "body is not a JSON object"
    found = _issue_state(tracker, payload)
    if found is None:
        return 202, "not an issue close or reopen"
    key, closed = found
    link = TrackerIssue.objects.filter(tracker=tracker, key=key).first()
    if link is None:
        return 202, "not an issue unblame opened"
    apply_state(link, closed)
    return 200, "applied"


def _genuine(tracker: Tracker, headers: Any, body: bytes) -> bool:
    secret = tracker.webhook_secret.encode()
    if tracker.kind == Tracker.Kind.GITLAB:
        return hmac.compare_digest(headers.get("X-Gitlab-Token", "").encode(), secret)
    # GitHub's scheme; Jira Cloud webhooks with a secret send the same header name.
    sent = headers.get("X-Hub-Signature-256") or headers.get("X-Hub-Signature") or ""
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(sent.encode(), expected.encode())


def _issue_state(tracker: Tracker, payload: dict[str, Any]) -> tuple[str, bool] | None:
    if tracker.kind == Tracker.Kind.GITHUB:
        issue = payload.get("issue")
        if payload.get("action") in ("closed", "reopened") and isinstance(issue, dict):
            return str(issue.get("number")), payload["action"] == "closed"
        return None
    if tracker.kind == Tracker.Kind.GITLAB:
        attributes = payload.get("object_attributes")
        if payload.get("object_kind") != "issue" or not isinstance(attributes, dict):
            return None
        if attributes.get("action") in ("close", "reopen"):
            return str(attributes.get("iid")), attributes["action"] == "close"
        return None
    issue = payload.get("issue")
    if payload.get("webhookEvent") == "jira:issue_updated" and isinstance(issue, dict):
        status = ((issue.get("fields") or {}).get("status") or {}).get("statusCategory") or {}
        return str(issue.get("key")), status.get("key") == "done"
    return None
