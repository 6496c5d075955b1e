"""A person's team: set on their profile or by an admin, used to filter action items."""

from unblame.accounts.models import User


def test_people_set_their_own_team(as_viewer, viewer):
    response = as_viewer.post(
        "/account/",
        {"first_name": "", "last_name": "", "email": "", "timezone": "UTC", "team": "payments"},
    )
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert viewer.team == "payments"


def test_admins_set_someone_elses_team(as_admin, viewer):
    as_admin.post(
        f"/people/{viewer.pk}/role/", {"role": "viewer", "is_active": "on", "team": "search"}
    )
    viewer.refresh_from_db()
    assert viewer.team == "search"


def test_the_people_page_shows_each_team(as_admin, viewer):
    User.objects.filter(pk=viewer.pk).update(team="platform")
    assert 'value="platform"' in as_admin.get("/people/").content.decode()
