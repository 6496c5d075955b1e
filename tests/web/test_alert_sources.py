import json
import re

from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.incidents.models import Severity
from unblame.integrations.models import AlertSource

URL = reverse("integrations:alert_sources")


def create(client, name="prometheus", kind="alertmanager"):
    severity = Severity.objects.get(name="SEV3")
    return client.post(URL, {"name": name, "kind": kind, "default_severity": severity.pk})


def shown_token(response) -> str:
    return re.search(r"<code>(ubh_[\w-]+)</code>", response.content.decode())[1]


def test_it_is_for_admins_only(as_editor, as_viewer):
    assert as_editor.get(URL).status_code == 403
    assert as_viewer.get(URL).status_code == 403
    assert create(as_editor).status_code == 403
    assert not AlertSource.objects.exists()


def test_it_lists_sources_with_their_webhook_url(as_admin):
    create(as_admin)
    source = AlertSource.objects.get()
    text = as_admin.get(URL).content.decode()
    assert "prometheus" in text
    assert f"http://testserver/hooks/alerts/{source.pk}/" in text


def test_creating_a_source_shows_its_token_once(as_admin):
    response = create(as_admin)
    assert response.status_code == 200
    token = shown_token(response)
    source = AlertSource.objects.get()
    assert AlertSource.authenticate(source.pk, token) == source
    assert token not in as_admin.get(URL).content.decode()


def test_the_shown_token_works_on_the_webhook(as_admin, client):
    token = shown_token(create(as_admin, kind="generic"))
    source = AlertSource.objects.get()
    response = client.post(
        f"/hooks/alerts/{source.pk}/",
        json.dumps({"title": "Disk full", "status": "firing"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201


def test_it_rejects_a_duplicate_name(as_admin):
    create(as_admin)
    response = create(as_admin)
    assert response.status_code == 400
    assert AlertSource.objects.count() == 1


def test_a_new_token_replaces_the_old_one(as_admin):
    old = shown_token(create(as_admin))
    source = AlertSource.objects.get()
    response = as_admin.post(reverse("integrations:alert_source_rotate", args=[source.pk]))
    new = shown_token(response)
    assert new != old
    assert AlertSource.authenticate(source.pk, old) is None
    assert AlertSource.authenticate(source.pk, new) == source


def test_removing_a_source_keeps_its_incidents(as_admin):
    create(as_admin)
    source = AlertSource.objects.get()
    response = as_admin.post(reverse("integrations:alert_source_delete", args=[source.pk]))
    assert response.status_code == 302
    assert not AlertSource.objects.exists()


def test_changes_are_audited_without_the_token(as_admin):
    token = shown_token(create(as_admin))
    entry = AuditEntry.objects.get(object_type="integrations.alertsource", action="create")
    assert token not in json.dumps(entry.after)
    assert "token_digest" not in entry.after


def test_the_settings_index_links_here_for_admins_only(as_admin, as_editor):
    assert URL in as_admin.get("/settings/").content.decode()
    assert URL not in as_editor.get("/settings/").content.decode()
