"""The live try-harder hint the item form asks for as people type."""

from .actions_cast import *  # noqa: F403


def _check(client, incident, field, text):
    url = f"/incidents/{incident.pk}/actions/check/?field={field}"
    return client.post(url, {field: text}, headers={"HX-Request": "true"})


def test_it_hints_at_a_system_change_for_a_try_harder_title(as_editor, incident):
    response = _check(as_editor, incident, "title", "Be more careful when running migrations")
    body = response.content.decode()
    assert response.status_code == 200
    assert "The remedy asks people to be more careful." in body
    assert "automated" in body  # the rule's suggestion
    assert "UB501" in body


def test_it_checks_the_description_too(as_editor, incident):
    response = _check(as_editor, incident, "description", "More training for on-call engineers.")
    assert "try-harder-hint" in response.content.decode()


def test_it_says_nothing_about_a_system_change(as_editor, incident):
    response = _check(as_editor, incident, "title", "Add a presubmit check for schema changes")
    assert response.content.decode().strip() == ""


def test_viewers_may_ask_because_it_changes_nothing(as_viewer, incident):
    assert _check(as_viewer, incident, "title", "Remind engineers").status_code == 200


def test_it_refuses_other_fields(as_editor, incident):
    assert _check(as_editor, incident, "owner", "x").status_code == 404


def test_outsiders_get_404_on_a_restricted_incident(as_outsider, restricted):
    assert _check(as_outsider, restricted, "title", "Be more careful").status_code == 404


def _check_factor(client, incident, text):
    url = f"/incidents/{incident.pk}/actions/check/?field=description&of=factor"
    return client.post(url, {"description": text}, headers={"HX-Request": "true"})


def test_a_factor_description_that_blames_someone_gets_a_hint(as_editor, incident):
    response = _check_factor(as_editor, incident, "X should have checked the config.")
    body = response.content.decode()
    assert "About the system, not a person?" in body
    assert "UB301" in body


def test_a_factor_about_the_system_gets_no_hint(as_editor, incident):
    response = _check_factor(as_editor, incident, "Config pushes skip the canary stage.")
    assert response.content.decode().strip() == ""


def test_the_factor_form_asks_for_hints_as_people_type(as_editor, incident):
    page = as_editor.get(f"/incidents/{incident.pk}/factors/new/").content.decode()
    assert "actions/check/?field=description&amp;of=factor" in page
    assert 'id="hint-description"' in page


def test_only_a_factor_description_is_checked_for_factors(as_editor, incident):
    url = f"/incidents/{incident.pk}/actions/check/?field=title&of=factor"
    assert as_editor.post(url, {"title": "x"}).status_code == 404
