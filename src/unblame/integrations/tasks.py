"""Background work of the integrations app, run by huey workers (see server/queue.py).

Each task does one thing that may fail on the network, so a retry repeats
only that: a Slack reply is its own task, apart from the command that
produced it, so a retry never declares an incident twice.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from unblame.integrations import slackbot

SLACK_RETRIES = 3
SLACK_RETRY_DELAY = 20


def enqueue(task: Any, *args: Any) -> None:
    """Queue `task(*args)` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: task(*args))


@db_task(retries=SLACK_RETRIES, retry_delay=SLACK_RETRY_DELAY)
def slack_message(event: dict[str, Any]) -> None:
    client = slackbot.current_settings().client()
    nudge = slackbot.receive_message(event, client)
    if nudge is not None:
        enqueue(slack_reply, nudge.channel, nudge.user, nudge.text, True)


@db_task()
def slack_command(form: dict[str, str]) -> None:
    reply = slackbot.run_command(form, slackbot.current_settings().client())
    enqueue(slack_reply, form.get("channel_id", ""), form.get("user_id", ""), reply, False)


@db_task(retries=SLACK_RETRIES, retry_delay=SLACK_RETRY_DELAY)
def slack_reply(channel: str, user: str, text: str, nudge: bool) -> None:
    """Answer one person, visible to them alone; a nudge carries its "stop" button."""
    blocks = slackbot.nudge_blocks(text) if nudge else None
    slackbot.current_settings().client().post_ephemeral(channel, user, text, blocks)


@db_task()
def deliver_webhook(delivery_id: int) -> None:
    """One attempt; a failed one schedules the next after its backoff delay."""
    from unblame.integrations.webhooks import WebhookDelivery

    delivery = WebhookDelivery.objects.select_related("endpoint", "incident").get(pk=delivery_id)
    delay = delivery.attempt()
    if delay is not None:
        deliver_webhook.schedule(args=(delivery_id,), delay=delay)


@db_periodic_task(crontab(minute="*/15"))
def publish_overdue_items() -> None:
    from unblame.integrations.webhooks import publish_overdue

    publish_overdue()


@db_task(retries=3, retry_delay=60)
def open_tracker_issue(link_id: int) -> None:
    """Open the issue for an item sent to a tracker; a failure is kept on the link and retried."""
    from unblame.integrations.trackers import TrackerIssue, open_issue

    link = TrackerIssue.objects.select_related("item", "tracker").filter(pk=link_id).first()
    if link is not None:
        open_issue(link)


@db_periodic_task(crontab(minute="*/10"))
def sync_tracker_issues() -> None:
    from unblame.integrations.trackers import sync_all

    sync_all()
