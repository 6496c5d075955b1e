from unblame.accounts.models import AuditEntry


def test_it_lists_people_for_admin(as_admin, viewer, editor):
    body = as_admin.get("/people/").content.decode()
    assert "vic" in body and "ed" in body


def test_it_changes_a_role(as_admin, viewer):
    response = as_admin.post(f"/people/{viewer.pk}/role/", {"role": "editor", "is_active": "on"})
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.role == "editor"
    entry = AuditEntry.objects.get(object_type="accounts.user")
    assert (entry.before["role"], entry.after["role"]) == ("viewer", "editor")


def test_it_deactivates_an_account(as_admin, viewer):
    as_admin.post(f"/people/{viewer.pk}/role/", {"role": "viewer"})
    viewer.refresh_from_db()
    assert not viewer.is_active


def test_it_rejects_an_unknown_role(as_admin, viewer):
    as_admin.post(f"/people/{viewer.pk}/role/", {"role": "emperor", "is_active": "on"})
    viewer.refresh_from_db()
    assert viewer.role == "viewer"


def test_it_refuses_to_change_own_role(as_admin, admin):
    as_admin.post(f"/people/{admin.pk}/role/", {"role": "viewer"})
    admin.refresh_from_db()
    assert admin.role == "admin" and admin.is_active


def test_it_forbids_editor_and_viewer(as_editor, as_viewer, viewer):
    assert as_editor.get("/people/").status_code == 403
    assert as_viewer.get("/people/").status_code == 403
    response = as_editor.post(f"/people/{viewer.pk}/role/", {"role": "admin", "is_active": "on"})
    assert response.status_code == 403
    viewer.refresh_from_db()
    assert viewer.role == "viewer"
