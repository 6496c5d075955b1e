"""The configuration pages behind the header's Settings link, and who may open each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class SettingsPage:
    url_name: str
    title: str
    description: str
    # Mirrors the page's own check; the page still enforces it.
    admins_only: bool = True

    @property
    def url(self) -> str:
        return reverse(self.url_name)


SETTINGS_PAGES = (
    SettingsPage(
        "incidents:services",
        "Services",
        "The systems incidents affect, with how many incidents each; editors add new ones.",
        admins_only=False,
    ),
    SettingsPage(
        "accounts:people",
        "People",
        "Everyone who can sign in, and their role: admin, editor or viewer.",
    ),
    SettingsPage(
        "accounts:roster",
        "Roster",
        "Names the analyzer reads as people, besides accounts and chat authors.",
    ),
    SettingsPage(
        "incidents:severities",
        "Severities",
        "The severity levels, their names and when each applies.",
    ),
    SettingsPage(
        "actions:categories",
        "Factor categories",
        "The headings contributing factors are filed under.",
    ),
    SettingsPage(
        "integrations:alert_sources",
        "Alert sources",
        "Monitoring webhooks whose alerts wait in triage or join open incidents, and tokens.",
    ),
    SettingsPage(
        "integrations:webhooks",
        "Outbound webhooks",
        "Signed notices of incident, review and action item changes, with a delivery log.",
    ),
    SettingsPage(
        "integrations:trackers",
        "Issue trackers",
        "The GitHub, GitLab or Jira project of each team, for sending action items there.",
    ),
    SettingsPage(
        "integrations:slack_settings",
        "Slack",
        "The Slack app manifest, its signing secret and token, and the linked channels.",
    ),
    SettingsPage(
        "reviews:templates",
        "Review templates",
        "The sections a new review starts with, and which template is the default.",
    ),
    SettingsPage(
        "accounts:audit",
        "Audit log",
        "Who changed what and when, across incidents, reviews and settings.",
    ),
    SettingsPage(
        "incidents:trash",
        "Trash",
        "Deleted incidents and timeline events, to restore or to purge for good.",
    ),
)


def settings_pages(user: Any) -> list[SettingsPage]:
    """The settings pages this user may open, in menu order."""
    if not user.is_authenticated:
        return []
    return [page for page in SETTINGS_PAGES if user.is_admin or not page.admins_only]


def in_settings(path: str) -> bool:
    """Whether a path is the settings index or one of the pages under it."""
    prefixes = [reverse("settings"), *(page.url for page in SETTINGS_PAGES)]
    return any(path.startswith(prefix) for prefix in prefixes)
