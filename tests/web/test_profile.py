from unblame.accounts.models import AuditEntry


def test_it_shows_the_settings(as_viewer):
    response = as_viewer.get("/account/")
    assert response.status_code == 200
    assert "Europe/Paris" in response.content.decode()


def test_it_sets_the_time_zone(as_viewer, viewer):
    response = as_viewer.post("/account/", {"timezone": "America/New_York", "first_name": "Vic"})
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.timezone == "America/New_York"
    assert AuditEntry.objects.get(action="update").after["timezone"] == "America/New_York"


def test_it_rejects_an_unknown_time_zone(as_viewer, viewer):
    response = as_viewer.post("/account/", {"timezone": "Mars/Olympus"})
    assert response.status_code == 200
    viewer.refresh_from_db()
    assert viewer.timezone == "UTC"


def test_it_makes_an_api_token_shown_once(as_viewer, viewer):
    response = as_viewer.post("/account/api-token/")
    body = response.content.decode()
    viewer.refresh_from_db()
    token = body.split('<code class="token">')[1].split("</code>")[0]
    assert token.startswith("ub_")
    assert viewer.api_token_digest and token not in viewer.api_token_digest
    assert token not in as_viewer.get("/account/").content.decode()


def test_it_revokes_the_api_token(as_viewer, viewer):
    token = viewer.new_api_token()
    as_viewer.post("/account/api-token/revoke/")
    viewer.refresh_from_db()
    assert viewer.api_token_digest == ""
    assert viewer.for_api_token(token) is None


def test_it_redirects_anonymous_to_login(client, db):
    assert client.get("/account/").status_code == 302
