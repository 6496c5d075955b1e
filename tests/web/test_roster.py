"""The one roster of people's names the web app hands the analyzer."""

from unblame.accounts.models import RosterName
from unblame.accounts.roster import cached_per_request, roster
from unblame.incidents.models import Incident, Responder, TimelineEvent

from .conftest import make_user


def chat(incident, author, text="checkout is back"):
    return TimelineEvent.objects.create(
        incident=incident, kind=TimelineEvent.Kind.CHAT_MESSAGE, author_name=author, text=text
    )


def test_it_includes_every_accounts_username_and_names(db):
    make_user("zq", "viewer", first_name="Zorbel", last_name="Quillane")
    assert {"zq", "Zorbel", "Quillane", "Zorbel Quillane"} <= set(roster())


def test_it_skips_names_an_account_leaves_empty(db):
    make_user("zq", "viewer", last_name="Quillane")
    names = roster()
    assert "" not in names
    assert "Quillane" in names


def test_it_keeps_people_who_can_no_longer_sign_in(db):
    make_user("zq", "viewer", first_name="Zorbel", is_active=False)
    assert "Zorbel" in roster()


def test_it_includes_the_incidents_responders(incident, editor):
    other = make_user("zq", "editor", first_name="Zorbel")
    Responder.objects.create(incident=incident, user=other)
    assert {"ed", "zq", "Zorbel"} <= set(roster(incident))


def test_it_includes_chat_authors_on_the_incidents_timeline(incident):
    chat(incident, "Zorbel Q")
    assert "Zorbel Q" in roster(incident)


def test_it_leaves_out_chat_authors_of_other_incidents(incident, restricted):
    chat(restricted, "Zorbel Q")
    assert "Zorbel Q" not in roster(incident)
    assert "Zorbel Q" not in roster()


def test_it_leaves_out_the_names_on_other_kinds_of_event(incident):
    TimelineEvent.objects.create(
        incident=incident, kind=TimelineEvent.Kind.ALERT, author_name="Alertmanager", text="firing"
    )
    assert "Alertmanager" not in roster(incident)


def test_it_includes_names_admins_add(db, admin):
    RosterName.objects.create(name="Zorbel", added_by=admin)
    assert "Zorbel" in roster()


def test_it_adds_names_its_caller_has_not_stored_yet(incident):
    assert "Zorbel Quillane" in roster(incident, also=["Zorbel Quillane", " "])


def test_it_is_sorted_trimmed_and_without_duplicates(incident, admin):
    make_user("zorbel", "viewer", first_name="Zorbel")
    RosterName.objects.create(name="Zorbel", added_by=admin)
    chat(incident, "Zorbel")
    chat(incident, " Ada ")
    names = roster(incident)
    assert list(names) == sorted(set(names))
    assert list(names).count("Zorbel") == 1
    assert "Ada" in names and " Ada " not in names


def test_within_a_request_every_incident_shares_one_accounts_part(incident, admin):
    # A list page analyses thousands of rows: the accounts' names must be one
    # object shared by every incident's roster, so the analyzer indexes them once.
    other = Incident.objects.create(title="Another", severity=incident.severity)
    chat(other, "Quillane")
    with cached_per_request():
        first, second = roster(incident), roster(other)
    assert first.parts[0] is second.parts[0]
    assert "Quillane" in second and "Quillane" not in first


def test_it_takes_two_queries_and_one_more_for_an_incident(
    incident, admin, django_assert_num_queries
):
    with django_assert_num_queries(2):
        roster()
    with django_assert_num_queries(3):
        roster(incident)


def test_within_a_request_it_asks_the_database_once(incident, django_assert_num_queries):
    with cached_per_request():
        first = roster(incident)
        with django_assert_num_queries(0):
            assert roster(incident) == first
            assert roster() == roster(None)


def test_outside_a_request_it_sees_new_names_at_once(db, admin):
    before = roster()
    RosterName.objects.create(name="Zorbel", added_by=admin)
    assert "Zorbel" not in before
    assert "Zorbel" in roster()
