"""Action items to GitHub Issues, GitLab and Jira, against local servers in their API shapes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from django.test import Client

from unblame.accounts.models import AuditEntry
from unblame.actions.models import ActionItem
from unblame.integrations.trackers import Tracker, TrackerIssue, sync_all

from .conftest import make_user
from .fake_servers import FakeServer


@pytest.fixture
def tracker_api():
    with FakeServer() as server:
        state = {"github": "open", "gitlab": "opened", "jira": "new"}
        server.state = state
        server.routes[("POST", "/repos/acme/shop/issues")] = (
            201,
            {
                "number": 42,
                "html_url": "https://github.example/acme/shop/issues/42",
                "state": "open",
            },
        )
        server.routes[("GET", "/repos/acme/shop/issues/42")] = lambda r: (
            200,
            {"number": 42, "state": state["github"]},
        )
        server.routes[("POST", "/api/v4/projects/acme%2Fshop/issues")] = (
            201,
            {"iid": 7, "web_url": "https://gitlab.example/acme/shop/-/issues/7", "state": "opened"},
        )
        server.routes[("GET", "/api/v4/projects/acme%2Fshop/issues/7")] = lambda r: (
            200,
            {"iid": 7, "state": state["gitlab"]},
        )
        server.routes[("POST", "/rest/api/2/issue")] = (
            201,
            {"id": "10001", "key": "OPS-3", "self": "http://jira/rest/api/2/issue/10001"},
        )
        server.routes[("GET", "/rest/api/2/issue/OPS-3")] = lambda r: (
            200,
            {"key": "OPS-3", "fields": {"status": {"statusCategory": {"key": state["jira"]}}}},
        )
        yield server


def _tracker(server, kind, project, **extra) -> Tracker:
    tracker = Tracker(kind=kind, base_url=server.url, project=project, token="t0ken", **extra)
    tracker.new_webhook_secret()
    tracker.save()
    return tracker


@pytest.fixture
def github(db, tracker_api) -> Tracker:
    return _tracker(tracker_api, Tracker.Kind.GITHUB, "acme/shop")


@pytest.fixture
def item(incident, editor) -> ActionItem:
    return ActionItem.objects.create(
        incident=incident,
        title="Canary config pushes",
        description="Stage config like code.",
        owner=editor,
    )


def send(client: Client, item: ActionItem, capture):
    with capture(execute=True):
        return client.post(f"/incidents/{item.incident_id}/action-items/{item.pk}/send-to-tracker/")


def test_an_item_becomes_a_github_issue_that_links_back(
    github, tracker_api, item, as_editor, django_capture_on_commit_callbacks
):
    response = send(as_editor, item, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    call = tracker_api.calls("/repos/acme/shop/issues")[0]
    assert call.headers["authorization"] == "Bearer t0ken"
    assert call.json()["title"] == "Canary config pushes"
    assert call.json()["body"].startswith("Stage config like code.")
    assert call.json()["body"].endswith(item.get_absolute_url())
    link = TrackerIssue.objects.get(item=item)
    assert (link.key, link.url) == ("42", "https://github.example/acme/shop/issues/42")
    assert AuditEntry.objects.filter(action="send_to_tracker", object_id=str(item.pk)).exists()
    page = as_editor.get(item.get_absolute_url().split("#")[0]).content.decode()
    assert "https://github.example/acme/shop/issues/42" in page


def test_gitlab_uses_its_token_header_and_project_path(
    tracker_api, item, as_editor, django_capture_on_commit_callbacks
):
    _tracker(tracker_api, Tracker.Kind.GITLAB, "acme/shop")
    send(as_editor, item, django_capture_on_commit_callbacks)
    call = tracker_api.calls("/api/v4/projects/acme%2Fshop/issues")[0]
    assert call.headers["private-token"] == "t0ken"
    assert call.json()["title"] == "Canary config pushes" and "description" in call.json()
    assert TrackerIssue.objects.get().key == "7"


def test_jira_cloud_uses_basic_auth_and_links_to_browse(
    tracker_api, item, as_editor, django_capture_on_commit_callbacks
):
    _tracker(tracker_api, Tracker.Kind.JIRA, "OPS", email="bot@example.com")
    send(as_editor, item, django_capture_on_commit_callbacks)
    call = tracker_api.calls("/rest/api/2/issue")[0]
    expected = base64.b64encode(b"bot@example.com:t0ken").decode()
    assert call.headers["authorization"] == f"Basic {expected}"
    fields = call.json()["fields"]
    assert fields["project"] == {"key": "OPS"} and fields["summary"] == "Canary config pushes"
    assert TrackerIssue.objects.get().url == f"{tracker_api.url}/browse/OPS-3"


def test_the_owners_team_picks_its_own_tracker(
    tracker_api, incident, as_editor, django_capture_on_commit_callbacks
):
    _tracker(tracker_api, Tracker.Kind.GITHUB, "acme/shop")
    _tracker(tracker_api, Tracker.Kind.GITLAB, "acme/shop", team="payments")
    payer = make_user("pat", "editor", team="payments")
    item = ActionItem.objects.create(incident=incident, title="Retry budget", owner=payer)
    send(as_editor, item, django_capture_on_commit_callbacks)
    assert TrackerIssue.objects.get().tracker.kind == "gitlab"


def test_a_restricted_incidents_items_are_never_sent(
    github, tracker_api, restricted, editor, django_capture_on_commit_callbacks
):
    item = ActionItem.objects.create(incident=restricted, title="Rotate keys")
    client = Client()
    client.force_login(editor)
    response = send(client, item, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert tracker_api.requests == [] and not TrackerIssue.objects.exists()


def test_others_cannot_send_what_they_cannot_see_or_change(
    github, restricted, as_viewer, outsider, item, django_capture_on_commit_callbacks
):
    assert send(as_viewer, item, django_capture_on_commit_callbacks).status_code == 403
    hidden = ActionItem.objects.create(incident=restricted, title="Rotate keys")
    client = Client()
    client.force_login(outsider)
    assert send(client, hidden, django_capture_on_commit_callbacks).status_code == 404


def test_without_a_tracker_nothing_is_sent_and_the_person_is_told(
    item, as_editor, django_capture_on_commit_callbacks
):
    response = send(as_editor, item, django_capture_on_commit_callbacks)
    follow = as_editor.get(response["Location"]).content.decode()
    assert "No tracker is set up" in follow
    assert not TrackerIssue.objects.exists()


def test_a_tracker_error_is_kept_on_the_item_to_retry(
    github, tracker_api, item, as_editor, django_capture_on_commit_callbacks
):
    tracker_api.routes[("POST", "/repos/acme/shop/issues")] = (401, {"message": "Bad credentials"})
    send(as_editor, item, django_capture_on_commit_callbacks)
    link = TrackerIssue.objects.get()
    assert link.key == "" and "answered 401" in link.error
    tracker_api.routes[("POST", "/repos/acme/shop/issues")] = (
        201,
        {"number": 43, "html_url": "https://x/43"},
    )
    send(as_editor, item, django_capture_on_commit_callbacks)
    assert TrackerIssue.objects.get().key == "43"


def _linked(tracker: Tracker, item: ActionItem, key: str) -> TrackerIssue:
    return TrackerIssue.objects.create(item=item, tracker=tracker, key=key, url="https://x")


def _github_hook(tracker: Tracker, payload: dict, secret: str | None = None):
    body = json.dumps(payload).encode()
    key = (secret or tracker.webhook_secret).encode()
    signature = "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()
    return Client().post(
        f"/hooks/trackers/{tracker.pk}/",
        body,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature},
    )


def test_closing_the_github_issue_completes_the_item_and_reopening_reopens_it(github, item):
    _linked(github, item, "42")
    response = _github_hook(github, {"action": "closed", "issue": {"number": 42}})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE
    _github_hook(github, {"action": "reopened", "issue": {"number": 42}})
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN
    assert AuditEntry.objects.filter(action="status", object_id=str(item.pk)).count() == 2


def test_a_github_hook_with_a_wrong_signature_changes_nothing(github, item):
    _linked(github, item, "42")
    response = _github_hook(github, {"action": "closed", "issue": {"number": 42}}, secret="guess")
    assert response.status_code == 401
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN


def test_an_unsigned_hook_and_an_unknown_tracker_get_401(github, item):
    body = json.dumps({"action": "closed", "issue": {"number": 42}})
    assert (
        Client()
        .post(f"/hooks/trackers/{github.pk}/", body, content_type="application/json")
        .status_code
        == 401
    )
    assert (
        Client().post("/hooks/trackers/999/", body, content_type="application/json").status_code
        == 401
    )


def test_a_signed_but_malformed_hook_is_a_400(github):
    body = b"{not json"
    signature = (
        "sha256=" + hmac.new(github.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    )
    response = Client().post(
        f"/hooks/trackers/{github.pk}/",
        body,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature},
    )
    assert response.status_code == 400


def test_hooks_about_other_issues_or_events_are_accepted_and_ignored(github, item):
    _linked(github, item, "42")
    assert _github_hook(github, {"action": "closed", "issue": {"number": 99}}).status_code == 202
    assert _github_hook(github, {"action": "labeled", "issue": {"number": 42}}).status_code == 202
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN


def test_gitlab_hooks_are_checked_by_their_token(tracker_api, item):
    gitlab = _tracker(tracker_api, Tracker.Kind.GITLAB, "acme/shop")
    _linked(gitlab, item, "7")
    body = json.dumps(
        {
            "object_kind": "issue",
            "object_attributes": {"iid": 7, "action": "close", "state": "closed"},
        }
    )
    wrong = Client().post(
        f"/hooks/trackers/{gitlab.pk}/",
        body,
        content_type="application/json",
        headers={"X-Gitlab-Token": "nope"},
    )
    assert wrong.status_code == 401
    right = Client().post(
        f"/hooks/trackers/{gitlab.pk}/",
        body,
        content_type="application/json",
        headers={"X-Gitlab-Token": gitlab.webhook_secret},
    )
    assert right.status_code == 200
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE


def test_the_periodic_sync_reads_each_trackers_state(tracker_api, incident, editor):
    github = _tracker(tracker_api, Tracker.Kind.GITHUB, "acme/shop")
    jira = _tracker(tracker_api, Tracker.Kind.JIRA, "OPS", team="sre")
    first = ActionItem.objects.create(incident=incident, title="One")
    second = ActionItem.objects.create(
        incident=incident, title="Two", status=ActionItem.Status.DONE
    )
    _linked(github, first, "42")
    _linked(jira, second, "OPS-3")
    tracker_api.state.update(github="closed", jira="indeterminate")
    assert sync_all() == 2
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("done", "open")
    assert sync_all() == 0  # nothing changed since


def test_a_tracker_that_does_not_answer_is_skipped_by_the_sync(db, incident):
    with FakeServer() as gone:
        url = gone.url
    tracker = Tracker.objects.create(
        kind="github", base_url=url, project="a/b", token="t", webhook_secret="s"
    )
    item = ActionItem.objects.create(incident=incident, title="One")
    _linked(tracker, item, "1")
    assert sync_all() == 0


def test_an_item_closed_as_wont_do_is_left_alone_when_its_issue_closes(github, item, editor):
    item.set_status(ActionItem.Status.WONT_DO, editor)
    _linked(github, item, "42")
    _github_hook(github, {"action": "closed", "issue": {"number": 42}})
    item.refresh_from_db()
    assert item.status == ActionItem.Status.WONT_DO


def test_an_admin_adds_a_tracker_and_sees_its_webhook_secret_once(as_admin, db):
    response = as_admin.post(
        "/settings/trackers/",
        {"team": "", "kind": "github", "project": "acme/shop", "token": "ghp_x"},
    )
    tracker = Tracker.objects.get()
    assert tracker.webhook_secret in response.content.decode()
    assert f"/hooks/trackers/{tracker.pk}/" in response.content.decode()
    assert tracker.webhook_secret not in as_admin.get("/settings/trackers/").content.decode()
    assert "ghp_x" not in json.dumps(list(AuditEntry.objects.values("before", "after")))


def test_jira_needs_a_site_address(as_admin, db):
    response = as_admin.post(
        "/settings/trackers/", {"kind": "jira", "project": "OPS", "token": "x"}
    )
    assert response.status_code == 400
    assert not Tracker.objects.exists()


def test_only_admins_set_up_trackers(as_editor):
    assert as_editor.get("/settings/trackers/").status_code == 403


def test_the_cross_incident_list_shows_each_items_issue(github, item, as_editor):
    _linked(github, item, "42")
    page = as_editor.get("/actions/?status=any").content.decode()
    assert "GitHub Issues 42" in page


def test_viewers_see_the_issue_link_but_no_send_button(github, item, as_viewer):
    page = as_viewer.get(item.get_absolute_url().split("#")[0]).content.decode()
    assert "Send to tracker" not in page
    _linked(github, item, "42")
    page = as_viewer.get(item.get_absolute_url().split("#")[0]).content.decode()
    assert "GitHub Issues 42" in page


def test_a_signed_jira_webhook_completes_the_item_when_its_status_is_done(tracker_api, item):
    jira = _tracker(tracker_api, Tracker.Kind.JIRA, "OPS", email="bot@example.com")
    _linked(jira, item, "OPS-3")
    done = {"statusCategory": {"key": "done"}}
    payload = {
        "webhookEvent": "jira:issue_updated",
        "issue": {"key": "OPS-3", "fields": {"status": done}},
    }
    body = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(jira.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    response = Client().post(
        f"/hooks/trackers/{jira.pk}/",
        body,
        content_type="application/json",
        headers={"X-Hub-Signature": signature},
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE


def test_an_admin_removes_a_tracker_with_its_links_and_the_audit_keeps_no_token(
    github, item, as_admin
):
    TrackerIssue.objects.create(item=item, tracker=github, key="42")
    response = as_admin.post(f"/settings/trackers/{github.pk}/delete/", follow=True)
    assert "Tracker removed; the issues stay in the tracker." in response.content.decode()
    assert not Tracker.objects.exists()
    assert not TrackerIssue.objects.exists()
    # The item itself stays, unlinked.
    assert ActionItem.objects.filter(pk=item.pk).exists()
    entry = AuditEntry.objects.get(action="delete", object_type__icontains="tracker")
    assert "t0ken" not in json.dumps(entry.before) + json.dumps(entry.after)


def test_only_admins_remove_trackers(github, as_editor):
    assert as_editor.post(f"/settings/trackers/{github.pk}/delete/").status_code == 403
    assert Tracker.objects.filter(pk=github.pk).exists()


def test_removing_a_missing_tracker_is_a_404(db, as_admin):
    assert as_admin.post("/settings/trackers/999999/delete/").status_code == 404
