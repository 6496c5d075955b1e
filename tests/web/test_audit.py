from unblame.accounts.models import AuditEntry, record_change


def test_it_shows_entries_to_admin(as_admin, admin, incident):
    record_change(admin, incident, "update", {"title": "Old"}, {"title": "New"})
    body = as_admin.get("/audit/").content.decode()
    assert "incidents.incident" in body
    assert "Old" in body and "New" in body


def test_it_filters_by_object_type(as_admin, admin, incident, viewer):
    record_change(admin, incident, "update", {"title": "Old"}, {"title": "New"})
    record_change(admin, viewer, "update", {"role": "viewer"}, {"role": "editor"})
    response = as_admin.get("/audit/", {"type": "accounts.user"})
    assert [entry.object_type for entry in response.context["page"]] == ["accounts.user"]


def test_it_forbids_everyone_but_admins(as_editor, as_viewer, as_outsider):
    for client in (as_editor, as_viewer, as_outsider):
        assert client.get("/audit/").status_code == 403


def test_record_change_keeps_the_actor_name_after_deletion(admin, incident):
    record_change(admin, incident, "update", {}, {})
    admin.delete()
    entry = AuditEntry.objects.get()
    assert entry.actor is None
    assert entry.actor_name == "alice"


def test_changed_fields_lists_only_differences():
    entry = AuditEntry(before={"a": 1, "b": 2}, after={"a": 1, "b": 3, "c": 4})
    assert entry.changed_fields() == [("b", 2, 3), ("c", None, 4)]
