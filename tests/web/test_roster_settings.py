"""Settings → Roster: the names admins add so the analyzer reads them as people."""

from django.test import Client
from django.urls import reverse

from unblame.accounts.models import AuditEntry, RosterName

URL = reverse("accounts:roster")


def add(client, name="Zorbel"):
    return client.post(URL, {"name": name})


def delete_url(entry):
    return reverse("accounts:roster_delete", args=[entry.pk])


def errors(response) -> list[str]:
    return response.context["form"].errors["name"]


def test_it_is_for_admins_only(as_editor, as_viewer, as_outsider):
    for client in (as_editor, as_viewer, as_outsider):
        assert client.get(URL).status_code == 403
        assert add(client).status_code == 403
    assert not RosterName.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(db):
    response = add(Client())
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not RosterName.objects.exists()


def test_an_admin_adds_a_name(as_admin, admin):
    response = add(as_admin)
    assert response.status_code == 302
    entry = RosterName.objects.get()
    assert (entry.name, entry.added_by) == ("Zorbel", admin)
    assert "Zorbel is on the roster." in as_admin.get(URL).content.decode()


def test_adding_a_name_is_audited(as_admin, admin):
    add(as_admin)
    entry = AuditEntry.objects.get(object_type="accounts.rostername")
    assert (entry.actor, entry.action, entry.after) == (admin, "create", {"name": "Zorbel"})


def test_it_lists_the_names_with_who_added_them(as_admin, admin):
    add(as_admin, "Zorbel")
    add(as_admin, "Quillane Fenwick")
    page = as_admin.get(URL).content.decode()
    assert page.index("<td>Quillane Fenwick</td>") < page.index("<td>Zorbel</td>")
    assert "<td>alice</td>" in page


def test_it_tidies_spaces_inside_and_around_a_name(as_admin):
    add(as_admin, "  Zorbel \n Quillane ")
    assert RosterName.objects.get().name == "Zorbel Quillane"


def test_it_rejects_a_blank_name(as_admin):
    for blank in ("", "   "):
        response = add(as_admin, blank)
        assert response.status_code == 400
        assert errors(response) == ["Enter a name."]
        assert "Enter a name." in response.content.decode()
    assert not RosterName.objects.exists()


def test_it_rejects_a_name_over_100_characters(as_admin):
    response = add(as_admin, "Z" * 101)
    assert response.status_code == 400
    assert errors(response) == ["A name is at most 100 characters."]
    assert add(as_admin, "Z" * 100).status_code == 302


def test_it_rejects_a_name_already_on_the_list_whatever_the_case(as_admin):
    add(as_admin, "Zorbel")
    response = add(as_admin, "zorbel")
    assert response.status_code == 400
    assert errors(response) == ["zorbel is on the roster already."]
    assert RosterName.objects.count() == 1


def test_an_admin_removes_a_name_and_it_is_audited(as_admin, admin):
    add(as_admin)
    entry = RosterName.objects.get()
    response = as_admin.post(delete_url(entry))
    assert response.status_code == 302
    assert not RosterName.objects.exists()
    audit = AuditEntry.objects.get(object_type="accounts.rostername", action="delete")
    assert (audit.actor, audit.before) == (admin, {"name": "Zorbel"})


def test_editors_and_viewers_cannot_remove_a_name(as_admin, as_editor, as_viewer):
    add(as_admin)
    entry = RosterName.objects.get()
    for client in (as_editor, as_viewer):
        assert client.post(delete_url(entry)).status_code == 403
    assert RosterName.objects.filter(pk=entry.pk).exists()


def test_removing_takes_a_post(as_admin):
    add(as_admin)
    assert as_admin.get(delete_url(RosterName.objects.get())).status_code == 405
    assert RosterName.objects.exists()


def test_removing_a_name_that_is_gone_is_404(as_admin):
    add(as_admin)
    url = delete_url(RosterName.objects.get())
    RosterName.objects.all().delete()
    assert as_admin.post(url).status_code == 404
