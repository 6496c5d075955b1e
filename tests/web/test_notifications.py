"""Email on an @mention and when an action item is assigned, each with a per-person opt-out."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from unblame.actions.models import ActionItem
from unblame.reviews.services import draft_review

from .actions_cast import *  # noqa: F403


def comment(client, incident, body):
    return client.post(
        reverse("reviews:comment_add", args=[incident.pk, "timeline"]), {"body": body}
    )


def with_email(user, address, **choices):
    user.email = address
    for name, value in choices.items():
        setattr(user, name, value)
    user.save()
    return user


def test_a_mention_emails_the_person_mentioned(
    as_editor, incident, viewer, editor, django_capture_on_commit_callbacks
):
    draft_review(incident, editor)
    with_email(viewer, "vic@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        comment(as_editor, incident, "@vic, could you check the times?")
    [message] = mail.outbox
    assert message.to == ["vic@example.com"]
    assert message.subject == f"ed mentioned you on incident #{incident.pk}"
    assert "could you check the times?" in message.body
    assert f"/incidents/{incident.pk}/review/#comment-" in message.body


def test_a_mention_is_not_emailed_to_someone_who_turned_it_off(
    as_editor, incident, viewer, editor, django_capture_on_commit_callbacks
):
    draft_review(incident, editor)
    with_email(viewer, "vic@example.com", email_on_mention=False)
    with django_capture_on_commit_callbacks(execute=True):
        comment(as_editor, incident, "@vic, could you check the times?")
    assert mail.outbox == []


def test_a_mention_of_someone_who_cannot_see_the_incident_sends_nothing(
    as_editor, restricted, outsider, editor, django_capture_on_commit_callbacks
):
    draft_review(restricted, editor)
    with_email(outsider, "otto@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        comment(as_editor, restricted, "@otto have a look")
    assert mail.outbox == []


def test_assigning_an_item_emails_its_new_owner(
    as_editor, incident, viewer, django_capture_on_commit_callbacks
):
    with_email(viewer, "vic@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        as_editor.post(
            f"/incidents/{incident.pk}/actions/new/",
            {
                "title": "Add a canary stage",
                "owner": viewer.pk,
                "priority": "p2",
                "kind": "prevent",
                "status": "open",
                "due_date": "2026-04-01",
            },
        )
    item = ActionItem.objects.get()
    [message] = mail.outbox
    assert message.to == ["vic@example.com"]
    assert message.subject == "Action item assigned to you: Add a canary stage"
    assert "due 01 Apr 2026" in message.body
    assert item.get_absolute_url() in message.body


def test_giving_an_item_to_oneself_sends_nothing(
    editor, incident, django_capture_on_commit_callbacks
):
    with_email(editor, "ed@example.com")
    item = ActionItem.objects.create(incident=incident, title="Write the runbook", owner=editor)
    with django_capture_on_commit_callbacks(execute=True):
        item.record_creation(editor)
    assert mail.outbox == []


def test_changing_the_owner_emails_the_new_one_only(
    admin, editor, viewer, item, django_capture_on_commit_callbacks
):
    with_email(viewer, "vic@example.com")
    with_email(editor, "ed@example.com")
    before = item.audit_snapshot()
    item.owner = viewer
    item.save()
    with django_capture_on_commit_callbacks(execute=True):
        item.record_edit(admin, before)
    assert [m.to for m in mail.outbox] == [["vic@example.com"]]


def test_an_edit_that_keeps_the_owner_sends_nothing(
    admin, editor, item, django_capture_on_commit_callbacks
):
    with_email(editor, "ed@example.com")
    before = item.audit_snapshot()
    item.title = "Add a canary stage to every pipeline"
    item.save()
    with django_capture_on_commit_callbacks(execute=True):
        item.record_edit(admin, before)
    assert mail.outbox == []


def test_the_assigned_email_can_be_turned_off(
    admin, viewer, item, django_capture_on_commit_callbacks
):
    with_email(viewer, "vic@example.com", email_on_assigned=False)
    before = item.audit_snapshot()
    item.owner = viewer
    item.save()
    with django_capture_on_commit_callbacks(execute=True):
        item.record_edit(admin, before)
    assert mail.outbox == []


def test_the_due_digest_respects_the_owners_choice(editor, item, frozen):
    from unblame.actions.reminders import remind

    with_email(editor, "ed@example.com", email_on_due=False)
    run = remind(NOW)  # noqa: F405
    [outcome] = run.outcomes
    assert outcome.problem == "not sent: turned off in their settings"
    assert mail.outbox == []


def test_people_choose_their_emails_in_their_settings(as_viewer, viewer):
    page = as_viewer.get("/account/").content.decode()
    assert "Email me when someone @mentions me" in page
    as_viewer.post(
        "/account/",
        {"timezone": "UTC", "email": "vic@example.com", "email_on_due": "on"},
    )
    viewer.refresh_from_db()
    assert (viewer.email_on_mention, viewer.email_on_assigned, viewer.email_on_due) == (
        False,
        False,
        True,
    )
