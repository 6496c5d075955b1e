"""The tracker clients' edges: which tracker an item goes to, URLs, auth, and refusals."""

from __future__ import annotations

import pytest

from unblame.actions.models import ActionItem
from unblame.integrations.trackers import Tracker, TrackerError, TrackerIssue, receive_webhook

from .conftest import make_user
from .fake_servers import FakeServer


@pytest.fixture
def api():
    with FakeServer() as server:
        yield server


def tracker(kind: str, base_url: str = "", project: str = "acme/shop", **extra) -> Tracker:
    made = Tracker(kind=kind, base_url=base_url, project=project, token="tok", **extra)
    made.new_webhook_secret()
    made.save()
    return made


def test_github_and_gitlab_default_to_their_public_apis(db):
    assert tracker("github").api_url == "https://api.github.com"
    assert tracker("gitlab", team="web").api_url == "https://gitlab.com"


def test_a_base_url_is_used_without_its_trailing_slash(db):
    assert tracker("jira", "https://acme.atlassian.net/").api_url == "https://acme.atlassian.net"


def test_an_item_without_an_owner_goes_to_the_default_tracker(incident):
    default = tracker("github")
    tracker("gitlab", team="payments")
    item = ActionItem.objects.create(incident=incident, title="x")
    assert Tracker.for_item(item) == default


def test_a_team_without_its_own_tracker_falls_back_to_the_default(incident):
    default = tracker("github")
    owner = make_user("pat", "editor", team="search")
    item = ActionItem.objects.create(incident=incident, title="x", owner=owner)
    assert Tracker.for_item(item) == default


def test_with_only_team_trackers_other_teams_have_none(incident):
    tracker("gitlab", team="payments")
    item = ActionItem.objects.create(incident=incident, title="x")
    assert Tracker.for_item(item) is None


def test_jira_without_an_email_sends_a_bearer_token(api, db):
    api.routes[("POST", "/rest/api/2/issue")] = (201, {"key": "OPS-9"})
    issue = tracker("jira", api.url, "OPS").create_issue("Title", "Body")
    assert api.requests[0].headers["authorization"] == "Bearer tok"
    assert (issue.key, issue.closed) == ("OPS-9", False)
    assert api.requests[0].json()["fields"]["issuetype"] == {"name": "Task"}


def test_github_sends_its_api_media_type(api, db):
    api.routes[("POST", "/repos/acme/shop/issues")] = (201, {"number": 1, "html_url": "u"})
    tracker("github", api.url).create_issue("T", "B")
    assert api.requests[0].headers["accept"] == "application/vnd.github+json"


def test_a_gitlab_project_id_is_used_as_it_is(api, db):
    api.routes[("GET", "/api/v4/projects/1234/issues/5")] = (200, {"state": "closed"})
    assert tracker("gitlab", api.url, "1234").fetch_closed("5") is True


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ((500, {"message": "boom"}), "answered 500"),
        ((200, b"<html>maintenance</html>"), "other than JSON"),
        ((200, [1, 2]), "other than an object"),
    ],
)
def test_bad_answers_raise_a_tracker_error_that_says_why(api, db, answer, says):
    api.routes[("POST", "/repos/acme/shop/issues")] = answer
    with pytest.raises(TrackerError, match=says):
        tracker("github", api.url).create_issue("T", "B")


def test_an_unreachable_tracker_raises_a_tracker_error(db):
    with FakeServer() as gone:
        url = gone.url
    with pytest.raises(TrackerError, match="did not answer"):
        tracker("gitlab", url).create_issue("T", "B")


class Headers(dict):
    def get(self, key, default=None):
        return super().get(key, default)


def test_a_gitlab_hook_for_another_kind_of_object_is_ignored(incident):
    gitlab = tracker("gitlab")
    item = ActionItem.objects.create(incident=incident, title="x")
    TrackerIssue.objects.create(item=item, tracker=gitlab, key="7")
    body = b'{"object_kind": "merge_request", "object_attributes": {"iid": 7, "action": "close"}}'
    status, _ = receive_webhook(gitlab, Headers({"X-Gitlab-Token": gitlab.webhook_secret}), body)
    assert status == 202
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN


def test_a_signed_hook_that_is_a_json_array_is_refused(db):
    gitlab = tracker("gitlab")
    status, reason = receive_webhook(
        gitlab, Headers({"X-Gitlab-Token": gitlab.webhook_secret}), b"[1, 2]"
    )
    assert (status, reason) == (400, "body is not a JSON object")


def test_each_tracker_checks_its_own_secret(db):
    first, second = tracker("gitlab"), tracker("gitlab", team="web")
    status, _ = receive_webhook(second, Headers({"X-Gitlab-Token": first.webhook_secret}), b"{}")
    assert status == 401


def test_a_too_large_hook_body_is_refused_before_it_is_read(client, db):
    github = tracker("github")
    response = client.post(
        f"/hooks/trackers/{github.pk}/",
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(2 * 1024 * 1024),
    )
    assert response.status_code == 413
